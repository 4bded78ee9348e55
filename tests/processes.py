"""Helpers for the tests that run `net` in real processes against a real file.

``Child`` starts ``python -c SCRIPT`` with this interpreter and the test's
import path, and reads its stdout line by line with a deadline (never a
sleep). ``seed_people`` fills a store quickly through the store API in one
transaction; ``check_store`` proves a store is sound after a crash: SQLite's
own checks pass and every person's scheduler state is what their
interactions give under the stored settings.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from quietnet.core.settings import SIVERS, Settings
from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Session
from quietnet.store import folded, interactions, people, state
from quietnet.store import settings as stored

NOW = datetime(2025, 6, 19, 12, 0, tzinfo=UTC)

# The CLI as `net` runs it, in the child process: build each command module's
# click command once and call it like `make_app(cmd)(args, standalone_mode=False)`.
RUN_CLI = """
import sys
import typer.main
from quietnet.cli.app import command_of, make_app
from quietnet.cli.commands import COMMANDS

_built = {}

def build(command):
    module = COMMANDS.get(command or "")
    if module not in _built:
        _built[module] = typer.main.get_command(make_app(command))
    return _built[module]

def run(args):
    '''Run one `net` command line in this process; returns its exit code (0 when done).'''
    return build(command_of(args)).main(args, prog_name="net", standalone_mode=False) or 0
"""


def child_env(**extra: str) -> dict[str, str]:
    """The test's environment (NET_DB, NET_TODAY...) and import path, for a child process."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **extra}


class Child:
    """A Python child process whose stdout is read line by line, each read with a deadline."""

    def __init__(self, script: str, *args: str, stdin: bool = False, **env: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            env=child_env(**env),
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self._fd = self.proc.stdout.fileno()
        self._buffer = b""
        self._eof = False

    @property
    def pid(self) -> int:
        return self.proc.pid

    def line(self, timeout: float = 30.0) -> str | None:
        """The next line of output (without its newline), or None at the end of output."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            if self._eof:
                rest, self._buffer = self._buffer, b""
                return rest.decode() or None
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no output from the child within {timeout} s; stderr: {self.stderr()}")
            ready, _, _ = select.select([self._fd], [], [], left)
            if ready:
                chunk = os.read(self._fd, 65536)
                self._eof = not chunk
                self._buffer += chunk
        text, _, self._buffer = self._buffer.partition(b"\n")
        return text.decode()

    def expect(self, wanted: str, timeout: float = 30.0) -> None:
        got = self.line(timeout)
        assert got == wanted, f"expected {wanted!r} from the child, got {got!r}; stderr: {self.stderr()}"

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()

    def send_eof(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()

    def signal(self, signum: signal.Signals) -> None:
        self.proc.send_signal(signum)

    def wait(self, timeout: float = 30.0) -> int:
        return self.proc.wait(timeout)

    def stderr(self) -> str:
        """Whatever the child wrote to stderr (only once it has ended)."""
        if self.proc.poll() is None or self.proc.stderr is None:
            return "(still running)"
        return self.proc.stderr.read().decode(errors="replace")

    def close(self) -> None:
        """End the child if it is still running (SIGKILL, by its pid) and release its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(30)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


# -- stores ------------------------------------------------------------------------------

FIRST_VISIT = date(2025, 3, 1)


def seed_people(path: Path, count: int, *, visits: int = 2) -> None:
    """Add ``count`` close friends, each with ``visits`` meetings, in one transaction.

    Meetings 10 days apart are separate episodes under the default close cadence
    (30 days) but not under sivers (60), so every seeded person's scheduler state
    differs between the two presets: a half-applied preset would show.
    """
    db = open_database(path, now=lambda: NOW)
    try:
        with db.write("seed") as s:
            for n in range(count):
                person_id = people.add(
                    s,
                    name=f"Friend {n:05d}",
                    fields={"circle": "close", "met_on": date(2025, 1, 1)},
                )
                for visit in range(visits):
                    day = FIRST_VISIT + timedelta(days=10 * visit)
                    interactions.log(s, person_ids=[person_id], kind="meet", day=day)
    finally:
        db.close()


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def state_rows(s: Session, settings: Settings) -> dict[int, tuple[Any, ...]]:
    """Every person's person_state row as ``state.refresh`` would write it under ``settings``."""
    return {
        person_id: tuple(state.expected_row(s, person_id, settings).values())
        for (person_id,) in s.all("SELECT id FROM person")
    }


def stored_state_rows(s: Session) -> dict[int, tuple[Any, ...]]:
    rows = s.all(
        "SELECT person_id, eff, last_touch, last_touch_kind, last_touch_said, last_full,"
        " last_full_kind, full_days, episodes, reconnected, due_start, due_end, cadence, cadence_source,"
        " clock_start, last_real, last_real_kind, dormant_from, rest_until FROM person_state"
    )
    return {r[0]: tuple(r[1:]) for r in rows}


def check_store(path: Path) -> Settings:
    """Assert the store is sound; returns its settings.

    SQLite's integrity and foreign-key checks pass, every person's scheduler
    state is exactly what their interactions give under the stored settings (so
    no bulk change is visible halfway), and every searchable row's folded
    ``find_key`` matches its text.
    """
    conn = connect(path)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("BEGIN")
        s = Session(conn, now=NOW, command="check")
        settings = stored.load(s)
        expected, found = state_rows(s, settings), stored_state_rows(s)
        wrong = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
        assert not wrong, f"{len(wrong)} people's state doesn't match the stored settings, e.g. #{wrong[0]}"
        for table in folded.SOURCES:
            rows = [dict(r) for r in s.all(f"SELECT * FROM {table}")]
            stale = [r for r in rows if r["find_key"] != folded.find_key(table, r)]
            assert not stale, f"{table} rows with a stale find_key: {stale[:3]}"
        conn.execute("ROLLBACK")
        return settings
    finally:
        conn.close()


def same_under_presets(path: Path) -> set[int]:
    """The people whose scheduler state is the same under the default and sivers cadences."""
    conn = connect(path)
    try:
        s = Session(conn, now=NOW, command="check")
        default, sivers = state_rows(s, Settings()), state_rows(s, SIVERS)
        return {k for k in default if default[k] == sivers[k]}
    finally:
        conn.close()


def contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: the store's whole logical content."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()
