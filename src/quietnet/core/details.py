"""Records of the helping and import commands (dataclasses): the store fills them, render/ words them

Kept apart from ``core/records.py`` and ``core/profile.py`` (NamedTuples), which `net today`
and `net show` import: loading ``dataclasses`` would cost those paths several milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quietnet.core.give import Match


@dataclass(frozen=True)
class NeedMatch:
    """An open need, and the people you know who fit it."""

    loop_id: int
    person_id: int
    person: str
    need: str
    matches: tuple[Match, ...]


@dataclass
class Contact:
    """One person as a file describes them."""

    line: int  # where the record starts in its file
    name: str
    fields: dict[str, Any] = field(default_factory=dict)  # storable Person fields given (not name)
    tags: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()  # every address given, for matching; the first is fields["email"]
    uid: str | None = None  # a vCard UID
    uuid: str | None = None  # a quietnet person uuid (our own exports)
    card: str | None = None  # the original vCard, as read
    source: str = ""  # the file it came from


@dataclass(frozen=True)
class Entry:
    """A dated line naming people (a friends.md activity or note), as a file gives it."""

    line: int
    source: str
    day: date
    names: tuple[str, ...]  # the people it names, as written (each also a contact of the same read)
    text: str  # the line's words, markup removed
    kind: str | None = None  # the interaction's kind; None for a note (it goes to their notes)
    said: str | None = None  # the word the kind was guessed from (lunch, phone...)
