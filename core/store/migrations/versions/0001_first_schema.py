"""The first schema: workspaces, their access keys, items and transfer codes, and the new-workspace rate
limit.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("touched_at", sa.Float, nullable=False),
        sa.Column("bytes", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_workspaces_touched_at", "workspaces", ["touched_at"])
    op.create_table(
        "access_keys",
        sa.Column("key_hash", sa.String(64), primary_key=True),
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  nullable=False),
    )
    op.create_index("ix_access_keys_workspace_id", "access_keys", ["workspace_id"])
    op.create_table(
        "items",
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(255), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "transfer_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_transfer_codes_workspace_id", "transfer_codes", ["workspace_id"])
    op.create_table(
        "new_workspaces",
        sa.Column("address_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_new_workspaces_address", "new_workspaces", ["address_hash", "created_at"])


def downgrade() -> None:
    for table in ("new_workspaces", "transfer_codes", "items", "access_keys", "workspaces"):
        op.drop_table(table)
