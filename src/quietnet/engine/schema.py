"""The schema, as SQLModel tables.

These classes are the source of truth for the database's shape: the Alembic
migrations create exactly this (a test compares them), and tools that want an
ORM view of a store can use them. The everyday commands read and write through
``store/`` with plain SQL instead, because loading SQLAlchemy costs more than
the whole of ``net today`` may take (see docs/performance.md).

Importing this module imports SQLModel: keep it off the start-up path.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def _key(target: str) -> Column[int]:
    """A foreign key that is part of the primary key (link tables, per-person state)."""
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), primary_key=True)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable)


def _stamp(*, nullable: bool = False) -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=nullable)


class Person(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_search_key", "search_key"),
        Index("ix_person_card_uid", "card_uid"),
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
    archived_at: datetime | None = Field(default=None, sa_column=_stamp(nullable=True))
    created_at: datetime = Field(sa_column=_stamp())
    updated_at: datetime = Field(sa_column=_stamp())
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

    person_id: int = Field(sa_column=_key("person.id"))
    tag_id: int = Field(sa_column=_key("tag.id"))


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
    created_at: datetime = Field(sa_column=_stamp())
    find_key: str | None = None  # the folded note


class InteractionPerson(SQLModel, table=True):
    """Who took part in an interaction; primary key (person, interaction) serves per-person reads."""

    __tablename__ = "interaction_person"
    __table_args__ = (Index("ix_interaction_person_interaction", "interaction_id"),)

    person_id: int = Field(sa_column=_key("person.id"))
    interaction_id: int = Field(sa_column=_key("interaction.id"))


class Help(SQLModel, table=True):
    __tablename__ = "help"
    __table_args__ = (
        Index("ix_help_person", "person_id"),
        Index("ix_help_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    day: date
    person_id: int = Field(sa_column=_fk("person.id"))
    kind: str = "other"
    what: str
    outcome: str | None = None
    outcome_on: date | None = None
    interaction_id: int | None = Field(
        default=None, sa_column=_fk("interaction.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(sa_column=_stamp())
    find_key: str | None = None  # what and outcome, folded


class Loop(SQLModel, table=True):
    """An open promise of the user's ("promise") or a need of theirs ("need")."""

    __tablename__ = "loop"
    __table_args__ = (
        Index("ix_loop_person", "person_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    type: str  # "promise" | "need"
    what: str
    opened_on: date
    closed_on: date | None = None
    help_id: int | None = Field(default=None, sa_column=_fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=_stamp())
    find_key: str | None = None  # what, folded


class PersonState(SQLModel, table=True):
    """What the scheduler needs per person, kept current in each write's transaction."""

    __tablename__ = "person_state"

    person_id: int = Field(sa_column=_key("person.id"))
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


class Setting(SQLModel, table=True):
    __tablename__ = "setting"

    name: str = Field(primary_key=True)
    value: str  # JSON


class Change(SQLModel, table=True):
    """One command's worth of changes, in the journal."""

    __tablename__ = "change"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_stamp())
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
    change_id: int = Field(sa_column=_fk("change.id"))
    seq: int
    table_name: str
    row_key: str  # JSON of the primary key
    op: str  # "insert" | "update" | "delete"
    person_id: int | None = None  # whom the row is about, so `net forget` can erase it
    old: str | None = None  # JSON of the row before
    new: str | None = None  # JSON of the row after


# -- issue 7: help first, events on purpose, where the work came from ----------------


class GiveItem(SQLModel, table=True):
    """Something kept for one person ("for them" queue): an idea or a link, until passed on."""

    __tablename__ = "give_item"
    __table_args__ = (
        Index("ix_give_item_person", "person_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    what: str
    saved_on: date
    done_on: date | None = None
    help_id: int | None = Field(default=None, sa_column=_fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=_stamp())


class GiveSeen(SQLModel, table=True):
    """The ideas `net give` last showed for a person, so the next run offers others.

    Tool memory, not user data: like ``person_state`` it is not journalled.
    """

    __tablename__ = "give_seen"

    person_id: int = Field(sa_column=_key("person.id"))
    ideas: str  # the latest runs, newest first: runs joined by ";", codes by ","
    day: date


class Intro(SQLModel, table=True):
    """A double opt-in introduction between two people, as a small state machine (intro.py)."""

    __tablename__ = "intro"
    __table_args__ = (
        Index("ix_intro_person", "person_id"),
        Index("ix_intro_other", "other_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))  # A
    other_id: int = Field(sa_column=_fk("person.id"))  # B
    why: str
    state: str  # asking | accepted | introduced | checked | declined | dropped
    opened_on: date
    a_asked_on: date | None = None
    a_answer: str | None = None  # "yes" | "no"
    a_answered_on: date | None = None
    b_asked_on: date | None = None
    b_answer: str | None = None
    b_answered_on: date | None = None
    made_on: date | None = None
    checked_on: date | None = None
    closed_on: date | None = None
    outcome: str | None = None
    a_help_id: int | None = Field(default=None, sa_column=_fk("help.id", nullable=True, ondelete="SET NULL"))
    b_help_id: int | None = Field(default=None, sa_column=_fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=_stamp())


class Event(SQLModel, table=True):
    """An event considered, planned and logged (`net event`)."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str
    day: date
    interest: int | None = None  # 0-3: how much the topic matters to the user
    size: str | None = None  # small | medium | large
    format: str | None = None  # talks | workshop | mingling
    role: str | None = None  # attendee | volunteer | speaker
    decision: str | None = None  # go | skip
    reasons: str | None = None  # the reasons given, one per line
    goal: str | None = None
    leave_by: str | None = None
    questions: str | None = None  # one per line
    recovery: str | None = None
    logged_on: date | None = None
    energy: int | None = None  # 1-5 afterwards
    worth: str | None = None  # yes | meh | no
    learned: str | None = None
    created_at: datetime = Field(sa_column=_stamp())


class EventPerson(SQLModel, table=True):
    """Someone at an event: known to be going ("knows") or first met there ("met")."""

    __tablename__ = "event_person"
    __table_args__ = (Index("ix_event_person_person", "person_id"),)

    event_id: int = Field(sa_column=_key("event.id"))
    person_id: int = Field(sa_column=_key("person.id"))
    role: str  # knows | met
    note: str | None = None


class EventLoop(SQLModel, table=True):
    """A promise made at an event: an open loop to follow up within two days."""

    __tablename__ = "event_loop"

    event_id: int = Field(sa_column=_key("event.id"))
    loop_id: int = Field(sa_column=_key("loop.id"))


class Work(SQLModel, table=True):
    """An engagement and the tie it came through (`net work`, `net referrals`)."""

    __tablename__ = "work"
    __table_args__ = (
        Index("ix_work_person", "person_id"),
        Index("ix_work_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str
    person_id: int = Field(sa_column=_fk("person.id"))  # from: the client
    via_id: int | None = Field(default=None, sa_column=_fk("person.id", nullable=True, ondelete="SET NULL"))
    path: str  # referral | repeat-client | intro | inbound | event | cold
    value: float | None = None
    day: date
    tie_circle: str | None = None  # the source tie's circle when recorded
    event_id: int | None = Field(default=None, sa_column=_fk("event.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=_stamp())


# -- issue 17: dated notes -------------------------------------------------------------


class Note(SQLModel, table=True):
    """A dated note about one person ("her daughter started school"), `net note`."""

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_person", "person_id"),
        Index("ix_note_day", "day"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    day: date
    text: str
    created_at: datetime = Field(sa_column=_stamp())
    find_key: str | None = None  # the folded text


# -- issue 17: relationships between people, and yearly dates besides a birthday ------


class Relationship(SQLModel, table=True):
    """How two people you know are related (`net relate ana tom --as partner`: Tom is Ana's partner)."""

    __tablename__ = "relationship"
    __table_args__ = (Index("ix_relationship_pair", "person_id", "other_id", "role", unique=True),
                      Index("ix_relationship_other", "other_id"), {"sqlite_autoincrement": True})  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    other_id: int = Field(sa_column=_fk("person.id"))
    role: str  # partner | spouse | parent | child | sibling | colleague | friend | introduced-by | free text
    created_at: datetime = Field(sa_column=_stamp())


class YearlyDate(SQLModel, table=True):
    """A date that comes back every year for someone, besides their birthday (`net date add`)."""

    __tablename__ = "yearly_date"
    __table_args__ = (Index("ix_yearly_date_person", "person_id"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id"))
    label: str  # "wedding anniversary", "Lena's birthday"
    day: str  # "MM-DD" or "YYYY-MM-DD", as a birthday
    created_at: datetime = Field(sa_column=_stamp())


class OwnKind(SQLModel, table=True):
    """A kind of contact the user named ("climbing"), `net kind add`: weighed like a built-in one."""

    __tablename__ = "kind"
    __table_args__ = (UniqueConstraint("name", name="uq_kind_name"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    name: str
    based_on: str | None = None  # the built-in kind it was modelled on, when one was named
    weight: float
    energy: int
    created_at: datetime = Field(sa_column=_stamp())
