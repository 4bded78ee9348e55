"""search and find keys fold Latin letters that are not accents (issue 16)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

No column changes. ``text.fold`` now also turns Latin letters that carry no
accent mark into ASCII (ø o, ł l, æ ae, đ d, þ th), so `net show soren` finds
Søren. ``person.search_key`` and every ``find_key`` folded by the older code
are recomputed by the rebuild that follows every migration, in the same
transaction (``engine/migrate.py`` calls ``store/derived.rebuild``): this
revision is what makes a store at version 5 go through it, once.

Frozen: imports only alembic and sqlalchemy (here, neither is needed).
"""

from __future__ import annotations

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Nothing to change in the schema; the keys are rebuilt right after (see above)."""


def downgrade() -> None:
    """Nothing to undo: an older quietnet's doctor --fix folds the keys its own way again."""
