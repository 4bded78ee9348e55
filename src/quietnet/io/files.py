"""Reading text files strictly and writing files atomically.

Text is decoded with the encoding the user names (UTF-8 by default, a UTF-8
byte-order mark is dropped); bytes that do not decode are refused with their
line, never guessed. Files are written to a temporary file in the same folder
(mode 0600), fsynced, then moved into place with ``os.replace``, so a reader
sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

from quietnet.errors import InputError

BATCH = 1 << 20  # characters gathered before each write of a file made piece by piece
BOMS = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path} does not exist.")
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the path of a file.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} could not be read: {exc.strerror}.") from exc


def text_codec(encoding: str) -> str:
    """The codec that decodes ``encoding`` (a UTF-8 byte-order mark dropped); refused if there is none."""
    shown = encoding.encode("unicode_escape").decode()[:40]
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f'"{shown}" is not an encoding Python knows; try utf-8, utf-16, cp1252 or latin-1.'
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib: not text from bytes
        raise InputError(f'"{shown}" is not a text encoding; try utf-8, utf-16, cp1252 or latin-1.')
    # A byte-order mark (Excel, Windows tools) is dropped, never read as text.
    return "utf-8-sig" if info.name == "utf-8" else info.name


def decode(data: bytes, source: str, *, encoding: str = "utf-8") -> str:
    """The text of a file in ``encoding``; a refusal naming the line of the first bad byte."""
    codec = text_codec(encoding)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise undecodable(source, line, data[exc.start : exc.start + 1], encoding, head=data[:4]) from None


def undecodable(source: str, line: int, bad: bytes, encoding: str, *, head: bytes) -> InputError:
    """The refusal of a byte that is not valid ``encoding``; ``head``: the file's first bytes."""
    hint = ""
    for bom, name in BOMS.items():
        if head.startswith(bom) and name != encoding.lower():
            hint = f" It starts with a {name.upper()} byte-order mark: run again with --encoding {name}."
            break
    else:
        if text_codec(encoding) == "utf-8-sig":
            hint = (
                " Save it as UTF-8 (most tools offer it under Save as or Export), or name its"
                " encoding with --encoding, e.g. --encoding cp1252 or --encoding latin-1."
            )
    byte = bad.hex().upper()
    return InputError(
        f"{source}, line {line}: byte 0x{byte} is not valid {encoding}; nothing was imported.{hint}"
    )


def write_atomic(path: Path, data: bytes, *, shown: str | None = None) -> None:
    """Write ``data`` to ``path`` (mode 0600): temp file in the same folder, fsync, os.replace.

    ``shown`` is how messages name the file (as the user typed it; ``path`` by default).
    Where a command may write is checked before, in one place (``cli/output.py``).
    """
    write_atomic_pieces(path, (data,), shown=shown)


def write_atomic_pieces(path: Path, pieces: Iterable[bytes], *, shown: str | None = None) -> None:
    """``write_atomic`` for data made as it is written (``net export json``): the same temp file,
    fsync and rename, so a reader still sees the old file or the whole new one."""
    name = str(path) if shown is None else shown
    folder = path.parent
    temp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            write_all(fd, pieces)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        sync_folder(folder)
    except OSError as exc:
        raise write_failure(exc, name) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_all(fd: int, pieces: Iterable[bytes]) -> None:
    """Every piece written to ``fd``, in order."""
    for piece in pieces:
        _write(fd, piece)


def encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """Text made piece by piece as UTF-8, gathered into blocks of about a megabyte."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= BATCH:
            yield "".join(held).encode("utf-8")
            held, size = [], 0
    yield "".join(held).encode("utf-8")


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_failure(exc: OSError, name: str) -> InputError:
    """Why a file could not be written: a full disk is named as one."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return InputError(f"Could not write {name}: the disk is full; nothing was written.")
    return InputError(f"Could not write {name}: {exc.strerror}; nothing was written.")


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable, as far as the system allows; never raises.

    The one folder sync (snapshots, restores and written files all use it). Every
    caller has already fsynced the file itself and renamed it into place, so a
    failure here must not report that nothing was written: it would be untrue.
    Where folders can't be opened (or synced) it does nothing.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
