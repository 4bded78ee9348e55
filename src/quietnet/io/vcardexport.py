"""vCard 3.0 out: one card per person, built on the card they were imported from.

Every card is written as one consistent vCard 3.0 (RFC 2426), whatever it was
read as: 2.1's bare parameters become ``TYPE=``, quoted-printable text is
decoded and escaped, 4.0's ``PREF=1`` becomes ``TYPE=pref``, a quoted
``TYPE="voice,cell"`` becomes ``TYPE=voice,cell``, ``tel:`` and ``data:`` URIs
become 3.0 values, and a 4.0-only property keeps its value under an ``X-``
name (``X-ANNIVERSARY``, ``X-GENDER``; ``KIND:individual`` and the sync maps
``CLIENTPIDMAP``, ``PID``, ``ALTID`` are left out). A birthday without a year
(Apple's ``X-APPLE-OMIT-YEAR``, 4.0's ``--0412``) is ``--04-12``. Google's
``https\\://`` loses its stray backslash. Text keeps every character, escaped
as 3.0 says. Every line is folded at 75 octets. A card that is already all of
this, and that quietnet did not change, is given back byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from quietnet.core.details import Contact
from quietnet.io import contentline
from quietnet.io.cards import LINE_BREAK
from quietnet.io.contentline import BadLine, Line, escape, written
from quietnet.io.vcard import birthday_text, contact_of, ordered, properties

PRODID = "-//quietnet//quietnet//EN"
MODELLED = ("nickname", "role", "notes", "company", "email", "phone", "city", "birthday")
# vCards carry no relative dates ("3 days ago"), so any today will do; the last one allows every birthday
_NO_DAY = date(2200, 12, 31)
TEXT = frozenset(("FN", "TITLE", "ROLE", "NOTE", "LABEL", "SORT-STRING", "CLASS", "MAILER", "PRODID", "UID"))
LISTS = frozenset(("NICKNAME", "CATEGORIES"))
PARTS = frozenset(("N", "ADR", "ORG"))
# properties vCard 3.0 does not have: kept under an X- name (the first two are dropped)
ONLY_V4 = frozenset(("KIND", "CLIENTPIDMAP", "GENDER", "ANNIVERSARY", "MEMBER", "RELATED", "LANG", "XML",
                     "CALADRURI", "BIRTHPLACE", "DEATHPLACE", "DEATHDATE", "EXPERTISE", "HOBBY", "INTEREST",
                     "ORG-DIRECTORY", "CONTACT-URI", "CREATED", "GRAMGENDER", "LANGUAGE", "PRONOUNS",
                     "SOCIALPROFILE", "JSPROP"))  # fmt: skip
PARAMS_V4 = frozenset(("SORT-AS", "GEO", "TZ", "CALSCALE", "INDEX", "LEVEL", "CC", "AUTHOR",
                       "AUTHOR-NAME", "CREATED", "DERIVED", "PHONETIC", "PROP-ID", "SCRIPT", "SERVICE-TYPE",
                       "USERNAME"))  # fmt: skip
BINARY = frozenset(("PHOTO", "LOGO", "SOUND", "KEY"))


_PARAM_NAME = re.compile(r"[A-Za-z0-9-]+")  # an iana-token or x-name (RFC 2426)


def write(
    person: Mapping[str, Any],
    tags: Sequence[str],
    related: Sequence[tuple[str, str]] = (),
    anniversary: str | None = None,
) -> str:
    """One vCard 3.0 for a person row, built on their original card when they have one.

    ``related`` are (TYPE, UID) of the people noted as related to them (net relate),
    written as 4.0's RELATED under 3.0's X- name, as every 4.0-only property is; ``anniversary``
    (a yearly date labelled as one, net date) likewise as X-ANNIVERSARY.

    A property whose value quietnet still holds as it was read is left as the
    card had it (ORG units, category names, the other numbers and addresses).
    """
    original = person.get("vcard")
    lines, was = _original(original) if original else (None, None)
    if lines is None:
        lines = [Line("BEGIN", "VCARD"), Line("VERSION", "3.0"), Line("PRODID", PRODID), Line("END", "VCARD")]
    known = was.fields if was is not None else {}

    def changed(key: str) -> bool:
        return was is None or known.get(key) != person.get(key)

    name = person["name"]
    if was is None or was.name != name or not _all(lines, "N"):
        family, given = _split_name(name)
        _set(lines, "N", f"{escape(family)};{escape(given)};;;")
        _set(lines, "FN", escape(name))
    _set(lines, "UID", escape(person.get("card_uid") or f"urn:uuid:{person['uuid']}"))
    for key, prop in (("nickname", "NICKNAME"), ("role", "TITLE"), ("notes", "NOTE")):
        if changed(key):
            _set(lines, prop, escape(person[key]) if person.get(key) else None)
    if changed("company"):
        _set_company(lines, person.get("company"))
    if changed("email"):
        _set_primary(lines, "EMAIL", person.get("email"), "INTERNET")
    if changed("phone"):
        _set_primary(lines, "TEL", person.get("phone"), "CELL")
    if changed("city"):
        _set_city(lines, person.get("city"))
    if changed("birthday"):
        birthday = person.get("birthday")
        _set(lines, "BDAY", (birthday if len(birthday) == 10 else f"--{birthday}") if birthday else None)
    if related:
        _set(lines, "X-RELATED", None)
        end = next(i for i, line in enumerate(lines) if line.name == "END")
        lines[end:end] = [Line("X-RELATED", escape(uid), (("TYPE", (kind,)),)) for kind, uid in related]
    if anniversary:
        _set(lines, "X-ANNIVERSARY", anniversary if len(anniversary) == 10 else f"--{anniversary}")
    if was is None or sorted(was.tags) != sorted(tags):
        _set(lines, "CATEGORIES", ",".join(escape(t) for t in tags) or None)
    text = "".join(written(line) for line in lines)
    if text == original:
        return text  # a 3.0 card quietnet holds unchanged: given back byte for byte
    if not _all(lines, "PRODID"):
        lines.insert(
            next(i for i, line in enumerate(lines) if line.name == "VERSION") + 1, Line("PRODID", "")
        )
    _set(lines, "PRODID", PRODID)
    return "".join(written(line) for line in lines)


def _original(card: str) -> tuple[list[Line] | None, Contact | None]:
    """A stored card's lines as 3.0, and what an import reads from it (None when it no longer reads)."""
    logical, where = contentline.unfold(LINE_BREAK.split(card.removesuffix("\r\n")), 1)
    try:
        lines = properties(logical, where)
    except Exception:  # a card that no longer parses: write a fresh one rather than fail the export
        return None, None
    try:
        was = contact_of(lines, 0, _NO_DAY)
    except Exception:  # it reads no more (a rule grew stricter): every modelled field is written anew
        was = None
    try:
        return [v3 for line in lines for v3 in as_v3(line)], was
    except BadLine:
        return None, None


def as_v3(line: Line) -> list[Line]:
    """The line as vCard 3.0 says it (none, one, or two for a 4.0 ADR with a LABEL)."""
    name = line.name
    if name in ("BEGIN", "END"):
        return [line]
    if name == "VERSION":
        return [line if line.value == "3.0" else replace(line, value="3.0", raw=None)]
    if name == "CLIENTPIDMAP" or (name == "KIND" and line.value.strip().casefold() == "individual"):
        return []
    value = _value(line)
    params, extra = _params(line)
    if name == "TEL" and value.casefold().startswith("tel:"):
        value = value[4:]
    if name in BINARY and value.startswith("data:") and "," in value:
        head, value = value[5:].split(",", 1)
        subtype = head.split(";")[0].split("/")[-1].upper()
        params = [p for p in params if p[0] not in ("VALUE", "ENCODING", "TYPE")]
        params += [("ENCODING", ("b",))] + ([("TYPE", (subtype,))] if subtype else [])
    if name == "BDAY":
        bday = birthday_text(line)
        if bday and len(bday) == 5:
            value = f"--{bday}"
        params = [p for p in params if p[0] != "X-APPLE-OMIT-YEAR"]
    new_name = f"X-{name}" if name in ONLY_V4 else name
    same = (new_name, value, tuple(params)) == (name, line.value, line.params)
    out = line if same else replace(line, name=new_name, value=value, params=tuple(params), raw=None)
    if extra:
        types = tuple(t for t in out.values("TYPE"))
        label_params = (("TYPE", types),) if types else ()
        label = re.sub(r"\^(.)", _caret, extra)
        out_label = Line("LABEL", escape(contentline.unescape(label)), label_params, line.group, line.number)
        return [out, out_label]
    return [out]


def _caret(m: re.Match[str]) -> str:
    """RFC 6868's escapes in a parameter value: ^n a new line, ^' a double quote, ^^ a caret."""
    return {"n": "\n", "'": '"'}.get(m.group(1), m.group(1))


def _value(line: Line) -> str:
    """The value escaped as 3.0 says (every character kept)."""
    text = contentline.decoded(line)
    name = line.name
    if name in TEXT:
        return escape(contentline.unescape(text))
    if name in LISTS:
        return ",".join(escape(contentline.unescape(v)) for v in contentline.split_on(text, ","))
    if name in PARTS:
        return ";".join(escape(contentline.unescape(v)) for v in contentline.split_on(text, ";"))
    if name == "URL":
        return re.sub(r"\\([:,;\\])", r"\1", text)
    if line.is_quoted_printable():
        return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return text


def _params(line: Line) -> tuple[list[tuple[str, tuple[str, ...]]], str]:
    """3.0 parameters, and the text of a 4.0 LABEL parameter (to become a LABEL line)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    label = ""
    for key, values in line.params:
        upper = [v.upper() for v in values]
        if key in ("", "ENCODING"):
            if upper[0] in ("BASE64", "B"):
                out.append(("ENCODING", ("b",)))
            elif upper[0] not in ("QUOTED-PRINTABLE", "8BIT", "7BIT"):
                out.append(("TYPE", (values[0],)))
        elif key == "TYPE":
            out.append(("TYPE", tuple(t.strip() for v in values for t in v.split(",") if t.strip())))
        elif key == "PREF":
            if values[0].strip() == "1":
                out.append(("TYPE", ("pref",)))
        elif key == "VALUE" and line.name == "TEL" and upper[0] == "URI":
            continue
        elif key == "LABEL" and line.name == "ADR":
            label = values[0]
        elif key in ("CHARSET", "PID", "ALTID", "MEDIATYPE"):
            continue
        elif key in PARAMS_V4:
            out.append((f"X-{key}", values))
        elif _PARAM_NAME.fullmatch(key):
            out.append((key, values))
        # else a parameter 3.0 can't name (Android's X-CUSTOM(CHARSET=...,label)): left out
    return out, label


def _all(lines: list[Line], name: str) -> list[Line]:
    return [line for line in lines if line.name == name]


def _split_name(name: str) -> tuple[str, str]:
    """(family, given) for N: the last word is the family name when there are several."""
    words = name.split()
    if len(words) < 2:
        return "", name
    return words[-1], " ".join(words[:-1])


def _set(lines: list[Line], name: str, value: str | None) -> None:
    """Replace every ``name`` line with one holding ``value`` (None removes them), where the first was."""
    held = _all(lines, name)
    if value and len(held) == 1 and held[0].value == value:
        return
    at = lines.index(held[0]) if held else len(lines) - 1  # else before END
    lines[:] = [line for line in lines if line.name != name]
    if value:
        was = held[0] if held else Line(name, "")
        lines.insert(at, Line(name, value, was.params, was.group))


def _set_primary(lines: list[Line], name: str, value: str | None, kind: str) -> None:
    """Put quietnet's value in the card's preferred ``name`` (EMAIL, TEL), keeping the others."""
    props = ordered(_all(lines, name))
    if props and value:
        if contentline.text(props[0]).strip() != value:
            lines[lines.index(props[0])] = replace(props[0], value=escape(value), raw=None)
    elif props:
        lines.remove(props[0])
    elif value:
        lines.insert(len(lines) - 1, Line(name, escape(value), (("TYPE", (kind,)),)))


def _set_company(lines: list[Line], company: str | None) -> None:
    orgs = _all(lines, "ORG")
    if orgs and company:
        units = contentline.split_on(orgs[0].value, ";")
        lines[lines.index(orgs[0])] = replace(
            orgs[0], value=";".join([escape(company), *units[1:]]), raw=None
        )
    else:
        _set(lines, "ORG", escape(company) if company else None)


def _set_city(lines: list[Line], city: str | None) -> None:
    adrs = ordered(_all(lines, "ADR"))
    if adrs:
        parts = (contentline.split_on(adrs[0].value, ";") + [""] * 7)[:7]
        if contentline.unescape(parts[3]) != (city or ""):
            parts[3] = escape(city or "")
            lines[lines.index(adrs[0])] = replace(adrs[0], value=";".join(parts), raw=None)
    elif city:
        lines.insert(len(lines) - 1, Line("ADR", f";;;{escape(city)};;;", (("TYPE", ("HOME",)),)))
