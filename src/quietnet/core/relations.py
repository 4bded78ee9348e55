"""How two people you know are related: the roles, and the words for each side.

`net relate ana tom --as ROLE` records that Tom is Ana's ROLE. A role is one of
``ROLES`` or a few words of your own ("neighbour", "mentor"). Each side of a
relationship reads it its own way: on Ana's profile Tom is her child, on Tom's
Ana is his parent; Ana was introduced by Tom, and Tom introduced you to Ana (``introduced-by``).
A profile lists them as ``label: name`` ("child: Tom Hughes", "introduced by: Tom Hughes").
"""

from typing import NamedTuple

from quietnet.core.fields import one_line
from quietnet.errors import InputError

# role -> (what the other is, seen from the first person's side; what the first is, from the other's)
ROLES: dict[str, tuple[str, str]] = {
    "partner": ("partner", "partner"),
    "spouse": ("spouse", "spouse"),
    "parent": ("parent", "child"),
    "child": ("child", "parent"),
    "sibling": ("sibling", "sibling"),
    "colleague": ("colleague", "colleague"),
    "friend": ("friend", "friend"),
    "introduced-by": ("introduced by", "introduced you to"),
}
# Roles that say both are each other's (shown the same from both sides)
MUTUAL = ("partner", "spouse", "sibling", "colleague", "friend")
# Partners and spouses know each other: net intro and net give never offer to introduce them
CLOSE = ("partner", "spouse")
# What vCard's RELATED;TYPE= calls a role (RFC 6350 section 6.6.6), where it maps
VCARD_TYPES = {
    "partner": "sweetheart", "spouse": "spouse", "parent": "parent", "child": "child",
    "sibling": "sibling", "colleague": "colleague", "friend": "friend",
}  # fmt: skip
MAX_ROLE = 60


class Related(NamedTuple):
    """One relationship as seen from one person's profile."""

    id: int
    other_id: int
    other: str
    label: str  # shown before the other's name: "partner", "child", "introduced by", "neighbour of"
    role: str  # as stored: what the other_id person is to the person_id one


def role(raw: str) -> str:
    """A role as stored: a known one (any case), or a few words of one's own."""
    text = one_line(raw, what="A relationship", limit=MAX_ROLE).casefold()
    text = " ".join(text.split())
    if text in ("introduced by", "introducedby"):
        text = "introduced-by"
    if not any(c.isalpha() for c in text):  # empty, or only marks ("--")
        raise InputError(
            f"Say how they are related, e.g. net relate ana tom --as partner ({', '.join(ROLES)},"
            " or your own word)."
        )
    return text


def label(role_: str, *, mine: bool) -> str:
    """What the other person is, from one side: ``mine`` when the profile is the first person's."""
    if role_ in ROLES:
        return ROLES[role_][0 if mine else 1]
    return role_ if mine else f"{role_} of"


def sentence(role_: str, first: str, second: str) -> str:
    """The whole sentence for a relationship where ``second`` is ``first``'s ``role_``."""
    if role_ in MUTUAL:
        plural = {"partner": "partners", "spouse": "spouses", "sibling": "siblings",
                  "colleague": "colleagues", "friend": "friends"}[role_]  # fmt: skip
        return f"{first} and {second} are {plural}"
    if role_ == "parent":
        return f"{second} is a parent of {first}"
    if role_ == "child":
        return f"{second} is a child of {first}"
    if role_ == "introduced-by":
        return f"{second} introduced you to {first}"
    return f"{second} is {first}'s {role_}"


def vcard_related(rows: list[tuple[int, int, str]], uids: dict[int, str]) -> dict[int, list[tuple[str, str]]]:
    """Per person id, the (TYPE, UID) of each RELATED line their card carries, where vCard has the role.

    ``rows`` are (person_id, other_id, role): the other is the person's role, and the
    person is the other's reverse (a parent's child).
    """
    cards: dict[int, list[tuple[str, str]]] = {}
    for first, second, role_ in rows:
        if role_ not in VCARD_TYPES:
            continue
        cards.setdefault(first, []).append((VCARD_TYPES[role_], uids[second]))
        cards.setdefault(second, []).append((VCARD_TYPES[ROLES[role_][1]], uids[first]))
    return cards


ANNIVERSARIES = ("anniversary", "wedding anniversary", "wedding")  # what vCard's ANNIVERSARY means


def anniversaries(rows: list[tuple[int, str, str]]) -> dict[int, str]:
    """Per person id, the day of their first yearly date labelled as an anniversary (vCard's ANNIVERSARY)."""
    found: dict[int, str] = {}
    for person_id, label_, day in rows:
        if label_.casefold() in ANNIVERSARIES:
            found.setdefault(person_id, day)
    return found
