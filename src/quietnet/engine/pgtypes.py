"""Values between the store's SQL and psycopg2: placeholders, the types rows come back as, COPY's text.

The store's SQL is written for SQLite (``?`` and ``:name``); ``translate`` gives
psycopg2's (``%s``, ``%(name)s``, a literal ``%`` doubled; nothing inside quoted
literals is touched). ``sqlite_types`` sets a connection's type casters so that
rows hold what sqlite3 returns from the SQLite store: dates and timestamps as the
ISO text it holds (timestamps in UTC), booleans as 0 and 1, numbers as int or float,
made once, from the server's text, as the rows are read.

Cheap to import: psycopg2 is imported only inside ``sqlite_types``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from psycopg2.extensions import AsIs, connection, cursor

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|(?<![:\w]):([A-Za-z_]\w*)|%")
_TRANSLATED: dict[str, tuple[str, bool]] = {}

# The settings every connection works in (one round trip): the casters below read the
# server's text in these styles, and floats come back exactly (servers before 12 round them).
SETTINGS = "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3"

BOOL, DATE, TIMESTAMPTZ, NUMERIC = 16, 1082, 1184, 1700  # PostgreSQL's type oids (pg_type)


def translate(sql: str) -> tuple[str, bool]:
    """The SQL in psycopg2's placeholders, and whether it has any."""
    known = _TRANSLATED.get(sql)
    if known is not None:
        return known
    found = False

    def swap(match: re.Match[str]) -> str:
        nonlocal found
        token = match.group(0)
        if token[0] in "'\"":
            return token.replace("%", "%%")
        if token == "%":
            return "%%"
        found = True
        return "%s" if token == "?" else f"%({match.group(1)})s"

    result = (_TOKENS.sub(swap, sql), found)
    _TRANSLATED[sql] = result
    return result


def _date(value: str | None, _: cursor) -> str | None:
    return value  # 2025-06-19 in DateStyle ISO: the text the SQLite store holds


def _timestamp(value: str | None, _: cursor) -> str | None:
    """``2025-06-19 08:00:00.5+00`` (the server's text in UTC) as Python's ``isoformat(sep=" ")``
    of the same instant in UTC, as the SQLite store holds it: ``2025-06-19 08:00:00.500000+00:00``."""
    if value is None:
        return None
    if value.endswith("+00"):
        whole, dot, fraction = value[:-3].partition(".")
        return f"{whole}.{fraction.ljust(6, '0')}+00:00" if dot else f"{whole}+00:00"
    from datetime import UTC, datetime  # another time zone: only if a setting overrode ours

    return datetime.fromisoformat(value).astimezone(UTC).isoformat(sep=" ")


def _boolean(value: str | None, _: cursor) -> int | None:
    return None if value is None else int(value == "t")


def _number(value: str | None, _: cursor) -> int | float | None:
    """A numeric (``sum``, ``avg``) as sqlite3 gives it: an int when whole, else a float."""
    if value is None:
        return None
    from decimal import Decimal

    exact = Decimal(value)
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _float(value: float) -> AsIs:
    from psycopg2.extensions import AsIs

    return AsIs(f"'{value!r}'::float8")


def sqlite_types(conn: connection) -> None:
    """Rows read on ``conn`` hold the Python types sqlite3 returns from the SQLite store, and a
    float given to a query is a float8 there, as in SQLite (psycopg2 would write ``8.0``, which
    PostgreSQL reads as an exact numeric: slower, and not the arithmetic SQLite does)."""
    from psycopg2.extensions import new_type, register_adapter, register_type

    register_adapter(float, _float)  # for the whole process: quietnet's own connections only

    casts: tuple[tuple[int, str, Callable[[str | None, cursor], Any]], ...] = (
        (BOOL, "QN_BOOL", _boolean),
        (DATE, "QN_DATE", _date),
        (TIMESTAMPTZ, "QN_TIMESTAMPTZ", _timestamp),
        (NUMERIC, "QN_NUMERIC", _number),
    )
    for oid, name, read in casts:  # psycopg2 gives each the server's text (a str), or None
        register_type(new_type((oid,), name, cast("Callable[[str | bytes | None, cursor], Any]", read)), conn)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_SPECIAL = re.compile(r"[\\\t\n\r]")


def copy_field(value: Any) -> str:
    """One value in ``COPY``'s text format (most are text needing no escape: checked first)."""
    if value is None:
        return "\\N"
    kind = value.__class__
    if kind is str:
        return value.translate(_ESCAPES) if _SPECIAL.search(value) else value  # type: ignore[no-any-return]
    if kind is int:
        return str(value)
    if kind is bool:
        return "t" if value else "f"
    if kind is float:
        return repr(value)  # the shortest text that reads back as exactly this float
    return str(value).translate(_ESCAPES)


class CopyText:
    """Rows as ``COPY ... FROM STDIN``'s text, read by psycopg2's ``copy_expert`` a chunk at a
    time (a whole table is never one string in memory)."""

    def __init__(self, rows: Sequence[Mapping[str, Any]], columns: Sequence[str], flags: frozenset[str]):
        self._lines = self._encode(rows, columns, flags)
        self._rest = b""

    @staticmethod
    def _encode(
        rows: Sequence[Mapping[str, Any]], columns: Sequence[str], flags: frozenset[str]
    ) -> Iterator[bytes]:
        for row in rows:
            values = [bool(row[c]) if c in flags and isinstance(row[c], int) else row[c] for c in columns]
            yield ("\t".join(map(copy_field, values)) + "\n").encode()

    def read(self, size: int = -1) -> bytes:
        parts, length = [self._rest], len(self._rest)
        for line in self._lines:
            parts.append(line)
            length += len(line)
            if 0 <= size <= length:
                break
        text = b"".join(parts)
        cut = len(text) if size < 0 else size
        self._rest = text[cut:]
        return text[:cut]

    def readline(self, size: int = -1) -> bytes:
        return self.read(size)  # copy_expert only reads; the protocol asks for readline too
