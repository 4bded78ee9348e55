"""Ideas kept for someone (`net give NAME --save`) until they are passed on; `net show` lists them."""

from __future__ import annotations

import sqlite3
from datetime import date

from quietnet.core.profile import Saved
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date


def _saved(row: sqlite3.Row) -> Saved:
    return Saved(
        row["id"],
        row["person_id"],
        row["person"],
        row["what"],
        to_date(row["saved_on"]) or date.min,
        to_date(row["done_on"]),
        row["help_id"],
    )


_SELECT = "SELECT g.*, p.name AS person FROM give_item g JOIN person p ON p.id = g.person_id"


def save(s: Session, *, person_id: int, what: str, day: date) -> int:
    values = {"person_id": person_id, "what": what, "saved_on": day.isoformat(), "created_at": stamp(s)}
    return journal.insert(s, "give_item", values)


def get(s: Session, item_id: int) -> Saved | None:
    row = s.one(f"{_SELECT} WHERE g.id = ?", (item_id,))
    return None if row is None else _saved(row)


def saved(s: Session, *, person_id: int | None = None) -> list[Saved]:
    """Saved ideas not yet passed on, oldest first."""
    where, params = "g.done_on IS NULL AND p.archived_at IS NULL", []
    if person_id is not None:
        where += " AND g.person_id = ?"
        params.append(person_id)
    return [_saved(r) for r in s.all(f"{_SELECT} WHERE {where} ORDER BY g.saved_on, g.id", params)]


def mark_done(s: Session, item_id: int, *, day: date, help_id: int) -> None:
    journal.update(s, "give_item", (item_id,), {"done_on": day.isoformat(), "help_id": help_id})


def drop(s: Session, item_id: int) -> None:
    journal.delete(s, "give_item", "id = ?", (item_id,))
