"""Verified snapshots of a live store: ``VACUUM INTO`` a temp file, check, fsync, rename.

Taken before every migration and every command that deletes or rewrites much.
A live SQLite file is never copied byte by byte.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from quietnet.engine.disk import disk_full
from quietnet.errors import StoreError
from quietnet.io.files import sync_folder


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def take_snapshot(db_path: Path, *, now: datetime, reason: str, to: Path | None = None) -> Path:
    """Write a verified copy of the store and return its path."""
    folder = backups_folder(db_path) if to is None else to.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    final = to or folder / f"{db_path.stem}-{stamp}-{reason}.db"
    if to is None:
        tidy(db_path)  # what a killed copy left behind; a temp still held belongs to a running one
    n = 1
    while to is None and (final.exists() or final.with_name(f".{final.name}.tmp").exists()):
        n += 1
        final = folder / f"{db_path.stem}-{stamp}-{reason}-{n}.db"
    temp = final.with_name(f".{final.name}.tmp")
    if temp.exists() and _unheld(temp):
        for stale in (temp, *_companions(temp)):
            stale.unlink(missing_ok=True)
    held: int | None = None
    try:
        held = _claim(temp)  # private from the first byte; VACUUM INTO fills the empty file
        source = sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            source.execute("VACUUM INTO ?", (str(temp),))
        finally:
            source.close()
        os.chmod(temp, 0o600)
        check = sqlite3.connect(f"{temp.absolute().as_uri()}?mode=ro", uri=True)
        try:
            result = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise StoreError(f"A snapshot of {db_path} did not verify ({result}); nothing was changed.")
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, final)
        sync_folder(folder)
    except sqlite3.Error as exc:
        why = "the disk is full" if "disk is full" in str(exc) or disk_full(final) else str(exc)
        raise StoreError(f"Could not take a snapshot of {db_path}: {why}; nothing was changed.") from exc
    except OSError as exc:  # chmod, fsync or rename: a full disk, a folder gone read-only
        why = "the disk is full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else str(exc.strerror)
        raise StoreError(f"Could not take a snapshot of {db_path}: {why}; nothing was changed.") from exc
    finally:
        for leftover in (temp, *_companions(temp)):
            leftover.unlink(missing_ok=True)
        if held is not None:
            os.close(held)
    return final


def _companions(path: Path) -> tuple[Path, ...]:
    """The files SQLite may put beside ``path`` (VACUUM INTO writes through a -journal)."""
    return tuple(Path(f"{path}{suffix}") for suffix in ("-journal", "-wal", "-shm"))


def _claim(temp: Path) -> int:
    """Create ``temp`` empty with mode 0600 and hold a lock on it while the copy is made.

    The lock (flock) goes away with the process, so a temp file nobody holds is
    a leftover of a copy that was killed: ``tidy`` removes it.
    """
    import fcntl

    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def leftovers(db_path: Path) -> list[Path]:
    """Temporary copies that a killed backup, snapshot or restore left behind, and their journals.

    In the backups folder: hidden ``.NAME.tmp`` files (and their ``-journal``);
    beside the store: the restore's ``.STORE.restore.tmp``. A temp file a running
    net still holds (locked) is not a leftover.
    """
    folder = backups_folder(db_path)
    temps = sorted(folder.glob(".*.tmp")) if folder.is_dir() else []
    restore = db_path.with_name(f".{db_path.name}.restore.tmp")
    temps += [t for t in (restore, restore.with_name(f".{restore.name}.tmp")) if t.exists()]
    found = [temp for temp in temps if _unheld(temp)]
    journals = sorted(folder.glob(".*.tmp-journal")) if folder.is_dir() else []
    found += [j for j in journals if not Path(str(j).removesuffix("-journal")).exists()]
    for temp in list(found):
        found += [c for c in _companions(temp) if c.exists() and c not in found]
    return found


def _unheld(temp: Path) -> bool:
    """Whether no running copy holds ``temp`` (see ``_claim``)."""
    import fcntl

    try:
        fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # in use by a running copy
    finally:
        os.close(fd)
    return True


def tidy(db_path: Path) -> list[Path]:
    """Remove ``leftovers``; returns what was removed."""
    removed = []
    for path in leftovers(db_path):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            continue  # a read-only folder: doctor still reports them
        removed.append(path)
    return removed
