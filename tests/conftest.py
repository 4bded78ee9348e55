"""Every test gets its own real SQLite store under tmp_path and a pinned today.

The store is a copy of a freshly migrated empty store (made once per session),
so tests don't each pay for running the migrations; tests marked ``new_store``
start with no file at all.

Tests marked ``both`` run twice: on SQLite, and on PostgreSQL (marked ``pg``)
in a schema of the ``NET_TEST_PG_URL`` database, migrated once per session and
emptied before each test. Without ``NET_TEST_PG_URL`` the PostgreSQL half skips;
with it set and the server unreachable, it fails.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import typer.main
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner

from quietnet.cli.app import COMMANDS, command_of, make_app
from tests import pgtools

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile("ci")

TODAY = "2025-06-19"  # a Thursday, as in scheduling.md's worked examples

_BUILT: dict[str | None, Any] = {}


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out!r}, err={self.err!r})"


class Net:
    """Runs `net` in-process the way a user would, and returns the result.

    It builds the same lean app `net` builds for a command line, once per
    command module (Typer would rebuild it on every invocation: ~40 ms).
    """

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        command = command_of(list(args))
        module = COMMANDS.get(command or "")
        if module not in _BUILT:
            _BUILT[module] = typer.main.get_command(make_app(command))
        with mock.patch.object(typer.testing, "_get_command", return_value=_BUILT[module]):
            result = self.runner.invoke(typer.Typer(), list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)


def build_store(path: Path, commands: Sequence[Sequence[str]] = ()) -> bytes:
    """Run commands against a new store at ``path`` and return its bytes."""
    net = Net()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        assert net("--db", str(path), "list").code == 0
        for args in commands:
            result = net("--db", str(path), *args)
            assert result.code == 0, result
    return path.read_bytes()


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a new, migrated, empty store."""
    return build_store(tmp_path_factory.mktemp("template") / "net.db")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both`` run on SQLite and on PostgreSQL."""
    marked = metafunc.definition.get_closest_marker
    if marked("both") is not None and marked("sqlite_only") is None:
        backends = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
        metafunc.parametrize("backend", backends, indirect=True)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Skips as one line per reason (the PostgreSQL half alone is about 150 tests)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = str(longrepr[2] if isinstance(longrepr, tuple) else longrepr).removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{count} skipped: {reason}")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store's backend: "sqlite", or "pg" for the PostgreSQL half of a ``both`` test."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_store() -> Iterator[str]:
    """The URL of a migrated, empty store in its own schema of the NET_TEST_PG_URL database."""
    url = pgtools.need_server()
    with pgtools.schema(url, prefix="quietnet_test") as store_url, pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        result = Net()("--db", store_url, "loops")
        assert result.code == 0, result
        yield store_url


@pytest.fixture(autouse=True)
def store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, backend: str
) -> Path:
    """Point NET_DB at a fresh store and pin NET_TODAY; the user's home is never touched.

    On PostgreSQL, NET_DATABASE_URL points at the emptied test store instead.
    """
    path = tmp_path / "net.db"
    if backend == "pg":
        url = request.getfixturevalue("pg_store")
        pgtools.empty(url)
        monkeypatch.setenv("NET_DATABASE_URL", url)
    else:
        monkeypatch.delenv("NET_DATABASE_URL", raising=False)
    monkeypatch.setenv("NET_DB", str(path))
    monkeypatch.setenv("NET_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if request.node.get_closest_marker("new_store") is None and backend == "sqlite":
        seed(path, request.getfixturevalue("migrated"))
    return path


def seed(path: Path, content: bytes) -> None:
    """Make ``path`` a private copy of a store's bytes (and on PostgreSQL, the store a copy of it)."""
    path.write_bytes(content)
    path.chmod(0o600)
    url = os.environ.get("NET_DATABASE_URL")
    if url:  # the PostgreSQL half of a test: the server's store becomes a copy of this one
        result = Net()("--db", str(path), "copy", "--to", url, "--replace", "--yes")
        assert result.code == 0, result


@pytest.fixture
def net() -> Net:
    return Net()


# Words the tool never says to the user (design.md, "Calm words").
BANNED = re.compile(r"\b(overdue|neglected|failed|should|behind|streak|lead|prospect)s?\b", re.I)


def files(store: Path) -> tuple[bytes, bytes]:
    """The store and its write-ahead log, byte for byte (on PostgreSQL: every row of every table)."""
    url = os.environ.get("NET_DATABASE_URL")
    if url:
        return repr(pgtools.rows(url)).encode(), b""
    wal = store.with_name(store.name + "-wal")
    return store.read_bytes(), wal.read_bytes() if wal.exists() else b""


def query(store: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of the test's store (the SQLite file, or the PostgreSQL store of a ``pg`` test)."""
    url = os.environ.get("NET_DATABASE_URL")
    if url:
        return pgtools.query(url, sql, params)
    conn = sqlite3.connect(store)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def records(store: Path, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Rows of the test's store as dicts, read through quietnet's own session (either backend)."""
    from quietnet.cli.context import location, now
    from quietnet.db import open_database
    from quietnet.server import open_pg

    url = os.environ.get("NET_DATABASE_URL")
    where = location(url) if url else store
    database = open_database(where, now=now) if isinstance(where, Path) else open_pg(where, now=now)
    try:
        with database.read() as s:
            return [dict(r) for r in s.all(sql, params)]
    finally:
        database.close()


def ok(net: Net, *args: str) -> str:
    """Run a command that must succeed quietly; its stdout."""
    result = net(*args)
    assert result.code == 0, result
    assert result.err == "", result
    return result.out


def data(net: Net, *args: str) -> Any:
    """A command's --json output, parsed."""
    return json.loads(ok(net, *args, "--json"))


def dump(path: Path) -> bytes:
    """The store's bytes (WAL checkpointed by closing), to prove nothing was written.

    On PostgreSQL: every row of every table.
    """
    url = os.environ.get("NET_DATABASE_URL")
    if url:
        return repr(pgtools.rows(url)).encode()
    return path.read_bytes() if path.exists() else b""
