"""One set of rules per field: characters, length and format, for every path in.

Every command (add, edit, log, helped, promise, need, tag, settings...), every
import (vCard, CSV, LinkedIn, JSON) and ``net copy`` check a field with the
function here, so a value one path refuses no other path stores. Pure: no SQL,
no clock (``today`` is passed in), no screen. A refused value is repeated
through ``text.shown``: escaped and cut.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from quietnet.core import dates
from quietnet.core.text import fold, has_control, shown
from quietnet.errors import DateError, InputError

MAX_NAME = 200  # a name, a nickname, a phone number: one line
MAX_FIELD = 2_000  # company, role, city, how you met, interests; what you did, a promise
MAX_TEXT = 10_000  # notes (a person's, a conversation's)
MAX_EMAIL = 254  # RFC 5321's longest usable address
MAX_TAG = 50

# Characters that draw nothing; a name made only of them looks empty. Zero-width
# joiners stay allowed inside a name (emoji, Persian), just not on their own.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _only_invisible(text: str) -> bool:
    return all(
        c.isspace() or unicodedata.category(c) in ("Cf", "Mn", "Me") or c in _BLANK_LETTERS for c in text
    )


def clean_name(raw: str, *, what: str = "A name") -> str:
    """A name as it will be stored, or InputError: NFC, trimmed, one line, sane length."""
    name = unicodedata.normalize("NFC", raw).strip()
    if not name:
        raise InputError(f"{what} can't be empty.")
    if len(name) > MAX_NAME:  # first: scanning megabytes for control characters takes seconds
        raise InputError(f"{what} can be at most {MAX_NAME} characters (this one has {len(name):,}).")
    if has_control(name, allow_newlines=False):
        raise InputError(f"{what} can't contain control characters (such as tabs, newlines or NUL).")
    if _only_invisible(name):
        raise InputError(f"{what} can't be made only of invisible characters.")
    return name


def _trimmed(raw: str, what: str, limit: int) -> str:
    text = unicodedata.normalize("NFC", raw).strip()
    if len(text) > limit:  # first: scanning megabytes for control characters takes seconds
        raise InputError(f"{what} can be at most {limit:,} characters (this one has {len(text):,}).")
    return text


def clean_text(raw: str, *, what: str = "A note", limit: int = MAX_TEXT) -> str:
    """Notes (a person's, a conversation's): NFC, trimmed, newlines and tabs allowed."""
    text = _trimmed(raw, what, limit)
    if has_control(text, allow_newlines=True):
        raise InputError(f"{what} can't contain control characters other than newlines and tabs.")
    return text


def one_line(raw: str, *, what: str, limit: int = MAX_FIELD) -> str:
    """Every other text (company, city, what you did...): NFC, trimmed, one line; empty clears it."""
    text = _trimmed(raw, what, limit)
    if has_control(text, allow_newlines=False):
        raise InputError(f"{what} is one line: no newlines, tabs or other control characters.")
    return text


def person_name(raw: str) -> str:
    """A new or changed person's name: as clean_name, and not mistakable for an #id."""
    name = clean_name(raw)
    if name.startswith("#"):
        raise InputError(f'A name can\'t start with "#" ({shown(name)}): #12 is how ids are written.')
    return name


def nickname(raw: str) -> str:
    """A nickname: a name that works in every command, so never an #id."""
    nick = clean_name(raw, what="A nickname")
    if nick.startswith("#"):
        raise InputError(f'A nickname can\'t start with "#" ({shown(nick)}): #12 is how ids are written.')
    return nick


def email(raw: str) -> str:
    """An email address: one line without spaces, an @, at most 254 characters."""
    text = raw.strip()
    if len(text) > MAX_EMAIL:
        raise InputError(
            f"An email address can be at most {MAX_EMAIL} characters (this one has {len(text):,})."
        )
    if "@" not in text or any(c.isspace() for c in text) or has_control(text, allow_newlines=False):
        raise InputError(f'"{shown(text)}" does not look like an email address.')
    return text


def phone(raw: str) -> str:
    return clean_name(raw, what="A phone number")


def tag(raw: str) -> str:
    """A tag as stored: one folded word (spaces become -), no , # +, at most 50 characters."""
    text = raw.strip()
    folded = fold(text[: MAX_TAG * 4]).replace(" ", "-")
    if (
        not folded
        or len(folded) > MAX_TAG
        or any(c in folded for c in ",#+")
        or any(c.isspace() for c in folded)
        or has_control(folded, allow_newlines=False)
    ):
        raise InputError(
            f'"{shown(text)}" is not a usable tag; tags are single words like novel or climbing.'
        )
    return folded


def choice(raw: str, choices: tuple[str, ...], *, what: str) -> str:
    """One of ``choices`` (case-insensitive), or InputError listing them."""
    value = raw.strip().casefold()
    if value not in choices:
        raise InputError(f'"{shown(raw.strip())}" is not {what}; choose one of {", ".join(choices)}.')
    return value


def uuid(raw: str) -> str:
    """A UUID in its canonical form (lower case, with hyphens)."""
    import uuid as uuidlib

    try:
        return str(uuidlib.UUID(raw.strip()))
    except ValueError:
        raise InputError(f'"{shown(raw)}" is not a UUID.') from None


def birthday(raw: str, *, today: date | None = None) -> str:
    """``MM-DD``, or ``YYYY-MM-DD`` with a year (never after ``today``), from any form dates reads."""
    year, month, day = dates.parse_birthday(raw)
    if year is not None and today is not None and (year, month, day) > (today.year, today.month, today.day):
        raise InputError(
            f"A birthday can't be after today ({today.isoformat()}); "
            f'"{shown(raw.strip())}" has not happened yet. Give MM-DD if the year is unsure.'
        )
    return dates.format_birthday(year, month, day)


MAX_LABEL = 60  # a yearly date's label: "wedding anniversary"


def yearly_day(raw: str, *, today: date | None = None) -> str:
    """A yearly date as stored, ``MM-DD`` or ``YYYY-MM-DD``: read as a birthday is, worded as a date."""
    try:
        year, month, day = dates.parse_birthday(raw)
    except DateError as e:
        raise DateError(
            str(e).replace(
                "as a birthday. Try 06-21, 1980-06-21 or June 21",
                "as a yearly date. Try 06-12, 2015-06-12 or June 12",
            )
        ) from None
    if year is not None and today is not None and (year, month, day) > (today.year, today.month, today.day):
        raise InputError(
            f"A yearly date with a year can't be after today ({today.isoformat()}); "
            f'"{shown(raw.strip())}" has not happened yet. Give MM-DD for one still to come.'
        )
    return dates.format_birthday(year, month, day)
