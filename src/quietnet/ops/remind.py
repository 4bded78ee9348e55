"""`net remind`: what a reminder holds (today's view, the review on its day) and who it goes to.

The words are rendered by the command (``cli/remind.py``); sending lives in ``ops/mail.py``,
the desktop notification in ``ops/notify.py``, the timer files in ``ops/timer.py``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from quietnet.core import remind
from quietnet.core.fields import email
from quietnet.core.morning import Morning
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.ops.morning import gather
from quietnet.store import me, words

if TYPE_CHECKING:
    from quietnet.core.review import Review


class Content(NamedTuple):
    morning: Morning
    review: Review | None
    news: bool  # whether today says anything (a quiet day sends nothing unless --always)


def content(s: Session, *, today: date, review: bool, force_review: bool = False) -> Content:
    """Today's view, and the weekly review on the review day (or when forced) when ``review``."""
    morning = gather(s, today=today)
    week = remind.review_week(today, words.get(s, "review_day"), forced=force_review) if review else None
    found = None
    if week is not None:
        from quietnet.core import review as weekly
        from quietnet.store import week as stored

        found = weekly.build(stored.gather(s, week=week, today=today), week=week, today=today)
    return Content(morning, found, remind.has_news(morning) or found is not None)


def recipient(s: Session, given: str | None) -> str:
    """--to, else the first of your addresses (``my_emails``); refused when there is neither."""
    if given is not None:
        return email(given)
    mine = me.emails(s)
    if not mine:
        raise InputError(
            "Who is the reminder for? Give --to you@example.org, "
            "or keep your address in the my_emails setting (docs/reminders.md)."
        )
    return email(mine[0])
