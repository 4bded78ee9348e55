"""Names: a full name or nickname beats a whole word, which beats a prefix; who else matched is said."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Net, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture
def people(net: Net) -> None:
    for args in (
        ("Ana Ruiz",),
        ("Rui Costa",),
        ("Hannah Weiss",),
        ("Wei Zhang",),
        ("Tom Baker", "--nickname", "tom"),
        ("Tom Hughes",),
        ("Sam Green",),
        ("Sam Brown",),
        ("Maria da Silva",),
    ):
        ok(net, "add", *args)


def first_line(net: Net, who: str) -> str:
    return ok(net, "show", who).splitlines()[0]


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("wei", "Wei Zhang  #4"),  # a whole first name beats the start of Weiss
        ("WEI", "Wei Zhang  #4"),
        ("weis", "Hannah Weiss  #3"),
        ("rui", "Rui Costa  #2"),  # not the start of Ruiz
        ("ruiz", "Ana Ruiz  #1"),
        ("zhang", "Wei Zhang  #4"),  # a whole last name
        ("da silva", "Maria da Silva  #9"),  # whole words inside a name
        ("tom", 'Tom Baker  #5  "tom"'),  # the nickname beats a whole first name
        ("tom h", "Tom Hughes  #6"),
        ("hughes", "Tom Hughes  #6"),
    ],
)
def test_the_closest_kind_of_match_wins(net: Net, typed: str, name: str) -> None:
    assert first_line(net, typed) == name


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("sam", '"sam" could be several people: Sam Green (#7), Sam Brown (#8). '
         "Use more of the name or the #id; nothing was changed."),
        ("we", '"we" could be several people: Hannah Weiss (#3), Wei Zhang (#4). '
         "Use more of the name or the #id; nothing was changed."),
    ],
)  # fmt: skip
def test_two_matches_of_the_same_kind_are_still_asked_about(
    net: Net, store: Path, typed: str, message: str
) -> None:
    before = files(store)
    result = net("log", typed, "call")
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before


@pytest.mark.usefixtures("people")
def test_log_says_who_else_a_name_matched_and_how_to_name_them(net: Net) -> None:
    assert ok(net, "log", "Tom", "email") == (
        'Logged an email with Tom Baker today.\n  "Tom" also matches Tom Hughes (use tom h).\n'
    )
    assert ok(net, "log", "tom h", "email") == "Logged an email with Tom Hughes today.\n"
    assert ok(net, "log", "wei", "call") == "Logged a call with Wei Zhang today.\n"  # a prefix is not said
    assert ok(net, "helped", "tom", "lent a book") == (
        "Noted: you helped Tom Baker today: lent a book. Thank you for doing it.\n"
        '  "tom" also matches Tom Hughes (use tom h).\n'
    )


def test_the_way_to_name_someone_else_is_the_shortest_that_works(net: Net) -> None:
    ok(net, "add", "Sam", "--nickname", "sam")
    ok(net, "add", "Sam Brown", "--nickname", "sb")
    ok(net, "add", "Sam Green")
    ok(net, "add", "Sam Greenwood")
    assert ok(net, "add", "Sam Green", "--yes").startswith("Added Sam Green")  # a second one
    assert ok(net, "log", "sam", "call") == (
        "Logged a call with Sam today.\n"
        '  "sam" also matches Sam Brown (use sb), Sam Green (use #3), Sam Greenwood (use sam greenw)'
        " and Sam Green (use #5).\n"
    )
    ok(net, "add", "Sam Lee")
    ok(net, "add", "Sam Roe")
    assert ok(net, "log", "sam", "call") == (
        "Logged a call with Sam today.\n"
        '  "sam" also matches Sam Brown (use sb), Sam Green (use #3), Sam Greenwood (use sam greenw)'
        " and 3 more.\n"
    )


def test_an_archived_exact_match_gives_way_to_someone_active(net: Net) -> None:
    ok(net, "add", "Wei Zhang")
    ok(net, "add", "Wei", "--nickname", "wei")
    ok(net, "archive", "#2")
    assert ok(net, "log", "wei", "call") == "Logged a call with Wei Zhang today.\n"
