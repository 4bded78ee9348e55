"""The schema, continued: what you give and keep (saved ideas, introductions, events,
work; dated notes, relationships, yearly dates, your own kinds), as SQLModel tables.

Imported by ``schema.py``; import that one to have every table registered.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from quietnet.engine.columns import fk, key, stamp

# -- issue 7: help first, events on purpose, where the work came from ----------------


class GiveItem(SQLModel, table=True):
    """Something kept for one person ("for them" queue): an idea or a link, until passed on."""

    __tablename__ = "give_item"
    __table_args__ = (
        Index("ix_give_item_person", "person_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=fk("person.id"))
    what: str
    saved_on: date
    done_on: date | None = None
    help_id: int | None = Field(default=None, sa_column=fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=stamp())


class GiveSeen(SQLModel, table=True):
    """The ideas `net give` last showed for a person, so the next run offers others.

    Tool memory, not user data: like ``person_state`` it is not journalled.
    """

    __tablename__ = "give_seen"

    person_id: int = Field(sa_column=key("person.id"))
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
    person_id: int = Field(sa_column=fk("person.id"))  # A
    other_id: int = Field(sa_column=fk("person.id"))  # B
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
    a_help_id: int | None = Field(default=None, sa_column=fk("help.id", nullable=True, ondelete="SET NULL"))
    b_help_id: int | None = Field(default=None, sa_column=fk("help.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=stamp())


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
    created_at: datetime = Field(sa_column=stamp())


class EventPerson(SQLModel, table=True):
    """Someone at an event: known to be going ("knows") or first met there ("met")."""

    __tablename__ = "event_person"
    __table_args__ = (Index("ix_event_person_person", "person_id"),)

    event_id: int = Field(sa_column=key("event.id"))
    person_id: int = Field(sa_column=key("person.id"))
    role: str  # knows | met
    note: str | None = None


class EventLoop(SQLModel, table=True):
    """A promise made at an event: an open loop to follow up within two days."""

    __tablename__ = "event_loop"

    event_id: int = Field(sa_column=key("event.id"))
    loop_id: int = Field(sa_column=key("loop.id"))


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
    person_id: int = Field(sa_column=fk("person.id"))  # from: the client
    via_id: int | None = Field(default=None, sa_column=fk("person.id", nullable=True, ondelete="SET NULL"))
    path: str  # referral | repeat-client | intro | inbound | event | cold
    value: float | None = None
    day: date
    tie_circle: str | None = None  # the source tie's circle when recorded
    event_id: int | None = Field(default=None, sa_column=fk("event.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_column=stamp())


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
    person_id: int = Field(sa_column=fk("person.id"))
    day: date
    text: str
    created_at: datetime = Field(sa_column=stamp())
    find_key: str | None = None  # the folded text


# -- issue 17: relationships between people, and yearly dates besides a birthday ------


class Relationship(SQLModel, table=True):
    """How two people you know are related (`net relate ana tom --as partner`: Tom is Ana's partner)."""

    __tablename__ = "relationship"
    __table_args__ = (Index("ix_relationship_pair", "person_id", "other_id", "role", unique=True),
                      Index("ix_relationship_other", "other_id"), {"sqlite_autoincrement": True})  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=fk("person.id"))
    other_id: int = Field(sa_column=fk("person.id"))
    role: str  # partner | spouse | parent | child | sibling | colleague | friend | introduced-by | free text
    created_at: datetime = Field(sa_column=stamp())


class YearlyDate(SQLModel, table=True):
    """A date that comes back every year for someone, besides their birthday (`net date add`)."""

    __tablename__ = "yearly_date"
    __table_args__ = (Index("ix_yearly_date_person", "person_id"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=fk("person.id"))
    label: str  # "wedding anniversary", "Lena's birthday"
    day: str  # "MM-DD" or "YYYY-MM-DD", as a birthday
    created_at: datetime = Field(sa_column=stamp())


class OwnKind(SQLModel, table=True):
    """A kind of contact the user named ("climbing"), `net kind add`: weighed like a built-in one."""

    __tablename__ = "kind"
    __table_args__ = (UniqueConstraint("name", name="uq_kind_name"), {"sqlite_autoincrement": True})

    id: int | None = Field(default=None, primary_key=True)
    name: str
    based_on: str | None = None  # the built-in kind it was modelled on, when one was named
    weight: float
    energy: int
    created_at: datetime = Field(sa_column=stamp())


# -- issue 18: what `net capture` turned into interactions -------------------------------


class Captured(SQLModel, table=True):
    """One message or calendar occurrence that became (part of) an interaction with one person.

    `net capture` never uses the same (source, key, person) twice; the latest
    ``created_at`` of a source is where its next run starts by default.
    """

    __tablename__ = "captured"
    __table_args__ = (
        UniqueConstraint("source", "key", "person_id", name="uq_captured_key"),
        Index("ix_captured_person", "person_id"),
        Index("ix_captured_interaction", "interaction_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    source: str  # "mail" or "calendar"
    key: str  # a Message-ID (or a hash of the headers), or "UID/" and the occurrence (calendar_read)
    person_id: int = Field(sa_column=fk("person.id"))
    day: date
    interaction_id: int | None = Field(
        default=None, sa_column=fk("interaction.id", nullable=True, ondelete="SET NULL")
    )  # kept when the interaction is deleted: a re-run does not bring it back
    created_at: datetime = Field(sa_column=stamp())


# -- issue 19: an address-book folder kept in step (net sync vdir) --------------------


class CardSync(SQLModel, table=True):
    """One card of a vdir as last synced (`net sync vdir`): which person, and hashes of what matched.

    ``person_id`` becomes NULL when the person is forgotten: the card is then removed only
    with ``--delete``, never brought back in. ``fields`` holds a hash per field `net` owns
    (JSON), salted with the UID, never the values themselves.
    """

    __tablename__ = "card_sync"
    __table_args__ = (
        Index("ix_card_sync_href", "vdir", "href", unique=True),
        Index("ix_card_sync_person", "person_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(default=None, sa_column=fk("person.id", nullable=True, ondelete="SET NULL"))
    vdir: str  # the folder's resolved path on this machine
    href: str  # the card's file name in it
    uid: str  # the card's UID
    fields: str | None = None  # JSON: {field: hash of its value as last synced}; NULL once forgotten
    card_hash: str  # sha256 of the file's bytes as last read or written (an etag)
    synced_at: datetime = Field(sa_column=stamp())
