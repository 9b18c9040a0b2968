"""What the store raises: a stale write, a limit reached, a database that cannot be reached.

Plain classes that callers catch by name; no SQLAlchemy, sqlite3 or psycopg exception leaves core.store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.store.workspace import Item


class StoreError(Exception):
    """Any refusal or failure of the workspace store."""


class StaleWrite(StoreError):
    """The item changed since the caller read it (another tab wrote first); `current`: what is stored."""

    def __init__(self, current: Item | None):
        self.current = current
        version = "no item" if current is None else f"version {current.version}"
        super().__init__(f"the item changed since it was read: the store now holds {version}")


class WorkspaceFull(StoreError):
    """The write would take the workspace past its limit; `used` bytes are stored now, `limit` is the cap."""

    def __init__(self, used: int, limit: int):
        self.used, self.limit = used, limit
        super().__init__(f"the workspace holds {used:,} bytes of its {limit:,}")


class StoreFull(StoreError):
    """The write would take the whole store past its cap; `used` bytes are stored now, `limit` is the cap."""

    def __init__(self, used: int, limit: int):
        self.used, self.limit = used, limit
        super().__init__(f"the store holds {used:,} bytes of its {limit:,}")


class TooManyNewWorkspaces(StoreError):
    """This address already created `limit` workspaces in the last hour."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"at most {limit} new workspaces an hour from one address")


class StoreUnavailable(StoreError):
    """The database could not be used (unreachable, disk full, locked too long); `detail` says why."""

    def __init__(self, detail: str):
        self.detail = detail
        super().__init__(f"the workspace store is unavailable: {detail}")
