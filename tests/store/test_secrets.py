"""Secrets and transfer codes: only the right secret opens a workspace, and no secret is ever stored."""

import hashlib
from pathlib import Path

import pytest

from core.store import SECRET_PATTERN, WorkspaceStore
from tests.store.tables import count_rows, dump_text


def test_new_secrets_are_256_random_bits():
    secrets = {WorkspaceStore.new_secret() for _ in range(100)}
    assert len(secrets) == 100
    assert all(SECRET_PATTERN.fullmatch(secret) for secret in secrets)


@pytest.mark.parametrize("bad", ["", "short", "x" * 44, "a" * 42 + "!", "a" * 42 + " ", None, 42, b"a" * 43])
def test_a_malformed_secret_opens_nothing(store, bad):
    with pytest.raises(ValueError):
        store.workspace(bad)


def test_only_the_right_secret_reads_or_changes_a_workspace(store):
    mine, theirs = store.new_secret(), store.new_secret()
    store.workspace(mine).put("run", "r", b"my run", None)
    store.workspace(theirs).put("run", "r", b"their run", None)
    forged = "A" * 43  # well formed, but no workspace's
    for secret in (forged, theirs):
        other = store.workspace(secret)
        other.delete("run", "r")
        other.delete_prefix("run", "")
        other.forget()
        assert other.get("run", "r") is None
        assert other.summary() == {}
    with pytest.raises(ValueError):
        store.workspace(mine[:-1])  # truncated
    assert store.workspace(mine).get("run", "r").data == b"my run"
    assert store.workspace(forged).put("run", "r", b"forged", None) == 1  # a new, separate workspace
    assert store.workspace(mine).get("run", "r").data == b"my run"


def test_the_database_holds_no_secret(store, store_url):
    secret = store.new_secret()
    workspace = store.workspace(secret, address="203.0.113.7")
    workspace.put("run", "r", b"data", None)
    code = workspace.transfer_code()
    second = store.redeem_transfer(workspace.transfer_code())
    text = dump_text(store)
    for leak in (secret, second, code, "203.0.113.7"):
        assert leak not in text
    assert hashlib.sha256(secret.encode()).hexdigest() in text  # what is kept instead
    assert secret not in repr(vars(workspace)) and secret not in repr(workspace)
    if store_url.startswith("sqlite"):
        store.checkpoint()
        on_disk = b"".join(path.read_bytes() for path in Path(store_url[len("sqlite:///"):]).parent.iterdir())
        assert secret.encode() not in on_disk and second.encode() not in on_disk


def test_a_transfer_code_opens_the_workspace_once(store):
    secret = store.new_secret()
    workspace = store.workspace(secret)
    workspace.put("run", "r", b"12345", None)
    workspace.put("model", "active", b"678", None)
    code = workspace.transfer_code()
    assert len(code) == 8 and set(code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    summary = {"run": 1, "model": 1, "bytes": 8}
    assert store.peek_transfer(code) == summary
    assert store.peek_transfer(code) == summary  # peeking does not use it up
    assert store.peek_transfer(f" {code[:4].lower()}-{code[4:]} ") == summary  # as a person might type it
    new_secret = store.redeem_transfer(code)
    assert SECRET_PATTERN.fullmatch(new_secret) and new_secret != secret
    elsewhere = store.workspace(new_secret)
    assert elsewhere.get("run", "r").data == b"12345"
    elsewhere.put("run", "r", b"changed", 1)
    assert workspace.get("run", "r").data == b"changed"  # one workspace, two keys
    assert store.redeem_transfer(code) is None
    assert store.peek_transfer(code) is None


def test_a_transfer_code_expires_after_ten_minutes(store):
    import time

    workspace = store.workspace(store.new_secret())
    fresh = workspace.transfer_code()  # also creates the workspace
    assert workspace.exists() and store.peek_transfer(fresh) == {"bytes": 0}
    old = workspace.transfer_code(now=time.time() - 601)
    assert store.peek_transfer(old) is None
    assert store.redeem_transfer(old) is None
    assert store.peek_transfer(fresh, now=time.time() + 599) == {"bytes": 0}
    assert store.redeem_transfer(fresh, now=time.time() + 601) is None
    assert count_rows(store)["access_keys"] == 1


@pytest.mark.parametrize("bad", ["", "ABC", "ABCDEFGHJ", "ABCDEFGU", "ABCD*FGH", None, 12345678])
def test_malformed_codes_name_nothing(store, bad):
    store.workspace(store.new_secret()).transfer_code()
    assert store.peek_transfer(bad) is None
    assert store.redeem_transfer(bad) is None
