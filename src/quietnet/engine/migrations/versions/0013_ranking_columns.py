"""what ranking reads per person, so that `net due` ranks in SQL (issue 20)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

Columns added to ``person_state``, a cache the current code rebuilds right
after migrating (``store/derived.py``, in the migration's transaction):

- ``dormant_from``: the first day (a date ordinal) on which the person counts as
  a quiet tie: their last real contact, or the start of the clock, plus the
  settings' ``dormant.days``;
- ``rest_until``: the day (an ordinal with a fraction) until which they rest after
  their last real contact; NULL when there was none.

With them, each term of the score is a function of stored columns and the day,
so ``store/ranking.py`` can order the people who may be due by an upper bound
of their score in SQL and read only the first few.

Indexes, so that the morning's questions read no table whole: on
``person_state``, ``last_touch`` (whether anything was logged after a day: then
the whole ranking is worked out, as before) and ``reconnected`` (who reconnected
this week); on ``person``, ``snoozed_until`` (snoozes ending) and the month and
day of the birthday (birthdays ahead).

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dormant_from", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rest_until", sa.Float(), nullable=True))
        batch_op.create_index("ix_person_state_last_touch", ["last_touch"], unique=False)
        batch_op.create_index("ix_person_state_reconnected", ["reconnected"], unique=False)
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_snoozed_until", ["snoozed_until"], unique=False)
    op.create_index("ix_person_birthday_day", "person", [sa.text("substr(birthday, length(birthday) - 4)")])


def downgrade() -> None:
    op.drop_index("ix_person_birthday_day", table_name="person")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_snoozed_until")
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_index("ix_person_state_reconnected")
        batch_op.drop_index("ix_person_state_last_touch")
        batch_op.drop_column("rest_until")
        batch_op.drop_column("dormant_from")
