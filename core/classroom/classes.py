"""Classes: a teacher's class in the workspace store, the learners who join it by code, the runs they share.

Every change is one write transaction that first locks the class row (PostgreSQL: FOR UPDATE; SQLite: its
write lock) and ends by raising the class's version, so a page caches a board per (class_id, version) and
polls version() alone. A learner's membership hangs off their workspace: "forget me" or idle removal deletes
it with their shared runs, and the version still moves (see `_version_of`).
Teacher operations take the teacher key first; only its hash is stored, like the recovery code's.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Iterator, Mapping

from sqlalchemy import Connection, delete, func, insert, select, update

from core.classroom import codes
from core.classroom.challenge import checked_challenge
from core.classroom.errors import NotFound, Refused, TooManyAttempts, WrongKey
from core.classroom.records import (
    NAME_CHARS,
    Board,
    BoardRun,
    ClassInfo,
    Member,
    NewClass,
    SharedRun,
    clean_nickname,
    clean_text,
    plain_json,
    run_data,
    run_from_data,
)
from core.classroom.sweep import checked_sweep
from core.store import WorkspaceStore
from core.store.keys import address_hash, new_secret
from core.store.schema import classes as classes_table
from core.store.schema import join_attempts, members, shares
from core.store.workspace import Workspace

LANGUAGES = ("en", "zh")
ATTEMPTS_PER_MINUTE = 10
SHARES_PER_MINUTE = 6
SHARES_PER_CLASS = 600


def _setting(environ: Mapping[str, str], name: str, default: float) -> float:
    return float(environ.get(name, "") or default)


def _version_of(class_id):
    """The version a page sees: the class's own count of changes, plus one for each member whose workspace
    went (forgotten or idle: the row went by cascade, which cannot touch the class row)."""
    live = (select(func.count()).select_from(members).where(members.c.class_id == class_id)
            .scalar_subquery())
    return classes_table.c.version + classes_table.c.members_joined - live


class Classes:
    """Every class in one workspace store."""

    def __init__(self, store: WorkspaceStore, environ: Mapping[str, str] | None = None):
        self._store = store
        self._environ = os.environ if environ is None else environ

    def __repr__(self) -> str:
        return f"Classes({self._store!r})"

    # -- a teacher's class

    def create(self, teacher: Workspace, name: str, language: str, create_code: str | None = None,
               now: float | None = None) -> NewClass:
        """A new class; Refused("create_code") without this deployment's CLASS_CREATE_CODE, Refused(
        "too_many_classes") past APP_MAX_CLASSES, Refused("name"/"language") for a bad name or language."""
        now = time.time() if now is None else now
        required = self._environ.get("CLASS_CREATE_CODE", "")
        given = str(create_code or "").encode("utf-8")
        if required and not hmac.compare_digest(given, required.encode("utf-8")):
            raise Refused("create_code")
        name = clean_text(name, NAME_CHARS)
        if not name:
            raise Refused("name")
        if language not in LANGUAGES:
            raise Refused("language", allowed=LANGUAGES)
        limit = int(_setting(self._environ, "APP_MAX_CLASSES", 200))
        teacher_key, recovery_code = new_secret(), codes.new_recovery_code()
        class_id = secrets.token_hex(16)
        with self._store.writing() as connection:
            if connection.scalar(select(func.count()).select_from(classes_table)) >= limit:
                raise Refused("too_many_classes", limit=limit)
            join_code = self._unused_join_code(connection)
            connection.execute(insert(classes_table).values(
                id=class_id, join_code_hash=codes.join_code_hash(join_code),
                teacher_key_hash=codes.teacher_key_hash(teacher_key),
                recovery_hash=codes.recovery_hash(recovery_code),
                teacher_workspace_id=teacher.id_in(connection, create_at=now), name=name, language=language,
                locked=False, ended=False, sweep=None, version=1, members_joined=0, created_at=now,
                active_at=now))
        return NewClass(class_id, join_code, teacher_key, recovery_code)

    @staticmethod
    def _unused_join_code(connection: Connection) -> str:
        while True:  # 40 bits among at most a few hundred classes: a second draw is already rare
            code = codes.new_join_code()
            taken = connection.scalar(select(classes_table.c.id).where(
                classes_table.c.join_code_hash == codes.join_code_hash(code)))
            if taken is None:
                return code

    def taught(self, teacher: Workspace) -> list[ClassInfo]:
        """The classes this workspace created, newest first (its teacher still needs the key to moderate)."""
        with self._store.reading() as connection:
            workspace_id = teacher.id_in(connection)
            if workspace_id is None:
                return []
            rows = connection.execute(self._info_query()
                                      .where(classes_table.c.teacher_workspace_id == workspace_id)
                                      .order_by(classes_table.c.created_at.desc()))
            return [_info(row) for row in rows]

    def recover(self, recovery_code: str, address: str | None = None,
                now: float | None = None) -> tuple[str, str] | None:
        """(class_id, a new teacher key) for a recovery code, the old key void from now; None if wrong
        (TooManyAttempts after 10 wrong codes from this address in a minute)."""
        hashed = codes.recovery_hash(recovery_code)
        now = time.time() if now is None else now
        self._check_attempts(address, now)
        teacher_key = new_secret()
        with self._store.writing() as connection:
            class_id = connection.scalar(select(classes_table.c.id).where(
                classes_table.c.recovery_hash == (hashed or "-")).with_for_update())
            if class_id is None:
                _record_miss(connection, address, now)
                return None
            connection.execute(update(classes_table).where(classes_table.c.id == class_id).values(
                teacher_key_hash=codes.teacher_key_hash(teacher_key), active_at=now))
        return class_id, teacher_key

    def is_teacher(self, teacher_key: str, class_id: str) -> bool:
        """Whether `teacher_key` is this class's teacher key."""
        with self._store.reading() as connection:
            return self._teacher_matches(connection, teacher_key, class_id)

    # -- learners

    def find(self, join_code: str, address: str | None = None, now: float | None = None) -> ClassInfo | None:
        """The class a join code names (ended ones too), or None; TooManyAttempts after 10 wrong codes from
        this address in a minute."""
        now = time.time() if now is None else now
        self._check_attempts(address, now)
        with self._store.reading() as connection:
            row = connection.execute(self._info_query().where(
                classes_table.c.join_code_hash == (codes.join_code_hash(join_code) or "-"))).first()
        if row is None:
            with self._store.writing() as connection:
                _record_miss(connection, address, now)
            return None
        return _info(row)

    def info(self, class_id: str) -> ClassInfo | None:
        """The class, or None."""
        with self._store.reading() as connection:
            row = connection.execute(self._info_query().where(classes_table.c.id == class_id)).first()
            return None if row is None else _info(row)

    def version(self, class_id: str) -> int:
        """The class's version (one query, for polling); NotFound when it is gone."""
        with self._store.reading() as connection:
            version = connection.scalar(select(_version_of(classes_table.c.id))
                                        .where(classes_table.c.id == class_id))
        if version is None:
            raise NotFound("no such class")
        return int(version)

    def join(self, join_code: str, learner: Workspace, nickname: str, address: str | None = None,
             now: float | None = None) -> Member:
        """Join by code (again: the same member, nickname updated unless the class is locked); NotFound for
        a wrong code, Refused("locked"/"ended"/"nickname"), TooManyAttempts after 10 wrong codes from this
        address in a minute (only wrong codes count: a class behind one school address joins at once)."""
        now = time.time() if now is None else now
        self._check_attempts(address, now)
        nickname = clean_nickname(nickname)
        try:
            with self._store.writing() as connection:
                found = connection.execute(
                    select(classes_table.c.id, classes_table.c.locked, classes_table.c.ended,
                           classes_table.c.sweep, classes_table.c.members_joined)
                    .where(classes_table.c.join_code_hash == (codes.join_code_hash(join_code) or "-"))
                    .with_for_update()).first()
                if found is None:
                    raise NotFound("no class has this code")
                if found.ended:
                    raise Refused("ended")
                workspace_id = learner.id_in(connection, create_at=now)
                existing = connection.execute(
                    select(members.c.id, members.c.join_order, members.c.nickname)
                    .where(members.c.class_id == found.id, members.c.workspace_id == workspace_id)).first()
                if existing is None and found.locked:
                    raise Refused("locked")
                if existing is None:
                    member_id, order = secrets.token_hex(8), found.members_joined
                    connection.execute(insert(members).values(
                        id=member_id, class_id=found.id, workspace_id=workspace_id, nickname=nickname,
                        hidden=False, joined_at=now, join_order=order))
                    self._changed(connection, found.id, now, joined=1)
                else:
                    member_id, order, stored = existing
                    if found.locked:  # no changes now: nor undoing the teacher's renaming
                        nickname = stored
                    elif nickname != stored:
                        connection.execute(update(members).where(members.c.id == member_id)
                                           .values(nickname=nickname))
                        self._changed(connection, found.id, now)
        except NotFound:
            self._miss(address, now)  # its own transaction: the join's was rolled back
            raise
        return Member(found.id, member_id, nickname, _sweep_value(found.sweep, order))

    def memberships(self, learner: Workspace) -> list[Member]:
        """The classes this workspace joined that have not ended, the latest joined first."""
        with self._store.reading() as connection:
            workspace_id = learner.id_in(connection)
            if workspace_id is None:
                return []
            rows = connection.execute(
                select(members.c.class_id, members.c.id, members.c.nickname, members.c.join_order,
                       classes_table.c.sweep)
                .join(classes_table, classes_table.c.id == members.c.class_id)
                .where(members.c.workspace_id == workspace_id, classes_table.c.ended.is_(False))
                .order_by(members.c.joined_at.desc()))
            return [Member(row.class_id, row.id, row.nickname, _sweep_value(row.sweep, row.join_order))
                    for row in rows]

    def share(self, class_id: str, learner: Workspace, run: SharedRun, now: float | None = None) -> str:
        """Put a run on the class board (the same run_id again replaces it); its share_id. NotFound when not
        a member; Refused("locked"/"ended"/"too_fast"/"class_full"/"run")."""
        now = time.time() if now is None else now
        data = run_data(run)
        with self._store.writing() as connection:
            state = self._lock_class(connection, class_id)
            member_id = self._member_of(connection, class_id, learner)
            if state.ended or state.locked:
                raise Refused("ended" if state.ended else "locked")
            if _recent_attempts(connection, _sharer_hash(member_id), now) > SHARES_PER_MINUTE:
                raise Refused("too_fast", limit=SHARES_PER_MINUTE)
            share_id = connection.scalar(select(shares.c.id).where(
                shares.c.member_id == member_id, shares.c.run_id == run.run_id))
            if share_id is None:
                held = connection.scalar(select(func.count()).select_from(shares)
                                         .where(shares.c.class_id == class_id))
                if held >= SHARES_PER_CLASS:
                    raise Refused("class_full", limit=SHARES_PER_CLASS)
                share_id = secrets.token_hex(8)
                connection.execute(insert(shares).values(
                    id=share_id, class_id=class_id, member_id=member_id, run_id=run.run_id, data=data,
                    hidden=False, shared_at=now))
            else:
                connection.execute(update(shares).where(shares.c.id == share_id)
                                   .values(data=data, shared_at=now))
            self._changed(connection, class_id, now)
        return share_id

    def share_check(self, class_id: str, learner: Workspace, result: dict, now: float | None = None) -> None:
        """Keep the learner's concept-check result in the class (replacing the last one): small plain JSON,
        per idea, never their answers. NotFound when not a member; Refused("ended"/"check")."""
        now = time.time() if now is None else now
        data = plain_json(result, "check", limit=4_000)
        with self._store.writing() as connection:
            state = self._lock_class(connection, class_id)
            member_id = self._member_of(connection, class_id, learner)
            if state.ended:
                raise Refused("ended")
            connection.execute(update(members).where(members.c.id == member_id).values(check_result=data))
            self._changed(connection, class_id, now)

    def check_results(self, teacher_key: str, class_id: str) -> list[dict]:
        """Every member's concept-check result, in no particular order and without who gave it."""
        with self._store.reading() as connection:
            if not self._teacher_matches(connection, teacher_key, class_id):
                raise WrongKey()
            rows = connection.scalars(select(members.c.check_result).where(
                members.c.class_id == class_id, members.c.check_result.is_not(None))
                .order_by(func.random()))
            return [json.loads(row) for row in rows]

    def withdraw(self, class_id: str, learner: Workspace, share_id: str, now: float | None = None) -> None:
        """Take one of the learner's own runs off the board (allowed even when the class is locked)."""
        now = time.time() if now is None else now
        with self._store.writing() as connection:
            self._lock_class(connection, class_id)
            member_id = self._member_of(connection, class_id, learner)
            gone = connection.execute(delete(shares).where(shares.c.id == share_id,
                                                           shares.c.member_id == member_id)).rowcount
            if not gone:
                raise NotFound("no such shared run of yours")
            self._changed(connection, class_id, now)

    def board(self, class_id: str, include_hidden: bool = False) -> Board:
        """The class and its shared runs, newest first; hidden runs and hidden members' runs only with
        include_hidden (the teacher's view). NotFound when the class is gone."""
        with self._store.reading() as connection:
            row = connection.execute(self._info_query().where(classes_table.c.id == class_id)).first()
            if row is None:
                raise NotFound("no such class")
            query = (select(shares.c.id, shares.c.member_id, members.c.nickname, shares.c.data,
                            shares.c.shared_at, shares.c.hidden, members.c.hidden.label("member_hidden"))
                     .join(members, members.c.id == shares.c.member_id)
                     .where(shares.c.class_id == class_id)
                     .order_by(shares.c.shared_at.desc(), shares.c.id))
            if not include_hidden:
                query = query.where(shares.c.hidden.is_(False), members.c.hidden.is_(False))
            runs = [BoardRun(share.id, share.member_id, share.nickname, run_from_data(share.data),
                             share.shared_at, bool(share.hidden or share.member_hidden), bool(share.hidden),
                             bool(share.member_hidden))
                    for share in connection.execute(query)]
            return Board(_info(row), runs)

    # -- moderation: the teacher key first, WrongKey without it

    def hide_run(self, teacher_key: str, class_id: str, share_id: str, hidden: bool = True) -> None:
        """Hide (or show again) one shared run."""
        with self._as_teacher(teacher_key, class_id) as connection:
            self._updated_one(connection, update(shares).where(
                shares.c.id == share_id, shares.c.class_id == class_id).values(hidden=bool(hidden)))

    def rename_member(self, teacher_key: str, class_id: str, member_id: str, nickname: str) -> None:
        """Give a member another nickname (Refused("nickname") when nothing is left of it)."""
        nickname = clean_nickname(nickname)
        with self._as_teacher(teacher_key, class_id) as connection:
            self._updated_one(connection, update(members).where(
                members.c.id == member_id, members.c.class_id == class_id).values(nickname=nickname))

    def hide_member(self, teacher_key: str, class_id: str, member_id: str, hidden: bool = True) -> None:
        """Hide (or show again) a member and every run they shared."""
        with self._as_teacher(teacher_key, class_id) as connection:
            self._updated_one(connection, update(members).where(
                members.c.id == member_id, members.c.class_id == class_id).values(hidden=bool(hidden)))

    def lock(self, teacher_key: str, class_id: str, locked: bool = True) -> None:
        """Stop (or allow again) new members and new shares."""
        with self._as_teacher(teacher_key, class_id) as connection:
            connection.execute(update(classes_table).where(classes_table.c.id == class_id)
                               .values(locked=bool(locked)))

    def end(self, teacher_key: str, class_id: str) -> None:
        """End the class for good: its board stays readable until it expires, nothing joins or shares."""
        with self._as_teacher(teacher_key, class_id) as connection:
            connection.execute(update(classes_table).where(classes_table.c.id == class_id)
                               .values(ended=True, locked=True))

    def set_sweep(self, teacher_key: str, class_id: str, setting: str | None, values: list | None = None,
                  budget: dict | None = None) -> None:
        """Spread `values` of one setting over the members (setting None: no sweep); Refused("sweep") for a
        setting or value the training page does not offer."""
        sweep = None if setting is None else json.dumps(checked_sweep(setting, values, budget))
        with self._as_teacher(teacher_key, class_id) as connection:
            connection.execute(update(classes_table).where(classes_table.c.id == class_id)
                               .values(sweep=sweep))

    def set_challenge(self, teacher_key: str, class_id: str, rules: dict | None) -> None:
        """Set the class's challenge rules (None: no challenge); Refused("challenge") for a rule or limit
        the training page does not offer."""
        challenge = None if rules is None else json.dumps(checked_challenge(rules))
        with self._as_teacher(teacher_key, class_id) as connection:
            connection.execute(update(classes_table).where(classes_table.c.id == class_id)
                               .values(challenge=challenge))

    def csv(self, teacher_key: str, class_id: str) -> bytes:
        """Every shared run, hidden ones included, as a spreadsheet-safe CSV (UTF-8 with a BOM)."""
        from core.classroom.export import board_csv

        with self._store.reading() as connection:
            if not self._teacher_matches(connection, teacher_key, class_id):
                raise WrongKey()
        return board_csv(self.board(class_id, include_hidden=True))

    # -- upkeep

    def expire(self, now: float | None = None) -> int:
        """Delete the classes idle for APP_CLASS_DAYS (7) with their members and runs; how many went."""
        now = time.time() if now is None else now
        days = _setting(self._environ, "APP_CLASS_DAYS", 7)
        with self._store.writing() as connection:
            connection.execute(delete(join_attempts).where(join_attempts.c.at <= now - 60.0))
            removed = connection.execute(delete(classes_table).where(
                classes_table.c.active_at < now - days * 86400.0)).rowcount
        if removed:
            self._store.checkpoint()
        return removed

    # -- inside a transaction

    @staticmethod
    def _info_query():
        count = (select(func.count()).select_from(members).where(members.c.class_id == classes_table.c.id)
                 .scalar_subquery())
        return select(classes_table.c.id, classes_table.c.name, classes_table.c.language,
                      classes_table.c.locked, classes_table.c.ended, classes_table.c.sweep,
                      classes_table.c.challenge,
                      _version_of(classes_table.c.id).label("version"), classes_table.c.created_at,
                      count.label("members"))

    def _check_attempts(self, address: str | None, now: float) -> None:
        """TooManyAttempts when `address` gave 10 wrong codes in the last minute (None: no limit)."""
        if address is None:
            return
        with self._store.reading() as connection:
            missed = connection.scalar(select(func.count()).select_from(join_attempts).where(
                join_attempts.c.address_hash == address_hash(address), join_attempts.c.at > now - 60.0))
        if missed >= ATTEMPTS_PER_MINUTE:
            raise TooManyAttempts(ATTEMPTS_PER_MINUTE)

    def _miss(self, address: str | None, now: float) -> None:
        with self._store.writing() as connection:
            _record_miss(connection, address, now)

    @staticmethod
    def _lock_class(connection: Connection, class_id: str):
        state = connection.execute(select(classes_table.c.locked, classes_table.c.ended)
                                   .where(classes_table.c.id == class_id).with_for_update()).first()
        if state is None:
            raise NotFound("no such class")
        return state

    @staticmethod
    def _member_of(connection: Connection, class_id: str, learner: Workspace) -> str:
        workspace_id = learner.id_in(connection)
        member_id = None if workspace_id is None else connection.scalar(select(members.c.id).where(
            members.c.class_id == class_id, members.c.workspace_id == workspace_id))
        if member_id is None:
            raise NotFound("not a member of this class")
        return member_id

    @staticmethod
    def _changed(connection: Connection, class_id: str, now: float, joined: int = 0) -> None:
        connection.execute(update(classes_table).where(classes_table.c.id == class_id).values(
            version=classes_table.c.version + 1, members_joined=classes_table.c.members_joined + joined,
            active_at=now))

    @staticmethod
    def _updated_one(connection: Connection, statement) -> None:
        if connection.execute(statement).rowcount != 1:
            raise NotFound("no such member or shared run in this class")

    @staticmethod
    def _teacher_matches(connection: Connection, teacher_key: str, class_id: str, lock: bool = False) -> bool:
        hashed = codes.teacher_key_hash(teacher_key)
        query = select(classes_table.c.teacher_key_hash).where(classes_table.c.id == class_id)
        stored = connection.scalar(query.with_for_update() if lock else query)
        return hashed is not None and stored is not None and hmac.compare_digest(hashed, stored)

    @contextlib.contextmanager
    def _as_teacher(self, teacher_key: str, class_id: str) -> Iterator[Connection]:
        """A write transaction that first checks the teacher key (WrongKey: nothing is written) and ends by
        raising the class's version."""
        with self._store.writing() as connection:
            if not self._teacher_matches(connection, teacher_key, class_id, lock=True):
                raise WrongKey()
            yield connection
            self._changed(connection, class_id, time.time())


def _recent_attempts(connection: Connection, hashed: str, now: float) -> int:
    """Record one attempt by `hashed` (an address, or a member sharing) and count its last minute's."""
    connection.execute(delete(join_attempts).where(join_attempts.c.at <= now - 60.0))
    connection.execute(insert(join_attempts).values(address_hash=hashed, at=now))
    return connection.scalar(select(func.count()).select_from(join_attempts).where(
        join_attempts.c.address_hash == hashed, join_attempts.c.at > now - 60.0))


def _record_miss(connection: Connection, address: str | None, now: float) -> None:
    """Record a wrong join or recovery code from `address` (None: not counted)."""
    if address is not None:
        connection.execute(delete(join_attempts).where(join_attempts.c.at <= now - 60.0))
        connection.execute(insert(join_attempts).values(address_hash=address_hash(address), at=now))


def _sharer_hash(member_id: str) -> str:
    """The rate limit's name for a member's shares: never equal to an address's hash."""
    return hashlib.sha256(b"nnx-sharer:" + member_id.encode("ascii")).hexdigest()


def _info(row) -> ClassInfo:
    return ClassInfo(row.id, row.name, row.language, bool(row.locked), bool(row.ended),
                     None if row.sweep is None else json.loads(row.sweep), int(row.version),
                     float(row.created_at), int(row.members),
                     None if row.challenge is None else json.loads(row.challenge))


def _sweep_value(sweep: str | None, order: int) -> object | None:
    if sweep is None:
        return None
    values = json.loads(sweep)["values"]
    return values[order % len(values)]

