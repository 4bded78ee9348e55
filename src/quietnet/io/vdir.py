"""One card of a vdir (one ``.vcf`` per contact, as khard and vdirsyncer keep them), in and out.

`net sync vdir` owns a short list of properties (``OWNED``): FN and N (the name),
NICKNAME (its first nickname), ORG (its first unit), TITLE, the preferred EMAIL and
TEL, and BDAY. ``rewrite`` changes only those in a card, and only the ones asked;
every other line (PHOTO, ``item1.X-ABLabel``, CATEGORIES, ADR, NOTE, any ``X-``) is
given back byte for byte, folding and line endings included. A changed line is
folded at 75 octets with the card's own line ending.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from quietnet.core.details import Contact
from quietnet.io import contentline, vcard
from quietnet.io.contact import Problem, looks_like_email
from quietnet.io.contentline import BadLine, Line, escape

OWNED = ("name", "nickname", "company", "role", "email", "phone", "birthday")
PROPERTIES = {"name": "FN and N", "nickname": "NICKNAME", "company": "ORG", "role": "TITLE",
              "email": "EMAIL", "phone": "TEL", "birthday": "BDAY"}  # fmt: skip
_BINARY = frozenset(("PHOTO", "LOGO", "SOUND", "KEY"))
_SEPARATORS = re.compile(r"[\s.()-]")
_PHYSICAL = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def digest(data: bytes) -> str:
    """The file's hash (an etag): a changed byte is a changed card."""
    return hashlib.sha256(data).hexdigest()


def owned(contact: Contact) -> dict[str, Any]:
    """The values of the fields `net` owns, as a card gives them (None when absent)."""
    return {"name": contact.name, **{key: contact.fields.get(key) for key in OWNED[1:]}}


def of_person(row: Mapping[str, Any]) -> dict[str, Any]:
    """The values of the fields `net` owns, as the store holds them."""
    return {key: row.get(key) or None for key in OWNED}


def same(key: str, a: Any, b: Any) -> bool:
    """Whether two values of a field are the same (a phone's spaces, dashes, dots and brackets aside)."""
    if key == "phone" and isinstance(a, str) and isinstance(b, str):
        return _SEPARATORS.sub("", a) == _SEPARATORS.sub("", b)
    return bool(a == b)


def hashed(uid: str, key: str, value: Any) -> str:
    """A field's value as the sync state keeps it: a hash salted with the card's UID, never the value."""
    text = "" if value is None else str(value)
    return hashlib.sha256(f"{uid}\x00{key}\x00{text}".encode()).hexdigest()[:32]


def hashes(uid: str, values: Mapping[str, Any]) -> dict[str, str]:
    return {key: hashed(uid, key, values.get(key)) for key in OWNED}


@dataclass
class _Item:
    """One logical line: its original physical text (None once changed) and its parse."""

    text: str | None
    line: Line | None


def _items(text: str) -> tuple[list[_Item], str]:
    physical = _PHYSICAL.findall(text)
    ending = "\r\n" if "\r\n" in text else ("\n" if "\n" in text else "\r\n")
    groups: list[list[str]] = []
    for piece in physical:
        bare = piece.rstrip("\r\n")
        previous = groups[-1][-1].rstrip("\r\n") if groups else ""
        soft = previous.endswith("=") and "QUOTED-PRINTABLE" in previous.split(":", 1)[0].upper()
        if groups and (bare[:1] in (" ", "\t") or soft):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    items = []
    for group in groups:
        logical, _ = contentline.unfold([p.rstrip("\r\n") for p in group], 1)
        try:
            line = contentline.parse(logical[0]) if logical else None
        except BadLine:
            line = None
        items.append(_Item("".join(group), line))
    return items, ending


def rewrite(text: str, changes: Mapping[str, Any], *, rev: str = "") -> str:
    """The card with the owned fields in ``changes`` set (None removes them); all else as it was.

    A card that has a REV gets ``rev`` in it. In a vCard 2.1 a changed line is written as
    UTF-8 text (its quoted-printable encoding dropped) with ``CHARSET=UTF-8`` when it is not
    ASCII, as 2.1 readers expect.
    """
    items, ending = _items(text)
    version = next((i.line.value.strip() for i in items if i.line and i.line.name == "VERSION"), "3.0")
    for key, value in changes.items():
        _CHANGE[key](items, value, version)
    if rev and changes and (revs := _named(items, "REV")):
        revs[0].line, revs[0].text = Line("REV", rev, (), revs[0].line.group if revs[0].line else ""), None
    if version.startswith("2"):
        for item in items:
            line = item.line
            if (
                item.text is None
                and line is not None
                and not line.value.isascii()
                and not line.values("CHARSET")
            ):
                item.line = replace(line, params=(*line.params, ("CHARSET", ("UTF-8",))))
    out = []
    for item in items:
        if item.text is not None:
            out.append(item.text)
        elif item.line is not None:
            out.append(contentline.fold(contentline.unfolded_text(item.line)).replace("\r\n", ending))
    return "".join(out)


def _named(items: list[_Item], name: str) -> list[_Item]:
    return [i for i in items if i.line is not None and i.line.name == name]


def _plain(line: Line, value: str) -> Line:
    """The line holding ``value``, its group and parameters kept (less a quoted-printable encoding)."""
    params = tuple(
        (k, v) for k, v in line.params
        if k not in ("ENCODING", "CHARSET") and not (k == "" and v[0].upper() == "QUOTED-PRINTABLE")
    )  # fmt: skip
    return replace(line, value=value, params=params, raw=None)


def _put(items: list[_Item], item: _Item | None, name: str, value: str | None, params: Any = ()) -> None:
    """Set one line's value (None removes it); a new line goes before END."""
    if item is not None and item.line is not None:
        if value is None:
            items.remove(item)
            group = item.line.group
            if group and not any(
                i.line and i.line.group == group and not i.line.name.startswith("X-") for i in items
            ):
                items[:] = [i for i in items if not (i.line and i.line.group == group)]  # its X-ABLabel too
        else:
            item.line, item.text = _plain(item.line, value), None
    elif value is not None:
        end = max((n for n, i in enumerate(items) if i.line and i.line.name == "END"), default=len(items))
        items.insert(end, _Item(None, Line(name, value, params)))


def _name(items: list[_Item], name: str | None, version: str) -> None:
    if not name:
        return
    fns = _named(items, "FN")
    if fns:
        _put(items, fns[0], "FN", escape(name))
    else:
        at = next((n + 1 for n, i in enumerate(items) if i.line and i.line.name == "VERSION"), 1)
        items.insert(at, _Item(None, Line("FN", escape(name))))
    for item in _named(items, "N")[:1]:
        assert item.line is not None
        parts = (contentline.split_on(contentline.decoded(item.line), ";") + [""] * 5)[:5]
        parts[:3] = [escape(" ".join(words)) for words in _n_of(parts, name)]
        _put(items, item, "N", ";".join(parts))


def _n_of(parts: list[str], name: str) -> tuple[list[str], list[str], list[str]]:
    """N's family, given and middle names for ``name``, keeping the card's split where it still fits.

    A double surname or a middle name the card had stays where it was when the new name keeps
    it (Gabriel García Márquez renamed Gabo García Márquez keeps García Márquez as the family
    name); otherwise the last word is the family name, as an export writes it.
    """
    family, given, middle = (contentline.unescape(p).replace(",", " ").split() for p in parts[:3])
    words = name.split()
    if family and len(words) > len(family) and words[-len(family) :] == family:
        rest = words[: -len(family)]
        if middle and len(rest) > len(middle) and rest[-len(middle) :] == middle:
            return family, rest[: -len(middle)], middle
        return family, rest, []
    if given and len(words) > len(given) and words[: len(given)] == given:
        rest = words[len(given) :]
        if middle and len(rest) > len(middle) and rest[: len(middle)] == middle:
            return rest[len(middle) :], given, middle
        return rest, given, []
    return (words[-1:], words[:-1], []) if len(words) > 1 else ([], words, [])


def _listed_first(prop: str) -> Any:
    def change(items: list[_Item], value: str | None, version: str) -> None:
        found = _named(items, prop)
        if not found:
            _put(items, None, prop, escape(value) if value else None)
            return
        assert found[0].line is not None
        rest = contentline.split_on(contentline.decoded(found[0].line), ",")[1:]
        kept = ([escape(value)] if value else []) + rest
        _put(items, found[0], prop, ",".join(kept) if kept else None)

    return change


def _org(items: list[_Item], value: str | None, version: str) -> None:
    found = _named(items, "ORG")
    if found and value:
        assert found[0].line is not None
        units = contentline.split_on(contentline.decoded(found[0].line), ";")
        _put(items, found[0], "ORG", ";".join([escape(value), *units[1:]]))
    else:
        _put(items, found[0] if found else None, "ORG", escape(value) if value else None)


def _title(items: list[_Item], value: str | None, version: str) -> None:
    found = _named(items, "TITLE")
    _put(items, found[0] if found else None, "TITLE", escape(value) if value else None)


def _preferred(prop: str, kind: str) -> Any:
    def change(items: list[_Item], value: str | None, version: str) -> None:
        found = sorted(_named(items, prop), key=lambda i: not (i.line and i.line.is_preferred()))
        if prop == "EMAIL":  # the one import reads: the first that is an address
            found = [i for i in found if i.line and looks_like_email(contentline.text(i.line).strip())]
        else:
            found = [i for i in found if i.line and contentline.text(i.line).strip()]
        first = found[0] if found else None
        if first is not None and first.line is not None and value:
            if first.line.value.lower().startswith("tel:"):  # a tel URI (RFC 3966): no spaces
                _put(items, first, prop, "tel:" + "-".join(value.split()))
            else:
                _put(items, first, prop, escape(value))
        else:
            _put(items, first, prop, escape(value) if value else None, (("TYPE", (kind,)),))

    return change


def _lower(values: list[str]) -> list[str]:
    return [v.casefold() for v in values]


def _birthday(items: list[_Item], value: str | None, version: str) -> None:
    found = [
        i
        for i in _named(items, "BDAY")
        if i.line and "text" not in [v.casefold() for v in i.line.values("VALUE")]
    ]
    first = found[0] if found else None
    if not value:
        _put(items, first, "BDAY", None)
        return
    texts = _named(items, "BDAY")
    was = texts[0].line if texts else None
    if first is None and was is not None:  # a text BDAY ("circa 1800"): the date replaces it
        first = texts[0]
        first.line = replace(was, params=tuple(p for p in was.params if p[0] != "VALUE"))
    line = first.line if first is not None else None
    omit = line.values("X-APPLE-OMIT-YEAR") if line is not None else []
    if len(value) == 10:
        text = value if not version.startswith("4") else value.replace("-", "")
        if line is not None and omit:
            line = replace(line, params=tuple(p for p in line.params if p[0] != "X-APPLE-OMIT-YEAR"))
    elif omit:
        text = f"{omit[0]}-{value}"
    else:
        text = f"--{value}" if not version.startswith("4") else f"--{value.replace('-', '')}"
    if first is not None and line is not None:
        first.line, first.text = _plain(line, text), None
    else:
        _put(items, None, "BDAY", text)


_CHANGE = {
    "name": _name,
    "nickname": _listed_first("NICKNAME"),
    "company": _org,
    "role": _title,
    "email": _preferred("EMAIL", "INTERNET"),
    "phone": _preferred("TEL", "CELL"),
    "birthday": _birthday,
}


def new_card(uid: str, values: Mapping[str, Any], *, rev: str) -> str:
    """A card for someone who has none: only the fields `net` owns, with UID, VERSION, PRODID and REV.

    Never notes, tags, address or anything else of the store's: those stay private.
    """
    from quietnet.io import vcardexport

    person = {key: values.get(key) for key in OWNED} | {"card_uid": uid}
    text = vcardexport.write(person, ())
    return text.replace("END:VCARD\r\n", f"REV:{rev}\r\nEND:VCARD\r\n") if rev else text


def without_binary(text: str) -> str:
    """The card without its PHOTO, LOGO, SOUND and KEY lines: the folder keeps them, the store need not."""
    items, _ = _items(text)
    return "".join(i.text or "" for i in items if not (i.line and i.line.name in _BINARY))


def read_one(text: str, href: str, *, today: date) -> Contact | Problem | None:
    """The person one card file describes, why it can't be read, or None (a group, a company)."""
    found = vcard.read(text, href, today=today)
    if found.problems:
        return found.problems[0]
    count = len(found.contacts) + len(found.groups) + len(found.nameless)
    if count > 1:
        return Problem(href, 1, f"It holds {count} cards; a vdir holds one card per file.")
    return found.contacts[0] if found.contacts else None
