"""Classes: a teacher's class, its members (learners' workspaces), the runs they share, the join rate limit.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("join_code_hash", sa.String(64), nullable=False),
        sa.Column("teacher_key_hash", sa.String(64), nullable=False),
        sa.Column("recovery_hash", sa.String(64), nullable=False),
        sa.Column("teacher_workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="SET NULL"),
                  nullable=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("locked", sa.Boolean, nullable=False),
        sa.Column("ended", sa.Boolean, nullable=False),
        sa.Column("sweep", sa.Text, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("members_joined", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("active_at", sa.Float, nullable=False),
    )
    op.create_index("ix_classes_join_code_hash", "classes", ["join_code_hash"], unique=True)
    op.create_index("ix_classes_recovery_hash", "classes", ["recovery_hash"], unique=True)
    op.create_index("ix_classes_teacher_workspace_id", "classes", ["teacher_workspace_id"])
    op.create_index("ix_classes_active_at", "classes", ["active_at"])
    op.create_table(
        "members",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("class_id", sa.String(32), sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("nickname", sa.String(24), nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("joined_at", sa.Float, nullable=False),
        sa.Column("join_order", sa.Integer, nullable=False),
    )
    op.create_index("ix_members_class_workspace", "members", ["class_id", "workspace_id"], unique=True)
    op.create_index("ix_members_workspace_id", "members", ["workspace_id"])
    op.create_table(
        "shares",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("class_id", sa.String(32), sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.String(32), sa.ForeignKey("members.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("shared_at", sa.Float, nullable=False),
    )
    op.create_index("ix_shares_member_run", "shares", ["member_id", "run_id"], unique=True)
    op.create_index("ix_shares_class_shared_at", "shares", ["class_id", "shared_at"])
    op.create_table(
        "join_attempts",
        sa.Column("address_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("ix_join_attempts_address", "join_attempts", ["address_hash", "at"])


def downgrade() -> None:
    for table in ("join_attempts", "shares", "members", "classes"):
        op.drop_table(table)
