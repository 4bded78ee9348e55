"""Interactions and the ways you helped, and each person's timeline."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from quietnet.core.records import Help, Interaction
from quietnet.engine.sqlite import Session
from quietnet.store import journal, notes
from quietnet.store.journal import stamp, to_date

if TYPE_CHECKING:
    from quietnet.core.profile import Timeline


def log(
    s: Session,
    *,
    person_ids: Sequence[int],
    kind: str,
    day: date,
    said: str | None = None,
    note: str | None = None,
    by_them: bool = False,
    refresh: bool = True,
) -> int:
    """Record one interaction with one or more people; returns its id.

    ``refresh=False`` leaves their ``person_state`` to the caller (a bulk import refreshes once).
    """
    interaction_id = journal.insert(
        s,
        "interaction",
        {
            "day": day.isoformat(),
            "kind": kind,
            "said": said,
            "note": note,
            "by_them": by_them,
            "created_at": stamp(s),
        },
    )
    for person_id in dict.fromkeys(person_ids):
        journal.insert(s, "interaction_person", {"person_id": person_id, "interaction_id": interaction_id})
    if refresh:
        from quietnet.store import state  # the scheduler's imports: only for a write (net show is timed)

        state.refresh(s, person_ids)
    return interaction_id


def helped(s: Session, *, person_id: int, kind: str, what: str, day: date) -> int:
    """Record a way you helped; it also counts as a `help` touch. Returns the help's id."""
    interaction_id = log(s, person_ids=[person_id], kind="help", day=day, note=what)
    return journal.insert(
        s,
        "help",
        {
            "day": day.isoformat(),
            "person_id": person_id,
            "kind": kind,
            "what": what,
            "interaction_id": interaction_id,
            "created_at": stamp(s),
        },
    )


def help_from_row(row: sqlite3.Row) -> Help:
    return Help(
        id=row["id"],
        day=to_date(row["day"]) or date.min,
        person_id=row["person_id"],
        person=row["person"],
        kind=row["kind"],
        what=row["what"],
        outcome=row["outcome"],
        outcome_on=to_date(row["outcome_on"]),
    )


def helps(s: Session, *, since: date | None = None, person_id: int | None = None) -> list[Help]:
    """Ways you helped, newest first."""
    where, params = ["1 = 1"], []
    if since is not None:
        where.append("h.day >= ?")
        params.append(since.isoformat())
    if person_id is not None:
        where.append("h.person_id = ?")
        params.append(str(person_id))
    rows = s.all(
        "SELECT h.*, p.name AS person FROM help h JOIN person p ON p.id = h.person_id"
        f" WHERE {' AND '.join(where)} ORDER BY h.day DESC, h.id DESC",
        params,
    )
    return [help_from_row(r) for r in rows]


def timeline(s: Session, person_id: int, *, limit: int = 50) -> Timeline:
    """A person's most recent interactions (with who else was there), helps and dated notes."""
    rows = s.all(
        "SELECT i.id, i.day, i.kind, i.said, i.note, i.by_them"
        " FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id = ? ORDER BY i.day DESC, i.id DESC LIMIT ?",
        (person_id, limit),
    )
    others: dict[int, list[str]] = {}  # who else was there, joined here rather than by group_concat
    for interaction_id, name in s.all(
        "SELECT ip.interaction_id, p.name FROM interaction_person ip JOIN person p ON p.id = ip.person_id"
        " WHERE ip.person_id != ? AND ip.interaction_id IN"
        " (SELECT interaction_id FROM interaction_person WHERE person_id = ?)"
        " ORDER BY ip.interaction_id, ip.person_id",
        (person_id, person_id),
    ):
        others.setdefault(interaction_id, []).append(name)
    interactions = [
        Interaction(
            id=r["id"],
            day=to_date(r["day"]) or date.min,
            kind=r["kind"],
            said=r["said"],
            note=r["note"],
            by_them=bool(r["by_them"]),
            people=tuple(others.get(r["id"], ())),
        )
        for r in rows
    ]
    from quietnet.core.profile import Timeline  # net show only: net log (timed) does without it

    return Timeline(
        interactions, helps(s, person_id=person_id)[:limit], notes.of_person(s, person_id, limit=limit)
    )
