"""Opening an SQLite store: created when new, checked, and migrated when behind.

Above ``sqlite`` and ``migrate`` (which imports neither this nor ``sqlite``), so
the engine has no import cycle. Alembic is loaded only when a migration runs.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quietnet.engine import sqlite
from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.engine.sqlite import Database, check_file, writable
from quietnet.errors import StoreError


def open_database(
    path: Path,
    *,
    now: Callable[[], datetime],
    may_create_folder: bool = False,
    announce: Callable[[str], None] = lambda message: None,
) -> Database:
    """Open (creating or migrating when needed) the store at ``path``.

    ``may_create_folder`` is true only for the default location: a ``--db`` path
    inside a folder that does not exist is refused rather than created.
    """
    path = path.expanduser()
    if path.exists():
        version = check_file(path)
    else:
        _create_file(path, may_create_folder=may_create_folder)
        announce(f"Created a new quietnet store at {path}")
        version = 0
    if version < SCHEMA_VERSION:
        if not writable(path):
            raise StoreError(
                f"The store at {path} needs an upgrade to this quietnet's schema, but it is read-only; "
                "it was left untouched."
            )
        # Local: every command opens a store, few migrate one; migrate.py brings in the
        # snapshot and file helpers (secrets, hashlib: ~3 ms that `net today` need not pay).
        from quietnet.engine import migrate

        migrate.upgrade(path, from_version=version, now=now())
    try:
        conn = sqlite.connect(path)  # through the module: tests/test_faults.py swaps it
    except sqlite3.Error as exc:
        raise sqlite.store_error(exc, path) from exc
    return Database(path, conn, now=now)


def _create_file(path: Path, *, may_create_folder: bool) -> None:
    folder = path.parent
    if not folder.exists():
        if not may_create_folder:
            raise StoreError(
                f"The folder {folder} does not exist, so no store was created there. "
                "Create the folder first or choose another path."
            )
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise StoreError(f"Could not create a store at {path}: {exc.strerror}.") from exc
    os.close(fd)
