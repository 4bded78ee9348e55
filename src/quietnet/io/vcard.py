"""vCard 2.1, 3.0 and 4.0 in (``vcardexport.py`` writes them out).

Reading splits a file into cards itself, so each card keeps its line number and
its original text (stored with the person, so an export writes back what
quietnet does not model), joins folded lines and vCard 2.1's quoted-printable
soft line breaks, and reads each property with ``contentline.py``: every text
keeps every character (2.1 never escapes a comma; many 3.0 writers don't
either). What quietnet models: FN (or N), NICKNAME, ORG, TITLE, the preferred
EMAIL and TEL, the city of the first ADR, BDAY (with or without a year:
``--0412``, Apple's ``X-APPLE-OMIT-YEAR``), NOTE, CATEGORIES (as tags) and UID.
A group card (iCloud's ``X-ADDRESSBOOKSERVER-KIND:group``, 4.0's ``KIND:group``)
is no person: it becomes a tag on its members (``tag_groups``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from quietnet.core.details import Contact
from quietnet.core.text import without_controls
from quietnet.errors import InputError
from quietnet.io import contentline
from quietnet.io.cards import LINE_BREAK, TOO_LONG, TooLong, modelled, split
from quietnet.io.contact import Group, Problem, Read, check, label_tag, looks_like_email, tag_of
from quietnet.io.contentline import BadLine, Line

_BDAY_TIME = re.compile(r"[Tt].*$")


def read(
    lines: Iterable[str],
    source: str,
    *,
    today: date,
    tick: Callable[[], None] = lambda: None,
    into: Read | None = None,
) -> Read:
    """Every card of one file's lines (or text), as contacts, groups and problems."""
    found = into if into is not None else Read()
    seen = 0
    blank = True

    def watched() -> Iterator[str]:
        nonlocal blank
        for line in [f"{t}\n" for t in LINE_BREAK.split(lines)] if isinstance(lines, str) else lines:
            blank = blank and not line.strip()
            yield line

    for item in split(watched(), source):
        if isinstance(item, Problem):
            found.problems.append(item)
            continue
        seen += 1
        start, card_lines = item
        logical, where = contentline.unfold(card_lines, start)
        try:
            props = properties(*modelled(logical, where))
            if _is_group(props):
                found.groups.append(_group(props))
            elif _is_company(props):  # as a company-only row of a CSV: left out, counted
                found.nameless.append(Problem(source, start, "a company or an organisation, not a person"))
            else:
                contact = contact_of(props, start, today)
                # Lines kept as they were lose control characters (ESC, NUL, a vertical tab):
                # the card can be shown, exported and restored from a JSON export.
                contact.card = without_controls("\r\n".join(card_lines) + "\r\n", keep="\r\n\t")
                contact.source = source
                found.contacts.append(contact)
        except TooLong as exc:
            found.problems.append(Problem(source, exc.line, TOO_LONG))
        except _CardError as exc:
            found.problems.append(Problem(source, exc.line or start, exc.reason))
        tick()
    if not seen and not found.problems:
        what = "is empty" if blank else "is not a vCard file (it has no BEGIN:VCARD line)"
        raise InputError(f"{source} {what}; nothing was imported.")
    return found


def properties(logical: list[str], where: list[int]) -> list[Line]:
    """The content lines of a card; _CardError on one that is not a content line."""
    found = []
    for text, number in zip(logical, where, strict=True):
        try:
            found.append(contentline.parse(text, number))
        except BadLine as exc:
            raise _CardError(f"This card could not be read ({exc}).", number) from None
    return found


def tag_groups(found: Read) -> None:
    """Each group card becomes a tag on its members in the file (by UID), and the summary says so."""
    by_uid: dict[str, list[Contact]] = {}
    for contact in found.contacts:
        if contact.uid:
            by_uid.setdefault(_bare(contact.uid), []).append(contact)
    for group in found.groups:
        tag = tag_of(group.name) or "group"
        uids = list(dict.fromkeys(_bare(m) for m in group.members))
        members = list({id(c): c for uid in uids for c in by_uid.get(uid, [])}.values())
        for contact in members:
            if tag not in contact.tags:
                contact.tags = (*contact.tags, tag)
        who = "1 person" if len(members) == 1 else f"{len(members)} people"
        missing = sum(1 for uid in uids if uid not in by_uid)
        elsewhere = f" ({missing} of its members {'is' if missing == 1 else 'are'} not in this file)"
        if members:
            said = f"{tag} on {who}{elsewhere if missing else ''}"
        else:
            said = "none of its members is in this file (import it with them: one file, or one folder)"
        found.said.append(f'The group "{group.name}" is a tag, not a person: {said}.')
    found.groups.clear()


def _bare(uid: str) -> str:
    return re.sub(r"^urn:uuid:", "", uid.strip(), flags=re.I).casefold()


def _is_company(props: list[Line]) -> bool:
    """A card for a company: Apple's X-ABShowAs:COMPANY, 4.0's KIND:org, or an ORG and no name."""
    shows = _all(props, "X-ABSHOWAS") + _all(props, "KIND")
    if any(contentline.text(p).strip().casefold() in ("company", "org", "organization") for p in shows):
        return True
    named = any(_text(p) for p in _all(props, "FN")) or any(any(_parts(p)) for p in _all(props, "N"))
    return not named and any(any(_parts(p)) for p in _all(props, "ORG"))


def _is_group(props: list[Line]) -> bool:
    kinds = _all(props, "KIND") + _all(props, "X-ADDRESSBOOKSERVER-KIND")
    return any(contentline.text(p).strip().casefold() == "group" for p in kinds)


def _group(props: list[Line]) -> Group:
    name = _name(props)
    try:
        tag_of(name)
    except InputError as exc:
        raise _CardError(f"FN: {exc.message}", _first_line(props, "FN")) from None
    members = _all(props, "MEMBER") + _all(props, "X-ADDRESSBOOKSERVER-MEMBER")
    return Group(name, tuple(contentline.text(m).strip() for m in members))


class _CardError(Exception):
    def __init__(self, reason: str, line: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.line = reason, line


def _all(props: list[Line], name: str) -> list[Line]:
    return [p for p in props if p.name == name]


def _first_line(props: list[Line], name: str) -> int:
    return next((p.number for p in props if p.name == name), 0)


def _text(line: Line) -> str:
    try:
        return contentline.text(line).strip()
    except BadLine as exc:
        raise _CardError(f"This card could not be read ({exc}).", line.number) from None


def _parts(line: Line) -> list[str]:
    try:
        return [p.strip() for p in contentline.parts(line)]
    except BadLine as exc:
        raise _CardError(f"This card could not be read ({exc}).", line.number) from None


def _listed(line: Line) -> list[str]:
    try:
        return [p.strip() for p in contentline.listed(line)]
    except BadLine as exc:
        raise _CardError(f"This card could not be read ({exc}).", line.number) from None


def ordered(props: list[Line]) -> list[Line]:
    """Preferred first, then in the card's order."""
    return sorted(props, key=lambda p: not p.is_preferred())


def _name(props: list[Line]) -> str:
    for prop in _all(props, "FN"):
        if _text(prop):
            return _text(prop)
    for prop in _all(props, "N"):
        n = [" ".join(w for w in part.split(",") if w.strip()) for part in _parts(prop)] + [""] * 5
        joined = " ".join(p.strip() for p in (n[3], n[1], n[2], n[0], n[4]) if p.strip())
        if joined:
            return joined
    raise _CardError("This card has no name (no FN or N).", _first_line(props, "FN"))


def _checked(prop: Line, key: str, text: str, today: date) -> Any:
    try:
        return check(key, text, today=today)
    except InputError as exc:
        raise _CardError(f"{prop.name}: {exc.message}", prop.number) from None


def birthday_text(prop: Line) -> str | None:
    """A BDAY as quietnet's MM-DD or YYYY-MM-DD text to check, or None when empty."""
    raw = _BDAY_TIME.sub("", _text(prop))
    if not raw:
        return None
    omit = prop.values("X-APPLE-OMIT-YEAR")
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
    if m and (m.group(1) in omit or int(m.group(1)) < 1900):  # Apple's 1604, or a placeholder year
        return f"{m.group(2)}-{m.group(3)}"
    m = re.fullmatch(r"--(\d{2})-?(\d{2})", raw)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    return raw


def contact_of(props: list[Line], line: int, today: date) -> Contact:
    """The contact a card's properties describe; _CardError naming the property that fails."""
    fn = next(iter(_all(props, "FN") + _all(props, "N")), Line("FN", "", number=line))
    name = _checked(fn, "name", _name(props), today)
    fields: dict[str, Any] = {}
    for prop_name, key in (("NICKNAME", "nickname"), ("TITLE", "role")):
        found = _all(props, prop_name)
        # NICKNAME is a list (its first nickname); TITLE one text, commas and all
        text = (_listed(found[0])[0] if key == "nickname" else _text(found[0])) if found else ""
        if text:
            fields[key] = _checked(found[0], key, text, today)
    orgs = _all(props, "ORG")
    if orgs:
        company = next((unit for unit in _parts(orgs[0]) if unit), "")
        if company:
            fields["company"] = _checked(orgs[0], "company", company, today)
    emails = [_text(p) for p in ordered(_all(props, "EMAIL"))]
    emails = [e for e in emails if looks_like_email(e)]  # others stay in the card, untouched
    if emails:
        fields["email"] = emails[0]
    phones = [(p, re.sub(r"^tel:", "", _text(p), flags=re.I)) for p in ordered(_all(props, "TEL"))]
    phones = [(p, t) for p, t in phones if t]
    if phones:
        fields["phone"] = _checked(phones[0][0], "phone", phones[0][1], today)
    for adr in ordered(_all(props, "ADR")):
        city = (_parts(adr) + [""] * 7)[3]
        if city:
            fields["city"] = _checked(adr, "city", city, today)
            break
    for prop in _all(props, "BDAY"):
        if "text" in [v.casefold() for v in prop.values("VALUE")]:
            continue  # 4.0's free text ("circa 1980") is no date: the line stays in the card
        bday = birthday_text(prop)
        if bday:
            fields["birthday"] = _checked(prop, "birthday", bday, today)
    notes = [(p, _text(p)) for p in _all(props, "NOTE")]
    notes = [(p, t) for p, t in notes if t]
    if notes:
        fields["notes"] = _checked(notes[0][0], "notes", "\n\n".join(t for _, t in notes), today)
    tags: list[str] = []
    for prop in _all(props, "CATEGORIES"):
        try:
            found_tags = [label_tag(v) for v in _listed(prop) if v.strip()]
        except InputError as exc:
            raise _CardError(f"CATEGORIES: {exc.message}", prop.number) from None
        tags += [t for t in found_tags if t]
    uids = _all(props, "UID")
    uid = _text(uids[0]) if uids else ""
    return Contact(
        line=line,
        name=name,
        fields=fields,
        tags=tuple(dict.fromkeys(tags)),
        emails=tuple(dict.fromkeys(emails)),
        uid=uid or None,
    )
