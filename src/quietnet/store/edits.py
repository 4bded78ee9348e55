"""Changing or removing one past entry: an interaction or a way you helped.

Every write goes through ``journal`` (so `net undo` brings it back), and the
``person_state`` of everyone the entry touched, before and after, is refreshed
in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from quietnet.engine.sqlite import Session
from quietnet.store import journal, state

# Rows that point at a help and are set to NULL when it goes: done here, so the journal holds them.
HELP_REFERENCES = (
    ("loop", "help_id"),
    ("give_item", "help_id"),
    ("intro", "a_help_id"),
    ("intro", "b_help_id"),
)


def interaction(s: Session, interaction_id: int) -> sqlite3.Row | None:
    return s.one("SELECT * FROM interaction WHERE id = ?", (interaction_id,))


def help_row(s: Session, help_id: int) -> sqlite3.Row | None:
    return s.one("SELECT * FROM help WHERE id = ?", (help_id,))


def help_of(s: Session, interaction_id: int) -> int | None:
    """The id of the help this interaction records, if it is one's."""
    found: int | None = s.scalar("SELECT id FROM help WHERE interaction_id = ?", (interaction_id,))
    return found


def participants(s: Session, interaction_id: int) -> list[int]:
    rows = s.all(
        "SELECT person_id FROM interaction_person WHERE interaction_id = ? ORDER BY person_id",
        (interaction_id,),
    )
    return [int(r[0]) for r in rows]


def names(s: Session, person_ids: Sequence[int]) -> list[str]:
    return [str(s.scalar("SELECT name FROM person WHERE id = ?", (i,))) for i in person_ids]


def edit_interaction(
    s: Session, interaction_id: int, values: dict[str, Any], person_ids: Sequence[int] | None
) -> bool:
    """Change an interaction's columns and, when given, who took part. True when anything changed."""
    before = participants(s, interaction_id)
    changed = bool(values) and journal.update(s, "interaction", [interaction_id], values)
    if person_ids is not None:
        wanted = list(dict.fromkeys(person_ids))
        for gone in (i for i in before if i not in wanted):
            changed |= bool(
                journal.delete(
                    s, "interaction_person", "person_id = ? AND interaction_id = ?", (gone, interaction_id)
                )
            )
        for new in (i for i in wanted if i not in before):
            journal.insert(s, "interaction_person", {"person_id": new, "interaction_id": interaction_id})
            changed = True
    state.refresh(s, sorted({*before, *participants(s, interaction_id)}))
    return changed


def delete_interaction(s: Session, interaction_id: int) -> None:
    """Remove an interaction with its participants; their scheduler state follows."""
    before = participants(s, interaction_id)
    journal.delete(s, "interaction_person", "interaction_id = ?", (interaction_id,))
    for row in s.all("SELECT id FROM help WHERE interaction_id = ?", (interaction_id,)):
        journal.update(s, "help", [row[0]], {"interaction_id": None})
    journal.delete(s, "interaction", "id = ?", (interaction_id,))
    state.refresh(s, before)


def edit_help(s: Session, help_id: int, *, day: date | None, kind: str | None, what: str | None) -> bool:
    """Change a help, and the `help` touch it counts as. True when anything changed."""
    row = help_row(s, help_id)
    assert row is not None
    values: dict[str, Any] = {}
    if day is not None:
        values["day"] = day.isoformat()
    if kind is not None:
        values["kind"] = kind
    if what is not None:
        values["what"] = what
    changed = journal.update(s, "help", [help_id], values)
    touch = {k: v for k, v in (("day", values.get("day")), ("note", what)) if v is not None}
    if row["interaction_id"] is not None and touch:
        changed |= journal.update(s, "interaction", [row["interaction_id"]], touch)
    state.refresh(s, [int(row["person_id"])])
    return changed


def delete_help(s: Session, help_id: int) -> None:
    """Remove a help and its touch; what pointed at it (a kept promise, a saved idea) stays, unlinked."""
    row = help_row(s, help_id)
    assert row is not None
    for table, column in HELP_REFERENCES:
        for ref in s.all(f"SELECT id FROM {table} WHERE {column} = ?", (help_id,)):
            journal.update(s, table, [ref[0]], {column: None})
    journal.delete(s, "help", "id = ?", (help_id,))
    if row["interaction_id"] is not None:
        delete_interaction(s, int(row["interaction_id"]))
    state.refresh(s, [int(row["person_id"])])
