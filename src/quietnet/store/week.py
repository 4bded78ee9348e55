"""What the weekly review reads: one week's rows, in a handful of date-bounded queries.

Every query is bounded by dates on indexed columns (``interaction(day)``,
``help(day)``) or reads one row per person, never one query per person, so a
review stays fast at 5,000 people and 200,000 interactions (docs/review.md).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from quietnet.core.capacity import WEEKS, Capacity, asks_per_week_summed, median, weights
from quietnet.core.records import CIRCLES, Help, Loop
from quietnet.core.review import CameIn, CircleDay, Logged, Someone, WeekRows, Yearly, bounds, chart_start
from quietnet.core.schedule import Candidate, DuePlan
from quietnet.core.settings import Settings
from quietnet.core.shortlist import shortlist
from quietnet.engine.sqlite import Session
from quietnet.store import candidates, notes, ranking, state
from quietnet.store.interactions import help_from_row
from quietnet.store.journal import to_date
from quietnet.store.loops import LOOP_SELECT, loop_from_row
from quietnet.store.settings import load


def gather(s: Session, *, week: date, today: date) -> WeekRows:
    """The rows ``review.build`` needs for the week containing ``week``, as seen on ``today``."""
    start, end, as_of = bounds(week, today)
    settings = load(s)
    first = chart_start(start)
    next_monday = end + timedelta(days=1)
    reconnected = state.reconnected_between(s, next_monday, next_monday)
    candidates, next_plan = _next_week(s, settings, monday=next_monday, reconnected=reconnected)
    recent = s.one(
        "SELECT count(*) AS helps, count(DISTINCT person_id) AS people FROM help WHERE day >= ? AND day <= ?",
        (first.isoformat(), as_of.isoformat()),
    )
    return WeekRows(
        logged=logged(s, start=start, end=as_of),
        helps=helps(s, start=start, end=as_of),
        recent_helps=recent["helps"] if recent else 0,
        recent_helped=recent["people"] if recent else 0,
        loops=open_loops(s, as_of=as_of),
        circle_days=circle_days(s, start=first, end=as_of),
        candidates=candidates,
        next_plan=next_plan,
        reconnected=reconnected,
        settings=settings,
        yearly=yearly(s, start=end + timedelta(days=1)),
        came_in=came_in(s, start=start, end=as_of),
        notes=notes.between(s, start=start, end=as_of),
        capacity=Capacity(
            asks_per_week_summed(
                state.rhythm_sum(s, today=as_of, weights=weights(settings)),
                settings,
                lambda: state.rhythms(s, today=as_of),
            ),
            settings.weekly_energy,
            median(state.spent_by_week(s, monday=start, weeks=WEEKS)),
        ),
    )


def _next_week(
    s: Session, settings: Settings, *, monday: date, reconnected: bool
) -> tuple[tuple[Candidate, ...], DuePlan | None]:
    """`net due`'s list for next Monday, its week's energy untouched, ranked in SQL (``store/ranking.py``)
    so that only the few it shows are scored; or, for a week before the latest interaction (a stored
    summary says nothing of an earlier day), everyone who may be due then, for ``review.build`` to rank."""
    latest = state.latest_touch(s)
    if ranking.usable(settings) and (latest is None or latest <= monday):
        pages = ranking.by_bound(s, settings, today=monday)
        return (), shortlist((), pages, settings=settings, today=monday, spent=0, reconnected=reconnected)
    return tuple(candidates.eligible_candidates(s, settings, today=monday)), None


def came_in(s: Session, *, start: date, end: date) -> tuple[CameIn, ...]:
    """Work that came in this week, through the person it came from (or via)."""
    rows = s.all(
        "SELECT w.day, w.title, w.path, p.id, p.name, v.id, v.name FROM work w"
        " JOIN person p ON p.id = w.person_id LEFT JOIN person v ON v.id = w.via_id"
        " WHERE w.day >= ? AND w.day <= ? ORDER BY w.day, w.id",
        (start.isoformat(), end.isoformat()),
    )
    return tuple(
        CameIn(
            day=to_date(r[0]) or start,
            person_id=r[5] if r[5] is not None else r[3],
            person=r[6] if r[6] is not None else r[4],
            what=r[1],
            kind="referral" if r[2] in ("referral", "intro") else "work",
        )
        for r in rows
    )


def logged(s: Session, *, start: date, end: date) -> tuple[Logged, ...]:
    """Interactions dated from ``start`` to ``end``, each with its people (by id: portable order)."""
    rows = s.all(
        "SELECT i.id, i.day, i.kind, i.said, i.note, i.by_them, p.id AS person_id, p.name, p.circle"
        " FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id"
        " JOIN person p ON p.id = ip.person_id"
        " WHERE i.day >= ? AND i.day <= ? ORDER BY i.day, i.id, ip.person_id",
        (start.isoformat(), end.isoformat()),
    )
    found: dict[int, Logged] = {}
    for r in rows:
        someone = Someone(r["person_id"], r["name"], r["circle"])
        before = found.get(r["id"])
        if before is None:
            found[r["id"]] = Logged(
                id=r["id"],
                day=date.fromisoformat(r["day"]),
                kind=r["kind"],
                said=r["said"],
                note=r["note"],
                by_them=bool(r["by_them"]),
                people=(someone,),
            )
        else:
            found[r["id"]] = before._replace(people=(*before.people, someone))
    return tuple(found.values())


def helps(s: Session, *, start: date, end: date) -> tuple[Help, ...]:
    """Helps dated from ``start`` to ``end``, and earlier ones whose outcome was reported then."""
    period = (start.isoformat(), end.isoformat())
    rows = s.all(
        "SELECT h.*, p.name AS person FROM help h JOIN person p ON p.id = h.person_id"
        " WHERE h.day >= ? AND h.day <= ?"
        " UNION SELECT h.*, p.name AS person FROM help h JOIN person p ON p.id = h.person_id"
        " WHERE h.outcome_on >= ? AND h.outcome_on <= ? AND h.day < ?"
        " ORDER BY day, id",
        (*period, *period, start.isoformat()),
    )
    return tuple(help_from_row(r) for r in rows)


def open_loops(s: Session, *, as_of: date) -> tuple[Loop, ...]:
    """Promises and needs open on ``as_of`` (opened by then, not yet closed), oldest first."""
    rows = s.all(
        f"{LOOP_SELECT} WHERE l.opened_on <= ? AND (l.closed_on IS NULL OR l.closed_on > ?)"
        " AND p.archived_at IS NULL ORDER BY l.opened_on, l.id",
        (as_of.isoformat(), as_of.isoformat()),
    )
    return tuple(loop_from_row(r) for r in rows)


def circle_days(s: Session, *, start: date, end: date) -> tuple[CircleDay, ...]:
    """Touches (one per person per interaction) by day and circle, from ``start`` to ``end``.

    Grouped by day alone, the days come in the order of their index and nothing is sorted: each
    circle is counted apart (60,000 links at 50,000 people, 11 ms less than sorting them by
    day and circle). A day with a touch of no known circle is read grouped by circle too."""
    circle_of = s.INDEXED_BY.format("ix_person_circle")  # from the index alone, never a whole row
    links = (
        "FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id"
        f" JOIN person p{circle_of} ON p.id = ip.person_id WHERE i.day >= ? AND i.day <= ?"
    )
    named = sorted(CIRCLES)  # in the order the database sorts them (code points, all ASCII)
    counts = ", ".join(f"count(CASE WHEN p.circle = '{c}' THEN 1 END)" for c in named)
    period = (start.isoformat(), end.isoformat())
    found: list[CircleDay] = []
    for day, touches, *each in s.tuples(
        f"SELECT i.day, count(*), {counts} {links} GROUP BY i.day ORDER BY i.day", period
    ):
        if sum(each) != touches:
            rows = s.all(
                f"SELECT i.day, p.circle, count(*) {links} GROUP BY i.day, p.circle ORDER BY i.day, p.circle",
                period,
            )
            return tuple(CircleDay(date.fromisoformat(r[0]), r[1], r[2]) for r in rows)
        on = date.fromisoformat(day)
        found += [CircleDay(on, circle, n) for circle, n in zip(named, each, strict=True) if n]
    return tuple(found)


def yearly(s: Session, *, start: date, days: int = 7) -> tuple[Yearly, ...]:
    """Birthdays and yearly dates (of people not archived) falling in the ``days`` days from ``start``.

    A birthday is stored as ``MM-DD`` or ``YYYY-MM-DD``; Feb 29 counts as Feb 28
    in other years.
    """
    wanted = []
    for n in range(days):
        d = start + timedelta(days=n)
        wanted.append(f"{d.month:02d}-{d.day:02d}")
        if (d.month, d.day) == (2, 28) and not calendar.isleap(d.year):
            wanted.append("02-29")
    marks = ", ".join("?" * len(wanted))
    rows = s.all(
        "SELECT id, name, birthday, 'birthday' AS label, 0 AS seq FROM person"
        " WHERE birthday IS NOT NULL AND archived_at IS NULL"
        f" AND substr(birthday, length(birthday) - 4) IN ({marks})"
        " UNION ALL SELECT p.id, p.name, y.day, y.label, y.id FROM yearly_date y"
        " JOIN person p ON p.id = +y.person_id"  # +: each yearly date, then its person, not each person
        f" WHERE p.archived_at IS NULL AND substr(y.day, length(y.day) - 4) IN ({marks}) ORDER BY 1, 5",
        [*wanted, *wanted],
    )
    found = []
    for r in rows:
        month, day = (int(x) for x in r[2][-5:].split("-"))
        found.append(Yearly(r[0], r[1], r[3], month, day))
    return tuple(found)
