"""Ctrl-C while net waits for a PostgreSQL server: it stops at once, calmly, with nothing written.

psycopg2 waits inside libpq, where Ctrl-C is not seen, unless a wait callback waits in
Python (engine/pgconnect.py). Tests marked ``pg`` need NET_TEST_PG_URL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quietnet.engine.constants import WRITE_LOCK
from tests import pgtools
from tests.helpers import Net, ok

WAITING = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"


@pytest.fixture
def server(net: Net) -> Iterator[str]:
    """An empty schema of the test server holding a store with Ana in it."""
    with pgtools.schema(pgtools.need_server()) as url:
        assert net("--db", url, "add", "Ana Ruiz").code == 0
        yield url


def start(store: Path, *args: str) -> subprocess.Popen[str]:
    """`net` in its own process, as a user runs it (Ctrl-C is a SIGINT to that process)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_DB": str(store)}
    command = [sys.executable, "-m", "quietnet.cli.main", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def until_waiting(url: str, child: subprocess.Popen[str]) -> None:
    """Return once ``child`` waits for the write lock (it is still running then)."""
    deadline = time.monotonic() + 30
    while pgtools.query(url, WAITING) == [(0,)]:
        assert time.monotonic() < deadline, "net never came to wait for the lock"
        with pytest.raises(subprocess.TimeoutExpired):  # a pause that also says it is still running
            child.wait(timeout=0.05)


@pytest.mark.pg
def test_ctrl_c_while_waiting_for_the_write_lock_stops_at_once_and_writes_nothing(
    server: str, store: Path
) -> None:
    before = pgtools.rows(server)
    with pgtools.connection(server) as holder:  # another machine, writing
        holder.execute(f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        child = start(store, "--db", server, "log", "ana", "call")
        try:
            until_waiting(server, child)
            child.send_signal(signal.SIGINT)
            out, err = child.communicate(timeout=5)  # the lock is held for 10 s more: not waited for
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
        assert pgtools.query(server, WAITING) == [(0,)]  # the server stopped the query too
        holder.execute("ROLLBACK")
    assert (child.returncode, out, err) == (130, "", "Stopped. Nothing half-done was kept.\n")
    assert pgtools.rows(server) == before
    assert "Ana Ruiz" in ok(Net(), "--db", server, "list")  # the store works as before
