"""People through the CLI: edit, and tag."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Net, ok
from tests.people_json import EMPTY_JSON, EVERY_FIELD, listed, person, shown

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


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
