"""Who you are: your own email addresses, the ``my_emails`` word setting (rule: ``core/me.py``).

``emails`` is the one reader: `net capture mail` takes them as your side of a
message, and `net remind email` sends to the first one by default. They are set
as every word setting is (`net settings set my_emails`, ``store/words.py``).
"""

from __future__ import annotations

from quietnet.core.me import MY_EMAILS
from quietnet.core.words import SEPARATOR
from quietnet.engine.sqlite import Session
from quietnet.store import words


def emails(s: Session) -> list[str]:
    """Your addresses, lower-case, in the order you gave them; [] when none is set."""
    value = words.get(s, MY_EMAILS)
    return value.split(SEPARATOR) if value else []
