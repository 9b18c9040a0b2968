"""Migrations: an existing database keeps its data when opened, schema.py agrees with the head migration."""

import hashlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from core.store import Item, StoreUnavailable, open_store
from core.store.engine import make_engine
from core.store.migrate import current_revision, head_revision, upgrade
from core.store.schema import metadata
from tests.store.conftest import LIMITS

SECRET = "fixture-secret-of-a-learner-from-0001-aaaaa"


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspaces.sqlite3'}"
    return request.getfixturevalue("postgres").create_database()


def test_a_0001_database_opens_with_its_data(fresh_url):
    engine = make_engine(fresh_url)
    upgrade(engine, "0001")
    with engine.begin() as connection:  # what the first version of the app wrote
        connection.execute(text("INSERT INTO workspaces VALUES ('w1', 1.0, 2.0, 5)"))
        connection.execute(text("INSERT INTO access_keys VALUES (:key, 'w1')"),
                           {"key": hashlib.sha256(SECRET.encode()).hexdigest()})
        connection.execute(text("INSERT INTO items VALUES ('w1', 'run', 'r1', 3, 5, :data, 2.0)"),
                           {"data": b"12345"})
    engine.dispose()
    store = open_store(fresh_url, **LIMITS)
    workspace = store.workspace(SECRET)
    assert workspace.get("run", "r1") == Item("run", "r1", b"12345", 3)
    assert workspace.summary() == {"run": 1, "bytes": 5}
    assert workspace.put("run", "r1", b"123456", 3) == 4
    assert current_revision(store.engine) == head_revision() == "0003"
    with store.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    store.dispose()
    open_store(fresh_url, **LIMITS).dispose()  # opening again is a no-op


def test_schema_py_is_what_the_migrations_build(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_a_database_from_a_newer_app_is_refused(fresh_url):
    open_store(fresh_url, **LIMITS).dispose()
    engine = make_engine(fresh_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreUnavailable, match="9999"):
        open_store(fresh_url, **LIMITS)
