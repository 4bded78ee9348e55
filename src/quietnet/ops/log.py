"""`net log` and `net helped`: record it, describe it for `net undo`, and find the promises it may keep.

Typed many times a day and timed (docs/performance.md): nothing heavy here.
"""

from __future__ import annotations

from datetime import date

from quietnet.core.records import Loop, Person
from quietnet.engine.sqlite import Session
from quietnet.store import interactions, journal, loops, people


def with_article(word: str) -> str:
    """``a coffee``, ``an email``, ``an sms``."""
    return ("an " if word[:1] in "aeiou" or word == "sms" else "a ") + word


def _promises(s: Session, person_ids: list[int]) -> list[Loop]:
    return [loop for i in person_ids for loop in loops.open_loops(s, person_id=i) if loop.type == "promise"]


def log(
    s: Session,
    names: list[str],
    *,
    kind: str,
    day: date,
    said: str | None,
    note: str | None,
    by_them: bool,
) -> tuple[list[str], list[Loop]]:
    """Log one interaction with everyone named; their names, and the promises still open to them."""
    ids = [people.resolve_id(s, n) for n in names]
    interactions.log(s, person_ids=ids, kind=kind, day=day, said=said, note=note, by_them=by_them)
    who = [people.get(s, i).name for i in dict.fromkeys(ids)]
    journal.describe(s, f"Logged {with_article(said or kind)} with {', '.join(who)}")
    return who, _promises(s, list(dict.fromkeys(ids)))


def helped(s: Session, who: str, *, kind: str, what: str, day: date) -> tuple[Person, list[Loop]]:
    """Record a way you helped someone; the person, and the promises to them this may have kept."""
    person = people.get(s, people.resolve_id(s, who))
    interactions.helped(s, person_id=person.id, kind=kind, what=what, day=day)
    journal.describe(s, f"Helped {person.name}: {what}")
    return person, _promises(s, [person.id])
