"""`net merge`: two records of one person become one, and nothing about either is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import Net, dump, people, scalar

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture
def twins(net: Net, store: Path) -> Path:
    for args in (
        ("add", "Robert Smith", "--circle", "friends", "--met", "2018-03-01", "--email", "rob@example.com",
         "--note", "climbs", "--tag", "climbing"),
        ("add", "Bob Smith", "--circle", "close", "--met", "2015-06-01", "--phone", "+44 7700 900123",
         "--city", "Leeds", "--note", "lent me a ladder", "--tag", "neighbour", "--tag", "climbing"),
        ("add", "Tom Baker"),
        ("log", "robert", "coffee", "--on", "2025-05-01"),
        ("log", "bob", "robert", "tom", "dinner", "--on", "2025-05-10"),
        ("log", "bob", "call", "--on", "2025-06-01"),
        ("helped", "bob", "lent him my drill", "--kind", "favor"),
        ("promise", "bob", "send the climbing guide"),
        ("need", "bob", "a plumber"),
    ):  # fmt: skip
        result = net(*args)
        assert result.code == 0, result
    return store


def test_merge_shows_what_it_will_do_and_asks(net: Net, twins: Path) -> None:
    before = dump(twins)
    result = net("merge", "robert", "bob")
    assert result.code == 1
    assert result.out.splitlines() == [
        "Merging Bob Smith (#2) into Robert Smith (#1):",
        "  moves to Robert Smith: 3 interactions (1 with both), 1 way you helped, 2 loops",
        "  tags added: neighbour",
        "  details from Bob Smith: city, phone, notes, met on, circle",
        "  then Bob Smith (#2) is removed.",
    ]
    assert "Merge Bob Smith into Robert Smith? Nothing was changed; run again with --yes" in result.err
    assert dump(twins) == before


@pytest.mark.sqlite_only
def test_merge_keeps_every_interaction_help_loop_and_tag(net: Net, twins: Path, tmp_path: Path) -> None:
    result = net("merge", "robert", "bob", "--yes")
    assert result.code == 0, result
    assert result.out.splitlines()[-1] == "Merged Bob Smith into Robert Smith (#1)."
    assert "A snapshot of the store before the merge" in result.err
    assert any(p.name.endswith("before-merge.db") for p in (tmp_path / "backups").iterdir())
    found = people(twins)
    assert sorted(found) == ["Robert Smith", "Tom Baker"]
    rob = found["Robert Smith"]
    assert (rob["email"], rob["phone"], rob["city"]) == ("rob@example.com", "+44 7700 900123", "Leeds")
    assert (rob["met_on"], rob["circle"]) == ("2015-06-01", "close")
    assert rob["notes"] == "climbs\n\nlent me a ladder"
    assert rob["tags"] == ["climbing", "neighbour"]
    conn = sqlite3.connect(twins)
    days = [r[0] for r in conn.execute(
        "SELECT i.day FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id"
        " WHERE ip.person_id = 1 ORDER BY i.day"
    )]  # fmt: skip
    dinner = conn.execute("SELECT count(*) FROM interaction_person WHERE interaction_id = 2").fetchone()[0]
    helps = conn.execute("SELECT person_id, what FROM help").fetchall()
    loops = conn.execute("SELECT person_id, what FROM loop ORDER BY id").fetchall()
    conn.close()
    assert days == ["2025-05-01", "2025-05-10", "2025-06-01", "2025-06-19"]  # the help is an interaction too
    assert dinner == 2  # Robert and Tom, once each
    assert helps == [(1, "lent him my drill")]
    assert loops == [(1, "send the climbing guide"), (1, "a plumber")]
    assert "Robert Smith" in net("show", "robert").out
    assert net("doctor").code == 0  # the summary was rebuilt from the merged interactions


@pytest.mark.sqlite_only
def test_a_merge_is_one_change_in_the_journal(net: Net, twins: Path) -> None:
    changes = scalar(twins, "SELECT count(*) FROM change")
    net("merge", "robert", "bob", "--yes")
    assert scalar(twins, "SELECT count(*) FROM change") == changes + 1
    assert (
        scalar(twins, "SELECT summary FROM change ORDER BY id DESC LIMIT 1")
        == "Merged Bob Smith into Robert Smith"
    )
    conn = sqlite3.connect(twins)
    ops = {(t, op) for t, op in conn.execute(
        "SELECT table_name, op FROM change_row WHERE change_id = (SELECT max(id) FROM change)"
    )}  # fmt: skip
    conn.close()
    expected = {
        ("interaction_person", "delete"), ("interaction_person", "insert"), ("help", "update"),
        ("loop", "update"), ("person_tag", "delete"), ("person", "delete"), ("person", "update"),
    }  # fmt: skip
    assert expected <= ops


def test_merging_someone_with_themselves_is_refused(net: Net, twins: Path) -> None:
    before = dump(twins)
    result = net("merge", "robert", "#1", "--yes")
    assert (result.code, result.err) == (
        1,
        "Those name the same person; give two different people to merge.\n",
    )
    assert dump(twins) == before


def test_an_unknown_name_is_refused(net: Net, twins: Path) -> None:
    result = net("merge", "robert", "roberta", "--yes")
    assert result.code == 1
    assert result.err.startswith('No one called "roberta".')


@pytest.mark.sqlite_only
def test_after_an_import_the_duplicate_can_be_merged_in(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz", "--circle", "close")
    net("log", "ana", "coffee")
    card = tmp_path / "c.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana R.\r\nEMAIL:ana@example.com\r\nEND:VCARD\r\n")
    net("import", "vcard", str(card))
    assert net("merge", "ana ruiz", "ana r.", "--yes").code == 0
    ana = people(store)["Ana Ruiz"]
    assert (ana["email"], ana["circle"]) == ("ana@example.com", "close")
    assert ana["vcard"] is not None  # the card moved too, so an export keeps it
    again = net("import", "vcard", str(card))
    assert again.out.endswith("0 added, 0 updated, 1 already up to date.\n")  # found by email now


def _rows_for(store: Path, person_id: int) -> dict[str, int]:
    """A row in each other feature's table, pointing at this person where it can (issue 7's tables)."""
    from datetime import UTC, datetime

    from quietnet.engine.opening import open_database
    from quietnet.store import dump as dumping

    database = open_database(store, now=lambda: datetime.now(UTC))
    made: dict[str, int] = {}
    try:
        with database.write("test") as s:
            for table in dumping.extra_tables(s):
                refs = {r["from"]: r["table"] for r in s.all(f"PRAGMA foreign_key_list({table})")}
                row: dict[str, object] = {}
                for col in s.all(f"PRAGMA table_info({table})"):
                    name, kind = col["name"], col["type"].upper()
                    if refs.get(name) == "person":
                        row[name] = person_id
                    elif name in refs:
                        row[name] = s.scalar(f"SELECT min(rowid) FROM {refs[name]}")
                    elif col["pk"] and kind == "INTEGER":
                        continue
                    elif col["notnull"]:
                        row[name] = {"DATE": "2025-06-01", "DATETIME": "2025-06-01 08:00:00+00:00"}.get(
                            kind, 1 if kind in ("INTEGER", "FLOAT", "BOOLEAN") else "x"
                        )
                marks = ", ".join("?" for _ in row)
                s.insert(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values()))
                if "person" in refs.values():
                    made[table] = int(s.scalar(f"SELECT count(*) FROM {table}"))
    finally:
        database.close()
    return made


@pytest.mark.sqlite_only
def test_other_features_records_move_with_the_merge(net: Net, twins: Path) -> None:
    made = _rows_for(twins, 2)
    if not made:
        pytest.skip("no other feature keeps records about people yet")
    shown = net("merge", "robert", "bob")
    assert "  also moves " in shown.out
    assert net("merge", "robert", "bob", "--yes").code == 0
    conn = sqlite3.connect(twins)
    try:
        for table, count in made.items():
            columns = [r[3] for r in conn.execute(f"PRAGMA foreign_key_list({table})") if r[2] == "person"]
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
            for column in columns:
                assert conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = 2").fetchone()[0] == 0
    finally:
        conn.close()
