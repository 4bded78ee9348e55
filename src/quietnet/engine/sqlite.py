"""An SQLite store: its sessions, how a file is connected to and checked (``opening.py`` opens one).

Everyday commands talk to SQLite through the standard ``sqlite3`` module (fast
to import); Alembic and SQLAlchemy are loaded only when a migration is needed.

Storage rules (design.md): WAL, synchronous=FULL, foreign keys, a busy
timeout, writes in ``BEGIN IMMEDIATE``; new files 0600 in a 0700 folder, marked
with ``application_id``; the schema version in ``user_version``. A file that is
not ours, or is newer than this version knows, is refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from quietnet.engine.constants import APPLICATION_ID, SCHEMA_VERSION, SQLITE_HEADER
from quietnet.engine.disk import disk_full, read_only_uri, wal_has_commits, wal_unreadable
from quietnet.errors import InputError, StoreError

Params = Sequence[Any] | dict[str, Any]
TOO_LARGE = (
    "That number is too large to be anything quietnet keeps (the largest is 9223372036854775807); "
    "nothing was changed."
)


def default_path() -> Path:
    """The platform's user data directory, e.g. ~/.local/share/quietnet/net.db."""
    import platformdirs

    return platformdirs.user_data_path("quietnet") / "net.db"


class Session:
    """One transaction on the store. Every query of ``store/`` runs through it.

    ``pg.PgSession`` is the same interface on PostgreSQL: the same SQL (``?`` and
    ``:name`` placeholders), rows read as ``r["col"]`` or ``r[0]`` holding the same
    Python types, and ``IntegrityError`` naming the backend's constraint error.
    """

    IntegrityError: type[Exception] = sqlite3.IntegrityError
    BINARY = "BINARY"  # the collation that orders text by code point, as Python's sort does
    INDEXED_BY = " INDEXED BY {}"  # a table read through this index (SQLite looks a rowid up in the table)
    FIRST_LINE = "substr({0}, 1, instr({0} || char(10), char(10)) - 1)"  # a text up to its first line break

    def __init__(self, conn: sqlite3.Connection, *, now: datetime, command: str) -> None:
        self.conn = conn
        self.now = now
        self.command = command
        self.change_id: int | None = None  # set by the journal on the first change
        self.change_seq = 0

    # A number beyond SQLite's 64-bit integers (`net done 99999999999999999999999`) can't
    # be bound: a query asking for it matches nothing (no id is that large), and a
    # write holding it is refused as input. PostgreSQL compares such numbers itself.

    def execute(self, sql: str, params: Params = ()) -> None:
        self._bound(sql, params)

    def all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except OverflowError:
            return []

    def each(self, sql: str, params: Params = ()) -> Iterator[sqlite3.Row]:
        """The rows one at a time from the cursor, for results too large to hold (exports)."""
        try:
            cursor = self.conn.execute(sql, params)
        except OverflowError:
            return iter(())
        return iter(cursor)

    def tuples(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """The rows as plain tuples, by position only: at 50,000 rows (`net list`) a ``Row`` each
        costs more to make and to unpack than the query."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        try:
            return cursor.execute(sql, params).fetchall()
        except OverflowError:
            return []

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        try:
            row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        except OverflowError:
            return None
        return row

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def insert(self, sql: str, params: Params = ()) -> int:
        cursor = self._bound(sql, params)
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _bound(self, sql: str, params: Params) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except OverflowError:
            raise InputError(TOO_LARGE) from None

    def bulk(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert many rows with the same columns at once, ids as given (``net copy``), unjournalled."""
        if not rows:
            return
        columns = list(rows[0])
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in rows],
        )

    def analyze(self, tables: Sequence[str]) -> None:
        """Let the planner know the tables just filled (SQLite's plans need no statistics)."""

    def tables(self) -> set[str]:
        """The names of the store's tables."""
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table: str) -> list[str]:
        """A table's columns, in order."""
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:
        """A table's foreign keys: (column, the table it points at)."""
        return [(r[3], r[2]) for r in self.conn.execute(f"PRAGMA foreign_key_list({table})")]

    def references(self, table: str) -> set[str]:
        """The tables a table's foreign keys point at."""
        return {target for _, target in self.foreign_keys(table)}


def _maybe_full(text: str) -> bool:
    """SQLite's words for a write that a full disk refused (a WAL index it couldn't grow, say)."""
    return any(words in text for words in ("disk I/O error", "readonly", "read-only", "unable to open"))


def store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The store at {path} is busy (another net is writing); nothing was changed. Try again."
        )
    if "disk is full" in text or (_maybe_full(text) and disk_full(path)):
        return StoreError(f"The disk holding {path} is full; nothing was changed.")
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"The store at {path} is read-only, so nothing can be changed; reading still works."
        )
    if "malformed" in text or "not a database" in text:
        return StoreError(f"The store at {path} is damaged ({text}). Run net doctor for help.")
    return StoreError(f"The store at {path} could not be used: {text}.")


MMAP_BYTES = 1 << 30  # reads map up to 1 GiB of the store (virtual address space, not memory)


class Database:
    """An open quietnet store (SQLite); ``pg.PgDatabase`` is the PostgreSQL one."""

    backend = "sqlite"

    def __init__(self, path: Path, conn: sqlite3.Connection, *, now: Callable[[], datetime]) -> None:
        self.path = path
        self.conn = conn
        self._now = now

    @property
    def location(self) -> str:
        """Where the store is, as shown to the user."""
        return str(self.path)

    def is_writable(self) -> bool:
        return writable(self.path)

    @contextmanager
    def write(self, command: str) -> Iterator[Session]:
        """A write transaction: ``BEGIN IMMEDIATE``, committed only if the block succeeds."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc
        try:
            yield Session(self.conn, now=self._now(), command=command)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK") if self.conn.in_transaction else None
            raise store_error(exc, self.path) from exc
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def read(self, *, mapped: bool = False) -> Iterator[Session]:
        """A read transaction: one consistent view of the store.

        ``mapped``: read through a memory map (SQLite's mmap_size), for the morning's few lookups
        spread over the store: pages come from the OS cache without a copy each (~10 ms less for
        `net today` at 50,000 people). Not for a pass over everyone (`net list`): the mapped pages
        would count as the process's memory. Writes still go through SQLite's usual file writes;
        a platform without a unified cache makes SQLite ignore the setting.
        """
        try:
            self.conn.execute(f"PRAGMA mmap_size={MMAP_BYTES if mapped else 0}")
            self.conn.execute("BEGIN")
            yield Session(self.conn, now=self._now(), command="read")
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def writable(path: Path) -> bool:
    """Whether this process may change the store: the file and its folder (WAL files live there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect(path: Path) -> sqlite3.Connection:
    if writable(path) and disk_full(path):
        return _connect_full(path)
    if writable(path):
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    else:
        # Reading commands still work on a read-only store; writes fail with a clear message.
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None, timeout=5.0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            conn.close()
            if not os.access(path.parent, os.W_OK) and wal_has_commits(path):
                raise wal_unreadable(path) from exc
            raise
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    if writable(path):
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def _connect_full(path: Path) -> sqlite3.Connection:
    """Reading a store on a full disk, where SQLite may not grow the WAL index it needs to open.

    Opened as usual when it can be; otherwise, if the WAL holds no commits, the
    file alone is the store and is read as immutable (writes are refused as
    a full disk); if the WAL holds commits it can't read, the store is refused.
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        if wal_has_commits(path):
            raise StoreError(
                f"The disk holding {path} is full, so the store's latest changes can't be read; "
                "nothing was changed. Free some space and try again."
            ) from exc
        conn = sqlite3.connect(read_only_uri(path, full=True), uri=True, isolation_level=None, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _header(path: Path) -> tuple[int, int] | None:
    """(application_id, user_version) from the file header; None for an empty file."""
    with path.open("rb") as f:
        head = f.read(100)
    if not head:
        return None
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not a quietnet store (it is not an SQLite database); it was left untouched."
        )
    return int.from_bytes(head[68:72], "big"), int.from_bytes(head[60:64], "big")


def _has_tables(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise store_error(exc, path) from exc


def require_file(path: Path) -> None:
    """Refuse a store path that exists but is not a regular file (a folder, /dev/null, a pipe)."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the path of a database file.")
    if not path.is_file():  # /dev/null, a pipe: SQLite would put a -journal beside it in /dev
        raise StoreError(
            f"{path} is not a regular file (a device, a pipe or a socket), so it can't hold a store; "
            "give the path of a .db file. Nothing was written."
        )


def check_file(path: Path) -> int:
    """The schema version of an existing file, or StoreError if it is not ours to open.

    Reads only; never changes a byte. Returns 0 for an empty file we may adopt.
    """
    require_file(path)
    header = _header(path)
    if header is None:
        return 0
    app_id, version = header
    if app_id == 0 and version == 0 and not _has_tables(path):
        return 0
    if app_id != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite database from another program, not a quietnet store; it was left untouched."
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer quietnet (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Upgrade quietnet to use it; it was left untouched."
        )
    return version
