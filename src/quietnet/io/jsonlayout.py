"""Our own export read a record at a time from its lines, so a restore never holds the whole document.

``net export json`` writes ``json.dumps(document, ensure_ascii=False, indent=2)``:
each member of the top-level object starts a line indented two spaces, and each
record of a list starts a line indented two more (four; six inside "tables")
and ends at the next line so indented that closes it. JSON text never holds a
raw newline inside a string, so a record is its lines joined, read by
``json.loads``. ``events`` yields the members and records of a text so laid out,
with the line each starts on; anything else (another indentation, CR LF, a
missing or extra comma, a key twice, text that is not JSON) raises
``NotLaidOut``, and the caller reads the file whole instead (``jsonfile.parse``,
which words what is wrong), up to ``reading.MAX_JSON``.
When ``events`` finishes without ``NotLaidOut``, what it yielded is exactly what
``json.loads`` of the whole text gives.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

STREAMED = ("people", "interactions", "helps", "loops")  # lists read a record at a time


class NotLaidOut(Exception):
    """The text is not laid out as ``net export json`` writes it (at ``line``)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@dataclass(frozen=True)
class Event:
    """``kind``: "member" (``value`` is the member's whole value; "tables" comes as ``{}``,
    then its rows), "list" (a streamed list of ``key`` begins), "record" (one of its
    records), "table" (``table`` of "tables" begins) or "row" (one row of ``table``)."""

    kind: str
    key: str
    line: int
    value: Any = None
    table: str | None = None


class _Lines:
    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.number = 0
        self.after = False  # whether the list just read was followed by a comma

    def next(self) -> str:
        line = next(self._lines, None)
        if line is None:
            raise NotLaidOut(self.number + 1)
        self.number += 1
        if not line.endswith("\n") or line.endswith("\r\n"):
            raise NotLaidOut(self.number)
        return line[:-1]

    def rest(self) -> Iterator[str]:
        for line in self._lines:
            self.number += 1
            yield line


def _loads(text: str, line: int) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # read whole, the file gets json's own words for it
        raise NotLaidOut(line) from None


def _member(line: str, number: int, indent: int) -> tuple[str, str]:
    """A member's key and the text after its colon, on a line indented ``indent`` spaces."""
    if not line.startswith(" " * indent + '"'):
        raise NotLaidOut(number)
    try:
        key, end = json.decoder.scanstring(line, indent + 1)  # type: ignore[attr-defined]
    except ValueError:
        raise NotLaidOut(number) from None
    if line[end : end + 2] != ": ":
        raise NotLaidOut(number)
    return key, line[end + 2 :]


def _comma(text: str) -> tuple[str, bool]:
    return (text[:-1], True) if text.endswith(",") else (text, False)


def _value(first: str, lines: _Lines, indent: int) -> tuple[Any, bool]:
    """A value that starts with ``first`` (after a key or the indentation) and ends on the line
    indented ``indent`` spaces that closes it; and whether a comma follows it."""
    start = lines.number
    text, comma = _comma(first)
    if text in ("{", "["):
        closing = " " * indent + ("}" if text == "{" else "]")
        held = [text]
        while True:
            line = lines.next()
            if line in (closing, closing + ","):
                text, comma = _comma(line)
                held.append(text)
                break
            if not line.startswith(" " * (indent + 1)):
                raise NotLaidOut(lines.number)
            held.append(line)
        text = "\n".join(held)
    return _loads(text, start), comma


def _items(lines: _Lines, indent: int) -> Iterator[tuple[int, Any]]:
    """The elements of a list opened by ``[`` at the end of the line before, each with its line."""
    closing, pad = " " * (indent - 2) + "]", " " * indent
    comma = True
    first = True
    while True:
        line = lines.next()
        if line in (closing, closing + ","):
            if not first and comma:
                raise NotLaidOut(lines.number)
            lines.after = line.endswith(",")
            return
        if not comma or not line.startswith(pad) or line[indent : indent + 1] in ("", " "):
            raise NotLaidOut(lines.number)
        start = lines.number
        value, comma = _value(line[indent:], lines, indent)
        first = False
        yield start, value


def events(lines: Iterable[str]) -> Iterator[Event]:
    """The members and records of an export laid out as ``net export json`` writes it."""
    source = _Lines(lines)
    if source.next() != "{":
        raise NotLaidOut(1)
    seen: set[str] = set()
    comma = True
    while True:
        line = source.next()
        if line == "}":
            if comma and seen:
                raise NotLaidOut(source.number)
            break
        if not comma:
            raise NotLaidOut(source.number)
        key, rest = _member(line, source.number, 2)
        if key in seen:
            raise NotLaidOut(source.number)
        seen.add(key)
        start = source.number
        if key in STREAMED and rest == "[":
            yield Event("list", key, start)
            for at, record in _items(source, 4):
                yield Event("record", key, at, record)
            comma = source.after
        elif key == "tables" and rest == "{":
            yield Event("member", key, start, {})
            comma = yield from _tables(source)
        else:
            value, comma = _value(rest, source, 2)
            yield Event("member", key, start, value)
    if any(line.strip() for line in source.rest()):
        raise NotLaidOut(source.number)


def _tables(source: _Lines) -> Generator[Event, None, bool]:
    """The rows of "tables", a table at a time; returns whether a comma follows the object."""
    names: set[str] = set()
    comma = True
    while True:
        line = source.next()
        if line in ("  }", "  },"):
            if names and comma:
                raise NotLaidOut(source.number)
            return line.endswith(",")
        if not comma:
            raise NotLaidOut(source.number)
        name, rest = _member(line, source.number, 4)
        if name in names:
            raise NotLaidOut(source.number)
        names.add(name)
        if rest not in ("[", "[],", "[]"):  # not a list: read whole, "tables" is refused as it words it
            raise NotLaidOut(source.number)
        yield Event("table", "tables", source.number, table=name)
        if rest == "[":
            for at, row in _items(source, 6):
                yield Event("row", "tables", at, row, table=name)
            comma = source.after
        else:
            comma = rest.endswith(",")
