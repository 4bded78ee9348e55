"""Backups: verified snapshots kept with rotation, listed, checked and restored.

Every copy is made by ``snapshot.take_snapshot`` (``VACUUM INTO`` a temp file,
``quick_check``, fsync, rename), never by copying a live file. Snapshots live in
the ``backups`` folder beside the store and are named
``<store>-<YYYYMMDD-HHMMSS>-<reason>.db`` (UTC). Rotation keeps, separately for
the backups you make (``net backup``) and the automatic snapshots (before an
import, a merge, a restore or a migration), the newest ``keep`` plus the newest
of every month.

Restoring verifies the file (an SQLite file, a quietnet store by its
``application_id``, ``quick_check``, no broken links, a schema this version
knows), snapshots the current store, copies the verified file to a temp file in
the store's folder, and moves it over the store with ``os.replace``. Only then
are the old store's ``-wal`` and ``-shm`` files removed (after a checkpoint has
emptied the WAL), so a crash at any point leaves a whole store in place.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from quietnet.engine.constants import APPLICATION_ID, SCHEMA_VERSION, SQLITE_HEADER
from quietnet.engine.snapshot import backups_folder, take_snapshot, tidy
from quietnet.errors import InputError, StoreError
from quietnet.io.files import sync_folder

KEEP = 10
MANUAL = "backup"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+?)(?:-(?P<n>\d+))?\.db$", re.S)


@dataclass(frozen=True)
class Backup:
    path: Path
    size: int
    taken: datetime  # UTC
    reason: str
    schema: int | None  # None when the file is not a quietnet store


def header(path: Path) -> tuple[int, int] | None:
    """(application_id, user_version) of an SQLite file, or None when it is not one."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError:
        return None
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return None
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def _described(path: Path, stem: str) -> Backup | None:
    m = _NAME.match(path.name)
    # A hidden file is a copy still being made (or left by a killed one), never a backup.
    if m is None or m["stem"] != stem or path.name.startswith(".") or not path.is_file():
        return None
    taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    found = header(path)
    schema = found[1] if found and found[0] == APPLICATION_ID else None
    return Backup(path, path.stat().st_size, taken, m["reason"], schema)


def list_backups(db_path: Path) -> list[Backup]:
    """The snapshots of this store in its backups folder, newest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if (b := _described(p, db_path.stem)) is not None]
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def _kept(backups: list[Backup], keep: int) -> set[Path]:
    """The newest ``keep`` and the newest of each month (``backups`` newest first)."""
    kept = {b.path for b in backups[:keep]}
    months: set[tuple[int, int]] = set()
    for b in backups:
        if (b.taken.year, b.taken.month) not in months:
            months.add((b.taken.year, b.taken.month))
            kept.add(b.path)
    return kept


def rotate(db_path: Path, *, keep: int = KEEP) -> list[Path]:
    """Remove the snapshots rotation does not keep; returns what was removed."""
    backups = list_backups(db_path)
    kept: set[Path] = set()
    for manual in (True, False):
        pool = [b for b in backups if (b.reason == MANUAL) == manual]
        kept |= _kept(pool, keep)
    removed = [b.path for b in backups if b.path not in kept]
    for path in removed:
        for companion in (path, Path(f"{path}-wal")):  # a damaged store is set aside with its WAL
            with contextlib.suppress(FileNotFoundError):
                companion.unlink()
    return removed


def automatic(db_path: Path, *, now: datetime, reason: str) -> Path:
    """A snapshot before a big change (import, merge, restore), then rotation."""
    db_path = db_path.resolve()
    path = take_snapshot(db_path, now=now, reason=reason)
    rotate(db_path)
    return path


def backup(
    db_path: Path, *, now: datetime, to: Path | None = None, keep: int = KEEP
) -> tuple[Path, list[Path]]:
    """``net backup``: a verified snapshot, in the backups folder (rotated) or at ``to``."""
    db_path = db_path.resolve()
    tidy(db_path)
    if to is None:
        path = take_snapshot(db_path, now=now, reason=MANUAL)
        return path, rotate(db_path, keep=keep)
    to = to.expanduser()
    if to.is_dir():
        to = to / f"{db_path.stem}-{now.strftime('%Y%m%d-%H%M%S')}-{MANUAL}.db"
    if to.exists():
        raise InputError(f"{to} already exists; choose another name (nothing was written).")
    if not to.parent.is_dir():
        raise InputError(f"The folder {to.parent} does not exist; nothing was written.")
    if to.resolve() == db_path.resolve():
        raise InputError("That is the store itself; choose another file.")
    return take_snapshot(db_path, now=now, reason=MANUAL, to=to.absolute()), []  # named in full after


@dataclass(frozen=True)
class Verified:
    path: Path
    schema: int
    people: int


def verify(path: Path) -> Verified:
    """Check that ``path`` is a whole quietnet store this version can use; InputError if not."""
    if not path.is_file():
        raise InputError(f"{path} does not exist." if not path.exists() else f"{path} is not a file.")
    found = header(path)
    if found is None:
        raise InputError(f"{path} is not an SQLite database, so not a quietnet backup; nothing was changed.")
    app_id, version = found
    if app_id != APPLICATION_ID:
        raise InputError(f"{path} is not a quietnet store (another program's database); nothing was changed.")
    if version > SCHEMA_VERSION:
        raise InputError(
            f"{path} was written by a newer quietnet (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}); upgrade quietnet to restore it. Nothing was changed."
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InputError(f"{path} is damaged ({exc}); nothing was changed. Try an older backup.") from exc
    if check != "ok":
        raise InputError(f"{path} is damaged ({check}); nothing was changed. Try an older backup.")
    if broken:
        raise InputError(f"{path} has {len(broken)} broken links between records; nothing was changed.")
    return Verified(path, version, int(people))


def _checkpoint(db_path: Path) -> None:
    """Empty the WAL into the store; refuse while another net holds it open."""
    try:
        conn = sqlite3.connect(db_path, timeout=5.0)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # a damaged store: its -wal is kept in the copy set aside and removed after the replace
    if busy:
        raise StoreError(f"The store at {db_path} is in use by another net; close it and try again.")


def _set_aside(db_path: Path, now: datetime) -> Path:
    """A byte copy of a store that can't be snapshotted (damaged), with its WAL: nothing is lost."""
    folder = backups_folder(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    kept = folder / f"{db_path.stem}-{now.strftime('%Y%m%d-%H%M%S')}-damaged.db"
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{kept}{suffix}"))
            os.chmod(Path(f"{kept}{suffix}"), 0o600)
    return kept


def restore(db_path: Path, source: Path, *, now: datetime) -> Path | None:
    """Replace the store with a verified copy of ``source``; returns the snapshot of the old one."""
    verify(source)
    tidy(db_path)
    folder = db_path.parent
    if not folder.is_dir():
        raise InputError(f"The folder {folder} does not exist; nothing was changed.")
    previous: Path | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            previous = take_snapshot(db_path, now=now, reason="before-restore")
        except StoreError:
            previous = _set_aside(db_path, now)
        _checkpoint(db_path)
    temp = folder / f".{db_path.name}.restore.tmp"
    try:
        take_snapshot(source, now=now, reason="restore", to=temp)  # VACUUM INTO, quick_check, fsync
        verify(temp)
        os.chmod(temp, 0o600)
        os.replace(temp, db_path)
        sync_folder(folder)
    finally:
        temp.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):  # the old store's; the restored file has none
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    rotate(db_path)
    return previous
