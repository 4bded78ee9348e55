"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("command", sa.String(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("said", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.Column("by_them", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_day", ["day"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("nickname", sa.String(), nullable=True),
        sa.Column("search_key", sa.String(), nullable=False),
        sa.Column("circle", sa.String(), nullable=False),
        sa.Column("closeness", sa.Integer(), nullable=True),
        sa.Column("kin", sa.Boolean(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("met_on", sa.Date(), nullable=True),
        sa.Column("how_met", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=True),
        sa.Column("company", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("birthday", sa.String(), nullable=True),
        sa.Column("interests", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_search_key", ["search_key"], unique=False)

    op.create_table(
        "setting",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "change_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("row_key", sa.String(), nullable=False),
        sa.Column("op", sa.String(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("old", sa.String(), nullable=True),
        sa.Column("new", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["change_id"], ["change.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("change_id", "seq"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_row", schema=None) as batch_op:
        batch_op.create_index("ix_change_row_change", ["change_id"], unique=False)
        batch_op.create_index("ix_change_row_person", ["person_id"], unique=False)

    op.create_table(
        "help",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.create_index("ix_help_day", ["day"], unique=False)
        batch_op.create_index("ix_help_person", ["person_id"], unique=False)

    op.create_table(
        "interaction_person",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "interaction_id"),
    )
    with op.batch_alter_table("interaction_person", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_person_interaction", ["interaction_id"], unique=False)

    op.create_table(
        "person_state",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("eff", sa.Float(), nullable=False),
        sa.Column("last_touch", sa.Date(), nullable=True),
        sa.Column("last_touch_kind", sa.String(), nullable=True),
        sa.Column("last_touch_said", sa.String(), nullable=True),
        sa.Column("last_full", sa.Date(), nullable=True),
        sa.Column("last_full_kind", sa.String(), nullable=True),
        sa.Column("full_days", sa.Integer(), nullable=False),
        sa.Column("episodes", sa.String(), nullable=False),
        sa.Column("reconnected", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "person_tag",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "tag_id"),
    )
    op.create_table(
        "loop",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("help_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["help_id"], ["help.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("loop", schema=None) as batch_op:
        batch_op.create_index("ix_loop_person", ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loop", schema=None) as batch_op:
        batch_op.drop_index("ix_loop_person")

    op.drop_table("loop")
    op.drop_table("person_tag")
    op.drop_table("person_state")
    with op.batch_alter_table("interaction_person", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_person_interaction")

    op.drop_table("interaction_person")
    with op.batch_alter_table("help", schema=None) as batch_op:
        batch_op.drop_index("ix_help_person")
        batch_op.drop_index("ix_help_day")

    op.drop_table("help")
    with op.batch_alter_table("change_row", schema=None) as batch_op:
        batch_op.drop_index("ix_change_row_change")

    op.drop_table("change_row")
    op.drop_table("tag")
    op.drop_table("setting")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_search_key")

    op.drop_table("person")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_day")

    op.drop_table("interaction")
    op.drop_table("change")
