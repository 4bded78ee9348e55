"""Introductions: plan one, move it through its steps (intro.py decides which are allowed)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import Any

from quietnet.core.intro import OPEN_STATES, Intro
from quietnet.engine.sqlite import Session
from quietnet.errors import NotFoundError
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date

_SELECT = (
    "SELECT i.*, a.name AS a_name, b.name AS b_name FROM intro i"
    " JOIN person a ON a.id = i.person_id JOIN person b ON b.id = i.other_id"
)
_DATES = ("opened_on", "a_asked_on", "a_answered_on", "b_asked_on", "b_answered_on", "made_on", "checked_on",
          "closed_on")  # fmt: skip


def _intro(row: sqlite3.Row) -> Intro:
    return Intro(
        id=row["id"],
        person_id=row["person_id"],
        person=row["a_name"],
        other_id=row["other_id"],
        other=row["b_name"],
        why=row["why"],
        state=row["state"],
        opened_on=to_date(row["opened_on"]) or date.min,
        a_asked_on=to_date(row["a_asked_on"]),
        a_answer=row["a_answer"],
        a_answered_on=to_date(row["a_answered_on"]),
        b_asked_on=to_date(row["b_asked_on"]),
        b_answer=row["b_answer"],
        b_answered_on=to_date(row["b_answered_on"]),
        made_on=to_date(row["made_on"]),
        checked_on=to_date(row["checked_on"]),
        closed_on=to_date(row["closed_on"]),
        outcome=row["outcome"],
    )


def create(s: Session, *, person_id: int, other_id: int, why: str, day: date, asked_by: str | None) -> int:
    """Plan an introduction; ``asked_by`` ("a" or "b") is the side who asked for it (a yes already)."""
    values: dict[str, Any] = {
        "person_id": person_id,
        "other_id": other_id,
        "why": why,
        "state": "asking",
        "opened_on": day.isoformat(),
        "created_at": stamp(s),
    }
    if asked_by is not None:
        for field in ("asked_on", "answered_on"):
            values[f"{asked_by}_{field}"] = day.isoformat()
        values[f"{asked_by}_answer"] = "yes"
    return journal.insert(s, "intro", values)


def get(s: Session, intro_id: int) -> Intro:
    row = s.one(f"{_SELECT} WHERE i.id = ?", (intro_id,))
    if row is None:
        raise NotFoundError(f"There is no introduction #{intro_id}; net intro lists the open ones.")
    return _intro(row)


def change(s: Session, intro_id: int, changes: Mapping[str, Any]) -> None:
    values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in changes.items()}
    journal.update(s, "intro", (intro_id,), values)


def listing(s: Session, *, everything: bool = False, person_id: int | None = None) -> list[Intro]:
    """Introductions, open ones only unless ``everything``; oldest first."""
    where, params = ["1 = 1"], []
    if not everything:
        where.append(f"i.state IN ({', '.join('?' for _ in OPEN_STATES)})")
        params += list(OPEN_STATES)
    if person_id is not None:
        where.append("(i.person_id = ? OR i.other_id = ?)")
        params += [str(person_id), str(person_id)]
    rows = s.all(f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY i.opened_on, i.id", params)
    return [_intro(r) for r in rows]


def open_between(s: Session, a: int, b: int) -> Intro | None:
    row = s.one(
        f"{_SELECT} WHERE ((i.person_id = ? AND i.other_id = ?) OR (i.person_id = ? AND i.other_id = ?))"
        f" AND i.state IN ({', '.join('?' for _ in OPEN_STATES)}) ORDER BY i.id LIMIT 1",
        (a, b, b, a, *OPEN_STATES),
    )
    return None if row is None else _intro(row)


def waiting(s: Session, *, today: date) -> list[Intro]:
    """For `net today`: introductions both said yes to, and ones made a week ago or more."""
    return [
        i
        for i in listing(s)
        if i.state == "accepted"
        or (i.state == "introduced" and i.check_on is not None and i.check_on <= today)
    ]


def help_ids(s: Session, intro_id: int) -> list[int]:
    row = s.one("SELECT a_help_id, b_help_id FROM intro WHERE id = ?", (intro_id,))
    return [] if row is None else [h for h in (row[0], row[1]) if h is not None]


def note_outcome(s: Session, help_id: int, outcome: str, day: date) -> None:
    """What came of a help (the introduction's check-in): kept on the help itself."""
    journal.update(s, "help", (help_id,), {"outcome": outcome, "outcome_on": day.isoformat()})
