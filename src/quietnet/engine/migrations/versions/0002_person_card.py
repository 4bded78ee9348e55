"""person card: the vCard a person was imported from, and its UID

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

``person.card_uid`` lets a re-import of the same address book update people
instead of adding them again; ``person.vcard`` keeps the card as imported, so
``net export vcard`` writes back the properties quietnet does not model
(photos, other phone numbers, addresses, labels). Both are nullable columns
added in place (SQLite ``ALTER TABLE ... ADD COLUMN``), so no table is copied.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_uid", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("vcard", sa.String(), nullable=True))
        batch_op.create_index("ix_person_card_uid", ["card_uid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_card_uid")
        batch_op.drop_column("vcard")
        batch_op.drop_column("card_uid")
