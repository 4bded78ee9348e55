"""Yearly dates besides a birthday (`net date`): an anniversary, a child's birthday.

Each counts for the scheduler exactly as a birthday does (``candidates.PREFILTER["event"]``
and ``state._candidates`` read this table), so no ``person_state`` column depends on it.
"""

from __future__ import annotations

from quietnet.core.records import YearlyEntry
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp

_SELECT = (
    "SELECT y.id, y.person_id, p.name, y.label, y.day FROM yearly_date y JOIN person p ON p.id = y.person_id"
)


def add(s: Session, *, person_id: int, label: str, day: str) -> int | None:
    """A new yearly date; None when the person already has this label on this day."""
    if s.one(
        "SELECT 1 FROM yearly_date WHERE person_id = ? AND label = ? AND day = ?", (person_id, label, day)
    ):
        return None
    values = {"person_id": person_id, "label": label, "day": day, "created_at": stamp(s)}
    return journal.insert(s, "yearly_date", values)


def get(s: Session, date_id: int) -> YearlyEntry | None:
    row = s.one(f"{_SELECT} WHERE y.id = ?", (date_id,))
    return None if row is None else YearlyEntry(*row)


def listing(s: Session, *, person_id: int | None = None) -> list[YearlyEntry]:
    """Yearly dates (of one person, or of everyone not archived), in calendar order."""
    where = "WHERE y.person_id = ?" if person_id is not None else "WHERE p.archived_at IS NULL"
    rows = s.all(
        f"{_SELECT} {where} ORDER BY substr(y.day, length(y.day) - 4), p.name, y.id",
        (person_id,) if person_id is not None else (),
    )
    return [YearlyEntry(*r) for r in rows]


def delete(s: Session, date_id: int) -> None:
    journal.delete(s, "yearly_date", "id = ?", (date_id,))


def for_calendar(s: Session) -> list[tuple[int, str, str, str, str]]:
    """(id, person uuid, name, label, day) of every yearly date of people not archived."""
    rows = s.all(
        "SELECT y.id, p.uuid, p.name, y.label, y.day FROM yearly_date y JOIN person p ON p.id = y.person_id"
        " WHERE p.archived_at IS NULL ORDER BY y.id"
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def days_by_person(s: Session) -> list[tuple[int, str, str]]:
    """(person_id, label, day) of every yearly date, oldest first."""
    return [(r[0], r[1], r[2]) for r in s.all("SELECT person_id, label, day FROM yearly_date ORDER BY id")]
