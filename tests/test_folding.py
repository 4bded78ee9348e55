"""Letters that are not accents fold too (issue 16): `soren` finds Søren, `lodz` finds Łódź.

``core/text.fold`` turns Latin letters into ASCII with anyascii's table, in name
lookups, `net find` and the stored keys; migration 0006 makes an older store
rebuild its keys.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quietnet.core.text import fold
from quietnet.engine.constants import SCHEMA_VERSION
from tests.helpers import INDEXES_0013, INDEXES_0014, INDEXES_0015, Net, ok, query

PEOPLE = (
    "Søren Kierkegaard", "Małgorzata Nowak", "Æsa Berg", "Jörg Straße", "Đorđe Petrović", "Þóra Jónsdóttir"
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Søren", "soren"),
        ("Małgorzata", "malgorzata"),
        ("ÆSA", "aesa"),
        ("Straße", "strasse"),
        ("STRAẞE", "strasse"),
        ("Đorđe", "dorde"),
        ("Þóra", "thora"),
        ("Œuvre", "oeuvre"),
        ("Zoë  Laurent", "zoe laurent"),
        ("李雷", "李雷"),  # other scripts stay as written: as "Li" it would find Lia
        ("Иван", "иван"),
        ("Zoë 🌿", "zoe 🌿"),  # an emoji stays itself, not a word
    ],
)
def test_fold_turns_latin_letters_into_ascii_and_leaves_other_scripts(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(folded) == folded


@pytest.mark.both
@pytest.mark.parametrize(
    ("typed", "name"),
    [("soren", "Søren Kierkegaard"), ("malgorzata", "Małgorzata Nowak"), ("aesa", "Æsa Berg"),
     ("strasse", "Jörg Straße"), ("dorde", "Đorđe Petrović"), ("thora", "Þóra Jónsdóttir"),
     ("Søren", "Søren Kierkegaard"), ("petrovic", "Đorđe Petrović")],
)  # fmt: skip
def test_a_name_typed_the_ascii_way_finds_the_person(net: Net, typed: str, name: str) -> None:
    for person in PEOPLE:
        ok(net, "add", person)
    assert ok(net, "show", typed).splitlines()[0].startswith(f"{name}  #")


@pytest.mark.both
def test_find_matches_letters_that_are_not_accents_and_keeps_other_scripts_apart(net: Net) -> None:
    ok(net, "add", "Lia Wong", "--city", "Łódź")
    ok(net, "add", "李雷")
    ok(net, "log", "lia", "coffee", "--note", "Ærø ferry in the spring")
    found = json.loads(ok(net, "find", "lodz", "--json"))
    assert [(h["kind"], h["text"]) for h in found] == [("person", "Łódź")]
    found = json.loads(ok(net, "find", "aero", "--json"))
    assert [(h["kind"], h["text"]) for h in found] == [("interaction", "meet: Ærø ferry in the spring")]
    assert ok(net, "show", "李").splitlines()[0] == "李雷  #2"
    assert ok(net, "show", "li").splitlines()[0] == "Lia Wong  #1"


def test_an_older_store_rebuilds_its_keys_when_it_migrates(net: Net, store: Path) -> None:
    ok(net, "add", "Søren Kierkegaard", "--note", "Ørsted fan")
    with closing(sqlite3.connect(store)) as conn, conn:  # as quietnet at schema 5 folded it
        conn.execute(
            "UPDATE person SET search_key = ?, find_key = ?",
            ("søren kierkegaard\n", "søren kierkegaard\nørsted fan"),
        )
        conn.execute("DROP TABLE note")  # added by 0007
        conn.execute("DROP TABLE relationship")  # added by 0008
        conn.execute("DROP TABLE yearly_date")  # added by 0009
        conn.execute("DROP TABLE kind")  # added by 0010
        conn.execute("DROP TABLE captured")  # added by 0011
        conn.execute("DROP TABLE card_sync")  # added by 0012
        for column in ("dormant_from", "rest_until"):  # added by 0013, with four indexes
            conn.execute(f"ALTER TABLE person_state DROP COLUMN {column}")
        for index in (*INDEXES_0013, *INDEXES_0014, *INDEXES_0015):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
        conn.execute("PRAGMA user_version = 5")
    assert ok(net, "show", "soren").splitlines()[0] == "Søren Kierkegaard  #1"
    assert query(store, "SELECT search_key, find_key FROM person") == [
        ("soren kierkegaard\n", "soren kierkegaard\norsted fan")
    ]
    assert query(store, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert [
        p.name.endswith(f"-before-schema-{SCHEMA_VERSION}.db") for p in (store.parent / "backups").iterdir()
    ] == [True]
    assert "don't match" not in net("doctor").out
