"""What happened in your calendars, for `net capture calendar` (issue 18): .ics files in, Found records out.

A PATH is one ``.ics`` file (an export from Google Calendar, Outlook, Apple
Calendar or Thunderbird; it may hold many events, even several calendars) or a
folder searched below for ``*.ics`` files (a khal or vdirsyncer calendar keeps one
event per file, one folder per calendar; their ``color`` and ``displayname``
files, and names starting with a dot, are passed over). Recurring events are
expanded with ``recurring-ical-events``, which honours EXDATE, RDATE, moved or
cancelled occurrences (RECURRENCE-ID) and Google's ``X-WR-TIMEZONE``; to-dos and
journal entries are not events and are passed over.

Each occurrence whose local day lies in [since, until], and that started before
``now`` when it is given, becomes one ``Found``:

- ``key`` is ``UID/`` and when the occurrence was first planned for (its
  RECURRENCE-ID, see ``occurrence_id``): the date of an all-day event, the UTC
  instant of a time with a zone, a floating time as written. It does not depend
  on this machine's zone, and an occurrence moved to another day keeps it;
- ``day`` is the local day of its start: a time with a zone is converted to
  ``zone`` (None: this machine's), a floating time, or one whose TZID neither
  the file nor the zone database defines, is taken as local already;
- ``mine`` when the organiser is one of ``me``, or when there is no organiser
  and none of ``me`` is only an attendee (an event in your own calendar);
- ``emails`` and ``names``: the attendees, then the organiser, without ``me``,
  rooms and resources (CUTYPE), addresses that are not e-mail addresses, and
  attendees who declined (they were not there); a name that is just the
  address again (Google's CN) counts as no name;
- ``title`` and ``names``: one line, control characters made spaces, at most
  ``MAX_TITLE`` characters, as mail's subjects;
- ``kind``: see ``kind_of``.

Left out and counted by reason: "declined" (your PARTSTAT), "not answered"
(an invitation you never answered, NEEDS-ACTION: one you did not attend as far
as the calendar knows), "passed on" (DELEGATED), "cancelled" (STATUS), "duplicate"
(the same occurrence in two files), "unreadable" (a file in a folder that is not
an iCalendar file, and an event that can't be read). TENTATIVE counts as
attended: the proposal shows it before anything is written. A PATH that can't
be read, or a file named on its own that is not a calendar, is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import stat
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quietnet.core.capture import Found, Scan
from quietnet.errors import InputError
from quietnet.io.calendar_files import calendar_files, read
from quietnet.io.capture_paths import looked_up

if TYPE_CHECKING:
    from icalendar import Component

MAX_TITLE = 200  # a summary (the interaction's note) or a name is kept to this many characters

# A conference link: Zoom (and its subdomains), Google Meet, Microsoft Teams, Jitsi (meet.jit.si or
# any host named for it). Looked for in LOCATION, DESCRIPTION, URL and the conference properties.
CONFERENCE = re.compile(
    r"(?<![\w.-])(?:[\w-]+\.)*(?:zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com"
    r"|teams\.live\.com|meet\.jit\.si|[\w-]*jitsi[\w-]*\.[\w.-]+)(?![\w-])",
    re.IGNORECASE,
)
CALL = re.compile(r"\b(?:call|calls|phone)\b", re.IGNORECASE)  # whole words, any case
LINK_FIELDS = ("LOCATION", "DESCRIPTION", "URL", "CONFERENCE", "X-GOOGLE-CONFERENCE")
LINK_FIELDS_MORE = ("X-MICROSOFT-SKYPETEAMSMEETINGURL",)  # Outlook's Teams link
NOT_PEOPLE = {"ROOM", "RESOURCE"}  # CUTYPE of a meeting room or a projector
OFTEN = {"SECONDLY", "MINUTELY", "HOURLY"}  # a rule that can't be a meeting: never expanded
MAX_A_DAY = 4  # BYHOUR x BYMINUTE x BYSECOND values a rule may give a day: more is no meeting
MAX_OCCURRENCES = 1000  # occurrences of one event in the days asked for (~3 years of dailies)
TOO_OFTEN = "repeats too often"  # the reason such an event (or the rest of it) is left out
# every reason an occurrence is left out
NOT_LISTED = "you are not listed"  # organised by someone else, and you are not among its attendees
REASONS = (
    "declined",
    "not answered",
    "passed on",
    "cancelled",
    "duplicate",
    "unreadable",
    TOO_OFTEN,
    NOT_LISTED,
)
BROKEN = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def kind_of(summary: str, places: Iterable[str]) -> str:
    """``video`` with a conference link in ``places``, ``call`` when the summary says so, else ``meet``."""
    if any(CONFERENCE.search(place) for place in places):
        return "video"
    return "call" if CALL.search(summary) else "meet"


def scan(
    paths: Sequence[Path],
    *,
    me: Collection[str],
    since: date,
    until: date,
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> Scan:
    """Every occurrence in ``paths`` on a local day in [since, until] that started before ``now``."""
    reader = _Reader(me=me, since=since, until=until, now=now, zone=zone)
    for path in paths:
        reader.path(path)
    return Scan(reader.found, dict(sorted(reader.skipped.items())), tuple(reader.problems))


class _Reader:
    def __init__(
        self, *, me: Collection[str], since: date, until: date, now: datetime | None, zone: tzinfo | None
    ) -> None:
        self.me = {address.strip().lower() for address in me if address.strip()}
        self.since, self.until, self.zone = since, until, zone
        self.now = None if now is None else now.timestamp()
        self.found: list[Found] = []
        self.skipped: Counter[str] = Counter()
        self.keys: set[str] = set()
        self.problems: list[str] = []  # folders below a PATH that could not be read

    def path(self, path: Path) -> None:
        """Read one PATH: a file (refused when it is not a calendar) or a folder of them."""
        found = looked_up(path)
        if stat.S_ISDIR(found.st_mode):
            files = list(calendar_files(path, self.problems))
            if not files:
                raise InputError(
                    f"{path} is not a calendar: no .ics file inside it (khal and vdirsyncer keep one per "
                    "event); nothing was captured."
                )
            for file in files:
                try:
                    self.calendars(read(file))
                except InputError:
                    self.skipped["unreadable"] += 1
        elif stat.S_ISREG(found.st_mode):
            self.calendars(read(path))
        else:
            raise InputError(f"{path} is not a regular file (a pipe or a device); nothing was captured.")

    def calendars(self, calendars: list[Component]) -> None:
        import recurring_ical_events

        for calendar in calendars:
            for series in _series(calendar):
                try:
                    if any(_too_often(rule) for rule in _rules(series)):
                        self.skipped[TOO_OFTEN] += 1  # never expanded: a 600-byte rule can give millions
                        continue
                    # A day either side: a start in another zone may fall on a local day in the window.
                    self.expand(recurring_ical_events.of(series).after(self.since - timedelta(days=1)))
                except BROKEN:
                    self.skipped["unreadable"] += 1

    def expand(self, occurrences: Iterator[Component]) -> None:
        """The occurrences of one series, in order, up to a day after ``until`` and at most
        ``MAX_OCCURRENCES`` of them: read one at a time, so memory stays small whatever the rule."""
        last = self.until + timedelta(days=2)
        for count, occurrence in enumerate(occurrences):
            start = occurrence.decoded("DTSTART")
            if (start.date() if isinstance(start, datetime) else start) > last:
                return
            if count == MAX_OCCURRENCES:
                self.skipped[TOO_OFTEN] += 1
                return
            try:
                self.occurrence(occurrence)
            except BROKEN:
                self.skipped["unreadable"] += 1

    def occurrence(self, event: Component) -> None:
        start = event.decoded("DTSTART")
        day, moment = self.local(start)
        if not self.since <= day <= self.until or (self.now is not None and moment >= self.now):
            return
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            self.skipped["cancelled"] += 1
            return
        organizer = _address(event.get("ORGANIZER"))
        attendees = _all(event.get("ATTENDEE"))
        mine_listed = [a for a in attendees if _address(a) in self.me]
        answer = _answer(mine_listed, organised=organizer in self.me)
        if organizer and organizer not in self.me and not mine_listed:
            answer = NOT_LISTED  # someone else's event (a shared or subscribed calendar)
        if answer is not None:
            self.skipped[answer] += 1
            return
        summary = _line(str(event.get("SUMMARY", "")))
        planned = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else start
        key = f"{_uid(event, summary, start)}/{occurrence_id(planned)}"
        if key in self.keys:
            self.skipped["duplicate"] += 1
            return
        self.keys.add(key)
        emails, names = self.people(attendees, event.get("ORGANIZER"))
        places = [text for field in LINK_FIELDS + LINK_FIELDS_MORE for text in _texts(event.get(field))]
        self.found.append(
            Found(
                source="calendar",
                key=key,
                day=day,
                moment=moment,
                kind=kind_of(summary, places),
                mine=organizer in self.me if organizer else not mine_listed,
                emails=tuple(emails),
                names=tuple(names),
                title=summary,
                all_day=not isinstance(start, datetime),
                tentative=_maybe(mine_listed),
            )
        )

    def local(self, start: date) -> tuple[date, float]:
        """The local day of ``start`` and its moment (seconds since the epoch)."""
        if not isinstance(start, datetime):
            start = datetime.combine(start, time())
        if start.tzinfo is None or start.utcoffset() is None:  # floating, or a zone no one defines
            start = start.replace(tzinfo=self.zone) if self.zone is not None else start
            return start.date(), start.timestamp()
        local = start.astimezone(self.zone)
        return local.date(), start.timestamp()

    def people(self, attendees: list[Any], organizer: Any) -> tuple[list[str], list[str]]:
        """The other side's addresses and names: attendees who came, then the organiser."""
        emails: list[str] = []
        names: list[str] = []
        for who in [*attendees, *_all(organizer)]:
            email = _address(who)
            params = getattr(who, "params", {})
            if (
                not email
                or email in self.me
                or email in emails
                or str(params.get("CUTYPE", "")).upper() in NOT_PEOPLE
                or str(params.get("PARTSTAT", "")).upper() == "DECLINED"
            ):
                continue
            name = _line(str(params.get("CN", "")))
            emails.append(email)
            names.append("" if name.lower() in (email, f"mailto:{email}") else name)
        return emails, names


def occurrence_id(planned: date) -> str:
    """Which occurrence of a series, the same in every time zone: a date as written (all-day), a
    time with a zone as its UTC instant (``20250603T070000Z``), a floating time as written."""
    if not isinstance(planned, datetime):
        return planned.isoformat()
    if planned.tzinfo is not None and planned.utcoffset() is not None:
        return planned.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return planned.strftime("%Y%m%dT%H%M%S")


def _line(text: str) -> str:
    """One line without control characters, at most ``MAX_TITLE`` characters (as mail's subjects)."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1] + "…"


def _answer(mine: list[Any], *, organised: bool) -> str | None:
    """Why an event the user did not attend is left out, from their PARTSTAT; None when they went."""
    answers = {str(a.params.get("PARTSTAT", "")).upper() for a in mine}
    if not answers or answers & {"ACCEPTED", "TENTATIVE", ""}:
        return None
    if "DECLINED" in answers:
        return "declined"
    if organised:
        return None  # an organiser's own invitation left unanswered: they were there
    if "DELEGATED" in answers:
        return "passed on"
    if "NEEDS-ACTION" in answers:
        return "not answered"
    return None


def _maybe(mine: list[Any]) -> bool:
    """Your answer was "maybe" (TENTATIVE), and never a yes."""
    answers = {str(a.params.get("PARTSTAT", "")).upper() for a in mine}
    return "TENTATIVE" in answers and "ACCEPTED" not in answers


def _address(who: Any) -> str:
    """The lower-case e-mail address of an ATTENDEE or ORGANIZER, or "" when it is not one."""
    if who is None or isinstance(who, list):
        return ""
    text = str(who).strip()
    if text[:7].lower() == "mailto:":
        text = text[7:].strip()
    if "@" not in text or len(text.split()) != 1:  # a space inside: not one address
        return ""
    return text.lower()


def _all(value: Any) -> list[Any]:
    """A property that may appear once or many times, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _texts(value: Any) -> list[str]:
    return [str(v) for v in _all(value)]


def _rules(series: Component) -> list[Any]:
    return [
        rule for event in series.walk("VEVENT") for rule in _all(event.get("RRULE")) if hasattr(rule, "get")
    ]


def _too_often(rule: Any) -> bool:
    """A rule that repeats hourly or more often, or more than ``MAX_A_DAY`` times a day."""
    if str(rule.get("FREQ", [""])[0]).upper() in OFTEN:
        return True
    a_day = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        a_day *= max(1, len(_all(rule.get(part))))
    return a_day > MAX_A_DAY


def _uid(event: Component, summary: str, start: date) -> str:
    """The event's UID; without one (it is required, but not always there) a stand-in from what it is."""
    uid = " ".join(str(event.get("UID", "")).split())
    if uid:
        return uid
    planned = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else start
    return "no-uid-" + hashlib.sha256(f"{summary}\n{planned.isoformat()}".encode()).hexdigest()[:16]


def _series(calendar: Component) -> Iterator[Component]:
    """One small calendar per UID (an event and its moved occurrences): a broken event costs only itself."""
    from icalendar import Calendar
    from x_wr_timezone import to_standard

    # Google's X-WR-TIMEZONE, applied once for the whole file; when that fails, recurring_ical_events
    # tries again for each series and what it can't read is counted.
    with contextlib.suppress(*BROKEN):
        calendar = to_standard(calendar)
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    groups: dict[str, list[Component]] = {}
    for event in calendar.subcomponents:
        if event.name == "VEVENT":
            groups.setdefault(str(event.get("UID", "")) or f"#{len(groups)}", []).append(event)
    for events in groups.values():
        series = Calendar()
        for name in ("VERSION", "PRODID", "CALSCALE"):
            if name in calendar:
                series[name] = calendar[name]
        for component in [*zones, *events]:
            series.add_component(component)
        yield series
