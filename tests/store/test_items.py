"""Items: bytes kept exactly, versions, a stale tab refused, several writes as one, deletes."""

import pytest

from core.store import Item, ItemHead, StaleWrite
from tests.store.tables import count_rows


def test_bytes_round_trip_exactly(store):
    workspace = store.workspace(store.new_secret())
    data = bytes(range(256)) * 1000 + b"\x00"
    assert workspace.put("checkpoint", "run1/1", data, None) == 1
    item = workspace.get("checkpoint", "run1/1")
    assert item == Item("checkpoint", "run1/1", data, 1)
    assert type(item.data) is bytes


def test_no_row_until_the_first_write(store):
    workspace = store.workspace(store.new_secret(), address="10.0.0.1")
    assert not workspace.exists()
    assert workspace.summary() == {}
    assert workspace.get("run", "a") is None
    assert workspace.heads("run") == []
    assert workspace.get_many("run", ["a"]) == []
    workspace.touch()
    workspace.delete("run", "a")
    assert workspace.delete_prefix("checkpoint", "a/") == 0
    workspace.forget()
    assert set(count_rows(store).values()) == {0}
    workspace.put("settings", "language", b"zh", None)
    assert workspace.exists()
    assert workspace.summary() == {"settings": 1, "bytes": 2}


def test_versions_count_up(store):
    workspace = store.workspace(store.new_secret())
    assert workspace.put("design", "next", b"a", None) == 1
    assert workspace.put("design", "next", b"bb", 1) == 2
    assert workspace.put("design", "next", b"ccc", 2) == 3
    assert workspace.get("design", "next") == Item("design", "next", b"ccc", 3)
    assert workspace.summary() == {"design": 1, "bytes": 3}


def test_a_stale_tab_cannot_overwrite(store):
    secret = store.new_secret()
    tab1, tab2 = store.workspace(secret), store.workspace(secret)
    tab1.put("model", "active", b"first", None)
    assert tab2.get("model", "active").version == 1
    tab2.put("model", "active", b"from tab 2", 1)
    with pytest.raises(StaleWrite) as stale:
        tab1.put("model", "active", b"from tab 1", 1)
    assert stale.value.current == Item("model", "active", b"from tab 2", 2)
    with pytest.raises(StaleWrite) as stale:
        tab1.put("model", "active", b"as new", None)  # it read nothing, but something is there
    assert stale.value.current.version == 2
    with pytest.raises(StaleWrite) as stale:
        tab1.put("model", "other", b"x", 4)  # it read a version of an item that does not exist
    assert stale.value.current is None
    with pytest.raises(StaleWrite):
        tab1.delete("model", "active", version=1)
    assert tab1.get("model", "active") == Item("model", "active", b"from tab 2", 2)
    tab1.delete("model", "active", version=2)
    assert tab2.get("model", "active") is None


def test_a_second_handle_sees_the_data(store):
    secret = store.new_secret()
    store.workspace(secret).put("collection", "digits", b"npz bytes", None)
    later = store.workspace(secret)
    assert later.get("collection", "digits").data == b"npz bytes"
    assert later.summary() == {"collection": 1, "bytes": 9}


def test_write_is_all_or_nothing(store):
    workspace = store.workspace(store.new_secret())
    workspace.put("run", "r1", b"head v1", None)
    workspace.put("checkpoint", "r1/0", b"old", None)
    versions = workspace.write([("run", "r1", b"head v2", 1), ("checkpoint", "r1/1", b"ckpt 1", None)],
                               deletes=[("checkpoint", "r1/0")])
    assert versions == {("run", "r1"): 2, ("checkpoint", "r1/1"): 1}
    before = workspace.summary()
    with pytest.raises(StaleWrite):
        workspace.write([("checkpoint", "r1/2", b"ckpt 2", None), ("run", "r1", b"head v3", 1)],
                        deletes=[("checkpoint", "r1/1")])
    assert workspace.summary() == before
    assert workspace.get("checkpoint", "r1/2") is None
    assert workspace.get("checkpoint", "r1/1").data == b"ckpt 1"
    assert workspace.get("run", "r1").version == 2
    with pytest.raises(ValueError):
        workspace.write([("run", "r1", b"a", 2), ("run", "r1", b"b", 2)])


def test_heads_and_get_many_in_name_order(store):
    workspace = store.workspace(store.new_secret())
    for name, data in [("b", b"22"), ("a", b"1"), ("c", b"333")]:
        workspace.put("run", name, data, None)
    workspace.put("checkpoint", "a/1", b"not a run", None)
    assert workspace.heads("run") == [ItemHead("run", "a", 1, 1), ItemHead("run", "b", 1, 2),
                                      ItemHead("run", "c", 1, 3)]
    assert [item.name for item in workspace.get_many("run", ["c", "missing", "a"])] == ["a", "c"]
    assert workspace.get_many("run", []) == []


def test_put_latest_writes_whatever_is_stored(store):
    workspace = store.workspace(store.new_secret())
    assert workspace.put_latest("run", "r", b"1") == 1
    assert workspace.put_latest("run", "r", b"22") == 2
    assert workspace.get("run", "r") == Item("run", "r", b"22", 2)
    assert workspace.summary()["bytes"] == 2


def test_delete_and_delete_prefix_keep_the_byte_count(store):
    workspace = store.workspace(store.new_secret())
    for name in ("run_1/0", "run_1/1", "runX1/0", "run_10/0", "RUN_1/0"):
        workspace.put("checkpoint", name, b"12345", None)
    workspace.put("run", "run_1/0", b"other kind", None)
    assert workspace.delete_prefix("checkpoint", "run_1/") == 2  # "_" is a name, not a wildcard; case counts
    assert [head.name for head in workspace.heads("checkpoint")] == ["RUN_1/0", "runX1/0", "run_10/0"]
    workspace.delete("checkpoint", "runX1/0")
    workspace.delete("checkpoint", "RUN_1/0", version=1)
    workspace.delete("checkpoint", "runX1/0")  # already gone: nothing to do
    assert workspace.summary() == {"checkpoint": 1, "run": 1, "bytes": 15}


def test_any_bytes_like_data_and_only_well_formed_keys(store):
    workspace = store.workspace(store.new_secret())
    floats = memoryview(bytearray(8 * 3)).cast("d")  # 3 elements, 24 bytes
    workspace.put("prediction", "p", floats, None)
    assert workspace.get("prediction", "p").data == bytes(24)
    assert workspace.summary()["bytes"] == 24
    for kind, name in [("", "x"), ("k" * 65, "x"), ("run", "n" * 256), (None, "x"), ("run", 7)]:
        with pytest.raises(ValueError):
            workspace.put(kind, name, b"", None)
    with pytest.raises(TypeError):
        workspace.put("run", "r", "text, not bytes", None)
    assert workspace.summary() == {"prediction": 1, "bytes": 24}
