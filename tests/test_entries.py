"""Changing or removing one past entry: `net log edit|delete ID`, `net helped edit|delete ID`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, files, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana (#1), Tom (#2), Sam (#3); a coffee with Ana (#1), a call with Ana and Tom (#2),
    a help to Ana (help #1, its touch interaction #3) that kept a promise (loop #1)."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz", "--nickname", "ani"),
        ("add", "Tom Baker"),
        ("add", "Sam Green"),
        ("log", "ana", "coffee", "--on", "2025-06-10", "--note", "new job"),
        ("log", "ana", "tom", "call", "--on", "2025-06-12", "--them"),
        ("promise", "ana", "intro to Sam", "--on", "2025-06-01"),
        ("done", "1", "--helped", "intro to Sam", "--kind", "intro", "--on", "2025-06-14"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, logged: bytes) -> None:
    seed(store, logged)


def timeline(net: Net, who: str) -> str:
    return ok(net, "show", who).split("Timeline\n")[1]


def last_touch(store: Path, person_id: int) -> str | None:
    ((day,),) = query(store, "SELECT last_touch FROM person_state WHERE person_id = ?", (person_id,))
    return None if day is None else str(day)[:10]


def profile(net: Net, who: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(ok(net, "show", who, "--json"))
    return found


def test_show_lists_each_entry_with_its_id(net: Net) -> None:
    assert ok(net, "show", "ana").split("\n\n", 1)[1] == (
        "Ways you helped\n"
        "  2025-06-14  #1  intro: intro to Sam\n"
        "\n"
        "Timeline\n"
        "  2025-06-14  #3  help\n"
        "  2025-06-12  #2  call · they reached out · with Tom Baker\n"
        "  2025-06-10  #1  meet (coffee) · new job\n"
    )


def test_log_edit_changes_the_day_and_the_scheduler_follows(net: Net, store: Path) -> None:
    assert last_touch(store, 2) == "2025-06-12"
    out = ok(net, "log", "edit", "2", "--on", "2025-06-05")
    assert out == "Changed the call with Ana Ruiz and Tom Baker on 2025-06-05 (#2).\n"
    assert last_touch(store, 2) == "2025-06-05"
    assert timeline(net, "tom") == "  2025-06-05  #2  call · they reached out · with Ana Ruiz\n"


def test_log_edit_changes_kind_note_and_who_started_it(net: Net) -> None:
    out = ok(net, "log", "edit", "#1", "--kind", "phone", "--note", "her move", "--them")
    assert out == "Changed the phone with Ana Ruiz on 2025-06-10 (#1).\n"
    assert (
        timeline(net, "ana").splitlines()[-1]
        == "  2025-06-10  #1  call (phone) · they reached out · her move"
    )
    ok(net, "log", "edit", "1", "--note", "", "--me")
    assert timeline(net, "ana").splitlines()[-1] == "  2025-06-10  #1  call (phone)"


def test_log_edit_with_sets_who_was_there(net: Net, store: Path) -> None:
    out = ok(net, "log", "edit", "2", "--with", "ani", "--with", "sam")
    assert out == "Changed the call with Ana Ruiz and Sam Green on 2025-06-12 (#2).\n"
    assert [i["id"] for i in profile(net, "tom")["interactions"]] == []
    assert last_touch(store, 2) is None  # Tom's state follows: no contact left
    assert last_touch(store, 3) == "2025-06-12"
    assert profile(net, "sam")["interactions"][0]["people"] == ["Ana Ruiz"]


def test_log_edit_that_changes_nothing_says_so_and_writes_nothing(net: Net, store: Path) -> None:
    before = files(store)
    out = ok(net, "log", "edit", "1", "--on", "2025-06-10")
    assert out == "Nothing to change: the coffee with Ana Ruiz on 2025-06-10 (#1) already reads so.\n"
    assert files(store) == before


def test_log_delete_asks_then_removes_and_undo_brings_it_back(net: Net, store: Path) -> None:
    err = refused(net, store, "log", "delete", "2")
    assert err == (
        "Remove the call with Ana Ruiz and Tom Baker on 2025-06-12 (#2)?"
        " Nothing was changed; run again with --yes to go ahead.\n"
    )
    before = profile(net, "tom")
    out = ok(net, "log", "delete", "2", "--yes")
    assert (
        out == "Removed the call with Ana Ruiz and Tom Baker on 2025-06-12 (#2). net undo brings it back.\n"
    )
    assert profile(net, "tom")["interactions"] == []
    assert last_touch(store, 2) is None
    assert (
        ok(net, "undo", "--list")
        .splitlines()[0]
        .endswith("Removed the call with Ana Ruiz and Tom Baker on 2025-06-12 (#2)")
    )
    ok(net, "undo", "--yes")
    assert profile(net, "tom") == before
    assert last_touch(store, 2) == "2025-06-12"


def test_log_delete_answers_yes_at_the_question(net: Net) -> None:
    result = net("log", "delete", "1", input="y\n")
    assert result.code == 1  # CliRunner is not a terminal: the question needs --yes
    assert ok(net, "log", "delete", "1", "-y").startswith("Removed the coffee with Ana Ruiz")


def test_helped_edit_changes_the_help_and_its_touch(net: Net, store: Path) -> None:
    out = ok(
        net, "helped", "edit", "1", "--kind", "advice", "--what", "talked about Sam", "--on", "2025-06-13"
    )
    assert out == "Changed the help to Ana Ruiz on 2025-06-13 (#1, advice: talked about Sam).\n"
    assert ok(net, "show", "ana").split("\n\n", 1)[1].splitlines()[:5] == [
        "Ways you helped",
        "  2025-06-13  #1  advice: talked about Sam",
        "",
        "Timeline",
        "  2025-06-13  #3  help",
    ]
    assert query(store, "SELECT note FROM interaction WHERE id = 3") == [("talked about Sam",)]
    assert last_touch(store, 1) == "2025-06-13"


def test_helped_delete_removes_its_touch_and_unlinks_the_promise(net: Net, store: Path) -> None:
    out = ok(net, "helped", "delete", "#1", "--yes")
    assert (
        out
        == "Removed the help to Ana Ruiz on 2025-06-14 (#1, intro: intro to Sam). net undo brings it back.\n"
    )
    assert query(store, "SELECT count(*) FROM interaction WHERE id = 3") == [(0,)]
    assert query(store, "SELECT closed_on IS NOT NULL, help_id FROM loop WHERE id = 1") == [(1, None)]
    assert last_touch(store, 1) == "2025-06-12"
    ok(net, "undo", "--yes")
    assert query(store, "SELECT help_id FROM loop WHERE id = 1") == [(1,)]
    assert query(store, "SELECT interaction_id FROM help WHERE id = 1") == [(3,)]
    assert last_touch(store, 1) == "2025-06-14"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("log", "edit", "9", "--note", "x"),
            "There is no interaction #9. net show NAME lists them with their ids.",
        ),
        (
            ("log", "delete", "#9", "--yes"),
            "There is no interaction #9. net show NAME lists them with their ids.",
        ),
        (
            ("log", "edit", "3", "--on", "2025-06-01"),
            "Interaction #3 is the touch of a way you helped: change it with net helped edit 1,"
            " or remove it with net helped delete 1.",
        ),
        (
            ("log", "edit", "1"),
            "Say what to change, e.g. net log edit 1 --on yesterday."
            " It takes --on, --kind, --note, --with and --them or --me.",
        ),
        (
            ("log", "edit", "1", "--on", "tomorrow"),
            '"tomorrow" (2025-06-20) is after today (2025-06-19); pick today or an earlier day.',
        ),
        (
            ("log", "edit", "1", "--kind", "climbing"),
            '"climbing" is not a kind of contact. Kinds: ',
        ),
        (("log", "edit", "1", "--with", "zed"), "No one called"),
        (
            ("log", "delete", "1", "--note", "x"),
            "net log delete takes only the id (and --yes); to change an entry use net log edit.",
        ),
        (
            ("log", "ana", "call", "--with", "tom"),
            "--with is for net log edit ID; to log with several people, name them all.",
        ),
        (("log", "ana", "call", "--yes"), "--yes is for net log delete ID; logging never asks."),
        (
            ("helped", "edit", "7", "--kind", "advice"),
            "There is no way you helped with the id #7. net show NAME lists them.",
        ),
        (
            ("helped", "edit", "1"),
            "Say what to change, e.g. net helped edit 1 --on yesterday. It takes --on, --kind and --what.",
        ),
        (
            ("helped", "edit", "1", "--what", "  "),
            'Say what you did, e.g. net helped edit 1 --what "intro to Sam".',
        ),
        (("helped", "edit", "1", "--kind", "hug"), '"hug" is not a kind of help; choose one of intro,'),
        (
            ("helped", "delete", "1", "--on", "tue"),
            "net helped delete takes only the id (and --yes); to change one use net helped edit.",
        ),
        (
            ("helped", "ana", "x", "--what", "y"),
            "--what and --yes are for net helped edit ID and net helped delete ID.",
        ),
    ],
)
def test_refusals_write_nothing(net: Net, store: Path, args: tuple[str, ...], message: str) -> None:
    err = refused(net, store, *args)
    assert err.startswith(message), err
    assert err.count("\n") == 1
