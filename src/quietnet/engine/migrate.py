"""Schema migrations with Alembic, atomic and preceded by a verified snapshot.

Loaded only when a store's ``user_version`` is behind ``constants.SCHEMA_VERSION``
(a new store counts as version 0), so the everyday commands never import
SQLAlchemy. SQLite's ``user_version`` and ``application_id`` are set in the same
transaction as the migration's DDL, so a crash leaves either the old schema or
the new one, never half.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quietnet.engine.constants import APPLICATION, APPLICATION_ID, SCHEMA_VERSION, WRITE_LOCK
from quietnet.engine.snapshot import take_snapshot
from quietnet.engine.sqlite import Session
from quietnet.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

    from quietnet.engine.url import ServerUrl


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "quietnet.engine:migrations")
    return config


def _rebuild_derived(connection: Any, now: datetime) -> None:
    """Fill the columns derived from others (``store/derived.py``) in the migration's transaction.

    Migrations only add such columns: they import nothing from quietnet, so the
    values come from the code that reads them, not from a copy frozen in time.
    """

    # Local: the one import from engine/ up into store/, needed only while migrating;
    # store/ imports engine/sqlite.py, never this module, so there is no cycle.
    from quietnet.store import derived

    raw = connection.connection.driver_connection
    session: Session
    if isinstance(raw, sqlite3.Connection):
        raw.row_factory = sqlite3.Row
        session = Session(raw, now=now, command="migrate")
    else:
        from quietnet.engine.pgtypes import SETTINGS, sqlite_types
        from quietnet.engine.postgres import PgSession  # local: SQLite stores never load it

        raw.cursor().execute(SETTINGS)  # rows read as on the SQLite store (pgtypes.py)
        sqlite_types(raw)
        session = PgSession(raw, now=now, command="migrate", booleans={})
    derived.rebuild(session)


def upgrade(path: Path, *, from_version: int, now: datetime) -> None:
    """Bring the SQLite store at ``path`` to the newest schema."""
    # Local imports here and below: every command imports this module (engine/opening.py),
    # and SQLAlchemy and Alembic cost ~150 ms of start-up that only a migration needs.
    from alembic import command
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    if from_version > 0:
        take_snapshot(path, now=now, reason=f"before-schema-{SCHEMA_VERSION}")
    # The file itself, never a URL built from its name: "?" or "%2E" in a path would name another file.
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            _rebuild_derived(connection, now)
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except Exception as exc:
        # SQLAlchemy wraps the driver's error with its own text and a web address: say only the cause.
        cause = getattr(exc, "orig", None) or exc
        text = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
        if "disk is full" in text or "database or disk is full" in text:
            raise StoreError(f"The disk holding {path} is full; nothing was changed.") from exc
        raise StoreError(f"Could not prepare the store at {path}: {text}; nothing was changed.") from exc
    finally:
        engine.dispose()


# Text columns on PostgreSQL compare and sort byte by byte ("C"), as SQLite's BINARY does,
# whatever the database's locale: `ORDER BY name` gives the same order on both backends.
_LOCALE_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind = 'r'
  AND a.attnum > 0 AND NOT a.attisdropped
  AND a.atttypid IN ('text'::regtype, 'varchar'::regtype)
  AND a.attcollation <> (SELECT oid FROM pg_collation WHERE collname = 'C'
                         AND collnamespace = 'pg_catalog'::regnamespace)
"""


def upgrade_pg(url: ServerUrl) -> bool:
    """Bring the PostgreSQL store at ``url`` to the newest schema; False if another net just did.

    One transaction (PostgreSQL's DDL is transactional): the migration, byte-order
    text columns and the ``quietnet_meta`` marker all land together or not at all.
    An advisory lock keeps two machines from migrating the same store at once.
    """
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool  # local: see upgrade

    from quietnet.engine.pgconnect import dial

    # The connection net itself makes (the same parameters and Ctrl-C), never a URL SQLAlchemy
    # would read its own way (a socket folder written %2Ftmp in the host, an option it drops).
    engine = create_engine("postgresql+psycopg2://", creator=lambda: dial(url), poolclass=NullPool)
    config = alembic_config()
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            if connection.exec_driver_sql("SELECT to_regclass('quietnet_meta')").scalar() is not None:
                done = connection.exec_driver_sql("SELECT schema_version FROM quietnet_meta").scalar()
                if done is not None and int(done) >= SCHEMA_VERSION:
                    return False
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            _rebuild_derived(connection, datetime.now(UTC))
            for table, column, kind in connection.exec_driver_sql(_LOCALE_COLUMNS).all():
                connection.exec_driver_sql(
                    f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE {kind} COLLATE "C"'
                )
            connection.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS quietnet_meta"
                " (application VARCHAR NOT NULL, schema_version INTEGER NOT NULL)"
            )
            connection.exec_driver_sql("DELETE FROM quietnet_meta")
            connection.exec_driver_sql(
                "INSERT INTO quietnet_meta (application, schema_version) VALUES (%(a)s, %(v)s)",
                {"a": APPLICATION, "v": SCHEMA_VERSION},
            )
    except Exception as exc:
        # SQLAlchemy wraps the driver's error as "(psycopg2.errors.X) ...": the driver's own words
        cause = getattr(exc, "orig", None) or exc
        text = str(cause).strip()
        message = url.scrub(text.splitlines()[0]).rstrip(".") if text else "the server gave no reason"
        raise StoreError(
            f"Could not prepare the store at {url.shown}: {message}; nothing was changed."
        ) from None
    finally:
        engine.dispose()
    return True
