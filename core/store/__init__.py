"""The learner's workspace, kept in a database: SQLite by default, PostgreSQL when DATABASE_URL names one.

A workspace is opened by a secret the browser keeps (only its sha256 is stored) and holds named, versioned
items of opaque bytes by kind ("run", "checkpoint", "model", ...). Plain Python: no Streamlit here.
"""

from core.store.errors import (
    StaleWrite,
    StoreError,
    StoreFull,
    StoreUnavailable,
    TooManyNewWorkspaces,
    WorkspaceFull,
)
from core.store.keys import SECRET_PATTERN
from core.store.settings import store_url_from_environment
from core.store.store import WorkspaceStore, open_store
from core.store.workspace import Item, ItemHead, Workspace

__all__ = [
    "SECRET_PATTERN",
    "Item",
    "ItemHead",
    "StaleWrite",
    "StoreError",
    "StoreFull",
    "StoreUnavailable",
    "TooManyNewWorkspaces",
    "Workspace",
    "WorkspaceFull",
    "WorkspaceStore",
    "open_store",
    "store_url_from_environment",
]
