"""People through the CLI: add, and show."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import Net, files, ok
from tests.people_json import EMPTY_JSON, EVERY_FIELD, EVERY_FIELD_JSON, listed, person, shown

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


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
