"""What every command needs from the outside world: the store, today, output.

This is the only place that reads the environment (``NET_DATABASE_URL``,
``NET_DB``, ``NET_TODAY``) and the clock; everything below the CLI is handed
``today`` and a session.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quietnet.errors import ConfirmationNeeded, InputError, StoreError

# The imports inside functions are for start-up: `net today` runs through this module without
# Typer (cli/main.py), and a store on a file never loads the server's modules, nor a path the URL
# parser (tests/test_startup.py, docs/performance.md).

if TYPE_CHECKING:
    import typer

    from quietnet.engine.postgres import PgDatabase
    from quietnet.engine.sqlite import Database, Session
    from quietnet.engine.url import ServerUrl
    from quietnet.render.ink import Ink


class Context:
    """Options given before the command (`net --db PATH ...`), and the store once opened."""

    def __init__(self, db: str | None = None, debug: bool = False) -> None:
        self.db = db
        self.debug = debug
        self._database: Database | PgDatabase | None = None

    def store(self) -> tuple[Path | ServerUrl, bool]:
        """Where the store is (a file or a server), and whether it is the default location.

        ``--db`` first, then ``NET_DATABASE_URL``, then ``NET_DB``, then the data folder.
        """
        if self.db is not None and not self.db.strip():
            raise StoreError(
                "--db was given an empty path; name a file or a database URL, or leave --db out."
            )
        if (
            self.db is None
            and not os.environ.get("NET_DATABASE_URL")
            and os.environ.get("NET_DB", "x").strip() == ""
        ):
            raise StoreError("NET_DB is set but empty; name a file, or unset it to use the default store.")
        given = self.db or os.environ.get("NET_DATABASE_URL") or os.environ.get("NET_DB")
        if given:
            return location(_decodable(given)), False
        from quietnet.engine.sqlite import default_path

        return Path(_decodable(str(default_path()))), True

    def store_path(self) -> tuple[Path, bool]:
        """The store's file (an absolute path), for the commands that work on files."""
        where, is_default = self.store()
        if not isinstance(where, Path):
            raise StoreError(
                f"The store is on a database server ({where.shown}); this command works on an SQLite file. "
                "Use the server's own backups (pg_dump), or net copy --to FILE.db for a local copy."
            )
        if where.exists():
            from quietnet.engine.sqlite import require_file

            require_file(where)  # a device or a pipe (--db /dev/null) is never backed up or restored over
        return where, is_default

    def exists(self) -> bool:
        """Whether the store is there already (a server always is; a file may not be yet)."""
        where, _ = self.store()
        return not isinstance(where, Path) or where.exists()

    def database(self) -> Database | PgDatabase:
        if self._database is None:
            today()  # a NET_TODAY that can't be used is refused before a store is opened or created
            where, is_default = self.store()
            if isinstance(where, Path):
                from quietnet.engine.opening import open_database

                self._database = open_database(where, now=now, may_create_folder=is_default, announce=note)
            else:
                from quietnet.engine.server import open_pg

                self._database = open_pg(where, now=now, announce=note)
        return self._database

    def snapshot(self, reason: str) -> str | None:
        """A verified snapshot before a big change; None on a server (one transaction is all or nothing)."""
        if self.database().backend != "sqlite":
            return None
        from quietnet.ops import backup

        return str(backup.automatic(self.store_path()[0], now=now(), reason=reason))

    @contextmanager
    def write(self, command: str) -> Iterator[Session]:
        with self.database().write(command) as session:
            from quietnet.store import kinds

            kinds.use(session)  # the store's own kinds count as kinds while this command runs
            yield session

    @contextmanager
    def read(self, *, mapped: bool = False) -> Iterator[Session]:
        """A read transaction; ``mapped``: through a memory map (engine/sqlite.py ``Database.read``)."""
        with self.database().read(mapped=mapped) as session:
            from quietnet.store import kinds

            kinds.use(session)
            yield session

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


def program() -> str:
    """The name `net` was run by, for its usage lines: `quietnet` (Samba ships a `net` too) or `net`."""
    return "quietnet" if Path(sys.argv[0]).stem == "quietnet" else "net"


def program_path() -> list[str]:
    """The absolute path of the `net` being run, for a timer to run (or this Python running quietnet)."""
    argv0 = Path(sys.argv[0])
    if argv0.stem in ("net", "quietnet") and argv0.exists():
        return [str(argv0.absolute())]
    beside = Path(sys.executable).parent / "net"
    if beside.exists():
        return [str(beside.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "quietnet.cli.main"]


def smtp() -> tuple[str | None, str | None]:
    """NET_SMTP_URL and NET_SMTP_PASSWORD (`net remind email`); an empty one counts as not set."""
    return os.environ.get("NET_SMTP_URL") or None, os.environ.get("NET_SMTP_PASSWORD") or None


def location(given: str) -> Path | ServerUrl:
    """A file (an absolute path) or a database URL, as given to --db, NET_DATABASE_URL or NET_DB."""
    # Absolute, because SQLite's read-only and file-URI connections need one
    # (`--db other.db` for another program's file used to end in a traceback).
    where: Path | ServerUrl = Path(given).expanduser()
    if "://" in given:  # dburl.is_url, without importing URL parsing for a plain path
        from quietnet.engine import url as dburl

        where = dburl.parse(given)
    return where.absolute() if isinstance(where, Path) else where


def get(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    if not isinstance(obj, Context):
        obj = Context()
        ctx.find_root().obj = obj
    return obj


def _decodable(path: str) -> str:
    """A store path SQLite can be given and a message can show: UTF-8, no control characters."""
    from quietnet.core.text import path_problem

    if any("\udc80" <= c <= "\udcff" for c in path):
        as_typed = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise StoreError(
            f"The store's path {as_typed} holds bytes that are not UTF-8, which SQLite can't open; "
            "set NET_DB (or --db) to a path in UTF-8."
        )
    if (problem := path_problem(path)) is not None:
        raise StoreError(problem)
    return path


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today, or the day pinned by NET_TODAY=YYYY-MM-DD."""
    pinned = os.environ.get("NET_TODAY")
    if pinned:
        from quietnet.core.dates import MAX_YEAR, MIN_YEAR
        from quietnet.core.text import shown

        try:
            day = date.fromisoformat(pinned.strip())
        except ValueError:
            raise StoreError(f"NET_TODAY must be a date like 2025-06-19, not '{shown(pinned)}'.") from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise StoreError(f"NET_TODAY must fall between the years {MIN_YEAR} and {MAX_YEAR}, not {day}.")
        return day
    return datetime.now().date()


def as_of(text: str | None) -> date:
    """The day a command looks at: --as-of, else today."""
    if text is None:
        return today()
    from quietnet.core.dates import parse_day

    return parse_day(text, today=today(), allow_future=True)


def width() -> int | None:
    """The width to fit text to: COLUMNS when set (as Rich reads it), else the terminal's; None when piped."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and columns.isascii():
        return int(columns)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def ink() -> Ink:
    """Bold names and headings, dim hints: on a terminal (or with FORCE_COLOR), never with NO_COLOR."""
    from quietnet.render.ink import MARKED, PLAIN

    if os.environ.get("NO_COLOR"):
        return PLAIN
    if os.environ.get("FORCE_COLOR") or (sys.stdout.isatty() and os.environ.get("TERM") != "dumb"):
        return MARKED
    return PLAIN


def say(text: str = "", *, fitted: bool = False, marked: bool = False) -> None:
    """A line on stdout, as typed (no markup); a control character shows as ``\\x1b``, never raw.

    ``fitted``: long lines break between words at the terminal's width (``render/wrap.py``),
    for what people read (today, show, list, find, loops), never for data (--json).
    ``marked``: the text holds the marks of ``render/ink.py`` (and every stored string in it was
    escaped before rendering): they become bold and dim.
    Exports write their bytes through ``cli/output.py``, never through here.
    """
    from quietnet.core.text import visible

    if marked:
        from quietnet.render.ink import MARKS

        shown = visible(text, keep="\n\t" + MARKS)
    else:
        shown = visible(text, keep="\n\t")
    if fitted:
        from quietnet.render.wrap import fit

        shown = fit(shown, width())
    if marked:
        from quietnet.render.ink import codes

        shown = codes(shown)
    sys.stdout.write(shown + "\n")


def note(text: str) -> None:
    """A line on stderr for notices that are not the command's output; control characters escaped."""
    from quietnet.core.text import visible

    sys.stderr.write(visible(text, keep="\n") + "\n")


def confirm(question: str, *, yes: bool) -> None:
    """Ask before something big; --yes answers for the user. Raises to stop."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise ConfirmationNeeded(f"{question} Nothing was changed; run again with --yes to go ahead.")
    import typer

    if not typer.confirm(question, default=False):
        raise InputError("Nothing was changed.")
