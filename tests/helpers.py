"""Helpers the test modules share: running `net` in-process, reading a store, seeding one."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import typer.testing
from typer.testing import CliRunner

from quietnet.cli.app import command_of, make_app
from quietnet.cli.commands import COMMANDS
from quietnet.engine.sqlite import Session
from quietnet.store import interactions, loops
from quietnet.store import people as stored_people
from tests import pgtools, schemas
from tests.processes import Child
from tests.strategies import TODAY as STRATEGY_TODAY
from tests.strategies import Raw

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
        if result.exit_code == 0:
            schemas.conform(list(args), result.stdout)  # every JSON output follows docs/schemas/
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


def seed(path: Path, content: bytes) -> None:
    """Make ``path`` a private copy of a store's bytes (and on PostgreSQL, the store a copy of it)."""
    path.write_bytes(content)
    path.chmod(0o600)
    url = os.environ.get("NET_DATABASE_URL")
    if url:  # the PostgreSQL half of a test: the server's store becomes a copy of this one
        result = Net()("--db", str(path), "copy", "--to", url, "--replace", "--yes")
        assert result.code == 0, result


# The indexes migration 0013 adds: a test that makes an older store drops them.
INDEXES_0013 = (
    "ix_person_state_last_touch", "ix_person_state_reconnected", "ix_person_snoozed_until",
    "ix_person_birthday_day",
)  # fmt: skip
INDEXES_0014 = ("ix_person_circle",)  # and 0014's new one (its other index keeps its name)
INDEXES_0015 = ("ix_loop_open", "ix_person_tag_tag")


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
    from quietnet.engine.opening import open_database
    from quietnet.engine.server import open_pg

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


# Runs `net ARGS...` and stops at the N-th call of STEP (announcing "at STEP N").
STOPPED = """
import os
import sys

step, nth, args = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
real_write, real_fsync, real_replace = os.write, os.fsync, os.replace
calls = {}


def reached(name):
    calls[name] = calls.get(name, 0) + 1
    if name == step and calls[name] == nth:
        print(f"at {name} {nth}", flush=True)
        sys.stdin.readline()  # the test kills us here


def write(fd, data):
    written = real_write(fd, bytes(data[:65536]))
    reached("write")
    return written


def fsync(fd):
    real_fsync(fd)
    reached("fsync")


def replace(src, dst):
    reached("before-replace")
    real_replace(src, dst)
    reached("replace")


os.write, os.fsync, os.replace = write, fsync, replace
from quietnet.cli.main import main

sys.argv = ["net", *args]
main()
"""


def kill_at(step: str, nth: int, *args: str) -> None:
    """Run `net ARGS` in a child and SIGKILL it at the nth call of ``step``."""
    child = Child(STOPPED, step, str(nth), *args, stdin=True)
    try:
        child.expect(f"at {step} {nth}", timeout=60)
        child.signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        child.close()


# An iPhone export (vCard 3.0): Apple item groups, a birthday without a year, a photo.
APPLE = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.5//EN\r\n"
    "N:O'Brien;Siobhán;;;\r\n"
    "FN:Siobhán O'Brien\r\n"
    "ORG:Fabrikam;Design\r\n"
    "TITLE:Lead designer\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:siobhan@example.com\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "EMAIL;type=INTERNET;type=WORK:s.obrien@fabrikam.example\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+353 87 123 4567\r\n"
    "item2.ADR;type=HOME;type=pref:;;1 Main St;Dublin;;D01;Ireland\r\n"
    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\r\n"
    "CATEGORIES:Friends,Book Club\r\n"
    "NOTE:Met at the Dublin type conference.\\nLoves sea swimming.\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8M\r\n"
    " CgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/\r\n"
    "X-SOCIALPROFILE;type=twitter:https://x.com/siobhan\r\n"
    "UID:2B7E3F4A-1C9D-4E5F-8A6B-7C8D9E0F1A2B\r\n"
    "END:VCARD\r\n"
)


def people(store: Path) -> dict[str, dict[str, Any]]:
    """Every person's row and tags (on the store's backend: see conftest.records)."""
    rows = {r["name"]: r for r in records(store, "SELECT * FROM person")}
    for row in rows.values():
        tagged = "SELECT t.name FROM tag t JOIN person_tag pt ON pt.tag_id = t.id WHERE pt.person_id = ?"
        row["tags"] = sorted(t["name"] for t in records(store, tagged, (row["id"],)))
    return rows


def scalar(store: Path, sql: str) -> Any:
    conn = sqlite3.connect(store)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "rich", "dateutil", "psycopg2")


PROBE = """
import json, os, sys
from quietnet.cli.main import main
sys.argv = ["net", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(os.environ["HEAVY"])))
sys.stderr.write("HEAVY=" + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def loaded(store: Path, *args: str, heavy: tuple[str, ...] = HEAVY) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "HEAVY": json.dumps(heavy)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    result: dict[str, object] = json.loads(line.removeprefix("HEAVY="))
    return result


def write_raw(s: Session, r: Raw) -> int:
    """Write a generated person (tests/strategies.py ``Raw``) through the store API; their id."""
    fields = {
        "circle": r.circle, "closeness": r.closeness, "kin": r.kin, "cadence_days": r.override,
        "met_on": r.met, "snoozed_until": r.snoozed_until,
        "birthday": None if r.birthday is None else f"{r.birthday[0]:02d}-{r.birthday[1]:02d}",
    }  # fmt: skip
    person_id = stored_people.add(s, name=r.name, fields=fields, tags=["novel"] if r.novel else [])
    for t in r.touches:
        interactions.log(s, person_ids=[person_id], kind=t.kind, day=t.on)
    for type_, what in (("promise", r.promise), ("need", r.need)):
        if what is not None:
            loops.open_loop(
                s, person_id=person_id, type=type_, what=what, day=STRATEGY_TODAY - timedelta(days=20)
            )
    if r.archived:
        stored_people.set_archived(s, person_id, True)
    return person_id


def refused(net: Net, store: Path, *args: str) -> str:
    """The sentence a refused command says (exit 1, nothing printed, the store unchanged)."""
    before = files(store)
    result = net(*args)
    assert result.code == 1, result
    assert result.out == ""
    assert files(store) == before
    return result.err
