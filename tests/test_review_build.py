"""``review.build`` on its own: plain rows in, one Review out, no store, no clock."""

from __future__ import annotations

import json
from datetime import date

from quietnet.core import review
from quietnet.core.records import Help, Loop
from quietnet.core.review import CameIn, CircleDay, Logged, Someone, WeekRows, Yearly
from quietnet.core.settings import Settings
from quietnet.render.review import data, html, lines, markdown, text

TODAY = date(2025, 6, 19)
ANA = Someone(1, "Ana Ruiz", "close")
TOM = Someone(2, "Tom Baker", "friends")


def rows(**changes: object) -> WeekRows:
    base = WeekRows(
        logged=(),
        helps=(),
        recent_helps=0,
        recent_helped=0,
        loops=(),
        circle_days=(),
        candidates=(),
        settings=Settings(),
        yearly=(),
    )
    return base._replace(**changes)  # type: ignore[arg-type]


def test_rows_outside_the_week_change_nothing() -> None:
    inside = Logged(1, date(2025, 6, 17), "call", "phone", None, True, (ANA,))
    outside = (
        Logged(2, date(2025, 6, 15), "meet", "coffee", None, True, (TOM,)),  # the Sunday before
        Logged(3, date(2025, 6, 20), "meet", "coffee", None, True, (TOM,)),  # after today
    )
    alone = review.build(rows(logged=(inside,)), week=TODAY, today=TODAY)
    padded = review.build(rows(logged=(inside, *outside)), week=TODAY, today=TODAY)
    assert padded == alone
    assert [(x.people, x.how) for x in alone.came_back] == [(("Ana Ruiz",), "phone")]
    assert alone.numbers.energy_spent == 0  # they called: it costs the user nothing (section 7.3)


def test_the_same_rows_in_any_order_give_the_same_review() -> None:
    logged = tuple(
        Logged(n, date(2025, 6, 16 + n % 3), "message", None, None, n % 2 == 0, (ANA, TOM)) for n in range(6)
    )
    helps = tuple(Help(n, date(2025, 6, 16 + n % 3), 1, "Ana Ruiz", "advice", f"idea {n}") for n in range(4))
    forward = review.build(rows(logged=logged, helps=helps), week=TODAY, today=TODAY)
    backward = review.build(rows(logged=logged[::-1], helps=helps[::-1]), week=TODAY, today=TODAY)
    assert forward == backward
    assert [g.what for g in forward.gave] == ["idea 0", "idea 3", "idea 1", "idea 2"]


def test_a_promise_is_open_from_the_day_it_was_made_until_the_day_it_was_kept() -> None:
    loops = (
        Loop(1, 1, "Ana Ruiz", "promise", "intro to Sam", date(2025, 6, 1), closed_on=date(2025, 6, 12)),
        Loop(2, 1, "Ana Ruiz", "promise", "the slides", date(2025, 6, 10), closed_on=date(2025, 6, 16)),
        Loop(3, 2, "Tom Baker", "need", "a flat", date(2025, 6, 20)),
    )
    earlier = review.build(rows(loops=loops), week=date(2025, 6, 10), today=TODAY)
    assert earlier.as_of == date(2025, 6, 15)
    assert [(o.what, o.days) for o in earlier.promises] == [("the slides", 5)]
    assert earlier.needs == ()
    assert review.build(rows(loops=loops), week=TODAY, today=TODAY).promises == ()


def test_an_outcome_reported_after_today_is_not_shown_yet() -> None:
    helps = (
        Help(1, date(2025, 6, 16), 1, "Ana Ruiz", "intro", "intro to Sam", "a new job", date(2025, 6, 25)),
    )
    (given,) = review.build(rows(helps=helps), week=TODAY, today=TODAY).gave
    assert (given.outcome, given.outcome_on) == (None, None)


def test_work_that_came_in_has_its_place_when_the_work_feature_sends_it() -> None:
    came_in = (
        CameIn(date(2025, 6, 18), 2, "Tom Baker", "a logo for his cousin's bakery", "referral"),
        CameIn(date(2025, 6, 12), 2, "Tom Baker", "last week's, not this one", "work"),
    )
    result = review.build(rows(came_in=came_in), week=TODAY, today=TODAY)
    (item,) = result.came_back
    assert item.source == "referral"
    assert item.thanks == "A thank-you for thinking of you?"
    line = "Tom Baker passed your name on: a logo for his cousin's bakery"
    assert line in text.plain(result)
    assert f"| Wed 18 Jun | {line} | A thank-you for thinking of you? |" in markdown.render(result)
    assert line.replace("'", "&#x27;") in html.render(result)
    assert json.loads(data.render(result))["came_back"][0]["source"] == "referral"


def test_the_chart_has_every_week_and_every_circle() -> None:
    days = (
        CircleDay(date(2025, 3, 30), "core", 9),  # the Sunday before the chart begins
        CircleDay(date(2025, 3, 31), "core", 2),
        CircleDay(date(2025, 6, 18), "close", 3),
        CircleDay(date(2025, 6, 18), "network", 1),
    )
    chart = review.build(rows(circle_days=days), week=TODAY, today=TODAY).numbers.chart
    assert [w.start for w in chart][:2] == [date(2025, 3, 31), date(2025, 4, 7)]
    assert len(chart) == review.CHART_WEEKS
    assert [(w.start.isoformat(), w.total) for w in chart if w.total] == [
        ("2025-03-31", 2),
        ("2025-06-16", 4),
    ]
    assert [c.name for c in chart[-1].touches] == ["core", "close", "friends", "network", "acquaintance"]


def test_bars_keep_their_length_when_scaled() -> None:
    halved = lines.segments([("core", 1), ("close", 1), ("friends", 1)], 0.5)
    assert sum(cells for _, cells in halved) == round(3 * 0.5)
    assert lines.segments([("core", 3), ("close", 0), ("network", 2)], 1.0) == [("core", 3), ("network", 2)]


def test_dates_next_week_wrap_into_the_new_year() -> None:
    yearly = (
        Yearly(1, "Ana Ruiz", "birthday", 1, 2),
        Yearly(2, "Tom Baker", "birthday", 12, 31),
        Yearly(3, "Mei Chen", "birthday", 1, 6),  # the Monday after next week
    )
    result = review.build(rows(yearly=yearly), week=date(2024, 12, 25), today=TODAY)
    assert [(d.name, d.day.isoformat()) for d in result.dates_ahead] == [
        ("Tom Baker", "2024-12-31"),
        ("Ana Ruiz", "2025-01-02"),
    ]
