"""The scheduler's records: a person as the ranking needs them, their assessment, the plan.

Immutable ``NamedTuple``s (a third of the cost of frozen dataclasses to build, tens of
thousands at a time), made by ``store/candidates.py`` and ``core/schedule.py``. No
``from __future__ import annotations``: ``typing.NamedTuple`` would compile every
annotation given as a string.
"""

from datetime import date
from typing import NamedTuple

from quietnet.core.rhythm import Summary
from quietnet.core.terms import Term


class Candidate(NamedTuple):
    """One person as the ranking needs it."""

    id: int
    name: str
    circle: str
    closeness: int | None
    kin: bool
    cadence_override: int | None
    met: date
    birthday: tuple[int, int] | None  # (month, day)
    novel: bool
    snoozed_until: date | None
    archived: bool
    promise: str | None  # oldest open promise to help them
    need: str | None  # oldest open need they have
    summary: Summary
    rhythm: tuple[float | None, str] | None = None  # cadence_of(summary, ...) as stored; None: work it out
    met_known: bool = True  # False: ``met`` is the start of section 3 (first interaction or day added)
    dates: tuple[tuple[str, int, int], ...] = ()  # other yearly dates (label, month, day): net date


class Assessment(NamedTuple):
    """Everything ``net why`` shows for one person."""

    id: int
    name: str
    circle: str
    gap: float  # days since the effective last contact
    cadence: float | None
    cadence_source: str  # "circle" | "learned" | "override" | "none"
    ratio: float
    terms: tuple[Term, ...]
    score: float
    eligible: bool
    dormant: bool
    drifting: bool
    reason: str  # one of REASONS
    event: tuple[str, int] | None  # ("birthday" or a yearly date's label, days ahead)
    closeness: int = 0  # the closeness used (the circle default when the person has none)
    loop: tuple[str, str] | None = None  # ("promise" | "need", text)
    last_full_days: int | None = None  # days since the latest full check-in
    last_full_kind: str | None = None
    met_days: int = 0  # days since the met date (the start of section 3)
    met_known: bool = True
    last_real_days: int | None = None  # days since the latest real contact (section 5)
    last_real_kind: str | None = None
    last_real_on: date | None = None
    last_touch_kind: str | None = None  # the latest interaction of any kind
    resting_until: date | None = None  # resting (section 6): the first day they are not
    real_tie: bool = False
    archived: bool = False
    snoozed_until: date | None = None  # when a snooze hides them today
    listed_from: date | None = None  # the first day time alone makes them eligible; None: never

    @property
    def quiet_tie(self) -> bool:
        """Section 7.2: dormant with no open loop and no near event (these take the one slot)."""
        return self.dormant and self.event is None and self.loop is None

    @property
    def resting(self) -> bool:
        return self.resting_until is not None


class Suggestion(NamedTuple):
    assessment: Assessment
    action: str  # a kind name: meet, call, message or help
    rank: int  # 1-based position in the filtered ranking


class DuePlan(NamedTuple):
    """The answer of ``plan``: who to suggest today, and the whole ranking."""

    today: date
    weekly: int
    spent: int
    remaining: int
    suggestions: tuple[Suggestion, ...]
    ranked: tuple[Assessment, ...]  # every eligible person after the dormant rule, in order (but see whole)
    rest: bool  # no energy left this week: the kind "rest" line
    # False: ``ranked`` holds only the start of that order, enough for the list, and the others read
    # whole that are surely in it (a date near); ``shortlist.py`` reads no further (net due, net today)
    whole: bool = True
