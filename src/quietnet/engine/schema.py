"""The schema, as SQLModel tables.

These classes are the source of truth for the database's shape: the Alembic
migrations create exactly this (a test compares them), and tools that want an
ORM view of a store can use them. The everyday commands read and write through
``store/`` with plain SQL instead, because loading SQLAlchemy costs more than
the whole of ``net today`` may take (see docs/performance.md).

The people, their interactions, helps, loops, scheduler state, settings and the
change journal are here; saved ideas, introductions, events, work, dated
notes, relationships, yearly dates and own kinds are in ``schema_more.py``,
which this module imports so one import registers every table.

Importing this module imports SQLModel: keep it off the start-up path.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from quietnet.engine import schema_more  # noqa: F401  (registers the tables of what you give and keep)
from quietnet.engine.columns import fk, key, stamp


class Person(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_search_key", "search_key"),
        Index("ix_person_card_uid", "card_uid"),
        Index("ix_person_snoozed_until", "snoozed_until"),  # net today: snoozes ending
        Index("ix_person_circle", "id", "circle"),  # net review: the circle of each link, without the row
        # net today and the review: birthdays by month and day ("MM-DD", with or without a year)
        Index("ix_person_birthday_day", text("substr(birthday, length(birthday) - 4)")),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    name: str
    nickname: str | None = None
    search_key: str  # fold(name) + "\n" + fold(nickname): accents and case folded
    circle: str = "network"
    closeness: int | None = None
    kin: bool = False
    cadence_days: int | None = None
    met_on: date | None = None
    how_met: str | None = None
    origin: str | None = None
    company: str | None = None
    role: str | None = None
    city: str | None = None
    email: str | None = None
    phone: str | None = None
    birthday: str | None = None  # "MM-DD" or "YYYY-MM-DD"
    interests: str | None = None
    notes: str | None = None
    snoozed_until: date | None = None
    archived_at: datetime | None = Field(default=None, sa_column=stamp(nullable=True))
    created_at: datetime = Field(sa_column=stamp())
    updated_at: datetime = Field(sa_column=stamp())
    card_uid: str | None = None  # the UID of the vCard this person was imported from
    vcard: str | None = None  # that card as imported, so an export keeps what quietnet does not model
    find_key: str | None = None  # the folded text `net find` searches (store/folded.py)


class Tag(SQLModel, table=True):
    __tablename__ = "tag"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class PersonTag(SQLModel, table=True):
    __tablename__ = "person_tag"
    __table_args__ = (Index("ix_person_tag_tag", "tag_id", "person_id"),)  # who has a tag (novel: ranking)

    person_id: int = Field(sa_column=key("person.id"))
    tag_id: int = Field(sa_column=key("tag.id"))


class Interaction(SQLModel, table=True):
    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date
    kind: str
    said: str | None = None  # the word typed for the kind ("coffee"), for calm sentences
    note: str | None = None
    by_them: bool = False
    created_at: datetime = Field(sa_column=stamp())
    find_key: str | None = None  # the folded note


class InteractionPerson(SQLModel, table=True):
    """Who took part in an interaction; primary key (person, interaction) serves per-person reads, the
    index (interaction, person) the reads from interactions to their people, without the table."""

    __tablename__ = "interaction_person"
    __table_args__ = (Index("ix_interaction_person_interaction", "interaction_id", "person_id"),)

    person_id: int = Field(sa_column=key("person.id"))
    interaction_id: int = Field(sa_column=key("interaction.id"))


class Help(SQLModel, table=True):
    __tablename__ = "help"
    __table_args__ = (
        Index("ix_help_person", "person_id"),
        Index("ix_help_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date
    person_id: int = Field(sa_column=fk("person.id"))
    kind: str = "other"
    what: str
    outcome: str | None = None
    outcome_on: date | None = None
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(sa_column=stamp())
    find_key: str | None = None  # what and outcome, folded


OPEN_LOOP = text("closed_on IS NULL")


class Loop(SQLModel, table=True):
    """An open promise of the user's ("promise") or a need of theirs ("need")."""

    __tablename__ = "loop"
    __table_args__ = (
        Index("ix_loop_person", "person_id"),
        Index(  # who has an open promise or need (ranking): the open ones only
            "ix_loop_open", "type", "person_id", sqlite_where=OPEN_LOOP, postgresql_where=OPEN_LOOP
        ),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=fk("person.id"))
    type: str  # "promise" | "need"
    what: str
    opened_on: date
    closed_on: date | None = None
    help_id: int | None = Field(default=None, sa_column=fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=stamp())
    find_key: str | None = None  # what, folded


class PersonState(SQLModel, table=True):
    """What the scheduler needs per person, kept current in each write's transaction."""

    __tablename__ = "person_state"
    __table_args__ = (
        Index("ix_person_state_last_touch", "last_touch"),  # whether anything was logged after a day
        Index("ix_person_state_reconnected", "reconnected"),  # who reconnected this week
    )

    person_id: int = Field(sa_column=key("person.id"))
    eff: float  # effective last contact, as a date ordinal with a fraction
    last_touch: date | None = None
    last_touch_kind: str | None = None
    last_touch_said: str | None = None
    last_full: date | None = None
    last_full_kind: str | None = None
    full_days: int = 0
    episodes: str = ""  # the last episode starts, ISO dates joined by ","
    reconnected: date | None = None
    # The days (ordinals) in which time alone makes them eligible (rhythm.Window); start None: never.
    due_start: float | None = None
    due_end: int | None = None
    cadence: float | None = None  # the rhythm they are held to (rhythm.cadence_of), and its source
    cadence_source: str | None = None
    clock_start: date | None = None  # where the effective-contact clock starts (scheduling.md section 3)
    last_real: date | None = None  # the latest real contact: a message or heavier, either direction
    last_real_kind: str | None = None
    # What ranking in SQL reads (store/ranking.py): the first day they count as a quiet tie, and the
    # day (an ordinal with a fraction) until which they rest after a real contact (None: never).
    dormant_from: int | None = None
    rest_until: float | None = None


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    name: str = Field(primary_key=True)
    value: str  # JSON


class Change(SQLModel, table=True):
    """One command's worth of changes, in the journal."""

    __tablename__ = "change"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=stamp())
    command: str
    summary: str = ""


class ChangeRow(SQLModel, table=True):
    """One row inserted, updated or deleted, with enough to reverse it."""

    __tablename__ = "change_row"
    __table_args__ = (
        Index("ix_change_row_change", "change_id"),
        Index("ix_change_row_person", "person_id"),
        UniqueConstraint("change_id", "seq"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    change_id: int = Field(sa_column=fk("change.id"))
    seq: int
    table_name: str
    row_key: str  # JSON of the primary key
    op: str  # "insert" | "update" | "delete"
    person_id: int | None = None  # whom the row is about, so `net forget` can erase it
    old: str | None = None  # JSON of the row before
    new: str | None = None  # JSON of the row after
