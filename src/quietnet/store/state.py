"""What the scheduler reads per person, kept current inside every write.

``refresh`` recomputes a person's ``person_state`` row from their raw
interactions (one indexed read per person touched), in the same transaction
as the write that changed them, so ``net due`` reads one row per person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from quietnet.db import Session
from quietnet.schedule import Summary, Touch, summarise
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
            " last_touch_said, last_full, full_days, episodes, reconnected)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                person_id,
                summary.eff,
                _iso(summary.last_touch),
                summary.last_touch_kind,
                said_of_last(s, person_id),
                _iso(summary.last_full),
                summary.full_days,
                ",".join(d.isoformat() for d in summary.episodes),
                _iso(summary.reconnected),
            ),
        )


def refresh_all(s: Session, settings: Settings | None = None) -> None:
    refresh(s, [r[0] for r in s.all("SELECT id FROM person")], settings)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()
