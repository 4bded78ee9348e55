"""The folded text `net find` searches, kept beside the text it comes from.

Each searchable table has a ``find_key`` column: its text columns folded
(accents removed, casefolded, spaces collapsed; ``text.fold``) and joined by
newlines, so a search is one SQL ``LIKE`` that calls no Python per row and
runs the same on every backend. ``journal.insert`` and ``journal.update`` keep
it current on every write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quietnet.core.text import fold

# Columns derived from others for lookups (``person.search_key`` too): never exported or shown.
DERIVED: tuple[str, ...] = ("search_key", "find_key")

SOURCES: dict[str, tuple[str, ...]] = {
    "person": ("name", "nickname", "company", "role", "city", "interests", "how_met", "notes"),
    "interaction": ("note",),
    "help": ("what", "outcome"),
    "loop": ("what",),
    "note": ("text",),
}


def find_key(table: str, row: Mapping[str, Any]) -> str | None:
    """The folded text of a row of ``table``, or None when it has none."""
    parts = [fold(str(value)) for column in SOURCES[table] if (value := row.get(column))]
    return "\n".join(part for part in parts if part) or None


def with_key(table: str, values: Mapping[str, Any], old: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``values`` plus the row's ``find_key`` when ``table`` has one and its text changes.

    ``old`` is the row before an update (None for an insert).
    """
    result = dict(values)
    sources = SOURCES.get(table)
    if sources is not None and (old is None or values.keys() & set(sources)):
        result["find_key"] = find_key(table, {**(old or {}), **values})
    return result


def containing(text: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for values that contain ``text`` literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def pattern(query: str) -> str:
    """A LIKE pattern (with ESCAPE '\\') for folded text that contains ``query``, folded."""
    return containing(fold(query))
