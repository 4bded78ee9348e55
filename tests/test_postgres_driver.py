"""PostgreSQL through psycopg2: the URLs it takes, the values rows hold, COPY's text, refusals
mapped to calm sentences, and what `net today` on a server loads.

Tests marked ``pg`` need NET_TEST_PG_URL (``.ci/run`` starts a throwaway cluster).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from quietnet.engine.pgtypes import CopyText, copy_field
from quietnet.engine.url import ServerUrl, parse
from quietnet.errors import StoreError
from tests import pgtools
from tests.helpers import BANNED, Net, loaded, ok

SECRET = "s3cret-Pa55"


@pytest.fixture
def server() -> Iterator[str]:
    """The URL of an empty schema of the test server (a new, empty database to quietnet)."""
    with pgtools.schema(pgtools.need_server()) as url:
        yield url


@pytest.mark.parametrize(
    "scheme", ["postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg", "POSTGRESQL"]
)
def test_every_spelling_of_a_server_url_names_the_same_server(scheme: str) -> None:
    url = parse(f"{scheme}://ana:{SECRET}@db.home:5433/quietnet?sslmode=require")
    assert isinstance(url, ServerUrl)
    assert url.shown == "postgresql://ana:***@db.home:5433/quietnet?sslmode=require"
    assert url.conninfo == (
        f"user='ana' password='{SECRET}' host='db.home' port='5433' dbname='quietnet' sslmode='require'"
    )
    assert repr(url) == "ServerUrl('postgresql://ana:***@db.home:5433/quietnet?sslmode=require')"


def test_another_driver_is_not_a_kind_of_store() -> None:
    with pytest.raises(StoreError) as refused:
        parse(f"postgresql+asyncpg://ana:{SECRET}@db.home/quietnet")
    assert str(refused.value) == (
        "postgresql+asyncpg:// is not a kind of store quietnet can use; give a file path or a URL like "
        "postgresql://user@host/quietnet."
    )


@pgtools.needs_driver
@pytest.mark.new_store
def test_an_option_libpq_does_not_know_is_refused_before_connecting(net: Net, store: Path) -> None:
    result = net("--db", f"postgresql://ana:{SECRET}@127.0.0.1:1/quietnet?colour=blue", "add", "Ana Ruiz")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        "The database URL postgresql://ana:***@127.0.0.1:1/quietnet?colour=blue could not be used: "
        'invalid connection option "colour".\n'
    )
    assert not store.exists()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "\\N"),
        (True, "t"),
        (False, "f"),
        (7, "7"),
        (0.1, "0.1"),
        (1e-300, "1e-300"),
        ("plain", "plain"),
        ("tab\there\nnew\rline \\ back", "tab\\there\\nnew\\rline \\\\ back"),
        ("Zoë 🌱", "Zoë 🌱"),
        (date(2025, 6, 19), "2025-06-19"),
    ],
)
def test_copy_writes_each_value_in_its_text_format(value: Any, text: str) -> None:
    assert copy_field(value) == text


@pytest.mark.parametrize("size", [1, 7, 64, 1 << 16, -1])
def test_copy_text_reads_the_same_whatever_the_chunk(size: int) -> None:
    rows = [{"id": n, "kin": n % 2, "note": f"n\u00f6te {n}\t" * (n % 5)} for n in range(300)]
    expected = "".join(f"{r['id']}\t{'t' if r['kin'] else 'f'}\t{copy_field(r['note'])}\n" for r in rows)
    stream = CopyText(rows, ["id", "kin", "note"], frozenset({"kin"}))
    chunks = []
    while chunk := stream.read(size):
        assert size < 0 or len(chunk) <= size
        chunks.append(chunk)
    assert b"".join(chunks).decode() == expected


@pytest.mark.pg
def test_rows_hold_what_the_sqlite_store_holds(server: str) -> None:
    from quietnet.engine.server import open_pg

    target = parse(server.replace("search_path%3D", "TimeZone%3DAsia%2FKolkata%20-csearch_path%3D"))
    assert isinstance(target, ServerUrl)
    database = open_pg(target, now=lambda: datetime(2025, 6, 19, 8, 0, tzinfo=UTC))
    try:
        with database.read() as s:
            row = s.one(
                "SELECT '2025-06-19 10:00:00+02'::timestamptz, '2025-06-19 10:00:00.25+00'::timestamptz,"
                " '0099-01-02'::date, true, false, 2.50::numeric, 3::numeric, sum(x), avg(x), ? * 1.5, ?,"
                " NULL::date, NULL::boolean FROM (VALUES (1), (2)) v(x)",
                (0.1, "text"),
            )
    finally:
        database.close()
    assert row is not None
    assert list(row) == [
        "2025-06-19 08:00:00+00:00", "2025-06-19 10:00:00.250000+00:00", "0099-01-02", 1, 0, 2.5, 3,
        3, 1.5, 0.15000000000000002, "text", None, None,
    ]  # fmt: skip
    assert [type(v) for v in row][3:5] == [int, int]


@pytest.mark.pg
def test_a_read_only_server_refuses_the_change_calmly(net: Net, server: str) -> None:
    assert net("--db", server, "add", "Ana Ruiz").code == 0
    before = pgtools.rows(server)
    read_only = server.replace("search_path%3D", "default_transaction_read_only%3Don%20-csearch_path%3D")
    result = net("--db", read_only, "add", "Tom Baker")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The store at {parse(read_only).shown} refused the change (cannot execute INSERT in a "  # type: ignore[union-attr]
        "read-only transaction); nothing was changed.\n"
    )
    assert pgtools.rows(server) == before
    assert "Ana Ruiz" in ok(net, "--db", read_only, "list")  # reading still works


@pytest.mark.pg
def test_a_busy_store_and_a_missing_privilege_are_said_calmly(net: Net, server: str) -> None:
    import psycopg2

    from quietnet.engine.constants import WRITE_LOCK
    from quietnet.engine.postgres import store_error

    assert net("--db", server, "add", "Ana Ruiz").code == 0
    target = parse(server)
    assert isinstance(target, ServerUrl)
    schema = server.rsplit("search_path%3D", 1)[-1]
    role = f"{schema}_reader"  # may look at the store's tables, not change them
    with pgtools.connection(server) as holder, pgtools.connection(server) as other:
        holder.execute(f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        other.execute("SET lock_timeout = '50ms'")
        with pytest.raises(psycopg2.Error) as busy:
            other.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
        holder.execute("ROLLBACK")
        other.execute(f"CREATE ROLE {role} NOLOGIN; GRANT USAGE ON SCHEMA {schema} TO {role}")
        try:
            with pytest.raises(psycopg2.Error) as denied:
                other.execute(f"SET ROLE {role}; INSERT INTO tag (name) VALUES ('x')")
        finally:
            other.execute(f"RESET ROLE; DROP OWNED BY {role}; DROP ROLE {role}")
    shown = target.shown
    busy_said, denied_said = str(store_error(busy.value, target)), str(store_error(denied.value, target))
    assert (
        busy_said == f"The store at {shown} is busy (another net is writing); nothing was changed. Try again."
    )
    assert denied_said == (
        f"The store at {shown} refused the change (permission denied for table tag); nothing was changed."
    )
    assert not BANNED.search(busy_said + denied_said)


@pytest.mark.pg
@pytest.mark.slow
def test_net_today_on_a_server_loads_the_driver_alone(
    net: Net, server: str, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert net("--db", server, "add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01").code == 0
    monkeypatch.setenv("NET_DATABASE_URL", server)
    # ssl: psycopg2 imports it only for OpenSSL's old locking (engine/pgconnect.load_driver);
    # dataclasses (inspect, ast, dis) and secrets (the migration machinery): not on this path
    heavy = (
        "sqlalchemy",
        "alembic",
        "typer",
        "click",
        "rich",
        "psycopg",
        "psycopg2",
        "ssl",
        "dataclasses",
        "secrets",
    )
    assert loaded(store, "today", heavy=heavy) == {"code": 0, "heavy": ["psycopg2"]}
    report = json.loads(ok(net, "--db", server, "doctor", "--json"))
    assert report["healthy"] is True


TLS = """
import sys
from quietnet.engine.server import connect
from quietnet.engine.url import parse
from quietnet.errors import StoreError
try:
    conn = connect(parse(sys.argv[1]))
except StoreError as exc:
    print(exc)
    raise SystemExit(0)
cursor = conn.cursor()
cursor.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
print(cursor.fetchone()[0], "ssl" in sys.modules)
import ssl, smtplib  # still importable afterwards (net remind email)
print(ssl.OPENSSL_VERSION.split()[0])
"""


@pytest.mark.pg
def test_tls_works_with_the_driver_imported_without_pythons_ssl(server: str) -> None:
    """In a fresh interpreter, as `net` runs: ``load_driver`` keeps ``ssl`` out of psycopg2's import."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", TLS, f"{server}&sslmode=require"],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    if "server does not support SSL" in done.stdout:
        pytest.skip("this server has no TLS; .ci/run's has (a throwaway certificate)")
    assert done.stdout == "1 False\nOpenSSL\n"
