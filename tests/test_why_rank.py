"""`net why` places one person in the day's plan without assessing everyone: it must say what ``plan`` says.

``core/why.place`` counts who comes before someone from each eligible person's score,
ratio and name (``schedule.standings``, with ``Table.score``), and assesses whole only
the few on the list. These tests compare it with ``schedule.plan`` on random crowds
(ties of score, ratio and folded name included: the names repeat in any case), for
everyone in them and someone who is not; and ``Table.score`` with ``add_up``'s score.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.schedule import eligible_today, plan, standings
from quietnet.core.settings import DEFAULT, Settings
from quietnet.core.terms import Facts, Table
from quietnet.core.why import place
from tests.strategies import SETTINGS, TODAY, Raw, build, crowds, day

TIGHT = DEFAULT._replace(daily_max=1, weekly_energy=2)
CHOICES = (*SETTINGS, TIGHT, DEFAULT._replace(coef_time_apart=0.0, coef_novelty=7.5))
DAYS = st.sampled_from((0, 1, 9, 60, 400, 1200))


@hsettings(max_examples=300, deadline=None)
@given(
    crowds(max_size=12), st.sampled_from(CHOICES), st.integers(0, 12), st.booleans(), DAYS,
)  # fmt: skip
def test_a_place_is_the_plans(crowd: list[Raw], chosen: Settings, spent: int, back: bool, ahead: int) -> None:
    on = day(ahead)
    candidates = [build(r, chosen, today=on) for r in crowd]
    whole = plan(candidates, settings=chosen, today=on, spent=spent, reconnected=back)
    ranked = [a.id for a in whole.ranked]
    quiet = next((a.name for a in whole.ranked if a.quiet_tie), None)
    for who in [c.id for c in candidates] + [len(crowd) + 1]:  # and someone not among them
        where = place(who, candidates, settings=chosen, today=on, spent=spent, reconnected=back)
        assert where.rank == (ranked.index(who) + 1 if who in ranked else None)
        assert where.of == len(whole.ranked)
        assert where.suggestions == whole.suggestions
        assert where.quiet == quiet
        assert (where.today, where.weekly, where.spent, where.remaining) == (
            whole.today, whole.weekly, whole.spent, whole.remaining,
        )  # fmt: skip


@hsettings(max_examples=300, deadline=None)
@given(crowds(max_size=8), st.sampled_from(CHOICES), DAYS)
def test_a_standing_is_the_assessments(crowd: list[Raw], chosen: Settings, ahead: int) -> None:
    on = day(ahead)
    candidates = [build(r, chosen, today=on) for r in crowd]
    for c, found in standings(candidates, chosen, on):
        a = eligible_today(c, chosen, on)
        assert (found is None) == (a is None)
        if a is not None and found is not None:
            score, ratio, quiet = found
            assert (score, ratio, quiet) == (a.score, a.ratio, a.quiet_tie)
            assert math.copysign(1.0, score) == math.copysign(1.0, a.score)  # -0.0 too


FACTS = st.builds(
    Facts,
    ratio=st.floats(0, 10, allow_nan=False) | st.sampled_from((0.0, 1.0, 3.0)),
    dormant=st.booleans(),
    real_tie=st.booleans(),
    resting=st.booleans(),
    closeness=st.integers(1, 5),
    event=st.none() | st.integers(0, 30),
    loop=st.sampled_from((None, "promise", "need")),
    novel=st.booleans(),
)
ODD = DEFAULT._replace(coef_time_apart=-0.0, coef_event=0.1, coef_loop=1e-17, coef_strength=3.3)


@hsettings(max_examples=500, deadline=None)
@given(FACTS, st.sampled_from((*CHOICES, ODD)))
def test_the_score_alone_is_add_ups(f: Facts, chosen: Settings) -> None:
    table = Table(chosen)
    score = table.score(f)
    expected = table.add_up(f)[1]
    assert score == expected
    assert math.copysign(1.0, score) == math.copysign(1.0, expected)


def test_a_crowd_of_quiet_ties_keeps_the_first_and_ranks_it() -> None:
    """A witness that the random crowds above hold quiet ties: three, one kept."""
    old = [Raw(i, name, "close", None, False, None, day(-4000), None, False, None, False, None, None, ())
           for i, name in enumerate(("Bo", "Ana", "ana"), 1)]  # fmt: skip
    candidates = [build(r) for r in old]
    whole = plan(candidates, settings=DEFAULT, today=TODAY, spent=0)
    assert [a.name for a in whole.ranked] == ["Ana"]
    assert [place(i, candidates, settings=DEFAULT, today=TODAY, spent=0).rank for i in (1, 2, 3)] == [
        None, 1, None,
    ]  # fmt: skip
    assert place(1, candidates, settings=DEFAULT, today=TODAY, spent=0).quiet == "Ana"
