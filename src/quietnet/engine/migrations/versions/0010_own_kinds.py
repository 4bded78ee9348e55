"""your own kinds of contact (issue 17, `net kind add`)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

A new table, ``kind``: one kind of contact the user named ("climbing"), with the
weight and energy the scheduler gives it and the built-in kind it was modelled
on. Interactions name it in their ``kind`` column like any built-in kind.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("based_on", sa.String(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_kind_name"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("kind")
