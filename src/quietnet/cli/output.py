"""Where a command may write what it was asked to save: one check for every ``--output``.

`net review` and every `net export` hand their ``--output`` to ``target`` before
reading the store, and write through ``write``; `net export vcard --folder`
checks its folder with ``folder``, `net backup --to` and `net copy --to` with
``refuse_store_files``. Nothing else decides where a command may write. The
rules (docs/privacy.md):

- Never the store, its ``-wal``, ``-shm`` or ``-journal`` file, or a file in its
  backups folder, however it is named: relative paths, ``~``, symbolic links and
  hard links (the same device and inode) are all seen through.
- ``-`` and ``/dev/stdout`` print, exactly as without ``--output``.
- A terminal, a pipe (FIFO) or another character device is written straight to,
  never replaced; a folder, a block device or a socket is refused.
- A new regular file is written atomically (private temp file, fsync, rename);
  an existing one is replaced only after a yes (asked on a terminal, ``--yes``
  without one).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quietnet.cli.context import confirm
from quietnet.core.text import path_problem
from quietnet.engine.snapshot import backups_folder
from quietnet.errors import InputError
from quietnet.io.files import encoded, write_all, write_atomic_pieces, write_failure

if TYPE_CHECKING:
    from quietnet.cli.context import Context

STDOUT = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
PARTS = {"-wal": "write-ahead log", "-shm": "shared-memory index", "-journal": "rollback journal"}
ANOTHER = "nothing was written. Choose another file to write to."


@dataclass(frozen=True)
class Output:
    """A checked place to write: standard output, a stream (device or pipe), or a regular file."""

    shown: str  # as the user typed it
    path: Path | None = None  # None: standard output
    stream: bool = False  # a device or a pipe: written straight to, never replaced

    @property
    def printed(self) -> bool:
        return self.path is None


def checked_path(path: str) -> None:
    """Refuse a path no message could show as one line (a line break, an escape)."""
    if (problem := path_problem(path)) is not None:
        raise InputError(problem + " Nothing was written.")


def target(c: Context, given: Path, *, yes: bool) -> Output:
    """Check ``--output`` before anything is read or written; asks before replacing a file."""
    shown = str(given)
    if shown in STDOUT:
        return Output(shown)
    checked_path(shown)
    path = given.expanduser().absolute()
    real = Path(os.path.realpath(path))
    refuse_store_files(c, shown, real)
    try:
        found = os.stat(real)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise InputError(f"The folder {given.parent} does not exist; nothing was written.") from None
        return Output(shown, real)
    except OSError as exc:
        raise InputError(f"{shown} can't be written: {exc.strerror}; nothing was written.") from None
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{shown} is a folder; give a file name to write to.")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Output(shown, real, stream=True)
    if not stat.S_ISREG(mode):
        raise InputError(f"{shown} is not a file, a terminal or a pipe; {ANOTHER}")
    confirm(f"{shown} already exists. Replace it?", yes=yes)
    return Output(shown, real)


def folder(c: Context, given: Path) -> Path:
    """Check a folder to write one file per record into (``export vcard --folder``); created later."""
    checked_path(str(given))
    path = given.expanduser()
    if not path.parent.is_dir():
        raise InputError(f"The folder {path.parent} does not exist; nothing was written.")
    if path.exists() and not path.is_dir():
        raise InputError(f"{given} is not a folder; nothing was written. Give a folder to write into.")
    refuse_store_files(c, str(path), Path(os.path.realpath(path)) / "card.vcf")
    return path


def refuse_store_files(c: Context, shown: str, real: Path, *, backups: bool = True) -> None:
    """Refuse ``real`` (a resolved path) if it is the store, one of its files or (``backups``) a backup."""
    checked_path(shown)
    where, _ = c.store()
    if not isinstance(where, Path):
        return  # a store on a server has no files here
    stores = {where.absolute(), Path(os.path.realpath(where))}
    kinds: dict[Path, str] = {}
    for store in stores:
        kinds[store] = ""
        kinds.update({Path(f"{store}{suffix}"): kind for suffix, kind in PARTS.items()})
        restore = store.with_name(f".{store.name}.restore.tmp")  # net doctor removes it as a leftover
        kinds.update({restore: "restore copy", Path(f"{restore}.tmp"): "restore copy"})
    folders = {Path(os.path.realpath(backups_folder(s))) for s in stores}
    inodes = {_inode(p): kind for p, kind in kinds.items() if _inode(p) is not None}
    if backups:
        for folder in folders:
            if folder.is_dir():
                inodes.update({i: "backup" for p in folder.iterdir() if (i := _inode(p)) is not None})
    here = _inode(real)
    kind = kinds.get(real, None if here is None else inodes.get(here))
    if kind is None and backups and real.parent in folders:
        kind = "backup"
    if kind == "":
        raise InputError(f"{shown} is the store itself; {ANOTHER}")
    if kind == "backup":
        raise InputError(
            f"{shown} is in the store's backups folder, which holds only its backups; "
            "nothing was written. Choose another folder."
        )
    if kind is not None:
        raise InputError(f"{shown} is the store's {kind}; {ANOTHER}")


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def write(out: Output, text: str) -> None:
    """Write ``text`` where ``out`` says: printed, straight into a stream, or atomically to a file."""
    write_pieces(out, (text,))


def write_pieces(out: Output, pieces: Iterable[str]) -> None:
    """``write`` for text made as it is written (``net export json``): never held whole in memory."""
    if out.path is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    data = encoded(pieces)
    if not out.stream:
        write_atomic_pieces(out.path, data, shown=out.shown)
        return
    try:
        fd = os.open(out.path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a pipe nobody reads: waiting would hang
            raise InputError(f"Nothing is reading from the pipe {out.shown}; nothing was written.") from None
        raise InputError(f"Could not write {out.shown}: {exc.strerror}; nothing was written.") from None
    try:
        os.set_blocking(fd, True)
        write_all(fd, data)
    except OSError as exc:
        raise write_failure(exc, out.shown) from None
    finally:
        os.close(fd)
