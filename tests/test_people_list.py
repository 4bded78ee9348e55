"""People through the CLI: list, and find."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Net, ok
from tests.people_json import listed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


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


def test_tag_filters_the_list(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")
    ok(net, "add", "Sam Green")
    ok(net, "tag", "sam", "+board-games")
    assert listed(net, "--tag", "Board Games") == ["Sam Green"]


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
