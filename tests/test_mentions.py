"""core/mentions.py: whom an event's summary names, by full name or nickname (issue 18)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.core.mentions import name_keys, named_in
from tests.strategies import SOME

PEOPLE = [
    (1, "Ana Ruiz", "Ana"),
    (2, "Søren Berg", None),
    (3, "Jo Park", "Jo"),
    (4, "Łukasz Nowak", "Łukasz"),
    (5, "Ana Lima", None),
    (6, "Sam Lee", "Sam"),
    (7, "Sam Okafor", "Sam"),  # two Sams: "Sam" names no one
    (8, "A", "X"),  # too short to name anyone
]
KEYS = name_keys(PEOPLE)


@pytest.mark.parametrize(
    ("summary", "named"),
    [
        ("Dinner at Søren Berg's", {2}),
        ("dinner with SOREN BERG", {2}),  # accents and case aside
        ("Coffee with Ana", {1}),  # a nickname
        ("Lunch: Ana Lima", {5}),  # Ana inside Ana Lima is Ana Lima's, not Ana Ruiz's nickname
        ("Ana and Ana Lima", {1, 5}),
        ("Banana bread", set()),  # whole words only
        ("Joanna's talk", set()),
        ("Jo/Ana sync", {1, 3}),
        ("Call Lukasz", {4}),  # Ł folds to L
        ("Sam's farewell", set()),  # two people are Sam
        ("Sam Lee and Sam Okafor", {6, 7}),
        ("A X meeting", set()),
        ("", set()),
    ],
)
def test_a_summary_names_people_by_full_name_or_nickname(summary: str, named: set[int]) -> None:
    assert named_in(summary, KEYS) == named


@SOME
@given(
    left=st.sampled_from(["", "Lunch with ", "(", "Call: "]), right=st.sampled_from(["", "'s", ")", " + 2"])
)
def test_a_full_name_is_found_wherever_it_stands(left: str, right: str) -> None:
    assert named_in(f"{left}Søren Berg{right}", KEYS) == {2}


@SOME
@given(prefix=st.sampled_from(["x", "ø", "2", "_"]), suffix=st.sampled_from(["", "son", "é"]))
def test_a_name_inside_a_word_names_no_one(prefix: str, suffix: str) -> None:
    assert named_in(f"{prefix}Søren Berg{suffix} {prefix}Jo", KEYS) == set()
