"""PostgreSQL URLs read once, as libpq reads them, and handed to libpq as keyword/value
parameters: what is shown and what is connected to agree, and no password ever shows.

Tests marked ``pg`` need NET_TEST_PG_URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from quietnet.engine.url import ServerUrl, parse
from quietnet.errors import StoreError
from tests import pgtools
from tests.helpers import BANNED, Net, ok

SECRET = "Secret9"
EXAMPLE = "a URL looks like postgresql://user@host:5432/quietnet"
AMBIGUOUS = (
    "That database URL could not be read unambiguously: percent-encode @ and / in a password as %40 "
    "and %2F (postgresql://ana:pass%40word@host/quietnet). Nothing was changed."
)
ESCAPE = (
    "That database URL could not be read: a % starts an escape such as %40 (for @) or %2F (for /), "
    f"and %00 cannot be given; {EXAMPLE}. Nothing was changed."
)
OPTIONS = (
    "The options of that database URL could not be read: each is name=value, joined by & "
    f"(?sslmode=require&connect_timeout=5); {EXAMPLE}. Nothing was changed."
)
PORT = f"That database URL could not be read (its port is a number up to 65535); {EXAMPLE}."


@pytest.mark.parametrize(
    ("given", "shown", "conninfo"),
    [
        ("postgresql:///quietnet", "postgresql:///quietnet", "dbname='quietnet'"),  # libpq's socket, PGHOST
        (
            "postgresql:///q?host=/run/pg&port=5433&user=ana",
            "postgresql:///q?host=/run/pg&port=5433&user=ana",
            "dbname='q' host='/run/pg' port='5433' user='ana'",
        ),
        (
            "postgresql://ana@%2Frun%2Fpg:5433/q",  # a socket folder written in the host
            "postgresql://ana@%2Frun%2Fpg:5433/q",
            "user='ana' host='/run/pg' port='5433' dbname='q'",
        ),
        (
            f"postgres://ana:pass%40{SECRET}@[::1]:5433,db.home/q",
            "postgresql://ana:***@[::1]:5433,db.home/q",
            f"user='ana' password='pass@{SECRET}' host='::1,db.home' port='5433,' dbname='q'",
        ),
        (
            f"  postgresql://h/q?password=a%2A{SECRET}&options=-csearch_path%3Dx%20y&application_name=a+b ",
            "postgresql://h/q?password=***&options=-csearch_path%3Dx%20y&application_name=a+b",
            f"host='h' dbname='q' password='a*{SECRET}' options='-csearch_path=x y' application_name='a+b'",
        ),
        ("postgresql://h/it's\\", "postgresql://h/it's\\", "host='h' dbname='it\\'s\\\\'"),
    ],
)
def test_a_url_is_read_once_and_shown_as_typed(given: str, shown: str, conninfo: str) -> None:
    url = parse(given)
    assert isinstance(url, ServerUrl)
    assert (url.shown, url.conninfo) == (shown, conninfo)
    assert SECRET not in url.shown + repr(url)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (f"postgresql://quietnet:pw@{SECRET}@127.0.0.1:1/q", AMBIGUOUS),  # libpq: the first @ ends it
        (f"postgresql://quietnet:1234/{SECRET}@127.0.0.1:1/q", AMBIGUOUS),
        (f"postgresql://127.0.0.1:1/q?password=pw%00{SECRET}", ESCAPE),
        (f"postgresql://ana:pw%zz{SECRET}@127.0.0.1:1/q", ESCAPE),
        (f"postgresql://ana:pw%ff{SECRET}@127.0.0.1:1/q", ESCAPE),  # not UTF-8
        (f"postgresql://127.0.0.1:1/q?password{SECRET}", OPTIONS),
        (f"postgresql://127.0.0.1:1/q?pass word=pw{SECRET}", OPTIONS),
        (f"postgresql://ana:pw{SECRET}@127.0.0.1:5x/q", PORT),
    ],
)  # fmt: skip
@pytest.mark.new_store
def test_a_url_that_cannot_be_read_exactly_is_refused_without_its_password(
    net: Net, store: Path, given: str, message: str
) -> None:
    with pytest.raises(StoreError) as refused:
        parse(given)
    assert str(refused.value) == message
    result = net("--db", given, "add", "Ana Ruiz")
    assert (result.code, result.out, result.err) == (3, "", message + "\n")
    assert not store.exists()


@pgtools.needs_driver
@pytest.mark.new_store
def test_a_url_with_spaces_around_it_is_the_url(net: Net, store: Path) -> None:
    result = net("--db", f" postgresql://ana:{SECRET}@127.0.0.1:1/quietnet ", "add", "Ana Ruiz")
    assert result.code == 3
    assert result.err.startswith(
        "The database server at postgresql://ana:***@127.0.0.1:1/quietnet could not be used:"
    )
    assert SECRET not in result.out + result.err
    assert not store.exists()


@pytest.fixture
def server() -> Iterator[str]:
    with pgtools.schema(pgtools.need_server()) as url:
        yield url


def _parts(url: str) -> tuple[str, str, str, str, str, str]:
    parts = urlsplit(url)
    return (
        parts.hostname or "",
        str(parts.port or 5432),
        parts.username or "",
        parts.password or "",
        parts.path.lstrip("/"),
        parts.query,
    )


@pytest.mark.pg
def test_a_url_without_a_host_uses_libpqs_defaults_and_its_options(
    net: Net, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    host, port, user, password, dbname, query = _parts(server)
    given = f"postgresql:///{dbname}?host={host}&port={port}&user={user}&password={quote(password)}&{query}"
    assert net("--db", given, "add", "Ana Ruiz").code == 0
    for name, value in (("PGHOST", host), ("PGPORT", port), ("PGUSER", user), ("PGPASSWORD", password)):
        monkeypatch.setenv(name, value)
    assert "Ana Ruiz" in ok(net, "--db", f"postgresql:///{dbname}?{query}", "list")


@pytest.mark.pg
def test_a_socket_folder_in_the_host_is_what_the_migration_connects_to_as_well(net: Net, server: str) -> None:
    folders = pgtools.query(server, "SELECT setting FROM pg_settings WHERE name = 'unix_socket_directories'")
    folder = str(folders[0][0]).split(",")[0].strip()
    if not folder or not Path(folder).is_dir():
        pytest.skip("this server listens on no socket this machine can reach")
    _, port, user, password, dbname, query = _parts(server)
    given = f"postgresql://{user}:{quote(password)}@{quote(folder, safe='')}:{port}/{dbname}?{query}"
    result = net("--db", given, "add", "Ana Ruiz")  # a new store: the migration connects first
    assert (result.code, result.out) == (0, "Added Ana Ruiz (#1) to your network circle.\n")
    assert result.err == f"Created a new quietnet store at {parse(given).shown}\n"  # type: ignore[union-attr]
    assert "Ana Ruiz" in ok(net, "--db", server, "list")


@pytest.mark.pg
@pytest.mark.new_store
def test_a_refused_migration_is_one_sentence_without_the_drivers_class_names(
    net: Net, server: str, store: Path
) -> None:
    missing = server.replace("search_path%3D", "search_path%3Dnot_there_")
    result = net("--db", missing, "add", "Ana Ruiz")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"Could not prepare the store at {parse(missing).shown}: no schema has been "  # type: ignore[union-attr]
        "selected to create in; nothing was changed.\n"
    )
    assert not BANNED.search(result.err)
    assert pgtools.rows(server) == {}
    assert not store.exists()


@pytest.mark.pg
@pytest.mark.new_store
def test_a_migration_the_server_does_not_permit_is_said_without_class_names(
    net: Net, server: str, store: Path
) -> None:
    host, port, _, _, dbname, query = _parts(server)
    schema = query.rsplit("search_path%3D", 1)[-1]
    role = f"{schema}_guest"  # may log in and look, not create tables
    with pgtools.connection(server) as conn:
        conn.execute(
            f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'; GRANT USAGE ON SCHEMA {schema} TO {role}"
        )
    try:
        guest = f"postgresql://{role}:{SECRET}@{host}:{port}/{dbname}?{query}"
        result = net("--db", guest, "add", "Ana Ruiz")
    finally:
        with pgtools.connection(server) as conn:
            conn.execute(f"DROP OWNED BY {role}; DROP ROLE {role}")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"Could not prepare the store at {parse(guest).shown}: permission denied for "  # type: ignore[union-attr]
        f"schema {schema}; nothing was changed.\n"
    )
    assert SECRET not in result.err
    assert pgtools.rows(server) == {}
    assert not store.exists()
