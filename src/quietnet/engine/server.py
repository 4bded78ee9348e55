"""Reaching a PostgreSQL store: connecting, the schema check, opening, and a health check.

The same refusals as for an SQLite file (``db.check_file``): a database that
holds another program's tables, or a newer quietnet's schema, is refused and
left untouched. The schema version lives in a one-row ``quietnet_meta`` table,
written in the same transaction as the migration that reaches it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from quietnet.engine.constants import APPLICATION, LOCK_WAIT, SCHEMA_VERSION
from quietnet.engine.pgconnect import dial, load_driver
from quietnet.engine.pgtypes import SETTINGS, sqlite_types
from quietnet.engine.postgres import PgDatabase, store_error
from quietnet.engine.url import ServerUrl
from quietnet.errors import StoreError

if TYPE_CHECKING:
    from psycopg2.extensions import connection

# The connection's settings, then the store's marker: one round trip (no parameters, so the
# simple protocol takes several statements; the result is the last one's).
OPENING = f"{SETTINGS}; SET lock_timeout = '{LOCK_WAIT}'; "
MARKER = "SELECT application, schema_version FROM quietnet_meta"


def connect(url: ServerUrl) -> connection:
    """A connection with autocommit (transactions are begun explicitly), or StoreError. The
    settings are made by the first query, ``OPENING`` (see ``stored_version``)."""
    try:
        load_driver()
        import psycopg2
    except ImportError:
        raise StoreError(
            f"Using {url.shown} needs PostgreSQL support: pip install 'quietnet[postgres]'."
        ) from None
    try:
        conn = dial(url)
    except psycopg2.OperationalError as exc:
        raise store_error(exc, url) from None
    except (psycopg2.Error, ValueError) as exc:  # a malformed option in the URL: refused before connecting
        message = url.scrub(str(exc).strip().splitlines()[0]).removeprefix("invalid dsn: ").rstrip(".")
        raise StoreError(f"The database URL {url.shown} could not be used: {message}.") from None
    conn.autocommit = True
    sqlite_types(conn)
    return conn


def stored_version(conn: connection, url: ServerUrl, *, opening: bool = False) -> int:
    """The schema version of the store at ``url``; 0 for an empty database. Reads only.
    With ``opening``, the connection's settings are made in the same round trip.

    Refuses, untouched, a database holding another program's tables or a newer schema.
    """
    import psycopg2
    from psycopg2 import errors

    cursor = conn.cursor()
    try:
        try:  # a store: one query (connections are in autocommit, so a failure spoils nothing)
            cursor.execute(f"{OPENING}{MARKER}" if opening else MARKER)
            marker = cursor.fetchone()
            tables = {"quietnet_meta"}
        except errors.UndefinedTable:
            marker = None
            if opening:  # the settings were undone with the failed statement: made again
                cursor.execute(OPENING)
            cursor.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
            tables = {r[0] for r in cursor.fetchall()}
    except psycopg2.Error as exc:
        raise store_error(exc, url) from None
    if not tables:
        return 0
    if marker is None or marker[0] != APPLICATION:
        raise StoreError(
            f"{url.shown} holds tables of another program, not a quietnet store; it was left untouched."
        )
    version = int(marker[1])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{url.shown} was written by a newer quietnet (schema {version}; this one knows up to "
            f"{SCHEMA_VERSION}). Upgrade quietnet to use it; it was left untouched."
        )
    return version


def open_pg(
    url: ServerUrl,
    *,
    now: Callable[[], datetime],
    announce: Callable[[str], None] = lambda message: None,
    migrate: bool = True,
) -> PgDatabase:
    """Open (creating or migrating when needed, unless ``migrate`` is false) the store at ``url``."""
    conn = connect(url)  # first: it says which extra to install when psycopg2 is missing
    import psycopg2

    try:
        version = stored_version(conn, url, opening=True)
        if version < SCHEMA_VERSION and migrate:
            from quietnet.engine.migrate import upgrade_pg  # Alembic and SQLAlchemy: only to migrate

            if upgrade_pg(url) and version == 0:
                announce(f"Created a new quietnet store at {url.shown}")
        return PgDatabase(url, conn, now=now)
    except psycopg2.Error as exc:
        conn.close()
        raise store_error(exc, url) from None
    except BaseException:
        conn.close()
        raise


def health(database: PgDatabase) -> tuple[str, float]:
    """The server's version, and the median time of a round trip to it in milliseconds."""
    import psycopg2

    cursor = database.conn.cursor()
    try:
        cursor.execute("SHOW server_version")
        row = cursor.fetchone()
        trips = []
        for _ in range(5):
            start = time.perf_counter()
            cursor.execute("SELECT 1")
            cursor.fetchone()
            trips.append((time.perf_counter() - start) * 1000)
    except psycopg2.Error as exc:
        raise store_error(exc, database.url) from None
    return str(row[0] if row else "unknown"), sorted(trips)[len(trips) // 2]
