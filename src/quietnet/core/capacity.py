"""What the circles ask for in a week, against the weekly energy (``scheduling.md`` section 11).

Pure: each person's circle and rhythm, and the energy spent in past weeks, in;
three numbers out.
"""

from collections.abc import Callable, Iterable
from math import floor, isfinite
from typing import NamedTuple

from quietnet.core.kinds import BY_NAME
from quietnet.core.settings import CIRCLES, Settings

WEEKS = 8  # full weeks the median of energy spent looks back over


class Capacity(NamedTuple):
    asks_per_week: int  # what the rhythms ask for, rounded
    weekly_energy: int
    median_spent: float  # energy the user started, median over the last WEEKS full weeks

    @property
    def over(self) -> bool:
        return self.asks_per_week > self.weekly_energy


def asks_per_week(rhythms: Iterable[tuple[str, float | None]], settings: Settings) -> int:
    """The energy of each person's preferred action when due, times 7 / their cadence, summed.

    ``rhythms`` holds (circle, cadence) for everyone not archived and not snoozed;
    only circles with a rhythm count. A call for core and close, a message for the rest.
    """
    total = 0.0
    weights: dict[str, int | None] = {}  # the energy of each circle's action, times 7 (None: no rhythm)
    for circle, cadence in rhythms:
        if not cadence:
            continue
        if circle not in weights:
            weights[circle] = _weight(circle, settings)
        weight = weights[circle]
        if weight is not None:
            total += weight / cadence  # in the rows' order, as always: the same float sum
    return round(total)


def asks_per_week_summed(
    summed: tuple[float, float, int],
    settings: Settings,
    rhythms: Callable[[], Iterable[tuple[str, float | None]]],
) -> int:
    """``asks_per_week`` from the terms summed elsewhere (by the database, ``state.rhythm_sum``): their
    sum in any order, the sum of their magnitudes and how many there are.

    Any two float sums of the same n terms are at most 2 (n - 1) 2**-53 times the sum of their
    magnitudes apart, so this sum rounds as the rows summed in their order do unless it lies that
    near a half: then ``rhythms()`` gives every row in order and ``asks_per_week`` sums them as
    always. Either way the same number as ``asks_per_week``."""
    total, magnitude, terms = summed
    margin = terms * 2.0**-51 * magnitude + 2.0**-50 * abs(total) + 1e-9  # twice the bound, and more
    if isfinite(total) and abs(total - floor(total) - 0.5) > margin:  # not when the margin is not a number
        return round(total)
    return asks_per_week(rhythms(), settings)


def weights(settings: Settings) -> dict[str, int]:
    """The circles with a rhythm: the energy of each one's action when someone is due, times 7."""
    return {c: w for c in CIRCLES if (w := _weight(c, settings)) is not None}


def _weight(circle: str, settings: Settings) -> int | None:
    """The energy of the circle's action when someone is due, times 7 (None: the circle has no rhythm)."""
    action = "call" if circle in ("core", "close") else "message"
    return None if settings.cadence(circle) is None else BY_NAME[action].energy * 7


def median(values: list[int]) -> float:
    """The median (the mean of the two middle values for an even count); 0 for none."""
    ordered = sorted(values)
    n = len(ordered)
    if n == 0:
        return 0.0
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def capacity(
    rhythms: Iterable[tuple[str, float | None]], spent_by_week: list[int], settings: Settings
) -> Capacity:
    return Capacity(asks_per_week(rhythms, settings), settings.weekly_energy, median(spent_by_week))
