"""`net import json` of an export of any size: checked a record at a time, then read again as it is written.

A file laid out as ``net export json`` writes it (``io/jsonlayout.py``) is read
twice and never held whole: the first pass checks every record as
``jsonfile.check`` does (the same rules and sentences), keeping only what links
are checked against (the people's ids and uuids, the interactions' ids, compact
while they ascend, as an export writes them); the second pass, inside the
import's transaction, hands ``store.dump.load`` the records one at a time.
"tables" (the other features' rows, few) and "settings" are kept from the
first pass. Where a file holds several faults, the first in the file is named
(read whole, the first in ``jsonfile.check``'s order). A file laid out
otherwise is read whole, as before, up to ``MAX_JSON``; one that changes
between the passes is refused and nothing is written.
"""

from __future__ import annotations

import json
import os
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from quietnet.core import fields
from quietnet.core.kinds import KIND_NAMES
from quietnet.errors import InputError
from quietnet.io import jsonfile
from quietnet.io.jsonlayout import STREAMED, Event, NotLaidOut, events
from quietnet.io.reading import MAX_EXPORT, MAX_JSON, TextFile

HEADER = ("format", "format_version", "schema_version")


class _Ids:
    """Unique ids: an array while they ascend (as an export writes them), a set once they don't."""

    def __init__(self) -> None:
        self.ascending: array[int] | None = array("q")
        self.any: set[int] = set()

    def add(self, value: int) -> bool:
        """False if ``value`` was added before."""
        if self.ascending is not None:
            if not self.ascending or value > self.ascending[-1]:
                self.ascending.append(value)
                return True
            self.any, self.ascending = set(self.ascending), None
        if value in self.any:
            return False
        self.any.add(value)
        return True

    def __contains__(self, value: int) -> bool:
        if self.ascending is None:
            return value in self.any
        at = bisect_left(self.ascending, value)
        return at < len(self.ascending) and self.ascending[at] == value


@dataclass
class Checked:
    """What the first pass keeps: the counts of records, and the small members whole."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STREAMED, 0))
    members: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class _Check:
    def __init__(self, source: str, *, schema_version: int, today: date | None) -> None:
        self.source, self.schema_version, self.today = source, schema_version, today
        self.kept = Checked()
        self.header: dict[str, Any] | None = {}
        self.people: set[int] = set()
        self.uuids: set[str] = set()
        self.interactions, self.helps, self.loops = _Ids(), _Ids(), _Ids()
        self.unknown_kinds: dict[str, int] = {}  # a kind no built-in has: where it is first used
        self.latest = -1  # the last streamed list begun (its place in STREAMED)

    def refuse(self, where: str, reason: str) -> InputError:
        return InputError(f"{self.source}, {where}: {reason}; nothing was imported.")

    def event(self, e: Event) -> None:
        if self.header is not None:
            if e.kind == "member" and e.key in HEADER:
                self.header[e.key] = e.value
                return
            if "format" not in self.header or "schema_version" not in self.header:
                raise NotLaidOut(e.line)  # the header comes later: read whole
            jsonfile.check_header(self.header, self.source, schema_version=self.schema_version)
            self.kept.members.update(self.header)
            self.header = None
        if e.key in HEADER:
            raise NotLaidOut(e.line)
        if e.key in STREAMED and e.kind in ("member", "list"):
            place = STREAMED.index(e.key)
            if place < self.latest:  # links are checked against the lists before: in an export's order
                raise NotLaidOut(e.line)
            self.latest = place
        if e.kind == "record":
            self.record(e.key, e.value)
        elif e.kind == "member" and e.key in STREAMED:
            if not isinstance(e.value, list):
                raise InputError(f'{self.source}: "{e.key}" is not a list; nothing was imported.')
            for record in e.value:
                self.record(e.key, record)
        elif e.kind == "member" and e.key == "tables":
            self.whole_tables(e.value)
        elif e.kind == "table":
            assert e.table is not None
            self.kept.tables[e.table] = []
        elif e.kind == "row":
            assert e.table is not None
            self.row(e.table, e.value)
        elif e.kind == "member":
            if e.key == "settings" and not isinstance(e.value, dict):
                raise InputError(f'{self.source}: "settings" is not an object; nothing was imported.')
            self.kept.members[e.key] = e.value

    def whole_tables(self, tables: Any) -> None:
        if not isinstance(tables, dict) or not all(isinstance(rows, list) for rows in tables.values()):
            raise self.not_tables()
        for table, rows in tables.items():
            self.kept.tables[table] = []
            for row in rows:
                self.row(table, row)

    def not_tables(self) -> InputError:
        return InputError(
            f'{self.source}: "tables" does not map table names to lists of rows; nothing was imported.'
        )

    def row(self, table: str, row: Any) -> None:
        if not isinstance(row, dict):
            raise self.not_tables()
        rows = self.kept.tables[table]
        jsonfile.check_row(table, len(rows), row, self.source)
        rows.append(row)

    def record(self, table: str, record: Any) -> None:
        n = self.kept.counts[table]
        self.kept.counts[table] = n + 1
        where = f"{table}[{n}]"
        jsonfile.check_record(record, jsonfile.SHAPES[table], where, self.source)
        if table == "people":
            self.unique(record["id"] not in self.people, where, "id", record["id"])
            self.unique(record["uuid"] not in self.uuids, where, "uuid", record["uuid"])
            self.people.add(record["id"])
            self.uuids.add(record["uuid"])
            if self.today is not None and record.get("birthday"):
                try:
                    fields.birthday(record["birthday"], today=self.today)
                except InputError as exc:
                    raise self.refuse(where, f"birthday: {exc.message.rstrip('.')}") from None
        elif table == "interactions":
            self.unique(self.interactions.add(record["id"]), where, "id", record["id"])
            for uuid in record["people"]:
                self.person(uuid, where)
            if record["kind"] not in KIND_NAMES:
                self.unknown_kinds.setdefault(record["kind"], n)
        elif table == "helps":
            self.unique(self.helps.add(record["id"]), where, "id", record["id"])
            self.person(record["person"], where)
            if record.get("interaction") is not None and record["interaction"] not in self.interactions:
                raise self.refuse(where, f"the interaction {record['interaction']} is not in the file")
        else:
            self.unique(self.loops.add(record["id"]), where, "id", record["id"])
            self.person(record["person"], where)
            if record.get("help") is not None and record["help"] not in self.helps:
                raise self.refuse(where, f"the help {record['help']} is not in the file")

    def unique(self, new: bool, where: str, key: str, value: Any) -> None:
        if not new:
            raise self.refuse(where, f"{key} {json.dumps(value)} appears twice")

    def person(self, uuid: str, where: str) -> None:
        if uuid not in self.uuids:
            raise self.refuse(where, f"the person {uuid} is not in the file")

    def finish(self) -> Checked:
        if self.header is not None:  # nothing but the header
            jsonfile.check_header(self.header, self.source, schema_version=self.schema_version)
            self.kept.members.update(self.header)
        own = self.kept.tables.get("kind", [])
        jsonfile.check_kinds({"tables": {"kind": own}}, self.source)
        names = {row["name"] for row in own}
        for kind, n in sorted(self.unknown_kinds.items(), key=lambda item: item[1]):
            if kind not in names:
                choices = ", ".join((*KIND_NAMES, *sorted(names)))
                shown = json.dumps(kind, ensure_ascii=False)
                raise self.refuse(f"interactions[{n}]", f"kind: {shown} is not one of {choices}")
        return self.kept


def check(text: Iterable[str], source: str, *, schema_version: int, today: date | None = None) -> Checked:
    """The first pass: every record checked, or InputError naming the first at fault (NotLaidOut:
    read the file whole)."""
    checking = _Check(source, schema_version=schema_version, today=today)
    for e in events(text):
        checking.event(e)
    return checking.finish()


class _Replay:
    """The second pass: each streamed list's records in turn, from one reading of the file."""

    def __init__(self, source: TextFile, changed: InputError) -> None:
        self.events = events(source.blocks())
        self.pending: Event | None = None
        self.changed = changed

    def records(self, key: str) -> Iterator[Any]:
        later = set(STREAMED[STREAMED.index(key) + 1 :])
        try:
            while (e := self.pending or next(self.events, None)) is not None:
                self.pending = None
                if e.key in later:
                    self.pending = e
                    return
                if e.key == key and e.kind == "record":
                    yield e.value
                elif e.key == key and e.kind == "member":
                    yield from e.value
        except NotLaidOut:
            raise self.changed from None


def read(
    path: Path, source: str, *, schema_version: int, today: date
) -> tuple[dict[str, Any], dict[str, int]]:
    """The export at ``path`` checked, as a document for ``store.dump.load``, and its counts of records."""
    file = TextFile(path, limit=MAX_EXPORT)
    before = _stamp(path)
    try:
        checked = check(_blocks(file), source, schema_version=schema_version, today=today)
    except NotLaidOut as exc:
        if file.size > MAX_JSON:
            raise InputError(
                f"{source}, line {exc.line}: this is not laid out as net export json writes it, and a file "
                f"over {MAX_JSON // (1024 * 1024)} MB is read only in that layout; nothing was imported."
            ) from None
        whole = jsonfile.parse(file.text(), source, schema_version=schema_version, today=today)
        return whole, {key: len(whole.get(key, [])) for key in STREAMED}
    changed = InputError("it changed while it was being imported.")  # worded whole by ops.importing.restore
    replay = _Replay(file, changed)

    def last() -> Iterator[Any]:
        yield from replay.records("loops")
        if _stamp(path) != before:
            raise changed

    document: dict[str, Any] = {**checked.members, "tables": checked.tables}
    document.update({key: replay.records(key) for key in STREAMED[:-1]}, loops=last())
    return document, checked.counts


def _blocks(file: TextFile) -> Iterator[str]:
    """The file's text; a line too long or not decodable in a file small enough: read it whole."""
    try:
        yield from file.blocks()
    except InputError:
        if file.size > MAX_JSON:
            raise
        raise NotLaidOut(0) from None


def _stamp(path: Path) -> tuple[int, int, int]:
    try:
        found = os.stat(path)
    except OSError:
        return (0, 0, 0)
    return (found.st_ino, found.st_size, found.st_mtime_ns)
