"""Relationships between two people (`net relate`), written through the journal."""

from __future__ import annotations

from quietnet.core.relations import Related, label
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp


def add(s: Session, *, person_id: int, other_id: int, role: str) -> int | None:
    """Record that ``other_id`` is ``person_id``'s ``role``; None when it is already known."""
    if s.one(
        "SELECT 1 FROM relationship WHERE person_id = ? AND other_id = ? AND role = ?",
        (person_id, other_id, role),
    ):
        return None
    values = {"person_id": person_id, "other_id": other_id, "role": role, "created_at": stamp(s)}
    return journal.insert(s, "relationship", values)


def between(s: Session, a: int, b: int) -> list[tuple[int, int, int, str]]:
    """(id, person_id, other_id, role) of every relationship of the two, either way round."""
    rows = s.all(
        "SELECT id, person_id, other_id, role FROM relationship"
        " WHERE (person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?) ORDER BY id",
        (a, b, b, a),
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def remove(s: Session, ids: list[int]) -> None:
    for relationship_id in ids:
        journal.delete(s, "relationship", "id = ?", (relationship_id,))


def of_person(s: Session, person_id: int) -> list[Related]:
    """Everyone related to a person, each with how the person stands to them, by name."""
    rows = s.all(
        "SELECT r.id, r.other_id, p.name, r.role, 1 FROM relationship r JOIN person p ON p.id = r.other_id"
        " WHERE r.person_id = ?"
        " UNION ALL SELECT r.id, r.person_id, p.name, r.role, 0 FROM relationship r"
        " JOIN person p ON p.id = r.person_id WHERE r.other_id = ? ORDER BY 3, 1",
        (person_id, person_id),
    )
    return [Related(r[0], r[1], r[2], label(r[3], mine=bool(r[4])), r[3]) for r in rows]


def known(s: Session, person_id: int, roles: tuple[str, ...]) -> set[int]:
    """The people related to ``person_id`` by one of ``roles`` (either way round)."""
    marks = ", ".join("?" for _ in roles)
    rows = s.all(
        f"SELECT other_id FROM relationship WHERE person_id = ? AND role IN ({marks})"
        f" UNION SELECT person_id FROM relationship WHERE other_id = ? AND role IN ({marks})",
        (person_id, *roles, person_id, *roles),
    )
    return {r[0] for r in rows}


def before_merge(s: Session, keep_id: int, drop_id: int) -> None:
    """Remove what merging would turn into a relationship with oneself, or into a second copy."""
    journal.delete(
        s,
        "relationship",
        "(person_id = ? AND other_id = ?) OR (person_id = ? AND other_id = ?)",
        (keep_id, drop_id, drop_id, keep_id),
    )
    for column, far in (("person_id", "other_id"), ("other_id", "person_id")):
        journal.delete(
            s,
            "relationship",
            f"{column} = ? AND EXISTS (SELECT 1 FROM relationship k WHERE k.{column} = ?"
            f" AND k.{far} = relationship.{far} AND k.role = relationship.role)",
            (drop_id, keep_id),
        )


def for_cards(s: Session) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
    """Every relationship as (person_id, other_id, role), and each person's card UID."""
    rows = [
        (r[0], r[1], r[2]) for r in s.all("SELECT person_id, other_id, role FROM relationship ORDER BY id")
    ]
    uids = {r[0]: r[1] or f"urn:uuid:{r[2]}" for r in s.all("SELECT id, card_uid, uuid FROM person")}
    return rows, uids
