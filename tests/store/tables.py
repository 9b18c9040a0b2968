"""Reading a store's tables directly, as a test checks what the database really holds."""

from __future__ import annotations

from sqlalchemy import text

TABLES = ("workspaces", "access_keys", "items", "transfer_codes", "new_workspaces")
CLASS_TABLES = ("classes", "members", "shares", "join_attempts")  # core.classroom's (tests/classroom)


def count_rows(store) -> dict[str, int]:
    """How many rows each of the store's tables holds."""
    with store.engine.connect() as connection:
        return {table: connection.scalar(text(f"SELECT count(*) FROM {table}")) for table in TABLES}


def dump_text(store) -> str:
    """Every value of every table, as text: what a search for a leaked secret reads."""
    parts = []
    with store.engine.connect() as connection:
        for table in TABLES:
            for row in connection.execute(text(f"SELECT * FROM {table}")):
                for value in row:
                    parts.append(value.decode("latin-1") if isinstance(value, bytes) else str(value))
    return "\n".join(parts)
