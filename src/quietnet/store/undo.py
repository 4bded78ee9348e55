"""Undo, built on the change journal: revert the most recent change, row by row.

Reverting writes through ``journal`` like any command, so an undo is itself a
change that can be undone (which redoes the original).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import journal, kinds, state
from quietnet.store.journal import KEYS, to_stamp


@dataclass(frozen=True)
class Change:
    id: int
    at: datetime
    command: str
    summary: str
    rows: int


@dataclass(frozen=True)
class RowChange:
    table: str
    op: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None


def recent(s: Session, *, limit: int = 20) -> list[Change]:
    """The latest changes, newest first."""
    rows = s.all(
        "SELECT c.id, c.at, c.command, c.summary,"
        " (SELECT count(*) FROM change_row r WHERE r.change_id = c.id) AS n"
        " FROM change c ORDER BY c.id DESC LIMIT ?",
        (limit,),
    )
    return [Change(r[0], to_stamp(r[1]) or datetime.min, r[2], r[3], r[4]) for r in rows]


def latest(s: Session) -> tuple[Change, list[RowChange]]:
    """The most recent change and its rows in the order they were made."""
    found = recent(s, limit=1)
    if not found:
        raise InputError("There is nothing to undo yet.")
    change = found[0]
    if change.rows == 0:
        raise InputError(
            f'The last change ("{change.summary}") can\'t be undone: forgetting someone is permanent.'
        )
    rows = s.all(
        "SELECT table_name, op, old, new FROM change_row WHERE change_id = ? ORDER BY seq", (change.id,)
    )
    return change, [
        RowChange(r[0], r[1], json.loads(r[2]) if r[2] else None, json.loads(r[3]) if r[3] else None)
        for r in rows
    ]


NOUNS = {
    "person": ("person", "people"),
    "tag": ("tag", "tags"),
    "person_tag": ("tag on a person", "tags on people"),
    "interaction": ("interaction", "interactions"),
    "interaction_person": ("participant", "participants"),
    "help": ("way you helped", "ways you helped"),
    "loop": ("loop", "loops"),
    "setting": ("setting", "settings"),
    "give_item": ("saved idea", "saved ideas"),
    "intro": ("introduction", "introductions"),
    "event": ("event", "events"),
    "event_person": ("person at an event", "people at events"),
    "event_loop": ("event promise", "event promises"),
    "work": ("engagement", "engagements"),
    "note": ("dated note", "dated notes"),
    "relationship": ("relationship", "relationships"),
    "yearly_date": ("yearly date", "yearly dates"),
    "kind": ("kind of contact", "kinds of contact"),
    "captured": ("captured message or event", "captured messages and events"),
}


def describe_rows(rows: list[RowChange]) -> list[str]:
    """What reverting these rows will do, in plain words: "remove 1 interaction"."""
    verbs = {"insert": "remove", "update": "restore", "delete": "bring back"}
    touched = {
        (verbs[r.op], r.table, json.dumps([(r.new or r.old or {}).get(c) for c in KEYS[r.table]]))
        for r in rows
    }
    counts = Counter((verb, table) for verb, table, _ in touched)
    order = {"remove": 0, "restore": 1, "bring back": 2}
    return [
        f"{verb} {n} {NOUNS[table][0 if n == 1 else 1]}"
        for (verb, table), n in sorted(counts.items(), key=lambda x: (order[x[0][0]], x[0][1]))
    ]


def undo_summary(summary: str) -> str:
    """The summary of undoing a change: undoing an undo is a redo."""
    if summary.startswith("Undid: "):
        return "Redid: " + summary.removeprefix("Undid: ")
    if summary.startswith("Redid: "):
        return "Undid: " + summary.removeprefix("Redid: ")
    return f"Undid: {summary}"


def revert(s: Session, rows: list[RowChange]) -> None:
    """Undo these rows, last first, journalling each step."""
    people: set[int] = set()
    settings_changed = False
    for row in reversed(rows):
        key_cols = KEYS[row.table]
        if row.op == "insert":
            assert row.new is not None
            key = [row.new[c] for c in key_cols]
            journal.delete(s, row.table, " AND ".join(f"{c} = ?" for c in key_cols), key)
        elif row.op == "update":
            assert row.old is not None
            key = [row.old[c] for c in key_cols]
            journal.update(s, row.table, key, {c: v for c, v in row.old.items() if c not in key_cols})
        else:
            assert row.old is not None
            journal.insert(s, row.table, row.old)
        data = row.new or row.old or {}
        if row.table == "person":
            people.add(int(data["id"]))
        elif "person_id" in data:
            people.add(int(data["person_id"]))
        elif row.table == "interaction":
            people.update(_participants(s, int(data["id"])))
        settings_changed |= row.table == "setting"
    kinds.use(s)  # the reverted rows may add or remove an own kind
    if settings_changed:
        state.refresh_all(s)
    existing = {r[0] for r in s.all("SELECT id FROM person")}
    state.refresh(s, sorted(people & existing))


def _participants(s: Session, interaction_id: int) -> list[int]:
    rows = s.all("SELECT person_id FROM interaction_person WHERE interaction_id = ?", (interaction_id,))
    return [r[0] for r in rows]
