"""The learner's workspace as this session sees it: who the learner is, and `st.session_state` as a
cache of what the store keeps (core.store; what each item holds: core.workspace).

Who: the server makes a secret of 256 random bits and a fixed script sets it as a cookie (the
store's `cookie_name`, SameSite=Lax, Secure over HTTPS); a session that opens with the cookie reads
it from `st.context.cookies`. The secret never goes into an address, a file or a log; the store
keeps only its SHA-256. The workspace row is made by the first write, not the first visit.

Cache: a session's first script run reads everything kept into the session's keys (`open_session`);
each change is written through (`save`, `forget_item`) with the version this session read, so a
stale tab's write is refused, said ("changed in another tab") and the newer state shown. When the
store cannot be reached or refuses (full), the change stays in this session (`unsaved`), the
sidebar says "not saved", and every later script run tries again. `APP_SAVING=off` turns saving off:
the app then works as before, in the session only.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import Any

import streamlit as st

from core.store import (
    SECRET_PATTERN,
    StaleWrite,
    StoreError,
    StoreFull,
    StoreUnavailable,
    TooManyNewWorkspaces,
    Workspace,
    WorkspaceFull,
    WorkspaceStore,
    open_store,
    store_url_from_environment,
)
from core.workspace.items import ANSWERS, DESIGN, DIGITS, KEPT, LANGUAGE, MODEL, Kept
from ui import state

SECRET_KEY = "workspace.secret"  # this session's secret: from the cookie, or made for it
COOKIE_KEY = "workspace.cookie_due"  # the browser has not sent the cookie: the page sets it
OPENED_KEY = "workspace.opened"  # the kept things have been read into this session
VERSIONS_KEY = "workspace.versions"  # (kind, name) -> the version this session read or wrote
UNSAVED_KEY = "workspace.unsaved"  # (kind, name) -> (Kept, value; None: deleted) not written yet
NOTICE_KEY = "workspace.notice"  # (text key, fields) to say once
PROBLEM_KEY = "workspace.problem"  # why the last write failed: a text key and its fields
OFFER_KEY = "workspace.offer"  # a transfer code the learner is looking at, before taking it
TRANSFER_PARAM = "transfer"  # a transfer link's query parameter: read once, then removed from the address
SESSION_KEYS = {LANGUAGE: state.LANG_KEY, DESIGN: state.DESIGN_KEY, MODEL: state.TRAINED_MODEL_KEY,
                DIGITS: state.COLLECTION_KEY, ANSWERS: state.ANSWERS_KEY}
COOKIE_DAYS = 400  # the longest a browser keeps a cookie (Chrome caps at 400 days; Safari, 7 unvisited)
_NAME_PATTERN = re.compile(r"[A-Za-z0-9_]{1,64}")
_log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _open(url: str) -> WorkspaceStore:
    opened = open_store(url)
    removed = opened.remove_idle()  # once per server start: workspaces nobody opened for `idle_days`
    if removed:
        _log.info("removed %d idle workspaces", removed)
    return opened


def store() -> WorkspaceStore | None:
    """The server's store, or None when saving is off or it cannot be opened (said in the sidebar)."""
    url = store_url_from_environment()
    if url is None:
        return None
    try:
        return _open(url)  # a failure is not cached: the next script run tries again
    except StoreError as err:
        _log.warning("the workspace store cannot be opened: %s", type(err).__name__)
        st.session_state[PROBLEM_KEY] = ("workspace.unavailable", {})
        return None


def secret() -> str:
    """This session's workspace secret: the browser's cookie, else a new one the page will set."""
    if SECRET_KEY not in st.session_state:
        kept = store()
        sent = st.context.cookies.get(kept.cookie_name) if kept is not None else None
        valid = isinstance(sent, str) and re.fullmatch(SECRET_PATTERN, sent) is not None
        st.session_state[SECRET_KEY] = sent if valid else WorkspaceStore.new_secret()
        st.session_state[COOKIE_KEY] = not valid
    return st.session_state[SECRET_KEY]


def workspace() -> Workspace | None:
    """This learner's workspace in the store (None when saving is off)."""
    kept = store()
    if kept is None:
        return None
    return kept.workspace(secret(), client_address())


def client_address() -> str | None:
    """The learner's address for the limits on new workspaces and wrong class codes: behind this
    machine's own proxy (`make serve`'s nginx) the address it forwarded, else the connection's; None
    for a browser on this machine itself (no limit: one person at the keyboard)."""
    # Streamlit gives None for a connection from 127.0.0.1 or ::1: our nginx, or a local browser
    return address_of(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))


def address_of(connection: str | None, forwarded: str | None) -> str | None:
    """The address to count: the connection's unless it is this machine (`connection` None or loopback),
    then the last hop of X-Forwarded-For, which our own proxy added (None: a local browser)."""
    if isinstance(connection, str) and not _loopback(connection):
        return connection  # a direct connection: a forwarded header would be the client's own claim
    last = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
    return last or None


def _loopback(address: str) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    mapped = getattr(parsed, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is 127.0.0.1
    return (mapped or parsed).is_loopback


def workspace_key() -> str:
    """A name for this learner's workspace on this server that is not its secret (runs are found by it)."""
    from core.store.keys import key_hash

    return key_hash(secret())


def set_cookie_script() -> None:
    """Set the workspace cookie when the browser did not send it (a fixed script: no user text)."""
    kept = store()
    if kept is None or not st.session_state.get(COOKIE_KEY):
        return
    name, value = kept.cookie_name, secret()
    if not _NAME_PATTERN.fullmatch(name) or re.fullmatch(SECRET_PATTERN, value) is None:
        raise ValueError("the workspace cookie's name or value has unexpected characters")
    max_age = COOKIE_DAYS * 24 * 3600
    st.html(
        "<script>(function () {"
        " var secure = window.location.protocol === 'https:' ? '; Secure' : '';"
        f" document.cookie = '{name}={value}; Path=/; Max-Age={max_age}; SameSite=Lax' + secure;"
        "})();</script>",
        unsafe_allow_javascript=True,
    )


def switch_to(new_secret: str) -> None:
    """This browser now opens the workspace of `new_secret` (a transfer, a fresh start, after forgetting):
    the session's cache is emptied, the cookie set anew, and everything read again."""
    for key in (*SESSION_KEYS.values(), OPENED_KEY, VERSIONS_KEY, UNSAVED_KEY):
        st.session_state.pop(key, None)
    from ui import experiments

    experiments.forget_session_runs()
    st.session_state[SECRET_KEY] = new_secret
    st.session_state[COOKIE_KEY] = True


# --- the cache -------------------------------------------------------------------------------------

def _versions() -> dict[tuple[str, str], int]:
    return st.session_state.setdefault(VERSIONS_KEY, {})


def _unsaved() -> dict[tuple[str, str], tuple[Kept, Any]]:
    return st.session_state.setdefault(UNSAVED_KEY, {})


def _take(kept: Kept, data: bytes | None, version: int | None) -> None:
    """Put a kept thing read from the store into the session (None: the store holds none)."""
    where = (kept.kind, kept.name)
    if data is None:
        st.session_state.pop(SESSION_KEYS[kept], None)
        _versions().pop(where, None)
        return
    try:
        st.session_state[SESSION_KEYS[kept]] = kept.from_bytes(data)
    except Exception as err:  # a damaged row: the rest of the workspace still opens
        _log.warning("a kept %s could not be read: %s", kept.kind, type(err).__name__)
        return
    _versions()[where] = version


def open_session() -> None:
    """Read the workspace into this session once (its first script run), then retry unsaved changes
    and follow the model, which a run trained by the server may have changed."""
    ws = workspace()
    if ws is None:
        return
    try:
        if not st.session_state.get(OPENED_KEY):
            st.session_state[OPENED_KEY] = True
            if ws.exists():
                for kept in KEPT:
                    if kept is LANGUAGE and st.query_params.get(state.LANG_KEY):
                        continue  # a link's language wins over the kept one
                    item = ws.get(kept.kind, kept.name)
                    if item is not None:
                        _take(kept, item.data, item.version)
                ws.touch()
            from ui import experiments

            experiments.open_kept_runs(ws)
            return
        _retry_unsaved(ws)
        follow(MODEL, ws)
    except StoreUnavailable:
        st.session_state[PROBLEM_KEY] = ("workspace.unavailable", {})


def follow(kept: Kept, ws: Workspace | None = None) -> None:
    """Read `kept` again if the store's version is not the one this session holds."""
    ws = ws or workspace()
    if ws is None or (kept.kind, kept.name) in _unsaved():
        return
    heads = {head.name: head.version for head in ws.heads(kept.kind)}
    if heads.get(kept.name) != _versions().get((kept.kind, kept.name)):
        item = ws.get(kept.kind, kept.name)
        _take(kept, None if item is None else item.data, None if item is None else item.version)


def save(kept: Kept, value: Any) -> None:
    """Keep `value` in the session and write it through to the store (None: forget it)."""
    if value is None:
        st.session_state.pop(SESSION_KEYS[kept], None)
    else:
        st.session_state[SESSION_KEYS[kept]] = value
    ws = workspace()
    if ws is not None:
        _write(ws, kept, value)


def _write(ws: Workspace, kept: Kept, value: Any) -> bool:
    where = (kept.kind, kept.name)
    versions = _versions()
    try:
        if value is None:
            if where in versions:
                ws.delete(kept.kind, kept.name, versions.pop(where))
        else:
            versions[where] = ws.put(kept.kind, kept.name, kept.to_bytes(value), versions.get(where))
    except StaleWrite as stale:  # another tab changed it first: show theirs, lose nothing silently
        current = stale.current
        _take(kept, None if current is None else current.data, None if current is None else current.version)
        _unsaved().pop(where, None)
        st.session_state[NOTICE_KEY] = ("workspace.stale", {"what": kept.kind})
        return False
    except StoreError as err:
        _unsaved()[where] = (kept, value)
        st.session_state[PROBLEM_KEY] = described(err)
        return False
    _unsaved().pop(where, None)
    if not _unsaved():
        st.session_state.pop(PROBLEM_KEY, None)
    return True


def described(err: Exception) -> tuple[str, dict]:
    """A store's refusal as a text key and its fields, numbers included."""
    if isinstance(err, WorkspaceFull):
        return "workspace.full", {"used": err.used, "limit": err.limit}
    if isinstance(err, StoreFull):
        return "workspace.server_full", {"used": err.used, "limit": err.limit}
    if isinstance(err, TooManyNewWorkspaces):
        return "workspace.too_many", {"limit": err.limit}
    return "workspace.unavailable", {}


def _retry_unsaved(ws: Workspace) -> None:
    for kept, value in list(_unsaved().values()):
        if not _write(ws, kept, value):
            return


def problem() -> tuple[str, dict] | None:
    """Why what this session changed is not saved (a text key and its fields), if it is not."""
    if PROBLEM_KEY in st.session_state:
        return st.session_state[PROBLEM_KEY]
    from ui.experiments import run_store

    failed = run_store().problem
    return None if failed is None else described(failed)


def take_transfer_link() -> bool:
    """A transfer link's code, taken out of the address at once and held for the "Your work" page to
    offer; True when there is one to offer (a link never replaces a learner's work by itself)."""
    code = st.query_params.get(TRANSFER_PARAM)
    if code is not None:
        del st.query_params[TRANSFER_PARAM]
        st.session_state[OFFER_KEY] = code[:16]
        return True
    return False


def pop_notice() -> tuple[str, dict] | None:
    """A notice to show once (another tab changed something first)."""
    return st.session_state.pop(NOTICE_KEY, None)
