"""The settings that are words (a day, a URL, your addresses), beside the numbers of ``core/settings.py``.

Each has a default, a line for `net settings --all` and a check of what a user types,
which returns the value as kept. ``my_emails`` holds several addresses: typed as one
text, shown joined by ", " and stored as a JSON list (``store/words.py``).
``OTHER_NAMES`` lists every name the numeric settings skip.
"""

from collections.abc import Callable
from typing import NamedTuple

from quietnet.core.me import MY_EMAILS, parse_emails
from quietnet.core.text import shown
from quietnet.errors import InputError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEPARATOR = ", "  # between the values of a setting that holds several


def weekday(text: str) -> str:
    """A day of the week as a user types it (``Friday``, ``fri``), as its full lower-case name."""
    typed = text.strip().casefold()
    found = [d for d in WEEKDAYS if len(typed) >= 3 and d.startswith(typed)]
    if len(found) != 1:
        raise InputError(f"review_day is a day of the week, like monday or friday, not '{shown(text)}'.")
    return found[0]


def _smtp_url(text: str) -> str:
    from quietnet.core.mailserver import for_setting

    return for_setting(text)


def _emails(text: str) -> str:
    return SEPARATOR.join(parse_emails(text))


class Word(NamedTuple):
    default: str
    about: str
    check: Callable[[str], str]
    many: bool = False  # several values: shown joined by SEPARATOR, stored as a JSON list


WORDS: dict[str, Word] = {
    "review_day": Word("monday", "the day net remind email adds the weekly review", weekday),
    "smtp_url": Word("", "the mail server net remind email sends through (no password in it)", _smtp_url),
    MY_EMAILS: Word("", "your own addresses, for net capture mail and net remind", _emails, many=True),
}

OTHER_NAMES: frozenset[str] = frozenset(WORDS)
