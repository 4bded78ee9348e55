"""`net date add|remove`: yearly dates besides a birthday, journaled and undoable."""

from __future__ import annotations

from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import journal, people, yearly


def words(person: str, label: str, day: str) -> str:
    """``the yearly date of Ana Ruiz: wedding anniversary, 06-12`` (with the year when known)."""
    return f"the yearly date of {person}: {label}, {day}"


def add(s: Session, who: str, *, label: str, day: str) -> tuple[str, int | None]:
    person = people.get(s, people.resolve_id(s, who))
    said = words(person.name, label, day)
    date_id = yearly.add(s, person_id=person.id, label=label, day=day)
    if date_id is not None:
        journal.describe(s, f"Added {said}")
    return said, date_id


def remove(s: Session, date_id: int) -> str:
    found = yearly.get(s, date_id)
    if found is None:
        raise InputError(f"There is no yearly date #{date_id}. net date list shows them with their ids.")
    said = words(found.person, found.label, found.day)
    yearly.delete(s, date_id)
    journal.describe(s, f"Removed {said}", always=True)
    return said
