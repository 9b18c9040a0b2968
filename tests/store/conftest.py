"""Every store test runs twice: on a SQLite file of its own and on a real PostgreSQL 15 (one server a
session).

PostgreSQL tests share one database, emptied before each test; tests that need a database of their own
(migrations, several processes) ask the server for one.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from core.store import open_store
from tests.store.postgres import PostgresServer
from tests.store.tables import CLASS_TABLES, TABLES

LIMITS = {"max_workspace_bytes": 200_000_000, "max_total_bytes": None, "idle_days": 30.0, "new_per_hour": 30}


@pytest.fixture(scope="session")
def postgres():
    """The session's PostgreSQL server; fails (does not skip) when PostgreSQL is not installed."""
    server = PostgresServer()
    yield server
    server.remove()


@pytest.fixture(scope="session")
def shared_postgres_url(postgres):
    url = postgres.create_database()
    open_store(url, **LIMITS).dispose()  # migrated once
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty, migrated store's URL: a new SQLite file, or the shared PostgreSQL database emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspaces.sqlite3'}"
    url = request.getfixturevalue("shared_postgres_url")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(TABLES + CLASS_TABLES)} CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def make_store(store_url):
    """open_store on this test's database with the default limits, overridable; every store disposed after."""
    opened = []

    def make(**limits):
        opened.append(open_store(store_url, **{**LIMITS, **limits}))
        return opened[-1]

    yield make
    for store in opened:
        store.dispose()


@pytest.fixture
def store(make_store):
    return make_store()
