"""Hypothesis strategies and the fixed inputs that more than one test module draws from."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.kinds import KIND_NAMES
from quietnet.core.schedule import Candidate, DuePlan, Touch, plan, summarise
from quietnet.core.settings import CIRCLES, DEFAULT, SIVERS, Settings

TODAY = date(2025, 6, 19)


SETTINGS = (DEFAULT, SIVERS, DEFAULT._replace(daily_max=5, weekly_energy=20))


FEW = hsettings(max_examples=25, deadline=None)


SOME = hsettings(max_examples=50, deadline=None)


def day(n: int) -> date:
    """n days from TODAY (negative: in the past)."""
    return TODAY + timedelta(days=n)


@dataclass(frozen=True)
class Raw:
    """A person before summarising: what the store would hold."""

    id: int
    name: str
    circle: str
    closeness: int | None
    kin: bool
    override: int | None
    met: date
    birthday: tuple[int, int] | None
    novel: bool
    snoozed_until: date | None
    archived: bool
    promise: str | None
    need: str | None
    touches: tuple[Touch, ...]

    def plus(self, *touches: Touch) -> Raw:
        return replace(self, touches=self.touches + touches)


def build(r: Raw, s: Settings = DEFAULT, today: date = TODAY) -> Candidate:
    summary = summarise(r.touches, met=r.met, circle=r.circle, kin=r.kin,
                        has_override=r.override is not None, settings=s, today=today)  # fmt: skip
    return Candidate(
        id=r.id, name=r.name, circle=r.circle, closeness=r.closeness, kin=r.kin,
        cadence_override=r.override, met=r.met, birthday=r.birthday, novel=r.novel,
        snoozed_until=r.snoozed_until, archived=r.archived, promise=r.promise, need=r.need,
        summary=summary,
    )  # fmt: skip


kinds = st.sampled_from(KIND_NAMES)


touches = st.builds(Touch, on=st.integers(-1600, 0).map(day), kind=kinds)


near_dates = st.integers(-5, 20).map(lambda n: (day(n).month, day(n).day))


# Built once: a strategy made inside ``raws`` would be rebuilt and validated on every draw,
# which made generating people most of these tests' running time.
MET, START, COUNT, STEP, QUIET_MET = (
    st.integers(*r) for r in ((0, 2400), (0, 300), (0, 10), (3, 120), (1000, 2400))
)


MODES = st.sampled_from(["rhythm", "random", "quiet"])


QUIET = st.lists(st.builds(Touch, on=st.integers(-2400, -1000).map(day), kind=kinds), max_size=4)


RANDOM = st.lists(touches, max_size=8)


NAMES = st.sampled_from(["Ana", "ana", "Abe", "Bo", "Cy", "Dee", "Zoë"])


CIRCLE = st.sampled_from(CIRCLES)


CLOSENESS = st.none() | st.integers(1, 5)


OVERRIDE = st.none() | st.none() | st.integers(1, 400)


BIRTHDAY = st.none() | near_dates | st.tuples(st.integers(1, 12), st.integers(1, 28))


SNOOZED = st.none() | st.none() | st.integers(-10, 10).map(day)


TENTH = st.integers(0, 9)


PROMISE = st.none() | st.none() | st.none() | st.just("intro to Sam")


NEED = st.none() | st.none() | st.just("job-hunting")


@st.composite
def raws(draw: st.DrawFn, pid: int = 1) -> Raw:
    met = draw(MET)
    mode = draw(MODES)
    if mode == "rhythm":  # regular meetings, so learned cadences get exercised
        step = draw(STEP)
        start = draw(START)
        count = draw(COUNT)
        history = [Touch(day(-start - i * step), draw(kinds)) for i in range(count)]
    elif mode == "quiet":  # nothing for about three years or more: dormant ties
        met = draw(QUIET_MET)
        history = draw(QUIET)
    else:
        history = draw(RANDOM)
    return Raw(
        id=pid,
        name=draw(NAMES),
        circle=draw(CIRCLE),
        closeness=draw(CLOSENESS),
        kin=draw(st.booleans()),
        override=draw(OVERRIDE),
        met=day(-met),
        birthday=draw(BIRTHDAY),
        novel=draw(st.booleans()),
        snoozed_until=draw(SNOOZED),
        archived=draw(TENTH) == 0,
        promise=draw(PROMISE),
        need=draw(NEED),
        touches=tuple(history),
    )


@st.composite
def crowds(draw: st.DrawFn, max_size: int = 7) -> list[Raw]:
    n = draw(st.integers(0, max_size))
    return [draw(raws(pid=i + 1)) for i in range(n)]


def run(people: list[Raw], s: Settings = DEFAULT, spent: int = 0, **kw: bool) -> DuePlan:
    return plan([build(r, s) for r in people], settings=s, today=TODAY, spent=spent, **kw)
