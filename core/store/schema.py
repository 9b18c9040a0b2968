"""The tables at the head migration, as SQLAlchemy Core objects for the store's queries.

A workspace is a row; its access keys (sha256 of each secret that opens it), items, transfer codes hang off
it and go with it (ON DELETE CASCADE). Times are seconds since the epoch. Migrations create these tables:
this file only describes them, and must agree with the latest migration (tests/store checks it).
"""

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
)

metadata = MetaData()

workspaces = Table(
    "workspaces",
    metadata,
    Column("id", String(32), primary_key=True),  # random, never derived from a secret
    Column("created_at", Float, nullable=False),
    Column("touched_at", Float, nullable=False),
    Column("bytes", BigInteger, nullable=False),  # its items' sizes summed, kept by each write's transaction
    Index("ix_workspaces_touched_at", "touched_at"),
)

access_keys = Table(
    "access_keys",
    metadata,
    Column("key_hash", String(64), primary_key=True),  # sha256 hex of a secret
    Column("workspace_id", String(32), ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
    Index("ix_access_keys_workspace_id", "workspace_id"),
)

items = Table(
    "items",
    metadata,
    Column("workspace_id", String(32), ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(64), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("updated_at", Float, nullable=False),
)

transfer_codes = Table(
    "transfer_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("workspace_id", String(32), ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
    Column("expires_at", Float, nullable=False),
    Index("ix_transfer_codes_workspace_id", "workspace_id"),
)

new_workspaces = Table(
    "new_workspaces",
    metadata,
    Column("address_hash", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_new_workspaces_address", "address_hash", "created_at"),
)
