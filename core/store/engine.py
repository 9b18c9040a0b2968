"""The SQLAlchemy engine for a store URL, and the one place database errors become StoreUnavailable.

SQLite: every connection gets WAL, a busy timeout, foreign keys and secure_delete, and SQLAlchemy (not the
sqlite3 driver) emits BEGIN, so a read is one snapshot and a write can take the write lock up front (BEGIN
IMMEDIATE) before it checks versions. PostgreSQL: psycopg 3, a short connect timeout, connections checked
before use.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url

from core.store.errors import StoreUnavailable

BUSY_TIMEOUT_MS = 5000  # how long a SQLite write waits for another process's write before giving up
CONNECT_TIMEOUT_S = 5
SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",  # first, so the others wait for a lock instead of failing
    "PRAGMA journal_mode = WAL",  # readers do not block the writer, nor it them
    "PRAGMA synchronous = NORMAL",  # with WAL: a power cut may lose the last commits, never corrupts the file
    "PRAGMA foreign_keys = ON",  # ON DELETE CASCADE: forgetting a workspace takes its rows with it
    "PRAGMA secure_delete = ON",  # deleted content is overwritten with zeros, not left in free pages
)


def make_engine(url: str) -> Engine:
    """An engine for a sqlite:// or postgresql+psycopg:// URL, set up as the store needs it."""
    with translate_errors():
        dialect = make_url(url).get_backend_name()
        if dialect == "sqlite":
            engine = create_engine(url)
            event.listen(engine, "connect", _set_up_sqlite)
            event.listen(engine, "begin", _begin_sqlite)
            return engine
        if dialect == "postgresql":
            return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
        raise StoreUnavailable(f"unsupported database {dialect!r}: use sqlite:// or postgresql://")


def _set_up_sqlite(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # the driver's own BEGIN off: _begin_sqlite emits it
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _begin_sqlite(connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn any driver or SQLAlchemy error inside the block into StoreUnavailable (the driver's words)."""
    try:
        yield
    except exc.DBAPIError as error:
        original = error.orig if error.orig is not None else error
        raise StoreUnavailable(f"{type(original).__name__}: {str(original).strip()}") from None
    except (exc.SQLAlchemyError, sqlite3.Error, OSError) as error:
        raise StoreUnavailable(f"{type(error).__name__}: {error}") from None
