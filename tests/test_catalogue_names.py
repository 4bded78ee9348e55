"""The bad-input catalogue, part 2: names that match several people, a forgotten one, or no one.

Every command that takes a name is given an ambiguous one ("sam": three
people; "sam green": two people with exactly that name) and the #id of a
forgotten person; LIKE wildcards match only themselves. Then the names and
notes that are allowed but hostile (Rich markup, a literal %) must print as
typed, and nothing a command prints holds a raw escape character.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cases_names import AMBIGUOUS, FORGOTTEN, WILDCARDS
from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import Net, data, ok, seed

CATALOGUE = AMBIGUOUS + FORGOTTEN + WILDCARDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture(autouse=True)
def fresh(store: Path, seeded: bytes) -> None:
    seed(store, seeded)


@pytest.mark.parametrize("case", CATALOGUE, ids=ids(CATALOGUE))
def test_refused_calmly_and_nothing_changes(net: Net, store: Path, case: Refusal) -> None:
    check_refused(net, store, case)


def test_wildcards_match_only_themselves(net: Net) -> None:
    assert data(net, "show", "100%")["person"]["name"] == "100% Real"
    assert data(net, "show", "a_")["person"]["name"] == "a_b"  # not axb
    assert data(net, "show", "ax")["person"]["name"] == "axb"
    assert [hit["person"] for hit in data(net, "find", "%")] == ["100% Real"]
    assert [hit["person"] for hit in data(net, "find", "_")] == ["a_b"]
    assert data(net, "list", "--city", "%") == []
    before = {p["name"] for p in data(net, "list") if p["last_touch"] == "2025-06-19"}
    assert ok(net, "log", "a_", "call") == "Logged a call with a_b today.\n"
    after = {p["name"] for p in data(net, "list") if p["last_touch"] == "2025-06-19"}
    assert after - before == {"a_b"}


MARKUP = "[bold]Mark[/bold] Up"
MARKUP_NOTE = "[red]not red[/red] [link=https://x.example]y[/link]"
LOGGED = "[blink]hello[/blink] \\x1b[2J"  # a backslash, not an escape: that is refused
PROMISED = "[i]call back[/i] :wave:"


@pytest.fixture
def marked_up(net: Net) -> None:
    ok(net, "log", "#8", "call", "--note", LOGGED)
    ok(net, "promise", "#8", PROMISED)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("show", "#8"), [f"{MARKUP}  #8\n", f"call · {LOGGED}", PROMISED]),
        (("list",), [f"#8   {MARKUP}  network"]),
        (("find", "red"), [MARKUP_NOTE]),
        (("find", "blink"), [LOGGED]),
        (("loops",), [f"You offered {MARKUP}: {PROMISED}"]),
        (("today",), [f"{MARKUP}: {PROMISED} (since 2025-06-19)"]),
        (("export", "vcard"), [f"FN:{MARKUP}", "[red]not red[/red]"]),
        (("export", "csv"), [MARKUP, MARKUP_NOTE]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_markup_prints_as_typed_and_nothing_prints_an_escape(
    net: Net, marked_up: None, args: tuple[str, ...], shown: list[str]
) -> None:
    out = ok(net, *args)
    assert "\x1b" not in out
    for text in shown:
        assert text in out


def test_markup_round_trips_exactly_through_json(net: Net, marked_up: None) -> None:
    shown = data(net, "show", "#8")
    assert shown["person"]["name"] == MARKUP
    assert shown["person"]["notes"] == MARKUP_NOTE
    assert [i["note"] for i in shown["interactions"]] == [LOGGED]
    exported = json.loads(ok(net, "export", "json"))
    assert [p["notes"] for p in exported["people"] if p["name"] == MARKUP] == [MARKUP_NOTE]
    assert [loop["what"] for loop in exported["loops"]][-1] == PROMISED
