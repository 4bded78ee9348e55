"""The records of `net show` beyond the person: their timeline and the sections after it.

NamedTuples, like ``core/records.py``: `net show` is timed (benchmarks/run.py), and
frozen dataclasses would load ``dataclasses`` (with ``inspect``, ``ast`` and ``dis``:
several milliseconds) on its path. No ``from __future__ import annotations``:
``typing.NamedTuple`` would compile every annotation given as a string.
"""

from datetime import date
from typing import NamedTuple

from quietnet.core.intro import Intro
from quietnet.core.records import DatedNote, Event, Help, Interaction, YearlyEntry
from quietnet.core.relations import Related


class Work(NamedTuple):
    """An engagement, and the tie it came from or through."""

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


class Saved(NamedTuple):
    """An idea or link kept for someone, until it is passed on."""

    id: int
    person_id: int
    person: str
    what: str
    saved_on: date
    done_on: date | None = None
    help_id: int | None = None


class Timeline(NamedTuple):
    """A person's latest interactions (with who else was there), helps and dated notes."""

    interactions: list[Interaction]
    helps: list[Help]
    notes: list[DatedNote]


class Extras(NamedTuple):
    """What `net show` lists after the timeline, each newest or soonest first as the store reads it."""

    saved: list[Saved]
    intros: list[Intro]
    events: list[tuple[Event, str, str | None]]  # the event, their role, the note
    work: list[Work]
    related: list[Related]
    dates: list[YearlyEntry]
