"""`net intro`: a double opt-in introduction, step by step; refused steps write nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from quietnet.core.intro import Intro, next_step, transition
from quietnet.errors import InputError
from tests.helpers import Net, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


def state(net: Net, intro_id: int = 1) -> dict[str, Any]:
    found: list[dict[str, Any]] = json.loads(ok(net, "intro", "--all", "--json"))
    return next(i for i in found if i["id"] == intro_id)


@pytest.fixture(autouse=True)
def two(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close")
    ok(net, "add", "Tom Baker", "--nickname", "tom")
    ok(net, "add", "Mei Chen")


def test_the_whole_way_asked_privately_then_made_then_checked(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = ok(net, "intro", "ana", "tom", "both love type design")
    assert out == (
        "Planned an introduction of Ana Ruiz and Tom Baker (#1): both love type design.\n"
        "Double opt-in: ask each of them privately first,"
        " and write to both together only once both say yes.\n"
        'Ask Ana Ruiz privately first: net intro ask 1 --who "Ana Ruiz"\n'
    )
    assert state(net)["state"] == "asking"
    assert ok(net, "intro", "ask", "1", "--who", "ana").startswith(
        "Noted: you asked Ana Ruiz privately about meeting Tom Baker.\n"
    )
    assert ok(net, "intro", "accepted", "1") == (  # the only one asked: no --who needed
        "Ana Ruiz said yes.\n"
        "Ana Ruiz: yes (2025-06-19); Tom Baker: not asked yet\n"
        'Ask Tom Baker privately first: net intro ask 1 --who "Tom Baker"\n'
    )
    ok(net, "intro", "ask", "1")
    assert ok(net, "intro", "accepted", "1", "--who", "tom") == (  # "both said yes" once, not three times
        "Tom Baker said yes too, so both are happy to meet.\n"
        "Write one short note to both, then: net intro made 1\n"
    )
    assert state(net)["state"] == "accepted"
    assert "Both said yes. Write one short note to both, then: net intro made 1" in ok(net, "today")

    out = ok(net, "intro", "made", "1")
    assert out.startswith("Introduced Ana Ruiz and Tom Baker. Logged as a help for both")
    assert "A check-in comes up around 2025-06-26." in out
    helps = json.loads(ok(net, "helped", "--json"))
    assert sorted((h["person"], h["kind"], h["what"]) for h in helps) == [
        ("Ana Ruiz", "intro", "introduced them to Tom Baker (both love type design)"),
        ("Tom Baker", "intro", "introduced them to Ana Ruiz (both love type design)"),
    ]
    assert "Introductions:" not in ok(net, "today")  # a week has not passed yet
    monkeypatch.setenv("NET_TODAY", "2025-06-26")
    today = ok(net, "today")
    assert "Introductions:\n  #1 Ana Ruiz and Tom Baker: A short note to each, to hear how it went?" in today
    assert json.loads(ok(net, "today", "--json"))["introductions"] == [
        {
            "id": 1,
            "person": "Ana Ruiz",
            "other": "Tom Baker",
            "state": "introduced",
            "next": "A short note to each, to hear how it went? Then: net intro checked 1",
        }
    ]
    out = ok(net, "intro", "checked", "1", "--note", "they meet monthly now")
    assert out == "Checked in on Ana Ruiz and Tom Baker. Introduction #1 is complete.\n"
    assert state(net)["state"] == "checked"
    assert {h["outcome"] for h in json.loads(ok(net, "helped", "--json"))} == {"they meet monthly now"}
    assert (
        ok(net, "intro")
        == 'No introductions open. To plan one: net intro NAME NAME "why they might enjoy meeting"\n'
    )
    shown = ok(net, "show", "tom")
    assert (
        "Introductions\n  #1 with Ana Ruiz: both love type design"
        " (checked in 2025-06-26: they meet monthly now)" in shown
    )


def test_made_closes_the_need_it_answered_and_no_other(net: Net) -> None:
    ok(net, "edit", "tom", "--role", "type designer")
    ok(net, "need", "ana", "a type designer for her zine")
    ok(net, "need", "ana", "a flat in Lisbon")
    ok(net, "need", "tom", "a good accountant")
    ok(net, "intro", "ana", "tom", "zine", "--asked-by", "ana")
    ok(net, "intro", "ask", "1", "--who", "tom")
    ok(net, "intro", "accepted", "1", "--who", "tom")
    assert ok(net, "intro", "made", "1") == (
        "Introduced Ana Ruiz and Tom Baker. Logged as a help for both; thank you for connecting them.\n"
        "It answers the need Ana Ruiz mentioned (a type designer for her zine), so that is closed too (#1).\n"
        "introduced 2025-06-19\n"
        "A check-in comes up around 2025-06-26.\n"
    )
    assert ok(net, "loops") == (
        "  #2    Ana Ruiz needs: a flat in Lisbon (today)\n"
        "  #3    Tom Baker needs: a good accountant (today)\n"
    )
    ok(net, "undo", "--yes")  # the need comes back with the step
    assert ok(net, "loops").startswith("  #1    Ana Ruiz needs: a type designer for her zine (today)\n")


def test_asked_by_counts_as_a_yes_from_the_one_who_asked(net: Net) -> None:
    ok(net, "intro", "mei", "tom", "Mei asked to meet a type designer", "--asked-by", "mei")
    s = state(net)
    assert (s["a_answer"], s["b_asked_on"]) == ("yes", None)
    ok(net, "intro", "ask", "1")
    ok(net, "intro", "accepted", "1")
    assert state(net)["state"] == "accepted"


def test_a_no_thanks_closes_it_calmly(net: Net) -> None:
    ok(net, "intro", "ana", "tom", "type")
    ok(net, "intro", "ask", "1", "--who", "tom")
    out = ok(net, "intro", "declined", "1")
    assert out == "Tom Baker said no thanks. Introduction #1 is closed; nothing more to do.\n"
    assert state(net)["state"] == "declined"
    assert json.loads(ok(net, "helped", "--json")) == []


def test_drop_lets_an_introduction_go(net: Net) -> None:
    ok(net, "intro", "ana", "tom", "type")
    assert ok(net, "intro", "drop", "1") == "Let introduction #1 go. Nothing more to do.\n"
    assert state(net)["state"] == "dropped"
    assert json.loads(ok(net, "intro", "--json")) == []


SETUP: dict[str, tuple[tuple[str, ...], ...]] = {
    "planned": (("intro", "ana", "tom", "type"),),
    "asked ana": (("intro", "ana", "tom", "type"), ("intro", "ask", "1", "--who", "ana")),
    "asked both": (
        ("intro", "ana", "tom", "type"),
        ("intro", "ask", "1", "--who", "ana"),
        ("intro", "ask", "1"),
    ),
    "accepted": (
        ("intro", "ana", "tom", "type", "--asked-by", "ana"),
        ("intro", "ask", "1"),
        ("intro", "accepted", "1"),
    ),
    "made": (
        ("intro", "ana", "tom", "type", "--asked-by", "ana"),
        ("intro", "ask", "1"),
        ("intro", "accepted", "1"),
        ("intro", "made", "1"),
    ),
    "declined": (
        ("intro", "ana", "tom", "type"),
        ("intro", "ask", "1", "--who", "tom"),
        ("intro", "declined", "1"),
    ),
}
REFUSED = [
    (
        "planned",
        ("intro", "made", "1"),
        "Introduction #1 is still waiting on Ana Ruiz and Tom Baker: ask each privately first, "
        "and introduce them once both say yes.",
    ),
    (
        "planned",
        ("intro", "accepted", "1", "--who", "tom"),
        'You haven\'t asked Tom Baker yet: ask privately first (net intro ask 1 --who "Tom Baker").',
    ),
    (
        "planned",
        ("intro", "accepted", "1"),
        'You haven\'t asked Ana Ruiz yet: ask privately first (net intro ask 1 --who "Ana Ruiz").',
    ),
    ("planned", ("intro", "ask", "1"), 'Say whom you asked: --who "Ana Ruiz" or --who "Tom Baker".'),
    ("planned", ("intro", "checked", "1"), "Introduction #1 hasn't been made yet; check in once it is."),
    (
        "planned",
        ("intro", "ask", "1", "--who", "mei"),
        "mei is not part of introduction #1 (Ana Ruiz and Tom Baker).",
    ),
    (
        "planned",
        ("intro", "ask", "1", "--who", "ana", "--on", "2025-06-01"),
        "2025-06-01 is before the day it was planned (2025-06-19); pick a later day.",
    ),
    (
        "planned",
        ("intro", "made", "1", "--who", "ana"),
        "--who goes with ask, accepted or declined, not with made.",
    ),
    (
        "planned",
        ("intro", "ask", "1", "--who", "ana", "--note", "x"),
        "--note goes with checked: how the introduction went.",
    ),
    (
        "asked ana",
        ("intro", "ask", "1", "--who", "ana"),
        "You already asked Ana Ruiz about introduction #1 on 2025-06-19.",
    ),
    (
        "asked both",
        ("intro", "accepted", "1"),
        'Say whose answer it is: --who "Ana Ruiz" or --who "Tom Baker".',
    ),
    (
        "asked both",
        ("intro", "ask", "1"),
        "You already asked both of them; note an answer with net intro accepted 1 --who NAME.",
    ),
    (
        "accepted",
        ("intro", "ask", "1", "--who", "ana"),
        "Both already said yes to introduction #1; next: net intro made 1.",
    ),
    ("made", ("intro", "made", "1"), "Introduction #1 was already made on 2025-06-19."),
    (
        "made",
        ("intro", "drop", "1"),
        "Introduction #1 was made on 2025-06-19; to close it, check in: net intro checked 1.",
    ),
    ("made", ("intro", "declined", "1", "--who", "tom"), "Introduction #1 was already made on 2025-06-19."),
    (
        "declined",
        ("intro", "made", "1"),
        "Introduction #1 is closed: Tom Baker said no thanks on 2025-06-19.",
    ),
    (
        "declined",
        ("intro", "accepted", "1", "--who", "ana"),
        "Introduction #1 is closed: Tom Baker said no thanks on 2025-06-19.",
    ),
    (
        "planned",
        ("intro", "ana", "tom", "again"),
        "There is already an open introduction of Ana Ruiz and Tom Baker (#1).",
    ),
    (
        "planned",
        ("intro", "tom", "ana", "again"),
        "There is already an open introduction of Tom Baker and Ana Ruiz (#1).",
    ),
    (
        "planned",
        ("intro", "ana", "ana", "x"),
        "An introduction needs two different people; both names are Ana Ruiz.",
    ),
    (
        "planned",
        ("intro", "ana", "mei", "  "),
        'Say why they might enjoy meeting, e.g. net intro ana tom "both love type design".',
    ),
    (
        "planned",
        ("intro", "ana", "mei", "x", "--asked-by", "tom"),
        "--asked-by names someone who is not part of it (Ana Ruiz and Mei Chen).",
    ),
    ("planned", ("intro", "made", "9"), "There is no introduction #9; net intro lists the open ones."),
    ("planned", ("intro", "made"), "Say which introduction, by its number: net intro made 1."),
    (
        "planned",
        ("intro", "ana", "tom"),
        'Plan one with net intro NAME NAME "why", or move one on with net intro STEP ID '
        "(steps: ask, accepted, declined, made, checked, drop).",
    ),
]


@pytest.mark.parametrize(("setup", "args", "message"), REFUSED)
def test_illegal_steps_are_refused_with_one_sentence_and_nothing_written(
    net: Net, store: Path, setup: str, args: tuple[str, ...], message: str
) -> None:
    for step in SETUP[setup]:
        ok(net, *step)
    before = files(store)
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before


@pytest.mark.sqlite_only
def test_every_step_can_be_undone(net: Net, store: Path) -> None:
    def rows() -> list[tuple[object, ...]]:
        conn = sqlite3.connect(store)
        try:
            return (
                conn.execute("SELECT * FROM intro").fetchall() + conn.execute("SELECT * FROM help").fetchall()
            )
        finally:
            conn.close()

    steps = [
        ("intro", "ana", "tom", "type"),
        ("intro", "ask", "1", "--who", "ana"),
        ("intro", "accepted", "1"),
        ("intro", "ask", "1"),
        ("intro", "accepted", "1"),
        ("intro", "made", "1"),
        ("intro", "checked", "1"),
    ]
    for step in steps:
        before = rows()
        ok(net, *step)
        after = rows()
        assert after != before
        ok(net, "undo", "--yes")
        assert rows() == before
        ok(net, "undo", "--yes")  # undoing the undo redoes the step
        assert rows() == after


@pytest.mark.sqlite_only
def test_forgetting_either_person_leaves_no_trace_of_the_introduction(net: Net, store: Path) -> None:
    ok(net, "intro", "ana", "mei", "secret-reason", "--asked-by", "ana")
    ok(net, "intro", "ask", "1")
    ok(net, "intro", "accepted", "1")
    ok(net, "forget", "mei", "--yes")
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT count(*) FROM intro").fetchone() == (0,)
    journal = conn.execute("SELECT old, new FROM change_row").fetchall()
    summaries = conn.execute("SELECT summary FROM change").fetchall()
    assert "secret-reason" not in repr(journal)
    assert "Mei Chen" not in repr(summaries)


def test_the_state_machine_itself() -> None:
    i = Intro(1, 1, "Ana", 2, "Tom", "type", "asking", date(2025, 6, 1))
    day = date(2025, 6, 2)
    assert transition(i, "ask", day=day, side="b") == {"b_asked_on": day}
    assert next_step(i, today=day) == "Ask Ana privately first: net intro ask 1 --who Ana"
    with pytest.raises(InputError, match="not a step"):
        transition(i, "hug", day=day)
