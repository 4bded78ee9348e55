"""People through the CLI: add, edit, show, list, find, archive, forget, tag."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


def shown(net: Net, who: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(net, "show", who, "--json"))
    return data


def person(net: Net, who: str) -> dict[str, Any]:
    """The person part of `show --json`, without the values the clock decides."""
    data: dict[str, Any] = shown(net, who)["person"]
    for key in ("uuid", "created_at", "updated_at"):
        data.pop(key)
    return data


def listed(net: Net, *args: str) -> list[str]:
    return [p["name"] for p in json.loads(ok(net, "list", *args, "--json"))]


EVERY_FIELD = (
    "--nickname", "ani", "--circle", "close", "--closeness", "4", "--kin", "--cadence", "every 6 weeks",
    "--met", "2019-05-01", "--how-met", "at a climbing gym", "--origin", "colleague", "--company", "Acme",
    "--role", "Designer", "--city", "Lisbon", "--email", "ana@example.com", "--phone", "+351 912 345 678",
    "--birthday", "1990-06-21", "--interests", "climbing, ceramics", "--note", "Prefers mornings",
    "--tag", "Climbing", "--tag", "novel",
)  # fmt: skip

EVERY_FIELD_JSON: dict[str, Any] = {
    "id": 1,
    "name": "Ana Ruiz",
    "nickname": "ani",
    "circle": "close",
    "closeness": 4,
    "kin": True,
    "cadence_days": 42,
    "met_on": "2019-05-01",
    "how_met": "at a climbing gym",
    "origin": "colleague",
    "company": "Acme",
    "role": "Designer",
    "city": "Lisbon",
    "email": "ana@example.com",
    "phone": "+351 912 345 678",
    "birthday": "1990-06-21",
    "interests": "climbing, ceramics",
    "notes": "Prefers mornings",
    "snoozed_until": None,
    "archived_at": None,
    "tags": ["climbing", "novel"],
}

EMPTY_JSON: dict[str, Any] = {
    "id": 1,
    "name": "Ana Ruiz",
    "nickname": None,
    "circle": "network",
    "closeness": None,
    "kin": False,
    "cadence_days": None,
    "met_on": None,
    "how_met": None,
    "origin": None,
    "company": None,
    "role": None,
    "city": None,
    "email": None,
    "phone": None,
    "birthday": None,
    "interests": None,
    "notes": None,
    "snoozed_until": None,
    "archived_at": None,
    "tags": [],
}


# add


def test_add_every_field_round_trips_through_show_json(net: Net) -> None:
    assert ok(net, "add", "Ana Ruiz", *EVERY_FIELD) == "Added Ana Ruiz (#1) to your close circle.\n"
    data = shown(net, "ana")
    assert list(data) == [
        "person", "interactions", "helps", "notes", "open_loops", "saved", "introductions", "events",
        "work", "relationships", "yearly_dates",
    ]  # fmt: skip
    full = data["person"]
    uuid.UUID(full.pop("uuid"))
    created = datetime.fromisoformat(full.pop("created_at"))
    assert created.tzinfo is not None
    assert created.utcoffset() == timedelta(0)  # stored and returned as UTC
    assert datetime.fromisoformat(full.pop("updated_at")) == created
    assert full == EVERY_FIELD_JSON
    assert list(full) == list(EVERY_FIELD_JSON)  # the JSON contract keeps its order


def test_add_with_no_options_takes_the_defaults(net: Net) -> None:
    assert ok(net, "add", "Ana Ruiz") == "Added Ana Ruiz (#1) to your network circle.\n"
    assert person(net, "#1") == EMPTY_JSON


def test_add_stores_the_name_trimmed_and_composed(net: Net) -> None:
    ok(net, "add", "  Zoe\u0308 Laurent  ", "--birthday", "6-1")
    data = person(net, "zoe")
    assert data["name"] == "Zo\u00eb Laurent"
    assert data["birthday"] == "06-01"


def test_a_duplicate_name_is_refused_without_yes_and_nothing_is_written(net: Net, store: Path) -> None:
    ok(net, "add", "Zoë Laurent")
    before = files(store)
    result = net("add", "zoe laurent", "--circle", "close")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "You already have someone called zoe laurent (#1). Add another? "
        "Nothing was changed; run again with --yes to go ahead.\n"
    )
    assert files(store) == before
    assert listed(net) == ["Zoë Laurent"]


def test_a_duplicate_name_is_added_with_yes(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    assert ok(net, "add", "Ana Ruiz", "--yes") == "Added Ana Ruiz (#2) to your network circle.\n"
    assert [p["id"] for p in json.loads(ok(net, "list", "--json"))] == [1, 2]


def test_a_name_that_only_starts_the_same_is_not_a_duplicate(net: Net) -> None:
    ok(net, "add", "Ana")
    assert ok(net, "add", "Ana Ruiz") == "Added Ana Ruiz (#2) to your network circle.\n"


# edit


def test_edit_changes_fields_and_says_when_nothing_changed(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--city", "Lisbon")
    assert ok(net, "edit", "ana", "--circle", "core", "--city", "Porto", "--closeness", "5") == (
        "Updated Ana Ruiz.\n"
    )
    data = person(net, "ana")
    assert (data["circle"], data["city"], data["closeness"]) == ("core", "Porto", 5)
    assert ok(net, "edit", "ana", "--city", "Porto") == "Ana Ruiz already had those details.\n"
    assert ok(net, "edit", "ana", "--not-kin") == "Ana Ruiz already had those details.\n"
    assert ok(net, "edit", "ana", "--kin") == "Updated Ana Ruiz.\n"
    assert person(net, "ana")["kin"] is True


def test_edit_with_empty_values_clears_every_text_field(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", *EVERY_FIELD)
    clear = ["--nickname", "--cadence", "--met", "--how-met", "--origin", "--company", "--role"]
    clear += ["--city", "--email", "--phone", "--birthday", "--interests", "--note"]
    args = [x for option in clear for x in (option, "")]
    assert ok(net, "edit", "ani", *args, "--not-kin") == "Updated Ana Ruiz.\n"
    expected = {**EMPTY_JSON, "circle": "close", "closeness": 4, "tags": ["climbing", "novel"]}
    assert person(net, "ana") == expected


def test_edit_rename_keeps_search_and_history_working(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", "ani")
    ok(net, "log", "ana", "coffee", "--on", "2025-06-18", "--note", "new studio")
    assert ok(net, "edit", "ana", "--name", "Ana Torres") == "Updated Ana Torres.\n"
    assert person(net, "torres")["name"] == "Ana Torres"
    assert person(net, "ani")["name"] == "Ana Torres"
    assert [i["note"] for i in shown(net, "torres")["interactions"]] == ["new studio"]
    assert json.loads(ok(net, "find", "TORRES", "--json")) == [
        {"kind": "person", "person_id": 1, "person": "Ana Torres", "day": None, "text": "Ana Torres"}
    ]
    assert ok(net, "find", "ruiz") == 'Nothing mentions "ruiz".\n'
    gone = net("show", "ruiz")
    assert gone.code == 1
    assert gone.err == 'No one called "ruiz". Add them with: net add "ruiz"\n'
    assert listed(net) == ["Ana Torres"]
    assert net("add", "ana torres").code == 1  # the new name is now taken
    assert (
        ok(net, "add", "Ana Ruiz") == "Added Ana Ruiz (#2) to your network circle.\n"
    )  # the old one is free


def test_edit_nickname_change_updates_resolution(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", "ani")
    ok(net, "edit", "ani", "--nickname", "nena")
    assert person(net, "nena")["nickname"] == "nena"
    assert net("show", "ani").code == 1


# show


def test_show_prints_the_whole_profile(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", *EVERY_FIELD[:7], *EVERY_FIELD[9:])  # all but cadence
    ok(net, "add", "Sam Green")
    ok(net, "log", "ana", "coffee", "--on", "2025-06-01", "--note", "new studio")
    ok(net, "log", "ana", "sam", "call", "--on", "2025-06-10", "--them")
    ok(net, "helped", "ana", "intro to Priya", "--kind", "intro", "--on", "2025-06-12")
    ok(net, "promise", "ana", "send the book list", "--on", "2025-06-13")
    ok(net, "need", "ana", "a flat in Porto", "--on", "2025-06-14")
    ok(net, "snooze", "ana", "--until", "2025-07-01")
    assert ok(net, "show", "ani") == (
        'Ana Ruiz  #1  "ani"\n'
        "circle    close, every month, closeness 4, family\n"
        "met       2019-05-01 at a climbing gym\n"
        "origin    colleague\n"
        "work      Designer, Acme\n"
        "city      Lisbon\n"
        "email     ana@example.com\n"
        "phone     +351 912 345 678\n"
        "birthday  1990-06-21\n"
        "interests climbing, ceramics\n"
        "tags      climbing, novel\n"
        "notes     Prefers mornings\n"
        "snoozed   until 2025-07-01\n"
        "last      2025-06-12 (7 days ago)\n"
        "\n"
        "Open loops\n"
        "     1  you promised: send the book list (since 2025-06-13)\n"
        "     2  they need: a flat in Porto (since 2025-06-14)\n"
        "\n"
        "Ways you helped\n"
        "  2025-06-12  #1  intro: intro to Priya\n"
        "\n"
        "Timeline\n"
        "  2025-06-12  #3  help\n"
        "  2025-06-10  #2  call · they reached out · with Sam Green\n"
        "  2025-06-01  #1  meet (coffee) · new studio\n"
    )


def test_show_of_someone_new_is_short(net: Net) -> None:
    ok(net, "add", "Tom Baker", "--cadence", "42")
    assert ok(net, "show", "tom") == (
        "Tom Baker  #1\ncircle    network, every 42 days (your choice)\nlast      no contact logged yet\n"
    )


def test_show_json_lists_interactions_helps_and_loops(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "add", "Sam Green")
    ok(net, "log", "ana", "sam", "email", "--on", "2025-06-10", "--note", "plans", "--them")
    ok(net, "helped", "ana", "intro to Priya", "--kind", "intro", "--on", "2025-06-12")
    ok(net, "promise", "ana", "send the book list", "--on", "2025-06-13")
    data = shown(net, "ana")
    assert data["interactions"] == [
        {"id": 2, "day": "2025-06-12", "kind": "help", "said": None, "note": "intro to Priya",
         "by_them": False, "people": []},
        {"id": 1, "day": "2025-06-10", "kind": "message", "said": "email", "note": "plans",
         "by_them": True, "people": ["Sam Green"]},
    ]  # fmt: skip
    assert data["helps"] == [
        {"id": 1, "day": "2025-06-12", "person_id": 1, "person": "Ana Ruiz", "kind": "intro",
         "what": "intro to Priya", "outcome": None, "outcome_on": None},
    ]  # fmt: skip
    assert data["open_loops"] == [
        {"id": 1, "person_id": 1, "person": "Ana Ruiz", "type": "promise", "what": "send the book list",
         "opened_on": "2025-06-13", "closed_on": None, "help_id": None},
    ]  # fmt: skip
    assert [i["people"] for i in shown(net, "sam")["interactions"]] == [["Ana Ruiz"]]


# list


@pytest.fixture
def several(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close", "--origin", "colleague", "--city", "Lisbon",
       "--tag", "climbing")  # fmt: skip
    ok(net, "add", "Ben Ode", "--circle", "core", "--origin", "friend", "--city", "lisbon ")
    ok(net, "add", "Cleo Park", "--circle", "close", "--origin", "friend", "--city", "Porto",
       "--tag", "climbing", "--tag", "novel")  # fmt: skip
    ok(net, "add", "Dan Wu")
    ok(net, "log", "ana", "--on", "2025-06-18")
    ok(net, "log", "ben", "--on", "2025-05-01")
    ok(net, "log", "cleo", "--on", "2025-06-01")


@pytest.mark.usefixtures("several")
@pytest.mark.parametrize(
    ("args", "names"),
    [
        ((), ["Ana Ruiz", "Ben Ode", "Cleo Park", "Dan Wu"]),
        (("--circle", "close"), ["Ana Ruiz", "Cleo Park"]),
        (("--circle", "Core"), ["Ben Ode"]),
        (("--circle", "friends"), []),
        (("--tag", "climbing"), ["Ana Ruiz", "Cleo Park"]),
        (("--tag", "Novel"), ["Cleo Park"]),
        (("--tag", "nowhere"), []),
        (("--origin", "friend"), ["Ben Ode", "Cleo Park"]),
        (("--city", "LISBON"), ["Ana Ruiz", "Ben Ode"]),
        (("--city", "Lis"), []),
        (("--circle", "close", "--tag", "climbing", "--city", "porto"), ["Cleo Park"]),
        (("--sort", "last"), ["Dan Wu", "Ben Ode", "Cleo Park", "Ana Ruiz"]),
        (("--sort", "last", "--circle", "close"), ["Cleo Park", "Ana Ruiz"]),
    ],
)
def test_list_filters_and_sorts(net: Net, args: tuple[str, ...], names: list[str]) -> None:
    assert listed(net, *args) == names


@pytest.mark.usefixtures("several")
def test_list_prints_a_table(net: Net) -> None:
    assert ok(net, "list", "--sort", "last") == (
        "id  name       circle   last contact  city    tags\n"
        "#4  Dan Wu     network  -\n"
        "#2  Ben Ode    core     7 weeks ago   lisbon\n"
        "#3  Cleo Park  close    2 weeks ago   Porto   climbing, novel\n"
        "#1  Ana Ruiz   close    yesterday     Lisbon  climbing\n"
        "4 people\n"
    )
    assert ok(net, "list", "--tag", "novel").splitlines()[1:] == [
        "#3  Cleo Park  close   2 weeks ago   Porto  climbing, novel",
        "1 person",
    ]


@pytest.mark.usefixtures("several")
def test_list_json_is_the_contract(net: Net) -> None:
    assert json.loads(ok(net, "list", "--json", "--circle", "close")) == [
        {"id": 1, "name": "Ana Ruiz", "nickname": None, "circle": "close", "city": "Lisbon",
         "origin": "colleague", "company": None, "last_touch": "2025-06-18", "archived": False,
         "tags": ["climbing"]},
        {"id": 3, "name": "Cleo Park", "nickname": None, "circle": "close", "city": "Porto",
         "origin": "friend", "company": None, "last_touch": "2025-06-01", "archived": False,
         "tags": ["climbing", "novel"]},
    ]  # fmt: skip


@pytest.mark.usefixtures("several")
def test_archived_people_are_listed_only_with_archived(net: Net) -> None:
    assert ok(net, "archive", "ben") == "Archived Ben Ode.\n"
    assert listed(net) == ["Ana Ruiz", "Cleo Park", "Dan Wu"]
    assert listed(net, "--archived") == ["Ben Ode"]
    assert json.loads(ok(net, "list", "--archived", "--json"))[0]["archived"] is True
    assert listed(net, "--archived", "--circle", "close") == []


def test_list_of_an_empty_store_says_how_to_start(net: Net) -> None:
    assert ok(net, "list") == 'No one here yet. Add someone with: net add "Name"\n'
    assert ok(net, "list", "--json") == "[]\n"
    ok(net, "add", "Ana Ruiz")
    assert ok(net, "list", "--circle", "core") == 'No one here yet. Add someone with: net add "Name"\n'


# find


@pytest.fixture
def findable(net: Net) -> None:
    ok(net, "add", "Zoë Laurent", "--note", "likes 100% cotton", "--city", "Lisbon")
    ok(net, "add", "Sam Green", "--company", "snake_case ltd")
    ok(net, "log", "zoe", "coffee", "--on", "2025-06-10", "--note", "Talked about her STUDIO in Tavira")
    ok(net, "helped", "sam", "sent the Résumé template", "--on", "2025-06-11")
    ok(net, "promise", "sam", "intro to a studio owner", "--on", "2025-06-12")
    ok(net, "need", "zoe", "a kiln for ceramics", "--on", "2025-06-13")


@pytest.mark.usefixtures("findable")
@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("zoe", ["person Zoë Laurent: Zoë Laurent"]),
        ("ZOË", ["person Zoë Laurent: Zoë Laurent"]),
        ("LISBON", ["person Zoë Laurent: Lisbon"]),
        ("cotton", ["person Zoë Laurent: likes 100% cotton"]),
        ("tavira", ["interaction Zoë Laurent: meet: Talked about her STUDIO in Tavira"]),
        ("resume", ["help Sam Green: sent the Résumé template"]),
        ("kiln", ["loop Zoë Laurent: need: a kiln for ceramics"]),
        ("studio", ["interaction Zoë Laurent: meet: Talked about her STUDIO in Tavira",
                    "loop Sam Green: promise: intro to a studio owner"]),
        ("0%", ["person Zoë Laurent: likes 100% cotton"]),
        ("%", ["person Zoë Laurent: likes 100% cotton"]),
        ("e_c", ["person Sam Green: snake_case ltd"]),
        ("_", ["person Sam Green: snake_case ltd"]),
        ("s%n", []),
        ("a_k", []),
    ],
)  # fmt: skip
def test_find_is_literal_and_ignores_case_and_accents(net: Net, query: str, hits: list[str]) -> None:
    found = json.loads(ok(net, "find", query, "--json"))
    assert [f"{h['kind']} {h['person']}: {h['text']}" for h in found] == hits


@pytest.mark.usefixtures("findable")
def test_find_prints_one_line_per_hit(net: Net) -> None:
    assert ok(net, "find", "studio") == (
        "2025-06-10  A meeting with Zoë Laurent (#1): Talked about her STUDIO in Tavira\n"
        "2025-06-12  You offered Sam Green (#2): intro to a studio owner\n"
    )
    assert ok(net, "find", "zoe") == "Zoë Laurent (#1)\n"
    assert ok(net, "find", "resume") == "2025-06-11  You helped Sam Green (#2): sent the Résumé template\n"
    assert ok(net, "find", "kiln") == "2025-06-13  Zoë Laurent (#1) needs: a kiln for ceramics\n"
    assert ok(net, "find", "cotton") == "Zoë Laurent (#1): likes 100% cotton\n"
    assert ok(net, "find", "nowhere at all") == 'Nothing mentions "nowhere at all".\n'
    assert json.loads(ok(net, "find", "kiln", "--json")) == [
        {"kind": "loop", "person_id": 1, "person": "Zoë Laurent", "day": "2025-06-13",
         "text": "need: a kiln for ceramics"},
    ]  # fmt: skip


def test_a_note_over_several_lines_is_found_on_one_line(net: Net, findable: None) -> None:
    ok(net, "log", "zoe", "call", "--on", "2025-06-14", "--note", "kiln ideas:\n\tgas\n\twood")
    assert ok(net, "find", "wood") == "2025-06-14  A call with Zoë Laurent (#1): kiln ideas: gas wood\n"


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


# tag


def test_tag_adds_removes_and_bare_words_add(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--tag", "work")
    assert ok(net, "tag", "ana", "+Climbing", "-work", "novel") == "Ana Ruiz's tags: climbing, novel.\n"
    assert person(net, "ana")["tags"] == ["climbing", "novel"]
    assert ok(net, "tag", "ana", "+novel", "-work") == "Ana Ruiz's tags are unchanged: climbing, novel.\n"
    assert ok(net, "tag", "ana", "-climbing", "-novel") == "Ana Ruiz's tags: none.\n"
    assert ok(net, "tag", "ana", "-absent") == "Ana Ruiz's tags are unchanged: none.\n"
    assert person(net, "ana")["tags"] == []


def test_tag_removal_of_a_word_with_h_in_it_is_not_a_help_request(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--tag", "hiking", "--tag", "hhh")
    assert ok(net, "tag", "ana", "-hiking", "-hhh") == "Ana Ruiz's tags: none.\n"


def test_tag_filters_the_list(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "add", "Sam Green")
    ok(net, "tag", "sam", "+board-games")
    assert listed(net, "--tag", "Board Games") == ["Sam Green"]


def test_forgetting_a_name_that_ends_in_a_full_stop_says_it_once(net: Net) -> None:
    ok(net, "add", "Ana R.")
    assert ok(net, "forget", "ana", "--yes").endswith("Forgot Ana R.\n")


def test_list_pads_wide_and_accented_names_the_same_piped_or_at_a_width(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped, each different cell is measured once; at a terminal's width, every row: the same table."""
    ok(net, "add", "李雷", "--city", "北京")
    ok(net, "add", "Zoë Ng", "--city", "São Paulo", "--tag", "café")
    ok(net, "add", "Al", "--circle", "core")
    piped = ok(net, "list")
    assert piped == (
        "id  name    circle   last contact  city       tags\n"
        "#3  Al      core     -\n"
        "#2  Zoë Ng  network  -             São Paulo  cafe\n"
        "#1  李雷    network  -             北京\n"
        "3 people\n"
    )
    monkeypatch.setenv("COLUMNS", "200")
    assert ok(net, "list") == piped
