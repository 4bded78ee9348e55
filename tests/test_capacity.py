"""Capacity (scheduling.md section 11): what the circles ask for, in net circles and the review."""

from __future__ import annotations

import json
import math
import os
from datetime import date, timedelta
from pathlib import Path
from random import Random

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.capacity import asks_per_week, asks_per_week_summed, median, weights
from quietnet.core.settings import DEFAULT
from tests.helpers import Net, ok

TODAY = date(2025, 6, 19)  # a Thursday; the 8 full weeks before run from Monday 21 April to Sunday 15 June

OVER = (
    "Your circles ask for about 12 a week and your week holds 10: people will come round a little slower"
    " than their rhythm.\n"
    "To change that: net settings set weekly_energy 12, or move a few people to a slower circle.\n"
    "Lately you used about 2 a week (the median of the last 8 full weeks).\n"
)


@pytest.fixture
def circles(net: Net) -> None:
    long_ago = (TODAY - timedelta(days=3000)).isoformat()
    for n in range(6):  # a call every week each: 6 x 2 energy
        ok(net, "add", f"Core {n}", "--circle", "core", "--met", long_ago)
    for name in ("Gone", "Away"):  # archived and snoozed people ask for nothing
        ok(net, "add", name, "--circle", "core", "--met", long_ago)
    ok(net, "archive", "gone")
    ok(net, "snooze", "away", "--for", "2 weeks")
    ok(net, "add", "Fay", "--circle", "friends", "--met", long_ago)  # a message every 90 days or so
    ok(net, "add", "Acq", "--circle", "acquaintance", "--met", long_ago)  # no rhythm
    for weeks_back in (1, 2, 4, 6, 8):  # a call of yours in 5 of the last 8 full weeks
        ok(net, "log", "fay", "call", "--on", (TODAY - timedelta(weeks=weeks_back)).isoformat())
    ok(net, "log", "fay", "call", "--them", "--on", "2025-06-11")  # theirs: costs you nothing
    ok(net, "log", "fay", "meet", "--on", "2025-04-20")  # before the 8 weeks


@pytest.mark.usefixtures("circles")
def test_circles_weigh_what_the_rhythms_ask_for_against_the_week(net: Net) -> None:
    assert ok(net, "circles").endswith("\n\n" + OVER)
    data = json.loads(ok(net, "circles", "--json"))
    assert (data["asks_per_week"], data["weekly_energy"], data["median_spent"]) == (12, 10, 2.0)
    ok(net, "settings", "set", "weekly_energy", "12")
    assert ok(net, "circles").endswith(
        "\n\nYour circles ask for about 12 a week and your week holds 12.\n"
        "Lately you used about 2 a week (the median of the last 8 full weeks).\n"
    )


@pytest.mark.usefixtures("circles")
def test_the_review_carries_capacity_in_every_format(net: Net) -> None:
    one_line = " ".join(OVER.split())
    text = ok(net, "review")  # wrapped to the terminal's width
    assert one_line in " ".join(text.split())
    assert "  Energy: 0 of 10 used. A restful week.\n  Your circles ask for about 12 a week" in text
    assert f"\n{one_line}\n" in ok(net, "review", "--format", "markdown")
    assert f"<p>{one_line}</p>" in ok(net, "review", "--format", "html")
    numbers = json.loads(ok(net, "review", "--json"))["numbers"]
    assert numbers["capacity"] == {"asks_per_week": 12, "weekly_energy": 10, "median_spent": 2.0}


def test_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    assert median([0, 0, 0, 2, 2, 2, 2, 2]) == 2.0
    assert median([0, 1, 2, 4]) == 1.5
    assert median([3, 1, 2]) == 2.0
    assert median([]) == 0.0


@pytest.mark.usefixtures("circles")
def test_the_energy_of_each_past_week_counts_every_interaction_of_yours_once(net: Net) -> None:
    from quietnet.cli.context import now
    from quietnet.engine.opening import open_database
    from quietnet.store.state import spent_by_week

    ok(net, "kind", "add", "climbing", "--like", "meet")  # an own kind costs what a meeting costs
    ok(net, "log", "fay", "climbing", "--on", "2025-05-14")
    for _ in range(3):  # three calls on one day: three times a call's energy
        ok(net, "log", "fay", "call", "--on", "2025-05-28")
    ok(net, "log", "fay", "message", "--on", "2025-05-28")
    database = open_database(Path(os.environ["NET_DB"]), now=now)
    try:
        with database.read() as s:
            spent = spent_by_week(s, monday=date(2025, 6, 16), weeks=8)
    finally:
        database.close()
    assert spent == [2, 0, 2, 3, 2, 3 * 2 + 1, 2, 2]  # weeks from Monday 21 April; a message costs 1


CIRCLE_NAMES = ("core", "close", "friends", "network", "acquaintance")
GROUPS = st.lists(
    st.tuples(
        st.sampled_from(CIRCLE_NAMES),
        st.one_of(st.none(), st.just(0.0), st.floats(min_value=0.5, max_value=400, allow_nan=False)),
        st.integers(min_value=1, max_value=300),
    ),
    max_size=30,
)


@given(groups=GROUPS, seed=st.randoms(use_true_random=False))
@hsettings(max_examples=200, deadline=None)
def test_a_sum_in_any_order_asks_for_what_the_rows_in_their_order_ask_for(
    groups: list[tuple[str, float | None, int]], seed: Random
) -> None:
    rows = [(circle, cadence) for circle, cadence, people in groups for _ in range(people)]
    seed.shuffle(rows)
    weight = weights(DEFAULT)
    terms = [weight[c] / cadence for c, cadence in rows if cadence and c in weight]
    seed.shuffle(terms)  # the database adds them in an order of its own
    summed = (sum(terms), sum(map(abs, terms)), len(terms))
    assert asks_per_week_summed(summed, DEFAULT, lambda: rows) == asks_per_week(rows, DEFAULT)


def test_a_sum_near_a_half_is_summed_row_by_row_in_order() -> None:
    asked: list[bool] = []

    def rows() -> list[tuple[str, float | None]]:
        asked.append(True)
        return [("friends", 14.0), ("friends", 14.0), ("friends", 14.0)]  # 7 / 14 three times: 1.5

    assert asks_per_week_summed((1.5, 1.5, 3), DEFAULT, rows) == 2  # half to even, as round does
    assert asked == [True]
    assert asks_per_week_summed((3.0, 3.0, 3), DEFAULT, rows) == 3  # far from a half: no rows read
    assert asked == [True]
    assert asks_per_week_summed((3.0, math.inf, 3), DEFAULT, rows) == 2  # magnitudes not summed: read
    assert asked == [True, True]


@pytest.mark.usefixtures("circles")
def test_the_database_sums_what_each_row_asks_for(net: Net) -> None:
    from quietnet.cli.context import now
    from quietnet.engine.opening import open_database
    from quietnet.store.state import rhythm_sum, rhythms

    ok(net, "add", "Gil Sol", "--circle", "friends", "--cadence", "10")  # 7 / 10: not a sum of sevenths
    ok(net, "snooze", "gil", "--until", "2025-07-01")  # snoozed: asks for nothing
    ok(net, "add", "Hal Ode", "--circle", "close", "--cadence", "9")
    database = open_database(Path(os.environ["NET_DB"]), now=now)
    try:
        with database.read() as s:
            rows = rhythms(s, today=TODAY)
            total, magnitude, terms = rhythm_sum(s, today=TODAY, weights=weights(DEFAULT))
            assert rhythm_sum(s, today=TODAY, weights={}) == (0.0, 0.0, 0)
    finally:
        database.close()
    weight = weights(DEFAULT)
    expected = [weight[c] / cadence for c, cadence in rows if cadence and c in weight]
    assert terms == len(expected) > 1
    assert total == pytest.approx(sum(expected), rel=1e-12)
    assert magnitude == pytest.approx(sum(expected), rel=1e-12)
