"""Forget me: a workspace's every row goes, and on SQLite its bytes leave the file too."""

import os
from pathlib import Path

from sqlalchemy import text

from tests.store.tables import count_rows


def test_forget_deletes_every_row_of_the_workspace_and_no_other(store):
    other = store.workspace(store.new_secret())
    other.put("run", "r", b"keep me", None)
    other.transfer_code()
    before = count_rows(store)
    secret = store.new_secret()
    workspace = store.workspace(secret)
    workspace.write([("run", "r", b"head", None), ("checkpoint", "r/1", b"ckpt", None)])
    workspace.transfer_code()
    second_key = store.redeem_transfer(workspace.transfer_code())
    assert count_rows(store) != before
    workspace.forget()
    assert count_rows(store) == before
    assert not workspace.exists() and not store.workspace(second_key).exists()
    assert store.workspace(secret).get("run", "r") is None
    assert other.get("run", "r").data == b"keep me"
    assert store.total_bytes() == len(b"keep me")


def test_sqlite_pragmas_are_set_on_every_connection(make_store, store_url):
    if not store_url.startswith("sqlite"):
        return
    store = make_store()
    connections = [store.engine.connect() for _ in range(3)]  # several pooled connections, each set up
    for connection in connections:
        pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("secure_delete", "journal_mode", "foreign_keys", "busy_timeout")}
        assert pragma == {"secure_delete": 1, "journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}
        connection.close()


def test_forgotten_bytes_leave_the_sqlite_file(store, store_url):
    if not store_url.startswith("sqlite"):
        return
    path = Path(store_url[len("sqlite:///"):])
    marker = b"FORGET-ME:" + os.urandom(8).hex().encode()
    workspace = store.workspace(store.new_secret())
    workspace.write([("checkpoint", "r/1", marker * 20_000, None), ("run", "r", marker + b" small", None)])
    store.workspace(store.new_secret()).put("run", "r", b"someone else's" * 1000, None)

    def on_disk() -> bytes:
        return b"".join(file.read_bytes() for file in path.parent.glob(path.name + "*"))

    store.checkpoint()
    assert marker in path.read_bytes()  # the test can see the bytes while they are kept
    workspace.forget()
    with store.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    store.checkpoint()
    assert marker not in on_disk()
    assert b"someone else's" in on_disk()
