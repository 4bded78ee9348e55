"""the last real contact and the start of the clock (issue 13, scheduling model version 2)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

Columns added to ``person_state``, a cache the current code rebuilds right
after migrating (``store/derived.py``, in the migration's transaction):

- ``clock_start``: where the effective-contact clock starts (the met date, else
  the earliest of the first interaction and the day the person was added);
- ``last_real`` and ``last_real_kind``: the latest real contact (a message or
  heavier, either direction), which quiet ties and resting are judged by.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clock_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("last_real", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("last_real_kind", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_column("last_real_kind")
        batch_op.drop_column("last_real")
        batch_op.drop_column("clock_start")
