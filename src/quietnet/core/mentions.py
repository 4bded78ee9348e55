"""Whom an event's summary names (`net capture calendar`, issue 18): full names and nicknames.

Names and summaries are compared folded (``text.fold``: accents, case and
spacing aside), as whole words: "Dinner at Søren Berg's" names Søren Berg,
"Lunch with soren berg" too, "Sørensen" does not. A name or nickname that more
than one person has names no one; a match inside a longer one ("Ana" inside
"Ana Ruiz", when Ana is someone else's nickname) gives way to the longer one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quietnet.core.text import fold

MIN_NAME = 2  # characters of a folded nickname that can name someone ("Jo", "Al"; never "A")


def name_keys(people: Iterable[tuple[int, str, str | None]]) -> dict[str, set[int]]:
    """(id, name, nickname) of each person -> each folded name and nickname -> whose it is."""
    keys: dict[str, set[int]] = {}
    for person_id, name, nickname in people:
        for text in (name, nickname):
            key = fold(text or "")
            if len(key) >= MIN_NAME:
                keys.setdefault(key, set()).add(person_id)
    return keys


def named_in(summary: str, keys: dict[str, set[int]]) -> set[int]:
    """The people ``summary`` names by full name or nickname (each key naming exactly one person)."""
    folded = fold(summary)
    if not folded:
        return set()
    spans: list[tuple[int, int, int]] = []  # start, end, person
    for key, owners in keys.items():
        if len(owners) != 1 or key not in folded:
            continue
        (owner,) = owners
        spans += [(m.start(), m.end(), owner) for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded)]
    return {
        owner
        for start, end, owner in spans
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
    }
