"""Names as people type them: resolution to one person, and how a list of names reads.

A person is named by full name, nickname, a whole word of either, a unique prefix
of either (or of any word of the name) or ``#id``, case- and accent-insensitively;
a closer kind of match wins over a looser one. Resolution works
on plain tuples so it stays pure; the store fetches the keys.
"""

from collections.abc import Callable, Sequence
from typing import NamedTuple

from quietnet.core.fields import clean_name
from quietnet.core.text import fold
from quietnet.errors import AmbiguousError, InputError, NotFoundError, QuietnetError


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


class Resolved(NamedTuple):
    """The person a name picked, and who else it names as a whole word (a nickname beat them)."""

    key: NameKey
    also: tuple[NameKey, ...]


def _tiers(keys: Sequence[NameKey], query: str) -> tuple[list[NameKey], list[NameKey], list[NameKey]]:
    """Who ``query`` names exactly (full name or nickname), as whole words of either, and by a prefix."""
    wanted = query.split()
    exact: list[NameKey] = []
    whole: list[NameKey] = []
    prefix: list[NameKey] = []
    for k in keys:
        name, nick = fold(k.name), fold(k.nickname or "")
        if query in (name, nick):
            exact.append(k)
            continue
        runs = [name.split(), nick.split()]
        if any(run[i : i + len(wanted)] == wanted for run in runs for i in range(len(run))):
            whole.append(k)
        elif any(f.startswith(query) for f in [name, *name.split(), nick] if f):
            prefix.append(k)
    return exact, whole, prefix


def _matches(keys: Sequence[NameKey], query: str) -> Resolved | list[NameKey]:
    """The one person the closest tier holds (with the whole-word matches an exact one beat), or the tier."""
    exact, whole, prefix = _tiers(keys, query)
    found = exact or whole or prefix
    if len(found) == 1:
        return Resolved(found[0], tuple(whole) if exact else ())
    return found


def resolve(keys: Sequence[NameKey], typed: str) -> NameKey:
    """The one person ``typed`` names, or NotFoundError / AmbiguousError."""
    return resolve_noting(keys, typed).key


def resolve_noting(keys: Sequence[NameKey], typed: str) -> Resolved:
    """Like ``resolve``, with whom else ``typed`` names as a whole word when a full name or nickname won.

    A full name or nickname beats a whole word of a name, which beats a prefix:
    ``wei`` is Wei Zhang rather than Hannah Weiss, ``tom`` the one nicknamed tom.
    """
    text = clean_name(typed)  # refuses empty, over-long and control-character names
    if text.startswith("#"):
        digits = text[1:]
        if not digits.isdigit():
            raise InputError(f'"{typed}" is not a person id; ids look like #12.')
        wanted = int(digits)
        for k in keys:
            if k.id == wanted:
                return Resolved(k, ())
        raise NotFoundError(f"No one has the id #{wanted}.")
    query = fold(text)
    if not query:
        raise InputError("A name can't be empty.")
    found = _matches([k for k in keys if not k.archived], query)
    if isinstance(found, list) and not found:
        found = _matches([k for k in keys if k.archived], query)
    if isinstance(found, Resolved):
        return found
    if found:
        listed = ", ".join(f"{k.name} (#{k.id})" for k in sorted(found, key=lambda k: k.id)[:8])
        more = f" and {len(found) - 8} more" if len(found) > 8 else ""
        raise AmbiguousError(
            f'"{typed}" could be several people: {listed}{more}. '
            "Use more of the name or the #id; nothing was changed."
        )
    raise NotFoundError(_not_found(keys, typed, query))


def names_whole(keys: Sequence[NameKey], typed: str) -> bool:
    """Whether ``typed`` is someone's full name, nickname, or a whole word of either (a prefix is not)."""
    query = fold(typed)
    exact, whole, _ = _tiers(keys, query)
    return bool(query) and bool(exact or whole)


def naming(key: NameKey, keys_for: Callable[[str], Sequence[NameKey]], *, besides: str = "") -> str:
    """The shortest start of ``key``'s name (or their nickname) that names them alone, else their #id.

    ``keys_for(text)`` gives the people ``text`` might name (the store's prefilter); starts
    of ``besides`` (what was typed, naming someone else) are not tried.
    """
    forms = [fold(key.nickname)] if key.nickname else []
    full, typed = fold(key.name), fold(besides)
    forms += [full[:end] for end in range(min(3, len(full)), len(full) + 1) if not full[:end].endswith(" ")]
    for form in (f for f in forms if not typed.startswith(f)):
        try:
            if resolve(keys_for(form), form).id == key.id:
                return form
        except QuietnetError:
            continue
    return f"#{key.id}"


def _not_found(keys: Sequence[NameKey], typed: str, query: str) -> str:
    close = close_names(keys, query)
    if close:
        names = " or ".join(close)
        return f'No one called "{typed}". Did you mean {names}?'
    return f'No one called "{typed}". Add them with: net add "{typed}"'


def close_names(keys: Sequence[NameKey], query: str) -> list[str]:
    """Up to three names whose full name, a word of it or the nickname is spelled like ``query`` (folded)."""
    import difflib

    by_form: dict[str, list[str]] = {}  # full names, their words and nicknames -> names
    for k in sorted(keys, key=lambda k: k.id):
        for form in {fold(k.name), *fold(k.name).split(), fold(k.nickname or "")} - {""}:
            by_form.setdefault(form, []).append(k.name)
    forms = difflib.get_close_matches(query, list(by_form), n=6, cutoff=0.6)
    return list(dict.fromkeys(name for form in forms for name in by_form[form]))[:3]
