"""relationships between people (issue 17, `net relate`)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

A new table, ``relationship``: two people and a role ("Tom is Ana's partner"),
each pair and role once.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "relationship",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["other_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.create_index("ix_relationship_other", ["other_id"], unique=False)
        batch_op.create_index("ix_relationship_pair", ["person_id", "other_id", "role"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.drop_index("ix_relationship_pair")
        batch_op.drop_index("ix_relationship_other")

    op.drop_table("relationship")
