"""`net why`: one person's place in the day's plan, and why they are or are not on the list.

Apart from ``ops/morning.py`` so that `net today` does not load what only this needs.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from quietnet.core.records import Person
from quietnet.core.schedule import Assessment, DuePlan, assess
from quietnet.core.why import not_listed
from quietnet.engine.sqlite import Session
from quietnet.ops.morning import make_plan
from quietnet.store import people, state


class Explained(NamedTuple):
    """`net why`: one person's place in the day's plan (assessment None: archived, not considered)."""

    person: Person
    plan: DuePlan
    assessment: Assessment | None
    code: str | None  # None: listed; else why not (core/why.py NOT_LISTED)
    daily_max: int


def explain(s: Session, who: str, *, today: date) -> Explained:
    """How one person's score adds up today, and why they are or are not on the list."""
    person_id = people.resolve_id(s, who)
    result, settings = make_plan(s, today=today)
    found = state.candidates(s, settings, today=today, person_id=person_id)
    person = people.get(s, person_id)
    if not found:
        return Explained(person, result, None, None, settings.daily_max)
    assessment = assess(found[0], settings=settings, today=today)
    return Explained(person, result, assessment, not_listed(assessment, result, settings), settings.daily_max)
