"""io/calendar_read.py: what `net capture calendar` finds in .ics files and vdir folders (issue 18).

The fixtures under tests/fixtures/capture/calendar/ are written in the formats the
programs write: Thunderbird (a weekly call with an EXDATE and a moved occurrence),
Apple Calendar (answers: declined, not answered, tentative, passed on, cancelled),
Nextcloud (all-day events), khal (conference links), a khal/vdirsyncer folder, a
Google Calendar export (CRLF, folded, X-WR-TIMEZONE, X-GOOGLE-CONFERENCE), an
Outlook export (CRLF, a line folded inside a UTF-8 character, a Windows zone name)
and a sign-in page saved as .ics.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from quietnet.core.capture import Found
from tests.calendars import HERE, WEEKLY, brief, event, moment, read, written


def test_a_weekly_call_counts_each_past_occurrence_less_its_exdate_and_where_one_was_moved() -> None:
    result = read("weekly-call.ics")
    assert brief(result.found) == [
        (f"{WEEKLY}/20250506T070000Z", "2025-05-06", "call", True),
        (f"{WEEKLY}/20250513T070000Z", "2025-05-13", "call", True),
        # 20 May is an EXDATE (written in UTC, as Thunderbird does); 24 June is still to come
        (f"{WEEKLY}/20250527T070000Z", "2025-05-27", "call", True),
        (f"{WEEKLY}/20250603T070000Z", "2025-06-05", "call", True),  # moved: keeps its planned key
        (f"{WEEKLY}/20250610T070000Z", "2025-06-10", "call", True),
        (f"{WEEKLY}/20250617T070000Z", "2025-06-17", "call", True),
    ]
    assert result.skipped == {}
    moved = result.found[3]
    assert moved.title == "Weekly call with Ana (moved to Thursday)"
    assert moved.moment == moment("2025-06-05T17:30:00+02:00")
    first = result.found[0]
    assert first == Found(
        source="calendar",
        key=f"{WEEKLY}/20250506T070000Z",
        day=date(2025, 5, 6),
        moment=moment("2025-05-06T07:00:00+00:00"),
        kind="call",
        mine=True,
        emails=("ana.ruiz@ruiz.example",),  # lower-case; the organiser, me, left out
        names=("Ana Ruiz",),
        title="Weekly call with Ana",
        all_day=False,
    )


def test_only_days_from_since_to_until_count() -> None:
    result = read("weekly-call.ics", since=date(2025, 5, 10), until=date(2025, 6, 4))
    assert [f.key for f in result.found] == [f"{WEEKLY}/20250513T070000Z", f"{WEEKLY}/20250527T070000Z"]
    # the moved occurrence happened on 5 June, after until, though it was planned for 3 June


def test_nothing_from_later_today_counts() -> None:
    until = date(2025, 6, 17)
    before = read("weekly-call.ics", until=until, now=datetime(2025, 6, 17, 6, 59, tzinfo=UTC))
    after = read("weekly-call.ics", until=until, now=datetime(2025, 6, 17, 7, 0, 1, tzinfo=UTC))
    assert before.found[-1].key == f"{WEEKLY}/20250610T070000Z"  # the 9:00 call today had not begun
    assert after.found[-1].key == f"{WEEKLY}/20250617T070000Z"


def test_declined_unanswered_passed_on_and_cancelled_events_are_left_out_and_counted() -> None:
    result = read("declined.ics")
    assert result.skipped == {"cancelled": 1, "declined": 1, "not answered": 1, "passed on": 1}
    assert [(f.title, f.emails, f.names, f.mine) for f in result.found] == [
        # tentative counts: the proposal shows it before anything is written (my other address)
        ("Roadmap chat", ("sam@okafor.example",), ("Sam Okafor",), False),
        # my own lunch: Mei declined and the meeting room is not a person
        ("Team lunch", ("soren@berg.example",), ("Søren Berg",), True),
    ]  # the to-do and the journal entry are not events, and are not counted either


def test_all_day_events_are_marked_and_only_past_days_count() -> None:
    result = read("all-day.ics")
    assert [(f.title, f.day.isoformat(), f.all_day, f.emails) for f in result.found] == [
        ("Ana's birthday party", "2025-06-14", True, ()),
        ("Conference in Lisbon", "2025-06-02", True, ()),  # three days: counted on the first
    ]  # "Day off" on 20 June is after today
    assert result.found[0].moment == moment("2025-06-14T00:00:00+02:00")


def test_a_conference_link_makes_a_video_call_and_the_summary_a_call() -> None:
    result = read("video.ics")
    assert [(f.title, f.kind) for f in result.found] == [
        ("Call with Sam", "video"),  # a Zoom link in LOCATION wins over the word
        ("Catch-up Mei", "video"),  # Meet in DESCRIPTION, folded
        ("Quarterly planning", "video"),  # Teams in URL
        ("Book club", "video"),  # meet.jit.si, without https://
        ("Phone: Søren", "call"),
        ("Lunch with Mei (recall the callback list)", "meet"),  # not whole words; Café Callas neither
    ]
    sam = result.found[0]
    assert (sam.mine, sam.emails, sam.names) == (False, ("sam@okafor.example",), ("",))


def test_a_khal_or_vdirsyncer_folder_is_read_below_and_a_broken_file_in_it_is_counted(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "calendars"
    shutil.copytree(HERE / "vdir", folder)
    (folder / "personal" / ".half-written.ics").write_text("BEGIN:VCAL")  # hidden: passed over
    (folder / ".git").mkdir()
    (folder / ".git" / "old.ics").write_bytes((HERE / "weekly-call.ics").read_bytes())
    result = read(folder)
    assert [(f.title, f.day.isoformat(), f.kind, f.mine, f.emails) for f in result.found] == [
        ("Coffee with Ana", "2025-06-09", "meet", True, ()),  # floating time: local
        ("Dinner at Søren's", "2025-06-14", "meet", True, ()),
        ("Intro: Lea meets Sam", "2025-06-12", "video", True, ("lea@work.example", "sam@okafor.example")),
    ]
    assert result.skipped == {"unreadable": 1}  # half-synced.ics; the folder of tasks holds no event
    assert result.found[0].moment == moment("2025-06-09T10:00:00+02:00")


def test_a_google_calendar_export() -> None:
    result = read("google-export.ics")
    assert [(f.title, f.day.isoformat(), f.kind, f.mine, f.emails, f.names) for f in result.found] == [
        # a monthly series from March: its first occurrence is before since; the room is left out
        ("Monthly lunch with Søren", "2025-04-04", "meet", True, ("soren@berg.example",), ("",)),
        ("Monthly lunch with Søren", "2025-05-02", "meet", True, ("soren@berg.example",), ("",)),
        ("Monthly lunch with Søren", "2025-06-06", "meet", True, ("soren@berg.example",), ("",)),
        ("Ana / Jo", "2025-06-10", "video", True, ("ana.ruiz@ruiz.example",), ("Ana Ruiz",)),
        ("Late CALL with Mei", "2025-06-12", "call", False, ("mei@chen.example",), ("Mei Chen",)),
        ("Out of office", "2025-06-16", "meet", True, (), ()),
    ]
    assert result.skipped == {"declined": 1}  # Sam's farewell drinks
    assert result.found[0].key == "3lq0v8m2k9c7e5t1r4b6n0p2s8@google.com/20250404T103000Z"
    assert result.found[0].moment == moment("2025-04-04T12:30:00+02:00")


def test_the_local_day_is_the_day_where_you_are() -> None:
    late = {f.title: f.day for f in read("google-export.ics", zone=ZoneInfo("UTC")).found}
    assert late["Late CALL with Mei"] == date(2025, 6, 11)  # 22:30 UTC; in Berlin it was the 12th
    assert late["Monthly lunch with Søren"] == date(2025, 6, 6)
    ana = {f.title: f.day for f in read("vdir", zone=ZoneInfo("America/Los_Angeles")).found}
    assert ana["Coffee with Ana"] == date(2025, 6, 9)  # floating: 10:00 wherever you are


def test_an_outlook_export_folded_inside_a_character_with_a_windows_zone() -> None:
    assert b"B\xc3\r\n \xbccher" in (HERE / "outlook-export.ics").read_bytes()
    (found,) = read("outlook-export.ics").found
    assert found.title == "Quarterly planning — Søren Berg, Jo Park & die Bücher für Ålesund"
    assert (found.kind, found.mine, found.emails, found.names) == (
        "video",  # the Teams link in the description
        False,
        ("soren@berg.example",),
        ("Søren Berg",),
    )
    assert found.moment == moment("2025-06-12T10:00:00+02:00")  # W. Europe Standard Time, in summer
    assert found.key.endswith("7E8F90/20250612T080000Z")


def test_several_paths_and_the_same_event_twice() -> None:
    result = read("video.ics", "weekly-call.ics", "video.ics")
    assert len(result.found) == 12
    assert result.skipped == {"duplicate": 6}


def test_who_started_it(tmp_path: Path) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:test",
        *event("a", "Invited, no organiser", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:JO@PARK.EXAMPLE"),
        *event("b", "My own, no one invited"),
        *event("c", "My own, Ana invited", "ATTENDEE:mailto:ana@ruiz.example"),
        *event("d", "Ana's", "ORGANIZER;CN=Ana:MAILTO:ana@ruiz.example", "ATTENDEE:mailto:jo@park.example"),
        *event("e", "Mine", "ORGANIZER:mailto:jo@work.example", "ATTENDEE:mailto:ana@ruiz.example"),
        "END:VCALENDAR",
    ]
    found = read(written(tmp_path, lines)).found
    assert [(f.key, f.mine, f.emails) for f in found] == [
        ("a/20250602T090000Z", False, ()),
        ("b/20250602T090000Z", True, ()),
        ("c/20250602T090000Z", True, ("ana@ruiz.example",)),
        ("d/20250602T090000Z", False, ("ana@ruiz.example",)),
        ("e/20250602T090000Z", True, ("ana@ruiz.example",)),
    ]


def test_a_summary_and_a_name_are_one_clean_line(tmp_path: Path) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:test",
        *event(
            "c", "Tea \x1b[2J with\\nAna\x07 " + "x" * 300, 'ATTENDEE;CN="  Ana   Ruiz ":mailto:a@r.example'
        ),
        "END:VCALENDAR",
    ]
    (found,) = read(written(tmp_path, lines)).found
    assert found.title == "Tea [2J with Ana " + "x" * 182 + "…"
    assert len(found.title) == 200
    assert found.names == ("Ana Ruiz",)


def test_an_event_without_a_uid_keeps_the_same_key(tmp_path: Path) -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test", *event("", "Tea with Lea"), "END:VCALENDAR"]
    first, again = (
        read(written(tmp_path, lines)).found,
        read(written(tmp_path, lines, name="again.ics")).found,
    )
    assert first[0].key == again[0].key
    assert first[0].key.startswith("no-uid-")
    assert first[0].key.endswith("/20250602T090000Z")


def test_a_rule_repeating_every_second_is_not_expanded(tmp_path: Path) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:test",
        *event("s", "Tick", "RRULE:FREQ=SECONDLY"),
        *event("t", "Tea with Lea"),
        "END:VCALENDAR",
    ]
    result = read(written(tmp_path, lines), since=date(2000, 1, 1))
    assert [f.title for f in result.found] == ["Tea with Lea"]
    assert result.skipped == {"repeats too often": 1}


def test_a_broken_event_costs_only_itself(tmp_path: Path) -> None:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:test",
        *["BEGIN:VEVENT", "UID:x", "DTSTART:tomorrow", "SUMMARY:No day", "END:VEVENT"],
        *event("y", "Bad rule", "RRULE:FREQ=WEEKLY;UNTIL=soon"),
        *event("t", "Tea with Lea"),
        "END:VCALENDAR",
    ]
    result = read(written(tmp_path, lines))
    assert [f.title for f in result.found] == ["Tea with Lea"]
    assert result.skipped == {"unreadable": 2}
