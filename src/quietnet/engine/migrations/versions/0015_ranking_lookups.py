"""indexes for the ranking's lookups: open loops, and who has a tag (issue 20)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

`net today` and `net due` ask, in SQL, who has an open promise or need and who is
tagged ``novel`` (``store/ranking.py``, ``store/state.py``). Without these indexes
each question read the whole ``loop`` and ``person_tag`` tables, several times a
statement.

``ix_loop_open``: ``loop (type, person_id)`` of the open loops only (a partial
index: closed ones, most of them over the years, are not in it).
``ix_person_tag_tag``: ``person_tag (tag_id, person_id)``; the primary key
``(person_id, tag_id)`` still serves "this person's tags".

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | None = None
depends_on: str | None = None

OPEN = sa.text("closed_on IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_loop_open", "loop", ["type", "person_id"], unique=False, sqlite_where=OPEN, postgresql_where=OPEN
    )
    op.create_index("ix_person_tag_tag", "person_tag", ["tag_id", "person_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_person_tag_tag", table_name="person_tag")
    op.drop_index("ix_loop_open", table_name="loop")
