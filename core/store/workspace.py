"""One learner's workspace: named, versioned items of opaque bytes, read and written through a handle.

A handle holds only the sha256 of its secret. Reads never write; the workspace row appears with the first
write. Every write is one transaction that locks the workspace (PostgreSQL: its row FOR UPDATE; SQLite: the
write lock), checks the versions the caller read, checks the limits before changing anything, then writes
the items and the workspace's byte count together. The data are never interpreted (the callers give
safetensors, JSON, npz bytes).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from core.store import keys
from core.store.errors import StaleWrite, StoreFull, TooManyNewWorkspaces, WorkspaceFull
from core.store.schema import access_keys, items, new_workspaces, transfer_codes, workspaces

if TYPE_CHECKING:
    from core.store.store import WorkspaceStore

TOUCH_EVERY_S = 60.0
LATEST = object()  # a put's version meaning "whatever is stored" (put_latest)


@dataclass(frozen=True)
class Item:
    """One stored item: its bytes and the version they were written as (1 for the first write)."""

    kind: str
    name: str
    data: bytes
    version: int


@dataclass(frozen=True)
class ItemHead:
    """An item without its bytes: what a listing needs."""

    kind: str
    name: str
    version: int
    size: int


def workspace_summary(connection: Connection, workspace_id: str) -> dict[str, int]:
    """{kind: item count, ..., "bytes": total} of a workspace; {} when it does not exist."""
    total = connection.scalar(select(workspaces.c.bytes).where(workspaces.c.id == workspace_id))
    if total is None:
        return {}
    counts = connection.execute(
        select(items.c.kind, func.count()).where(items.c.workspace_id == workspace_id).group_by(items.c.kind))
    return {**{kind: int(count) for kind, count in counts}, "bytes": int(total)}


class Workspace:
    """A handle on the workspace one secret opens; cheap to make, safe to keep for a browser session."""

    def __init__(self, store: WorkspaceStore, key_hash: str, address_hash: str | None):
        self._store = store
        self._key_hash = key_hash
        self._address_hash = address_hash
        self._touched = float("-inf")

    def __repr__(self) -> str:
        return "Workspace(…)"  # never show even the key's hash in a log

    # -- reading

    def _id_query(self):
        return select(access_keys.c.workspace_id).where(access_keys.c.key_hash == self._key_hash)

    def _items_of_mine(self):
        return items.c.workspace_id == self._id_query().scalar_subquery()

    def exists(self) -> bool:
        """Whether anything was ever written to this workspace (and it was not forgotten or removed)."""
        with self._store.reading() as connection:
            return connection.scalar(self._id_query()) is not None

    def summary(self) -> dict[str, int]:
        """{kind: item count, ..., "bytes": total}; {} when the workspace does not exist."""
        with self._store.reading() as connection:
            workspace_id = connection.scalar(self._id_query())
            return {} if workspace_id is None else workspace_summary(connection, workspace_id)

    def get(self, kind: str, name: str) -> Item | None:
        """The item, or None."""
        found = self.get_many(kind, [name])
        return found[0] if found else None

    def get_many(self, kind: str, names: list[str]) -> list[Item]:
        """The items of one kind with these names that exist, in name order, in one query."""
        if not names:
            return []
        query = (select(items.c.kind, items.c.name, items.c.data, items.c.version)
                 .where(self._items_of_mine(), items.c.kind == kind, items.c.name.in_(list(names)))
                 .order_by(self._store.in_name_order(items.c.name)))
        with self._store.reading() as connection:
            rows = connection.execute(query)
            return [Item(row.kind, row.name, bytes(row.data), row.version) for row in rows]

    def heads(self, kind: str) -> list[ItemHead]:
        """Every item of a kind without its bytes, in name order."""
        query = (select(items.c.kind, items.c.name, items.c.version, items.c.size)
                 .where(self._items_of_mine(), items.c.kind == kind)
                 .order_by(self._store.in_name_order(items.c.name)))
        with self._store.reading() as connection:
            return [ItemHead(*row) for row in connection.execute(query)]

    # -- writing

    def put(self, kind: str, name: str, data: bytes, version: int | None) -> int:
        """Write an item the caller read at `version` (None: it must not exist yet); its new version."""
        return self.write([(kind, name, data, version)])[(kind, name)]

    def put_latest(self, kind: str, name: str, data: bytes) -> int:
        """Write an item whatever is stored (one writer: the server's run consumer); its new version."""
        return self.write([(kind, name, data, LATEST)])[(kind, name)]

    def write(self, puts: list[tuple[str, str, bytes, int | None]],
              deletes: list[tuple[str, str]] = ()) -> dict[tuple[str, str], int]:
        """Several puts and deletes in one transaction, all or nothing; {(kind, name): new version}."""
        puts = [(*_checked_key(kind, name), _as_bytes(data), version) for kind, name, data, version in puts]
        deletes = [_checked_key(kind, name) for kind, name in deletes]
        put_keys = [(kind, name) for kind, name, _, _ in puts]
        if len(set(put_keys)) != len(put_keys) or set(put_keys) & set(deletes):
            raise ValueError("an item appears twice in one write")
        now = time.time()
        with self._store.writing() as connection:
            workspace_id = connection.scalar(self._id_query())
            if workspace_id is None:
                if not puts:
                    return {}
                workspace_id = self._create(connection, now)
            versions = self._apply(connection, workspace_id, puts, deletes, now)
        self._touched = now
        return versions

    def delete(self, kind: str, name: str, version: int | None = None) -> None:
        """Delete an item; with `version`, only if that is still the stored version (else StaleWrite)."""
        if version is None:
            self.write([], [(kind, name)])
            return
        kind, name = _checked_key(kind, name)
        with self._store.writing() as connection:
            workspace_id = connection.scalar(self._id_query())
            stored = {}
            if workspace_id is not None:
                self._lock(connection, workspace_id)
                stored = _versions_and_sizes(connection, workspace_id, [(kind, name)])
            if not stored or stored[(kind, name)][0] != version:
                raise StaleWrite(None if not stored else _read_item(connection, workspace_id, kind, name))
            self._apply(connection, workspace_id, [], [(kind, name)], time.time())

    def delete_prefix(self, kind: str, prefix: str) -> int:
        """Delete the items of a kind whose names start with `prefix` (a run's checkpoints); how many."""
        with self._store.writing() as connection:
            workspace_id = connection.scalar(self._id_query())
            if workspace_id is None:
                return 0
            self._lock(connection, workspace_id)
            mine = and_(items.c.workspace_id == workspace_id, items.c.kind == kind,
                        func.substr(items.c.name, 1, len(prefix)) == prefix)  # not LIKE: SQLite's is caseless
            count, size = connection.execute(select(func.count(), func.coalesce(func.sum(items.c.size), 0))
                                             .where(mine)).one()
            connection.execute(delete(items).where(mine))
            connection.execute(update(workspaces).where(workspaces.c.id == workspace_id)
                               .values(bytes=workspaces.c.bytes - size, touched_at=time.time()))
        return int(count)

    def forget(self) -> None:
        """"Forget me": delete the workspace, every item, transfer code and access key, for real."""
        with self._store.writing() as connection:
            workspace_id = connection.scalar(self._id_query())
            if workspace_id is None:
                return
            self._lock(connection, workspace_id)
            for table in (items, transfer_codes, access_keys):
                connection.execute(delete(table).where(table.c.workspace_id == workspace_id))
            connection.execute(delete(workspaces).where(workspaces.c.id == workspace_id))
        self._store.checkpoint()

    def transfer_code(self, now: float | None = None) -> str:
        """A one-time code, valid 10 minutes, opening this workspace elsewhere (creates it if needed)."""
        now = time.time() if now is None else now
        code = keys.new_transfer_code()
        with self._store.writing() as connection:
            workspace_id = connection.scalar(self._id_query()) or self._create(connection, now)
            connection.execute(delete(transfer_codes).where(transfer_codes.c.expires_at <= now))
            expires_at = now + keys.CODE_SECONDS
            connection.execute(insert(transfer_codes).values(
                code_hash=keys.code_hash(code), workspace_id=workspace_id, expires_at=expires_at))
        return code

    def touch(self) -> None:
        """Mark the workspace in use (idle removal counts from here); one write a minute at most."""
        now = time.time()
        if now - self._touched < TOUCH_EVERY_S:
            return
        with self._store.writing() as connection:
            connection.execute(update(workspaces).where(workspaces.c.id == self._id_query().scalar_subquery())
                               .values(touched_at=now))
        self._touched = now

    # -- inside a write transaction

    def id_in(self, connection: Connection, create_at: float | None = None) -> str | None:
        """Inside one of the store's transactions: this workspace's row id; None when it has none, unless
        `create_at` is given in a write transaction, which makes it as a first write does (core.classroom)."""
        workspace_id = connection.scalar(self._id_query())
        if workspace_id is None and create_at is not None:
            workspace_id = self._create(connection, create_at)
        return workspace_id

    def _create(self, connection: Connection, now: float) -> str:
        """Make the workspace row and this secret's key (TooManyNewWorkspaces past the hourly limit)."""
        if self._address_hash is not None:
            window = now - 3600.0
            connection.execute(delete(new_workspaces).where(new_workspaces.c.created_at <= window))
            made = connection.scalar(select(func.count()).where(
                new_workspaces.c.address_hash == self._address_hash, new_workspaces.c.created_at > window))
            if made >= self._store.new_per_hour:
                raise TooManyNewWorkspaces(self._store.new_per_hour)
        workspace_id = secrets.token_hex(16)
        row = {"id": workspace_id, "created_at": now, "touched_at": now, "bytes": 0}
        connection.execute(insert(workspaces).values(**row))
        added = connection.execute(self._store.insert_ignoring_conflict(access_keys)
                                   .values(key_hash=self._key_hash, workspace_id=workspace_id))
        if added.rowcount == 0:  # another process made it first (PostgreSQL; SQLite's lock rules this out)
            connection.execute(delete(workspaces).where(workspaces.c.id == workspace_id))
            return connection.scalar(self._id_query())
        if self._address_hash is not None:
            connection.execute(insert(new_workspaces).values(address_hash=self._address_hash, created_at=now))
        return workspace_id

    @staticmethod
    def _lock(connection: Connection, workspace_id: str) -> int:
        """Lock the workspace row for this transaction; the bytes it holds."""
        query = select(workspaces.c.bytes).where(workspaces.c.id == workspace_id).with_for_update()
        return connection.scalar(query)

    def _apply(self, connection: Connection, workspace_id: str, puts: list, deletes: list,
               now: float) -> dict[tuple[str, str], int]:
        used = self._lock(connection, workspace_id)
        stored = _versions_and_sizes(connection, workspace_id, [(k, n) for k, n, _, _ in puts] + deletes)
        for kind, name, _, version in puts:
            if version is not LATEST and stored.get((kind, name), (None, 0))[0] != version:
                raise StaleWrite(_read_item(connection, workspace_id, kind, name))
        change = (sum(len(data) for _, _, data, _ in puts)
                  - sum(size for _, size in stored.values()))
        self._check_room(connection, used, change)
        versions = {}
        for kind, name, data, _ in puts:
            key = (kind, name)
            values = {"data": data, "size": len(data), "updated_at": now}
            if key in stored:
                versions[key] = stored[key][0] + 1
                this = and_(items.c.workspace_id == workspace_id, items.c.kind == kind, items.c.name == name)
                connection.execute(update(items).where(this).values(version=versions[key], **values))
            else:
                versions[key] = 1
                connection.execute(insert(items).values(workspace_id=workspace_id, kind=kind, name=name,
                                                        version=1, **values))
        gone = [key for key in deletes if key in stored]
        if gone:
            connection.execute(delete(items).where(items.c.workspace_id == workspace_id,
                                                   _any_of(gone)))
        connection.execute(update(workspaces).where(workspaces.c.id == workspace_id)
                           .values(bytes=workspaces.c.bytes + change, touched_at=now))
        return versions

    def _check_room(self, connection: Connection, used: int, change: int) -> None:
        """Refuse a write that grows the workspace past its limit, or the store past its cap."""
        if change <= 0:
            return
        store = self._store
        if used + change > store.max_workspace_bytes:
            raise WorkspaceFull(used, store.max_workspace_bytes)
        if store.max_total_bytes is not None:
            total = store.total_bytes_in(connection)
            if total + change > store.max_total_bytes:
                raise StoreFull(total, store.max_total_bytes)


def _checked_key(kind: str, name: str) -> tuple[str, str]:
    """(kind, name) as the schema holds them: a kind of 1 to 64 characters, a name of at most 255."""
    if not (isinstance(kind, str) and isinstance(name, str) and 0 < len(kind) <= 64 and len(name) <= 255):
        raise ValueError("an item's kind is 1 to 64 characters, its name at most 255")
    return kind, name


def _as_bytes(data: bytes) -> bytes:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("item data must be bytes")
    return bytes(data)  # a memoryview's len() counts its elements, not its bytes


def _any_of(keys_: list[tuple[str, str]]):
    return or_(*(and_(items.c.kind == kind, items.c.name == name) for kind, name in keys_))


def _versions_and_sizes(connection: Connection, workspace_id: str,
                        wanted: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[int, int]]:
    if not wanted:
        return {}
    rows = connection.execute(select(items.c.kind, items.c.name, items.c.version, items.c.size)
                              .where(items.c.workspace_id == workspace_id, _any_of(wanted)))
    return {(row.kind, row.name): (row.version, row.size) for row in rows}


def _read_item(connection: Connection, workspace_id: str, kind: str, name: str) -> Item | None:
    row = connection.execute(select(items.c.data, items.c.version).where(
        items.c.workspace_id == workspace_id, items.c.kind == kind, items.c.name == name)).first()
    return None if row is None else Item(kind, name, bytes(row.data), row.version)
