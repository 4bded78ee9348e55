"""The storage rules: where stores are created, how they are opened, what is refused."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from quietnet.engine import constants as db
from quietnet.engine.opening import open_database
from quietnet.engine.snapshot import take_snapshot
from quietnet.engine.sqlite import check_file
from quietnet.errors import StoreError
from tests.helpers import Net, query

pytestmark = pytest.mark.new_store  # these tests start with no store file


def test_first_use_creates_a_private_store_and_says_where(net: Net, store: Path) -> None:
    result = net("list")
    assert result.code == 0
    assert result.err == f"Created a new quietnet store at {store}\n"
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    conn = sqlite3.connect(store)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert net("list").err == ""  # said once, on creation only


def test_default_location_is_a_private_folder_in_the_user_data_dir(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NET_DB")
    assert net("list").code == 0
    folder = tmp_path / "xdg-data" / "quietnet"
    assert (folder / "net.db").exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_db_option_wins_over_net_db(net: Net, tmp_path: Path, store: Path) -> None:
    other = tmp_path / "other.db"
    assert net("--db", str(other), "add", "Ana").code == 0
    assert other.exists()
    assert not store.exists()


def test_db_in_a_missing_folder_is_refused_and_nothing_is_created(net: Net, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "net.db"
    result = net("--db", str(target), "list")
    assert result.code == 3
    assert "does not exist, so no store was created there" in result.err
    assert not target.parent.exists()


def _refused_untouched(net: Net, path: Path, content: bytes, expected: str) -> None:
    path.write_bytes(content)
    result = net("--db", str(path), "list")
    assert result.code == 3, result
    assert expected in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_a_text_file_is_refused_untouched(net: Net, tmp_path: Path) -> None:
    _refused_untouched(net, tmp_path / "notes.txt", b"my notes\n" * 50, "is not an SQLite database")


def test_a_truncated_store_is_refused_untouched(net: Net, tmp_path: Path, store: Path) -> None:
    net("add", "Ana")
    head = store.read_bytes()[:60]
    _refused_untouched(net, tmp_path / "cut.db", head, "is not an SQLite database")


def test_another_programs_sqlite_file_is_refused_untouched(net: Net, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    _refused_untouched(net, other, other.read_bytes(), "from another program")


def test_a_store_from_a_newer_quietnet_is_refused_untouched(net: Net, store: Path) -> None:
    net("add", "Ana")
    conn = sqlite3.connect(store)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused_untouched(net, store, store.read_bytes(), "was written by a newer quietnet")


def test_an_empty_file_is_adopted(net: Net, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert net("--db", str(empty), "add", "Ana").code == 0
    assert net("--db", str(empty), "list", "--json").out.count('"name": "Ana"') == 1


def test_connections_follow_the_storage_rules(store: Path) -> None:
    from datetime import UTC, datetime

    database = open_database(store, now=lambda: datetime.now(UTC))
    try:
        pragmas = {
            name: database.conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    finally:
        database.close()
    assert pragmas == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": 5000}


# SQLite's indexes on an expression can't be reflected, so Alembic leaves them out: checked below.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_the_migrated_schema_matches_the_sqlmodel_tables(net: Net, store: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlmodel import SQLModel

    import quietnet.engine.schema  # noqa: F401

    net("list")
    engine = create_engine(f"sqlite:///{store}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []
    assert query(store, "SELECT sql FROM sqlite_master WHERE name = 'ix_person_birthday_day'") == [
        ("CREATE INDEX ix_person_birthday_day ON person (substr(birthday, length(birthday) - 4))",)
    ]


def test_a_snapshot_is_a_verified_private_copy(net: Net, store: Path) -> None:
    from datetime import UTC, datetime

    net("add", "Ana Ruiz")
    snap = take_snapshot(store, now=datetime(2025, 6, 19, 8, 0, tzinfo=UTC), reason="test")
    assert snap == store.parent / "backups" / "net-20250619-080000-test.db"
    assert stat.S_IMODE(snap.stat().st_mode) == 0o600
    conn = sqlite3.connect(snap)
    assert conn.execute("SELECT name FROM person").fetchall() == [("Ana Ruiz",)]
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    again = take_snapshot(store, now=datetime(2025, 6, 19, 8, 0, tzinfo=UTC), reason="test")
    assert again != snap
    assert again.exists()


def test_check_file_reads_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 10)
    with pytest.raises(StoreError, match="not an SQLite database"):
        check_file(path)


@pytest.mark.both
def test_every_change_is_journalled_with_enough_to_reverse_it(net: Net, store: Path) -> None:
    import json

    net("add", "Ana Ruiz", "--circle", "close")
    net("edit", "ana", "--city", "Lisbon")
    net("log", "ana", "coffee")
    changes = query(store, "SELECT id, command, summary FROM change ORDER BY id")
    assert [(c[1], c[2]) for c in changes] == [
        ("add", "Added Ana Ruiz"),
        ("edit", "Edited Ana Ruiz"),
        ("log", "Logged a coffee with Ana Ruiz"),
    ]
    edit_rows = query(
        store,
        "SELECT table_name, op, old, new FROM change_row WHERE change_id = ? ORDER BY seq",
        (changes[1][0],),
    )
    table, op, old, new = edit_rows[0]
    assert (table, op) == ("person", "update")
    assert json.loads(old)["city"] is None
    assert json.loads(new)["city"] == "Lisbon"
    tables = query(
        store, "SELECT table_name, op FROM change_row WHERE change_id = ? ORDER BY seq", (changes[2][0],)
    )
    assert tables == [("interaction", "insert"), ("interaction_person", "insert")]


def test_migrating_fills_the_derived_columns_as_the_code_computes_them(net: Net, store: Path) -> None:
    """Migrations add derived columns empty; store/derived.py fills them in the same transaction."""
    from alembic import command
    from sqlalchemy import create_engine

    from quietnet.engine.migrate import alembic_config

    for args in (
        ("add", "Zoë Müller", "--circle", "close", "--nickname", "Zo"),
        ("add", "Ana Ruiz", "--circle", "friends"),
        ("log", "zoe", "coffee", "--note", "Café in Köln", "--on", "2025-05-01"),
        ("log", "ana", "call", "--on", "2025-03-02"),
        ("helped", "ana", "Résumé review"),
        ("promise", "zoe", "Send the Éluard poems"),
    ):
        assert net(*args).code == 0
    derived = (
        "SELECT 'p', id, search_key, find_key FROM person UNION ALL SELECT 'i', id, '', find_key"
        " FROM interaction UNION ALL SELECT 'h', id, '', find_key FROM help UNION ALL"
        " SELECT 'l', id, '', find_key FROM loop ORDER BY 1, 2"
    )
    before = (query(store, derived), query(store, "SELECT * FROM person_state ORDER BY person_id"))
    assert sum(1 for r in before[0] if r[3]) == 6
    assert len(before[1]) == 2
    engine = create_engine(f"sqlite:///{store}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        conn.exec_driver_sql("PRAGMA user_version = 3")
    engine.dispose()
    assert net("list").code == 0
    assert (query(store, derived), query(store, "SELECT * FROM person_state ORDER BY person_id")) == before
