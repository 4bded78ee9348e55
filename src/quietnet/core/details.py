"""Records of the look-up, helping and import commands (dataclasses): the store fills them, render/ words them

Kept apart from ``core/records.py`` (NamedTuples), which `net today` imports:
loading ``dataclasses`` would cost that path several milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from quietnet.core.records import DatedNote, Event, Help, Interaction, YearlyEntry
from quietnet.core.relations import Related

if TYPE_CHECKING:
    from quietnet.core.give import Match
    from quietnet.core.intro import Intro


@dataclass(frozen=True)
class Work:
    id: int
    title: str
    day: date
    path: str
    person_id: int
    person: str
    via_id: int | None = None
    via: str | None = None
    value: float | None = None
    event_id: int | None = None
    event: str | None = None


@dataclass(frozen=True)
class NeedMatch:
    """An open need, and the people you know who fit it."""

    loop_id: int
    person_id: int
    person: str
    need: str
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class Saved:
    """An idea or link kept for someone, until it is passed on."""

    id: int
    person_id: int
    person: str
    what: str
    saved_on: date
    done_on: date | None = None
    help_id: int | None = None


@dataclass(frozen=True)
class Timeline:
    interactions: list[Interaction]
    helps: list[Help]
    notes: list[DatedNote] = field(default_factory=list)


@dataclass(frozen=True)
class Extras:
    saved: list[Saved]
    intros: list[Intro]
    events: list[tuple[Event, str, str | None]]
    work: list[Work]
    related: list[Related] = field(default_factory=list)
    dates: list[YearlyEntry] = field(default_factory=list)


@dataclass
class Contact:
    """One person as a file describes them."""

    line: int  # where the record starts in its file
    name: str
    fields: dict[str, Any] = field(default_factory=dict)  # storable Person fields given (not name)
    tags: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()  # every address given, for matching; the first is fields["email"]
    uid: str | None = None  # a vCard UID
    uuid: str | None = None  # a quietnet person uuid (our own exports)
    card: str | None = None  # the original vCard, as read
    source: str = ""  # the file it came from


@dataclass(frozen=True)
class Entry:
    """A dated line naming people (a friends.md activity or note), as a file gives it."""

    line: int
    source: str
    day: date
    names: tuple[str, ...]  # the people it names, as written (each also a contact of the same read)
    text: str  # the line's words, markup removed
    kind: str | None = None  # the interaction's kind; None for a note (it goes to their notes)
    said: str | None = None  # the word the kind was guessed from (lunch, phone...)
