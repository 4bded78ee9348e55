"""`net due` ranks in SQL and scores only the few it shows: it must show what scoring everyone shows.

``store/ranking.py`` orders who may be due by an upper bound of their score and
``core/shortlist.py`` reads them a page at a time until no one unread can come
before the people the list needs. These tests check, on random stores (ties of
score, ratio and folded name included), that the list equals the one the whole
ranking gives (``ops/morning.make_plan``), action and energy included; that each
entry of ``BOUND`` gives at least its term's points; that the pure ``shortlist``
gives ``plan``'s list from any bounds that hold, in pages of any size; and, on
both backends, that `net due` and `net today` list the start of `net due --all`.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
from collections.abc import Sequence
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core import review
from quietnet.core.morning import heads_up, upcoming
from quietnet.core.schedule import Assessment, Candidate, DuePlan, Touch, assess, plan, week_start
from quietnet.core.settings import DEFAULT, Settings
from quietnet.core.shortlist import shortlist
from quietnet.core.terms import TERM_NAMES
from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Database
from quietnet.ops.morning import gather, make_list, make_plan
from quietnet.store import candidates, ranking, state, week, yearly
from quietnet.store import settings as stored
from tests.helpers import Net, seed, write_raw
from tests.processes import NOW
from tests.strategies import SETTINGS, TODAY, Raw, build, crowds, day

# Days on and after the store's last interaction (before it, `net due` ranks everyone, as before).
DAYS = (0, 1, 2, 9, 60, 400, 1200)
TIGHT = DEFAULT._replace(daily_max=1, weekly_energy=2)
CHOICES = (*SETTINGS, TIGHT, DEFAULT._replace(coef_time_apart=0.0, coef_novelty=7.5))


def is_start_of(short: DuePlan, whole: DuePlan) -> None:
    """``short`` shows what ``whole`` shows, and its ``ranked`` is a part of ``whole``'s, in order."""
    assert short.suggestions == whole.suggestions
    assert short[:5] == whole[:5]
    assert short.rest == whole.rest
    ids = [a.id for a in whole.ranked]
    at = [ids.index(a.id) for a in short.ranked]  # ValueError: someone the whole ranking leaves out
    assert at == sorted(set(at))
    assert [a for a in short.ranked if a in whole.ranked] == list(short.ranked)
    assert at[: len(short.suggestions)] == list(range(len(short.suggestions)))
    if short.whole:
        assert short.ranked == whole.ranked


def _store(folder: str, migrated: bytes, chosen: Settings, crowd: list[Raw], dates: list[int]) -> Database:
    path = Path(folder) / "net.db"
    seed(path, migrated)  # a copy of the session's migrated store: no migration per example
    db = open_database(path, now=lambda: NOW)
    with db.write("seed") as s:
        stored.save(s, chosen)
        state.refresh_all(s)
        for n, r in enumerate(crowd):
            person_id = write_raw(s, r)
            ahead = dates[n] if n < len(dates) else -1
            if ahead >= 0:  # a yearly date (net date) as well, near or not
                on = day(ahead)
                yearly.add(s, person_id=person_id, label="wedding", day=f"{on.month:02d}-{on.day:02d}")
    return db


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    crowds(max_size=10),
    st.sampled_from(CHOICES),
    st.integers(1, 3),
    st.lists(st.integers(-1, 30), max_size=10),
)
def test_the_list_ranked_in_sql_is_the_list_of_the_whole_ranking(
    migrated: bytes, crowd: list[Raw], chosen: Settings, first: int, dates: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = _store(folder, migrated, chosen, crowd, dates)
        try:
            with db.read() as s:
                for ahead in DAYS:
                    on = TODAY + timedelta(days=ahead)
                    whole, _ = make_plan(s, today=on)
                    short, _ = make_list(s, today=on)
                    is_start_of(short, whole)
                    # pages of one to three people: reading on until the bound says stop
                    monday = week_start(on)
                    spent = whole.spent
                    back = state.reconnected_between(s, monday, on)
                    pages = ranking.by_bound(s, chosen, today=on, first=first)
                    made = shortlist([], pages, settings=chosen, today=on, spent=spent, reconnected=back)
                    is_start_of(made, whole)
                    # the morning view words the same birthdays as with the whole ranking
                    ahead_ = chosen.heads_up
                    found = upcoming(state.yearly_dates(s, today=on, days=ahead_), today=on, days=ahead_)
                    morning = gather(s, today=on)
                    assert morning.plan.suggestions == whole.suggestions
                    assert morning.birthdays == heads_up(found, whole, window=chosen.event_window)
        finally:
            db.close()


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowds(max_size=10), st.sampled_from(CHOICES), st.lists(st.integers(-1, 30), max_size=10))
def test_the_reviews_next_week_ranked_in_sql_is_the_whole_rankings(
    migrated: bytes, crowd: list[Raw], chosen: Settings, dates: list[int]
) -> None:
    """`net review`'s few for next Monday: the shortlist's, or everyone's for a week before the last
    interaction."""
    with tempfile.TemporaryDirectory() as folder:
        db = _store(folder, migrated, chosen, crowd, dates)
        try:
            with db.read() as s:
                latest = state.latest_touch(s)
                for ahead in (-9, *DAYS):
                    on = TODAY + timedelta(days=ahead)
                    rows = week.gather(s, week=on, today=on)
                    monday = week_start(on) + timedelta(days=7)
                    assert (rows.next_plan is None) == (latest is not None and latest > monday)
                    everyone = tuple(candidates.eligible_candidates(s, chosen, today=monday))
                    whole = rows._replace(next_plan=None, candidates=everyone)
                    made = review.build(rows, week=on, today=on)
                    assert made == review.build(whole, week=on, today=on)
        finally:
            db.close()


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowds(max_size=8), st.sampled_from(CHOICES), st.lists(st.integers(-1, 30), max_size=8))
def test_each_bound_gives_at_least_the_points_of_its_term(
    migrated: bytes, crowd: list[Raw], chosen: Settings, dates: list[int]
) -> None:
    assert set(ranking.BOUND) == set(TERM_NAMES)
    with tempfile.TemporaryDirectory() as folder:
        db = _store(folder, migrated, chosen, crowd, dates)
        try:
            with db.read() as s:
                for ahead in DAYS:
                    on = TODAY + timedelta(days=ahead)
                    where, params = candidates.prefilter(on, chosen, later=False)
                    parts = [ranking.BOUND[name](on.toordinal(), chosen) for name in TERM_NAMES]
                    total, more = ranking.bound(on, chosen)
                    columns = ", ".join([*(f"({sql})" for sql, _ in parts), total])
                    args = [a for _, found in parts for a in found]
                    rows_from = f"{candidates.CANDIDATES_FROM} WHERE p.archived_at IS NULL{where}"
                    sql = f"SELECT p.id, {columns} {rows_from}"
                    rows = {r[0]: r[1:] for r in s.all(sql, (*args, *more, *params))}
                    for c in candidates.eligible_candidates(s, chosen, today=on):
                        a = assess(c, settings=chosen, today=on)
                        if not a.eligible:
                            continue
                        *bounds, bound = rows[c.id]
                        for term, most in zip(a.terms, bounds, strict=True):
                            assert term.points <= most + 1e-12, (on, term, most)
                        assert a.score < bound, (on, a.score, bound)
        finally:
            db.close()


def _ties(people: list[Raw], twins: list[int]) -> list[Raw]:
    """People and copies of some of them: the same history under names equal but for case."""
    found = list(people)
    for n, i in enumerate(twins):
        if people:
            r = people[i % len(people)]
            found.append(replace(r, id=len(people) + n + 1, name=(r.name.upper(), r.name.lower())[n % 2]))
    return found


Bounded = list[tuple[float, Candidate]]


def _pages(bounded: Bounded, sizes: Sequence[int]) -> list[Bounded]:
    """``bounded`` cut into pages of these sizes, as ``ranking.by_bound`` hands them over."""
    pages: list[Bounded] = []
    at = 0
    for size in sizes:
        pages.append(bounded[at : at + size])
        at += size
        if len(pages[-1]) < size:
            return pages
    pages.append(bounded[at:])
    return pages


@hsettings(max_examples=150, deadline=None)
@given(
    crowds(max_size=9),
    st.lists(st.integers(0, 8), max_size=6),
    st.sampled_from(CHOICES),
    st.integers(0, 12),
    st.lists(st.sampled_from([0.0, 0.0, 1e-9, 0.5, 3.0, 20.0]), min_size=20, max_size=20),
    st.lists(st.integers(1, 4), max_size=8),
    st.lists(st.booleans(), min_size=20, max_size=20),
    st.randoms(use_true_random=False),
)
def test_shortlist_lists_what_plan_lists_from_any_bounds_that_hold(
    people: list[Raw],
    twins: list[int],
    chosen: Settings,
    spent: int,
    slack: list[float],
    sizes: list[int],
    read: list[bool],
    shuffle: random.Random,
) -> None:
    everyone = [build(r, chosen) for r in _ties(people, twins)]
    whole = plan(everyone, settings=chosen, today=TODAY, spent=spent)
    first = [c for c in everyone if read[c.id % 20]]  # read whole, as `net today` reads birthdays
    rest = [c for c in everyone if not read[c.id % 20]]
    back = any(c.summary.reconnected is not None and week_start(TODAY) <= c.summary.reconnected <= TODAY
               for c in rest)  # fmt: skip
    bounded = []
    for c in [*rest, *first[:2]]:  # a page may name someone read whole
        a: Assessment = assess(c, settings=chosen, today=TODAY)
        bounded.append((a.score + slack[c.id % 20] if a.eligible else shuffle.uniform(0, 30), c))
    shuffle.shuffle(bounded)
    bounded.sort(key=lambda pair: -pair[0])  # ties of the bound in any order
    pages = _pages(bounded, sizes)
    is_start_of(shortlist(first, pages, settings=chosen, today=TODAY, spent=spent, reconnected=back), whole)


# -- through the command line, on both backends -----------------------------------------------


def _ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


@pytest.mark.both
def test_net_due_and_today_list_the_start_of_net_due_all(net: Net) -> None:
    """Ties of score and ratio (twins, names equal but for case), quiet ties, a promise, a birthday."""
    for n, name in enumerate(("ana", "Ana", "ANA", "Bo", "bo"), 1):
        assert net("add", name, "--circle", "close", "--met", _ago(400), "--yes").code == 0
        assert net("log", f"#{n}", "coffee", "--on", _ago(70)).code == 0
    for name, circle in (("Cy", "core"), ("Dee", "friends"), ("Eve", "network")):
        assert net("add", name, "--circle", circle, "--met", _ago(2000), "--closeness", "4").code == 0
    assert net("promise", "dee", "an intro to Sam").code == 0
    tomorrow = TODAY + timedelta(days=1)
    assert net("add", "Fay", "--birthday", f"{tomorrow.month:02d}-{tomorrow.day:02d}").code == 0
    everyone = json.loads(net("due", "--all", "--json").out)["suggestions"]
    assert len(everyone) == 8  # the five twins, Dee's promise, one quiet tie of two, Fay's birthday
    keys = ("id", "name", "score", "ratio", "reason")
    for args in (("due", "--json"), ("today", "--json")):
        listed = json.loads(net(*args).out)["suggestions"]
        assert [[s[k] for k in keys] for s in listed] == [[s[k] for k in keys] for s in everyone[:3]]


def test_a_day_before_the_last_interaction_ranks_everyone_as_before(migrated: bytes) -> None:
    """`--as-of` in the past: stored summaries say nothing of that day; the whole ranking is made."""
    ana = Raw(id=0, name="Ana", circle="close", closeness=None, kin=False, override=None, met=day(-400),
              birthday=None, novel=False, snoozed_until=None, archived=False, promise=None, need=None,
              touches=(Touch(day(-45), "meet"), Touch(day(0), "meet")))  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        db = _store(folder, migrated, DEFAULT, [ana], [])
        try:
            with db.read() as s:
                on = TODAY - timedelta(days=5)
                short, _ = make_list(s, today=on)
                assert short.whole
                assert short == make_plan(s, today=on)[0]
                assert [x.assessment.name for x in short.suggestions] == ["Ana"]
        finally:
            db.close()


def test_coefficients_too_large_to_add_up_in_sql_rank_everyone(migrated: bytes) -> None:
    huge = DEFAULT._replace(coef_strength=1e300)
    assert not ranking.usable(huge)
    assert ranking.usable(DEFAULT)
    with tempfile.TemporaryDirectory() as folder:
        db = _store(folder, migrated, huge, [], [])
        try:
            with db.read() as s:
                assert make_list(s, today=TODAY)[0].whole
        finally:
            db.close()


@pytest.mark.parametrize(("column", "value"), [("dormant_from", 1), ("rest_until", None)])
def test_doctor_finds_ranking_columns_that_drifted_and_rebuilds_them(  # a bound too low could hide someone
    net: Net, store: Path, column: str, value: int | None
) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", _ago(3)).code == 0
    with closing(sqlite3.connect(store)) as conn, conn:
        conn.execute(f"UPDATE person_state SET {column} = ?", (value,))
    result = net("doctor")
    assert result.code == 1
    assert "The scheduling summaries of 1 person don't match their interactions (Ana Ruiz)." in result.out
    assert net("doctor", "--fix").code == 0
    assert net("doctor").code == 0
