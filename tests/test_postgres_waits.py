"""Ctrl-C while net waits for a PostgreSQL server: it stops at once, calmly, with nothing written.

psycopg2 waits inside libpq, where Ctrl-C is not seen, unless a wait callback waits in
Python (engine/pgconnect.py). Tests marked ``pg`` need NET_TEST_PG_URL.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quietnet.engine.constants import WRITE_LOCK
from tests import pgtools
from tests.helpers import Net, ok

SECRET = "Secret9"
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


@pytest.mark.pg
def test_a_connection_notices_a_vanished_server_and_the_urls_options_win(server: str) -> None:
    """TCP keepalives end a wait on a server that has gone (no answer at all) within a minute."""
    from quietnet.engine.pgconnect import dial
    from quietnet.engine.url import ServerUrl, parse

    url = parse(f"{server}&application_name=mine&client_encoding=LATIN1")
    assert isinstance(url, ServerUrl)
    conn = dial(url)
    try:
        said = conn.get_dsn_parameters()
        cursor = conn.cursor()
        cursor.execute("SHOW application_name; SHOW client_encoding")
        encoding = cursor.fetchone()
    finally:
        conn.close()
    keepalives = {k: v for k, v in said.items() if k.startswith("keepalives")}
    assert keepalives == {
        "keepalives": "1", "keepalives_idle": "20", "keepalives_interval": "10", "keepalives_count": "3"
    }  # fmt: skip
    assert (said["application_name"], encoding) == ("mine", ("UTF8",))


@contextmanager
def silent_server() -> Iterator[socket.socket]:
    """A port that takes connections and never answers (a server hung, or far away and slow)."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(30)
        yield listener


@pgtools.needs_driver
@pytest.mark.new_store
def test_ctrl_c_while_a_server_does_not_answer_stops_at_once(store: Path) -> None:
    with silent_server() as listener:
        port = listener.getsockname()[1]
        child = start(store, "--db", f"postgresql://ana:{SECRET}@127.0.0.1:{port}/quietnet", "today")
        try:
            accepted, _ = listener.accept()  # net is connecting, and waits for the server's answer
            with accepted:
                child.send_signal(signal.SIGINT)
                out, err = child.communicate(timeout=5)  # libpq alone would wait its 10 s
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
    assert (child.returncode, out, err) == (130, "", "Stopped. Nothing half-done was kept.\n")
    assert not store.exists()


@pgtools.needs_driver
@pytest.mark.new_store
def test_a_server_that_does_not_answer_is_given_up_on(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq ignores connect_timeout when psycopg2 waits in Python: the wait callback keeps it."""
    from quietnet.engine import pgconnect

    monkeypatch.setattr(pgconnect, "CONNECT_WAIT", 0.2)
    with silent_server() as listener:
        port = listener.getsockname()[1]
        result = net("--db", f"postgresql://ana:{SECRET}@127.0.0.1:{port}/quietnet", "today")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The database server at postgresql://ana:***@127.0.0.1:{port}/quietnet could not be used: "
        "timeout expired. Nothing was changed.\n"
    )
    assert not store.exists()
