"""What the morning view (`net today`) holds, and which birthdays it mentions.

Pure: the store gathers the rows (``ops/morning.py``), ``render/due.py`` words them.
"""

from datetime import date, timedelta
from typing import NamedTuple

from quietnet.core.intro import Intro
from quietnet.core.records import FollowUp, Loop
from quietnet.core.schedule import DuePlan, days_ahead


class Upcoming(NamedTuple):
    id: int
    name: str
    day: date
    days: int
    label: str = "birthday"  # or a yearly date's (net date)


def upcoming(dates: list[tuple[int, str, str, str]], *, today: date, days: int) -> list[Upcoming]:
    """Birthdays and yearly dates from today to ``days`` ahead, soonest first (Feb 29 is Feb 28 in
    other years): (person id, name, day, label) each."""
    ahead = days_ahead(today, days)
    found = []
    for person_id, name, birthday, label in dates:
        month, day = (int(x) for x in birthday[-5:].split("-"))
        n = ahead.get((month, day))
        if n is not None:
            found.append(Upcoming(person_id, name, today + timedelta(days=n), n, label))
    return sorted(found, key=lambda u: (u.day, u.name.casefold(), u.id))


def heads_up(found: list[Upcoming], p: DuePlan, *, window: int) -> list[Upcoming]:
    """Birthdays ahead with no action (section 5): beyond the event window, or near but not listed.

    A near birthday already settled by contact, or on today's list, is left out.
    """
    listed = {s.assessment.id for s in p.suggestions}
    near = {a.id for a in p.ranked if a.event is not None}
    return [u for u in found if u.id not in listed and (u.days > window or u.id in near)]


class Morning(NamedTuple):
    plan: DuePlan
    birthdays: list[Upcoming]
    promises: list[Loop]
    snoozes: list[tuple[int, str]]
    intros: tuple[Intro, ...] = ()  # both said yes, or made a week ago: a check-in
    follow_ups: tuple[FollowUp, ...] = ()  # promises made at events, events to log
    empty: bool = False  # no one in the store yet
    more_promises: int = 0  # open promises after ``promises``, not read (`net today` reads the first few)
