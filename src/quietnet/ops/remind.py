"""`net remind`: what a reminder holds (today's view, the review on its day) and who it goes to.

The words are rendered by the command (``cli/remind.py``); sending lives in ``ops/mail.py``,
the desktop notification in ``ops/notify.py``, the timer files in ``ops/timer.py``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from quietnet.core import remind
from quietnet.core.mailaddress import address
from quietnet.core.mailserver import for_setting
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


MY_EMAILS = "net settings set my_emails you@example.org"


def recipient(s: Session, given: str | None) -> str:
    """--to, else the first of your addresses (``my_emails``); refused when there is neither."""
    if given is not None:
        return address(given, what="--to")
    mine = me.emails(s)
    if not mine:
        raise InputError(
            f"Who is the reminder for? Give --to you@example.org, or keep your address with {MY_EMAILS}."
        )
    return address(mine[0], what="The first address in my_emails")


def timer_options(s: Session | None, *, to: str | None, sender: str | None, smtp: str | None) -> list[str]:
    """What `net remind install --email` adds to the command it writes: a timer sees no shell.

    Refused unless the timer will know who the mail is for (``--to`` or ``my_emails``) and
    which server takes it (``--smtp`` or the ``smtp_url`` setting; NET_SMTP_URL it never sees).
    ``s`` may be None when both --to and --smtp are given: the store is not needed then.
    """
    options = []
    if to is not None:
        options += ["--to", address(to, what="--to")]
    elif s is None or not me.emails(s):
        raise InputError(
            "The timer would not know who the reminder is for: give --to you@example.org, or keep "
            f"your address with {MY_EMAILS}; nothing was written."
        )
    if sender is not None:
        options += ["--from", address(sender, what="--from")]
    if smtp is not None:
        options += ["--smtp", for_setting(smtp)]
    elif s is None or not words.get(s, "smtp_url").strip():
        raise InputError(
            "The timer would not know which mail server to use (it does not see NET_SMTP_URL): give "
            "--smtp smtps://you@host:465, or keep it with net settings set smtp_url "
            "smtps://you@host:465; nothing was written."
        )
    return options
