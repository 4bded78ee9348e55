"""CSV in (Google Contacts' export and any CSV with a header) and out (one row per person).

Columns are matched to fields by their header (``Name``, ``First Name``,
``E-mail 1 - Value``, ``Organization Title``, quietnet's own field names...);
``--map "Column=field"`` names or overrides a mapping. The reader is strict: a
quoted cell that is never closed or a row with more or fewer cells than the
header is a problem with its line number, never silently patched.

Outlook's export is recognised by its header: its ``Title`` is the name
prefix ("Mr."), ``Job Title`` the role, the city comes from the home, business
or other address (the first one given), the phone from the mobile, primary,
home, business or other number; its dates are month first (``4/12/1985``)
unless told ``--date-order dmy``, and ``0/0/00`` means no date. A row without
a person's name (a company-only contact) is left out and counted, not refused.

The writer neutralises cells a spreadsheet would run as a formula (those
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) with a
leading apostrophe; the reader removes that apostrophe again.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from quietnet.core.text import fold, shown
from quietnet.errors import InputError
from quietnet.io.contact import TARGETS, Nameless, Problem, Read, contact_from

COLUMNS: tuple[str, ...] = (
    "uuid", "name", "nickname", "circle", "closeness", "kin", "cadence_days", "met_on", "how_met",
    "origin", "company", "role", "city", "email", "phone", "birthday", "interests", "notes", "tags",
    "snoozed_until", "archived_at", "last_contact",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_ALIASES: dict[str, str] = {
    "full name": "name", "display name": "name", "fn": "name", "contact name": "name",
    "first name": "first_name", "given name": "first_name", "firstname": "first_name",
    "middle name": "middle_name", "additional name": "middle_name",
    "last name": "last_name", "family name": "last_name", "surname": "last_name", "lastname": "last_name",
    "nick name": "nickname", "nick": "nickname",
    "organization": "company", "organisation": "company", "organization name": "company",
    "organization 1 name": "company", "org": "company", "employer": "company",
    "title": "role", "job title": "role", "position": "role", "organization title": "role",
    "organization 1 title": "role",
    "e mail": "email", "email address": "email", "e mail address": "email", "e mail 1 value": "email",
    "email 1 value": "email", "mobile": "phone", "mobile phone": "phone", "phone number": "phone",
    "phone 1 value": "phone", "telephone": "phone", "cell": "phone",
    "address 1 city": "city", "home city": "city", "town": "city",
    "date of birth": "birthday", "bday": "birthday", "birth date": "birthday",
    "note": "notes", "labels": "tags", "group membership": "tags", "categories": "tags", "groups": "tags",
    "met": "met_on", "connected on": "met_on", "cadence": "cadence_days", "snoozed": "snoozed_until",
    "archived at": "ignore", "last contact": "ignore",
}  # fmt: skip


# Outlook's header, recognised when it has all of MARKS: key -> target, tried in this order when
# several columns feed one field (the first cell given wins); None: a column no alias may take.
OUTLOOK_MARKS = {"first name", "last name", "job title", "e mail address", "business city", "home city"}
OUTLOOK: dict[str, str | None] = {
    "title": None, "suffix": None,  # the name's prefix (Mr., Dr.) and suffix, not a role
    "job title": "role", "company": "company", "nickname": "nickname",
    "e mail address": "email", "e mail 2 address": "email", "e mail 3 address": "email",
    "mobile phone": "phone", "primary phone": "phone", "home phone": "phone",
    "business phone": "phone", "other phone": "phone",
    "home city": "city", "business city": "city", "other city": "city",
    "birthday": "birthday", "notes": "notes", "categories": "tags",
}  # fmt: skip
DATED = ("birthday", "met_on", "snoozed_until")
DATE_ORDERS = {"mdy": "month first", "dmy": "day first"}
_NUMERIC_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}|[0-9]{2})")
_NO_DATE = re.compile(r"0{1,2}/0{1,2}/0{2,4}")  # Outlook's empty date


def _key(header: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", fold(header)).strip()


def is_outlook(header: list[str]) -> bool:
    """Whether a header is Outlook's (desktop or Outlook.com) contacts export."""
    return {_key(h) for h in header} >= OUTLOOK_MARKS


def date_order_of(text: str | None) -> str | None:
    """``--date-order``: mdy or dmy (None: numbers-only dates stay refused as ambiguous)."""
    if text is None:
        return None
    order = text.strip().casefold()
    if order not in DATE_ORDERS:
        said = shown(text)
        raise InputError(f'--date-order is mdy (4/12/1985 is 12 April) or dmy (4 December), not "{said}".')
    return order


def dated(text: str, order: str | None, *, today: date) -> str:
    """A date cell as the reader takes it: ``0/0/00`` is empty; ``4/12/1985`` in ISO by ``order``."""
    cell = text.strip()
    if _NO_DATE.fullmatch(cell):
        return ""
    m = _NUMERIC_DATE.fullmatch(cell)
    if m is None:
        return text
    if order is None:
        import calendar

        one, two = (int(n) for n in m.groups()[:2])
        readings = [
            f"{d} {calendar.month_name[mo]} (--date-order {o})"
            for o, (mo, d) in (("mdy", (one, two)), ("dmy", (two, one)))
            if 1 <= mo <= 12
        ]
        if len(readings) == 2:
            raise InputError(
                f'"{shown(cell)}" could be {readings[0]} or {readings[1]}; import again with one of them.'
            )
        return text
    first, second, year = m.groups()
    month, day = (first, second) if order == "mdy" else (second, first)
    number = int(year)
    if len(year) == 2:
        number += 2000 if 2000 + number <= today.year else 1900
    try:
        return date(number, int(month), int(day)).isoformat()
    except ValueError:
        way = "month/day/year" if order == "mdy" else "day/month/year"
        raise InputError(f'"{shown(cell)}" is not a date read {DATE_ORDERS[order]} ({way}).') from None


KNOWN: dict[str, str] = {**{_key(t): t for t in TARGETS}, **_ALIASES}


def delimiter_of(text: str) -> str:
    """The delimiter the user typed: one character, or the word tab."""
    if text.casefold() in ("tab", "\\t", "\t"):
        return "\t"
    if len(text) != 1 or text in ('"', "\r", "\n"):
        said = shown(text)
        raise InputError(f'The delimiter is one character such as , ; | or the word tab, not "{said}".')
    return text


_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


def rows(
    lines: str | Iterable[str], source: str, *, delimiter: str, first_line: int = 1
) -> Iterator[tuple[int, list[str]] | Problem]:
    """(line, cells) for each record, or a Problem; blank lines are skipped.

    ``lines``: a file's lines with their endings (as read with newline=""), or its text.
    """
    given = io.StringIO(lines, newline="") if isinstance(lines, str) else lines
    # A classic Mac CSV ends its lines with CR alone: each such line is a line of its own.
    parts = (part for line in given for part in _LONE_CR.split(line) if part)
    reader = csv.reader(parts, delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + first_line
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                reason = "A quoted cell that starts here is never closed (a missing closing quote)."
            elif "field larger than field limit" in str(exc):
                reason = (
                    f"A cell holds more than {csv.field_size_limit():,} characters, too many for one field."
                )
            else:
                reason = f"The quotes in this row don't pair up ({exc})."
            yield Problem(source, start, reason)
            continue
        if cells:
            yield start, cells


def mapping_of(header: list[str], given: Mapping[str, str], source: str) -> tuple[dict[int, str], list[str]]:
    """Which target each column index feeds, and the columns left out."""
    by_header = {h.strip(): i for i, h in reversed(list(enumerate(header)))}
    by_fold = {fold(h.strip()): i for i, h in reversed(list(enumerate(header)))}
    chosen: dict[int, str] = {}
    for column, target in given.items():
        index = by_header.get(column.strip(), by_fold.get(fold(column.strip())))
        if index is None:
            shown = ", ".join(h for h in header if h.strip())
            raise InputError(f'{source} has no column "{column}"; its columns are: {shown}.')
        chosen[index] = target
    taken = set(chosen.values()) - {"ignore"}
    profile: dict[int, str | None] = {}
    if is_outlook(header):
        keys = {_key(h): i for i, h in reversed(list(enumerate(header)))}
        for key, field in OUTLOOK.items():  # several columns may feed one field, in this order
            if key in keys and keys[key] not in chosen and field not in taken:
                profile[keys[key]] = field
    chosen.update({i: t for i, t in profile.items() if t is not None})
    taken |= {t for t in profile.values() if t is not None}
    for i, h in enumerate(header):
        known = KNOWN.get(_key(h))
        if i in chosen or i in profile or known is None or known in taken:
            continue
        chosen[i] = known
        taken.add(known)
    ignored = [h for i, h in enumerate(header) if i not in chosen and h.strip()]
    if not taken & {"name", "first_name", "last_name"}:
        hint = ""
        if len(header) == 1 and any(d in header[0] for d in ";\t|"):
            hint = " Its header looks split by another character: try --delimiter ';' (or tab, or |)."
        raise InputError(
            f"{source}: no column holds names (looked for Name, Full Name, First Name, Last Name...). "
            f'Name it with --map "COLUMN=name".{hint}'
        )
    return {i: t for i, t in chosen.items() if t != "ignore"}, ignored


def unneutralise(cell: str) -> str:
    """Undo the writer's formula guard: ``'=x`` reads back as ``=x``."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1] in FORMULA_STARTS else cell


def read(
    text: str | Iterable[str],
    source: str,
    *,
    delimiter: str = ",",
    given: Mapping[str, str] | None = None,
    date_order: str | None = None,
    today: date,
    tick: Callable[[], None] = lambda: None,
) -> Read:
    """Every row of a CSV with a header, as contacts, problems and rows without a name.

    ``date_order``: how to read numbers-only dates (mdy, dmy); Outlook's default to mdy.
    """
    found = Read()
    order, outlook = date_order, False
    example: tuple[str, str] | None = None  # an Outlook date read month first, to say so
    records = rows(text, source, delimiter=delimiter)
    header: list[str] | None = None
    for item in records:
        if isinstance(item, Problem):
            found.problems.append(item)
            if header is None:
                return found
            continue
        if header is None:
            header = item[1]
            columns, found.ignored = mapping_of(header, given or {}, source)
            outlook = is_outlook(header)
            order = date_order or ("mdy" if outlook else None)
            continue
        line, cells = item
        if len(cells) != len(header):
            found.problems.append(
                Problem(source, line, f"It has {len(cells)} cells where the header has {len(header)}.")
            )
            continue
        values: dict[str, str] = {}
        for i, target in columns.items():  # the first cell given wins (Outlook's several cities)
            if not values.get(target, "").strip():
                values[target] = unneutralise(cells[i])
        try:
            if not any(values.get(k, "").strip() for k in ("name", "first_name", "middle_name", "last_name")):
                raise Nameless("It has no name.")  # left out whatever else the row holds
            for target in DATED:
                if target in values:
                    raw, values[target] = values[target], _dated(target, values[target], order, today)
                    if not values[target]:
                        continue
                    if outlook and date_order is None and example is None and values[target] != raw.strip():
                        example = (raw.strip(), values[target])
            contact = contact_from(values, line=line, today=today)
        except Nameless as exc:
            found.nameless.append(Problem(source, line, exc.message))
        except InputError as exc:
            found.problems.append(Problem(source, line, exc.message))
        else:
            contact.source = source
            found.contacts.append(contact)
        tick()
    if header is None:
        raise InputError(f"{source} is empty; nothing was imported.")
    if example is not None:
        found.said.append(
            f'Dates were read month first, as Outlook writes them ("{shown(example[0])}" is {example[1]}); '
            "if this file has them day first, import it with --date-order dmy."
        )
    return found


def _dated(target: str, text: str, order: str | None, today: date) -> str:
    try:
        return dated(text, order, today=today)
    except InputError as exc:
        label = target.replace("_", " ").capitalize()
        raise InputError(f"{label}: {exc.message}") from None


def safe(value: Any) -> str:
    """A cell a spreadsheet shows as text: formula starts get a leading apostrophe."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def write(people: Iterable[Mapping[str, Any]]) -> str:
    """One row per person under quietnet's own header; every cell spreadsheet-safe."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for person in people:
        row = dict(person)
        row["kin"] = "yes" if row.get("kin") else ""
        row["tags"] = ", ".join(row.get("tags") or ())
        writer.writerow([safe(row.get(c)) for c in COLUMNS])
    return out.getvalue()


def parse_map(items: Iterable[str]) -> dict[str, str]:
    """``--map "Column=field"`` options as {column: field}."""
    found: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        target = target.strip().replace("-", "_").casefold()
        if not sep or not column.strip():
            raise InputError(f'--map takes "COLUMN=field", such as "Full Name=name", not "{shown(item)}".')
        if target not in TARGETS:
            said = shown(target)
            raise InputError(f'"{said}" is not a field to map to; choose one of {", ".join(TARGETS)}.')
        found[column] = target
    return found
