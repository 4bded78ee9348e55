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
from typing import TYPE_CHECKING, Any

from quietnet.engine.constants import APPLICATION, LOCK_WAIT, SCHEMA_VERSION
from quietnet.engine.migrate import upgrade_pg
from quietnet.engine.postgres import PgDatabase, store_error
from quietnet.engine.url import ServerUrl
from quietnet.errors import StoreError

if TYPE_CHECKING:
    import psycopg


def connect(url: ServerUrl) -> psycopg.Connection[Any]:
    """A connection in UTC with autocommit (transactions are begun explicitly), or StoreError."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(
            f"Using {url.shown} needs PostgreSQL support: pip install 'quietnet[postgres]'."
        ) from None
    try:
        conn = psycopg.connect(
            url.conninfo, autocommit=True, connect_timeout=10, application_name=APPLICATION
        )
    except psycopg.Error as exc:
        raise store_error(exc, url) from None
    except Exception as exc:  # a malformed option in the URL is refused by libpq before connecting
        raise StoreError(f"The database URL {url.shown} could not be used: {url.scrub(str(exc))}.") from None
    try:  # one round trip for both (no parameters: the simple protocol takes several statements)
        conn.execute(f"SET TIME ZONE 'UTC'; SET lock_timeout = '{LOCK_WAIT}'")
    except psycopg.Error as exc:
        conn.close()
        raise store_error(exc, url) from None
    return conn


def stored_version(conn: psycopg.Connection[Any], url: ServerUrl) -> int:
    """The schema version of the store at ``url``; 0 for an empty database. Reads only.

    Refuses, untouched, a database holding another program's tables or a newer schema.
    """
    import psycopg

    try:
        try:  # a store: one query (connections are in autocommit, so a failure spoils nothing)
            marker = conn.execute("SELECT application, schema_version FROM quietnet_meta").fetchone()
            tables = {"quietnet_meta"}
        except psycopg.errors.UndefinedTable:
            marker = None
            tables = {
                r[0]
                for r in conn.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                )
            }
    except psycopg.Error as exc:
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
    conn = connect(url)  # first: it says which extra to install when psycopg is missing
    import psycopg

    try:
        version = stored_version(conn, url)
        if version < SCHEMA_VERSION and migrate and upgrade_pg(url) and version == 0:
            announce(f"Created a new quietnet store at {url.shown}")
        return PgDatabase(url, conn, now=now)
    except psycopg.Error as exc:
        conn.close()
        raise store_error(exc, url) from None
    except BaseException:
        conn.close()
        raise


def health(database: PgDatabase) -> tuple[str, float]:
    """The server's version, and the median time of a round trip to it in milliseconds."""
    import psycopg

    try:
        row = database.conn.execute("SHOW server_version").fetchone()
        trips = []
        for _ in range(5):
            start = time.perf_counter()
            database.conn.execute("SELECT 1").fetchone()
            trips.append((time.perf_counter() - start) * 1000)
    except psycopg.Error as exc:
        raise store_error(exc, database.url) from None
    return str(row[0] if row else "unknown"), sorted(trips)[len(trips) // 2]
