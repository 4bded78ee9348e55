"""Verified snapshots of a live store: ``VACUUM INTO`` a temp file, check, fsync, rename.

Taken before every migration and every command that deletes or rewrites much.
A live SQLite file is never copied byte by byte.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from quietnet.errors import StoreError


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def take_snapshot(db_path: Path, *, now: datetime, reason: str, to: Path | None = None) -> Path:
    """Write a verified copy of the store and return its path."""
    folder = backups_folder(db_path) if to is None else to.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    final = to or folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while to is None and final.exists():
        n += 1
        final = folder / f"{db_path.stem}-{stamp}-{reason}-{n}.db"
    temp = final.with_name(f".{final.name}.tmp")
    temp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            source.execute("VACUUM INTO ?", (str(temp),))
        finally:
            source.close()
        os.chmod(temp, 0o600)
        check = sqlite3.connect(f"{temp.as_uri()}?mode=ro", uri=True)
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
        _fsync_folder(folder)
    except sqlite3.Error as exc:
        raise StoreError(f"Could not take a snapshot of {db_path}: {exc}; nothing was changed.") from exc
    except OSError as exc:  # chmod, fsync or rename: a full disk, a folder gone read-only
        raise StoreError(
            f"Could not take a snapshot of {db_path}: {exc.strerror}; nothing was changed."
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    return final


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
