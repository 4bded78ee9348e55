"""`net give`: the catalogue, how ideas are picked, saved ideas, and needs someone could meet."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from quietnet.core.give import (
    BY_CODE,
    CATALOGUE,
    EFFORTS,
    TRIGGERS,
    Facts,
    Match,
    Profile,
    kindred,
    matches,
    suggest,
    words,
)
from tests.helpers import BANNED, Net, files

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


def ok(net: Net, *args: str) -> str:
    result = net(*args)
    assert result.code == 0, result
    return result.out


def data(net: Net, *args: str) -> Any:
    return json.loads(ok(net, *args, "--json"))


# -- the catalogue and the picker (pure) ------------------------------------------------------


def test_the_catalogue_has_at_least_25_kinds_of_help_each_with_an_effort_and_a_trigger() -> None:
    assert len(CATALOGUE) >= 25
    assert len(BY_CODE) == len(CATALOGUE)  # codes are unique
    assert {i.effort for i in CATALOGUE} == set(EFFORTS)
    assert all(i.trigger in TRIGGERS for i in CATALOGUE)
    assert sum(i.trigger == "always" for i in CATALOGUE) >= 6  # never runs dry, even after a run
    assert not [i.text for i in CATALOGUE if BANNED.search(i.text)]
    offers = [i for i in CATALOGUE if "introduce them to" in i.text or "introduction to" in i.text]
    assert offers
    assert all("Ask each privately first" in i.text for i in offers)


FULL = Facts(
    name="Ana",
    interests=("climbing", "type design"),
    needs=("a new job in design",),
    news=("new job at Fabrikam",),
    helps=("sent the pricing article",),
    referrals=("Contoso redesign",),
    matches=(Match(2, "Omar", "role", "accountant", "a good accountant"),),
    role="designer",
    company="Northwind",
    origin="colleague",
    quiet=True,
    birthday_in=3,
)


def test_ideas_come_smallest_effort_first_and_specific_ones_first() -> None:
    ideas = suggest(FULL)
    assert 1 <= len(ideas) <= 3
    assert [i.effort for i in ideas] == sorted(i.effort for i in ideas)
    assert all(TRIGGERS[BY_CODE[i.code].trigger][0] == 0 for i in ideas)  # needs, referrals, birthday


def test_never_the_same_idea_twice_in_a_row_and_runs_walk_the_catalogue() -> None:
    recent: list[list[str]] = []
    seen: set[str] = set()
    for _ in range(6):
        ideas = suggest(FULL, recent=recent)
        codes = [i.code for i in ideas]
        assert len(codes) == 3
        assert not set(codes) & set(recent[0] if recent else [])
        seen |= set(codes)
        recent = [codes, *recent][:4]
    assert len(seen) >= 10


def test_someone_you_know_nothing_about_still_gets_small_generic_ideas() -> None:
    ideas = suggest(Facts(name="Sam"))
    assert len(ideas) == 3
    assert {BY_CODE[i.code].trigger for i in ideas} == {"always"}
    again = suggest(Facts(name="Sam"), recent=[[i.code for i in ideas]])
    assert len(again) == 3
    assert not {i.code for i in again} & {i.code for i in ideas}


def test_at_most_two_ideas_from_one_trigger() -> None:
    ideas = suggest(Facts(name="Ana", interests=("climbing", "type", "tea", "maps")))
    triggers = [BY_CODE[i.code].trigger for i in ideas]
    assert len(ideas) == 3  # four interests could fill all three; the third comes from elsewhere
    assert triggers.count("interest") == 2


def test_needs_match_roles_companies_and_interests_but_never_the_owner() -> None:
    people = [
        Profile(1, "Priya", role="accountant"),
        Profile(2, "Omar", role="Chartered Accountant"),
        Profile(3, "Lia", interests="accounting, tea"),
        Profile(4, "Sam", company="Accountants United"),
        Profile(5, "Tom", role="climber"),
    ]
    found = matches("a good accountant in Bangalore", 1, people)
    assert [(m.name, m.field) for m in found] == [("Omar", "role"), ("Sam", "company"), ("Lia", "interests")]
    assert matches("a good one", 5, people) == []  # only stopwords: nothing to match
    assert words("Looking for a good Accountant, or two accountants!") == {"accountant", "two"}
    tom = Profile(9, "Tom", interests="type design, running")
    assert [m.name for m in kindred(tom, [*people, Profile(10, "Ana", interests="Type Design")])] == ["Ana"]


# -- through the CLI ---------------------------------------------------------------------------


@pytest.fixture
def people(net: Net) -> None:
    ok(
        net,
        "add",
        "Ana Ruiz",
        "--interests",
        "climbing, type design",
        "--role",
        "designer",
        "--origin",
        "colleague",
    )
    ok(net, "add", "Omar Haddad", "--role", "accountant")
    ok(net, "add", "Priya Nair")
    ok(net, "need", "priya", "a good accountant in Bangalore")
    ok(net, "log", "ana", "coffee", "--on", "2025-06-16", "--note", "new job at Fabrikam")


@pytest.mark.usefixtures("people")
def test_give_name_shows_one_to_three_ideas_and_the_next_run_shows_others(net: Net) -> None:
    out = ok(net, "give", "ana")
    assert out.startswith("Ways to help Ana Ruiz:\n")
    assert '5 minutes  Congratulate them on the news: "new job at Fabrikam". (recent news)' in out
    first = data(net, "give", "ana")  # a second run
    second = data(net, "give", "ana")
    assert first["person"] == {"id": 1, "name": "Ana Ruiz"}
    assert set(first["ideas"][0]) == {"code", "effort", "effort_words", "text", "because"}
    assert 1 <= len(first["ideas"]) <= 3
    assert not {i["code"] for i in first["ideas"]} & {i["code"] for i in second["ideas"]}
    assert BANNED.findall(out) == []


@pytest.mark.usefixtures("people")
@pytest.mark.sqlite_only
def test_remembering_ideas_is_not_a_change_to_undo(net: Net, store: Path) -> None:
    ok(net, "give", "ana")
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT person_id FROM give_seen").fetchall() == [(1,)]
    assert conn.execute("SELECT summary FROM change ORDER BY id DESC LIMIT 1").fetchone() == (
        "Logged a coffee with Ana Ruiz",
    )


@pytest.mark.usefixtures("people")
@pytest.mark.sqlite_only
def test_saved_ideas_come_first_and_done_logs_a_help(net: Net, store: Path) -> None:
    out = ok(net, "give", "ana", "--save", "the pricing article: example.com/p")
    assert out == (
        "Kept for Ana Ruiz: the pricing article: example.com/p (#1).\n"
        "It comes first in net give ana; passed it on? net give ana --done 1\n"
    )
    shown = ok(net, "give", "ana")
    assert shown.index(
        "Saved for them:\n  #1 the pricing article: example.com/p (saved 2025-06-19)"
    ) < shown.index("Small ideas")
    done = ok(net, "give", "ana", "--done", "1", "--kind", "resource")
    assert (
        done == "Noted: you passed on the pricing article: example.com/p to Ana Ruiz (resource)."
        " Logged as a help; thank you.\n"
    )
    helps = data(net, "helped")
    assert [(h["person"], h["kind"], h["what"]) for h in helps] == [
        ("Ana Ruiz", "resource", "the pricing article: example.com/p")
    ]
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT done_on, help_id FROM give_item").fetchall() == [
        ("2025-06-19", helps[0]["id"])
    ]
    assert data(net, "give", "ana")["saved"] == []
    assert "Undid: Passed an idea on to Ana Ruiz" in ok(net, "undo", "--yes")
    assert [x["id"] for x in data(net, "give", "ana")["saved"]] == [1]
    assert data(net, "helped") == []


@pytest.mark.usefixtures("people")
def test_drop_lets_a_saved_idea_go_without_a_help(net: Net) -> None:
    ok(net, "give", "ana", "--save", "a climbing gym")
    assert ok(net, "give", "ana", "--drop", "1") == "Let go of #1 for Ana Ruiz: a climbing gym.\n"
    assert data(net, "give", "ana")["saved"] == []
    assert data(net, "helped") == []


@pytest.mark.usefixtures("people")
def test_give_alone_lists_needs_someone_fits_and_saved_ideas(net: Net) -> None:
    ok(net, "give", "ana", "--save", "a climbing gym")
    out = ok(net, "give")
    assert out == (
        "Needs someone you know could help with:\n"
        '  Priya Nair needs "a good accountant in Bangalore":\n'
        '    Omar Haddad (accountant): an introduction? net intro "Priya Nair" "Omar Haddad" WHY\n'
        "  Ask each privately first; introduce them only once both say yes.\n"
        "\n"
        "Saved for someone:\n"
        '  Ana Ruiz: 1 thing (net give "Ana Ruiz")\n'
    )
    overview = data(net, "give")
    assert overview["needs"][0]["matches"] == [
        {"id": 2, "name": "Omar Haddad", "field": "role", "value": "accountant"}
    ]
    assert [x["what"] for x in overview["saved"]] == ["a climbing gym"]


def test_give_alone_with_nothing_to_match_says_so_calmly(net: Net) -> None:
    assert ok(net, "give").startswith("Nothing to match right now.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("give", "ana", "--done", "9"), "There is no saved idea #9 for Ana Ruiz; net give ana lists them."),
        (
            ("give", "omar", "--done", "1"),
            "There is no saved idea #1 for Omar Haddad; net give omar lists them.",
        ),
        (("give", "ana", "--done", "2"), "Saved idea #2 was already passed on, on 2025-06-19."),
        (("give", "ana", "--drop", "2"), "Saved idea #2 was already passed on, on 2025-06-19."),
        (("give", "ana", "--save", "x", "--done", "1"), "Use one of --save, --done or --drop at a time."),
        (
            ("give", "ana", "--save", "  "),
            'Say what to keep, e.g. net give ana --save "the pricing article".',
        ),
        (("give", "--save", "x"), "Say whom it is for, e.g. net give ana --save TEXT."),
        (
            ("give", "ana", "--done", "1", "--kind", "hug"),
            '"hug" is not a kind of help; choose one of intro, advice, referral, resource, recommendation, '
            "favor, other.",
        ),
        (("give", "zed"), 'No one called "zed". Add them with: net add "zed"'),
    ],
)
@pytest.mark.usefixtures("people")
def test_refusals_write_nothing(net: Net, store: Path, args: tuple[str, ...], message: str) -> None:
    ok(net, "give", "ana", "--save", "first")
    ok(net, "give", "ana", "--save", "second")
    ok(net, "give", "ana", "--done", "2")
    before = files(store)
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before
