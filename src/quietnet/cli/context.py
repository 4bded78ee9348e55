"""What every command needs from the outside world: the store, today, output.

This is the only place that reads the environment (``NET_DB``, ``NET_TODAY``)
and the clock; everything below the CLI is handed ``today`` and a session.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quietnet.errors import ConfirmationNeeded, InputError, StoreError

if TYPE_CHECKING:
    from quietnet.db import Database, Session


@dataclass
class Context:
    """Options given before the command (`net --db PATH ...`)."""

    db: str | None = None
    debug: bool = False
    _database: Database | None = field(default=None, repr=False)

    def store_path(self) -> tuple[Path, bool]:
        """Where the store is, and whether it is the default location."""
        if self.db:
            return Path(self.db).expanduser(), False
        env = os.environ.get("NET_DB")
        if env:
            return Path(env).expanduser(), False
        from quietnet.db import default_path

        return default_path(), True

    def database(self) -> Database:
        if self._database is None:
            from quietnet.db import open_database

            path, is_default = self.store_path()
            self._database = open_database(path, now=now, may_create_folder=is_default, announce=note)
        return self._database

    @contextmanager
    def write(self, command: str) -> Iterator[Session]:
        with self.database().write(command) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.database().read() as session:
            yield session

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def get(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    if not isinstance(obj, Context):
        obj = Context()
        ctx.find_root().obj = obj
    return obj


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today, or the day pinned by NET_TODAY=YYYY-MM-DD."""
    pinned = os.environ.get("NET_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned.strip())
        except ValueError:
            raise StoreError(f"NET_TODAY must be a date like 2025-06-19, not {pinned!r}.") from None
    return datetime.now().date()


def as_of(text: str | None) -> date:
    """The day a command looks at: --as-of, else today."""
    if text is None:
        return today()
    from quietnet.dates import parse_day

    return parse_day(text, today=today(), allow_future=True)


def say(text: str = "") -> None:
    """A line on stdout, as typed (no markup)."""
    sys.stdout.write(text + "\n")


def note(text: str) -> None:
    """A line on stderr for notices that are not the command's output."""
    sys.stderr.write(text + "\n")


def confirm(question: str, *, yes: bool) -> None:
    """Ask before something big; --yes answers for the user. Raises to stop."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise ConfirmationNeeded(f"{question} Nothing was changed; run again with --yes to go ahead.")
    if not typer.confirm(question, default=False):
        raise InputError("Nothing was changed.")
