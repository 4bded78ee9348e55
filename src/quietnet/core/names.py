"""Names as people type them: resolution to one person, and how a list of names reads.

A person is named by full name, nickname, a unique prefix of either (or of any
word of the name) or ``#id``, case- and accent-insensitively. Resolution works
on plain tuples so it stays pure; the store fetches the keys.
"""

from collections.abc import Sequence
from typing import NamedTuple

from quietnet.core.fields import clean_name
from quietnet.core.text import fold
from quietnet.errors import AmbiguousError, InputError, NotFoundError


def listed(names: Sequence[str]) -> str:
    """``Ana``, ``Ana and Tom``, ``Ana, Tom and Mei`` (empty for no one)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class NameKey(NamedTuple):
    """What resolution needs of one person."""

    id: int
    name: str
    nickname: str | None
    archived: bool


def _matches(keys: Sequence[NameKey], query: str) -> list[NameKey]:
    exact = [k for k in keys if fold(k.name) == query or (k.nickname and fold(k.nickname) == query)]
    if exact:
        return exact

    def prefix(k: NameKey) -> bool:
        forms = [fold(k.name), *fold(k.name).split()]
        if k.nickname:
            forms.append(fold(k.nickname))
        return any(f.startswith(query) for f in forms)

    return [k for k in keys if prefix(k)]


def resolve(keys: Sequence[NameKey], typed: str) -> NameKey:
    """The one person ``typed`` names, or NotFoundError / AmbiguousError."""
    text = clean_name(typed)  # refuses empty, over-long and control-character names
    if text.startswith("#"):
        digits = text[1:]
        if not digits.isdigit():
            raise InputError(f'"{typed}" is not a person id; ids look like #12.')
        wanted = int(digits)
        for k in keys:
            if k.id == wanted:
                return k
        raise NotFoundError(f"No one has the id #{wanted}.")
    query = fold(text)
    if not query:
        raise InputError("A name can't be empty.")
    active = [k for k in keys if not k.archived]
    found = _matches(active, query) or _matches([k for k in keys if k.archived], query)
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{k.name} (#{k.id})" for k in sorted(found, key=lambda k: k.id)[:8])
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise AmbiguousError(
            f'"{typed}" could be several people: {listed}{more}. '
            "Use more of the name or the #id; nothing was changed."
        )
    raise NotFoundError(_not_found(keys, typed, query))


def _not_found(keys: Sequence[NameKey], typed: str, query: str) -> str:
    import difflib

    by_form: dict[str, list[str]] = {}  # full names, their words and nicknames -> names
    for k in sorted(keys, key=lambda k: k.id):
        for form in {fold(k.name), *fold(k.name).split(), fold(k.nickname or "")} - {""}:
            by_form.setdefault(form, []).append(k.name)
    forms = difflib.get_close_matches(query, list(by_form), n=6, cutoff=0.6)
    close = list(dict.fromkeys(name for form in forms for name in by_form[form]))[:3]
    if close:
        names = " or ".join(close)
        return f'No one called "{typed}". Did you mean {names}?'
    return f'No one called "{typed}". Add them with: net add "{typed}"'
