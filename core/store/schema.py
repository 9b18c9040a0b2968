"""The tables at the head migration, as SQLAlchemy Core objects for the store's queries.

A workspace is a row; its access keys (sha256 of each secret that opens it), items, transfer codes and
class memberships hang off it and go with it (ON DELETE CASCADE); a class's members and shared runs go
with the class, a member's shared runs with the member. Times are seconds since the epoch. Migrations
create these tables: this file only describes them, and must agree with the latest migration (tests/store
checks it).
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
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

classes = Table(
    "classes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("join_code_hash", String(64), nullable=False),  # keys.code_hash of the 8-character join code
    Column("teacher_key_hash", String(64), nullable=False),
    Column("recovery_hash", String(64), nullable=False),
    # the workspace that created it, so its teacher finds it again; the key, not this, opens moderation
    Column("teacher_workspace_id", String(32), ForeignKey("workspaces.id", ondelete="SET NULL"),
           nullable=True),
    Column("name", String(60), nullable=False),
    Column("language", String(8), nullable=False),
    Column("locked", Boolean, nullable=False),
    Column("ended", Boolean, nullable=False),
    Column("sweep", Text, nullable=True),  # JSON: {"setting", "values", "budget"}
    Column("challenge", Text, nullable=True),  # JSON: {"max_train_size", "max_epochs"} (0003)
    Column("version", Integer, nullable=False),  # +1 on every change the class makes itself
    # every member row ever made: the next join's place in the sweep, and (minus the members left) how many
    # left with a forgotten or removed workspace, which changes the board without touching this row
    Column("members_joined", Integer, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("active_at", Float, nullable=False),
    Index("ix_classes_join_code_hash", "join_code_hash", unique=True),
    Index("ix_classes_recovery_hash", "recovery_hash", unique=True),
    Index("ix_classes_teacher_workspace_id", "teacher_workspace_id"),
    Index("ix_classes_active_at", "active_at"),
)

members = Table(
    "members",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("class_id", String(32), ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    Column("workspace_id", String(32), ForeignKey("workspaces.id", ondelete="CASCADE"), nullable=False),
    Column("nickname", String(24), nullable=False),
    Column("hidden", Boolean, nullable=False),
    Column("joined_at", Float, nullable=False),
    Column("join_order", Integer, nullable=False),  # 0 for the first to join, never reused
    # JSON: the learner's concept-check result per idea, before and after (0003); never their answers
    Column("check_result", Text, nullable=True),
    Index("ix_members_class_workspace", "class_id", "workspace_id", unique=True),
    Index("ix_members_workspace_id", "workspace_id"),
)

shares = Table(
    "shares",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("class_id", String(32), ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    Column("member_id", String(32), ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("run_id", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON of a SharedRun: recipe, curve, accuracy; never weights
    Column("hidden", Boolean, nullable=False),
    Column("shared_at", Float, nullable=False),
    Index("ix_shares_member_run", "member_id", "run_id", unique=True),
    Index("ix_shares_class_shared_at", "class_id", "shared_at"),
)

join_attempts = Table(  # the last minute's code attempts by address, and shares by member (rate limits)
    "join_attempts",
    metadata,
    Column("address_hash", String(64), nullable=False),  # sha256 of an address, or of a member id
    Column("at", Float, nullable=False),
    Index("ix_join_attempts_address", "address_hash", "at"),
)
