"""`net circles`: how many people each circle holds, and whose learned rhythm may fit another circle.

Pure: candidates and settings in, counts and hints out.
"""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from quietnet.core.records import CIRCLES
from quietnet.core.schedule import Candidate, assess
from quietnet.core.settings import Settings


class Hint(NamedTuple):
    """Someone whose learned rhythm sits at the edge of their circle's range."""

    id: int
    name: str
    circle: str
    suggested: str  # the neighbouring circle that may suit
    cadence: float  # the learned cadence, in days
    pace: str  # quicker | slower


def counts(people: Sequence[Candidate]) -> dict[str, int]:
    return {c: sum(p.circle == c for p in people) for c in CIRCLES}


def hints(people: Sequence[Candidate], settings: Settings, *, today: date) -> list[Hint]:
    """People whose learned cadence is clamped at their circle's quicker or slower bound."""
    found = []
    for p in people:
        a = assess(p, settings=settings, today=today)
        prior = settings.prior(p.circle, p.kin)
        if a.cadence_source != "learned" or a.cadence is None or prior is None:
            continue
        index = CIRCLES.index(p.circle)
        if abs(a.cadence - prior * settings.clamp_low) < 1e-6 and index > 0:
            found.append(Hint(p.id, p.name, p.circle, CIRCLES[index - 1], a.cadence, "quicker"))
        elif abs(a.cadence - prior * settings.clamp_high) < 1e-6 and index < len(CIRCLES) - 1:
            found.append(Hint(p.id, p.name, p.circle, CIRCLES[index + 1], a.cadence, "slower"))
    return found
