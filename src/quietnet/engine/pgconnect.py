"""Reaching a PostgreSQL server: the driver's import, the connection's parameters, and waiting
for the server the way Ctrl-C can end (psycopg2's wait callback, and COPY without it).

psycopg2 waits for the server inside libpq, where Python never sees SIGINT: Ctrl-C
did nothing while a write waited for another machine's lock or a server stopped
answering. With a wait callback (``psycopg2.extensions.set_wait_callback``, the
documented pattern) psycopg2 waits in ``select`` here, where Ctrl-C raises
``KeyboardInterrupt``: the server is asked to cancel the query, the connection is
closed (an unfinished transaction is rolled back by the server) and ``net`` stops
as it does for Ctrl-C anywhere ("Stopped. Nothing half-done was kept.", exit 130).

With a callback libpq no longer applies ``connect_timeout``, so ``wait`` keeps the
same limit while connecting. ``COPY`` can't run with a callback registered:
``unwaited`` lifts it for the few statements that copy.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from quietnet.engine.constants import APPLICATION

if TYPE_CHECKING:
    from psycopg2.extensions import connection

    from quietnet.engine.url import ServerUrl

CONNECT_WAIT = 10  # seconds to reach the server (libpq's connect_timeout)
POLL_OK, POLL_READ, POLL_WRITE = 0, 1, 2  # psycopg2.extensions' poll states
STATUS_SETUP = 0  # psycopg2.extensions: a connection still being made


def load_driver() -> None:
    """psycopg2, imported without Python's ``ssl`` module (a third of its import time).

    psycopg2 imports ``ssl`` only to let Python's OpenSSL set up its thread-locking
    callbacks before libpq would; OpenSSL 1.1 and later need none (Python 3.11 requires
    1.1.1), and the binary wheel's libpq links its own copy of OpenSSL anyway. When ``ssl``
    can't be imported, psycopg2 leaves the set-up to libpq, and ``sslmode=require`` works
    as before (tests/test_postgres_driver.py). ``ssl`` stays importable afterwards.
    """
    if "psycopg2" in sys.modules or "ssl" in sys.modules:
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # `import ssl` raises ImportError
    try:
        import psycopg2  # noqa: F401
    finally:
        del sys.modules["ssl"]


# Before the URL's own parameters, which win (but for the encoding, which rows are read in).
# Keepalives: a server that vanishes mid-query (its machine off, the network gone) ends in an
# error within a minute, not a wait of hours.
DEFAULTS = (
    f"connect_timeout={CONNECT_WAIT} application_name={APPLICATION}"
    " keepalives=1 keepalives_idle=20 keepalives_interval=10 keepalives_count=3"
)


def dial(url: ServerUrl) -> connection:
    """A plain psycopg2 connection to ``url`` (psycopg2's errors pass through), waiting the way
    Ctrl-C can end (``wait``). Also what Alembic connects with (``migrate.upgrade_pg``)."""
    load_driver()
    import psycopg2

    install()
    return psycopg2.connect(f"{DEFAULTS} {url.conninfo} client_encoding=UTF8")


def wait(conn: connection) -> None:
    """Wait until ``conn``'s query (or connection) is done; Ctrl-C cancels it and stops."""
    deadline = time.monotonic() + CONNECT_WAIT if conn.status == STATUS_SETUP else None
    try:
        while True:
            state = conn.poll()
            if state == POLL_OK:
                return
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise conn.OperationalError("timeout expired")  # libpq's words for connect_timeout
            fileno = conn.fileno()
            if state == POLL_READ:
                select.select([fileno], [], [], left)
            elif state == POLL_WRITE:
                select.select([], [fileno], [], left)
            else:
                raise conn.OperationalError(f"bad state from poll: {state}")
    except KeyboardInterrupt:
        if deadline is None:
            _cancel(conn)
        raise  # psycopg2 closes the connection: the server rolls back what was begun


def _cancel(conn: connection) -> None:
    """Ask the server to stop the query now rather than when it next writes to the closed connection."""
    with suppress(Exception):  # the server may be gone: closing the connection is enough then
        conn.cancel()


def install() -> None:
    """From now on every psycopg2 connection in this process waits through ``wait``."""
    from psycopg2.extensions import set_wait_callback

    set_wait_callback(wait)


@contextmanager
def unwaited() -> Iterator[None]:
    """Without the callback, for ``COPY`` ("copy_expert cannot be used with an asynchronous callback")."""
    from psycopg2.extensions import get_wait_callback, set_wait_callback

    callback = get_wait_callback()
    set_wait_callback(None)
    try:
        yield
    finally:
        set_wait_callback(callback)
