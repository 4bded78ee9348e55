"""Birthdays and suggested check-ins as an iCalendar file (with the icalendar library).

Birthdays are yearly all-day events (``RRULE:FREQ=YEARLY``; 29 February falls on
the last day of February in other years). Check-ins are all-day events on the
days they are suggested for. Each event's UID is stable per person and kind of
event (``birthday-<uuid>@quietnet``, ``check-in-<uuid>@quietnet``), so a calendar
that imports a later export updates the person's event rather than adding a
second one. DTSTAMP is the start of the day the export is made for, and SEQUENCE
that day's number (days since 1970-01-01): both move forward from one day's
export to the next, and the same data and the same day give the same file.
icalendar is imported only here, inside the function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

PRODID = "-//quietnet//quietnet//EN"
EPOCH = date(1970, 1, 1)  # SEQUENCE counts the export's day from here


@dataclass(frozen=True)
class Birthday:
    uuid: str
    name: str
    birthday: str  # "MM-DD" or "YYYY-MM-DD"
    label: str = "birthday"  # or a yearly date's (net date)
    key: int | None = None  # a yearly date's id: its event's UID


@dataclass(frozen=True)
class CheckIn:
    uuid: str
    name: str
    day: date
    summary: str
    description: str


def _first(birthday: str, today: date) -> tuple[date, dict[str, object]]:
    """The first occurrence (the birth date when the year is known) and the recurrence rule."""
    year = int(birthday[:4]) if len(birthday) == 10 else today.year
    month, day = int(birthday[-5:-3]), int(birthday[-2:])
    if (month, day) == (2, 29):
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return date(year, 2, 29 if leap else 28), {"freq": "yearly", "bymonth": 2, "bymonthday": -1}
    return date(year, month, day), {"freq": "yearly"}


def write(birthdays: Iterable[Birthday], checkins: Iterable[CheckIn], *, today: date) -> str:
    from icalendar import Calendar, Event

    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    sequence = (today - EPOCH).days
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "quietnet")
    for b in birthdays:
        start, rule = _first(b.birthday, today)
        event = Event()
        event.add(
            "uid", f"birthday-{b.uuid}@quietnet" if b.key is None else f"date-{b.key}-{b.uuid}@quietnet"
        )
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", start)
        event.add("rrule", rule)
        event.add("summary", f"{b.name}'s birthday" if b.key is None else f"{b.name}: {b.label}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    for c in checkins:
        event = Event()
        event.add("uid", f"check-in-{c.uuid}@quietnet")  # one per person: `due` names each once
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", c.day)
        event.add("summary", c.summary)
        event.add("description", c.description)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
