"""The Markdown file of the `friends` command-line tool (JacobEvelyn/friends), as it writes it.

::

    ### Activities:
    - 2024-05-02: Got lunch with **Ana Ruiz** and **Tom Berg** at _Café Nero_. @food

    ### Notes:
    - 2024-03-01: **Ana Ruiz** is moving to _Lisbon_ in the autumn.

    ### Friends:
    - Ana Ruiz (a.k.a. Annie a.k.a. AR) [Lisbon] @design @climbing
    - Tom Berg

    ### Locations:
    - Lisbon

Each friend becomes a contact: the first nickname (the others go to the notes
of someone new), the location as the city, the tags. Each activity becomes an
entry naming the friends in **bold**, its kind guessed from its words; each note
an entry for their notes. A bold name the Friends section does not list (the
tool's own ``clean`` would add it) becomes a contact too. Locations name no one
and are only checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from quietnet.core import dates, fields, kinds
from quietnet.core.details import Contact, Entry
from quietnet.core.text import fold, shown
from quietnet.errors import InputError
from quietnet.io.contact import Problem, Read, check, tag_of

SECTION_NAMES = ("### Activities:", "### Notes:", "### Friends:", "### Locations:")
SECTIONS = {name.casefold(): name[4:-1].casefold() for name in SECTION_NAMES}
_FRIEND = re.compile(
    r"(?P<name>[^(\[]+?)(?:\s+\((?P<aka>a\.k\.a\.\s.*?)\))?(?:\s+\[(?P<place>[^\]]+)\])?(?P<tags>(?:\s+@\S+)*)"
)
_DATED = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2}):\s*(?P<text>.*)")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
_PLACE = re.compile(r"(?<![\w\\])_(\w[^_]*)_(?!\w)")


def read(lines: Iterable[str], source: str, *, today: date, tick: Callable[[], None] = lambda: None) -> Read:
    """Every friend, activity and note of a friends.md file (its lines, with or without endings)."""
    found = Read()
    section: str | None = None
    headed = False  # a line "### ...:" was seen (known or not)
    sections = 0  # known sections seen
    blank = True
    dated: list[tuple[str, int, str, str]] = []  # section, line, day, text: read once the friends are known
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n").strip()
        if not line:
            continue
        blank = False
        if line.startswith("#"):
            section, headed = SECTIONS.get(" ".join(line.casefold().split())), True
            sections += section is not None
            if section is None:
                reason = f'"{shown(line)}" is not a section of friends.md ({", ".join(SECTION_NAMES)}).'
                found.problems.append(Problem(source, number, reason))
            continue
        if section is None:
            if not headed:
                reason = "It comes before the first section (### Activities: or ### Friends:)."
                found.problems.append(Problem(source, number, reason))
            continue  # the lines of an unknown section: reported once, at its heading
        item = line.removeprefix("- ").strip()
        try:
            if section == "friends":
                found.contacts.append(_friend(item, number, source, today))
            elif section in ("activities", "notes"):
                match = _DATED.fullmatch(item)
                if match is None:
                    raise InputError(f'"{shown(item)}" does not start with a date such as 2024-05-02: ...')
                dated.append((section, number, match["day"], match["text"]))
            tick()
        except InputError as exc:
            found.problems.append(Problem(source, number, exc.message))
    if blank:
        raise InputError(f"{source} is empty; nothing was imported.")
    if not sections:
        raise InputError(
            f"{source} doesn't look like a friends.md file (no ### Activities: or ### Friends: section); "
            "nothing was imported."
        )
    known = _Known(found.contacts)
    for section, number, day, text in dated:
        try:
            found.entries.append(_entry(section, number, day, text, source, today, known))
        except InputError as exc:
            found.problems.append(Problem(source, number, exc.message))
    found.problems.sort(key=lambda p: p.line)
    return found


def _friend(item: str, line: int, source: str, today: date) -> Contact:
    match = _FRIEND.fullmatch(item)
    if match is None:
        raise InputError(f'Can\'t read "{shown(item)}" as a friend: Name (a.k.a. Nick) [Place] @tag.')
    name = re.sub(r"^\*\*(.+)\*\*$", r"\1", match["name"].strip())  # "- **Ana Ruiz**", as activities write it
    contact = Contact(line=line, name=str(_checked("name", name, today)), source=source)
    aka = [a.strip() for a in re.split(r"a\.k\.a\.\s", match["aka"] or "") if a.strip()]
    if aka:
        contact.fields["nickname"] = _checked("nickname", aka[0], today)
    if aka[1:]:
        contact.fields["notes"] = _checked("notes", "Also known as " + ", ".join(aka[1:]) + ".", today)
    if match["place"]:
        contact.fields["city"] = _checked("city", match["place"], today)
    tags = [tag_of(t.removeprefix("@")) for t in match["tags"].split()]
    contact.tags = tuple(dict.fromkeys(t for t in tags if t))
    return contact


def _checked(key: str, text: str, today: date) -> object:
    try:
        return check(key, text, today=today)
    except InputError as exc:
        raise InputError(f"{key.capitalize()}: {exc.message}") from None


def _entry(section: str, line: int, day: str, text: str, source: str, today: date,
           known: _Known) -> Entry:  # fmt: skip
    when = dates.parse_day(day, today=today)
    names = []
    for bold in dict.fromkeys(b.strip() for b in _BOLD.findall(text)):
        names.append(known.person(bold, line, source))
    plain = _PLACE.sub(r"\1", _BOLD.sub(r"\1", text)).replace("\\", "")
    words = fields.clean_text(plain, what="The line's text")
    if section == "notes":
        return Entry(line, source, when, tuple(dict.fromkeys(names)), words)
    kind, said = kinds.guess(_BOLD.sub(" ", text))
    return Entry(line, source, when, tuple(dict.fromkeys(names)), words, kind=kind, said=said)


class _Known:
    """The friends read so far, by folded name and nickname; a bold name no one has adds a contact."""

    def __init__(self, contacts: list[Contact]) -> None:
        self.contacts = contacts
        self.names = {fold(c.name): c.name for c in reversed(contacts)}
        self.nicknames = {fold(str(c.fields["nickname"])): c.name for c in reversed(contacts)
                          if c.fields.get("nickname")}  # fmt: skip

    def person(self, bold: str, line: int, source: str) -> str:
        """The name of the contact a bold name means: a friend by name, then by nickname, else a new one."""
        key = fold(bold)
        found = self.names.get(key) or self.nicknames.get(key)
        if found is not None:
            return found
        name = fields.person_name(bold)
        self.contacts.append(Contact(line=line, name=name, source=source))
        self.names[key] = name
        return name
