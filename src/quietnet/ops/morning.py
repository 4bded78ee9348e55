"""The morning use cases: the plan `net due` shows, and everything `net today` gathers.

Called by the Typer commands (``cli/morning.py``), by the bare fast path of
``cli/main.py``, by `net why` (``ops/why.py``) and `net export ics`. This path is timed every
morning (docs/performance.md): it imports no Typer, no Rich and no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from quietnet.core.schedule import DuePlan, Suggestion, energy_spent, plan, week_start
from quietnet.core.settings import Settings
from quietnet.engine.sqlite import Session
from quietnet.store import candidates, state
from quietnet.store import settings as stored

if TYPE_CHECKING:
    from quietnet.core.morning import Morning


def make_plan(s: Session, *, today: date, show_all: bool = False) -> tuple[DuePlan, Settings]:
    """The whole ranking (`net due --all`, `net why`): everyone who may be eligible, scored."""
    settings = stored.load(s)
    people = candidates.eligible_candidates(s, settings, today=today)
    monday = week_start(today)
    spent = energy_spent(state.kinds_between(s, monday, today))
    back = state.reconnected_between(s, monday, today)
    made = plan(people, settings=settings, today=today, spent=spent, show_all=show_all, reconnected=back)
    return made, settings


def make_list(
    s: Session, *, today: date, whole: Iterable[int] = (), settings: Settings | None = None
) -> tuple[DuePlan, Settings]:
    """The list `net due` and `net today` show, the same as ``make_plan``'s, scoring only the few it needs.

    The store orders who may be due by a bound of their score (``store/ranking.py``) and
    ``core/shortlist.py`` reads them as far as the list needs, so the plan's ``ranked`` is
    partial: it also holds those of ``whole`` (ids) that are surely ranked.
    """
    from quietnet.core.shortlist import shortlist  # not for `net why` and `net due --all` (timed)
    from quietnet.store import ranking

    settings = settings or stored.load(s)
    latest = state.latest_touch(s)
    if not ranking.usable(settings) or (latest is not None and latest > today):
        return make_plan(s, today=today)  # a day in the past (--as-of): the whole ranking, as it was
    monday = week_start(today)
    spent = energy_spent(state.kinds_between(s, monday, today))
    back = state.reconnected_between(s, monday, today)
    first = ranking.read_ids(s, settings, today=today, ids=whole)
    pages = ranking.by_bound(s, settings, today=today)
    return shortlist(first, pages, settings=settings, today=today, spent=spent, reconnected=back), settings


def gather(s: Session, *, today: date, promises: int | None = None) -> Morning:
    """The morning view: the plan, birthdays ahead, promises, snoozes ending, introductions, events.

    ``promises``: read only the oldest so many open promises and count the rest (`net today`'s text
    shows a few); None: read them all.
    """
    from quietnet.core.morning import Morning, heads_up, upcoming  # net today only, as these
    from quietnet.store import events, intros, loops  # net today only: net due (timed) does without them

    settings = stored.load(s)
    ahead = max(settings.heads_up, settings.event_window)
    found = upcoming(state.yearly_dates(s, today=today, days=ahead), today=today, days=ahead)
    near = {u.id for u in found if u.days <= settings.event_window}  # heads_up asks if they are ranked
    result, _ = make_list(s, today=today, whole=sorted(near), settings=settings)
    found = [u for u in found if u.days <= settings.heads_up]
    birthdays = heads_up(found, result, window=settings.event_window)
    empty = not state.anyone(s)
    follow_ups = tuple(events.follow_ups(s, today=today))
    from_events = {f.loop_id for f in follow_ups if f.loop_id is not None}  # shown under "After events"
    if promises is None:
        made = loops.open_loops(s, type_="promise", excluding=from_events)
        more = 0
    else:
        made, total = loops.first_open(s, type_="promise", excluding=from_events, limit=promises)
        more = total - len(made)
    snoozes = state.snoozes_ending(s, today)
    waiting = tuple(intros.waiting(s, today=today))
    return Morning(result, birthdays, made, snoozes, waiting, follow_ups, empty, more)


class Calendar(NamedTuple):
    """`net export ics`: birthdays and yearly dates (uuid, name, day, label, yearly date id or None)
    and check-ins (uuid, suggestion, day)."""

    birthdays: list[tuple[str, str, str, str, int | None]]
    checkins: list[tuple[str, Suggestion, date]]


def calendar(s: Session, *, today: date, days: int, birthdays_only: bool) -> Calendar:
    """Birthdays and yearly dates of everyone not archived, and everyone `net due --all` lists, a daily
    maximum a day."""
    from quietnet.store import transfer, yearly  # net export ics only

    rows = transfer.person_rows(s)
    result, settings = make_plan(s, today=today, show_all=True)
    uuid_of = {r["id"]: r["uuid"] for r in rows}
    birthdays: list[tuple[str, str, str, str, int | None]] = [
        (r["uuid"], r["name"], r["birthday"], "birthday", None)
        for r in rows
        if r["birthday"] and not r["archived_at"]
    ]
    birthdays += [(uuid, name, day, label, key) for key, uuid, name, label, day in yearly.for_calendar(s)]
    per_day = max(1, settings.daily_max)
    suggested = () if birthdays_only else result.suggestions[: days * per_day]
    checkins = [
        (uuid_of[sug.assessment.id], sug, today + timedelta(days=n // per_day))
        for n, sug in enumerate(suggested)
    ]
    return Calendar(birthdays, checkins)
