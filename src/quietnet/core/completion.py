"""Which names a word being completed may become (`net log an<Tab>`): pure, fed by the store."""

from typing import NamedTuple

from quietnet.core.text import fold


class Named(NamedTuple):
    """One person as completion sees them: names as written, and folded as they are matched."""

    name: str
    nickname: str | None
    folded_name: str
    folded_nickname: str


def starting_with(people: list[Named], typed: str) -> list[str]:
    """Full names that ``typed`` starts, or one of whose words it starts, and nicknames it starts.

    Folded as names are resolved (case and accents aside), so ``jose`` offers
    José Núñez and ``ruiz`` offers Ana Ruiz; sorted, each once.
    """
    start = fold(typed.strip())
    found: dict[str, str] = {}
    for p in people:
        if p.folded_name.startswith(start) or f" {start}" in f" {p.folded_name}":
            found[p.name] = p.folded_name
        if p.nickname and p.folded_nickname.startswith(start):
            found[p.nickname] = p.folded_nickname
    return sorted(found, key=lambda shown: (found[shown], shown))
