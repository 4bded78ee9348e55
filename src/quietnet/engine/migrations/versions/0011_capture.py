"""the capture ledger (issue 18, `net capture mail|calendar`)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

A new table, ``captured``: which message or calendar occurrence (source, key)
became which interaction with which person, so a second run adds nothing twice.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "captured",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source", "key", "person_id", name="uq_captured_key"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_captured_person", "captured", ["person_id"], unique=False)
    op.create_index("ix_captured_interaction", "captured", ["interaction_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_captured_interaction", table_name="captured")
    op.drop_index("ix_captured_person", table_name="captured")
    op.drop_table("captured")
