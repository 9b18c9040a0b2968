"""A class's challenge rules, and each member's concept-check result (per idea, before and after).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("classes", sa.Column("challenge", sa.Text, nullable=True))  # SQLite adds a column in place
    op.add_column("members", sa.Column("check_result", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members") as table:  # SQLite drops a column by copying the table
        table.drop_column("check_result")
    with op.batch_alter_table("classes") as table:
        table.drop_column("challenge")
