"""What the scheduler reads per person, kept current inside every write.

``refresh`` recomputes a person's ``person_state`` row from their raw
interactions (one indexed read per person touched), in the same transaction
as the write that changed them, so ``net due`` reads one row per person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from quietnet.db import Session
from quietnet.schedule import Candidate, Summary, Touch, summarise
from quietnet.settings import Settings
from quietnet.store.journal import to_date
from quietnet.store.settings import load


def touches(s: Session, person_id: int) -> list[Touch]:
    rows = s.all(
        "SELECT i.day, i.kind FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id = ?",
        (person_id,),
    )
    return [Touch(date.fromisoformat(r[0]), r[1]) for r in rows]


def compute(s: Session, person_id: int, settings: Settings, *, today: date | None = None) -> Summary:
    """A person's summary from raw interactions, as of ``today`` (default: all of them)."""
    row = s.one(
        "SELECT circle, kin, cadence_days, met_on, created_at FROM person WHERE id = ?",
        (person_id,),
    )
    assert row is not None
    met = to_date(row["met_on"]) or datetime.fromisoformat(row["created_at"]).date()
    found = touches(s, person_id)
    if today is None:
        today = max([met, *(t.on for t in found)])
    return summarise(
        found,
        met=met,
        circle=row["circle"],
        kin=bool(row["kin"]),
        has_override=row["cadence_days"] is not None,
        settings=settings,
        today=today,
    )


def said_of_last(s: Session, person_id: int) -> str | None:
    said: str | None = s.scalar(
        "SELECT i.said FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id = ? ORDER BY i.day DESC, i.id DESC LIMIT 1",
        (person_id,),
    )
    return said


def refresh(s: Session, person_ids: Iterable[int], settings: Settings | None = None) -> None:
    """Recompute and store the summaries of these people."""
    settings = settings or load(s)
    for person_id in dict.fromkeys(person_ids):
        summary = compute(s, person_id, settings)
        s.execute(
            "INSERT OR REPLACE INTO person_state (person_id, eff, last_touch, last_touch_kind,"
            " last_touch_said, last_full, last_full_kind, full_days, episodes, reconnected)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person_id,
                summary.eff,
                _iso(summary.last_touch),
                summary.last_touch_kind,
                said_of_last(s, person_id),
                _iso(summary.last_full),
                summary.last_full_kind,
                summary.full_days,
                ",".join(d.isoformat() for d in summary.episodes),
                _iso(summary.reconnected),
            ),
        )


def refresh_all(s: Session, settings: Settings | None = None) -> None:
    refresh(s, [r[0] for r in s.all("SELECT id FROM person")], settings)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


CANDIDATES_SQL = """
SELECT p.id, p.name, p.circle, p.closeness, p.kin, p.cadence_days, p.met_on, p.created_at,
       p.birthday, p.snoozed_until,
       st.eff, st.last_touch, st.last_touch_kind, st.last_full, st.last_full_kind,
       st.full_days, st.episodes, st.reconnected,
       EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id
               WHERE pt.person_id = p.id AND t.name = 'novel') AS novel,
       (SELECT l.what FROM loop l WHERE l.person_id = p.id AND l.type = 'promise'
               AND l.closed_on IS NULL ORDER BY l.opened_on, l.id LIMIT 1) AS promise,
       (SELECT l.what FROM loop l WHERE l.person_id = p.id AND l.type = 'need'
               AND l.closed_on IS NULL ORDER BY l.opened_on, l.id LIMIT 1) AS need
FROM person p JOIN person_state st ON st.person_id = p.id
WHERE p.archived_at IS NULL
"""


def _birthday(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    month, day = text[-5:].split("-")
    return int(month), int(day)


def candidates(
    s: Session, settings: Settings, *, today: date, person_id: int | None = None
) -> list[Candidate]:
    """Everyone the scheduler may consider, one row each.

    The stored summaries hold every interaction; for a day before someone's
    latest interaction (``--as-of`` in the past) theirs is recomputed from the
    raw interactions so that later ones change nothing.
    """
    sql = CANDIDATES_SQL + (" AND p.id = ?" if person_id is not None else "")
    rows = s.all(sql, () if person_id is None else (person_id,))
    found = []
    for r in rows:
        met = to_date(r["met_on"]) or datetime.fromisoformat(r["created_at"]).date()
        last = to_date(r["last_touch"])
        if last is not None and last > today:
            summary = compute(s, r["id"], settings, today=today)
        else:
            summary = Summary(
                eff=r["eff"],
                last_touch=last,
                last_touch_kind=r["last_touch_kind"],
                last_full=to_date(r["last_full"]),
                full_days=r["full_days"],
                episodes=tuple(date.fromisoformat(d) for d in r["episodes"].split(",") if d),
                reconnected=to_date(r["reconnected"]),
                last_full_kind=r["last_full_kind"],
            )
        found.append(
            Candidate(
                id=r["id"],
                name=r["name"],
                circle=r["circle"],
                closeness=r["closeness"],
                kin=bool(r["kin"]),
                cadence_override=r["cadence_days"],
                met=met,
                birthday=_birthday(r["birthday"]),
                novel=bool(r["novel"]),
                snoozed_until=to_date(r["snoozed_until"]),
                archived=False,
                promise=r["promise"],
                need=r["need"],
                summary=summary,
            )
        )
    return found


def kinds_between(s: Session, start: date, end: date) -> list[str]:
    """The kinds of the interactions dated from ``start`` to ``end`` (for the energy budget)."""
    rows = s.all(
        "SELECT kind FROM interaction WHERE day >= ? AND day <= ?", (start.isoformat(), end.isoformat())
    )
    return [r[0] for r in rows]


def yearly_dates(s: Session) -> list[tuple[int, str, str]]:
    """(id, name, birthday) of everyone not archived who has a birthday."""
    rows = s.all(
        "SELECT id, name, birthday FROM person WHERE birthday IS NOT NULL AND archived_at IS NULL ORDER BY id"
    )
    return [(r[0], r[1], r[2]) for r in rows]


def snoozes_ending(s: Session, day: date) -> list[tuple[int, str]]:
    rows = s.all(
        "SELECT id, name FROM person WHERE snoozed_until = ? AND archived_at IS NULL ORDER BY name",
        (day.isoformat(),),
    )
    return [(r[0], r[1]) for r in rows]
