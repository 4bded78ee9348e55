"""Who the scheduler considers: the rows `net due` reads, and the Candidates made of them.

``candidates`` reads everyone, ``eligible_candidates`` only those the prefilter lets
through (``PREFILTER``: the stored window holds today, a date is near, a loop is
open), never an interaction unless a summary must be recomputed for an earlier day.
``store/ranking.py`` reads the same rows a page at a time, in order of a bound of
their score. The summaries themselves are kept by ``store/state.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from quietnet.core.rhythm import Summary, Touch, summarise
from quietnet.core.schedule import Candidate
from quietnet.core.settings import Settings
from quietnet.core.terms import NEW
from quietnet.engine.sqlite import Session
from quietnet.store.journal import to_date
from quietnet.store.state import near_days

CANDIDATE_COLUMNS = """
p.id, p.name, p.circle, p.closeness, p.kin, p.cadence_days, p.met_on, p.created_at,
p.birthday, p.snoozed_until, st.eff, st.last_touch, st.last_touch_kind, st.last_full,
st.last_full_kind, st.full_days, st.episodes, st.reconnected, st.cadence, st.cadence_source,
st.clock_start, st.last_real, st.last_real_kind
"""
CANDIDATES_FROM = "FROM person p JOIN person_state st ON st.person_id = p.id"
CANDIDATES_SQL = f"SELECT {CANDIDATE_COLUMNS} {CANDIDATES_FROM} WHERE p.archived_at IS NULL"


def _birthday(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    month, day = text[-5:].split("-")
    return int(month), int(day)


def candidates(
    s: Session, settings: Settings, *, today: date, person_id: int | None = None
) -> list[Candidate]:
    """Everyone the scheduler may consider (or one person), one row each, in the order they were added.

    The stored summaries hold every interaction; for a day before someone's
    latest interaction (``--as-of`` in the past, a past week's review) theirs is
    recomputed from the raw interactions so that later ones change nothing.
    """
    sql = CANDIDATES_SQL + (" AND p.id = ?" if person_id is not None else " ORDER BY p.id")  # either backend
    return from_rows(s, s.all(sql, () if person_id is None else (person_id,)), settings, today)


# THE PREFILTER: the rows ``net due`` and ``net today`` read (``eligible_candidates``). It must
# hold everyone the eligibility rule admits (``core/schedule._evaluate``: a term of
# ``core/terms.TERMS`` admits them); each entry there names the clause here that lets them
# through, and tests/test_terms.py checks every entry against its clause. A clause is SQL over
# ``person p`` and ``person_state st`` with its parameters, for one day.
PREFILTER: dict[str, Callable[[date, Settings], tuple[str, tuple[object, ...]]]] = {
    # Time alone (time apart, a quiet tie): the stored window holds today. A margin of a millionth
    # of a day: the window's start is a sum of floats, the ratio a quotient. (People with
    # interactions after ``today`` are let through by ``prefilter``'s ``later``.)
    "time_window": lambda today, _: (
        "st.due_start <= ? AND (st.due_end IS NULL OR st.due_end > ?)",
        (today.toordinal() + 1e-6, today.toordinal()),
    ),
    # An open promise or need.
    "loop": lambda today, _: (
        "p.id IN (SELECT person_id FROM loop WHERE closed_on IS NULL AND type IN ('promise', 'need'))",
        (),
    ),
    # A birthday or another yearly date (net date) within the event window.
    "event": lambda today, settings: (
        f"substr(p.birthday, length(p.birthday) - 4) IN ({near_days(today, settings.event_window)})"
        " OR p.id IN (SELECT person_id FROM yearly_date"
        f" WHERE substr(day, length(day) - 4) IN ({near_days(today, settings.event_window)}))",
        (),
    ),
}


def prefilter(
    today: date,
    settings: Settings,
    clauses: Iterable[str] = PREFILTER,
    *,
    later: bool = True,
) -> tuple[str, tuple[object, ...]]:
    """The condition (after ``CANDIDATES_SQL``) for who may be eligible on ``today``, and its parameters.

    Snoozed people never are; then any of the ``clauses`` of PREFILTER (all of them for ``net due``),
    or, with ``later``, interactions after ``today`` (their summary is recomputed, as in
    ``candidates``; ``store/ranking.py`` does without them).
    """
    parts: list[str] = []
    params: list[object] = [today.isoformat()]
    for name in clauses:
        sql, args = PREFILTER[name](today, settings)
        parts.append(f"({sql})")
        params += args
    if later:
        parts.append("st.last_touch > ?")
        params.append(today.isoformat())
    # not snoozed: COALESCE, not an OR, which SQLite answers by walking ix_person_snoozed_until and
    # looking each person up (at 50,000 people 7 ms more than reading the table in order)
    return f" AND COALESCE(p.snoozed_until <= ?, TRUE) AND ({' OR '.join(parts)})", tuple(params)


def eligible_candidates(s: Session, settings: Settings, *, today: date) -> list[Candidate]:
    """Only those who may be eligible on ``today``: a superset of ``plan``'s eligible (PREFILTER)."""
    where, params = prefilter(today, settings)
    return from_rows(s, s.all(CANDIDATES_SQL + where, params), settings, today)


# What ``from_rows`` otherwise reads apart, as four more columns of a few rows (``store/ranking.py``).
SIDE_COLUMNS = """
EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
        WHERE pt.person_id = p.id AND t.name = 'novel'),
(SELECT l.what FROM loop l WHERE l.person_id = p.id AND l.closed_on IS NULL AND l.type = 'promise'
 ORDER BY l.opened_on, l.id LIMIT 1),
(SELECT l.what FROM loop l WHERE l.person_id = p.id AND l.closed_on IS NULL AND l.type = 'need'
 ORDER BY l.opened_on, l.id LIMIT 1),
EXISTS (SELECT 1 FROM yearly_date y WHERE y.person_id = p.id)
"""


def from_rows(
    s: Session, rows: list[Any], settings: Settings, today: date, *, side: bool = False
) -> list[Candidate]:
    """Candidates from CANDIDATES_SQL rows, with their oldest open promise and need and novel tag.

    Those with an interaction after ``today`` get a summary of the interactions
    up to ``today``, all read in one query. ``side``: each row ends with the
    ``SIDE_COLUMNS``, and only the yearly dates of those who have some are read.
    """
    novel: set[int] = set()
    oldest: dict[tuple[int, str], str] = {}
    dated: list[int] | None = None
    if side:
        dated = []
        for r in rows:
            if r[23]:
                novel.add(r[0])
            for type_, what in (("promise", r[24]), ("need", r[25])):
                if what is not None:
                    oldest[r[0], type_] = what
            if r[26]:
                dated.append(r[0])
        rows = [r[:23] for r in rows]
    else:
        novel = {r[0] for r in s.all(
            "SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = 'novel'"
        )}  # fmt: skip
        for person_id, type_, what in s.all(
            "SELECT person_id, type, what FROM loop WHERE closed_on IS NULL AND type IN ('promise', 'need')"
            " ORDER BY opened_on DESC, id DESC"
        ):
            oldest[person_id, type_] = what  # the last written is the oldest
    dates: dict[int, tuple[tuple[str, int, int], ...]] = {}
    if dated is None or dated:
        among = "" if dated is None else f" WHERE person_id IN ({', '.join(str(int(i)) for i in dated)})"
        for person_id, label, yearly in s.all(
            f"SELECT person_id, label, day FROM yearly_date{among} ORDER BY id"
        ):
            dates[person_id] = (*dates.get(person_id, ()), (label, int(yearly[-5:-3]), int(yearly[-2:])))
    day = today.isoformat()
    earlier: dict[int, list[Touch]] | None = None
    found = []
    # Thousands of rows at 50,000 people (net due --all, net why): the records are built as plain
    # tuples (``NEW``: a third of the cost of calling a NamedTuple).
    for r in rows:
        (pid, name, circle, closeness, kin, override, met_on, created_at, birthday, snoozed,
         eff, last_touch, last_kind, last_full, full_kind, full_days, episodes, back,
         cadence, source, start, last_real, real_kind) = r  # fmt: skip
        met = to_date(met_on) or to_date(start) or datetime.fromisoformat(str(created_at)).date()
        rhythm: tuple[float | None, str] | None = None
        if last_touch is not None and str(last_touch) > day:
            earlier = _touches_up_to(s, today) if earlier is None else earlier
            summary = summarise(earlier.get(pid, ()), met=met, circle=circle, kin=bool(kin),
                                has_override=override is not None, settings=settings,
                                today=today)  # fmt: skip
        else:
            summary = NEW(Summary, (
                eff, to_date(last_touch), last_kind, to_date(last_full), full_days,
                tuple(map(date.fromisoformat, episodes.split(","))) if episodes else (), to_date(back),
                full_kind, to_date(last_real), real_kind,
            ))  # fmt: skip
            rhythm = (cadence, source) if source is not None else None
        promise, need = oldest.get((pid, "promise")), oldest.get((pid, "need"))
        candidate = (pid, name, circle, closeness, bool(kin), override, met, _birthday(birthday),
                     pid in novel, to_date(snoozed), False, promise, need, summary, rhythm,
                     met_on is not None, dates.get(pid, ()))  # fmt: skip
        found.append(NEW(Candidate, candidate))
    return found


def _touches_up_to(s: Session, day: date) -> dict[int, list[Touch]]:
    """The interactions up to ``day`` of everyone with one after it, by person."""
    found: dict[int, list[Touch]] = {}
    rows = s.all(
        "SELECT ip.person_id, i.day, i.kind FROM interaction_person ip"
        " JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id IN (SELECT person_id FROM person_state WHERE last_touch > ?) AND i.day <= ?",
        (day.isoformat(), day.isoformat()),
    )
    for person_id, on, kind in rows:
        found.setdefault(person_id, []).append(Touch(to_date(on) or day, kind))
    return found
