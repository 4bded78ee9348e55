"""Settings that are words, not numbers (``review_day``, ``smtp_url``), in the ``setting`` table.

``core/settings.py`` ``Settings`` holds the numbers of the model; these sit beside them
in the same table, as ``store/events.py`` keeps its ``events.*`` keys, written through the
journal like any setting (undo, export, restore and copy carry them).
"""

from __future__ import annotations

import json

from quietnet.core.words import WORDS
from quietnet.engine.sqlite import Session
from quietnet.store import journal


def get(s: Session, key: str) -> str:
    """The stored value of one word setting, or its default."""
    value = s.scalar("SELECT value FROM setting WHERE name = ?", (key,))
    return WORDS[key].default if value is None else str(json.loads(value))


def every(s: Session) -> dict[str, str]:
    return {key: get(s, key) for key in WORDS}


def put(s: Session, key: str, value: str) -> None:
    """Store a (checked) value, or forget it when it is the default; journalled."""
    current = s.scalar("SELECT value FROM setting WHERE name = ?", (key,))
    text = json.dumps(value, ensure_ascii=False)
    if value == WORDS[key].default:
        if current is not None:
            journal.delete(s, "setting", "name = ?", (key,))
    elif current is None:
        journal.insert(s, "setting", {"name": key, "value": text})
    elif current != text:
        journal.update(s, "setting", (key,), {"value": text})
