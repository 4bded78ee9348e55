"""What the scheduler reads per person, kept current inside every write.

``refresh`` recomputes a person's ``person_state`` row from their raw
interactions (one indexed read per person touched), in the same transaction
as the write that changed them: their summary, the rhythm they are held to, and
the window of days in which time alone makes them eligible. ``net due`` reads
only the rows the prefilter lets through (``store/candidates.py``), never an
interaction. Also here: the other small reads of the morning and the review.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from math import inf
from typing import TYPE_CHECKING, Any

from quietnet.core.kinds import BY_NAME
from quietnet.core.rhythm import Summary, Touch, Window, clock_start, rest_days, summarise, time_window
from quietnet.core.schedule import days_ahead
from quietnet.core.settings import Settings
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
    near = near_days(today, days)
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


def near_days(today: date, days: int) -> str:
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
