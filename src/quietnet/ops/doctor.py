"""`net doctor`: is the store whole, private, in a safe place, and are its summaries true?

Read-only: the store is opened with ``mode=ro`` (never migrated, never switched
to WAL). Each finding says what is wrong and what to do about it; notes are
facts worth knowing that need no action.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quietnet.core.text import plural
from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.engine.disk import disk_full, read_only_uri, wal_has_commits
from quietnet.engine.opening import open_database
from quietnet.engine.snapshot import backups_folder, tidy
from quietnet.engine.sqlite import Database, check_file
from quietnet.engine.url import ServerUrl
from quietnet.errors import StoreError
from quietnet.ops.backup import list_backups
from quietnet.store import derived, journal, kinds, state

if TYPE_CHECKING:
    from quietnet.engine.postgres import PgDatabase

SYNCED = (
    ("dropbox", "Dropbox"),
    ("mobile documents", "iCloud Drive"),
    ("icloud", "iCloud Drive"),
    ("onedrive", "OneDrive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
)
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs"}


@dataclass(frozen=True)
class Finding:
    check: str  # integrity, foreign-keys, schema, permissions, location, summaries, keys
    problem: str
    fix: str


@dataclass
class DoctorReport:
    path: Path | ServerUrl
    schema: int | None = None
    people: int | None = None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)  # people whose summary differs from a recomputation
    stale_keys: int = 0  # search and find keys that differ from the text they are folded from
    server: str | None = None  # PostgreSQL: the server's version
    latency: float = 0.0  # PostgreSQL: milliseconds a round trip takes

    @property
    def healthy(self) -> bool:
        return not self.findings


def synced_service(path: Path) -> str | None:
    """The sync service whose folder holds ``path`` (by name, or Syncthing's .stfolder)."""
    for part in (p.casefold() for p in (*path.parts, *path.resolve().parts)):
        for marker, service in SYNCED:
            if marker in part:
                return service
    for folder in path.resolve().parents:
        if (folder / ".stfolder").exists():
            return "Syncthing"
    return None


def network_filesystem(path: Path, mounts: Path = Path("/proc/mounts")) -> str | None:
    """The type of the network filesystem holding ``path``, if it is on one."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, kind = "", ""
    text = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind if kind in NETWORK_FS else None


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _loose(db_path: Path) -> list[Path]:
    """The store's files (and backups) others may read, and its folders others may open."""
    files = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]
    folder = backups_folder(db_path)
    if folder.is_dir():
        files += sorted(p for p in folder.iterdir() if p.is_file())
    loose = [p for p in files if p.exists() and _mode(p) & 0o077]
    return loose + [p for p in (db_path.parent, folder) if p.is_dir() and _mode(p) & 0o077]


def _permissions(db_path: Path) -> list[Finding]:
    found = []
    for path in _loose(db_path):
        typed = shlex.quote(str(path))  # safe to paste into a shell, whatever the name holds
        if path.is_dir():
            found.append(Finding(
                "permissions",
                f"The folder {path} is open to other users (mode {_mode(path):04o}).",
                f"chmod 700 {typed} (or run net doctor --fix), or keep the store in a private folder.",
            ))  # fmt: skip
        else:
            found.append(Finding(
                "permissions",
                f"{path} can be read by other users (mode {_mode(path):04o}).",
                f"chmod 600 {typed} (or run net doctor --fix).",
            ))  # fmt: skip
    return found


def fix_permissions(db_path: Path) -> None:
    for path in _loose(db_path):
        path.chmod(0o700 if path.is_dir() else 0o600)


def _location(db_path: Path) -> list[Finding]:
    found = []
    service = synced_service(db_path)
    if service:
        found.append(Finding(
            "location",
            f"The store is in a {service} folder; sync tools can copy a database mid-write and corrupt it.",
            "Keep the store outside synced folders (net --db PATH or NET_DB) and put backups there "
            "instead: net backup --to FOLDER.",
        ))  # fmt: skip
    kind = network_filesystem(db_path.resolve())
    if kind:
        found.append(Finding(
            "location",
            f"The store is on a network filesystem ({kind}); SQLite's locking is not reliable there.",
            "Keep the store on a local disk; copy backups to the network share with net backup --to.",
        ))  # fmt: skip
    return found


def stale_summaries(database: Database | PgDatabase) -> list[int]:
    """The people whose stored scheduling summary differs from one recomputed now."""
    with database.read() as s:
        return derived.stale_summaries(s)


def stale_keys(database: Database | PgDatabase) -> int:
    """How many search and find keys differ from the text they are folded from."""
    with database.read() as s:
        return derived.stale_keys(s)


def rebuild(database: Database | PgDatabase, stale: list[int]) -> None:
    """``--fix``: every search and find key, and the scheduling summaries of ``stale``, rebuilt at once."""
    with database.write("doctor") as s:
        derived.rebuild_keys(s)
        kinds.use(s)
        state.refresh(s, stale)
        journal.describe(s, "Rebuilt scheduling summaries and search keys")


def examine_server(url: ServerUrl, *, now: Callable[[], datetime], fix: bool = False) -> DoctorReport:
    """`net doctor` on PostgreSQL: the server, the schema, the summaries and keys (``fix``: rebuilt first).

    The server keeps integrity and links itself; files, permissions and backups are its own.
    """
    # Only a store on a server loads the driver and the migration machinery.
    from quietnet.engine.server import health, open_pg, stored_version

    report = DoctorReport(url)
    database = open_pg(url, now=now, migrate=False)  # a check never changes the schema
    try:
        report.server, report.latency = health(database)
        report.schema = stored_version(database.conn, url)
        with database.read() as s:
            report.people = int(s.scalar("SELECT count(*) FROM person")) if report.schema else 0
        if report.schema == SCHEMA_VERSION:
            _derived(database, report)
            if fix and (report.stale or report.stale_keys):
                rebuild(database, report.stale)
                report.findings.clear()
                _derived(database, report)
    finally:
        database.close()
    if report.schema < SCHEMA_VERSION:
        report.notes.append(
            f"The store uses schema {report.schema}; the next command upgrades it to {SCHEMA_VERSION}."
        )
    return report


def examine(db_path: Path, *, now: Callable[[], datetime], fix: bool = False) -> DoctorReport:
    """`net doctor` on a file; with ``fix``, what is safe to fix is fixed, then the store checked again."""
    report = _examine(db_path, now=now)
    if fix and not report.healthy:
        fix_permissions(db_path)
        if report.stale or report.stale_keys:
            database = open_database(db_path, now=now)
            try:
                rebuild(database, report.stale)
            finally:
                database.close()
        report = _examine(db_path, now=now)
    return report


def _examine(db_path: Path, *, now: Callable[[], datetime]) -> DoctorReport:
    report = DoctorReport(db_path)
    if not db_path.exists():
        fix = "Run net list to create one, or give the right path with --db."
        report.findings.append(Finding("store", f"There is no store at {db_path} yet.", fix))
        return report
    try:
        report.schema = check_file(db_path)
    except StoreError as exc:
        report.findings.append(Finding("store", exc.message, "Check the path (--db or NET_DB)."))
        return report
    removed = tidy(db_path)
    if removed:
        report.notes.append(
            f"Removed {len(removed)} leftover temporary file{'s' * (len(removed) != 1)} of a copy that was "
            f"interrupted ({', '.join(p.name for p in removed)})."
        )
    if report.schema < SCHEMA_VERSION:
        report.notes.append(
            f"The store uses schema {report.schema}; the next command upgrades it to {SCHEMA_VERSION} "
            "(after a snapshot)."
        )
    report.findings += _permissions(db_path) + _location(db_path)
    if disk_full(db_path):
        report.findings.append(Finding(
            "disk",
            "The disk holding the store is full: the store can be read, but nothing can be saved.",
            "Free some space on that disk. Don't restore a backup: a full disk doesn't damage the store.",
        ))  # fmt: skip
    try:
        conn = sqlite3.connect(read_only_uri(db_path.resolve()), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        report.findings.append(_unreadable(db_path, f"The store can't be opened: {exc}."))
        return report
    conn.row_factory = sqlite3.Row
    database = Database(db_path, conn, now=now)
    try:
        _inspect(database, report)
    except (sqlite3.Error, StoreError) as exc:
        report.findings.append(_unreadable(db_path, f"The store could not be read: {exc}."))
    finally:
        database.close()
    _backups(db_path, report, now())
    return report


_RESTORE = "Restore the newest good backup: net backups lists them, net restore FILE puts one back."


def _unreadable(db_path: Path, problem: str) -> Finding:
    """Why the store could not be read, and what to do: a restore only if the file itself is damaged."""
    if not os.access(db_path.parent, os.W_OK) and wal_has_commits(db_path):
        return Finding(
            "wal",
            f"The store's write-ahead log ({db_path.name}-wal) holds recent changes that can't be read "
            "while its folder is read-only.",
            f"Make the folder {db_path.parent} writable (or ask its owner to run any net command on it), "
            "then run net doctor again. Don't restore a backup: the log holds your latest changes.",
        )
    if disk_full(db_path) or "disk is full" in problem:
        return Finding(
            "disk",
            "The disk holding the store is full, so the store could not be read whole "
            "(its write-ahead log needs room to be read).",
            "Free some space on that disk, then run net doctor again. Don't restore a backup: "
            "a full disk doesn't damage the store.",
        )
    return Finding("integrity", problem, _RESTORE)


def _inspect(database: Database, report: DoctorReport) -> None:
    conn = database.conn
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if problems != ["ok"]:
        shown = "; ".join(problems[:3])
        report.findings.append(Finding("integrity", f"The store is damaged: {shown}.", _RESTORE))
        return
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({r[0] for r in broken}))
        problem = f"{plural(len(broken), 'record')} point at rows that no longer exist (in {tables})."
        report.findings.append(Finding("foreign-keys", problem, _RESTORE))
    report.people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    if report.schema == SCHEMA_VERSION:
        _derived(database, report)


def _derived(database: Database | PgDatabase, report: DoctorReport) -> None:
    """The summaries and keys the store derives, compared with a recomputation: stale ones are findings."""
    report.stale = stale_summaries(database)
    report.stale_keys = stale_keys(database)
    if report.stale_keys:
        report.findings.append(Finding(
            "keys",
            f"{report.stale_keys} search keys don't match the text they are folded from,"
            " so net find or a name lookup may miss someone.",
            "Run net doctor --fix to rebuild them from the text.",
        ))  # fmt: skip
    if report.stale:
        with database.read() as s:
            names = ", ".join(
                str(s.scalar("SELECT name FROM person WHERE id = ?", (i,))) for i in report.stale[:5]
            )
        more = f" and {len(report.stale) - 5} more" if len(report.stale) > 5 else ""
        report.findings.append(Finding(
            "summaries",
            f"The scheduling summaries of {plural(len(report.stale), 'person', 'people')} don't match "
            f"their interactions ({names}{more}).",
            "Run net doctor --fix to rebuild them from the interactions.",
        ))  # fmt: skip


def _backups(db_path: Path, report: DoctorReport, now: datetime) -> None:
    found = list_backups(db_path)
    if not found:
        report.notes.append("No backups yet: net backup makes one (and keeps the last 10 plus one a month).")
        return
    newest = found[0]
    days = (now.astimezone(UTC) - newest.taken).days
    when = "today" if days < 1 else f"{days} days ago"
    report.notes.append(
        f"Newest snapshot: {newest.path.name} ({when}); {len(found)} kept in {newest.path.parent}."
    )
