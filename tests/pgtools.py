"""A PostgreSQL server for the tests, from ``NET_TEST_PG_URL`` (``.ci/run`` starts one).

Each test session works in its own schema of that database (named in the URL's
``search_path`` option), so the database's other contents are never touched;
each test empties the tables and restarts the ids. When ``NET_TEST_PG_URL`` is
set and the server cannot be reached, the PostgreSQL tests fail rather than skip.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import pytest

ENV = "NET_TEST_PG_URL"
KEPT = ("alembic_version", "quietnet_meta")

# Tests that connect to a server that isn't there need psycopg2, but no server: they run with the
# README's test command (the postgres extra installed) and skip without the extra.
needs_driver = pytest.mark.skipif(
    importlib.util.find_spec("psycopg2") is None,
    reason="psycopg2 is not installed (pip install -e '.[test,postgres]' installs it)",
)


def server_url() -> str | None:
    return os.environ.get(ENV) or None


def need_server() -> str:
    """The server's URL; skips when none is configured (a local run), never when one is."""
    url = server_url()
    if url is None:
        pytest.skip(f"{ENV} is not set: the PostgreSQL half runs in CI (bash .ci/run) or with it set")
    return url


def with_schema(url: str, schema: str) -> str:
    """``url`` working in ``schema`` (through libpq's ``options=-csearch_path=...``)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"]
    query.append(("options", f"-csearch_path={schema}"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), ""))


class Connection:
    """A psycopg2 connection in autocommit, reading rows as the store's sessions do
    (``engine/pgtypes.py``): ``execute`` returns the cursor, as psycopg 3's does."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: tuple[Any, ...] | None = None) -> Any:
        cursor = self.conn.cursor()
        cursor.execute(sql, params)
        return cursor


@contextmanager
def connection(url: str) -> Iterator[Connection]:
    import psycopg2

    from quietnet.engine.pgtypes import sqlite_types
    from quietnet.engine.url import ServerUrl, parse

    target = parse(url)
    assert isinstance(target, ServerUrl)
    try:
        conn = psycopg2.connect(target.conninfo, connect_timeout=5)
    except psycopg2.Error as exc:
        pytest.fail(f"{ENV} is set but its server could not be reached: {target.scrub(str(exc))}")
    conn.autocommit = True
    sqlite_types(conn)  # in the server's own settings (a test may set a time zone): pgtypes reads them too
    try:
        yield Connection(conn)
    finally:
        conn.close()


@contextmanager
def schema(url: str, prefix: str = "qn") -> Iterator[str]:
    """A new, empty schema of the test database, dropped afterwards; yields the URL working in it."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with connection(url) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield with_schema(url, name)
    finally:
        with connection(url) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def empty(url: str) -> None:
    """Delete every row of the store's data and restart its ids (the schema stays)."""
    with connection(url) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
            if r[0] not in KEPT
        ]
        if tables:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def query(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a query written for SQLite, with the values sqlite3 would give."""
    from quietnet.engine.pgtypes import translate

    text, marked = translate(sql)
    with connection(url) as conn:
        found = conn.execute(text if marked else sql, params if marked else None).fetchall()
    return [tuple(row) for row in found]


def rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a refused command wrote nothing."""
    with connection(url) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ]
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in names}
