"""`net log` reads words as people type them: a trailing day, "and" between names, and kind slips."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import Net, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

KINDS = (
    "Kinds: meet (coffee, lunch, dinner, walk, visit, meeting); video; call (phone); help; "
    "message (email, letter, dm, note); text (sms, chat); greeting (birthday, holiday); "
    "react (like, comment, emoji); add your own with net kind add."
)


@pytest.fixture
def people(net: Net) -> None:  # today is Thursday 2025-06-19
    ok(net, "add", "Ana Ruiz")
    ok(net, "add", "Tom Baker", "--nickname", "tom")
    ok(net, "add", "Chloe Martin")
    ok(net, "add", "Sun Li")


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("words", "said"),
    [
        (("ana", "coffee", "yesterday"), "Logged a coffee with Ana Ruiz on 2025-06-18 (yesterday)."),
        (("ana", "coffee", "on", "friday"), "Logged a coffee with Ana Ruiz on 2025-06-13 (6 days ago)."),
        (("ana", "call", "last", "tue"), "Logged a call with Ana Ruiz on 2025-06-17 (2 days ago)."),
        (("ana", "call", "3", "days", "ago"), "Logged a call with Ana Ruiz on 2025-06-16 (3 days ago)."),
        (("ana", "call", "3 days ago"), "Logged a call with Ana Ruiz on 2025-06-16 (3 days ago)."),
        (("ana", "june", "3"), "Logged a message (the default) with Ana Ruiz on 2025-06-03 (2 weeks ago)."),
        (("ana", "-k", "call", "2025-06-01"), "Logged a call with Ana Ruiz on 2025-06-01 (2 weeks ago)."),
        (("ana", "and", "tom", "coffee"), "Logged a coffee with Ana Ruiz and Tom Baker today."),
        (("ana,", "tom", "chloe", "lunch"),
         "Logged a lunch with Ana Ruiz, Tom Baker and Chloe Martin today."),
        (("ana", "&", "chloe", "walk", "yesterday"),
         "Logged a walk with Ana Ruiz and Chloe Martin on 2025-06-18 (yesterday)."),
        (("ana", "sun"), "Logged a message (the default) with Ana Ruiz and Sun Li today."),  # Sun is someone
        (("ana", "sun", "call"), "Logged a call with Ana Ruiz and Sun Li today."),
        (("ana",), "Logged a message (the default) with Ana Ruiz today."),
        (("ana", "message"), "Logged a message with Ana Ruiz today."),
        (("ana", "--kind", "message"), "Logged a message with Ana Ruiz today."),
    ],
)  # fmt: skip
def test_log_reads_names_kind_and_day(net: Net, words: tuple[str, ...], said: str) -> None:
    assert ok(net, "log", *words) == said + "\n"


@pytest.mark.usefixtures("people")
def test_a_trailing_day_is_the_day_of_the_interaction(net: Net) -> None:
    ok(net, "log", "ana", "and", "tom", "coffee", "yesterday")
    assert ok(net, "list", "--since", "yesterday", "--not-since", "today") == (
        "id  name       circle   last contact  city  tags\n"
        "#1  Ana Ruiz   network  yesterday\n"
        "#2  Tom Baker  network  yesterday\n"
        "2 people\n"
    )


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("words", "message"),
    [
        (("chloe", "tom", "climbing"),
         f'"climbing" is neither someone you know nor a kind of contact. {KINDS}'),
        (("ana", "cofee"),
         f'"cofee" is neither someone you know nor a kind of contact; did you mean coffee? {KINDS}'),
        (("ana", "tmo"),
         f'"tmo" is neither someone you know nor a kind of contact; did you mean Tom Baker? {KINDS}'),
        (("ana", "chlo"),  # a prefix of Chloe Martin, where a kind would stand: not a name there
         f'"chlo" is neither someone you know nor a kind of contact; did you mean Chloe Martin? {KINDS}'),
        (("ana", "tmo", "coffee"), 'No one called "tmo". Did you mean Tom Baker?'),
        (("climbing",), 'No one called "climbing". Add them with: net add "climbing"'),
        (("ana", "coffee", "tomorrow"),
         '"tomorrow" (2025-06-20) is after today (2025-06-19); pick today or an earlier day.'),
        (("ana", "coffee", "yesterday", "--on", "friday"),
         'Two days were given, "yesterday" and --on "friday"; keep one. Nothing was changed.'),
        (("and",), 'No one called "and". Did you mean Ana Ruiz?'),
    ],
)  # fmt: skip
def test_log_mistakes_are_said_plainly_and_change_nothing(
    net: Net, store: Path, words: tuple[str, ...], message: str
) -> None:
    before = files(store)
    result = net("log", *words)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before


WORDS = st.sampled_from(
    [
        "ana",
        "and",
        "&",
        "on",
        "coffee",
        "call",
        "yesterday",
        "last",
        "tue",
        "3",
        "days",
        "ago",
        "june",
        "x,",
        "",
    ]
)


@given(st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=1, max_size=6), st.booleans())
def test_reading_log_words_keeps_every_word_in_one_place(words: list[str], sun: bool) -> None:
    from quietnet.core import logline

    line = logline.read(words, kind=None, on=None, today=date(2025, 6, 19), names_someone=lambda w: sun)
    assert line.names, "someone is always named"
    kept = len(line.names) + (line.said is not None) + len((line.day_text or "").split())
    assert kept <= len(words)
    assert line.kind_slot == (line.said is None and len(line.names) > 1)
