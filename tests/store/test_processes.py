"""Several app processes on one database, and a database that cannot be reached."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.store import StoreUnavailable, WorkspaceStore, open_store
from tests.store.conftest import LIMITS
from tests.store.postgres import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
INCREMENTS = 15


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    """A database nobody has opened yet."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspaces.sqlite3'}"
    return request.getfixturevalue("postgres").create_database()


def open_when_ready(url: str):
    return open_store(url, **{**LIMITS, "new_per_hour": 1000})


def test_processes_opening_and_writing_one_workspace_see_each_other(fresh_url):
    secret = WorkspaceStore.new_secret()
    children = [subprocess.Popen([sys.executable, "-m", "tests.store.other_process", fresh_url, secret, name,
                                  str(INCREMENTS)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for name in ("a", "b")]
    store = open_when_ready(fresh_url)  # three processes migrate the new database at once
    workspace = store.workspace(secret)
    workspace.put("test", "from parent", b"written by the parent", None)
    results = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        results.append(json.loads(out))
    assert [result["parent"] for result in results] == ["written by the parent"] * 2
    assert [result["twin"] for result in results] == ["written by b", "written by a"]
    counter = workspace.get("test", "counter")
    assert int(counter.data) == 2 * INCREMENTS == counter.version  # no increment lost to a race
    assert workspace.get("test", "from a").data == b"written by a"
    store.dispose()


def test_an_unreachable_sqlite_folder_is_unavailable(tmp_path):
    with pytest.raises(StoreUnavailable):
        open_store(f"sqlite:///{tmp_path / 'missing' / 'workspaces.sqlite3'}")


def test_a_stopped_postgresql_is_unavailable():
    server = PostgresServer()
    try:
        url = server.create_database()
        store = open_store(url, **LIMITS)
        workspace = store.workspace(store.new_secret())
        workspace.put("run", "r", b"kept", None)
        server.stop()
        for attempt in (lambda: workspace.get("run", "r"), lambda: workspace.put("run", "r", b"x", 1),
                        workspace.summary, store.total_bytes, lambda: store.peek_transfer("ABCDEFGH")):
            with pytest.raises(StoreUnavailable) as unavailable:
                attempt()
            assert type(unavailable.value) is StoreUnavailable and unavailable.value.detail
        store.dispose()
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            open_store(url, **LIMITS)
        assert time.monotonic() - started < 10
    finally:
        server.remove()


def test_a_sqlite_file_locked_too_long_is_unavailable(tmp_path):
    import sqlite3

    path = tmp_path / "workspaces.sqlite3"
    store = open_store(f"sqlite:///{path}", **LIMITS)
    workspace = store.workspace(store.new_secret())
    workspace.put("run", "r", b"kept", None)
    other = sqlite3.connect(path, isolation_level=None)  # another process's long write
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="locked"):
            workspace.put("run", "r", b"changed", 1)
        assert 4 < time.monotonic() - started < 15  # it waited for the lock (busy_timeout), then gave up
        assert workspace.get("run", "r").data == b"kept"  # readers are not blocked by the writer (WAL)
    finally:
        other.close()
    assert workspace.put("run", "r", b"changed", 1) == 2
    store.dispose()
