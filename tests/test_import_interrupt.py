"""Ctrl-C during a large `net import vcard`: nothing of the import is kept, the store stays sound.

The child is `net import vcard` as a user runs it, with one change: its
progress callback (a no-op without a terminal) prints "at N" on stdout when
the N-th card of the chosen phase is done, so the test knows the import is
where it wants it to be without sleeping. Some trials then wait on stdin
(SIGINT lands in the middle of the write transaction, deterministically);
the free-running one keeps importing while the signal is on its way, so it
lands in arbitrary Python code with most of the cards still to go.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.helpers import Net, ok
from tests.processes import Child, connect, contents

CARDS = 2_000

INTERRUPTED = """
import contextlib
import signal
import sys

# As in a terminal (a shell starts background jobs with SIGINT ignored).
signal.signal(signal.SIGINT, signal.default_int_handler)

import quietnet.cli.transfer as transfer

path, phase, stop_at, wait = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "wait"


@contextlib.contextmanager
def progress(label, total):
    done = 0

    def tick():
        nonlocal done
        done += 1
        if label.startswith(phase) and done == stop_at:
            print(f"at {done} of {total}", flush=True)
            if wait:
                sys.stdin.readline()  # the test never answers: Ctrl-C comes first

    yield tick


transfer.progress = progress
from quietnet.cli.main import main

sys.argv = ["net", "import", "vcard", path]
main()
"""


def cards(count: int) -> str:
    return "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported {n:05d}\r\nN:{n:05d};Imported;;;\r\n"
        f"EMAIL:person{n}@example.com\r\nTEL:+351 21 000 {n:04d}\r\nNOTE:card {n} of the big file\r\n"
        "END:VCARD\r\n"
        for n in range(count)
    )


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cards") / "contacts.vcf"
    path.write_text(cards(CARDS), encoding="utf-8", newline="")
    return path


def people(store: Path) -> int:
    conn = connect(store)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


def sound(store: Path) -> bool:
    conn = connect(store)
    try:
        checked = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        return checked == ["ok"] and conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("phase", "stop_at", "wait"),
    [
        ("Reading", 500, True),  # still reading the file: no transaction yet
        ("Importing", 1, True),  # the first card written
        ("Importing", 700, False),  # free-running, about a third of the way
        ("Importing", CARDS, True),  # every card written, not yet committed
    ],
    ids=["reading", "first-card", "running", "last-card"],
)
def test_ctrl_c_during_an_import_keeps_none_of_it(
    net: Net, store: Path, big_file: Path, phase: str, stop_at: int, wait: bool
) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close")
    ok(net, "log", "ana", "coffee", "--note", "before the import")
    exported, rows, count = ok(net, "export", "json"), contents(store), people(store)
    child = Child(INTERRUPTED, str(big_file), phase, str(stop_at), "wait" if wait else "run", stdin=True)
    try:
        child.expect(f"at {stop_at} of {CARDS}", timeout=120)
        child.signal(signal.SIGINT)
        code = child.wait(60)
        rest = child.line()
        err = child.stderr()
    finally:
        child.close()
    assert (code, err) == (130, "Stopped. Nothing half-done was kept.\n")
    assert rest is None  # it never said "Imported"
    assert sound(store)
    assert people(store) == count == 1
    assert contents(store) == rows  # every table, the journal and the scheduler's state included
    assert ok(net, "export", "json") == exported
    assert [p["name"] for p in json.loads(exported)["people"]] == ["Ana Ruiz"]
    # and the same file imports whole afterwards
    result = net("import", "vcard", str(big_file))
    assert (result.code, result.out) == (0, f"Imported {big_file}: {CARDS} added, 0 updated.\n"), result
    assert people(store) == CARDS + 1
