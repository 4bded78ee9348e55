"""Your own email addresses, kept in the ``setting`` table under ``my_emails`` (rule: ``core/me.py``).

``emails`` is the one reader: `net capture mail` takes them as your side of a
message, and the reminders send to the first one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from quietnet.core.me import MY_EMAILS
from quietnet.engine.sqlite import Session
from quietnet.store import journal


def emails(s: Session) -> list[str]:
    """Your addresses, lower-case, in the order you gave them; [] when none is set."""
    value = s.scalar("SELECT value FROM setting WHERE name = ?", (MY_EMAILS,))
    return [] if value is None else [str(e) for e in json.loads(value)]


def set_emails(s: Session, addresses: Sequence[str]) -> None:
    """Keep ``addresses`` (checked by ``core.me.parse_emails``); none forgets the setting. Journalled."""
    current = s.scalar("SELECT value FROM setting WHERE name = ?", (MY_EMAILS,))
    if not addresses:
        if current is not None:
            journal.delete(s, "setting", "name = ?", (MY_EMAILS,))
        return
    text = json.dumps(list(addresses), ensure_ascii=False)
    if current is None:
        journal.insert(s, "setting", {"name": MY_EMAILS, "value": text})
    elif current != text:
        journal.update(s, "setting", (MY_EMAILS,), {"value": text})
