"""What every importer produces: contacts with checked fields, and problems with their line.

A ``Contact`` carries only what its source gave (an empty cell or a missing
property is simply absent, so a re-import never clears what you wrote). Each
field passes the same checks as ``net add`` would apply; a value that fails
becomes a ``Problem`` naming the file, the line and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quietnet.core import dates, fields
from quietnet.core.details import Contact, Entry
from quietnet.core.fields import MAX_TEXT
from quietnet.core.records import CIRCLES, ORIGINS, PERSON_FIELDS
from quietnet.core.text import fold, has_control, shown
from quietnet.errors import InputError

# The Person fields an import may set (those `net add` and `net edit` set), and the extra
# targets a column may map to.
FIELDS: tuple[str, ...] = PERSON_FIELDS
TARGETS: tuple[str, ...] = (*FIELDS, "first_name", "middle_name", "last_name", "tags", "uuid", "ignore")
YES = {"yes", "y", "true", "1", "x", "kin"}
NO = {"no", "n", "false", "0", ""}
MAX_SHOWN = 10


@dataclass(frozen=True)
class Problem:
    source: str
    line: int
    reason: str


@dataclass(frozen=True)
class Group:
    """A group card (iCloud's, vCard 4.0's KIND:group): not a person, a tag on its members."""

    name: str
    members: tuple[str, ...]  # their UIDs


@dataclass
class Read:
    """What reading one or more files gave: contacts, and the records that could not be read."""

    contacts: list[Contact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # columns no field was mapped to
    nameless: list[Problem] = field(default_factory=list)  # rows left out: no person's name in them
    said: list[str] = field(default_factory=list)  # how the file was read, said with the summary
    groups: list[Group] = field(default_factory=list)  # group cards, until they become tags
    entries: list[Entry] = field(default_factory=list)  # dated activities and notes (friends.md)


class Nameless(InputError):
    """A row names no person (a company-only contact, a hidden LinkedIn member): left out, counted."""


def refusal(problems: Sequence[Problem], *, what: str, skip_flag: str | None) -> InputError:
    """One InputError listing the problems (the first ten), each with its file and line."""
    hint = f"Fix them and run again, or add {skip_flag} to import the rest." if skip_flag else None
    if len(problems) == 1:
        p = problems[0]
        return InputError(f"{p.source}, line {p.line}: {p.reason} Nothing was imported.", hint=hint)
    head = f"{len(problems)} {what} could not be read, so nothing was imported:"
    lines = [f"  {p.source}, line {p.line}: {p.reason}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        lines.append(f"  ... and {len(problems) - MAX_SHOWN} more.")
    return InputError("\n".join([head, *lines]), hint=hint)


def tag_of(raw: str) -> str | None:
    """A usable tag from a label or category ("Book Club" -> book-club), or None."""
    if has_control(raw, allow_newlines=False):
        seen = shown(raw.strip())
        raise InputError(f'Tags: "{seen}" has control characters; tags are single words.')
    tag = re.sub(r"[,#+]", "", fold(raw).replace(" ", "-")).strip("-")[: fields.MAX_TAG]
    return tag or None


def label_tag(raw: str) -> str | None:
    """The tag of one label or category, by one rule for CSV and vCard, or None.

    Google marks its own groups with "* " in CSV ("* starred") and not in vCard
    ("starred"): the mark is dropped, "My Contacts" (everyone) is left out, and
    "starred" (or Android's "Starred in Android") becomes the tag ``starred``.
    """
    text = raw.strip().removeprefix("* ").strip()
    key = fold(text)
    if key in ("mycontacts", "my contacts"):
        return None
    if key in ("starred", "starred in android"):
        return "starred"
    return tag_of(text) if text else None


def tags_of(raw: str) -> tuple[str, ...]:
    """Tags from a cell: Google's "a ::: b" labels, or split by commas or semicolons (Outlook's)."""
    parts = raw.split(":::") if ":::" in raw else re.split("[,;]", raw)
    found = [tag for part in parts if (tag := label_tag(part))]
    return tuple(dict.fromkeys(found))


def looks_like_email(text: str) -> bool:
    try:
        fields.email(text)
    except InputError:
        return False
    return True


def check(name: str, raw: str, *, today: date) -> Any:
    """The storable value of one field, or InputError with the reason (the rules of fields.py)."""
    text = raw.strip()
    if name == "name":
        return fields.person_name(text)
    if name == "nickname":
        return fields.nickname(text)
    if name == "circle":
        return fields.choice(text, CIRCLES, what="a circle")
    if name == "origin":
        return fields.choice(text, ORIGINS, what="an origin")
    if name == "closeness":
        if text not in ("1", "2", "3", "4", "5"):
            raise InputError(f'Closeness goes from 1 to 5, not "{shown(text)}".')
        return int(text)
    if name == "kin":
        if text.casefold() not in YES | NO:
            raise InputError(f'Kin is yes or no, not "{shown(text)}".')
        return text.casefold() in YES
    if name == "cadence_days":
        return dates.parse_cadence(text)
    if name == "met_on":
        return dates.parse_day(text, today=today).isoformat()
    if name == "snoozed_until":
        return dates.parse_day(text, today=today, allow_future=True).isoformat()
    if name == "birthday":
        return fields.birthday(text, today=today)
    if name == "email":
        return fields.email(text)
    if name == "phone":
        return fields.phone(text)
    if name == "uuid":
        return fields.uuid(text)
    what = {"how_met": "How you met"}.get(name, name.capitalize())
    if name != "notes":
        return fields.one_line(text, what="It")  # the message starts with the field's label
    return fields.clean_text(text.replace("\r\n", "\n").replace("\r", "\n"), what=what, limit=MAX_TEXT)


def contact_from(values: dict[str, str], *, line: int, today: date) -> Contact:
    """A contact from raw text per target (as a CSV row maps them); InputError on a bad value."""
    given = {k: v.strip() for k, v in values.items() if v and v.strip() and k != "ignore"}
    raw_name = given.pop("name", "") or " ".join(
        given.pop(k) for k in ("first_name", "middle_name", "last_name") if k in given
    )
    for k in ("first_name", "middle_name", "last_name"):
        given.pop(k, None)
    if not raw_name.strip():
        raise Nameless("It has no name.")
    contact = Contact(line=line, name=_labelled("name", raw_name, today))
    for key, text in given.items():
        if key == "tags":
            contact.tags = tags_of(text)
        elif key == "uuid":
            contact.uuid = _labelled(key, text, today)
        elif key == "email":
            first = text.split(":::")[0].strip()  # Google joins several addresses with " ::: "
            contact.fields["email"] = _labelled(key, first, today)
            contact.emails = (contact.fields["email"],)
        elif key == "phone":
            contact.fields["phone"] = _labelled(key, text.split(":::")[0], today)
        elif text:
            value = _labelled(key, text, today)
            if value not in (None, ""):
                contact.fields[key] = value
    return contact


def _labelled(key: str, text: str, today: date) -> Any:
    try:
        return check(key, text, today=today)
    except InputError as exc:
        label = key.replace("_", " ").capitalize()
        raise InputError(f"{label}: {exc.message}") from None
