"""`net undo`: every kind of change reverts exactly, and an undo can itself be undone."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests import pgtools
from tests.helpers import Net, dump

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

TABLES = ("person", "tag", "person_tag", "interaction", "interaction_person", "help", "loop", "setting")


def contents(store: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of user data and of the scheduler's per-person state."""
    url = os.environ.get("NET_DATABASE_URL")
    if url:
        rows = pgtools.rows(url)
        return {t: rows[t] for t in (*TABLES, "person_state")}
    conn = sqlite3.connect(store)
    try:
        found = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        found["person_state"] = sorted(conn.execute("SELECT * FROM person_state").fetchall(), key=repr)
    finally:
        conn.close()
    return found


SETUP = (
    ("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01", "--tag", "climbing"),
    ("add", "Tom Baker", "--nickname", "tom"),
    ("log", "ana", "coffee", "--on", "2025-06-01"),
    ("promise", "tom", "intro to Sam"),
)


@pytest.mark.parametrize(
    "change",
    [
        ("add", "Mei Chen", "--circle", "core", "--tag", "novel"),
        ("edit", "ana", "--circle", "core", "--city", "Lisbon"),
        ("log", "ana", "tom", "lunch", "--note", "new job"),
        ("log", "ana", "call", "--on", "2025-05-01"),
        ("helped", "tom", "lent a drill", "--kind", "favor"),
        ("done", "1", "--helped", "introduced him to Sam", "--kind", "intro"),
        ("need", "ana", "a flat"),
        ("snooze", "tom", "--for", "2 weeks"),
        ("archive", "tom"),
        ("tag", "ana", "+novel", "-climbing"),
        ("settings", "set", "cadence.close", "45"),
        ("settings", "preset", "sivers"),
    ],
)
def test_undo_reverts_exactly_and_can_be_undone(net: Net, store: Path, change: tuple[str, ...]) -> None:
    for args in SETUP:
        assert net(*args).code == 0
    before = contents(store)
    assert net(*change).code == 0
    after = contents(store)
    assert after != before
    undone = net("undo", "--yes")
    assert undone.code == 0, undone
    assert contents(store) == before
    assert net("undo", "--yes").code == 0
    assert contents(store) == after


def test_undo_shows_what_it_will_do_and_asks(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    assert net("log", "ana", "coffee").code == 0
    before = dump(store)
    result = net("undo")
    assert result.code == 1
    assert result.out.splitlines()[1] == "Undoing it will remove 1 interaction, remove 1 participant."
    assert result.err == "Undo it? Nothing was changed; run again with --yes to go ahead.\n"
    assert dump(store) == before


def test_undo_list_shows_recent_changes_newest_first(net: Net) -> None:
    assert net("add", "Ana Ruiz").code == 0
    assert net("log", "ana", "email").code == 0
    assert net("undo", "--yes").code == 0
    lines = net("undo", "--list").out.splitlines()
    assert [line.split("  ")[-1] for line in lines] == [
        "Undid: Logged an email with Ana Ruiz",
        "Logged an email with Ana Ruiz",
        "Added Ana Ruiz",
    ]


def test_nothing_to_undo(net: Net) -> None:
    result = net("undo", "--yes")
    assert (result.code, result.err) == (1, "There is nothing to undo yet.\n")


def test_forgetting_is_permanent(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    assert net("forget", "ana", "--yes").code == 0
    before = dump(store)
    result = net("undo", "--yes")
    assert result.code == 1
    assert "forgetting someone is permanent" in result.err
    assert dump(store) == before
