"""People through the CLI: archive, unarchive, and forget."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, files, ok
from tests.people_json import listed, person, shown

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


# archive and unarchive


def test_archive_and_unarchive(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    assert ok(net, "archive", "ana") == "Archived Ana Ruiz.\n"
    assert ok(net, "archive", "ana") == "Ana Ruiz was already archived.\n"
    assert ok(net, "show", "ana").splitlines()[0] == "Ana Ruiz  #1  (archived)"
    assert shown(net, "ana")["person"]["archived_at"] is not None
    assert ok(net, "unarchive", "#1") == "Ana Ruiz is back.\n"
    assert ok(net, "unarchive", "ana") == "Ana Ruiz was not archived.\n"
    assert shown(net, "ana")["person"]["archived_at"] is None
    assert listed(net) == ["Ana Ruiz"]


@pytest.mark.sqlite_only
def test_archiving_twice_keeps_the_first_date(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "archive", "ana")
    earlier = "2025-01-02 03:04:05+00:00"  # as if archived long ago, not a second ago
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE person SET archived_at = ?", (earlier,))
    conn.close()
    assert ok(net, "archive", "ana") == "Ana Ruiz was already archived.\n"
    assert shown(net, "ana")["person"]["archived_at"] == earlier.replace(" ", "T")


def test_an_active_person_wins_over_an_archived_one_with_the_same_start(net: Net) -> None:
    ok(net, "add", "Sam Green")
    ok(net, "add", "Sam Brown")
    ok(net, "archive", "sam green")
    assert person(net, "sam")["name"] == "Sam Brown"
    assert ok(net, "unarchive", "sam g") == "Sam Green is back.\n"


def test_an_archived_persons_open_loops_are_hidden(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "promise", "ana", "book list")
    ok(net, "archive", "ana")
    assert ok(net, "loops") == "No open loops. Nothing is waiting on you.\n"


# forget


@pytest.mark.sqlite_only
def test_forget_without_yes_and_without_a_terminal_changes_nothing(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "log", "ana", "coffee")
    before = files(store)
    result = net("forget", "ana")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "Forget Ana Ruiz (#1) and everything only about them, for good? "
        "Nothing was changed; run again with --yes to go ahead.\n"
    )
    assert files(store) == before
    assert listed(net) == ["Ana Ruiz"]


def table_rows(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(store)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        conn.close()


def mentions(store: Path, *words: str) -> list[tuple[str, tuple[Any, ...]]]:
    """Every row of every table holding one of these words (case-insensitive)."""
    found = []
    for table, rows in table_rows(store).items():
        for row in rows:
            text = " ".join(str(v) for v in row).casefold()
            if any(w.casefold() in text for w in words):
                found.append((table, row))
    return found


@pytest.mark.sqlite_only
def test_forget_with_yes_removes_them_and_every_trace(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", "ani-nick", "--note", "secret-note", "--tag", "climbing")
    ok(net, "add", "Sam Green", "--tag", "climbing")
    ok(net, "log", "ana", "coffee", "--note", "only-ana-talk")
    ok(net, "log", "ana", "sam", "email", "--note", "group-talk")
    ok(net, "helped", "ana", "help-for-ana")
    ok(net, "promise", "ana", "promise-for-ana")
    ok(net, "need", "ana", "need-of-ana")
    ok(net, "done", "1", "--helped", "kept-promise-for-ana")
    ok(net, "edit", "ana", "--city", "Lisbon")
    ok(net, "archive", "ana")
    ok(net, "archive", "ana")  # a no-op that still names her
    ok(net, "unarchive", "ana")
    ok(net, "tag", "ana", "+solo-tag")
    assert mentions(store, "Ana Ruiz")  # the check below can see her

    assert ok(net, "forget", "ana", "--yes") == "Forgot Ana Ruiz.\n"

    assert net("show", "#1").err == "No one has the id #1.\n"
    traces = ["Ana Ruiz", "ani-nick", "secret-note", "only-ana-talk", "help-for-ana", "promise-for-ana"]
    traces += ["need-of-ana", "kept-promise-for-ana", "Lisbon"]
    assert mentions(store, *traces) == []
    rows = table_rows(store)
    assert [r[0] for r in rows["person"]] == [2]
    assert rows["help"] == []
    assert rows["loop"] == []
    assert all(r[0] != 1 for r in rows["person_tag"])
    assert all(r[0] != 1 for r in rows["person_state"])
    assert [r[0] for r in rows["interaction_person"]] == [2]
    assert [r[4] for r in rows["interaction"]] == ["group-talk"]  # shared with Sam: kept
    assert all(r[6] != 1 for r in rows["change_row"])  # person_id
    data = shown(net, "sam")
    assert [(i["note"], i["people"]) for i in data["interactions"]] == [("group-talk", [])]
    assert person(net, "sam")["tags"] == ["climbing"]
    assert b"Ana Ruiz" not in store.read_bytes()  # secure_delete: not even in free pages


def test_forget_refuses_an_ambiguous_name(net: Net, store: Path) -> None:
    ok(net, "add", "Sam Green")
    ok(net, "add", "Sam Brown")
    before = files(store)
    result = net("forget", "sam", "--yes")
    assert result.code == 1
    assert result.err == (
        '"sam" could be several people: Sam Green (#1), Sam Brown (#2). '
        "Use more of the name or the #id; nothing was changed.\n"
    )
    assert files(store) == before


def test_forgetting_a_name_that_ends_in_a_full_stop_says_it_once(net: Net) -> None:
    ok(net, "add", "Ana R.")
    assert ok(net, "forget", "ana", "--yes").endswith("Forgot Ana R.\n")
