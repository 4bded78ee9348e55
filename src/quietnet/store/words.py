"""Settings that are words (``review_day``, ``smtp_url``, ``my_emails``), in the ``setting`` table.

``core/settings.py`` ``Settings`` holds the numbers of the model; these sit beside them
in the same table, as ``store/events.py`` keeps its ``events.*`` keys, written through the
journal like any setting (undo, export, restore and copy carry them). A value is kept as
JSON: a string, or a list of strings for a word that holds several (``Word.many``).
"""

from __future__ import annotations

import json

from quietnet.core.words import SEPARATOR, WORDS
from quietnet.engine.sqlite import Session
from quietnet.store import journal


def get(s: Session, key: str) -> str:
    """The stored value of one word setting (several joined by ", "), or its default."""
    value = s.scalar("SELECT value FROM setting WHERE name = ?", (key,))
    if value is None:
        return WORDS[key].default
    found = json.loads(value)
    return SEPARATOR.join(str(v) for v in found) if isinstance(found, list) else str(found)


def every(s: Session) -> dict[str, str]:
    return {key: get(s, key) for key in WORDS}


def put(s: Session, key: str, value: str) -> None:
    """Store a (checked) value, or forget it when it is the default; journalled."""
    current = s.scalar("SELECT value FROM setting WHERE name = ?", (key,))
    kept: object = value.split(SEPARATOR) if WORDS[key].many else value
    text = json.dumps(kept, ensure_ascii=False)
    if value == WORDS[key].default:
        if current is not None:
            journal.delete(s, "setting", "name = ?", (key,))
    elif current is None:
        journal.insert(s, "setting", {"name": key, "value": text})
    elif current != text:
        journal.update(s, "setting", (key,), {"value": text})
