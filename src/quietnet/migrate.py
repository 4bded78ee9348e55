"""Schema migrations with Alembic, atomic and preceded by a verified snapshot.

Loaded only when a store's ``user_version`` is behind ``db.SCHEMA_VERSION``
(a new store counts as version 0), so the everyday commands never import
SQLAlchemy. SQLite's ``user_version`` and ``application_id`` are set in the same
transaction as the migration's DDL, so a crash leaves either the old schema or
the new one, never half.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quietnet.db import APPLICATION_ID, SCHEMA_VERSION
from quietnet.errors import StoreError
from quietnet.snapshot import take_snapshot

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "quietnet:migrations")
    return config


def upgrade(path: Path, *, from_version: int, now: datetime) -> None:
    """Bring the SQLite store at ``path`` to the newest schema."""
    from alembic import command
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    if from_version > 0:
        take_snapshot(path, now=now, reason=f"before-schema-{SCHEMA_VERSION}")
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)

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
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except Exception as exc:
        raise StoreError(f"Could not prepare the store at {path}: {exc}; nothing was changed.") from exc
    finally:
        engine.dispose()
