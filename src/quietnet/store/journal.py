"""Writes that keep the change journal, and the conversions rows need.

Every insert, update and delete of user data goes through ``insert``,
``update`` or ``delete`` here, which record the row before and after in
``change_row`` under one ``change`` per command. Undo and history are built on
this journal; the derived ``person_state`` cache is not journalled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from quietnet.engine.sqlite import Session
from quietnet.store import folded

KEYS: dict[str, tuple[str, ...]] = {
    "person": ("id",),
    "tag": ("id",),
    "person_tag": ("person_id", "tag_id"),
    "interaction": ("id",),
    "interaction_person": ("person_id", "interaction_id"),
    "help": ("id",),
    "loop": ("id",),
    "setting": ("name",),
    "give_item": ("id",),
    "intro": ("id",),
    "event": ("id",),
    "event_person": ("event_id", "person_id"),
    "event_loop": ("event_id", "loop_id"),
    "work": ("id",),
    "note": ("id",),
    "relationship": ("id",),
    "yearly_date": ("id",),
    "kind": ("id",),
    "captured": ("id",),
}

# Columns whose new value the journal leaves out: the row itself holds it, and undo reads only
# the old values (and the keys of inserted rows). An original vCard can be megabytes (photos):
# journalled in full it was stored twice by every import.
HELD_BY_ROW: dict[str, tuple[str, ...]] = {"person": ("vcard",)}

# Rows about a second person in another column (an introduction names two people):
# `net forget` erases their journal rows too.
ALSO_ABOUT: dict[str, str] = {"intro": "other_id", "relationship": "other_id"}


def to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def to_stamp(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def stamp(s: Session) -> str:
    """The session's clock as stored: ISO 8601 in UTC."""
    return s.now.isoformat(sep=" ", timespec="seconds")


def _select(s: Session, table: str, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in s.all(f"SELECT * FROM {table} WHERE {where}", params)]


def _key_where(table: str) -> str:
    return " AND ".join(f"{c} = ?" for c in KEYS[table])


def _person_of(table: str, row: Mapping[str, Any]) -> int | None:
    if table == "person":
        return int(row["id"])
    value = row.get("person_id")
    return None if value is None else int(value)


def _record(
    s: Session,
    table: str,
    op: str,
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
) -> None:
    import json

    row = new if new is not None else old
    assert row is not None
    if new is not None and table in HELD_BY_ROW:
        new = {c: v for c, v in new.items() if c not in HELD_BY_ROW[table]}
    change_id = _open_change(s)
    s.change_seq += 1
    s.execute(
        "INSERT INTO change_row (change_id, seq, table_name, row_key, op, person_id, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            change_id,
            s.change_seq,
            table,
            json.dumps([row[c] for c in KEYS[table]]),
            op,
            _person_of(table, row),
            None if old is None else json.dumps(old, ensure_ascii=False),
            None if new is None else json.dumps(new, ensure_ascii=False),
        ),
    )


def insert(s: Session, table: str, values: Mapping[str, Any]) -> int:
    """Insert one row, journal it, and return its rowid."""
    values = folded.with_key(table, values)
    columns = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    rowid = s.insert(f"INSERT INTO {table} ({columns}) VALUES ({marks})", dict(values))
    if table in KEYS:
        key = KEYS[table]  # the row by its key: given in values, else the new id
        given = [values[c] for c in key] if all(values.get(c) is not None for c in key) else [rowid]
        (row,) = _select(s, table, _key_where(table), given)
        _record(s, table, "insert", None, row)
    return rowid


def update(s: Session, table: str, key: Sequence[Any], values: Mapping[str, Any]) -> bool:
    """Update one row by primary key; journal it when anything changed."""
    where = _key_where(table)
    found = _select(s, table, where, key)
    if not found:
        return False
    old = found[0]
    changes = {c: v for c, v in values.items() if old.get(c) != v}
    if not changes:
        return False
    changes = folded.with_key(table, changes, old)
    assignments = ", ".join(f"{c} = :{c}" for c in changes)
    params = {**changes, **{f"_k{i}": v for i, v in enumerate(key)}}
    key_sql = " AND ".join(f"{c} = :_k{i}" for i, c in enumerate(KEYS[table]))
    s.execute(f"UPDATE {table} SET {assignments} WHERE {key_sql}", params)
    (new,) = _select(s, table, where, key)
    _record(s, table, "update", old, new)
    return True


def delete(s: Session, table: str, where: str, params: Sequence[Any] = ()) -> int:
    """Delete the rows matching ``where``, journalling each; returns how many."""
    rows = _select(s, table, where, params)
    for row in rows:
        s.execute(f"DELETE FROM {table} WHERE {_key_where(table)}", [row[c] for c in KEYS[table]])
        _record(s, table, "delete", row, None)
    return len(rows)


def _open_change(s: Session) -> int:
    if s.change_id is None:
        s.change_id = s.insert(
            "INSERT INTO change (at, command, summary) VALUES (?, ?, '')", (stamp(s), s.command)
        )
    return s.change_id


def describe(s: Session, summary: str, *, always: bool = False) -> None:
    """Give this command's change a one-line summary for `undo --list` and history.

    A command that changed nothing leaves no change behind, unless ``always``.
    """
    if s.change_id is not None or always:
        s.execute("UPDATE change SET summary = ? WHERE id = ?", (summary, _open_change(s)))


def erase_person(s: Session, person_id: int) -> None:
    """Remove every journal row about a person (``net forget`` leaves no trace)."""
    import json

    s.execute("DELETE FROM change_row WHERE person_id = ?", (person_id,))
    for table, column in ALSO_ABOUT.items():  # the JSON is read here, not in SQL: portable
        for row_id, old, new in s.all("SELECT id, old, new FROM change_row WHERE table_name = ?", (table,)):
            value = None if new is None else json.loads(new).get(column)
            if value is None and old is not None:
                value = json.loads(old).get(column)
            if value == person_id:
                s.execute("DELETE FROM change_row WHERE id = ?", (row_id,))
