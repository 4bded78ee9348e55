"""PostgreSQL as the store: the same Session interface as SQLite, so ``store/`` has one SQL path.

``PgSession`` takes the store's SQL as written for SQLite (``?`` and ``:name``
placeholders) in psycopg2's and returns rows holding the Python types sqlite3
returns (``pgtypes.py``: the placeholders, and the connection's type casters that
make those values as the rows are read).

Every write transaction first takes one advisory lock, so writers run one at a
time as SQLite's ``BEGIN IMMEDIATE`` makes them (two machines writing at once
lose nothing); a read is one ``REPEATABLE READ`` transaction. After rows are
inserted with their ids given (``net copy``, ``net import json``, undo), the
id sequences are moved past them, so later ids keep advancing.

psycopg2 is imported only here, in ``server.py`` and ``pgconnect.py``, and only for a server.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from quietnet.engine.constants import WRITE_LOCK
from quietnet.engine.pgconnect import unwaited
from quietnet.engine.pgtypes import CopyText, translate
from quietnet.engine.sqlite import Params, Session
from quietnet.engine.url import ServerUrl
from quietnet.errors import StoreError

if TYPE_CHECKING:
    from psycopg2.extensions import connection, cursor

_WRITES = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE)\s+(\w+)\s*(?:\(([^)]*)\))?", re.I)


class PgRow:
    """A row read as ``r["col"]``, ``r[0]``, ``dict(r)`` or unpacked, as ``sqlite3.Row`` is."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: tuple[Any, ...]) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._names[key] if isinstance(key, str) else key]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PgRow) and (self._names, self._values) == (other._names, other._values)

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._names, self._values, strict=True))!r})"


class PgSession(Session):
    """One transaction on a PostgreSQL store, with ``db.Session``'s interface."""

    BINARY = '"C"'  # UTF-8 bytes in order: code points in order, whatever the database's locale
    INDEXED_BY = ""  # the planner chooses
    FIRST_LINE = "split_part({0}, chr(10), 1)"

    def __init__(self, conn: connection, *, now: datetime, command: str, booleans: BoolColumns):
        import psycopg2

        self.IntegrityError = psycopg2.IntegrityError
        self._pg = conn
        self._booleans = booleans
        self.now = now
        self.command = command
        self.change_id: int | None = None
        self.change_seq = 0
        self.ids_given: set[str] = set()  # tables given explicit ids: their sequences move on at commit

    def _run(self, sql: str, params: Params) -> cursor:
        query, has_marks = translate(sql)
        found = self._pg.cursor()
        if has_marks:
            found.execute(query, self._adapt(sql, params))
        else:
            found.execute(sql)
        return found

    def _adapt(self, sql: str, params: Params) -> Params:
        """Booleans given as 0/1 (rows from the journal) become True/False for boolean columns."""
        match = _WRITES.match(sql)
        if match is None:
            return params
        table = match.group(1).lower()
        columns = [c.strip() for c in (match.group(2) or "").split(",")]
        if "id" in columns and sql.lstrip()[:6].upper() == "INSERT":
            self.ids_given.add(table)
        flags = self._booleans.get(table)
        if not flags:
            return params
        if isinstance(params, dict):
            return {k: bool(v) if k in flags and isinstance(v, int) else v for k, v in params.items()}
        return [
            bool(v) if i < len(columns) and columns[i] in flags and isinstance(v, int) else v
            for i, v in enumerate(params)
        ]

    def _rows(self, found: cursor) -> list[sqlite3.Row]:
        if found.description is None:
            return []
        names = {c.name: i for i, c in enumerate(found.description)}
        rows = [PgRow(names, values) for values in found.fetchall()]
        return cast(list[sqlite3.Row], rows)  # PgRow has sqlite3.Row's interface

    def execute(self, sql: str, params: Params = ()) -> None:
        if sql.lstrip()[:6].upper() == "PRAGMA":
            return  # SQLite's own settings (secure_delete): PostgreSQL has none to set
        self._run(sql, params)

    def all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self._rows(self._run(sql, params))

    def each(self, sql: str, params: Params = ()) -> Iterator[sqlite3.Row]:
        return iter(self.all(sql, params))

    def tuples(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.all(sql, params)]

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = self._rows(self._run(sql, params))
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def insert(self, sql: str, params: Params = ()) -> int:
        found = self._run(sql.rstrip().rstrip(";") + " RETURNING *", params)
        names = [c.name for c in found.description or ()]
        rows = found.fetchall()
        if not rows or "id" not in names:
            return 0  # a table keyed by its columns: the caller knows the key
        return int(rows[-1][names.index("id")])

    def bulk(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """``COPY ... FROM STDIN``: one round trip for a whole table, not one per row."""
        if not rows:
            return
        columns = list(rows[0])
        text = CopyText(rows, columns, self._booleans.get(table, frozenset()))
        with unwaited():  # COPY can't run with psycopg2's wait callback (pgconnect.py)
            self._pg.cursor().copy_expert(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN", text, size=1 << 16
            )
        if "id" in columns:
            self.ids_given.add(table)

    def analyze(self, tables: Sequence[str]) -> None:
        """Statistics for tables filled in this transaction: without them the planner guesses
        they are tiny, and each person's summary scanned every interaction (10 minutes at 5,000)."""
        self._pg.cursor().execute(f"ANALYZE {', '.join(tables)}")

    def tables(self) -> set[str]:
        return {
            r[0]
            for r in self.all(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
        }

    def columns(self, table: str) -> list[str]:
        return [
            r[0]
            for r in self.all(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                (table,),
            )
        ]

    def foreign_keys(self, table: str) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.all(
                "SELECT a.attname, t.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid"
                " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                " WHERE c.contype = 'f' AND c.conrelid = to_regclass(?) ORDER BY c.conname",
                (table,),
            )
        ]

    def advance_ids(self) -> None:
        """Move each id sequence past the ids given explicitly (never back: ids are not reused)."""
        for table in sorted(self.ids_given):
            sequence = self.scalar("SELECT pg_get_serial_sequence(?, 'id')", (table,))
            if sequence is None:
                continue
            self.execute(
                f"SELECT setval(?, greatest((SELECT max(id) FROM {table}),"
                f" (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {sequence}), 1))",
                (sequence,),
            )
        self.ids_given.clear()


BoolColumns = dict[str, frozenset[str]]


class PgDatabase:
    """An open quietnet store on a PostgreSQL server."""

    backend = "postgresql"

    def __init__(self, url: ServerUrl, conn: connection, *, now: Callable[[], datetime]) -> None:
        self.url = url
        self.conn = conn
        self._now = now
        self._booleans: BoolColumns | None = None  # read at the first write: reading never needs them

    def _boolean_columns(self) -> BoolColumns:
        """The boolean columns of each table (a write turns 0 and 1 into booleans for them)."""
        if self._booleans is None:
            found: dict[str, set[str]] = {}
            rows = self.conn.cursor()
            rows.execute(
                "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                " WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind = 'r'"
                " AND a.atttypid = 'boolean'::regtype AND a.attnum > 0 AND NOT a.attisdropped"
            )
            for table, column in rows:
                found.setdefault(table, set()).add(column)
            self._booleans = {t: frozenset(c) for t, c in found.items()}
        return self._booleans

    @property
    def location(self) -> str:
        return self.url.shown

    def is_writable(self) -> bool:
        return True  # the server decides; a refused write says so

    @contextmanager
    def write(self, command: str) -> Iterator[Session]:
        """A write transaction, after the store's write lock: one writer at a time, as on SQLite."""
        try:
            with self._errors():
                self._do(f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")  # one round trip
                booleans = self._boolean_columns()
            session = PgSession(self.conn, now=self._now(), command=command, booleans=booleans)
            with self._errors():
                yield session
                session.advance_ids()
                self._do("COMMIT")
        finally:
            self._end()

    @contextmanager
    def read(self, *, mapped: bool = False) -> Iterator[Session]:
        """A read transaction: one consistent view of the store (``mapped``: SQLite's alone)."""
        with self._errors():
            self._do("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            with self._errors():
                yield PgSession(self.conn, now=self._now(), command="read", booleans={})
        finally:
            self._end()

    def _do(self, sql: str) -> None:
        self.conn.cursor().execute(sql)

    def _end(self) -> None:
        import psycopg2
        from psycopg2.extensions import TRANSACTION_STATUS_IDLE

        if not self.conn.closed and self.conn.info.transaction_status != TRANSACTION_STATUS_IDLE:
            try:
                self._do("ROLLBACK")
            except psycopg2.Error:
                self.conn.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        import psycopg2

        try:
            yield
        except psycopg2.Error as exc:
            raise store_error(exc, self.url) from None

    def close(self) -> None:
        self.conn.close()


def store_error(exc: Exception, url: ServerUrl) -> StoreError:
    """A calm sentence for a server error, never holding the password."""
    import psycopg2
    from psycopg2 import errors

    said = str(getattr(exc, "orig", None) or exc).strip()  # SQLAlchemy's: "(psycopg2.errors.X) ..."
    text = url.scrub(said.splitlines()[0]) if said else "the server gave no reason"
    text = text.rstrip(".")
    if isinstance(exc, errors.LockNotAvailable):
        return StoreError(
            f"The store at {url.shown} is busy (another net is writing); nothing was changed. Try again."
        )
    if isinstance(exc, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
        return StoreError(f"The store at {url.shown} refused the change ({text}); nothing was changed.")
    if isinstance(exc, psycopg2.OperationalError):
        if "password authentication" in text or "no password supplied" in text:
            return StoreError(
                f"The database server at {url.shown} did not accept the login (check the user and its "
                "password, e.g. in ~/.pgpass). Nothing was changed."
            )
        reason = text.rsplit("failed: ", 1)[-1]  # libpq: 'connection to server at ... failed: <reason>'
        reason = reason.removeprefix("FATAL:").strip().replace("failed to resolve host", "no such host")
        return StoreError(
            f"The database server at {url.shown} could not be used: {reason}. Nothing was changed."
        )
    return StoreError(f"The store at {url.shown} could not be used: {text}.")
