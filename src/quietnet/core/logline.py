"""What the words after `net log` say: who, which kind, and perhaps when.

``net log ana and tom coffee yesterday`` names Ana and Tom, a coffee, yesterday.
Pure: whether a word names someone is asked of a function the caller passes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple

from quietnet.core import kinds
from quietnet.core.dates import parse_day
from quietnet.core.text import shown
from quietnet.errors import DateError, InputError

JOINING = frozenset({"and", "&"})  # between names: `net log ana and tom`
LONGEST_DATE = 3  # words: "3 days ago", "last tuesday", "June 3"


class LogLine(NamedTuple):
    """The names as typed, the kind (and the word typed for it), a trailing date as typed."""

    names: list[str]
    kind: kinds.Kind
    said: str | None
    day_text: str | None
    kind_slot: bool  # no kind anywhere: the last of several names stands where a kind would


def read(
    words: Sequence[str],
    *,
    kind: str | None,
    on: str | None,
    today: date,
    names_someone: Callable[[str], bool],
) -> LogLine:
    """Split the words of `net log` into names, a kind and a day.

    A trailing date (``yesterday``, ``last tue``, ``3 days ago``, ``on friday``) is
    the day (refused beside ``--on``), unless that one word names someone. Then
    a last word that is a kind is the kind; ``and`` between names joins them.
    """
    rest = [w.strip().removesuffix(",") for w in words]
    rest = [w for w in rest if w.strip()] or list(words)
    rest, day_text = _trailing_day(rest, today, names_someone)
    if on is not None and day_text is not None:
        raise InputError(
            f'Two days were given, "{shown(day_text)}" and --on "{shown(on)}"; keep one. Nothing was changed.'
        )
    if kind is not None:
        found = kinds.lookup(kind)
        if found is None:
            raise InputError(f'"{shown(kind)}" is not a kind of contact. {kinds.listing()}')
        said: str | None = kind.strip().casefold()
    elif len(rest) > 1 and (found := kinds.lookup(rest[-1])) is not None:
        rest, said = rest[:-1], rest[-1].strip().casefold()
    else:
        found, said = kinds.BY_NAME[kinds.DEFAULT_KIND], None
    names = [w for i, w in enumerate(rest) if not (0 < i < len(rest) - 1 and w.casefold() in JOINING)]
    return LogLine(names, found, said, day_text, kind is None and said is None and len(names) > 1)


def _trailing_day(
    words: list[str], today: date, names_someone: Callable[[str], bool]
) -> tuple[list[str], str | None]:
    for size in range(min(LONGEST_DATE, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        if not _is_day(tail, today) or (size == 1 and names_someone(tail)):
            continue
        head = words[:-size]
        if len(head) > 1 and head[-1].casefold() == "on":
            head = head[:-1]
        return head, tail
    return words, None


def _is_day(text: str, today: date) -> bool:
    """Whether ``text`` reads as a day (one after today too: the log then says why it can't be)."""
    try:
        parse_day(text, today=today, allow_future=True)
    except DateError:
        return False
    return True


def neither(typed: str, close_names: Sequence[str]) -> str:
    """Why a last word was refused: it names no one and is not a kind (with the nearest of both)."""
    import difflib

    close = difflib.get_close_matches(typed.strip().casefold(), [*kinds.ALIASES], n=2, cutoff=0.7)
    close = close or list(close_names)  # a kind spelled nearly right is the likelier slip
    mean = f"; did you mean {' or '.join(close)}?" if close else "."
    return f'"{shown(typed)}" is neither someone you know nor a kind of contact{mean} {kinds.listing()}'
