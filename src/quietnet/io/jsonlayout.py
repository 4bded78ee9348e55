"""Our own export read a record at a time from blocks of its text: a restore never holds it whole.

``net export json`` writes ``json.dumps(document, ensure_ascii=False, indent=2)``:
each member of the top-level object starts a line indented two spaces, and each
record of a list starts a line indented two more (four; six inside "tables").
``events`` reads the text a line at a time between records and parses each
record (and each other member's value) in place with ``json``'s own parser
(``JSONDecoder.raw_decode``, as ``json.loads`` does), reading more text when a
record runs past what is held (up to ``MAX_PIECE``). It yields the members and
records with the line each starts on; anything else (another indentation,
CR LF, a missing or extra comma, a key twice, text that is not JSON) raises
``NotLaidOut``, and the caller reads the file whole instead (``jsonfile.parse``,
which words what is wrong), up to ``reading.MAX_JSON``.
When ``events`` finishes without ``NotLaidOut``, what it yielded is exactly what
``json.loads`` of the whole text gives (``tests/test_json_restore.py``).
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


MAX_PIECE = 16 * 1024 * 1024  # the most one value (a record) may span: as a line of any import


class _Text:
    """The text, given in pieces of any size, read a line or a JSON value at a time."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._pieces = iter(pieces)
        self.buf, self.pos, self.number, self.eof = "", 0, 0, False
        self.after = False  # whether the list just read was followed by a comma

    def _more(self) -> bool:
        if self.eof or len(self.buf) - self.pos > MAX_PIECE:
            return False
        piece = next(self._pieces, None)
        if piece is None:
            self.eof = True
            return False
        self.buf, self.pos = self.buf[self.pos :] + piece, 0
        return True

    def peek(self) -> str:
        """The rest of the current line, without its end, left unread."""
        while (end := self.buf.find("\n", self.pos)) < 0:
            if not self._more():
                raise NotLaidOut(self.number + 1)
        line = self.buf[self.pos : end]
        if line.endswith("\r"):
            raise NotLaidOut(self.number + 1)
        return line

    def next(self) -> str:
        """The rest of the current line, read."""
        line = self.peek()
        self.pos += len(line) + 1
        self.number += 1
        return line

    def value(self, skip: int) -> Any:
        """The JSON value ``skip`` characters on in the current line (json's own parser, as
        ``json.loads`` uses), and the rest of the line it ends on must be "" or ","."""
        start, self.pos = self.number + 1, self.pos + skip
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except RecursionError:
                raise NotLaidOut(start) from None
            except ValueError:  # not JSON, or not all of it read yet
                end = -1
            if end >= 0 and end + 2 <= len(self.buf):
                break
            if not self._more():
                if end >= 0 and self.eof:
                    break
                raise NotLaidOut(start)
        self.number += self.buf.count("\n", self.pos, end)
        self.pos = end
        return value

    def comma(self) -> bool:
        """Whether the value just read is followed by a comma (and nothing else on its line)."""
        rest = self.next()
        if rest not in ("", ","):
            raise NotLaidOut(self.number)
        return rest == ","

    def rest(self) -> Iterator[str]:
        yield self.buf[self.pos :]
        yield from self._pieces


_DECODER = json.JSONDecoder()


def _member(line: str, number: int, indent: int) -> tuple[str, int]:
    """A member's key, and where the text after its colon starts, on a line indented ``indent``."""
    if not line.startswith(" " * indent + '"'):
        raise NotLaidOut(number)
    try:
        key, end = json.decoder.scanstring(line, indent + 1)  # type: ignore[attr-defined]
    except ValueError:
        raise NotLaidOut(number) from None
    if line[end : end + 2] != ": " or line[end + 2 : end + 3] in ("", " "):
        raise NotLaidOut(number)
    return key, end + 2


def _items(source: _Text, indent: int) -> Iterator[tuple[int, Any]]:
    """The elements of a list opened by ``[`` at the end of the line before, each with its line."""
    closing, pad = " " * (indent - 2) + "]", " " * indent
    comma = True
    first = True
    while True:
        line = source.peek()
        if line in (closing, closing + ","):
            source.next()
            if not first and comma:
                raise NotLaidOut(source.number)
            source.after = line.endswith(",")
            return
        if not comma or not line.startswith(pad) or line[indent : indent + 1] in ("", " "):
            raise NotLaidOut(source.number + 1)
        start = source.number + 1
        value = source.value(indent)
        comma = source.comma()
        first = False
        yield start, value


def events(pieces: Iterable[str]) -> Iterator[Event]:
    """The members and records of an export laid out as ``net export json`` writes it.

    ``pieces``: the text in pieces of any size (a file's blocks, or its lines)."""
    source = _Text(pieces)
    if source.next() != "{":
        raise NotLaidOut(1)
    seen: set[str] = set()
    comma = True
    while True:
        line = source.peek()
        if line == "}":
            source.next()
            if comma and seen:
                raise NotLaidOut(source.number)
            break
        if not comma:
            raise NotLaidOut(source.number + 1)
        key, at = _member(line, source.number + 1, 2)
        if key in seen:
            raise NotLaidOut(source.number + 1)
        seen.add(key)
        start, rest = source.number + 1, line[at:]
        if key in STREAMED and rest == "[":
            source.next()
            yield Event("list", key, start)
            for line_of, record in _items(source, 4):
                yield Event("record", key, line_of, record)
            comma = source.after
        elif key == "tables" and rest == "{":
            source.next()
            yield Event("member", key, start, {})
            comma = yield from _tables(source)
        else:
            value = source.value(at)
            comma = source.comma()
            yield Event("member", key, start, value)
    if any(piece.strip() for piece in source.rest()):
        raise NotLaidOut(source.number + 1)


def _tables(source: _Text) -> Generator[Event, None, bool]:
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
        name, at = _member(line, source.number, 4)
        rest = line[at:]
        if name in names:
            raise NotLaidOut(source.number)
        names.add(name)
        if rest not in ("[", "[],", "[]"):  # not a list: read whole, "tables" is refused as it words it
            raise NotLaidOut(source.number)
        yield Event("table", "tables", source.number, table=name)
        if rest == "[":
            for line_of, row in _items(source, 6):
                yield Event("row", "tables", line_of, row, table=name)
            comma = source.after
        else:
            comma = rest.endswith(",")
