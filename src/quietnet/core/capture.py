"""What `net capture` found in mail and calendars (issue 18): plain records, no I/O.

The readers in ``io/`` (mail, calendars) turn files into ``Found`` records and
count what they skipped; ``ops/capture.py`` matches them to people, keeps one
interaction per person and day, and writes the plan. Nothing here reads a file
or the store.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Found(NamedTuple):
    """One message or one calendar occurrence that may become an interaction."""

    source: str  # "mail" or "calendar"
    key: str  # the same next time: a Message-ID, or "UID/" and which occurrence (calendar)
    day: date  # the local day it happened
    moment: float  # seconds since the epoch: orders what happened the same day
    kind: str  # "message", "video", "call" or "meet"
    mine: bool  # the user started it: wrote the message, organised the event
    emails: tuple[str, ...]  # the other side's addresses, lower-case, the user's own left out
    names: tuple[str, ...]  # a display name for each address ("" when none was given)
    title: str  # the subject or the event's summary, on one line
    all_day: bool = False  # calendar only: an all-day event counts only when it names someone
    tentative: bool = False  # calendar only: your answer was "maybe" (the plan says so)


class Scan(NamedTuple):
    """What a reader found, and how many it left out, by reason ("mailing list", "declined", ...)."""

    found: list[Found]
    skipped: dict[str, int]
    problems: tuple[str, ...] = ()  # folders that could not be read, one sentence each


# -- what `net capture` plans to write (ops/capture.py makes it, render/capture.py words it) --


class Planned(NamedTuple):
    """One interaction to write: a person's day."""

    person_id: int
    name: str
    day: date
    kind: str
    by_them: bool  # they wrote first that day
    title: str  # the first subject (or event) of the day
    keys: tuple[str, ...]  # every message (or occurrence) that makes it
    moment: float
    tentative: bool = False  # the first event of the day was answered "maybe"


class Attached(NamedTuple):
    """A new message on a day an earlier capture already holds: remembered, nothing added."""

    key: str
    person_id: int
    day: date
    interaction_id: int


class Stranger(NamedTuple):
    """An address the store does not know, and how many messages it was on."""

    email: str
    name: str  # the display name it was given most recently ("" when none)
    messages: int
    wrote_to: bool  # you wrote to them at least once


class Learned(NamedTuple):
    """An unknown address to keep as someone's (only with --learn)."""

    person_id: int
    name: str
    email: str


class CapturePlan(NamedTuple):
    source: str
    planned: list[Planned]
    attached: list[Attached]
    learned: list[Learned]
    strangers: list[Stranger]  # not learned, sorted by messages then address
    used: int  # (message, person) pairs an earlier capture already took
    typed: int  # person-days left alone: an interaction was already logged that day
    shared: int  # messages on an address several people share (left alone)
    found: int  # messages (or occurrences) the reader found
    skipped: dict[str, int]
    problems: tuple[str, ...] = ()  # folders the reader could not read, one sentence each


def together(planned: list[Planned]) -> list[list[Planned]]:
    """The interactions a calendar plan writes: everyone whose day begins with the same event shares one.

    Each person still has one interaction a day; an event with Ana and Mei is one interaction with
    both of them, in the order the events happened.
    """
    groups: dict[tuple[date, str], list[Planned]] = {}
    for p in planned:
        groups.setdefault((p.day, p.keys[0]), []).append(p)
    return sorted(groups.values(), key=lambda group: (group[0].day, group[0].moment, group[0].keys[0]))
