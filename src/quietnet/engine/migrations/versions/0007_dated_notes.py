"""dated notes about a person (issue 17, `net note`)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

A new table, ``note``: one dated line of text about one person ("her daughter
started school"), with its folded ``find_key`` for `net find` (filled by the
rebuild that follows every migration; a new table has no rows to fill).

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("find_key", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index("ix_note_day", ["day"], unique=False)
        batch_op.create_index("ix_note_person", ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index("ix_note_person")
        batch_op.drop_index("ix_note_day")

    op.drop_table("note")
