"""Where the store lives and how much it holds, read from the environment.

APP_SAVING=off (a public demo: nothing kept), DATABASE_URL (PostgreSQL), else a SQLite file under
APP_DATA_DIR or <repo>/data/workspaces; APP_WORKSPACE_MAX_MB, APP_DATA_MAX_GB, APP_IDLE_DAYS,
APP_NEW_WORKSPACES_PER_HOUR and APP_COOKIE_NAME set the limits and the cookie. Nothing here opens a
database.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "workspaces"
SQLITE_FILE = "workspaces.sqlite3"
_OFF = {"off", "0", "false", "no"}


def store_url_from_environment(environ: Mapping[str, str] = os.environ) -> str | None:
    """The database URL this deployment keeps workspaces in, or None when saving is off."""
    if environ.get("APP_SAVING", "").strip().lower() in _OFF:
        return None
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        for scheme in ("postgresql://", "postgres://"):
            if url.startswith(scheme):
                return "postgresql+psycopg://" + url[len(scheme):]
        return url
    folder = Path(environ.get("APP_DATA_DIR") or DEFAULT_DATA_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / SQLITE_FILE}"


def cookie_name(url: str, environ: Mapping[str, str] = os.environ) -> str:
    """The browser cookie holding the secret: one name per deployment (APP_COOKIE_NAME, else from the URL)."""
    return environ.get("APP_COOKIE_NAME") or "nnx_ws_" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]


def limits_from_environment(environ: Mapping[str, str] = os.environ) -> dict[str, float | int | None]:
    """The store's limits: keyword arguments of open_store, with their defaults."""
    total_gb = environ.get("APP_DATA_MAX_GB")
    return {
        "max_workspace_bytes": int(float(environ.get("APP_WORKSPACE_MAX_MB", "200")) * 1_000_000),
        "max_total_bytes": int(float(total_gb) * 1_000_000_000) if total_gb else None,
        "idle_days": float(environ.get("APP_IDLE_DAYS", "30")),
        "new_per_hour": int(environ.get("APP_NEW_WORKSPACES_PER_HOUR", "30")),
    }
