"""The scheduler on the worked examples of section 10: strength, rhythm, the energy budget.

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

from datetime import date

import pytest

from quietnet.core.schedule import Candidate, assess, energy_spent, plan, week_start
from quietnet.core.settings import DEFAULT
from quietnet.render import wording
from tests.schedule_people import TODAY, listed, person, scores


def test_week_of_the_examples() -> None:
    assert week_start(TODAY) == date(2025, 6, 16)
    assert week_start(date(2025, 6, 16)) == date(2025, 6, 16)
    assert week_start(date(2025, 6, 22)) == date(2025, 6, 16)


def test_example_a_strength_and_rhythm_not_counts() -> None:
    people = [
        person(1, "Ana", "close", [("meet", 45)]),
        person(2, "Xia", "close", [("call", 40)]),
        person(3, "Abe", "close", [("call", 40)]),
        person(4, "Bo", "network", [("message", 400)]),
        person(5, "Dee", "network", [("meet", 10), ("message", 8), ("message", 5), ("text", 2)],
               met=10),
    ]  # fmt: skip
    p = plan(people, settings=DEFAULT._replace(daily_max=5), today=TODAY, spent=0)
    assert [s.assessment.name for s in p.suggestions] == ["Ana", "Abe", "Xia", "Bo"]
    ana, abe, xia, bo = p.ranked
    assert round(ana.score, 3) == 7.000
    assert round(abe.score, 3) == round(xia.score, 3) == 6.167
    assert (abe.score, abe.ratio) == (xia.score, xia.ratio)  # the name decides
    # The table prints Bo as 1.980: 1.5 + 10 * (400/365 - 1) / 2 = 1.97945..., which is
    # 1.98 to two places (1.979 to three).
    assert bo.score == pytest.approx(1.5 + 10 * (400 / 365 - 1) / 2)
    assert round(bo.score, 2) == 1.98
    actions = dict(listed(p))
    assert actions["Ana"] == "call"
    assert actions["Bo"] == "message"
    assert "Dee" not in scores(p)


def test_example_b_a_like_is_not_a_check_in() -> None:
    people = [
        person(1, "Fay", "close", [("meet", 60), ("call", 10)]),
        person(2, "Gus", "close", [("meet", 60), ("text", 2)]),
        person(3, "Eve", "close", [("meet", 60), ("react", 2)]),
    ]
    p = plan(people, settings=DEFAULT, today=TODAY, spent=0)
    eve, gus = p.ranked
    assert (eve.name, round(eve.score, 3), eve.gap) == ("Eve", 8.292, 52.75)
    assert (gus.name, round(gus.score, 3), gus.gap) == ("Gus", 5.875, 38.25)
    assert [s.assessment.name for s in p.suggestions] == ["Eve", "Gus"]


def meetings(gaps: list[int], last: int) -> list[tuple[str, int]]:
    """Meetings with these gaps (oldest first), the last one ``last`` days ago."""
    days = [last]
    for g in reversed(gaps):
        days.append(days[-1] + g)
    return [("meet", d) for d in days]


def test_example_c_learned_rhythm() -> None:
    people = [
        person(1, "Kai", "close", meetings([58, 62, 60, 61, 59], 35), met=800),
        person(2, "Mo", "close", [], met=35),
        person(3, "Lia", "close", meetings([20, 22, 21, 21, 20], 35), met=800),
    ]
    p = plan(people, settings=DEFAULT, today=TODAY, spent=0)
    lia, mo = p.ranked
    assert lia.name == "Lia"
    assert lia.cadence is not None
    assert (round(lia.cadence, 1), lia.cadence_source, round(lia.score, 3)) == (
        24.0,
        "learned",
        6.790,
    )
    assert (mo.name, mo.cadence, mo.cadence_source, round(mo.score, 3)) == (
        "Mo",
        30.0,
        "circle",
        5.333,
    )
    kai = assess(people[0], settings=DEFAULT, today=TODAY)
    assert (kai.cadence, kai.cadence_source, kai.eligible) == (45.0, "learned", False)


def example_d() -> list[Candidate]:
    return [
        person(1, "Nia", "close", [("meet", 70)]),
        person(2, "Pia", "friends", [("message", 200)]),
        person(3, "Oli", "close", [("call", 50)]),
        person(4, "Sol", "core", [("call", 9)]),
        person(5, "Raj", "friends", [("message", 120)]),
        person(6, "Zed", "close", [("meet", 5)]),
    ]


@pytest.mark.parametrize(
    ("this_week", "expected"),
    [
        ([], [("Nia", "call"), ("Pia", "message"), ("Oli", "call")]),
        (["meet", "call", "call"], [("Nia", "message"), ("Pia", "message"), ("Oli", "message")]),
        (["meet", "call", "call", "call"], [("Nia", "message")]),
        (["meet", "call", "call", "call", "help"], []),
    ],
)
def test_example_d_energy_budget(this_week: list[str], expected: list[tuple[str, str]]) -> None:
    spent = energy_spent(this_week)
    assert spent == {0: 0, 3: 7, 4: 9, 5: 10}[len(this_week)]
    p = plan(example_d(), settings=DEFAULT, today=TODAY, spent=spent)
    assert scores(p) == {"Nia": 11.167, "Pia": 9.111, "Oli": 7.833, "Sol": 7.429, "Raj": 4.667}
    assert [a.name for a in p.ranked] == ["Nia", "Pia", "Oli", "Sol", "Raj"]
    assert listed(p) == expected
    assert p.remaining == 10 - spent
    assert p.rest is (spent >= 10)
    if p.rest:
        assert wording.plan_lines(p) == [wording.REST_LINE]


def test_show_all_ignores_the_budget() -> None:
    p = plan(example_d(), settings=DEFAULT, today=TODAY, spent=10, show_all=True)
    assert listed(p) == [
        ("Nia", "call"),
        ("Pia", "message"),
        ("Oli", "call"),
        ("Sol", "call"),
        ("Raj", "message"),
    ]
    assert [s.rank for s in p.suggestions] == [1, 2, 3, 4, 5]
