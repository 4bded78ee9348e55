"""Dated notes: `net note NAME TEXT [--on DATE]`, and `net note edit|delete ID`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(scope="module")
def noted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana (#1, nickname ani), Tom (#2); a coffee with Ana on 2025-06-17; note #1 about Ana on
    2025-06-18 (this week: the week of 2025-06-16), note #2 about Tom on 2025-06-02."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz", "--nickname", "ani"),
        ("add", "Tom Baker"),
        ("log", "ana", "coffee", "--on", "2025-06-17"),
        ("note", "ana", "her daughter started school", "--on", "2025-06-18"),
        ("note", "tom", "moved to Porto", "--on", "2025-06-02"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, noted: bytes) -> None:
    seed(store, noted)


def test_note_adds_a_dated_note_shown_in_the_timeline(net: Net) -> None:
    assert ok(net, "note", "ani", "Léa's\nfirst week") == "Noted about Ana Ruiz (note #3, dated today).\n"
    assert ok(net, "show", "ana").split("Timeline\n")[1] == (
        "  2025-06-19  #3  note · Léa's first week\n"
        "  2025-06-18  #1  note · her daughter started school\n"
        "  2025-06-17  #1  meet (coffee)\n"
    )
    assert json.loads(ok(net, "show", "ana", "--json"))["notes"][1] == {
        "id": 1, "day": "2025-06-18", "person_id": 1, "person": "Ana Ruiz",
        "text": "her daughter started school",
    }  # fmt: skip


def test_note_on_a_past_day_says_when(net: Net) -> None:
    out = ok(net, "note", "tom", "starts at Fabrikam", "--on", "3 days ago")
    assert out == "Noted about Tom Baker (note #3, dated 2025-06-16, 3 days ago).\n"


def test_a_note_is_not_a_contact(net: Net, store: Path) -> None:
    assert query(store, "SELECT last_touch FROM person_state WHERE person_id = 2") == [(None,)]
    assert ok(net, "show", "tom").splitlines()[2] == "last      no contact logged yet"


def test_find_finds_a_note_ignoring_case_and_accents(net: Net) -> None:
    ok(net, "note", "tom", "Lucía's wedding in Évora")
    assert ok(net, "find", "evora") == "2025-06-19  A note about Tom Baker (#2): Lucía's wedding in Évora\n"
    assert (
        ok(net, "find", "DAUGHTER") == "2025-06-18  A note about Ana Ruiz (#1): her daughter started school\n"
    )


def test_the_review_shows_the_notes_of_its_week(net: Net) -> None:
    text = ok(net, "review")
    assert "\nWhat you noted\n  Wed 18 Jun  Ana Ruiz: her daughter started school\n\n" in text, text
    assert "moved to Porto" not in text
    data = json.loads(ok(net, "review", "--json"))
    assert data["noted"] == [
        {
            "id": 1,
            "day": "2025-06-18",
            "person_id": 1,
            "person": "Ana Ruiz",
            "text": "her daughter started school",
        }
    ]
    markdown = ok(net, "review", "--format", "markdown")
    assert "## What you noted\n\n| day | who | note |\n" in markdown, markdown
    html = ok(net, "review", "--format", "html")
    row = '<tr><td>Wed 18 Jun</td><td>Ana Ruiz</td><td class="w">her daughter started school</td></tr>'
    assert row in html
    assert "What you noted" not in ok(net, "review", "--week", "2025-06-09")


def test_a_note_over_several_lines_reads_on_one_line_in_the_review(net: Net) -> None:
    ok(net, "note", "ani", "line one\nline two\tTAB")
    out = ok(net, "review")
    assert "line one line two TAB" in out
    assert "\\x0a" not in out
    assert "\\x09" not in out


def test_notes_leave_and_come_back_with_the_json_export(net: Net, tmp_path: Path) -> None:
    document = ok(net, "export", "json")
    assert [
        (n["id"], n["person_id"], n["day"], n["text"]) for n in json.loads(document)["tables"]["note"]
    ] == [
        (1, 1, "2025-06-18", "her daughter started school"),
        (2, 2, "2025-06-02", "moved to Porto"),
    ]
    (tmp_path / "q.json").write_text(document, encoding="utf-8")
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(tmp_path / "q.json")).code == 0
    assert net("--db", str(other), "export", "json").out == document
    assert (
        net("--db", str(other), "find", "porto").out
        == "2025-06-02  A note about Tom Baker (#2): moved to Porto\n"
    )


def test_note_edit_delete_and_undo(net: Net) -> None:
    out = ok(
        net, "note", "edit", "1", "--text", "her daughter started school in Lisbon", "--on", "2025-06-16"
    )
    assert out == "Changed the note about Ana Ruiz on 2025-06-16 (#1).\n"
    assert ok(net, "show", "ana").split("Timeline\n")[1] == (
        "  2025-06-17  #1  meet (coffee)\n  2025-06-16  #1  note · her daughter started school in Lisbon\n"
    )
    out = ok(net, "note", "delete", "#1", "--yes")
    assert out == "Removed the note about Ana Ruiz on 2025-06-16 (#1). net undo brings it back.\n"
    assert ok(net, "find", "daughter") == 'Nothing mentions "daughter".\n'
    assert ok(net, "undo", "--yes").startswith(
        "The last change: Removed the note about Ana Ruiz on 2025-06-16 (#1)"
    )
    assert (
        ok(net, "find", "daughter")
        == "2025-06-16  A note about Ana Ruiz (#1): her daughter started school in Lisbon\n"
    )


def test_forget_takes_their_notes_and_merge_moves_them(net: Net, store: Path) -> None:
    ok(net, "add", "Thomas Baker")
    ok(net, "note", "thomas", "likes jazz")
    assert (
        net("merge", "tom baker", "thomas", "--yes").out.splitlines()[2]
        == "  also moves 1 other record (note)"
    )
    assert query(store, "SELECT id, person_id FROM note ORDER BY id") == [(1, 1), (2, 2), (3, 2)]
    ok(net, "forget", "tom baker", "--yes")
    assert query(store, "SELECT id, person_id FROM note ORDER BY id") == [(1, 1)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("note", "ana"), 'Say what to note, e.g. net note ana "her daughter started school".'),
        (("note", "ana", " \n "), 'Say what to note, e.g. net note ana "her daughter started school".'),
        (("note", "ana", "x", "--on", "tomorrow"), '"tomorrow" (2025-06-20) is after today (2025-06-19);'),
        (("note", "zed", "x"), 'No one called "zed".'),
        (("note", "ana", "a\x1b[2Jb"), "A note can't contain control characters"),
        (
            ("note", "ana", "x", "--text", "y"),
            "--text and --yes are for net note edit ID and net note delete ID.",
        ),
        (
            ("note", "edit", "9", "--text", "y"),
            "There is no note #9. net show NAME lists them with their ids.",
        ),
        (
            ("note", "edit", "1"),
            "Say what to change, e.g. net note edit 1 --on yesterday. It takes --on and --text.",
        ),
        (
            ("note", "edit", "1", "--text", ""),
            'Say what the note says, e.g. net note edit 1 --text "started school".',
        ),
        (("note", "delete", "1"), "Remove the note about Ana Ruiz on 2025-06-18 (#1)? Nothing was changed;"),
        (
            ("note", "delete", "1", "--on", "tue"),
            "net note delete takes only the id (and --yes); to change a note use net note edit.",
        ),
    ],
)
def test_refusals_write_nothing(net: Net, store: Path, args: tuple[str, ...], message: str) -> None:
    err = refused(net, store, *args)
    assert err.startswith(message), err
    assert err.count("\n") == 1
