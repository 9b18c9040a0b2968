"""The workspace store: one database of learners' workspaces, opened once per app process.

open_store builds the engine and migrates the database; WorkspaceStore hands out Workspace handles by
secret and does what is not one workspace's business: transfer codes that are redeemed elsewhere, removing
idle workspaces, the store's total size. What a workspace holds and how it is written lives in
core/store/workspace.py.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, delete, func, insert, select

from core.store import keys, settings
from core.store.engine import make_engine, translate_errors
from core.store.errors import StoreUnavailable
from core.store.schema import access_keys, new_workspaces, transfer_codes, workspaces
from core.store.workspace import Workspace, workspace_summary

RATE_WINDOW_S = 3600.0


class WorkspaceStore:
    """Every learner's workspace in one database, with the limits this deployment sets."""

    new_secret = staticmethod(keys.new_secret)

    def __init__(self, engine: Engine, *, cookie_name: str, max_workspace_bytes: int,
                 max_total_bytes: int | None, idle_days: float, new_per_hour: int):
        self.engine = engine
        self.cookie_name = cookie_name
        self.max_workspace_bytes = max_workspace_bytes
        self.max_total_bytes = max_total_bytes
        self.idle_days = idle_days
        self.new_per_hour = new_per_hour

    def __repr__(self) -> str:
        return f"WorkspaceStore({self.engine.dialect.name}, cookie {self.cookie_name!r})"

    def workspace(self, secret: str, address: str | None = None) -> Workspace:
        """The workspace a secret opens (created by its first write); ValueError for a malformed secret."""
        return Workspace(self, keys.key_hash(secret), None if address is None else keys.address_hash(address))

    def peek_transfer(self, code: str, now: float | None = None) -> dict[str, int] | None:
        """What the workspace a valid, unexpired code names holds, leaving the code unused; else None."""
        hashed = keys.code_hash(code)
        if hashed is None:
            return None
        now = time.time() if now is None else now
        with self.reading() as connection:
            workspace_id = connection.scalar(
                select(transfer_codes.c.workspace_id).where(
                    transfer_codes.c.code_hash == hashed, transfer_codes.c.expires_at > now))
            return None if workspace_id is None else workspace_summary(connection, workspace_id)

    def redeem_transfer(self, code: str, now: float | None = None) -> str | None:
        """Use a code up: a new secret opening the same workspace; None: unknown, expired or used."""
        hashed = keys.code_hash(code)
        if hashed is None:
            return None
        now = time.time() if now is None else now
        with self.writing() as connection:
            row = connection.execute(
                select(transfer_codes.c.workspace_id, transfer_codes.c.expires_at)
                .where(transfer_codes.c.code_hash == hashed)).first()
            if row is None:
                return None
            used = connection.execute(delete(transfer_codes).where(transfer_codes.c.code_hash == hashed))
            if used.rowcount != 1 or row.expires_at <= now:
                return None
            secret = keys.new_secret()
            connection.execute(insert(access_keys).values(key_hash=keys.key_hash(secret),
                                                          workspace_id=row.workspace_id))
        return secret

    def remove_idle(self, now: float | None = None) -> int:
        """Delete every workspace untouched for idle_days (with its items and keys); how many went."""
        now = time.time() if now is None else now
        with self.writing() as connection:
            connection.execute(delete(transfer_codes).where(transfer_codes.c.expires_at <= now))
            window = now - RATE_WINDOW_S
            connection.execute(delete(new_workspaces).where(new_workspaces.c.created_at <= window))
            removed = connection.execute(
                delete(workspaces).where(workspaces.c.touched_at < now - self.idle_days * 86400.0)).rowcount
        self.checkpoint()
        return removed

    def total_bytes(self) -> int:
        """The bytes every workspace's items hold together."""
        with self.reading() as connection:
            return self.total_bytes_in(connection)

    @staticmethod
    def total_bytes_in(connection: Connection) -> int:
        return int(connection.scalar(select(func.coalesce(func.sum(workspaces.c.bytes), 0))))

    def dispose(self) -> None:
        """Close the database connections (the store cannot be used after)."""
        self.engine.dispose()

    def checkpoint(self) -> None:
        """SQLite: copy the write-ahead log into the file and empty it, so deleted bytes leave the log too."""
        if self.engine.dialect.name == "sqlite":
            with translate_errors():
                connection = self.engine.raw_connection()  # no BEGIN: a checkpoint runs outside a transaction
                try:
                    connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    connection.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in a read transaction (one snapshot); database errors become StoreUnavailable."""
        with translate_errors(), self.engine.connect() as connection:
            yield connection

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed at the end (SQLite: write lock taken at BEGIN)."""
        with translate_errors(), self.engine.connect() as connection:
            if self.engine.dialect.name == "sqlite":
                connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                yield connection

    def in_name_order(self, column):
        """The column to sort by bytewise, as SQLite does (PostgreSQL's default follows a locale)."""
        return column.collate("C") if self.engine.dialect.name == "postgresql" else column

    def insert_ignoring_conflict(self, table):
        """INSERT ... ON CONFLICT DO NOTHING in this database's dialect."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        return dialect_insert(table).on_conflict_do_nothing()


def open_store(url: str, **limits) -> WorkspaceStore:
    """Open (and migrate to head) the store at `url`; limits default to the environment's (settings.py)."""
    from alembic.util import CommandError  # Alembic (0.2 s to import) only where a store is opened

    from core.store.migrate import upgrade

    chosen = settings.limits_from_environment()
    chosen["cookie_name"] = settings.cookie_name(url)
    unknown = set(limits) - set(chosen)
    if unknown:
        raise TypeError(f"unknown store settings: {sorted(unknown)}")
    chosen.update(limits)
    engine = make_engine(url)
    try:
        with translate_errors():
            upgrade(engine)
    except CommandError as error:  # e.g. a database migrated by a newer version of the app
        engine.dispose()
        raise StoreUnavailable(f"cannot migrate the database: {error}") from None
    except BaseException:
        engine.dispose()
        raise
    return WorkspaceStore(engine, **chosen)
