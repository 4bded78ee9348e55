"""Ranking in SQL: the people who may be due, in order of an upper bound of their score.

`net due` and `net today` show a few people out of the thousands who may be due
(``candidates.PREFILTER``). Every term of the score (``core/terms.py``) is a function of
columns ``person_state`` keeps and the day, so the database works out, for each
row, the points each term gives or more (``BOUND``) and sorts by their sum;
``core/shortlist.py`` reads a page at a time, scores each person exactly, and
stops once no one unread can come before the people the list needs. The SQL is
the same on SQLite and PostgreSQL: numbers, ``CASE`` and ``IN`` only.

Adding a term: an entry in ``BOUND`` that never gives fewer points than the term
(tests/test_shortlist.py checks each entry against the scheduler on random stores).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from quietnet.core.schedule import Candidate, days_ahead
from quietnet.core.settings import CIRCLES, Settings
from quietnet.core.shortlist import Page
from quietnet.engine.sqlite import Session
from quietnet.store.candidates import (
    CANDIDATE_COLUMNS,
    CANDIDATES_FROM,
    PREFILTER,
    SIDE_COLUMNS,
    from_rows,
    prefilter,
)

Sql = tuple[str, tuple[object, ...]]

# the closeness the scheduler uses: the person's own, else their circle's
CLOSENESS = "COALESCE(p.closeness, CASE p.circle {} END)"
NOT_RESTING = "(st.rest_until IS NULL OR st.rest_until <= ?)"
STATE_FIRST = "FROM person_state st JOIN person p ON p.id = st.person_id"  # a pass over the narrower table


def _closeness(s: Settings) -> str:
    return CLOSENESS.format(" ".join(f"WHEN '{c}' THEN {int(s.default_closeness(c))}" for c in CIRCLES))


def _quiet(t: int, s: Settings) -> Sql:
    """A quiet tie (section 5): no real contact since ``dormant_from``, and a real tie."""
    tie = f"st.full_days >= ? OR {_closeness(s)} >= ?"
    return f"st.dormant_from <= ? AND ({tie})", (t, s.tie_days, s.tie_closeness)


def _time_apart(t: int, s: Settings) -> Sql:
    ratio = "(? - st.eff) / st.cadence"  # the gap over the rhythm; the condition keeps the gap above it
    k, span = s.coef_time_apart, s.time_apart_span
    return (
        f"CASE WHEN st.cadence > 0 AND st.dormant_from > ? AND {NOT_RESTING} AND ? - st.eff > st.cadence"
        f" THEN CASE WHEN {ratio} - 1 >= ? THEN ? ELSE ({ratio} - 1) / ? * ? END ELSE 0 END",
        (t, t, t, t, span, 1.0 * k, t, span, k),
    )


def _strength(t: int, s: Settings) -> Sql:
    return f"({_closeness(s)} - 1) / 4.0 * ?", (s.coef_strength,)


def _event(t: int, s: Settings) -> Sql:
    """A birthday's value by the days until it (settled or not); any yearly date near counts in full."""
    ahead = days_ahead(date.fromordinal(t), s.event_window)
    near = ", ".join(f"'{m:02d}-{d:02d}'" for m, d in sorted(ahead))
    days = " ".join(f"WHEN '{m:02d}-{d:02d}' THEN ?" for m, d in sorted(ahead))
    values = tuple((1 - n / (s.event_window + 1)) * s.coef_event for _, n in sorted(ahead.items()))
    dated = f"SELECT person_id FROM yearly_date WHERE substr(day, length(day) - 4) IN ({near})"
    return (
        f"CASE WHEN p.id IN ({dated}) THEN ? ELSE CASE substr(p.birthday, length(p.birthday) - 4) {days}"
        " ELSE 0 END END",
        (1.0 * s.coef_event, *values),
    )


def _loop(t: int, s: Settings) -> Sql:
    opened = "SELECT person_id FROM loop WHERE closed_on IS NULL AND type"
    return (
        f"CASE WHEN p.id NOT IN ({opened} IN ('promise', 'need')) THEN 0"
        f" WHEN p.id IN ({opened} = 'promise') THEN ? ELSE ? END",  # one lookup for most people
        (s.loop_promise * s.coef_loop, s.loop_need * s.coef_loop),
    )


def _dormant(t: int, s: Settings) -> Sql:
    quiet, params = _quiet(t, s)
    return f"CASE WHEN {quiet} THEN ? ELSE 0 END", (*params, 1.0 * s.coef_dormant)


def _novelty(t: int, s: Settings) -> Sql:
    quiet, params = _quiet(t, s)
    novel = "SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = 'novel'"
    return f"CASE WHEN {quiet} AND p.id IN ({novel}) THEN ? ELSE 0 END", (*params, 1.0 * s.coef_novelty)


# THE BOUND: for each term of ``core/terms.TERMS``, SQL over ``person p`` and ``person_state st`` giving
# at least the points the term gives a person who may be eligible on day ``t`` (a date ordinal) and has
# nothing logged after it. Exact where the points are a function of stored columns and the day.
BOUND: dict[str, Callable[[int, Settings], Sql]] = {
    "time_apart": _time_apart,
    "strength": _strength,
    "event": _event,
    "loop": _loop,
    "dormant": _dormant,
    "novelty": _novelty,
}


def usable(settings: Settings) -> bool:
    """Whether the bound's sums stay far from overflowing (coefficients any sane person sets)."""
    return math.fsum(settings.number(f"coefficient.{n}") for n in BOUND) < 1e12


def bound(today: date, settings: Settings) -> Sql:
    """The sum of ``BOUND`` for ``today``, with a margin for rounding (scores add up in another order)."""
    t = today.toordinal()
    parts: list[str] = []
    params: list[object] = []
    for term in BOUND.values():
        sql, args = term(t, settings)
        parts.append(f"({sql})")
        params += args
    margin = 1e-9 * (1 + math.fsum(settings.number(f"coefficient.{n}") for n in BOUND))
    return " + ".join([*parts, "?"]), (*params, margin)


def read_ids(s: Session, settings: Settings, *, today: date, ids: Iterable[int]) -> list[Candidate]:
    """These people, by id (`net today` reads those with a date near whole: it words their birthdays)."""
    among = ", ".join(str(int(i)) for i in ids)
    if not among:
        return []
    sql = f"SELECT {CANDIDATE_COLUMNS}, {SIDE_COLUMNS} {CANDIDATES_FROM} WHERE p.archived_at IS NULL"
    return from_rows(s, s.all(f"{sql} AND p.id IN ({among})"), settings, today, side=True)


def by_bound(s: Session, settings: Settings, *, today: date, first: int = 16) -> Iterator[Page]:
    """Everyone who may be eligible on ``today`` (PREFILTER), a page at a time, highest bound first.

    For a day on which nothing was logged later (``state.latest_touch``): a stored summary says
    nothing of an earlier day. One statement a page: the bound of every row, then the page's rows.
    The rows come in two parts, so that each is read the cheap way: those whose time window holds
    today (a pass over ``person_state``), then the few let in only by another clause (an open loop,
    a date near: found by their indexes).
    """
    window, window_params = PREFILTER["time_window"](today, settings)
    by_time, time_params = prefilter(today, settings, ["time_window"], later=False)
    rest = [clause for clause in PREFILTER if clause != "time_window"]
    others, other_params = prefilter(today, settings, rest, later=False)
    score, more = bound(today, settings)
    each = f"SELECT p.id AS id, {score} AS bound {STATE_FIRST} WHERE p.archived_at IS NULL"
    top = " ORDER BY bound DESC, id LIMIT ?"  # each part's first rows: a small heap, not a sort of thousands
    ranked = (
        f"SELECT * FROM ({each}{by_time}{top}) AS timed"
        f" UNION ALL SELECT * FROM ({each}{others} AND ({window}) IS NOT TRUE{top}) AS other"
        " ORDER BY bound DESC, id LIMIT ? OFFSET ?"
    )
    sql = (
        f"SELECT r.bound, {CANDIDATE_COLUMNS}, {SIDE_COLUMNS} FROM ({ranked}) r JOIN person p ON p.id = r.id"
        " JOIN person_state st ON st.person_id = p.id ORDER BY r.bound DESC, r.id"
    )
    offset, size = 0, first
    while True:
        enough = offset + size
        timed = (*more, *time_params, enough)
        rows = s.all(sql, (*timed, *more, *other_params, *window_params, enough, size, offset))
        found = from_rows(s, [r[1:] for r in rows], settings, today, side=True)
        yield [(float(r[0]), c) for r, c in zip(rows, found, strict=True)]
        if len(rows) < size:
            return
        offset, size = offset + size, size * 4
