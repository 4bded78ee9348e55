"""Why someone is or is not on today's list: the codes of ``scheduling.md`` section 8.

Pure, like ``schedule``: candidates and one person's assessment in, their ``Place`` in
the day's plan and one code out. ``place`` gives what ``schedule.plan`` would say of one
person (their rank, how many are ranked, the list, the quiet tie kept) without
building an assessment of everyone: a score, a ratio and an order are enough to count
who comes first (tests/test_why_rank.py compares it with ``plan`` on random stores).
"""

import heapq
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from quietnet.core.kinds import BY_NAME
from quietnet.core.schedule import (
    Assessment,
    Candidate,
    Suggestion,
    eligible_today,
    fit_budget,
    list_size,
    standings,
    week_start,
)
from quietnet.core.settings import Settings

NOT_LISTED: tuple[str, ...] = (
    "archived", "snoozed", "resting", "no_rhythm", "not_yet", "thin_tie", "quiet_tie_taken",
    "daily_max", "energy",
)  # fmt: skip


class Place(NamedTuple):
    """One person's place in the day's plan: what ``net why`` says of ``schedule.plan``'s answer."""

    today: date
    weekly: int
    spent: int
    remaining: int
    suggestions: tuple[Suggestion, ...]  # the plan's list
    rank: int | None  # their place in the plan's ranking (1 first); None: not ranked
    of: int  # how many the plan ranks
    quiet: str | None  # the name of the one quiet tie the ranking keeps, if any


def place(
    who: int,
    candidates: Iterable[Candidate],
    *,
    settings: Settings,
    today: date,
    spent: int,
    reconnected: bool = False,
) -> Place:
    """Where person ``who`` stands in ``plan(candidates, ...)`` (the same arguments), and its list.

    The ranking is everyone eligible in ``schedule.rank_key`` order (score, ratio, folded
    name, id), quiet ties but the first left out (section 7.2); so ``who``'s rank is one
    more than the number of those ranked whose key is smaller, and the list is the budgeted
    start of the ranking: the only people assessed whole.
    """
    monday = week_start(today)
    keys: list[tuple[float, float, str, int]] = []  # of the ranked but a quiet tie
    quiet: tuple[tuple[float, float, str, int], Candidate] | None = None  # the first quiet tie
    mine: tuple[tuple[float, float, str, int], bool] | None = None
    by_id: dict[int, Candidate] = {}
    for c, found in standings(candidates, settings, today):
        back = c.summary.reconnected
        if back is not None and monday <= back <= today:
            reconnected = True
        if found is None:
            continue
        score, ratio, is_quiet = found
        key = (-score, -ratio, c.name.casefold(), c.id)  # schedule.rank_key
        if c.id == who:
            mine = (key, is_quiet)
        if is_quiet:
            if quiet is None or key < quiet[0]:
                quiet = (key, c)
        else:
            keys.append(key)
            by_id[c.id] = c
    kept = None if reconnected or quiet is None else quiet
    if kept is not None:
        keys.append(kept[0])
        by_id[kept[1].id] = kept[1]
    rank = None
    if mine is not None and (not mine[1] or (kept is not None and kept[1].id == who)):
        rank = 1 + sum(1 for key in keys if key < mine[0])
    count = min(list_size(settings, spent), len(keys))
    first = [eligible_today(by_id[key[3]], settings, today) for key in heapq.nsmallest(count, keys)]
    remaining = max(0, settings.weekly_energy - spent)
    return Place(today, settings.weekly_energy, spent, remaining,
                 fit_budget([a for a in first if a is not None], settings, spent), rank, len(keys),
                 None if kept is None else kept[1].name)  # fmt: skip


def not_listed(a: Assessment, p: Place, settings: Settings) -> str | None:
    """Section 8: why ``a`` is not on the plan's list (one of NOT_LISTED), or None when listed.

    ``a`` comes from ``assess`` on the plan's day; ``p`` is their place in the day's budgeted plan.
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
    if p.rank is None:
        return "quiet_tie_taken"
    unit = BY_NAME["message"].energy
    by_energy = p.remaining // unit if unit else p.remaining
    return "energy" if by_energy < settings.daily_max else "daily_max"
