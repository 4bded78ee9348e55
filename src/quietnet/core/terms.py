"""The score's terms as one table (``scheduling.md`` sections 5, 6 and 8).

Each entry says everything about one term: its name (the code in ``net why
--json`` and, for a reason, in ``net due --json``), the function giving its
value (0 to 1) for one person, the settings key of its coefficient, the label
``net why`` shows, the reason code its points count toward, when it makes a
person eligible on its own (section 6), and which clause of the SQL prefilter
(``store/candidates.py``, ``PREFILTER``) lets everyone it admits through, so that
``net due``, which reads only the prefiltered rows, misses no one.

``schedule._evaluate`` builds the score, the reason and the eligibility from
this table; ``net why`` (render/why.py) labels its rows from it; the docs'
terms table follows it (tests/test_terms.py checks both).

Adding a term: an entry here (a ``prefilter`` is required; ``None`` only when it
admits no one on its own), its coefficient in ``settings.py``, a row in
docs/scheduling.md, an entry in ``store/ranking.py`` ``BOUND`` (SQL giving at
least its points: `net due` ranks in SQL by their sum; tests/test_shortlist.py
checks it); when it admits someone, a clause in ``store/state.py``
``PREFILTER`` and a witness in tests/test_terms.py.
"""

from collections.abc import Callable
from math import copysign
from typing import Any, NamedTuple

from quietnet.core.settings import Settings


class Facts(NamedTuple):
    """What the terms read about one person on one day (worked out by ``schedule._evaluate``)."""

    ratio: float  # gap / cadence; 0 without a rhythm
    dormant: bool  # no real contact for ``dormant.days``
    real_tie: bool
    resting: bool  # a real contact was recent (section 6)
    closeness: int  # 1-5, the circle's default when the person has none
    event: int | None  # days ahead of a near birthday; None: none near
    loop: str | None  # "promise" | "need": the open loop that counts; None: none
    novel: bool  # tagged ``novel``


class Term(NamedTuple):
    """One row of ``net why``'s table: an entry's value for one person."""

    name: str
    value: float
    coefficient: float
    points: float  # value * coefficient


class TermSpec(NamedTuple):
    """One row of the table."""

    name: str  # the code, in JSON and in ``reason``
    value: Callable[[Facts, Settings], float]  # 0 to 1
    coefficient: str  # its settings key; points = value * coefficient
    label: str  # what ``net why`` calls it
    reason: str | None  # the reason code its points count toward (section 8); None: never the reason
    admits: Callable[[Facts], bool] | None  # makes the person eligible on its own (section 6); None: never
    prefilter: str | None  # the PREFILTER clause holding everyone ``admits`` lets in; None iff admits is None


def _time_apart(f: Facts, s: Settings) -> float:
    # 0 while resting as well as for a dormant person: otherwise a message that ends a
    # quiet tie today (real contact that moves the clock only part way) would raise the
    # score, against invariants 1 and 11 (docs/scheduling.md, "Where we differ").
    if f.dormant or f.resting or f.ratio <= 1:
        return 0.0
    if f.ratio - 1 >= s.time_apart_span:
        return 1.0
    return (f.ratio - 1) / s.time_apart_span


def _event(f: Facts, s: Settings) -> float:
    return 0.0 if f.event is None else 1 - f.event / (s.event_window + 1)


def _loop(f: Facts, s: Settings) -> float:
    if f.loop == "promise":
        return s.loop_promise
    if f.loop == "need":
        return s.loop_need
    return 0.0


def _quiet(f: Facts) -> bool:
    return f.dormant and f.real_tie


# fmt: off
TERMS: tuple[TermSpec, ...] = (
    TermSpec("time_apart", _time_apart, "coefficient.time_apart", "time apart", "time_apart",
             lambda f: not f.dormant and f.ratio >= 1 and not f.resting, "time_window"),
    TermSpec("strength", lambda f, s: (f.closeness - 1) / 4, "coefficient.strength", "closeness", None,
             None, None),
    TermSpec("event", _event, "coefficient.event", "date ahead", "event",
             lambda f: f.event is not None, "event"),
    TermSpec("loop", _loop, "coefficient.loop", "open loop", "loop",
             lambda f: f.loop is not None, "loop"),
    TermSpec("dormant", lambda f, s: 1.0 if _quiet(f) else 0.0, "coefficient.dormant", "quiet tie",
             "dormant", lambda f: _quiet(f) and not f.resting, "time_window"),
    TermSpec("novelty", lambda f, s: 1.0 if _quiet(f) and f.novel else 0.0, "coefficient.novelty",
             "new world", "dormant", None, None),
)
# fmt: on

TERM_NAMES: tuple[str, ...] = tuple(t.name for t in TERMS)
LABELS: dict[str, str] = {t.name: t.label for t in TERMS}
FIRST_REASON = "time_apart"  # the reason when no term scores; "drifting" past the drifting gap (section 8)


NEW: Any = tuple.__new__  # NEW(Facts, (...)) builds a NamedTuple at a third of the cost of calling it


class Table:
    """The table with one settings' coefficients, ready to add up many people (built once per ranking)."""

    def __init__(self, s: Settings) -> None:
        self.s = s
        self._admits = tuple(t.admits for t in TERMS if t.admits is not None)
        # The score adds the terms by reason (a term with none alone), in table order, so that
        # novelty's points join dormant's first, as section 8 counts them.
        groups = list(dict.fromkeys(t.reason or t.name for t in TERMS))
        self._groups = len(groups)
        # Each term with its group and its zero row, shared: most terms are 0 for most people.
        self._terms = tuple(
            (t.name, t.value, k, Term(t.name, 0.0, k, 0.0 * k), groups.index(t.reason or t.name))
            for t in TERMS
            for k in (s.number(t.coefficient),)
        )
        # Section 8: the largest contribution other than strength; ties go to the code first in
        # alphabetical order, so the reasons are tried in that order.
        reasons = {t.reason for t in TERMS if t.reason is not None}
        self._reasons = tuple(sorted((code, groups.index(code)) for code in reasons))

    def admits(self, f: Facts) -> bool:
        """Whether a term makes the person eligible (section 6; archive and snooze aside)."""
        for admits in self._admits:  # noqa: SIM110 (a loop: any() over a generator costs more per person)
            if admits(f):
                return True
        return False

    def add_up(self, f: Facts) -> tuple[tuple[Term, ...], float, str]:
        """The terms, the score and the reason (section 8, before "drifting")."""
        s = self.s
        terms: list[Term] = []
        points = [0.0] * self._groups
        for name, value, k, zero, group in self._terms:
            v = value(f, s)
            # the shared zero row, but -0.0 (a setting typed "-0") keeps its own, as it prints
            term = zero if v == 0.0 and copysign(1.0, v) > 0 else NEW(Term, (name, v, k, v * k))
            terms.append(term)
            points[group] += term.points
        score = 0.0
        for p in points:  # left to right (``sum`` of floats may round differently)
            score += p
        reason, best = FIRST_REASON, 0.0
        for code, i in self._reasons:
            if points[i] > best:
                reason, best = code, points[i]
        return tuple(terms), score, reason

    def score(self, f: Facts) -> float:
        """``add_up(f)``'s score alone, added up in the same order (`net why` ranks everyone with it)."""
        s = self.s
        points = [0.0] * self._groups
        for _, value, k, _, group in self._terms:
            points[group] += value(f, s) * k  # a zero row's points are 0.0 * k: the same product
        score = 0.0
        for p in points:
            score += p
        return score
