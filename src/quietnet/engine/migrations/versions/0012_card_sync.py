"""the sync state of address-book folders (issue 19, `net sync vdir`)

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-06

A new table, ``card_sync``: per card of a vdir, the person it belongs to (NULL once
forgotten), its file name and UID, a hash per field `net` owns as last synced, and
a hash of the file as last read or written.

Frozen: imports only alembic and sqlalchemy.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "card_sync",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("vdir", sa.String(), nullable=False),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("fields", sa.String(), nullable=True),
        sa.Column("card_hash", sa.String(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("card_sync", schema=None) as batch_op:
        batch_op.create_index("ix_card_sync_href", ["vdir", "href"], unique=True)
        batch_op.create_index("ix_card_sync_person", ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("card_sync", schema=None) as batch_op:
        batch_op.drop_index("ix_card_sync_person")
        batch_op.drop_index("ix_card_sync_href")
    op.drop_table("card_sync")
