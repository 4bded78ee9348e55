"""`net relate`: record or remove how two people you know are related."""

from __future__ import annotations

from quietnet.core.relations import MUTUAL, sentence
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import journal, people, relationships


def _two(s: Session, a: str, b: str) -> tuple[int, str, int, str]:
    first = people.get(s, people.resolve_id(s, a))
    second = people.get(s, people.resolve_id(s, b))
    if first.id == second.id:
        raise InputError(f"A relationship needs two different people; both names are {first.name}.")
    return first.id, first.name, second.id, second.name


def relate(s: Session, a: str, b: str, *, role: str) -> tuple[str, bool]:
    """Record that B is A's ``role``: the sentence, and whether it is new."""
    first_id, first, second_id, second = _two(s, a, b)
    words = sentence(role, first, second)
    if role in MUTUAL and any(r == role for *_, r in relationships.between(s, first_id, second_id)):
        return words, False  # noted the other way round: the same thing
    if relationships.add(s, person_id=first_id, other_id=second_id, role=role) is None:
        return words, False
    journal.describe(s, f"Noted that {words}")
    return words, True


def unrelate(s: Session, a: str, b: str, *, role: str | None) -> list[str]:
    """Remove the relationships of A and B (only ``role`` when given): their sentences."""
    first_id, first, second_id, second = _two(s, a, b)
    found = relationships.between(s, first_id, second_id)
    gone = [row for row in found if role is None or row[3] == role]
    if not gone:
        which = "" if role is None or not found else f" as {role}"
        raise InputError(f"No relationship of {first} and {second}{which} is noted.")
    names = {first_id: first, second_id: second}
    said = [sentence(r, names[p], names[o]) for _, p, o, r in gone]
    relationships.remove(s, [row[0] for row in gone])
    journal.describe(s, f"Removed that {'; and that '.join(said)}", always=True)
    return said
