"""`net why`: one person's place in the day's plan, and why they are or are not on the list.

Apart from ``ops/morning.py`` so that `net today` does not load what only this needs.
"""

from datetime import date
from typing import NamedTuple

from quietnet.core.records import Person
from quietnet.core.schedule import Assessment, assess, energy_spent, week_start
from quietnet.core.why import Place, not_listed, place
from quietnet.engine.sqlite import Session
from quietnet.store import candidates, people, ranking, state
from quietnet.store import settings as stored


class Explained(NamedTuple):
    """`net why`: one person's place in the day's plan (assessment None: archived, not considered)."""

    person: Person
    plan: Place | None  # None when archived
    assessment: Assessment | None
    code: str | None  # None: listed; else why not (core/why.py NOT_LISTED)
    daily_max: int


def explain(s: Session, who: str, *, today: date) -> Explained:
    """How one person's score adds up today, and why they are or are not on the list.

    Their place is that in ``ops/morning.make_plan``'s plan (the same reads), found by
    ``core/why.place`` without assessing everyone; someone not eligible is not ranked, so
    for them the ranking is not worked out at all (the place's list is empty, ``of`` 0).
    """
    person_id = people.resolve_id(s, who)
    settings = stored.load(s)
    found = ranking.read_ids(s, settings, today=today, ids=[person_id])  # one row; no read of every loop
    person = people.get(s, person_id)
    if not found:
        return Explained(person, None, None, None, settings.daily_max)
    assessment = assess(found[0], settings=settings, today=today)
    monday = week_start(today)
    spent = energy_spent(state.kinds_between(s, monday, today))
    if assessment.eligible:
        everyone = candidates.eligible_candidates(s, settings, today=today)
        back = state.reconnected_between(s, monday, today)
        where = place(person_id, everyone, settings=settings, today=today, spent=spent, reconnected=back)
    else:
        remaining = max(0, settings.weekly_energy - spent)
        where = Place(today, settings.weekly_energy, spent, remaining, (), None, 0, None)
    return Explained(person, where, assessment, not_listed(assessment, where, settings), settings.daily_max)
