"""What `net capture` found in mail and calendars (issue 18): plain records, no I/O.

The readers in ``io/`` (mail, calendars) turn files into ``Found`` records and
count what they skipped; ``ops/capture.py`` matches them to people, keeps one
interaction per person and day, and writes the plan. Nothing here reads a file
or the store.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Found(NamedTuple):
    """One message or one calendar occurrence that may become an interaction."""

    source: str  # "mail" or "calendar"
    key: str  # the same next time: a Message-ID, or "UID/YYYY-MM-DD" for an occurrence
    day: date  # the local day it happened
    moment: float  # seconds since the epoch: orders what happened the same day
    kind: str  # "message", "video", "call" or "meet"
    mine: bool  # the user started it: wrote the message, organised the event
    emails: tuple[str, ...]  # the other side's addresses, lower-case, the user's own left out
    names: tuple[str, ...]  # a display name for each address ("" when none was given)
    title: str  # the subject or the event's summary, on one line
    all_day: bool = False  # calendar only: an all-day event counts only when it names someone


class Scan(NamedTuple):
    """What a reader found, and how many it left out, by reason ("mailing list", "declined", ...)."""

    found: list[Found]
    skipped: dict[str, int]
