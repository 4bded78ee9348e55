"""Import files read as streams of lines, with bounds, so no file can exhaust memory or hang.

An import opens its file (never a pipe or a device, which could be waited on
forever or never end), refuses one over ``MAX_BYTES`` before reading it, and
reads it a line at a time: a line over ``MAX_LINE`` characters is refused as
soon as that much has been read. Each line is decoded strictly in the encoding
the user names (a UTF-8 byte-order mark is dropped); a byte that does not
decode is refused with its line, never guessed. A file can be read more than
once (the first pass counts records for the progress bar).

UTF-16 and UTF-32, where a newline is more than one byte, are decoded whole:
the size bound keeps that small enough.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from quietnet.core.text import path_problem
from quietnet.errors import InputError
from quietnet.io.files import decode, text_codec, undecodable

# Bounds measured to keep a whole import under 200 MB of memory (benchmarks/import_memory.py):
# the records are held while they are checked and planned, so their number and size are bounded.
MAX_BYTES = 32 * 1024 * 1024  # a whole import (all its files): thousands of cards with photos
MAX_RECORDS = 25_000  # cards or rows in one import
MAX_JSON = 32 * 1024 * 1024  # JSON read whole (not laid out as an export): its objects take 4x its size
MAX_EXPORT = 2 * 1024 * 1024 * 1024  # our own export, read a record at a time (50,000 people: 600 MB)
MAX_LINE = 16 * 1024 * 1024  # one line: refused as soon as it is read, before it is decoded
CHUNK = 1024 * 1024
BLOCK = 256 * 1024  # the text a JSON export is read in (decoded, up to four bytes a character)


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB"


class TextFile:
    """One file to import: checked when made, its lines read (again) on demand."""

    def __init__(self, path: Path, *, encoding: str = "utf-8", limit: int = MAX_BYTES, used: int = 0) -> None:
        """``limit``: the most one import reads; ``used``: how much its earlier files took."""
        self.path = path
        self.source = str(path)
        self.codec = text_codec(encoding)
        self.encoding = encoding
        if (problem := path_problem(str(path))) is not None:
            raise InputError(problem)
        if str(path) == "-":
            raise InputError(
                "An import reads a file, not standard input; save the data to a file and import that."
            )
        try:
            found = os.stat(path)
        except FileNotFoundError:
            raise InputError(f"{path} does not exist.") from None
        except OSError as exc:
            raise InputError(f"{path} could not be read: {exc.strerror}.") from None
        if stat.S_ISDIR(found.st_mode):
            raise InputError(f"{path} is a folder; give the path of a file.")
        if not stat.S_ISREG(found.st_mode):
            raise InputError(
                f"{path} is not a regular file (a pipe or a device), so it can't be imported; "
                "save what it holds to a file and import that."
            )
        if used + found.st_size > limit:
            so_far = (
                f", and with the files before it this import reads more than {_megabytes(limit)}"
                if used
                else (f", more than the {_megabytes(limit)} one import reads")
            )
            raise InputError(
                f"{path} is {_megabytes(found.st_size)}{so_far}; nothing was imported. "
                "Split it and import the parts one after another."
            )
        self.size = found.st_size

    def text(self) -> str:
        """The whole text (for formats read whole, such as JSON; the size is bounded)."""
        with self._open() as f:
            return decode(f.read(self.size + 1), self.source, encoding=self.encoding)

    def lines(self) -> Iterator[str]:
        """The file's lines, each with its line ending."""
        if not "\n\n".encode(self.codec).endswith(b"\n\n"):  # UTF-16, UTF-32: decoded whole (bounded)
            yield from self.text().splitlines(keepends=True)
            return
        decoder = codecs.getincrementaldecoder(self.codec)(errors="strict")
        with self._open() as f:
            number = 0
            while True:
                raw = f.readline(MAX_LINE + 1)
                if not raw:
                    break
                number += 1
                if len(raw) > MAX_LINE:
                    raise InputError(
                        f"{self.source}, line {number}: this line is longer than {_megabytes(MAX_LINE)}, "
                        "too long for any record; nothing was imported."
                    )
                try:
                    yield decoder.decode(raw, final=False)
                except UnicodeDecodeError as exc:
                    raise self._undecodable(exc, number) from None
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                raise self._undecodable(exc, max(number, 1)) from None

    def blocks(self) -> Iterator[str]:
        """The file's text in blocks of about ``BLOCK``, each ending where a line ends (UTF-8; in
        other encodings, its lines), refused as ``lines`` refuses it (a line over ``MAX_LINE``,
        a byte that does not decode, with its line)."""
        if self.codec != "utf-8-sig":
            yield from self.lines()
            return
        with self._open() as f:
            carry, number, raw = b"", 0, f.read(BLOCK).removeprefix(codecs.BOM_UTF8)
            while True:
                data = carry + raw
                cut = data.rfind(b"\n") + 1 if raw else len(data)
                whole, carry = data[:cut], data[cut:]
                first = whole.find(b"\n") + 1 or len(whole)
                if first > MAX_LINE or len(carry) > MAX_LINE:
                    line = number + (1 if first > MAX_LINE else whole.count(b"\n") + 1)
                    raise InputError(
                        f"{self.source}, line {line}: this line is longer than {_megabytes(MAX_LINE)}, "
                        "too long for any record; nothing was imported."
                    )
                try:
                    text = whole.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise self._undecodable(exc, number + whole.count(b"\n", 0, exc.start) + 1) from None
                number += whole.count(b"\n")
                if text:
                    yield text
                if not raw:
                    return
                raw = f.read(BLOCK)

    def _open(self) -> IO[bytes]:
        try:
            return self.path.open("rb", buffering=CHUNK)
        except OSError as exc:
            raise InputError(f"{self.path} could not be read: {exc.strerror}.") from None

    def _undecodable(self, exc: UnicodeDecodeError, line: int) -> InputError:
        with self._open() as f:
            head = f.read(4)
        bad = bytes(exc.object[exc.start : exc.start + 1])
        return undecodable(self.source, line, bad, self.encoding, head=head)
