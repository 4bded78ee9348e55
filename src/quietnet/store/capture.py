"""The capture ledger (table ``captured``) and what `net capture` reads about people and days.

Which message or calendar occurrence (``source``, ``key``) became which
interaction with which person: a second run uses none of them again. The
latest ``created_at`` of a source is the default start of its next run.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date, to_stamp


class Addressed(NamedTuple):
    """Someone `net capture` can match: the addresses stored for them (the email field, and any
    other in the vCard they were imported from)."""

    id: int
    name: str
    email: str | None
    vcard: str | None


def addressed(s: Session) -> list[Addressed]:
    rows = s.all(
        "SELECT id, name, email, vcard FROM person WHERE email IS NOT NULL OR vcard IS NOT NULL ORDER BY id"
    )
    return [Addressed(r["id"], r["name"], r["email"], r["vcard"]) for r in rows]


def named(s: Session) -> list[tuple[int, str, str | None, bool]]:
    """Everyone by (id, name, email, archived), for learning an address by a display name."""
    rows = s.all("SELECT id, name, email, archived_at FROM person ORDER BY id")
    return [(r["id"], r["name"], r["email"], r["archived_at"] is not None) for r in rows]


def used(s: Session, *, source: str, since: date) -> set[tuple[str, int]]:
    """(key, person) pairs of this source already captured on or after ``since``."""
    rows = s.all(
        "SELECT key, person_id FROM captured WHERE source = ? AND day >= ?", (source, since.isoformat())
    )
    return {(r[0], int(r[1])) for r in rows}


class DayHeld(NamedTuple):
    """An interaction already on someone's day: ``captured`` when a capture made it."""

    interaction_id: int
    captured: bool


def days_held(s: Session, person_ids: Iterable[int], *, since: date) -> dict[tuple[int, date], DayHeld]:
    """For each (person, day) from ``since`` that already has an interaction: the first one, and
    whether it was captured (a typed one wins over a capture)."""
    wanted = set(person_ids)
    if not wanted:
        return {}
    rows = s.all(
        "SELECT ip.person_id, i.day, i.id,"
        " EXISTS (SELECT 1 FROM captured c WHERE c.interaction_id = i.id) AS was_captured"
        " FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE i.day >= ? ORDER BY i.id",
        (since.isoformat(),),
    )
    held: dict[tuple[int, date], DayHeld] = {}
    for person_id, day, interaction_id, was_captured in rows:
        if person_id not in wanted:
            continue
        key = (int(person_id), to_date(day) or date.min)
        found = held.get(key)
        if found is None or (found.captured and not was_captured):
            held[key] = DayHeld(int(interaction_id), bool(was_captured))
    return held


def last(s: Session, *, source: str) -> date | None:
    """The day (UTC) of the latest capture from ``source``, or None before the first."""
    value = s.scalar("SELECT max(created_at) FROM captured WHERE source = ?", (source,))
    moment = to_stamp(value)
    return None if moment is None else moment.date()


def record(s: Session, *, source: str, key: str, person_id: int, day: date, into: int) -> None:
    """Remember that this (source, key) went ``into`` that interaction with that person."""
    journal.insert(
        s,
        "captured",
        {
            "source": source, "key": key, "person_id": person_id, "day": day.isoformat(),
            "interaction_id": into, "created_at": stamp(s),
        },
    )  # fmt: skip


def before_merge(s: Session, keep_id: int, drop_id: int) -> None:
    """Forget the dropped person's captures the kept one already has (a message to both of them)."""
    journal.delete(
        s,
        "captured",
        "person_id = ? AND EXISTS (SELECT 1 FROM captured k WHERE k.person_id = ?"
        " AND k.source = captured.source AND k.key = captured.key)",
        (drop_id, keep_id),
    )


def known_names(s: Session) -> list[tuple[int, str, str | None]]:
    """Everyone by (id, name, nickname): whom an event's summary can name."""
    rows = s.all("SELECT id, name, nickname FROM person ORDER BY id")
    return [(r["id"], r["name"], r["nickname"]) for r in rows]
