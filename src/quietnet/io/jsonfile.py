"""quietnet's own export: everything, lossless, as one JSON document.

    {"format": "quietnet", "format_version": 1, "schema_version": 2,
     "people": [...], "interactions": [...], "helps": [...], "loops": [...], "settings": {...}}

Every row keeps its id, so ``#12`` still names the same person after a move;
people carry their uuid, and interactions, helps and loops name people by uuid.
Timestamps are kept exactly as stored (ISO 8601, UTC). The change journal and
the scheduler's per-person summaries are not exported: the first is this
store's history, the second is rebuilt from the interactions on import.

``parse`` checks a document completely (shape, types, dates, links between
records) before anything is written, and names the record at fault.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from quietnet.core import fields, kinds
from quietnet.core.dates import MAX_DAYS, MAX_YEAR, MIN_YEAR
from quietnet.core.kinds import HELP_KINDS, KIND_NAMES
from quietnet.core.records import CIRCLES, FORMAT, FORMAT_VERSION, ORIGINS
from quietnet.core.text import has_control, shown
from quietnet.errors import InputError

LOOP_TYPES = ("promise", "need")


def render(document: Mapping[str, Any]) -> str:
    """The export's text: UTF-8 as typed, two-space indent, keys in a fixed order."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Each record's fields: name -> (check, required). Checks raise ValueError with a reason.
Check = Callable[[Any], None]


def _is(*types: type) -> Check:
    def check(value: Any) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise ValueError(f"expected {' or '.join(t.__name__ for t in types)}, got {json.dumps(value)}")

    return check


CONTROL = "control characters (such as escape codes or NUL) are not allowed"
MAX_ID = 2**63 - 1  # SQLite's and PostgreSQL's largest integer


def _rule(rule: Callable[[str], object]) -> Check:
    """A field rule of quietnet.core.fields as a check: the same sentence, as a reason."""

    def check(value: Any) -> None:
        _is(str)(value)
        try:
            rule(value)
        except InputError as exc:
            raise ValueError(exc.message.rstrip(".")) from None

    return check


# Notes may span lines (newlines and tabs, no terminal escapes); every other text is one line.
_notes = _rule(lambda v: fields.clean_text(v, what="the text"))
_text = _rule(lambda v: fields.one_line(v, what="the text"))


def _line(value: Any) -> None:
    """One line, as the CLI accepts a name."""
    _rule(lambda v: fields.clean_name(v, what="the text"))(value)


def _exact(rule: Callable[[str], str]) -> Check:
    """A value that must already be in the form ``rule`` stores (a tag, a uuid, a birthday)."""

    def check(value: Any) -> None:
        _is(str)(value)
        try:
            stored = rule(value)
        except InputError as exc:
            raise ValueError(exc.message.rstrip(".")) from None
        if stored != value:
            raise ValueError(f'"{shown(value)}" is not written as quietnet stores it ({stored})')

    return check


# Columns of the other features' tables with a rule of their own (the scheduler reads these)
TABLE_CHECKS: dict[tuple[str, str], Check] = {
    ("yearly_date", "day"): _exact(fields.yearly_day),
    ("yearly_date", "label"): _rule(lambda v: fields.one_line(v, what="the text", limit=fields.MAX_LABEL)),
    ("relationship", "role"): _rule(lambda v: fields.one_line(v, what="the text", limit=fields.MAX_LABEL)),
}


def _uuid(value: Any) -> None:
    _is(str)(value)
    try:
        canonical = fields.uuid(value)
    except InputError:
        canonical = None
    if canonical != value:
        raise ValueError(f'"{shown(value)}" is not a UUID (such as 0b6f1c1e-8d0a-4c4e-9d2b-5f0e1a2b3c4d)')


def _card(value: Any) -> None:
    """An original vCard, kept byte for byte: its lines end in CR LF."""
    _is(str)(value)
    if has_control(value.replace("\r\n", "\n"), allow_newlines=True):
        raise ValueError(CONTROL)


def _day(value: Any) -> None:
    _is(str)(value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{shown(value)}" is not a date (YYYY-MM-DD)') from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"{value} falls outside the years {MIN_YEAR} to {MAX_YEAR}")


def _stamp(value: Any) -> None:
    _is(str)(value)
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{shown(value)}" is not a timestamp (ISO 8601)') from None
    if not MIN_YEAR <= stamp.year <= MAX_YEAR:
        raise ValueError(f"{value} falls outside the years {MIN_YEAR} to {MAX_YEAR}")


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> None:
        if value not in choices:
            raise ValueError(f"{shown(json.dumps(value))} is not one of {', '.join(choices)}")

    return check


def _closeness(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise ValueError(f"expected 1 to 5, got {shown(json.dumps(value))}")


def _count(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID:
        raise ValueError(f"expected a whole number from 1 to {MAX_ID}, got {shown(json.dumps(value))}")


def _cadence(value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_DAYS:
        raise ValueError(f"expected 1 to {MAX_DAYS} days, got {shown(json.dumps(value))}")


def _list_of(check: Check, *, empty: bool) -> Check:
    def checks(value: Any) -> None:
        if not isinstance(value, list):
            raise ValueError("expected a list")
        if not value and not empty:
            raise ValueError("no one is named; each needs at least one person")
        for v in value:
            check(v)

    return checks


_tags = _list_of(_exact(fields.tag), empty=True)


def _birthday(value: Any) -> None:
    _exact(fields.birthday)(value)


REQUIRED, OPTIONAL = True, False
SHAPES: dict[str, dict[str, tuple[Check, bool]]] = {
    "people": {
        "id": (_count, REQUIRED), "uuid": (_uuid, REQUIRED), "name": (_rule(fields.person_name), REQUIRED),
        "nickname": (_rule(fields.nickname), OPTIONAL), "circle": (_one_of(CIRCLES), REQUIRED),
        "closeness": (_closeness, OPTIONAL), "kin": (_is(bool), REQUIRED),
        "cadence_days": (_cadence, OPTIONAL), "met_on": (_day, OPTIONAL), "how_met": (_text, OPTIONAL),
        "origin": (_one_of(ORIGINS), OPTIONAL), "company": (_text, OPTIONAL), "role": (_text, OPTIONAL),
        "city": (_text, OPTIONAL), "email": (_rule(fields.email), OPTIONAL),
        "phone": (_rule(fields.phone), OPTIONAL), "birthday": (_birthday, OPTIONAL),
        "interests": (_text, OPTIONAL), "notes": (_notes, OPTIONAL),
        "snoozed_until": (_day, OPTIONAL), "archived_at": (_stamp, OPTIONAL),
        "created_at": (_stamp, REQUIRED), "updated_at": (_stamp, REQUIRED),
        "card_uid": (_text, OPTIONAL), "vcard": (_card, OPTIONAL), "tags": (_tags, REQUIRED),
    },
    "interactions": {
        "id": (_count, REQUIRED), "day": (_day, REQUIRED), "kind": (_is(str), REQUIRED),
        "said": (_line, OPTIONAL), "note": (_notes, OPTIONAL), "by_them": (_is(bool), REQUIRED),
        "created_at": (_stamp, REQUIRED), "people": (_list_of(_uuid, empty=False), REQUIRED),
    },
    "helps": {
        "id": (_count, REQUIRED), "day": (_day, REQUIRED), "person": (_uuid, REQUIRED),
        "kind": (_one_of(HELP_KINDS), REQUIRED), "what": (_text, REQUIRED), "outcome": (_text, OPTIONAL),
        "outcome_on": (_day, OPTIONAL), "interaction": (_count, OPTIONAL), "created_at": (_stamp, REQUIRED),
    },
    "loops": {
        "id": (_count, REQUIRED), "person": (_uuid, REQUIRED), "type": (_one_of(LOOP_TYPES), REQUIRED),
        "what": (_text, REQUIRED), "opened_on": (_day, REQUIRED), "closed_on": (_day, OPTIONAL),
        "help": (_count, OPTIONAL), "created_at": (_stamp, REQUIRED),
    },
}  # fmt: skip


def parse(text: str, source: str, *, schema_version: int, today: date | None = None) -> dict[str, Any]:
    """A checked export document, or InputError naming the line or record at fault."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}, line {exc.lineno}: this is not valid JSON ({exc.msg}); nothing was imported."
        ) from None
    except RecursionError:
        raise InputError(
            f"{source} is nested too deeply to be a quietnet export; nothing was imported."
        ) from None
    except ValueError as exc:  # such as a number with more than 4,300 digits
        reason = str(exc).split(":")[0].rstrip(".")
        raise InputError(f"{source}: this is not usable JSON ({reason}); nothing was imported.") from None
    return check(document, source, schema_version=schema_version, today=today)


def check(document: Any, source: str, *, schema_version: int, today: date | None = None) -> dict[str, Any]:
    """``document`` checked completely against the field rules, or InputError naming the record at fault.

    With ``today``, a birthday with a year must not be after it (as the commands require).
    """
    checked = check_header(document, source, schema_version=schema_version)
    for table, shape in SHAPES.items():
        records = checked.get(table, [])
        if not isinstance(records, list):
            raise InputError(f'{source}: "{table}" is not a list; nothing was imported.')
        for n, record in enumerate(records):
            check_record(record, shape, f"{table}[{n}]", source)
    settings = checked.get("settings", {})
    if not isinstance(settings, dict):
        raise InputError(f'{source}: "settings" is not an object; nothing was imported.')
    tables = checked.get("tables", {})
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows) for rows in tables.values()
    ):
        raise InputError(
            f'{source}: "tables" does not map table names to lists of rows; nothing was imported.'
        )
    for table, rows in tables.items():
        for n, row in enumerate(rows):
            check_row(table, n, row, source)
    check_kinds(checked, source)
    _check_links(checked, source)
    for n, person in enumerate(checked.get("people", [])):
        if today is not None and person.get("birthday"):
            try:
                fields.birthday(person["birthday"], today=today)
            except InputError as exc:
                reason = exc.message.rstrip(".")
                raise InputError(
                    f"{source}, people[{n}]: birthday: {reason}; nothing was imported."
                ) from None
    return checked


def check_row(table: str, n: int, row: dict[str, Any], source: str) -> None:
    """One row of ``tables``: no control characters, and its columns' own rules."""
    for key, value in row.items():
        if isinstance(value, str) and has_control(value, allow_newlines=True):
            raise InputError(f"{source}, tables.{table}[{n}]: {key}: {CONTROL}; nothing was imported.")
        if (check := TABLE_CHECKS.get((table, key))) is not None:
            try:
                check(value)
            except ValueError as exc:
                raise InputError(
                    f"{source}, tables.{table}[{n}]: {key}: {exc}; nothing was imported."
                ) from None


def check_header(document: Any, source: str, *, schema_version: int) -> dict[str, Any]:
    """A quietnet export (its "format"), of a schema and format this quietnet knows."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InputError(
            f'{source} is not a quietnet export (it has no "format": "quietnet"); nothing was imported.'
        )
    newer = []
    for key, known, label in (
        ("schema_version", schema_version, "schema"),
        ("format_version", FORMAT_VERSION, "format"),
    ):
        # Early exports had no format_version: they are format 1.
        version = document.get(key, 1 if key == "format_version" else None)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            wanted = "is missing or not a whole number from 1 on"
            raise InputError(f'{source}: "{key}" {wanted}; nothing was imported.')
        if version > known:
            newer.append(f"{label} {shown(str(version), limit=20)}; this one knows up to {known}")
    if newer:
        raise InputError(
            f"{source} was written by a newer quietnet ({'; '.join(newer)}). "
            "Upgrade quietnet to import it; nothing was imported."
        )
    return document


def check_kinds(document: dict[str, Any], source: str) -> None:
    """Own kinds (``tables.kind``) held to the rules of `net kind add`; each interaction's kind known."""
    own: set[str] = set()
    for n, row in enumerate(document.get("tables", {}).get("kind", [])):
        name, weight, energy = row.get("name"), row.get("weight"), row.get("energy")
        try:
            if not isinstance(name, str) or name in own:
                raise InputError("the name is missing or given twice.")
            if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (weight, energy)):
                raise InputError("weight and energy must be numbers.")
            kind = kinds.define(name, like=None, weight=float(weight), energy=int(energy))
            if kind.name != name or kind.energy != energy:
                raise InputError("the name must be in lower case and the energy a whole number.")
        except InputError as exc:
            raise InputError(
                f"{source}, tables.kind[{n}]: {exc.message.rstrip('.')}; nothing was imported."
            ) from None
        own.add(name)
    for n, record in enumerate(document.get("interactions", [])):
        if record["kind"] not in KIND_NAMES and record["kind"] not in own:
            choices = ", ".join((*KIND_NAMES, *sorted(own)))
            raise InputError(
                f"{source}, interactions[{n}]: kind: {json.dumps(record['kind'], ensure_ascii=False)} is not "
                f"one of {choices}; nothing was imported."
            )


def check_record(record: Any, shape: Mapping[str, tuple[Check, bool]], where: str, source: str) -> None:
    def refuse(reason: str) -> InputError:
        return InputError(f"{source}, {where}: {reason}; nothing was imported.")

    if not isinstance(record, dict):
        raise refuse("expected an object")
    unknown = sorted(set(record) - set(shape))
    if unknown:
        raise refuse(f'unknown field "{unknown[0]}"')
    for key, (check, required) in shape.items():
        value = record.get(key)
        if value is None:
            if required:
                raise refuse(f'"{key}" is missing')
            continue
        try:
            check(value)
        except ValueError as exc:
            raise refuse(f"{key}: {exc}") from None


def _unique(records: list[dict[str, Any]], key: str, table: str, source: str) -> set[Any]:
    seen: set[Any] = set()
    for n, record in enumerate(records):
        if record[key] in seen:
            value = json.dumps(record[key])
            raise InputError(f"{source}, {table}[{n}]: {key} {value} appears twice; nothing was imported.")
        seen.add(record[key])
    return seen


def _check_links(document: dict[str, Any], source: str) -> None:
    """Every reference points at a record of the document, and ids and uuids are unique."""
    people = document.get("people", [])
    _unique(people, "id", "people", source)
    uuids = _unique(people, "uuid", "people", source)
    interactions = _unique(document.get("interactions", []), "id", "interactions", source)
    helps = _unique(document.get("helps", []), "id", "helps", source)
    _unique(document.get("loops", []), "id", "loops", source)

    def missing(where: str, what: str) -> InputError:
        return InputError(f"{source}, {where}: {what} is not in the file; nothing was imported.")

    for n, record in enumerate(document.get("interactions", [])):
        for uuid in record["people"]:
            if uuid not in uuids:
                raise missing(f"interactions[{n}]", f"the person {uuid}")
    for n, record in enumerate(document.get("helps", [])):
        if record["person"] not in uuids:
            raise missing(f"helps[{n}]", f"the person {record['person']}")
        if record.get("interaction") is not None and record["interaction"] not in interactions:
            raise missing(f"helps[{n}]", f"the interaction {record['interaction']}")
    for n, record in enumerate(document.get("loops", [])):
        if record["person"] not in uuids:
            raise missing(f"loops[{n}]", f"the person {record['person']}")
        if record.get("help") is not None and record["help"] not in helps:
            raise missing(f"loops[{n}]", f"the help {record['help']}")
