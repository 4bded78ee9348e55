"""`net due`'s list from the few people it shows: ``schedule.plan``'s answer without scoring everyone.

The list holds at most ``daily_max`` people, but at 50,000 people some 16,000
may be due. The store (``store/ranking.py``) orders them in SQL by an upper
bound of their score (each term's points, or more, from stored columns and the
day) and hands them over a page at a time; ``shortlist`` scores each exactly with
the scheduler's own rule and stops once no one unread can come before the people
the list needs: everyone unread has a score at most the last bound read, so each
person already scored above it keeps their place, whatever is read later.

Some people may be read whole first (`net today` reads those with a date near:
it words their birthdays, and asks whether the ranking holds them). Pure, like
``schedule``: candidates in, a ``DuePlan`` out; ``tests/test_shortlist.py``
checks it against ``plan`` on random stores, ties included.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from quietnet.core.schedule import (
    Assessment,
    Candidate,
    DuePlan,
    eligible_today,
    fit_budget,
    keep_one_quiet_tie,
    list_size,
    rank_key,
    week_start,
)
from quietnet.core.settings import Settings

Page = Sequence[tuple[float, Candidate]]  # (an upper bound of the score, the person), bounds not increasing


def shortlist(
    whole: Iterable[Candidate],
    pages: Iterable[Page],
    *,
    settings: Settings,
    today: date,
    spent: int,
    reconnected: bool = False,
) -> DuePlan:
    """``plan(...)``'s suggestions, reading ``pages`` only as far as they are needed.

    ``whole``: people read whole (`net today`: those with a date near); a page
    may name them again, and they are skipped there. ``pages``: everyone
    else who may be eligible today, in order of a bound that no one's score exceeds
    (the last page may be short, or empty). ``reconnected``: whether someone not in
    ``whole`` reconnected this week (section 7.2; ``state.reconnected_between``).

    The plan's ``ranked`` is whole only when every page was read; otherwise it
    holds the start of the ranking, as far as the list needs, then the people of
    ``whole`` that are surely further on (any but a quiet tie), in order.
    """
    monday = week_start(today)
    pool: list[Assessment] = []
    seen: set[int] = set()
    for c in whole:
        seen.add(c.id)
        back = c.summary.reconnected
        if back is not None and monday <= back <= today:
            reconnected = True
        a = eligible_today(c, settings, today)
        if a is not None:
            pool.append(a)
    wanted = list_size(settings, spent)
    below = float("inf")  # everyone unread scores at most this
    if wanted > 0:
        below = float("-inf")
        for page in pages:
            for _, c in page:
                if c.id not in seen:
                    a = eligible_today(c, settings, today)
                    if a is not None:
                        pool.append(a)
            if not page:
                below = float("-inf")
                break
            below = page[-1][0]
            if len(_placed(pool, below, reconnected)) >= wanted:
                break
        else:
            below = float("-inf")
    placed = _placed(pool, below, reconnected)
    later = sorted((a for a in pool if a.score <= below and a.id in seen and not a.quiet_tie), key=rank_key)
    remaining = max(0, settings.weekly_energy - spent)
    return DuePlan(today=today, weekly=settings.weekly_energy, spent=spent, remaining=remaining,
                   suggestions=fit_budget(placed, settings, spent), ranked=(*placed, *later),
                   rest=remaining <= 0, whole=below == float("-inf"))  # fmt: skip


def _placed(pool: list[Assessment], below: float, reconnected: bool) -> list[Assessment]:
    """The start of the ranking: those scoring above ``below``, in order, after the quiet-tie rule."""
    return keep_one_quiet_tie(sorted((a for a in pool if a.score > below), key=rank_key), reconnected)
