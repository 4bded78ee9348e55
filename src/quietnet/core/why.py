"""Why someone is or is not on today's list: the codes of ``scheduling.md`` section 8.

Pure, like ``schedule``: an assessment and the day's plan in, one code out.
"""

from quietnet.core.kinds import BY_NAME
from quietnet.core.schedule import Assessment, DuePlan
from quietnet.core.settings import Settings

NOT_LISTED: tuple[str, ...] = (
    "archived", "snoozed", "resting", "no_rhythm", "not_yet", "thin_tie", "quiet_tie_taken",
    "daily_max", "energy",
)  # fmt: skip


def not_listed(a: Assessment, p: DuePlan, settings: Settings) -> str | None:
    """Section 8: why ``a`` is not on the plan's list (one of NOT_LISTED), or None when listed.

    ``a`` comes from ``assess`` on the plan's day; ``p`` is the day's budgeted plan.
    """
    if any(s.assessment.id == a.id for s in p.suggestions):
        return None
    if a.archived:
        return "archived"
    if a.snoozed_until is not None:
        return "snoozed"
    if not a.eligible:
        if a.resting:
            return "resting"
        if a.cadence is None:
            return "no_rhythm"
        if a.dormant and not a.real_tie:
            return "thin_tie"
        return "not_yet"
    position = next((i for i, r in enumerate(p.ranked) if r.id == a.id), None)
    if position is None:
        return "quiet_tie_taken"
    unit = BY_NAME["message"].energy
    by_energy = p.remaining // unit if unit else p.remaining
    return "energy" if by_energy < settings.daily_max else "daily_max"
