"""`net export ics` imported into a calendar again a few days later updates, never duplicates (issue 16).

A calendar keeps one event per UID and takes an import's copy when its SEQUENCE
(then its DTSTAMP) is newer, as RFC 5545 section 3.8.7.4 asks; ``imported`` is
that model, over the icalendar library's parser.
"""

from __future__ import annotations

from collections import Counter

import pytest
from icalendar import Calendar, Component

from tests.helpers import Net, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


def imported(calendar: dict[str, Component], text: str) -> None:
    """Import an .ics file into ``calendar`` (UID -> event) the way calendar programs do."""
    for event in Calendar.from_ical(text).walk("VEVENT"):
        uid = str(event["UID"])
        old = calendar.get(uid)
        newer = (sequence(event), event.decoded("DTSTAMP"))
        if old is None or newer > (sequence(old), old.decoded("DTSTAMP")):
            calendar[uid] = event


def sequence(event: Component) -> int:
    return int(str(event.get("SEQUENCE", 0)))  # a file without one counts as 0


def whose(event: Component) -> tuple[str, str]:
    """(kind of event, person) from its summary: "Ana Ruiz's birthday", "Ana Ruiz: A call?"."""
    summary = str(event["SUMMARY"])
    if summary.endswith("'s birthday"):
        return "birthday", summary.removesuffix("'s birthday")
    return "check-in", summary.split(":")[0]


def test_an_export_imported_again_days_later_updates_each_persons_events(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, last in (("Ana Ruiz", "2025-03-01"), ("Søren Berg", "2025-02-10"), ("Mei Chen", "2025-04-02")):
        ok(net, "add", name, "--circle", "close", "--birthday", "1990-07-02")
        ok(net, "log", name, "coffee", "--on", last)
    first = ok(net, "export", "ics")
    monkeypatch.setenv("NET_TODAY", "2025-06-23")
    second = ok(net, "export", "ics")

    calendar: dict[str, Component] = {}
    imported(calendar, first)
    checked_in = {whose(e)[1] for e in calendar.values() if whose(e)[0] == "check-in"}
    assert checked_in == {"Ana Ruiz", "Søren Berg", "Mei Chen"}  # suggested on both days
    imported(calendar, second)

    per_person = Counter(whose(e) for e in calendar.values())
    assert per_person == Counter((kind, name) for kind in ("birthday", "check-in") for name in checked_in)
    for event in calendar.values():  # each kept copy is the later export's
        assert event.decoded("DTSTAMP").isoformat() == "2025-06-23T00:00:00+00:00"
        assert sequence(event) == 20262  # 2025-06-23 is day 20,262 after 1970-01-01
    moved = [e.decoded("DTSTART").isoformat() for e in calendar.values() if whose(e)[0] == "check-in"]
    assert moved == ["2025-06-23"] * 3
    uids = [str(e["UID"]) for e in Calendar.from_ical(second).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 6
    assert all("2025" not in uid for uid in uids)  # no date in a UID


def test_the_same_day_gives_the_same_file_with_the_days_sequence(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close", "--birthday", "06-30")
    ok(net, "log", "ana", "coffee", "--on", "2025-03-01")
    out = ok(net, "export", "ics")
    assert out == ok(net, "export", "ics")
    events = Calendar.from_ical(out).walk("VEVENT")
    assert sorted(str(e["UID"]).split("-")[0] for e in events) == ["birthday", "check"]
    assert {sequence(e) for e in events} == {20258}  # 2025-06-19
    assert out.count("\nDTSTAMP:20250619T000000Z\n") == 2  # the runner shows CRLF as a newline
