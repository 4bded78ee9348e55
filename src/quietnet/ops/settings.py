"""`net settings set|reset|preset` (keep the new settings and what depends on them) and `net circles`."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from quietnet.core.capacity import WEEKS, Capacity, capacity
from quietnet.core.circles import Hint, counts, hints
from quietnet.core.schedule import week_start
from quietnet.core.settings import Settings
from quietnet.engine.sqlite import Session
from quietnet.store import candidates, journal, state, words
from quietnet.store import settings as stored


def change(s: Session, new: Settings, *, summary: str) -> None:
    """Save ``new`` and refresh every person's summary: it depends on cadences and weights."""
    stored.save(s, new)
    state.refresh_all(s, new)
    journal.describe(s, summary)


def change_word(s: Session, key: str, value: str, *, summary: str) -> None:
    """Keep one word setting (``core/words.py``; checked already): nothing else depends on it."""
    words.put(s, key, value)
    journal.describe(s, summary)


class Circles(NamedTuple):
    counts: dict[str, int]
    hints: list[Hint]
    asked: Capacity


def circles(s: Session, *, today: date) -> Circles:
    """`net circles`: each circle's size, rhythms that may fit another circle, what the rhythms ask."""
    settings = stored.load(s)
    people = candidates.candidates(s, settings, today=today)
    spent = state.spent_by_week(s, monday=week_start(today), weeks=WEEKS)
    asked = capacity(state.rhythms(s, today=today), spent, settings)
    return Circles(counts(people), hints(people, settings, today=today), asked)
