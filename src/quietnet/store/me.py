"""Who you are: your own email addresses (the ``my_emails`` setting, a JSON list).

Mail capture (issue 18) sets them; `net remind email` sends to the first one by default.
"""

from __future__ import annotations

import json

from quietnet.engine.sqlite import Session

KEY = "my_emails"


def emails(s: Session) -> list[str]:
    """Your addresses, in the order you gave them; none when the setting is not there."""
    value = s.scalar("SELECT value FROM setting WHERE name = ?", (KEY,))
    if value is None:
        return []
    found = json.loads(value)
    return [str(e) for e in found] if isinstance(found, list) else []
