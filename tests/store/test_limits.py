"""Limits: a full workspace or store, too many new workspaces from one address, idle workspaces removed."""

import time

import pytest
from sqlalchemy import text

from core.store import StoreFull, TooManyNewWorkspaces, WorkspaceFull
from tests.store.tables import count_rows


def test_a_full_workspace_refuses_with_the_numbers_and_changes_nothing(make_store):
    store = make_store(max_workspace_bytes=1000)
    workspace = store.workspace(store.new_secret())
    workspace.put("checkpoint", "r/1", b"x" * 600, None)
    with pytest.raises(WorkspaceFull) as full:
        workspace.write([("run", "r", b"y" * 10, None), ("checkpoint", "r/2", b"x" * 600, None)])
    assert (full.value.used, full.value.limit) == (600, 1000)
    assert workspace.summary() == {"checkpoint": 1, "bytes": 600}
    assert workspace.get("run", "r") is None
    assert workspace.put("checkpoint", "r/1", b"x" * 1000, 1) == 2  # replacing counts only the difference
    workspace.write([("checkpoint", "r/2", b"z" * 400, None)], deletes=[("checkpoint", "r/1")])
    assert workspace.summary() == {"checkpoint": 1, "bytes": 400}


def test_a_full_store_refuses_with_the_numbers(make_store):
    store = make_store(max_total_bytes=1500)
    store.workspace(store.new_secret()).put("run", "r", b"a" * 800, None)
    late = store.workspace(store.new_secret())
    with pytest.raises(StoreFull) as full:
        late.put("run", "r", b"b" * 800, None)
    assert (full.value.used, full.value.limit) == (800, 1500)
    assert not late.exists()
    assert store.total_bytes() == 800
    late.put("run", "r", b"b" * 700, None)
    assert store.total_bytes() == 1500


def test_new_workspaces_an_hour_from_one_address_are_limited(make_store):
    store = make_store(new_per_hour=3)
    made = [store.workspace(store.new_secret(), address="198.51.100.1") for _ in range(3)]
    for workspace in made:
        workspace.put("settings", "language", b"en", None)
    refused = store.workspace(store.new_secret(), address="198.51.100.1")
    with pytest.raises(TooManyNewWorkspaces) as limited:
        refused.put("settings", "language", b"en", None)
    assert limited.value.limit == 3
    with pytest.raises(TooManyNewWorkspaces):
        refused.transfer_code()
    assert not refused.exists()
    made[0].put("settings", "language", b"zh", 1)  # an existing workspace still writes
    store.workspace(store.new_secret(), address="198.51.100.2").put("run", "r", b"", None)
    store.workspace(store.new_secret()).put("run", "r", b"", None)  # no address known: not limited
    with store.engine.begin() as connection:  # an hour later
        connection.execute(text("UPDATE new_workspaces SET created_at = created_at - 3601"))
    refused.put("settings", "language", b"en", None)
    assert count_rows(store)["new_workspaces"] == 1  # the hour-old rows went


def test_remove_idle_deletes_untouched_workspaces(make_store):
    store = make_store(idle_days=30)
    idle, active_secret = store.workspace(store.new_secret()), store.new_secret()
    active = store.workspace(active_secret)
    idle.write([("run", "r", b"old run", None), ("checkpoint", "r/1", b"old", None)])
    idle.transfer_code()
    active.put("run", "r", b"new run", None)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE workspaces SET touched_at = touched_at - 31 * 86400"))
    store.workspace(active_secret).touch()  # its learner comes back (a new page load, a new handle)
    assert store.remove_idle() == 1
    assert not idle.exists() and active.get("run", "r").data == b"new run"
    assert count_rows(store) == {"workspaces": 1, "access_keys": 1, "items": 1, "transfer_codes": 0,
                                 "new_workspaces": 0}
    assert store.remove_idle(now=time.time() + 29 * 86400) == 0
    assert store.remove_idle(now=time.time() + 31 * 86400) == 1
    assert store.total_bytes() == 0


def test_touch_writes_at_most_once_a_minute(store):
    secret = store.new_secret()
    workspace = store.workspace(secret)
    workspace.put("run", "r", b"", None)

    def touched_at() -> float:
        with store.engine.connect() as connection:
            return connection.scalar(text("SELECT touched_at FROM workspaces"))

    with store.engine.begin() as connection:
        connection.execute(text("UPDATE workspaces SET touched_at = 0"))
    workspace.touch()  # the write was under a minute ago: nothing written
    assert touched_at() == 0
    again = store.workspace(secret)  # each handle (a browser session) keeps its own minute
    again.touch()
    assert abs(touched_at() - time.time()) < 60
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE workspaces SET touched_at = 0"))
    again.touch()
    assert touched_at() == 0
