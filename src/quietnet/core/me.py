"""Your own email addresses (`net settings set my_emails "a@x.org, b@y.com"`): the rule for them.

They tell `net capture mail` which side of a message is you, and the reminders
use the first one as the default recipient. Stored as text in the ``setting``
table under ``MY_EMAILS`` (``store/me.py``), beside the scheduler's numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from quietnet.core import fields
from quietnet.errors import InputError

MY_EMAILS = "my_emails"  # the setting's name, as typed and as stored
MAX_MY_EMAILS = 50  # more than anyone sends mail from


def parse_emails(raw: str | Iterable[str]) -> tuple[str, ...]:
    """Addresses separated by commas, spaces or semicolons (or a list of them): checked, lower-cased,
    each once, in the order given. An empty text means none."""
    parts = raw.replace(";", ",").replace(",", " ").split() if isinstance(raw, str) else list(raw)
    found: dict[str, None] = {}
    for part in parts:
        if not isinstance(part, str):
            raise InputError(f'{MY_EMAILS} holds addresses as text, like "a@x.org, b@y.com".')
        found[fields.email(part).lower()] = None
    if len(found) > MAX_MY_EMAILS:
        raise InputError(f"{MY_EMAILS} takes at most {MAX_MY_EMAILS} addresses (this has {len(found)}).")
    return tuple(found)
