"""Work: engagements and the tie each came through, and what `net referrals` reads."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from quietnet.core.profile import Work
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date

if TYPE_CHECKING:
    from quietnet.core.referrals import Engagement


def add(
    s: Session,
    *,
    title: str,
    person_id: int,
    via_id: int | None,
    path: str,
    value: float | None,
    day: date,
    event_id: int | None = None,
) -> int:
    """Record an engagement; the circle of the tie it came through is kept as it is today."""
    tie = via_id if via_id is not None else person_id
    circle = s.scalar("SELECT circle FROM person WHERE id = ?", (tie,))
    return journal.insert(
        s,
        "work",
        {
            "title": title,
            "person_id": person_id,
            "via_id": via_id,
            "path": path,
            "value": value,
            "day": day.isoformat(),
            "tie_circle": circle,
            "event_id": event_id,
            "created_at": stamp(s),
        },
    )


def listing(s: Session, *, person_id: int | None = None) -> list[Work]:
    """Engagements, newest first; with a person, those from or through them."""
    where, params = "1 = 1", []
    if person_id is not None:
        where = "(w.person_id = ? OR w.via_id = ?)"
        params = [person_id, person_id]
    rows = s.all(
        "SELECT w.*, p.name AS person, v.name AS via, e.name AS event FROM work w"
        " JOIN person p ON p.id = w.person_id LEFT JOIN person v ON v.id = w.via_id"
        f" LEFT JOIN event e ON e.id = w.event_id WHERE {where} ORDER BY w.day DESC, w.id DESC",
        params,
    )
    return [
        Work(r["id"], r["title"], to_date(r["day"]) or date.min, r["path"], r["person_id"], r["person"],
             r["via_id"], r["via"], r["value"], r["event_id"], r["event"])
        for r in rows
    ]  # fmt: skip


def engagements(s: Session, *, since: date) -> list[Engagement]:
    """Each engagement since a day, with the tie it came through as it was at the time."""
    from quietnet.core.referrals import Engagement  # a dataclass: `net show` (timed) reads work without it

    rows = s.all(
        "SELECT w.day, w.path, w.value, w.tie_circle, t.id AS tie, t.origin, t.met_on,"
        " EXISTS (SELECT 1 FROM event_person ep JOIN event e ON e.id = ep.event_id"
        "  WHERE ep.person_id = t.id AND ep.role = 'met' AND e.size = 'large') AS large_event"
        " FROM work w JOIN person t ON t.id = coalesce(w.via_id, w.person_id)"
        " WHERE w.day >= ? ORDER BY w.day, w.id",
        (since.isoformat(),),
    )
    found = []
    for r in rows:
        day = to_date(r["day"]) or date.min
        met = to_date(r["met_on"])  # the day they were added says nothing about years known
        touches = s.scalar(  # in the year before (the bound computed here: date arithmetic isn't portable)
            "SELECT count(*) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
            " WHERE ip.person_id = ? AND i.day < ? AND i.day >= ?",
            (r["tie"], day.isoformat(), (day - timedelta(days=365)).isoformat()),
        )
        years = (day - met) / timedelta(days=365.25) if met is not None and met <= day else None
        found.append(
            Engagement(day, r["path"], r["value"], r["origin"], r["tie_circle"], int(touches),
                       None if years is None else round(years, 2), bool(r["large_event"]))
        )  # fmt: skip
    return found
