"""One email address as `net remind` sends to or from it: local@domain, nothing more.

A list (``a@x.org,b@y.org``), a display name (``Ana <a@x.org>``) or a bare ``@`` is refused:
the reminder goes to one person, you. Letters beyond ASCII are allowed (the server must then
offer SMTPUTF8); a domain without a dot only as ``localhost``.
"""

from __future__ import annotations

from quietnet.core.text import has_control, shown
from quietnet.errors import InputError

MAX_ADDRESS = 254
_SPECIALS = frozenset('<>()[]\\,;:"@')  # never inside the local part or the domain
_LOCAL_OK = frozenset("!#$%&'*+/=?^_`{|}~.-")


def _local_ok(local: str) -> bool:
    return (
        0 < len(local) <= 64
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
        and all(c.isalnum() or c in _LOCAL_OK or not c.isascii() for c in local)
    )


def _domain_ok(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2:
        return domain.casefold() == "localhost"
    return all(
        label
        and not label.startswith("-")
        and not label.endswith("-")
        and all(c.isalnum() or c == "-" for c in label)
        for label in labels
    )


def address(raw: str, *, what: str) -> str:
    """``raw`` as one address, or InputError naming ``what`` (``--to``, ``--from``...)."""
    text = raw.strip()
    local, at, domain = text.rpartition("@")
    if (
        at
        and len(text) <= MAX_ADDRESS
        and not has_control(text, allow_newlines=False)
        and not any(c.isspace() or c in _SPECIALS for c in local + domain)
        and _local_ok(local)
        and _domain_ok(domain)
    ):
        return text
    raise InputError(f"{what} takes one email address, like you@example.org, not '{shown(text)}'.")
