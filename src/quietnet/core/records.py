"""Plain records the store returns (NamedTuples and frozen dataclasses), cheap to import and to build.

The store fills them, ``ops/`` passes them on and ``render/`` words them: they
live here so that neither of those imports them from ``store/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # annotations only: the morning path need not load these
    from quietnet.core.give import Match
    from quietnet.core.intro import Intro

# The JSON export document (`net export json`): store/dump.py builds it, io/jsonfile.py checks it.
FORMAT = "quietnet"
FORMAT_VERSION = 1

CIRCLES: tuple[str, ...] = ("core", "close", "friends", "network", "acquaintance")
ORIGINS: tuple[str, ...] = (
    "colleague",
    "client",
    "shared-interest",
    "friend",
    "family",
    "event",
    "online",
    "other",
)
RHYTHM_WORDS: dict[str, str] = {
    "core": "every week",
    "close": "every month",
    "friends": "every three months",
    "network": "every year",
    "acquaintance": "no set rhythm",
}

# Person fields a user may set with `net add` / `net edit`, in display order.
PERSON_FIELDS: tuple[str, ...] = (
    "name",
    "nickname",
    "circle",
    "closeness",
    "kin",
    "cadence_days",
    "met_on",
    "how_met",
    "origin",
    "company",
    "role",
    "city",
    "email",
    "phone",
    "birthday",
    "interests",
    "notes",
    "snoozed_until",
)


class Person(NamedTuple):
    id: int
    uuid: str
    name: str
    nickname: str | None = None
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
    birthday: str | None = None
    interests: str | None = None
    notes: str | None = None
    snoozed_until: date | None = None
    archived_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    tags: tuple[str, ...] = ()


class Interaction(NamedTuple):
    id: int
    day: date
    kind: str
    said: str | None
    note: str | None
    by_them: bool
    people: tuple[str, ...] = ()


class Help(NamedTuple):
    id: int
    day: date
    person_id: int
    person: str
    kind: str
    what: str
    outcome: str | None = None
    outcome_on: date | None = None


class Loop(NamedTuple):
    id: int
    person_id: int
    person: str
    type: str  # "promise" | "need"
    what: str
    opened_on: date
    closed_on: date | None = None
    help_id: int | None = None


class FollowUp(NamedTuple):
    """For `net today`: a promise made at an event, or an event to log."""

    event_id: int
    event: str
    due: date
    loop_id: int | None = None
    person: str | None = None
    what: str | None = None


class Event(NamedTuple):
    id: int
    name: str
    day: date
    interest: int | None = None
    size: str | None = None
    format: str | None = None
    role: str | None = None
    decision: str | None = None
    reasons: tuple[str, ...] = ()
    goal: str | None = None
    leave_by: str | None = None
    questions: tuple[str, ...] = ()
    recovery: str | None = None
    logged_on: date | None = None
    energy: int | None = None
    worth: str | None = None
    learned: str | None = None


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


class Listed(NamedTuple):
    """One row of `net list` (a NamedTuple: thousands are built per listing)."""

    id: int
    name: str
    nickname: str | None
    circle: str
    city: str | None
    origin: str | None
    company: str | None
    last_touch: date | None
    archived: bool
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    kind: str  # "person" | "interaction" | "help" | "loop"
    person_id: int
    person: str
    day: date | None
    text: str


@dataclass(frozen=True)
class Extras:
    saved: list[Saved]
    intros: list[Intro]
    events: list[tuple[Event, str, str | None]]
    work: list[Work]


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
