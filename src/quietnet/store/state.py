"""What the scheduler reads per person, kept current inside every write.

``refresh`` recomputes a person's ``person_state`` row from their raw
interactions (one indexed read per person touched), in the same transaction
as the write that changed them: their summary, the rhythm they are held to, and
the window of days in which time alone makes them eligible. ``net due`` reads
only the rows the prefilter lets through (``PREFILTER``: the window holds today,
a birthday is near, a loop is open), never an interaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from math import inf
from typing import TYPE_CHECKING, Any

from quietnet.core.kinds import BY_NAME
from quietnet.core.rhythm import Summary, Touch, Window, clock_start, rest_days, summarise, time_window
from quietnet.core.schedule import Candidate, days_ahead
from quietnet.core.settings import Settings
from quietnet.core.terms import NEW
from quietnet.engine.sqlite import Session
from quietnet.store.journal import to_date
from quietnet.store.settings import load

if TYPE_CHECKING:
    import sqlite3


def touches(s: Session, person_id: int) -> list[Touch]:
    rows = s.all(
        "SELECT i.day, i.kind FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id = ?",
        (person_id,),
    )
    return [Touch(date.fromisoformat(r[0]), r[1]) for r in rows]


_PERSON = "SELECT circle, kin, closeness, cadence_days, met_on, created_at FROM person WHERE id = ?"


def compute(s: Session, person_id: int, settings: Settings, *, today: date | None = None) -> Summary:
    """A person's summary from raw interactions, as of ``today`` (default: all of them)."""
    return _compute(s, person_id, settings, today=today)[0]


def _compute(
    s: Session, person_id: int, settings: Settings, *, today: date | None = None
) -> tuple[Summary, Window, date]:
    row = s.one(_PERSON, (person_id,))
    assert row is not None
    return summarised(row, touches(s, person_id), settings, today=today)


def summarised(
    row: sqlite3.Row, found: list[Touch], settings: Settings, *, today: date | None = None
) -> tuple[Summary, Window, date]:
    """A person's summary, time window and clock start from their row and their touches (in id order)."""
    added = datetime.fromisoformat(str(row["created_at"])).date()
    met = clock_start(to_date(row["met_on"]), added, min((t.on for t in found), default=None))
    if today is None:
        today = max([met, *(t.on for t in found)])
    circle, kin, override = row["circle"], bool(row["kin"]), row["cadence_days"]
    summary = summarise(
        found, met=met, circle=circle, kin=kin, has_override=override is not None, settings=settings,
        today=today,
    )  # fmt: skip
    window = time_window(
        summary, met=met, circle=circle, kin=kin, closeness=row["closeness"], override=override,
        settings=settings,
    )  # fmt: skip
    return summary, window, met


def said_of_last(s: Session, person_id: int) -> str | None:
    sql = "SELECT i.said FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
    said: str | None = s.scalar(
        f"{sql} WHERE ip.person_id = ? ORDER BY i.day DESC, i.id DESC LIMIT 1", (person_id,)
    )
    return said


def expected_row(s: Session, person_id: int, settings: Settings) -> dict[str, Any]:
    """The ``person_state`` row a person should have now, without ``person_id``."""
    summary, window, start = _compute(s, person_id, settings)
    return state_row(summary, window, start, said_of_last(s, person_id), settings)


def state_row(
    summary: Summary, window: Window, start: date, said: str | None, settings: Settings
) -> dict[str, Any]:
    """The columns of a ``person_state`` row, in order: each write and `net copy`'s bulk load use it."""
    last_real = summary.last_real
    rest_until = None if last_real is None else last_real.toordinal() + rest_days(window.cadence, settings)
    return {
        "eff": summary.eff,
        "last_touch": _iso(summary.last_touch),
        "last_touch_kind": summary.last_touch_kind,
        "last_touch_said": said,
        "last_full": _iso(summary.last_full),
        "last_full_kind": summary.last_full_kind,
        "full_days": summary.full_days,
        "episodes": ",".join(d.isoformat() for d in summary.episodes),
        "reconnected": _iso(summary.reconnected),
        "due_start": window.start,
        "due_end": window.end,
        "cadence": window.cadence,
        "cadence_source": window.source,
        "clock_start": start.isoformat(),
        "last_real": _iso(last_real),
        "last_real_kind": summary.last_real_kind,
        # for ranking in SQL (store/ranking.py): when they turn quiet, until when they rest
        "dormant_from": (last_real or start).toordinal() + settings.dormant_days,
        "rest_until": rest_until,
    }


def refresh(s: Session, person_ids: Iterable[int], settings: Settings | None = None) -> None:
    """Recompute and store the summaries of these people, and when time makes them due."""
    settings = settings or load(s)
    for person_id in dict.fromkeys(person_ids):
        row = expected_row(s, person_id, settings)
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        updates = ", ".join(f"{c} = excluded.{c}" for c in row)
        s.execute(
            f"INSERT INTO person_state (person_id, {columns}) VALUES (?, {marks})"
            f" ON CONFLICT (person_id) DO UPDATE SET {updates}",
            (person_id, *row.values()),
        )


def refresh_all(s: Session, settings: Settings | None = None) -> None:
    refresh(s, [r[0] for r in s.all("SELECT id FROM person")], settings)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


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
        f"substr(p.birthday, length(p.birthday) - 4) IN ({_month_days(today, settings.event_window)})"
        " OR p.id IN (SELECT person_id FROM yearly_date"
        f" WHERE substr(day, length(day) - 4) IN ({_month_days(today, settings.event_window)}))",
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


def latest_touch(s: Session) -> date | None:
    """The day of the latest interaction of anyone (``ix_person_state_last_touch``)."""
    return to_date(s.scalar("SELECT max(last_touch) FROM person_state"))


def reconnected_between(s: Session, start: date, end: date) -> bool:
    """Whether someone not archived, with nothing logged after ``end``, reconnected in these days."""
    return bool(
        s.scalar(
            "SELECT count(*) FROM person_state st JOIN person p ON p.id = st.person_id"
            " WHERE p.archived_at IS NULL AND st.reconnected >= ? AND st.reconnected <= ?"
            " AND st.last_touch <= ?",
            (start.isoformat(), end.isoformat(), end.isoformat()),
        )
    )


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


def kinds_between(s: Session, start: date, end: date) -> list[str]:
    """The kinds of the interactions the user started, dated from ``start`` to ``end``.

    For the energy budget (section 7.3): contact someone else starts costs the user nothing.
    """
    rows = s.all(
        "SELECT kind FROM interaction WHERE day >= ? AND day <= ? AND NOT by_them",
        (start.isoformat(), end.isoformat()),
    )
    return [r[0] for r in rows]


def yearly_dates(s: Session, *, today: date, days: int) -> list[tuple[int, str, str, str]]:
    """(id, name, day, label) of each birthday and yearly date of people not archived in the next ``days``."""
    near = _month_days(today, days)
    rows = s.all(
        "SELECT id, name, birthday, 'birthday', 0 FROM person WHERE archived_at IS NULL"
        f" AND substr(birthday, length(birthday) - 4) IN ({near})"
        " UNION ALL SELECT p.id, p.name, y.day, y.label, y.id FROM yearly_date y"
        " CROSS JOIN person p"  # SQLite: the few yearly dates first, never a scan of every person
        " WHERE p.id = y.person_id AND p.archived_at IS NULL"
        f" AND substr(y.day, length(y.day) - 4) IN ({near})"
        " ORDER BY 1, 5"
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def _month_days(today: date, days: int) -> str:
    """The "MM-DD" days from ``today`` to ``days`` ahead, as an SQL list (Feb 29 counts on Feb 28)."""
    return ", ".join(f"'{m:02d}-{d:02d}'" for m, d in sorted(days_ahead(today, days)))


def rhythms(s: Session, *, today: date) -> list[tuple[str, float | None]]:
    """(circle, cadence) of everyone not archived and not snoozed on ``today`` (for capacity)."""
    rows = s.all(
        "SELECT p.circle, st.cadence FROM person p JOIN person_state st ON st.person_id = p.id"
        " WHERE p.archived_at IS NULL AND COALESCE(p.snoozed_until <= ?, TRUE)",  # one scan, not the index
        (today.isoformat(),),
    )
    return [(r[0], r[1]) for r in rows]


def rhythm_sum(s: Session, *, today: date, weights: dict[str, int]) -> tuple[float, float, int]:
    """What ``rhythms`` asks for, summed by the database: (the sum of each person's circle's weight
    over their cadence, the sum of the terms' magnitudes, how many terms). One scan, nothing grouped.

    With every cadence above zero (and no weight below) the terms are all positive: their
    magnitudes sum to their sum. Otherwise the magnitudes are not summed: infinite."""
    if not weights:
        return 0.0, 0.0, 0
    each, among = " ".join("WHEN ? THEN ?" for _ in weights), ", ".join("?" for _ in weights)
    row = s.one(
        f"SELECT sum(CASE p.circle {each} END / st.cadence), count(*), min(st.cadence)"
        " FROM person p JOIN person_state st ON st.person_id = p.id WHERE p.archived_at IS NULL"
        f" AND COALESCE(p.snoozed_until <= ?, TRUE) AND st.cadence <> 0 AND p.circle IN ({among})",
        [*(v for c, w in weights.items() for v in (c, float(w))), today.isoformat(), *weights],
    )
    if row is None or not row[1]:
        return 0.0, 0.0, 0
    total = float(row[0])
    return total, total if row[2] > 0 and min(weights.values()) >= 0 else inf, int(row[1])


def spent_by_week(s: Session, *, monday: date, weeks: int) -> list[int]:
    """The energy the user started in each of the ``weeks`` full weeks before ``monday``."""
    first = monday - timedelta(weeks=weeks)
    costs = [(name, kind.energy) for name, kind in BY_NAME.items()]  # a kind not known costs nothing
    rows = s.tuples(  # each day's energy summed by the database (ints: in any order), days in index order
        f"SELECT day, sum(CASE kind {' '.join('WHEN ? THEN ?' for _ in costs)} ELSE 0 END) FROM interaction"
        " WHERE day >= ? AND day < ? AND NOT by_them GROUP BY day",
        [*(v for cost in costs for v in cost), first.isoformat(), monday.isoformat()],
    )
    spent = [0] * weeks
    for day, energy in rows:
        spent[((to_date(day) or first) - first).days // 7] += energy
    return spent


def anyone(s: Session) -> bool:
    """Whether the store holds anyone at all (archived or not)."""
    return s.scalar("SELECT 1 FROM person LIMIT 1") is not None


def snoozes_ending(s: Session, day: date) -> list[tuple[int, str]]:
    rows = s.all(
        "SELECT id, name FROM person WHERE snoozed_until = ? AND archived_at IS NULL ORDER BY name",
        (day.isoformat(),),
    )
    return [(r[0], r[1]) for r in rows]
