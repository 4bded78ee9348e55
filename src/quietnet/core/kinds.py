"""The one table of interaction kinds, their aliases, weights and energy costs.

Parsing (``net log ana coffee``), scheduling, help text and the docs all read
this table, so an alias added here works everywhere at once
(``scheduling.md`` section 2).
"""

import re
from collections.abc import Iterable
from typing import NamedTuple


class Kind(NamedTuple):
    name: str
    weight: float
    energy: int
    aliases: tuple[str, ...]
    noun: str  # how a sentence names it: "45 days since a call"


KINDS: tuple[Kind, ...] = (
    Kind("meet", 1.0, 3, ("coffee", "lunch", "dinner", "walk", "visit", "meeting"), "meeting"),
    Kind("video", 0.9, 2, (), "video call"),
    Kind("call", 0.8, 2, ("phone",), "call"),
    Kind("help", 0.8, 1, (), "help"),
    Kind("message", 0.5, 1, ("email", "letter", "dm", "note"), "message"),
    Kind("text", 0.3, 0, ("sms", "chat"), "text"),
    Kind("greeting", 0.3, 0, ("birthday", "holiday"), "greeting"),
    Kind("react", 0.1, 0, ("like", "comment", "emoji"), "reaction"),
)

BUILT_IN: dict[str, Kind] = {k.name: k for k in KINDS}
KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)  # the built-in kinds, in order

# Every word a user may type for a built-in kind, mapped to the kind's name.
BUILT_IN_ALIASES: dict[str, str] = {
    **{k.name: k.name for k in KINDS},
    **{alias: k.name for k in KINDS for alias in k.aliases},
}

# The kinds of the store in use: the built-in ones and the user's own (`net kind add`), which
# ``use`` sets when a command opens the store. Each command reads one store, so one table serves
# parsing, scheduling and sentences alike.
BY_NAME: dict[str, Kind] = dict(BUILT_IN)
ALIASES: dict[str, str] = dict(BUILT_IN_ALIASES)

DEFAULT_KIND = "message"

# Words that say what kind of contact a written line describes ("Got lunch with Ana", "Talked on
# the phone"), for imports of diaries such as friends.md; the first one found decides, else meet.
_WORDS_BY_KIND = {
    "meet": "coffee lunch dinner breakfast brunch drinks walk hike visit visited met meeting",
    "call": "call called phone phoned rang",
    "video": "video zoom facetime skype",
    "text": "texted sms whatsapp chatted",
    "message": "email emailed wrote letter messaged",
}
WORDS_OF_KINDS: dict[str, str] = {w: kind for kind, words in _WORDS_BY_KIND.items() for w in words.split()}
GUESSED_KIND = "meet"

HELP_KINDS: tuple[str, ...] = (
    "intro",
    "advice",
    "referral",
    "resource",
    "recommendation",
    "favor",
    "other",
)


def use(own: Iterable[Kind]) -> None:
    """Make the built-in kinds and ``own`` (the store's own kinds) the kinds in use."""
    BY_NAME.clear()
    BY_NAME.update(BUILT_IN)
    ALIASES.clear()
    ALIASES.update(BUILT_IN_ALIASES)
    for kind in own:
        BY_NAME[kind.name] = kind
        ALIASES[kind.name] = kind.name


def article(noun: str) -> str:
    """``a call``, ``an email``, ``an sms``, ``an archery catch-up``."""
    return ("an " if noun[:1] in "aeiou" or noun == "sms" else "a ") + noun


def own_kinds() -> tuple[Kind, ...]:
    """The user's own kinds in use, by name."""
    return tuple(sorted((k for k in BY_NAME.values() if k.name not in BUILT_IN), key=lambda k: k.name))


def lookup(word: str) -> Kind | None:
    """The kind a typed word names (``coffee`` -> meet), or None."""
    name = ALIASES.get(word.strip().casefold())
    return BY_NAME[name] if name else None


def alias_summary() -> str:
    """One line per kind for help text and docs: ``meet (coffee, lunch, ...)``."""
    every = (*KINDS, *own_kinds())
    return "; ".join(f"{k.name} ({', '.join(k.aliases)})" if k.aliases else k.name for k in every)


def listing() -> str:
    """The end of every refusal of a word that is not a kind: the kinds, and how to add one."""
    return f"Kinds: {alias_summary()}; add your own with net kind add."


def guess(text: str) -> tuple[str, str | None]:
    """The kind a written line describes, and the word it was told by when that word is an alias.

    ``Got lunch with Ana`` -> (meet, lunch); ``Called Tom`` -> (call, None); no such word -> meet.
    """
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        if word in WORDS_OF_KINDS:
            return WORDS_OF_KINDS[word], word if word in ALIASES else None
    return GUESSED_KIND, None


_OWN_NAME = re.compile(r"[^\W\d_][\w-]{0,29}")
NOT_KINDS = frozenset({"and", "with", "on"})  # words `net log` reads otherwise (and any day: friday, june)


def _reads_as_a_day(word: str) -> bool:
    """Whether `net log ana WORD` would read the word as the day (``friday``, ``tue``, ``june``)."""
    from datetime import date

    from quietnet.core.dates import parse_day
    from quietnet.errors import DateError

    try:
        parse_day(word, today=date(2000, 1, 1), allow_future=True)  # a single word reads alike on any day
    except DateError:
        return False
    return True


def define(
    name: str, *, like: str | None, weight: float | None, energy: int | None, taken: Iterable[str] = ()
) -> Kind:
    """A new kind of contact named ``name``, weighed like the kind ``like`` unless told otherwise.

    Refused (InputError): a name that is not one word, a word that already names a kind (built-in
    or in ``taken``),
    neither ``like`` nor both weight and energy, a weight outside 0.1-1.0 or energy outside 0-5.
    """
    from quietnet.core.text import shown
    from quietnet.errors import InputError

    word = name.strip().casefold()
    if not _OWN_NAME.fullmatch(word):
        raise InputError(
            f'"{shown(name.strip())}" can\'t name a kind: use one word of letters (digits and - may follow), '
            "up to 30 characters, e.g. climbing."
        )
    if word in BUILT_IN_ALIASES:
        raise InputError(
            f'"{word}" is already a kind ({BUILT_IN_ALIASES[word]}); net kind list shows them all.'
        )
    if word in taken:
        raise InputError(f'"{word}" is already one of your kinds; net kind list shows them all.')
    if word in NOT_KINDS or _reads_as_a_day(word):
        raise InputError(f'"{word}" can\'t name a kind: net log reads it as part of the sentence.')
    base = None
    if like is not None:
        base = BY_NAME.get(ALIASES.get(like.strip().casefold(), ""))
        if base is None:
            raise InputError(
                f'"{shown(like.strip())}" is not a kind; --like takes one of {", ".join(BY_NAME)}.'
            )
    if base is None and (weight is None or energy is None):
        raise InputError(f"Say what {word} is like (--like meet) or give both --weight and --energy.")
    w = weight if weight is not None else base.weight if base else 0.0
    e = energy if energy is not None else base.energy if base else 0
    if not 0.1 <= w <= 1.0:
        raise InputError(f"--weight is how much {word} counts as a catch-up: from 0.1 to 1.0 (meet is 1.0).")
    if not 0 <= e <= 5:
        raise InputError(f"--energy is what {word} costs you: from 0 to 5 (meet is 3).")
    return own(word, weight=w, energy=e)


def own(name: str, *, weight: float, energy: int) -> Kind:
    """An own kind as the scheduler and sentences use it: "45 days since a climbing catch-up"."""
    return Kind(name, round(weight, 2), energy, (), f"{name} catch-up")
