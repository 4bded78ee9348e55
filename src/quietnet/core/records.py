"""Plain records the store returns: immutable NamedTuples, cheap to import and to build.

The store fills them, ``ops/`` passes them on and ``render/`` words them: they
live here so that neither of those imports them from ``store/``. The records
that are dataclasses are in ``core/details.py``: `net today` imports this module,
and importing ``dataclasses`` would cost it several milliseconds. No
``from __future__ import annotations`` either: ``typing.NamedTuple`` would compile
every annotation given as a string (about a millisecond here).
"""

from datetime import date, datetime
from typing import Any, NamedTuple

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


class DatedNote(NamedTuple):
    """A dated note about someone (`net note`)."""

    id: int
    day: date
    person_id: int
    person: str
    text: str


class YearlyEntry(NamedTuple):
    """A yearly date besides a birthday (`net date`): an anniversary, a child's birthday."""

    id: int
    person_id: int
    person: str
    label: str
    day: str  # "MM-DD" or "YYYY-MM-DD"


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


class Hit(NamedTuple):
    """One line of `net find`."""

    kind: str  # "person" | "interaction" | "help" | "loop" | "note"
    person_id: int
    person: str
    day: date | None
    text: str


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


class Roster(NamedTuple):
    """`net list`'s text rows as the store reads them: no record per person (50,000 are read at once)."""

    rows: list[tuple[Any, ...]]  # (id, name, circle, city, last contact as stored), in the order shown
    tags: dict[int, tuple[str, ...]]  # each person's tags, in name order
    days: dict[Any, date]  # each last contact as stored: its day
