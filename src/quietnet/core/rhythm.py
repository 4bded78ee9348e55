"""A person's rhythm: what their interactions boil down to, and when time alone makes them due.

Pure, like ``schedule``: touches and settings in, a ``Summary`` out. The store
keeps each person's summary, and the window in which the passing of time alone
makes them eligible, up to date on every write (``store/state.py``), so
``net due`` reads only the few people whose window contains today.
"""

import math
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from quietnet.core.kinds import BY_NAME
from quietnet.core.settings import Settings


class Touch(NamedTuple):
    """One interaction as the scheduler sees it (``kind`` is a name in ``kinds.KINDS``)."""

    on: date
    kind: str


class Summary(NamedTuple):
    """What a person's interactions boil down to; recomputed on every write for them."""

    eff: float  # effective last contact: proleptic ordinal with a fraction (section 3)
    last_touch: date | None  # latest interaction (any kind) up to today
    last_touch_kind: str | None
    last_full: date | None  # latest full-credit interaction
    full_days: int  # distinct days with a full-credit interaction
    episodes: tuple[date, ...]  # the last max_gaps + 1 episode starts, oldest first
    reconnected: date | None  # latest interaction >= dormant_days after the previous full one
    last_full_kind: str | None = None  # kind of the latest full-credit interaction
    last_real: date | None = None  # latest real contact (weight >= REAL_WEIGHT, either direction)
    last_real_kind: str | None = None


REAL_WEIGHT = 0.5  # a message or heavier is a real contact (sections 5 and 6)


def clock_start(met: date | None, added: date, first: date | None) -> date:
    """Section 3: the met date; else the earliest of the first interaction and the day added."""
    if met is not None:
        return met
    return added if first is None or added <= first else first


def rest_days(cadence: float | None, settings: Settings) -> float:
    """Section 6: how long after a real contact a person rests: max(2, half the cadence)."""
    return max(float(settings.rest_min_days), settings.rest_share * (cadence or 0.0))


# -- summaries -------------------------------------------------------------------


def summarise(
    touches: Iterable[Touch],
    *,
    met: date,
    circle: str,
    kin: bool,
    has_override: bool,
    settings: Settings,
    today: date,
) -> Summary:
    """Boil a person's interactions down to what ranking needs (sections 3, 4, 5, 7.2).

    ``met`` is the start of the clock (``clock_start``). Touches after today are
    skipped; input order never matters.
    """
    full_weight = settings.full_weight(circle)
    rows = sorted((t.on, BY_NAME[t.kind].weight, t.kind) for t in touches if t.on <= today)
    met_ord = met.toordinal()
    eff = float(met_ord)
    full_ords: list[int] = []
    last_full_kind: str | None = None
    reconnected: date | None = None
    group = None  # the date being walked
    last_real: int | None = None
    last_real_kind: str | None = None
    real_before: int | None = None  # latest real contact strictly before that date
    for on, weight, kind in rows:
        t = on.toordinal()
        if t != group:
            group = t
            real_before = last_real
        credit = min(1.0, weight / full_weight)
        if t >= eff:
            eff += credit * (t - eff)
        base = met_ord if real_before is None else real_before
        if t - base >= settings.dormant_days:
            reconnected = on
        if weight >= REAL_WEIGHT:
            last_real, last_real_kind = t, kind
        if credit >= 1.0:
            if not full_ords or full_ords[-1] != t:
                full_ords.append(t)
            last_full_kind = kind
    prior = settings.prior(circle, kin)
    starts: list[int] = []
    if not has_override and prior is not None:
        for t in full_ords:  # section 4: a check-in within a quarter rhythm joins the episode
            if not starts or t - starts[-1] >= settings.episode_fraction * prior:
                starts.append(t)
    episodes = tuple(date.fromordinal(t) for t in starts[-(settings.max_gaps + 1) :])
    last = rows[-1] if rows else (None, 0.0, None)
    last_full = date.fromordinal(full_ords[-1]) if full_ords else None
    return Summary(eff, last[0], last[2], last_full, len(full_ords), episodes, reconnected,
                   last_full_kind, None if last_real is None else date.fromordinal(last_real),
                   last_real_kind)  # fmt: skip


def learned_cadence(episodes: tuple[date, ...], prior: float, settings: Settings) -> float | None:
    """Section 4: the blended rhythm, or None when there are fewer than 2 gaps."""
    starts = [d.toordinal() for d in episodes[-(settings.max_gaps + 1) :]]
    n = len(starts) - 1
    if n < 2:
        return None
    gaps = sorted([starts[i + 1] - starts[i] for i in range(n)])
    mid = n // 2
    median = gaps[mid] if n % 2 else (gaps[mid - 1] + gaps[mid]) / 2
    w = settings.prior_weight
    cadence = math.exp((w * math.log(prior) + n * math.log(max(median, 1))) / (w + n))
    return min(max(cadence, settings.clamp_low * prior), settings.clamp_high * prior)


def cadence_of(
    summary: Summary, *, circle: str, kin: bool, override: int | None, settings: Settings
) -> tuple[float | None, str]:
    """Section 4: the rhythm a person is held to, and where it comes from.

    A positive override wins; a circle without a cadence has none; otherwise the
    circle's prior, blended with the learned rhythm once there are enough gaps.
    """
    if override is not None and override > 0:
        return float(override), "override"
    prior = settings.prior(circle, kin)
    if prior is None:
        return None, "none"
    eps = summary.episodes
    learned = learned_cadence(eps, prior, settings) if len(eps) > 2 else None
    return (prior, "circle") if learned is None else (learned, "learned")


class Window(NamedTuple):
    """The days (proleptic ordinals) on which time alone makes a person eligible.

    From ``start`` (the rhythm's gap is reached, or a real tie turns dormant) up
    to, not including, ``end`` (a tie that is not a real one stops being
    suggested once it is dormant). ``start`` None: time alone never does.
    Birthdays, open promises and needs make anyone eligible; they are looked up
    separately.
    """

    start: float | None
    end: int | None
    cadence: float | None  # the rhythm it was worked out from (``cadence_of``)
    source: str


def time_window(
    summary: Summary,
    *,
    met: date,
    circle: str,
    kin: bool,
    closeness: int | None,
    override: int | None,
    settings: Settings,
) -> Window:
    """When the ratio of ``schedule.assess`` reaches 1, or dormancy makes a real tie eligible.

    Neither happens while a person rests after a real contact (section 6).
    """
    cadence, source = cadence_of(summary, circle=circle, kin=kin, override=override, settings=settings)
    due = None if cadence is None else summary.eff + cadence
    base = summary.last_real or met
    dormant = base.toordinal() + settings.dormant_days
    rested = -math.inf
    if summary.last_real is not None:
        rested = summary.last_real.toordinal() + rest_days(cadence, settings)
    tie = closeness if closeness is not None else settings.default_closeness(circle)
    if summary.full_days >= settings.tie_days or tie >= settings.tie_closeness:
        return Window(max(dormant if due is None else min(due, dormant), rested), None, cadence, source)
    if due is None or due >= dormant:
        return Window(None, None, cadence, source)
    start = max(due, rested)
    if start >= dormant:
        return Window(None, None, cadence, source)
    return Window(start, dormant, cadence, source)
