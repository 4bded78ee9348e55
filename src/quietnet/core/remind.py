"""What a reminder holds: whether today has anything to say, when the review comes along.

`net remind email` and `net remind notify` send what `net today` shows; the email adds
the weekly review on the review day (the ``review_day`` setting, Monday by default).
"""

from __future__ import annotations

from datetime import date, timedelta

from quietnet.core.morning import Morning
from quietnet.core.words import WEEKDAYS


def has_news(m: Morning) -> bool:
    """Whether `net today` names anything: a person, a date, a promise, a snooze, an intro, an event."""
    if m.empty:
        return False
    return bool(m.plan.suggestions or m.birthdays or m.promises or m.snoozes or m.intros or m.follow_ups)


def review_week(today: date, review_day: str, *, forced: bool = False) -> date | None:
    """A day of the week to review, on the review day (or when asked); None otherwise.

    The week that holds yesterday: on a Monday the week just past (the new one has not
    happened yet), on any other day this week so far.
    """
    if not forced and WEEKDAYS[today.weekday()] != review_day:
        return None
    return today - timedelta(days=1)


def subject(today: date, *, review: bool) -> str:
    day = f"{today:%A} {today.day} {today:%B}"
    return f"Today in quietnet, {day}" + (", with your weekly review" if review else "")
