"""Dated notes about a person (`net note`): written through the journal, read by day.

A note is not a contact: it never changes who might enjoy hearing from you, so no
``person_state`` is refreshed here.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from quietnet.core.records import DatedNote
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date

_SELECT = "SELECT n.id, n.day, n.person_id, p.name, n.text FROM note n JOIN person p ON p.id = n.person_id"


def _note(row: sqlite3.Row) -> DatedNote:
    return DatedNote(row[0], to_date(row[1]) or date.min, row[2], row[3], row[4])


def add(s: Session, *, person_id: int, day: date, text: str) -> int:
    values = {"person_id": person_id, "day": day.isoformat(), "text": text, "created_at": stamp(s)}
    return journal.insert(s, "note", values)


def get(s: Session, note_id: int) -> DatedNote | None:
    row = s.one(f"{_SELECT} WHERE n.id = ?", (note_id,))
    return None if row is None else _note(row)


def of_person(s: Session, person_id: int, *, limit: int = 50) -> list[DatedNote]:
    """A person's notes, newest first."""
    rows = s.all(
        f"{_SELECT} WHERE n.person_id = ? ORDER BY n.day DESC, n.id DESC LIMIT ?", (person_id, limit)
    )
    return [_note(r) for r in rows]


def between(s: Session, *, start: date, end: date) -> tuple[DatedNote, ...]:
    """Notes dated from ``start`` to ``end``, oldest first (the review's week)."""
    rows = s.all(
        f"{_SELECT} WHERE n.day >= ? AND n.day <= ? ORDER BY n.day, n.id",
        (start.isoformat(), end.isoformat()),
    )
    return tuple(_note(r) for r in rows)


def edit(s: Session, note_id: int, *, day: date | None, text: str | None) -> bool:
    values = {k: v for k, v in (("day", day and day.isoformat()), ("text", text)) if v is not None}
    return journal.update(s, "note", [note_id], values)


def delete(s: Session, note_id: int) -> None:
    journal.delete(s, "note", "id = ?", (note_id,))
