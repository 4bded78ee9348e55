"""`net log` and `net helped`: record it, describe it for `net undo`, and find the promises it may keep.

Typed many times a day and timed (docs/performance.md): nothing heavy here.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from quietnet.core import kinds, logline
from quietnet.core.dates import parse_day
from quietnet.core.fields import clean_name
from quietnet.core.names import close_names, names_whole
from quietnet.core.records import Loop, Person
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.errors import NotFoundError
from quietnet.store import interactions, journal, loops, people


def with_article(word: str) -> str:
    """``a coffee``, ``an email``, ``an sms``; an own kind by its noun: ``a climbing catch-up``."""
    own = kinds.BY_NAME.get(word) if word not in kinds.BUILT_IN_ALIASES else None
    return kinds.article(own.noun if own else word)


def _promises(s: Session, person_ids: list[int]) -> list[Loop]:
    return [loop for i in person_ids for loop in loops.open_loops(s, person_id=i) if loop.type == "promise"]


class Logged(NamedTuple):
    """What `net log` recorded; ``also``: whom else a name matched wholly (name, how to name them)."""

    who: list[str]
    kind: kinds.Kind
    said: str | None
    day: date
    promises: list[Loop]
    also: list[tuple[str, list[tuple[str, str]]]]


def log(
    s: Session,
    words: list[str],
    *,
    kind: str | None,
    on: str | None,
    today: date,
    note: str | None,
    by_them: bool,
) -> Logged:
    """Log one interaction with everyone named (``words`` as typed: names, perhaps a kind and a day)."""
    line = logline.read(
        words, kind=kind, on=on, today=today, names_someone=lambda w: names_whole(people.name_keys(s, w), w)
    )
    day = parse_day(on if on is not None else line.day_text or "today", today=today)
    ids: list[int] = []
    also: list[tuple[str, list[tuple[str, str]]]] = []
    for i, typed in enumerate(line.names):
        # The last word, where a kind would stand, names someone only as a whole name or word:
        # `net log bob din` (dinner) must not log with Dina Cole by a prefix.
        in_kind_slot = line.kind_slot and i == len(line.names) - 1
        try:
            if in_kind_slot and not names_whole(people.name_keys(s, clean_name(typed)), typed):
                raise NotFoundError(typed)
            person_id, others = people.resolve_noting(s, typed)
        except NotFoundError:
            if not in_kind_slot:
                raise
            close = close_names(people.name_keys(s), fold(typed))
            raise NotFoundError(logline.neither(typed, close)) from None
        ids.append(person_id)
        if others:
            also.append((typed, others))
    said = line.said
    interactions.log(s, person_ids=ids, kind=line.kind.name, day=day, said=said, note=note, by_them=by_them)
    who = [people.get(s, i).name for i in dict.fromkeys(ids)]
    journal.describe(s, f"Logged {with_article(said or line.kind.name)} with {', '.join(who)}")
    return Logged(who, line.kind, said, day, _promises(s, list(dict.fromkeys(ids))), also)


def helped(
    s: Session, who: str, *, kind: str, what: str, day: date
) -> tuple[Person, list[Loop], list[tuple[str, str]]]:
    """Record a way you helped someone; the person, the promises to them this may have kept,
    and whom else ``who`` names as a whole word (each with how to name them)."""
    person_id, others = people.resolve_noting(s, who)
    person = people.get(s, person_id)
    interactions.helped(s, person_id=person.id, kind=kind, what=what, day=day)
    journal.describe(s, f"Helped {person.name}: {what}")
    return person, _promises(s, [person.id]), others
