"""Open loops: promises you made and needs they have."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date

from quietnet.core.records import Loop
from quietnet.engine.sqlite import Session
from quietnet.errors import NotFoundError
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date


def open_loop(s: Session, *, person_id: int, type: str, what: str, day: date) -> int:
    return journal.insert(
        s,
        "loop",
        {
            "person_id": person_id,
            "type": type,
            "what": what,
            "opened_on": day.isoformat(),
            "created_at": stamp(s),
        },
    )


LOOP_SELECT = "SELECT l.*, p.name AS person FROM loop l JOIN person p ON p.id = l.person_id"


def loop_from_row(row: sqlite3.Row) -> Loop:
    return Loop(
        id=row["id"],
        person_id=row["person_id"],
        person=row["person"],
        type=row["type"],
        what=row["what"],
        opened_on=to_date(row["opened_on"]) or date.min,
        closed_on=to_date(row["closed_on"]),
        help_id=row["help_id"],
    )


def get(s: Session, loop_id: int) -> Loop:
    row = s.one(f"{LOOP_SELECT} WHERE l.id = ?", (loop_id,))
    if row is None:
        raise NotFoundError(f"There is no loop with the id {loop_id}; net loops lists the open ones.")
    return loop_from_row(row)


def open_loops(
    s: Session,
    *,
    person_id: int | None = None,
    type_: str | None = None,
    excluding: Collection[int] = (),
) -> list[Loop]:
    """Open loops (of one type: ``promise``, ``need``), promises first, oldest first; ``excluding``:
    loop ids left out."""
    where, params = _open(person_id, type_, excluding)
    return [loop_from_row(r) for r in s.all(f"{LOOP_SELECT} WHERE {where} {OLDEST_FIRST}", params)]


def first_open(
    s: Session, *, type_: str, excluding: Collection[int] = (), limit: int
) -> tuple[list[Loop], int]:
    """The first ``limit`` of ``open_loops``, and how many there are in all: one query."""
    where, params = _open(None, type_, excluding)
    rows = s.all(
        "SELECT l.*, p.name AS person, count(*) OVER () AS total"
        f" FROM loop l JOIN person p ON p.id = l.person_id WHERE {where} {OLDEST_FIRST} LIMIT {int(limit)}",
        params,
    )
    return [loop_from_row(r) for r in rows], int(rows[0]["total"]) if rows else 0


OLDEST_FIRST = "ORDER BY l.type = 'need', l.opened_on, l.id"


def _open(person_id: int | None, type_: str | None, excluding: Collection[int]) -> tuple[str, list[object]]:
    where, params = "l.closed_on IS NULL AND p.archived_at IS NULL", list[object]()
    if person_id is not None:
        where += " AND l.person_id = ?"
        params.append(person_id)
    if type_ is not None:
        where += " AND l.type = ?"
        params.append(type_)
    if excluding:
        where += f" AND l.id NOT IN ({', '.join(str(int(i)) for i in excluding)})"
    return where, params


def close(s: Session, loop_id: int, *, day: date, help_id: int | None = None) -> None:
    journal.update(s, "loop", (loop_id,), {"closed_on": day.isoformat(), "help_id": help_id})
