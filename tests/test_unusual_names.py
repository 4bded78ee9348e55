"""Names as people write them: quotes, accents, CJK, emoji, right-to-left, Rich markup.

Every name must round-trip exactly and print exactly as typed: Rich markup
(``[bold]``, ``[/]``) and emoji codes (``:wave:``) are never interpreted.
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import Net, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

NAMES = [
    "O'Brien",
    "Zoë Laurent",
    "李雷",
    "Eve [/]",
    "[bold]x[/bold]",
    "😀 Smiley",
    "שרה כהן",
    ":wave: Wave",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_round_trips_and_prints_as_typed(net: Net, name: str) -> None:
    assert ok(net, "add", name) == f"Added {name} (#1) to your network circle.\n"
    assert ok(net, "show", name) == (
        f"{name}  #1\ncircle    network, every year\nlast      no contact logged yet\n"
    )
    assert json.loads(ok(net, "show", "#1", "--json"))["person"]["name"] == name
    assert [p["name"] for p in json.loads(ok(net, "list", "--json"))] == [name]
    lines = ok(net, "list").splitlines()
    assert lines[1].startswith(f"#1  {name}  network  -")
    assert lines[2] == "1 person"
    assert ok(net, "log", name, "coffee") == f"Logged a coffee with {name} today.\n"
    assert ok(net, "find", name) == f"{name} (#1)\n"
    assert json.loads(ok(net, "find", name, "--json"))[0]["person"] == name
    assert ok(net, "edit", name, "--city", name) == f"Updated {name}.\n"
    assert f"\ncity      {name}\n" in ok(net, "show", "#1")
    assert ok(net, "archive", name) == f"Archived {name}.\n"
    assert ok(net, "unarchive", name) == f"{name} is back.\n"


@pytest.mark.parametrize("name", NAMES)
def test_a_name_prints_as_typed_in_every_listing(net: Net, name: str) -> None:
    ok(net, "add", name)
    ok(net, "add", "Ana Ruiz")
    ok(net, "log", "ana", "#1", "call", "--on", "2025-06-18")
    ok(net, "helped", "#1", f"intro to {name}", "--kind", "intro")
    ok(net, "promise", "#1", f"lunch with {name}")
    assert ok(net, "show", "ana").endswith(f"  2025-06-18  #1  call · with {name}\n")
    assert ok(net, "helped").splitlines()[1] == f"  2025-06-19  {name}: intro to {name} (intro)"
    assert ok(net, "loops") == f"  #1    You offered {name}: lunch with {name} (today)\n"
    assert ok(net, "log", "#1") == (
        f"Logged a message (the default) with {name} today.\n"
        f"  You offered {name}: lunch with {name} (close it with net done 1).\n"
    )
    assert ok(net, "done", "1") == f"You kept your promise to {name}: lunch with {name}.\n"
    assert ok(net, "tag", "#1", "+friend") == f"{name}'s tags: friend.\n"
    assert ok(net, "snooze", "#1", "--for", "2 weeks") == (
        f"{name} is snoozed until 2025-07-03. Enjoy the quiet.\n"
    )
    assert ok(net, "forget", "#1", "--yes") == f"Forgot {name}.\n"


def test_markup_in_notes_nicknames_and_other_fields_is_printed_as_typed(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", ":wave:", "--company", "[red]Acme[/red]",
       "--note", "[link=http://x]click[/link] :smile: \\[escaped]", "--tag", "[b]")  # fmt: skip
    ok(net, "log", ":wave:", "--note", "[/] [bold]")
    assert ok(net, "show", ":wave:") == (
        'Ana Ruiz  #1  ":wave:"\n'
        "circle    network, every year\n"
        "work      [red]Acme[/red]\n"
        "tags      [b]\n"
        "notes     [link=http://x]click[/link] :smile: \\[escaped]\n"
        "last      2025-06-19 (today)\n"
        "\n"
        "Timeline\n"
        "  2025-06-19  #1  message · [/] [bold]\n"
    )
    assert ok(net, "find", "[/]") == "2025-06-19  A message with Ana Ruiz (#1): [/] [bold]\n"


def test_names_that_differ_only_by_accent_or_case_are_one_name(net: Net) -> None:
    ok(net, "add", "Zoë Laurent")
    result = net("add", "ZOE LAURENT")
    assert result.code == 1
    assert result.err.startswith("You already have someone called ZOE LAURENT (#1).")
    assert json.loads(ok(net, "show", "zoe", "--json"))["person"]["name"] == "Zoë Laurent"
    assert json.loads(ok(net, "show", "ZOË L", "--json"))["person"]["name"] == "Zoë Laurent"


@pytest.mark.parametrize(("typed", "name"), [("o'b", "O'Brien"), ("李", "李雷"), ("שרה", "שרה כהן"),
                                             ("כהן", "שרה כהן"), ("😀", "😀 Smiley"), ("smiley", "😀 Smiley"),
                                             ("eve", "Eve [/]"), ("[bold]", "[bold]x[/bold]"),
                                             ("wave", ":wave: Wave")])  # fmt: skip
def test_unusual_names_resolve_by_any_word(net: Net, typed: str, name: str) -> None:
    for each in NAMES:
        ok(net, "add", each)
    assert json.loads(ok(net, "show", typed, "--json"))["person"]["name"] == name


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ([], ""),
        (["Zoë"], "Zoë"),
        (["Zoë", "李雷"], "Zoë and 李雷"),
        (["Ana", "Tom", "Mei"], "Ana, Tom and Mei"),
    ],
)
def test_people_are_listed_the_same_way_everywhere(names: list[str], said: str) -> None:
    from quietnet.core.names import listed

    assert listed(names) == said
