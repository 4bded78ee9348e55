"""help first, events on purpose, where the work came from (issue 7)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

New tables only, nothing existing is altered:

- ``give_item``: ideas and links kept for someone (`net give NAME --save`);
- ``give_seen``: the ideas `net give` last showed per person (not journalled);
- ``intro``: double opt-in introductions and their state;
- ``event``, ``event_person``, ``event_loop``: events considered, planned and
  logged, who was there, and promises made there;
- ``work``: engagements and the tie they came through.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("interest", sa.Integer(), nullable=True),
        sa.Column("size", sa.String(), nullable=True),
        sa.Column("format", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("decision", sa.String(), nullable=True),
        sa.Column("reasons", sa.String(), nullable=True),
        sa.Column("goal", sa.String(), nullable=True),
        sa.Column("leave_by", sa.String(), nullable=True),
        sa.Column("questions", sa.String(), nullable=True),
        sa.Column("recovery", sa.String(), nullable=True),
        sa.Column("logged_on", sa.Date(), nullable=True),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("worth", sa.String(), nullable=True),
        sa.Column("learned", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index("ix_event_day", ["day"], unique=False)

    op.create_table(
        "event_person",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "person_id"),
    )
    with op.batch_alter_table("event_person", schema=None) as batch_op:
        batch_op.create_index("ix_event_person_person", ["person_id"], unique=False)

    op.create_table(
        "give_seen",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("ideas", sa.String(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "work",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("via_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("tie_circle", sa.String(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["via_id"], ["person.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("work", schema=None) as batch_op:
        batch_op.create_index("ix_work_day", ["day"], unique=False)
        batch_op.create_index("ix_work_person", ["person_id"], unique=False)

    op.create_table(
        "give_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("saved_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("help_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["help_id"], ["help.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("give_item", schema=None) as batch_op:
        batch_op.create_index("ix_give_item_person", ["person_id"], unique=False)

    op.create_table(
        "intro",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("why", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("a_asked_on", sa.Date(), nullable=True),
        sa.Column("a_answer", sa.String(), nullable=True),
        sa.Column("a_answered_on", sa.Date(), nullable=True),
        sa.Column("b_asked_on", sa.Date(), nullable=True),
        sa.Column("b_answer", sa.String(), nullable=True),
        sa.Column("b_answered_on", sa.Date(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("a_help_id", sa.Integer(), nullable=True),
        sa.Column("b_help_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["a_help_id"], ["help.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["b_help_id"], ["help.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["other_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("intro", schema=None) as batch_op:
        batch_op.create_index("ix_intro_other", ["other_id"], unique=False)
        batch_op.create_index("ix_intro_person", ["person_id"], unique=False)

    op.create_table(
        "event_loop",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("loop_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["loop_id"], ["loop.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "loop_id"),
    )


def downgrade() -> None:
    op.drop_table("event_loop")
    with op.batch_alter_table("intro", schema=None) as batch_op:
        batch_op.drop_index("ix_intro_person")
        batch_op.drop_index("ix_intro_other")

    op.drop_table("intro")
    with op.batch_alter_table("give_item", schema=None) as batch_op:
        batch_op.drop_index("ix_give_item_person")

    op.drop_table("give_item")
    with op.batch_alter_table("work", schema=None) as batch_op:
        batch_op.drop_index("ix_work_person")
        batch_op.drop_index("ix_work_day")

    op.drop_table("work")
    op.drop_table("give_seen")
    with op.batch_alter_table("event_person", schema=None) as batch_op:
        batch_op.drop_index("ix_event_person_person")

    op.drop_table("event_person")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_day")

    op.drop_table("event")
