"""yearly dates besides a birthday (issue 17, `net date`)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

A new table, ``yearly_date``: a label and a month-day, year optional, for one
person (an anniversary, a child's birthday). The scheduler counts each as it
counts a birthday.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "yearly_date",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("day", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("yearly_date", schema=None) as batch_op:
        batch_op.create_index("ix_yearly_date_person", ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("yearly_date", schema=None) as batch_op:
        batch_op.drop_index("ix_yearly_date_person")

    op.drop_table("yearly_date")
