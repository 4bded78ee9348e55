"""folded search keys, and when time makes someone due (issue 4)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Columns added (empty here; ``store/derived.py`` fills them right after migrating,
in the same transaction, so this migration imports nothing from quietnet):

- ``find_key`` on ``person``, ``interaction``, ``help`` and ``loop``: their text
  folded (``store/folded.py``), so `net find` matches in SQL without calling
  Python for every row;
- ``due_start``, ``due_end``, ``cadence`` and ``cadence_source`` on
  ``person_state``: the days in which time alone makes someone eligible and the
  rhythm that says so (``core/rhythm.time_window``), so `net due` reads only the
  people who may be due, without working out their rhythm again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

SEARCHED = ("person", "interaction", "help", "loop")


def upgrade() -> None:
    for table in SEARCHED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("find_key", sa.String(), nullable=True))
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_start", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("due_end", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cadence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("cadence_source", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_column("cadence_source")
        batch_op.drop_column("cadence")
        batch_op.drop_column("due_end")
        batch_op.drop_column("due_start")
    for table in reversed(SEARCHED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("find_key")
