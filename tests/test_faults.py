"""Faults a real user meets, with real processes and a real file.

A full disk, several terminals logging at once, Ctrl-C in the middle of a
bulk change, and a lock held by another program for longer than the busy
timeout: each ends in one calm sentence and an exit code, never a traceback,
and never loses, duplicates or half-applies anything.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.helpers import Net
from tests.processes import RUN_CLI, Child, check_store, connect, contents, seed_people

# Runs commands (one JSON array of arguments per line of stdin) on a store whose
# "disk" holds only EXTRA more pages than the file has when the first command
# opens it: every connection quietnet opens gets the same PRAGMA max_page_count.
# Prints {"code", "out", "err"} per command.
SMALL_DISK = (
    RUN_CLI
    + """
import contextlib
import io
import json

import quietnet.engine.sqlite as db

extra = int(sys.argv[1])
limit = None
_connect = db.connect


def small_disk_connect(path):
    global limit
    conn = _connect(path)
    if limit is None:
        limit = conn.execute("PRAGMA page_count").fetchone()[0] + extra
    conn.execute(f"PRAGMA max_page_count = {limit}")
    return conn


db.connect = small_disk_connect
for line in sys.stdin:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(json.loads(line))
    print(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}), flush=True)
"""
)


def note_of(n: int) -> str:
    return f"{n:04d}" + "x" * 8_996  # 9,000 characters


def notes(store: Path) -> list[str]:
    conn = connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT note FROM interaction WHERE note IS NOT NULL ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.slow
def test_a_full_disk_refuses_the_write_and_keeps_everything_else(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("add", "Tom Baker", "--tag", "climbing").code == 0
    assert net("log", "ana", "tom", "lunch", "--on", "2025-06-01", "--note", "before").code == 0
    earlier = contents(store)
    child = Child(SMALL_DISK, "40", stdin=True)
    try:
        logged: list[str] = []
        for n in range(40):
            child.send(json.dumps(["log", "ana", "call", "--note", note_of(n)]))
            line = child.line()
            assert line is not None, child.stderr()
            result = json.loads(line)
            if result["code"] != 0:
                break
            assert result["err"] == ""
            logged.append(note_of(n))
        else:
            pytest.fail("the disk never filled up")
        assert len(logged) >= 2  # some writes fit before the disk filled
        full = f"The disk holding {store} is full; nothing was changed.\n"
        assert (result["code"], result["out"], result["err"]) == (3, "", full)

        # The disk stays full: the next write is refused the same way, reading still works.
        child.send(json.dumps(["log", "tom", "call", "--note", note_of(99)]))
        line = child.line()
        assert line is not None
        assert json.loads(line) == {"code": 3, "out": "", "err": full}
        child.send(json.dumps(["show", "ana", "--json"]))
        line = child.line()
        assert line is not None
        shown = json.loads(line)
        assert shown["code"] == 0, shown
        assert len(json.loads(shown["out"])["interactions"]) == 1 + len(logged)
    finally:
        child.send_eof()
        assert child.wait() == 0
        child.close()

    check_store(store)
    assert notes(store) == ["before", *logged]  # every note whole, the refused ones absent
    now = contents(store)
    for table, rows in earlier.items():  # earlier records are intact
        if table not in ("change", "change_row", "sqlite_sequence", "person_state"):
            assert set(rows) <= set(now[table]), table
    assert net("log", "ana", "call", "--note", note_of(100)).code == 0  # room again: it works


LOGGER = (
    RUN_CLI
    + """
import io
import os
import time

build("log")
tag, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
report = os.fdopen(os.dup(1), "w", buffering=1)
sys.stdout = open(os.devnull, "w")
report.write("ready\\n")
sys.stdin.readline()  # everyone starts together
deadline = time.monotonic() + seconds
for n in range(count):
    if time.monotonic() > deadline:
        break
    sys.stderr = io.StringIO()
    code = run(["log", "ana", "call", "--note", f"{tag}-{n}"])
    report.write(f"{tag}-{n}\\n" if code == 0 else f"failed {tag}-{n} {code} {sys.stderr.getvalue()!r}\\n")
"""
)


@pytest.mark.slow
@pytest.mark.parametrize(("processes", "count"), [(2, 300), (8, 80)])
def test_processes_logging_at_once_lose_and_duplicate_nothing(
    net: Net, store: Path, processes: int, count: int
) -> None:
    assert net("add", "Ana Ruiz").code == 0
    children = [Child(LOGGER, f"p{i}", str(count), "1.0", stdin=True) for i in range(processes)]
    try:
        for child in children:
            child.expect("ready")
        for child in children:
            child.send("go")
        reported = []
        for child in children:
            while (line := child.line()) is not None:
                reported.append(line)
            assert child.wait() == 0, child.stderr()
    finally:
        for child in children:
            child.close()
    assert not [line for line in reported if line.startswith("failed")], reported
    assert len(reported) >= processes  # every process got to write
    found = notes(store)
    assert sorted(found) == sorted(reported)  # each once: none lost, none doubled
    conn = connect(store)
    try:
        assert conn.execute("SELECT count(*) FROM interaction_person").fetchone()[0] == len(reported)
        changes = conn.execute("SELECT count(*) FROM change WHERE command = 'log'").fetchone()[0]
        assert changes == len(reported)
    finally:
        conn.close()
    check_store(store)


# `net settings preset sivers` as a user runs it, saying "bulk" on stdout when
# the transaction is open and the new settings are saved, just before it
# rewrites every person's scheduler state; then it keeps the transaction open
# until stdin says otherwise (the test never does), so Ctrl-C lands inside it.
PRESET = """
import signal
import sys

import quietnet.store.state as state

# As in a terminal: a shell starts background jobs with SIGINT ignored, and so
# would this child be when the tests run in the background.
signal.signal(signal.SIGINT, signal.default_int_handler)

refresh_all = state.refresh_all


def announced(*args, **kwargs):
    print("bulk", flush=True)
    refresh_all(*args, **kwargs)
    sys.stdin.readline()


state.refresh_all = announced
from quietnet.cli.main import main

sys.argv = ["net", "settings", "preset", "sivers"]
main()
"""


@pytest.mark.slow
def test_ctrl_c_during_a_bulk_change_keeps_none_of_it(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    seed_people(store, 1_000)
    before = contents(store)
    child = Child(PRESET, stdin=True)
    try:
        child.expect("bulk")
        child.signal(signal.SIGINT)
        code = child.wait()
        out = child.line()
        err = child.stderr()
    finally:
        child.close()
    assert code == 130, err
    assert out is None  # it never said it was done
    assert err == "Stopped. Nothing half-done was kept.\n"
    assert contents(store) == before
    assert check_store(store).cadences == (7, 30, 90, 365, None)  # the old settings, everywhere


HOLD_LOCK = """
import sqlite3
import sys

conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


@pytest.mark.slow
def test_a_lock_held_past_the_busy_timeout_is_refused_calmly(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    before = contents(store)
    holder = Child(HOLD_LOCK, str(store), stdin=True)
    try:
        holder.expect("locked")
        result = net("log", "ana", "call", "--note", "while locked")  # waits out the 5 s timeout
        holder.send("release")
        assert holder.wait() == 0, holder.stderr()
    finally:
        holder.close()
    busy = f"The store at {store} is busy (another net is writing); nothing was changed. Try again.\n"
    assert (result.code, result.out, result.err) == (3, "", busy)
    assert contents(store) == before
    assert net("log", "ana", "call").code == 0  # once the lock is gone, it works
