"""The one table of interaction kinds, their aliases, weights and energy costs.

Parsing (``net log ana coffee``), scheduling, help text and the docs all read
this table, so an alias added here works everywhere at once
(``scheduling.md`` section 2).
"""

import re
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

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)

# Every word a user may type for a kind, mapped to the kind's name.
ALIASES: dict[str, str] = {
    **{k.name: k.name for k in KINDS},
    **{alias: k.name for k in KINDS for alias in k.aliases},
}

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


def lookup(word: str) -> Kind | None:
    """The kind a typed word names (``coffee`` -> meet), or None."""
    name = ALIASES.get(word.strip().casefold())
    return BY_NAME[name] if name else None


def alias_summary() -> str:
    """One line per kind for help text and docs: ``meet (coffee, lunch, ...)``."""
    return "; ".join(f"{k.name} ({', '.join(k.aliases)})" if k.aliases else k.name for k in KINDS)


def guess(text: str) -> tuple[str, str | None]:
    """The kind a written line describes, and the word it was told by when that word is an alias.

    ``Got lunch with Ana`` -> (meet, lunch); ``Called Tom`` -> (call, None); no such word -> meet.
    """
    for word in re.findall(r"[^\W\d_]+", text.casefold()):
        if word in WORDS_OF_KINDS:
            return WORDS_OF_KINDS[word], word if word in ALIASES else None
    return GUESSED_KIND, None
