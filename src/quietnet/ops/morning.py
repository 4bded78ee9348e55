"""The morning use cases: the plan `net due` shows, and everything `net today` gathers.

Called by the Typer commands (``cli/morning.py``), by the bare fast path of
``cli/main.py``, by `net why` (``explain``) and `net export ics`. This path is timed every
morning (docs/performance.md): it imports no Typer, no Rich and no SQLAlchemy.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from quietnet.core.morning import Morning, heads_up, upcoming
from quietnet.core.records import Person
from quietnet.core.schedule import Assessment, DuePlan, assess, energy_spent, plan, week_start
from quietnet.core.settings import Settings
from quietnet.engine.sqlite import Session
from quietnet.store import events, intros, loops, people, state
from quietnet.store import settings as stored


def make_plan(s: Session, *, today: date, show_all: bool = False) -> tuple[DuePlan, Settings]:
    """Gather what the scheduler needs in a handful of queries and run it."""
    settings = stored.load(s)
    people = state.eligible_candidates(s, settings, today=today)
    monday = week_start(today)
    spent = energy_spent(state.kinds_between(s, monday, today))
    back = state.reconnected_between(s, monday, today)
    made = plan(people, settings=settings, today=today, spent=spent, show_all=show_all, reconnected=back)
    return made, settings


def gather(s: Session, *, today: date) -> Morning:
    """The morning view: the plan, birthdays ahead, promises, snoozes ending, introductions, events."""
    result, settings = make_plan(s, today=today)
    ahead = settings.heads_up
    found = upcoming(state.yearly_dates(s, today=today, days=ahead), today=today, days=ahead)
    birthdays = heads_up(found, result, window=settings.event_window)
    empty = not state.anyone(s)
    follow_ups = tuple(events.follow_ups(s, today=today))
    from_events = {f.loop_id for f in follow_ups}  # shown under "After events" instead
    promises = [loop for loop in loops.open_loops(s) if loop.type == "promise" and loop.id not in from_events]
    snoozes = state.snoozes_ending(s, today)
    waiting = tuple(intros.waiting(s, today=today))
    return Morning(result, birthdays, promises, snoozes, waiting, follow_ups, empty)


class Explained(NamedTuple):
    """`net why`: one person's place in the day's plan (assessment None: archived, not considered)."""

    person: Person
    plan: DuePlan
    assessment: Assessment | None
    code: str | None  # None: listed; else why not (core/why.py NOT_LISTED)
    daily_max: int


def explain(s: Session, who: str, *, today: date) -> Explained:
    """How one person's score adds up today, and why they are or are not on the list."""
    from quietnet.core.why import not_listed  # net why only: the morning path does without it

    person_id = people.resolve_id(s, who)
    result, settings = make_plan(s, today=today)
    found = state.candidates(s, settings, today=today, person_id=person_id)
    person = people.get(s, person_id)
    if not found:
        return Explained(person, result, None, None, settings.daily_max)
    assessment = assess(found[0], settings=settings, today=today)
    return Explained(person, result, assessment, not_listed(assessment, result, settings), settings.daily_max)
