"""PostgreSQL as the store: URLs and passwords, refusals, `net copy`, ids, doctor, two writers.

Tests without a server run everywhere; those marked ``pg`` need NET_TEST_PG_URL
(``.ci/run`` starts a throwaway cluster) and fail, rather than skip, when it is
set and the server cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from quietnet.engine.pgtypes import translate
from quietnet.engine.url import ServerUrl, parse
from quietnet.errors import StoreError
from tests import pgtools
from tests.helpers import BANNED, Net, dump, ok

SECRET = "s3cret-Pa55"

needs_driver = pgtools.needs_driver


@pytest.fixture
def server() -> Iterator[str]:
    """The URL of an empty schema of the test server (a new, empty database to quietnet)."""
    with pgtools.schema(pgtools.need_server()) as url:
        yield url


def demo_store(path: Path) -> Path:
    """A store holding the demo network (45 people, two years of history, events, work)."""
    from quietnet.engine.opening import open_database
    from quietnet.ops.demo import build

    database = open_database(path, now=lambda: datetime(2025, 6, 19, 8, 0, tzinfo=UTC))
    with database.write("demo") as s:
        build(s, today=date(2025, 6, 19))
    database.close()
    return path


def export(net: Net, db: str) -> str:
    return ok(net, "--db", db, "export", "json")


def done(net: Net, *args: str) -> str:
    """Run a command that must succeed (a first use may say the store was created); its stdout."""
    result = net(*args)
    assert result.code == 0, result
    return result.out


def test_a_url_is_shown_without_its_password() -> None:
    url = parse(f"postgresql://ana:{SECRET}@db.home:5433/quietnet?sslmode=require")
    assert isinstance(url, ServerUrl)
    assert url.shown == "postgresql://ana:***@db.home:5433/quietnet?sslmode=require"
    assert SECRET not in repr(url)
    assert url.scrub(f"login for ana with {SECRET} refused") == "login for ana with *** refused"
    assert parse("postgres://ana@db.home/q").shown == "postgresql://ana@db.home/q"  # type: ignore[union-attr]
    assert parse("sqlite:////tmp/x.db") == Path("/tmp/x.db")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (f"mysql://ana:{SECRET}@h/db", "mysql:// is not a kind of store quietnet can use"),
        (f"postgresql://ana:{SECRET}@h:99999/db", "That database URL could not be read"),
        ("sqlite://", "An SQLite URL names a file"),
    ],
)
@pytest.mark.new_store
def test_a_bad_url_is_refused_calmly(net: Net, store: Path, given: str, message: str) -> None:
    with pytest.raises(StoreError, match="^" + message.split(" ", 1)[0]):
        parse(given)
    result = net("--db", given, "list")
    assert result.code == 3
    assert message in result.err
    assert SECRET not in result.out + result.err
    assert "Traceback" not in result.err
    assert not store.exists()


@needs_driver
@pytest.mark.new_store
def test_an_unreachable_server_is_refused_and_the_password_never_shown(net: Net, store: Path) -> None:
    result = net("--db", f"postgresql://ana:{SECRET}@127.0.0.1:1/quietnet", "add", "Ana Ruiz")
    assert result.code == 3
    assert result.err.startswith(
        "The database server at postgresql://ana:***@127.0.0.1:1/quietnet could not be used:"
    )
    assert result.err.strip().endswith("Nothing was changed.")
    assert "Connection refused" in result.err
    assert not BANNED.search(result.err)
    assert SECRET not in result.out + result.err
    assert not store.exists()


@needs_driver
def test_copy_to_a_bad_target_changes_nothing(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz")
    before = dump(store)
    result = net("copy", "--to", f"postgresql://ana:{SECRET}@127.0.0.1:1/quietnet")
    assert result.code == 3
    assert "could not be used" in result.err
    assert SECRET not in result.out + result.err
    assert dump(store) == before
    result = net("copy", "--to", str(store))
    assert (result.code, result.err) == (1, "That is the store itself; give another database to copy to.\n")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
        ("UPDATE t SET a = :a WHERE id = :_k0", "UPDATE t SET a = %(a)s WHERE id = %(_k0)s"),
        ("SELECT '?', ':x', '50%' FROM t WHERE a LIKE ? ESCAPE '\\'", None),
        ("SELECT a::text, 'it''s ?' FROM t WHERE b = ?", "SELECT a::text, 'it''s ?' FROM t WHERE b = %s"),
    ],
)
def test_placeholders_are_translated_outside_literals(sql: str, expected: str | None) -> None:
    text, marked = translate(sql)
    assert marked
    if expected is None:
        expected = "SELECT '?', ':x', '50%%' FROM t WHERE a LIKE %s ESCAPE '\\'"
    assert text == expected


def test_backups_are_the_servers_job(net: Net, store: Path) -> None:
    result = net("--db", f"postgresql://ana:{SECRET}@127.0.0.1:1/quietnet", "backup")
    assert result.code == 3
    assert "this command works on an SQLite file" in result.err
    assert "net copy --to FILE.db" in result.err
    assert SECRET not in result.err


@pytest.mark.pg
def test_a_wrong_password_is_refused_and_never_shown(net: Net) -> None:
    parts = urlsplit(pgtools.need_server())
    user = parts.username or "postgres"
    wrong = urlunsplit(parts._replace(netloc=f"{user}:{SECRET}@{parts.hostname}:{parts.port}"))
    result = net("--db", wrong, "list")
    if result.code == 0:
        pytest.skip("this server lets every login in (trust); .ci/run's server asks for a password")
    assert result.code == 3
    assert "did not accept the login (check the user and its password, e.g. in ~/.pgpass)" in result.err
    assert SECRET not in result.out + result.err
    assert "***" in result.err
    assert not BANNED.search(result.err)


@pytest.mark.pg
def test_another_programs_database_is_refused_untouched(net: Net, server: str) -> None:
    with pgtools.connection(server) as conn:
        conn.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
    before = pgtools.rows(server)
    result = net("--db", server, "add", "Ana Ruiz")
    assert result.code == 3
    assert "holds tables of another program, not a quietnet store; it was left untouched." in result.err
    assert pgtools.rows(server) == before == {"invoices": []}


@pytest.mark.pg
def test_a_newer_schema_is_refused_untouched(net: Net, server: str) -> None:
    done(net, "--db", server, "add", "Ana Ruiz")
    with pgtools.connection(server) as conn:
        conn.execute("UPDATE quietnet_meta SET schema_version = 99")
    before = pgtools.rows(server)
    result = net("--db", server, "list")
    assert result.code == 3
    assert "was written by a newer quietnet (schema 99;" in result.err
    assert pgtools.rows(server) == before


@pytest.mark.pg
def test_the_migrated_schema_matches_the_sqlmodel_tables(net: Net, server: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    import quietnet.engine.schema  # noqa: F401
    from quietnet.engine.pgconnect import dial

    done(net, "--db", server, "loops")
    target = parse(server)
    assert isinstance(target, ServerUrl)
    engine = create_engine("postgresql+psycopg2://", creator=lambda: dial(target))
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _: kind != "table" or name != "quietnet_meta"}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


@pytest.mark.pg
def test_copy_sqlite_to_postgresql_to_sqlite_exports_identically(
    net: Net, server: str, tmp_path: Path
) -> None:
    source = str(demo_store(tmp_path / "source.db"))
    result = net("--db", source, "copy", "--to", server)
    assert result.code == 0, result
    assert result.out.startswith("Copied 45 people (")
    back = str(tmp_path / "back.db")
    done(net, "--db", server, "copy", "--to", back)
    original = export(net, source)
    assert export(net, server) == original
    assert export(net, back) == original
    history = ok(net, "--db", source, "undo", "--list")
    assert ok(net, "--db", server, "undo", "--list") == history == ok(net, "--db", back, "undo", "--list")
    for db in (source, server):  # the copy's history works: a tag change undone alike on both
        done(net, "--db", db, "tag", "#1", "+climbing", "+books")
        done(net, "--db", db, "undo", "--yes")
    assert export(net, server) == export(net, source) == original


@pytest.mark.pg
def test_copy_refuses_a_target_with_data_and_replaces_only_when_asked(
    net: Net, server: str, tmp_path: Path
) -> None:
    done(net, "--db", server, "add", "Mei Chen")
    ok(net, "add", "Ana Ruiz")
    before = pgtools.rows(server)
    result = net("copy", "--to", server)
    assert result.code == 1
    assert "already holds 1 person and 0 interactions; nothing was copied." in result.err
    assert "Add --replace" in result.err
    result = net("copy", "--to", server, "--replace")  # no terminal to ask, no --yes
    assert result.code == 1
    assert "Nothing was changed; run again with --yes" in result.err
    assert pgtools.rows(server) == before
    assert done(net, "copy", "--to", server, "--replace", "--yes").startswith("Copied 1 person")
    assert [p["name"] for p in json.loads(ok(net, "--db", server, "list", "--json"))] == ["Ana Ruiz"]
    target = tmp_path / "other.db"
    done(net, "--db", str(target), "add", "Tom Baker")
    result = net("--db", server, "copy", "--to", str(target), "--replace", "--yes")
    assert result.code == 0, result
    assert "A snapshot of " + str(target) in result.err
    assert any(p.name.endswith("before-copy.db") for p in (tmp_path / "backups").iterdir())


@pytest.mark.pg
def test_ids_keep_advancing_after_an_import_that_sets_them(net: Net, server: str, tmp_path: Path) -> None:
    for name in ("Ana Ruiz", "Tom Baker", "Mei Chen"):
        ok(net, "add", name)
    ok(net, "log", "ana", "tom", "coffee")
    ok(net, "export", "json", "--output", str(tmp_path / "all.json"))
    done(net, "--db", server, "import", "json", str(tmp_path / "all.json"))
    assert ok(net, "--db", server, "add", "Sam Green") == "Added Sam Green (#4) to your network circle.\n"
    ok(net, "--db", server, "log", "sam", "call")
    days = json.loads(ok(net, "--db", server, "show", "sam", "--json"))
    assert days["interactions"][0]["id"] == 2


@pytest.mark.pg
def test_timestamps_stay_utc_and_doctor_reports_the_server(net: Net, server: str) -> None:
    server = server.replace("search_path%3D", "TimeZone%3DAmerica%2FNew_York%20-csearch_path%3D")
    assert pgtools.query(server, "SHOW TimeZone") == [("America/New_York",)]  # never shows through net
    done(net, "--db", server, "add", "Ana Ruiz")
    person = json.loads(ok(net, "--db", server, "show", "ana", "--json"))["person"]
    assert person["created_at"].endswith("+00:00")
    out = ok(net, "--db", server, "doctor")
    assert out.splitlines()[1].startswith("Server: PostgreSQL ")
    assert "ms a round trip." in out
    report = json.loads(ok(net, "--db", server, "doctor", "--json"))
    assert (report["healthy"], report["people"]) == (True, 1)
    assert report["server"]["latency_ms"] >= 0


@pytest.mark.pg
def test_doctor_on_a_server_finds_drifted_keys_and_summaries_and_fix_rebuilds_them(
    net: Net, server: str
) -> None:
    done(net, "--db", server, "add", "Zoë Müller", "--nickname", "Zo")
    done(net, "--db", server, "log", "zoe", "coffee", "--note", "Café in Köln", "--on", "2025-06-01")
    with pgtools.connection(server) as conn:
        conn.execute("UPDATE person SET search_key = 'someone else', find_key = NULL")
        conn.execute("UPDATE interaction SET find_key = 'nothing'")
        conn.execute("UPDATE person_state SET last_touch = '2020-01-01', full_days = 9")
    result = net("--db", server, "doctor")
    assert result.code == 1
    assert result.out.splitlines()[2:] == [
        "2 things to look at:",
        "  - 3 search keys don't match the text they are folded from, so net find or a name lookup may"
        " miss someone.",
        "    What to do: Run net doctor --fix to rebuild them from the text.",
        "  - The scheduling summaries of 1 person don't match their interactions (Zoë Müller).",
        "    What to do: Run net doctor --fix to rebuild them from the interactions.",
    ]
    report = json.loads(net("--db", server, "doctor", "--json").out)
    assert [f["check"] for f in report["findings"]] == ["keys", "summaries"]
    fixed = net("--db", server, "doctor", "--fix")
    assert (fixed.code, fixed.out.splitlines()[2:]) == (0, [
        "All is well: schema, scheduling summaries and search keys checked;"
        " the server keeps integrity and links."
    ])  # fmt: skip
    assert "Zoë Müller" in ok(net, "--db", server, "find", "koln")
    assert ok(net, "--db", server, "show", "zo").startswith("Zoë Müller")


WRITER = """
import sys
from quietnet.cli.app import make_app
tag, count = sys.argv[1], int(sys.argv[2])
for n in range(count):
    try:
        make_app("log")(["log", "ana", "call", "--note", f"{tag}-{n}"], standalone_mode=False)
    except SystemExit as exc:
        if exc.code:
            raise
"""


@pytest.mark.pg
@pytest.mark.slow
def test_two_machines_writing_at_once_lose_nothing(net: Net, server: str) -> None:
    done(net, "--db", server, "add", "Ana Ruiz")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_DATABASE_URL": server}
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
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    notes = [r[0] for r in pgtools.query(server, "SELECT note FROM interaction")]
    assert sorted(notes) == sorted(f"{tag}-{n}" for tag in ("a", "b") for n in range(count))
    assert pgtools.query(server, "SELECT count(*) FROM interaction_person") == [(2 * count,)]
    changes = pgtools.query(server, "SELECT count(*), count(DISTINCT id) FROM change")
    assert changes == [(2 * count + 1, 2 * count + 1)]
    shown = json.loads(ok(net, "--db", server, "show", "ana", "--json"))
    assert len(shown["interactions"]) == 2 * count
