"""indexes that hold what the review's chart reads: each link's person, each person's circle (issue 20)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

``ix_interaction_person_interaction`` becomes ``(interaction_id, person_id)``: a
covering index, so a query that goes from interactions to their people (the
review's twelve weeks of touches by circle, "who else was there") reads the
index alone instead of a row of ``interaction_person`` for each link. Same name,
same use; the primary key ``(person_id, interaction_id)`` still serves the
per-person reads.

``ix_person_circle`` on ``person (id, circle)``: the circle of each of those
people, read from a small index instead of each person's whole row (SQLite
looks a rowid up in the table unless told ``INDEXED BY``; ``store/week.py``).

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | None = None
depends_on: str | None = None

NAME = "ix_interaction_person_interaction"


def upgrade() -> None:
    op.drop_index(NAME, table_name="interaction_person")
    op.create_index(NAME, "interaction_person", ["interaction_id", "person_id"], unique=False)
    op.create_index("ix_person_circle", "person", ["id", "circle"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_person_circle", table_name="person")
    op.drop_index(NAME, table_name="interaction_person")
    op.create_index(NAME, "interaction_person", ["interaction_id"], unique=False)
