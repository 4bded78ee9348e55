"""vCard 2.1, 3.0 and 4.0 in (with vobject), vCard 3.0 out.

Reading splits a file into cards itself, so each card keeps its line number and
its original text (stored with the person, so an export writes back what
quietnet does not model), joins vCard 2.1's quoted-printable soft line breaks
(Android writes them; vobject does not read them), then lets vobject parse each
card. What quietnet models: FN (or N), NICKNAME, ORG, TITLE, the preferred EMAIL
and TEL, the city of the first ADR, BDAY (with or without a year: ``--0412``,
Apple's ``X-APPLE-OMIT-YEAR``), NOTE, CATEGORIES (as tags) and UID.

vobject is imported inside the functions that use it (it is slow to import).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from quietnet.core.details import Contact
from quietnet.errors import InputError
from quietnet.io.cards import LINE_BREAK, TOO_LONG, TooLong, logical_lines, modelled, split
from quietnet.io.contact import Problem, Read, check, label_tag, looks_like_email

_BDAY_TIME = re.compile(r"[Tt].*$")
PRODID = "-//quietnet//quietnet//EN"
MODELLED = ("nickname", "role", "notes", "company", "email", "phone", "city", "birthday")
# vCards carry no relative dates ("3 days ago"), so any today will do; the last one allows every birthday
_NO_DAY = date(2200, 12, 31)


def parse_card(original: str) -> Any:
    """A stored card as a vobject component (for the export)."""
    import vobject  # type: ignore[import-untyped]

    lines, _ = logical_lines(LINE_BREAK.split(original), 1)
    return vobject.readOne("\r\n".join(lines) + "\r\n")


def read(
    lines: Iterable[str],
    source: str,
    *,
    today: date,
    tick: Callable[[], None] = lambda: None,
    into: Read | None = None,
) -> Read:
    """Every card of one file's lines (or text), as contacts and problems."""
    import vobject

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
        start, lines = item
        logical, where = logical_lines(lines, start)
        try:
            logical, where = modelled(logical, where)
        except TooLong as exc:
            found.problems.append(Problem(source, exc.line, TOO_LONG))
            tick()
            continue
        try:
            card = vobject.readOne("\r\n".join(logical) + "\r\n")
        except Exception as exc:  # vobject raises many kinds of errors for malformed cards
            found.problems.append(Problem(source, _line_of_error(exc, logical, where, start), _why(exc)))
            tick()
            continue
        try:
            contact = _contact(card, start, today)
        except _CardError as exc:
            found.problems.append(Problem(source, _line_of(exc.prop, logical, where, start), exc.reason))
        else:
            contact.card = "\r\n".join(lines) + "\r\n"
            contact.source = source
            found.contacts.append(contact)
        tick()
    if not seen and not found.problems:
        what = "is empty" if blank else "is not a vCard file (it has no BEGIN:VCARD line)"
        raise InputError(f"{source} {what}; nothing was imported.")
    return found


class _CardError(Exception):
    def __init__(self, prop: str, reason: str) -> None:
        super().__init__(reason)
        self.prop, self.reason = prop, reason


def _why(exc: Exception) -> str:
    text = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
    return f"This card could not be read ({text})."


def _line_of_error(exc: Exception, logical: list[str], where: list[int], start: int) -> int:
    m = re.search(r"Failed to parse line: (.*)$", str(exc))
    if m:
        for line, number in zip(logical, where, strict=True):
            if line.strip() == m.group(1).strip():
                return number
    return start


def _line_of(prop: str, logical: list[str], where: list[int], start: int) -> int:
    for line, number in zip(logical, where, strict=True):
        name = re.split(r"[;:]", line, maxsplit=1)[0].split(".")[-1].upper()
        if name == prop:
            return number
    return start


def _all(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return str(value or "").strip()


def _is_preferred(prop: Any) -> bool:
    types = [str(t).upper() for t in prop.params.get("TYPE", [])]
    return "PREF" in types or "PREF" in prop.params or "PREF" in [s.upper() for s in prop.singletonparams]


def _ordered(props: list[Any]) -> list[Any]:
    """Preferred first, then in the card's order."""
    return sorted(props, key=lambda p: not _is_preferred(p))


def _name(card: Any) -> str:
    for prop in _all(card, "fn"):
        if _text(prop.value):
            return _text(prop.value)
    for prop in _all(card, "n"):
        n = prop.value
        if hasattr(n, "given"):
            parts = [_text(n.prefix), _text(n.given), _text(n.additional), _text(n.family), _text(n.suffix)]
        else:
            parts = [p.strip() for p in reversed(str(n).split(";")[:2])]
        joined = " ".join(p for p in parts if p)
        if joined:
            return joined
    raise _CardError("FN", "This card has no name (no FN or N).")


def _checked(prop: str, key: str, text: str, today: date) -> Any:
    try:
        return check(key, text, today=today)
    except InputError as exc:
        raise _CardError(prop, f"{prop}: {exc.message}") from None


def birthday_text(prop: Any) -> str | None:
    """A BDAY as quietnet's MM-DD or YYYY-MM-DD text to check, or None when empty."""
    raw = (
        _BDAY_TIME.sub("", _text(prop.value)) if not isinstance(prop.value, date) else prop.value.isoformat()
    )
    if not raw:
        return None
    omit = prop.params.get("X-APPLE-OMIT-YEAR", [])
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", raw)
    if m and (m.group(1) in omit or int(m.group(1)) < 1900):  # Apple's 1604, or a placeholder year
        return f"{m.group(2)}-{m.group(3)}"
    return raw


def _contact(card: Any, line: int, today: date) -> Contact:
    name = _checked("FN", "name", _name(card), today)
    fields: dict[str, Any] = {}
    for prop_name, key in (("nickname", "nickname"), ("title", "role")):
        props = _all(card, prop_name)
        text = _text(props[0].value).split(",")[0].strip() if props else ""
        if text:
            fields[key] = _checked(prop_name.upper(), key, text, today)
    orgs = _all(card, "org")
    if orgs:
        units = orgs[0].value if isinstance(orgs[0].value, list) else str(orgs[0].value).split(";")
        company = next((str(u).strip() for u in units if str(u).strip()), "")
        if company:
            fields["company"] = _checked("ORG", "company", company, today)
    emails = [_text(p.value) for p in _ordered(_all(card, "email"))]
    emails = [e for e in emails if looks_like_email(e)]  # others stay in the card, untouched
    if emails:
        fields["email"] = emails[0]
    phones = [re.sub(r"^tel:", "", _text(p.value), flags=re.I) for p in _ordered(_all(card, "tel"))]
    phones = [p for p in phones if p]
    if phones:
        fields["phone"] = _checked("TEL", "phone", phones[0], today)
    for adr in _ordered(_all(card, "adr")):
        city = _text(getattr(adr.value, "city", "")) or (str(adr.value).split(";") + [""] * 7)[3].strip()
        if city:
            fields["city"] = _checked("ADR", "city", city, today)
            break
    for prop in _all(card, "bday"):
        bday = birthday_text(prop)
        if bday:
            fields["birthday"] = _checked("BDAY", "birthday", bday, today)
    notes = [_text(p.value) for p in _all(card, "note") if _text(p.value)]
    if notes:
        fields["notes"] = _checked("NOTE", "notes", "\n\n".join(notes), today)
    tags: list[str] = []
    for prop in _all(card, "categories"):
        values = prop.value if isinstance(prop.value, list) else str(prop.value).split(",")
        try:
            found = [label_tag(str(v)) for v in values if str(v).strip()]
        except InputError as exc:
            raise _CardError("CATEGORIES", f"CATEGORIES: {exc.message}") from None
        tags += [t for t in found if t]
    uids = _all(card, "uid")
    uid = _text(uids[0].value) if uids else ""
    return Contact(
        line=line,
        name=name,
        fields=fields,
        tags=tuple(dict.fromkeys(tags)),
        emails=tuple(dict.fromkeys(emails)),
        uid=uid or None,
    )


# -- writing ------------------------------------------------------------------------------


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for N: the last word is the family name when there are several."""
    words = name.split()
    if len(words) < 2:
        return "", name
    return words[-1], " ".join(words[:-1])


def _as_v3(card: Any) -> None:
    """Make a card parsed from 2.1 or 4.0 serialise as 3.0: TYPE params, base64 as ENCODING=b."""
    for prop in list(card.getChildren()):
        prop.params.pop("CHARSET", None)
        encoding = [str(e).upper() for e in prop.params.pop("ENCODING", [])]
        if encoding and encoding[0] in ("BASE64", "B"):
            prop.params["ENCODING"] = ["b"]
        if prop.singletonparams:
            types = prop.params.setdefault("TYPE", [])
            types += [str(t).upper() for t in prop.singletonparams if str(t).upper() not in ("BASE64",)]
            prop.singletonparams = []
        if prop.name == "TEL" and prop.params.get("VALUE", [""])[0].lower() == "uri":
            prop.params.pop("VALUE")
            prop.value = re.sub(r"^tel:", "", str(prop.value), flags=re.I)


def _set(card: Any, name: str, value: Any) -> None:
    """Replace every ``name`` property with one holding ``value`` (None removes them)."""
    for prop in _all(card, name):
        card.remove(prop)
    if value is not None and value != "":
        card.add(name).value = value


def _set_primary(card: Any, name: str, value: str | None, **params: list[str]) -> None:
    """Put quietnet's value in the card's preferred ``name`` (EMAIL, TEL), keeping the others."""
    props = _ordered(_all(card, name))
    if props and value:
        if _text(props[0].value) != value:
            props[0].value = value
    elif props:
        card.remove(props[0])
    elif value:
        prop = card.add(name)
        prop.value = value
        prop.params.update(params)


def _as_read(card: Any) -> Contact | None:
    """What an import reads from a card, to leave alone the properties quietnet did not change."""
    try:
        return _contact(card, 0, _NO_DAY)
    except _CardError:
        return None


def write(person: Mapping[str, Any], tags: Sequence[str]) -> str:
    """One vCard 3.0 for a person row, built on their original card when they have one.

    A property whose value quietnet still holds as it was read is left as the
    card had it (an Apple birthday without a year, ORG units, category names).
    """
    import vobject

    card, was = vobject.vCard(), None
    if person.get("vcard"):
        try:
            card = parse_card(person["vcard"])
        except Exception:  # a card that no longer parses: write a fresh one rather than fail the export
            card = vobject.vCard()
        else:
            was = _as_read(card)
    known = was.fields if was is not None else {}

    def changed(key: str) -> bool:
        return was is None or known.get(key) != person.get(key)

    uid = person.get("card_uid") or f"urn:uuid:{person['uuid']}"
    if (
        was is not None
        and _text(card.version.value) == "3.0"
        and (was.name, was.uid, sorted(was.tags)) == (person["name"], uid, sorted(tags))
        and not any(changed(key) for key in MODELLED)
    ):
        return str(person["vcard"])  # a 3.0 card quietnet holds unchanged: given back byte for byte
    _as_v3(card)
    _set(card, "version", "3.0")
    _set(card, "prodid", PRODID)
    name = person["name"]
    if was is None or was.name != name or not _all(card, "n"):
        family, given = _split_name(name)
        _set(card, "n", vobject.vcard.Name(family=family, given=given))
        _set(card, "fn", name)
    _set(card, "uid", uid)
    for key, prop in (("nickname", "nickname"), ("role", "title"), ("notes", "note")):
        if changed(key):
            _set(card, prop, person.get(key))
    if changed("company"):
        orgs = _all(card, "org")
        company = person.get("company")
        if orgs and company and isinstance(orgs[0].value, list) and orgs[0].value:
            orgs[0].value = [company, *orgs[0].value[1:]]
        else:
            _set(card, "org", [company] if company else None)
    if changed("email"):
        _set_primary(card, "email", person.get("email"), TYPE=["INTERNET"])
    if changed("phone"):
        _set_primary(card, "tel", person.get("phone"), TYPE=["CELL"])
    if changed("city"):
        _set_city(card, person.get("city"))
    if changed("birthday"):
        birthday = person.get("birthday")
        _set(card, "bday", None)
        if birthday:
            card.add("bday").value = birthday if len(birthday) == 10 else f"--{birthday}"
    if was is None or sorted(was.tags) != sorted(tags):
        _set(card, "categories", list(tags) or None)
    text: str = card.serialize()
    return text


def _set_city(card: Any, city: str | None) -> None:
    import vobject

    adrs = _ordered(_all(card, "adr"))
    if adrs and hasattr(adrs[0].value, "city"):
        if (adrs[0].value.city or "") != (city or ""):
            adrs[0].value.city = city or ""
    elif city:
        prop = card.add("adr")
        prop.value = vobject.vcard.Address(city=city)
        prop.params["TYPE"] = ["HOME"]
