"""Two `net` processes writing at once: both succeed, nothing lost or duplicated."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import Net

WRITER = """
import sys
from quietnet.cli.app import app
tag, count = sys.argv[1], int(sys.argv[2])
for n in range(count):
    try:
        app(["log", "ana", "call", "--note", f"{tag}-{n}"], standalone_mode=False)
    except SystemExit as exc:
        if exc.code:
            raise
"""


@pytest.mark.slow
def test_two_processes_logging_at_once_lose_nothing(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    count = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, tag, str(count)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for tag in ("a", "b")
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    conn = sqlite3.connect(store)
    notes = [r[0] for r in conn.execute("SELECT note FROM interaction")]
    expected = {f"{tag}-{n}" for tag in ("a", "b") for n in range(count)}
    assert sorted(notes) == sorted(expected)
    links = conn.execute("SELECT count(*) FROM interaction_person").fetchone()[0]
    assert links == 2 * count
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
