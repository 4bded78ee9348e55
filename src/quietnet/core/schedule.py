"""Who might enjoy hearing from you: the pure scheduler of ``scheduling.md``.

Immutable records in and out (``NamedTuple``s: a third of the cost of frozen
dataclasses to build, tens of thousands at a time), ``today`` passed in; no
database, no clock. Ranking works from a per-person ``Summary`` (``rhythm.py``:
what the interactions boil down to), which the store keeps up to date on every
write, so 50,000 people rank fast.
"""

import math
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache

from quietnet.core.kinds import BY_NAME, lookup
from quietnet.core.plans import Assessment as Assessment
from quietnet.core.plans import Candidate as Candidate
from quietnet.core.plans import DuePlan as DuePlan
from quietnet.core.plans import Suggestion as Suggestion
from quietnet.core.rhythm import Summary as Summary
from quietnet.core.rhythm import Touch as Touch
from quietnet.core.rhythm import cadence_of, rest_days
from quietnet.core.rhythm import learned_cadence as learned_cadence
from quietnet.core.rhythm import summarise as summarise
from quietnet.core.settings import CIRCLES, Settings
from quietnet.core.terms import FIRST_REASON, NEW, TERMS, Facts, Table
from quietnet.core.terms import TERM_NAMES as TERM_NAMES
from quietnet.core.terms import Term as Term

# The reason codes (section 8): the terms' reasons, and "drifting" for time apart past the drifting gap.
REASONS: tuple[str, ...] = (
    "time_apart", "drifting", *dict.fromkeys(t.reason for t in TERMS if t.reason not in (None, "time_apart"))
)  # fmt: skip


def week_start(d: date) -> date:
    """The Monday of d's week."""
    return d - timedelta(days=d.weekday())


def energy_spent(kinds_this_week: Iterable[str]) -> int:
    """Sum of the energy costs of the kinds given (interactions dated Monday..today)."""
    total = 0
    for name in kinds_this_week:
        kind = BY_NAME.get(name) or lookup(name)
        if kind is None:
            raise ValueError(f"unknown interaction kind {name!r}")
        total += kind.energy
    return total


# -- assessing one person ----------------------------------------------------------------


class _Context:
    """Per-settings lookups and the term table with its coefficients, built once per ranking."""

    def __init__(self, s: Settings) -> None:
        self.s = s
        self.circles: dict[str, tuple[int | None, int | None, int]] = {
            c: (s.cadence(c), s.drifting_after(c), s.default_closeness(c)) for c in CIRCLES
        }
        self.table = Table(s)


@lru_cache(maxsize=16)
def _context(s: Settings) -> _Context:
    return _Context(s)


@lru_cache(maxsize=64)
def days_ahead(today: date, window: int) -> dict[tuple[int, int], int]:
    """(month, day) -> days until its next occurrence, for dates within the window.

    Feb 29 counts as Feb 28 in other years.
    """
    ahead: dict[tuple[int, int], int] = {}
    for n in range(window + 1):
        d = today + timedelta(days=n)
        ahead.setdefault((d.month, d.day), n)
        if (d.month, d.day) == (2, 28) and (d + timedelta(days=1)).month == 3:  # a common year
            ahead.setdefault((2, 29), n)
    return ahead


def event_ahead(c: Candidate, settings: Settings, today: date) -> tuple[str, int] | None:
    """(label, days ahead) of the nearest birthday or yearly date 0..window days ahead, not yet marked.

    Every yearly date (`net date`) counts exactly as a birthday does; the birthday wins a tie.
    """
    window = days_ahead(today, settings.event_window)
    nearest: tuple[str, int] | None = None
    for label, month_day in (("birthday", c.birthday), *((d[0], (d[1], d[2])) for d in c.dates)):
        n = None if month_day is None else window.get(month_day)
        if n is not None and (nearest is None or n < nearest[1]):
            nearest = (label, n)
    if nearest is None:
        return None
    label, ahead = nearest
    last = c.summary.last_touch
    mark_from = today.toordinal() + ahead - settings.event_logged_before
    if last is not None and last.toordinal() >= mark_from:
        return None
    return (label, ahead)


def assess(c: Candidate, *, settings: Settings, today: date) -> Assessment:
    """Score one person (sections 4-6, 8); the whole table ``net why`` prints."""
    a = _evaluate(c, _context(settings), today, quick=False)
    assert a is not None
    return a


def _evaluate(
    c: Candidate, ctx: _Context, today: date, *, quick: bool, light: bool = False
) -> Assessment | None:
    """Assess c; with ``quick``, return None as early as possible when c is not eligible.

    With ``light`` (and ``quick``), an eligible c gives only ``(score, ratio, quiet tie)``: see ``standing``.
    """
    s = ctx.s
    snoozed = c.snoozed_until is not None and today < c.snoozed_until
    if quick and (c.archived or snoozed):
        return None
    summary = c.summary
    today_ord = today.toordinal()
    gap = today_ord - summary.eff
    if gap < 0.0:
        gap = 0.0
    last_full = summary.last_full
    last_real = summary.last_real
    base = last_real if last_real is not None else c.met
    dormant = today_ord - base.toordinal() >= s.dormant_days
    event = None if c.birthday is None and not c.dates else event_ahead(c, s, today)
    near = event is not None or c.promise is not None or c.need is not None
    circle_cadence, drift_after, default_closeness = ctx.circles[c.circle]

    no_override = c.cadence_override is None or c.cadence_override <= 0
    # A shortcut for the ranking: when not dormant and nothing is near, only time apart can admit
    # (tests/test_terms.py checks the ranking against the rule).
    if quick and not near and not dormant and circle_cadence is not None and no_override:
        prior = circle_cadence * s.kin_factor if c.kin else float(circle_cadence)
        if gap < s.clamp_low * prior:
            return None  # below even the shortest rhythm it could learn: not due
    rhythm = c.rhythm or cadence_of(
        summary, circle=c.circle, kin=c.kin, override=c.cadence_override, settings=s
    )
    cadence, source = rhythm
    ratio = gap / cadence if cadence else 0.0
    closeness = c.closeness if c.closeness is not None else default_closeness
    real_tie = summary.full_days >= s.tie_days or closeness >= s.tie_closeness
    loop: tuple[str, str] | None = None
    if c.promise is not None:
        loop = ("promise", c.promise)
    elif c.need is not None:
        loop = ("need", c.need)

    rest_end = None if last_real is None else last_real.toordinal() + rest_days(cadence, s)
    resting = rest_end is not None and today_ord < rest_end
    ahead, open_loop = None if event is None else event[1], None if loop is None else loop[0]
    facts = NEW(Facts, (ratio, dormant, real_tie, resting, closeness, ahead, open_loop, c.novel))
    # THE ELIGIBILITY RULE (section 6): not archived, not snoozed, and a term of ``terms.TERMS``
    # admits them. ``store/candidates.py`` PREFILTER, the SQL that picks the rows ``net due`` reads,
    # must hold everyone this admits: each entry names its clause (tests/test_terms.py checks).
    eligible = not (c.archived or snoozed) and ctx.table.admits(facts)
    if quick and not eligible:
        return None
    if light:  # a Standing, not an Assessment: ``standings`` alone asks for it
        quiet = dormant and event is None and loop is None  # Assessment.quiet_tie
        return (ctx.table.score(facts), ratio, quiet)  # type: ignore[return-value]

    terms, score, reason = ctx.table.add_up(facts)
    drifting = not dormant and ratio >= 1 and drift_after is not None and gap >= drift_after
    if reason == FIRST_REASON and drifting:
        reason = "drifting"

    # Every field of Assessment, in its order (NEW: a tenth of the cost of naming 29 keywords;
    # tests/test_schedule_rules.py checks the fields against the keywords they stand for)
    return NEW(Assessment, (  # type: ignore[no-any-return]
        c.id, c.name, c.circle, gap, cadence, source, ratio, terms, score, eligible, dormant, drifting,
        reason, event, closeness, loop,
        None if last_full is None else today_ord - last_full.toordinal(),  # last_full_days
        summary.last_full_kind, today_ord - c.met.toordinal(), c.met_known,  # ..., met_days, met_known
        None if last_real is None else today_ord - last_real.toordinal(),  # last_real_days
        summary.last_real_kind, last_real, summary.last_touch_kind,
        date.fromordinal(math.ceil(rest_end)) if resting and rest_end else None,  # resting_until
        real_tie, c.archived, c.snoozed_until if snoozed else None,
        None if quick else _listed_from(summary.eff, cadence, base, rest_end, real_tie, s),  # listed_from
    ))  # fmt: skip


def _listed_from(
    eff: float, cadence: float | None, base: date, rest_end: float | None, real_tie: bool, s: Settings
) -> date | None:
    """The first day time alone makes a person eligible (no event, no loop), or None: never."""
    due = None if cadence is None else eff + cadence
    dormant = base.toordinal() + s.dormant_days
    if real_tie:
        start: float = dormant if due is None else min(due, dormant)
    elif due is None or due >= dormant:
        return None
    else:
        start = due
    if rest_end is not None:
        start = max(start, rest_end)
    if not real_tie and start >= dormant:
        return None
    return date.fromordinal(math.ceil(start - 1e-6))


def preferred_action(a: Assessment) -> str:
    """Section 7.4: the action a person's reason and circle call for, before the budget."""
    if a.reason in ("event", "dormant"):
        return "message"
    if a.reason == "loop":
        return "help"
    drifting = a.reason == "drifting"
    if a.circle in ("core", "close"):
        return "meet" if drifting else "call"
    if a.circle == "friends":
        return "call" if drifting else "message"
    return "message"


# -- the plan ----------------------------------------------------------------------


def rank_key(a: Assessment) -> tuple[float, float, str, int]:
    """Section 7.1: score (high first), then ratio (high first), then name case-insensitively, then id."""
    return (-a.score, -a.ratio, a.name.casefold(), a.id)


def eligible_today(c: Candidate, settings: Settings, today: date) -> Assessment | None:
    """The assessment of c when c is eligible on ``today``, else None (found as early as possible)."""
    return _evaluate(c, _context(settings), today, quick=True)


Standing = tuple[float, float, bool]  # (score, ratio, quiet tie) of someone eligible


def standings(
    candidates: Iterable[Candidate], settings: Settings, today: date
) -> Iterator[tuple[Candidate, Standing | None]]:
    """Each candidate, and when eligible on ``today`` their score, ratio and whether a quiet tie, else None.

    The score and ratio of ``eligible_today``'s assessment, without building it (`net why` ranks
    everyone with these; tests/test_why_rank.py compares them).
    """
    ctx = _context(settings)
    for c in candidates:
        yield c, _evaluate(c, ctx, today, quick=True, light=True)  # type: ignore[misc]


def keep_one_quiet_tie(eligible: Iterable[Assessment], reconnected: bool) -> list[Assessment]:
    """Section 7.2 over the eligible in rank order; whether one is kept depends only on those before it."""
    ranked: list[Assessment] = []
    dormant_taken = reconnected  # a reconnection this week means no dormant tie today
    for a in eligible:
        if a.quiet_tie:  # loops and near events are kept and use no slot
            if dormant_taken:
                continue
            dormant_taken = True
        ranked.append(a)
    return ranked


def list_size(settings: Settings, spent: int) -> int:
    """Section 7.3: at most how many people the list shows, whoever is ranked."""
    remaining, unit = max(0, settings.weekly_energy - spent), BY_NAME["message"].energy
    return min(settings.daily_max, remaining // unit if unit else remaining)


def fit_budget(ranked: list[Assessment], settings: Settings, spent: int) -> tuple[Suggestion, ...]:
    """Sections 7.3-7.4: the first of ``ranked`` the budget allows, each with its action."""
    unit = BY_NAME["message"].energy  # every suggestion is budgeted at one message
    count = min(list_size(settings, spent), len(ranked))
    spare = max(0, settings.weekly_energy - spent) - count * unit  # what dearer actions may use on top
    suggestions: list[Suggestion] = []
    for i, a in enumerate(ranked[:count]):
        action = preferred_action(a)
        extra = BY_NAME[action].energy - unit
        if extra > spare:
            action = "message"
        elif extra > 0:
            spare -= extra
        suggestions.append(Suggestion(a, action, i + 1))
    return tuple(suggestions)


def plan(
    candidates: Iterable[Candidate],
    *,
    settings: Settings,
    today: date,
    spent: int,
    show_all: bool = False,
    reconnected: bool = False,
) -> DuePlan:
    """Section 7: rank the eligible, keep at most one dormant tie, fit the energy budget.

    ``spent`` is the energy of interactions dated this Monday..today (``energy_spent``).
    With ``show_all`` every ranked person is suggested with their preferred action.
    ``candidates`` may leave out people who cannot be eligible today; ``reconnected``
    says whether one of those reconnected this week (section 7.2). ``shortlist.py``
    makes the same list from the few people it shows.
    """
    monday = week_start(today)
    eligible: list[Assessment] = []
    ctx = _context(settings)
    for c in candidates:
        back = c.summary.reconnected
        if back is not None and monday <= back <= today:
            reconnected = True
        a = _evaluate(c, ctx, today, quick=True)
        if a is not None:
            eligible.append(a)
    eligible.sort(key=rank_key)
    ranked = keep_one_quiet_tie(eligible, reconnected)
    remaining = max(0, settings.weekly_energy - spent)
    if show_all:
        suggestions = tuple(Suggestion(a, preferred_action(a), i + 1) for i, a in enumerate(ranked))
    else:
        suggestions = fit_budget(ranked, settings, spent)
    return DuePlan(today=today, weekly=settings.weekly_energy, spent=spent, remaining=remaining,
                   suggestions=suggestions, ranked=tuple(ranked), rest=remaining <= 0)  # fmt: skip


def read_on(a: Assessment, planned: date, day: date) -> Assessment:
    """An assessment made for ``planned`` with its day counts as read on ``day``.

    Every date word is relative to the day it is read: a birthday next Monday
    is "in 4 days" on a Thursday, never "today" (section 8).
    """
    shift = (planned - day).days
    if shift == 0:
        return a

    def less(n: int | None) -> int | None:
        return None if n is None else max(0, n - shift)

    event = None if a.event is None else (a.event[0], a.event[1] + shift)
    return a._replace(
        event=event, met_days=max(0, a.met_days - shift), last_full_days=less(a.last_full_days),
        last_real_days=less(a.last_real_days),
    )  # fmt: skip
