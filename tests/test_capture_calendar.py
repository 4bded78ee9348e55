"""`net capture calendar`: the fixtures of tests/fixtures/capture/calendar/, plan, write, again, undo."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Net, files, ok, query, refused, seed

FIXTURES = Path(__file__).parent / "fixtures" / "capture" / "calendar"

PLAN = """\
Read 24 events; left out 6 (1 all-day naming no one, 1 cancelled, 1 declined, 1 not answered, 1 passed on, \
1 unreadable).
To add: 15 interactions, one per event, with everyone in it.
  (3 earlier events; --json lists every one)
  2025-06-02  video call: Sam Okafor  Call with Sam
  2025-06-03  video call: Mei Chen  Catch-up Mei
  2025-06-04  video call: Lea Vogel  Quarterly planning
  2025-06-05  video call: Ana Ruiz  Book club
  2025-06-06  call: Søren Berg  Phone: Søren
  2025-06-09  meeting: Ana Ruiz  Coffee with Ana
  2025-06-10  call: Ana Ruiz  Weekly call with Ana
  2025-06-11  meeting (you said maybe): Sam Okafor  Roadmap chat
  2025-06-12  video call: Lea Vogel, Sam Okafor  Intro: Lea meets Sam
  2025-06-14  meeting: Ana Ruiz  Ana's birthday party
  2025-06-14  meeting: Søren Berg  Dinner at Søren's
  2025-06-17  call: Ana Ruiz  Weekly call with Ana
"""


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana (an address and a nickname), Søren (a nickname, no address), Mei, Sam, Lea, my_emails."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz", "--email", "Ana.Ruiz@ruiz.example", "--nickname", "Ana"),
        ("add", "Søren Berg", "--nickname", "Soren"),  # the summaries write Søren: accents aside
        ("add", "Mei Chen", "--email", "mei@chen.example"),
        ("add", "Sam Okafor", "--email", "sam@okafor.example"),
        ("add", "Lea Vogel", "--email", "lea@work.example"),
        ("settings", "set", "my_emails", "jo@park.example, Jo@Work.example"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, known: bytes, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The template store, the calendars read in UTC (an event's local day is this machine's)."""
    seed(store, known)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def calendars(tmp_path: Path) -> str:
    """A folder holding a khal/vdirsyncer folder and four exported files."""
    folder = tmp_path / "calendars"
    shutil.copytree(FIXTURES / "vdir", folder / "vdir")
    for name in ("video.ics", "weekly-call.ics", "all-day.ics", "declined.ics"):
        shutil.copy(FIXTURES / name, folder / name)
    return str(folder)


def captured(net: Net, *args: str) -> str:
    """Run `net capture calendar ... --yes`; its stdout (stderr may only name the snapshot taken)."""
    result = net("capture", "calendar", *args, "--yes")
    assert result.code == 0, result
    assert result.err == "" or result.err.startswith("A snapshot of the store before this capture: "), result
    return result.out


def interactions(store: Path) -> list[tuple[object, ...]]:
    """(day, kind, started by them, note, people) of each interaction, by day."""
    return query(
        store,
        "SELECT i.day, i.kind, i.by_them, i.note, group_concat(p.name, ', ') FROM interaction i"
        " JOIN interaction_person ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id"
        " GROUP BY i.id ORDER BY i.day, i.id",
    )


def test_a_dry_run_shows_the_plan_and_writes_nothing(net: Net, store: Path, calendars: str) -> None:
    before = files(store)
    assert (
        ok(net, "capture", "calendar", calendars, "--dry-run") == PLAN + "A dry run: nothing was written.\n"
    )
    assert files(store) == before


def test_each_event_becomes_one_interaction_with_everyone_in_it(
    net: Net, store: Path, calendars: str
) -> None:
    out = captured(net, calendars)
    assert out.startswith(PLAN)
    assert "\nAdded 15 interactions with 5 people from your calendar. net undo takes it back." in out
    rows = interactions(store)
    assert len(rows) == 15
    assert rows[3] == ("2025-06-02", "video", 1, "Call with Sam", "Sam Okafor")  # Sam organised it
    assert rows[11][:2] == ("2025-06-12", "video")
    assert sorted(str(rows[11][4]).split(", ")) == ["Lea Vogel", "Sam Okafor"]  # one interaction, both
    assert rows[12] == ("2025-06-14", "meet", 0, "Ana's birthday party", "Ana Ruiz")  # named: counts
    # Ana's call moved to 5 June shares her day with the book club, which came first: remembered too
    assert query(store, "SELECT key FROM captured WHERE day = '2025-06-05' ORDER BY key") == [
        ("0b6f1c4e-5d0a-4c55-9a3e-7f1d2c9e8a41/20250603T070000Z",),
        ("video-jitsi-1/20250605T140000Z",),
    ]
    # a captured event rests the person as a typed one does
    assert query(store, "SELECT last_touch FROM person_state WHERE person_id = 1") == [("2025-06-17",)]


def test_a_second_run_adds_nothing(net: Net, store: Path, calendars: str) -> None:
    captured(net, calendars)
    before = interactions(store)
    out = captured(net, calendars, "--since", "2025-03-21")
    assert "Nothing new to add.\n" in out
    assert "Captured before: 17 events.\n" in out  # (event, person) pairs: the intro counts twice
    assert "Added" not in out
    assert interactions(store) == before


def test_a_calendar_that_grew_adds_only_what_is_new(
    net: Net, store: Path, calendars: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NET_TODAY", "2025-06-10")
    captured(net, calendars)
    assert len(interactions(store)) == 10
    monkeypatch.setenv("NET_TODAY", "2025-06-19")
    out = captured(net, calendars)  # from a week before the last capture
    assert "To add: 5 interactions, one per event, with everyone in it.\n" in out
    assert len(interactions(store)) == 15


def test_a_typed_log_that_day_wins(net: Net, store: Path, calendars: str) -> None:
    ok(net, "log", "ana", "coffee", "--on", "2025-06-09", "--note", "Kaffeehaus")
    out = captured(net, calendars)
    assert "Left as logged: 1 day that already had an interaction.\n" in out
    assert [r for r in interactions(store) if r[0] == "2025-06-09"] == [
        ("2025-06-09", "meet", 0, "Kaffeehaus", "Ana Ruiz")
    ]


def test_undo_takes_the_whole_capture_back(net: Net, store: Path, calendars: str) -> None:
    captured(net, calendars)
    out = ok(net, "undo", "--yes")
    assert "Undid: Captured 15 interactions with 5 people from calendar.\n" in out
    assert interactions(store) == []
    assert query(store, "SELECT count(*) FROM captured") == [(0,)]
    assert query(store, "SELECT last_touch FROM person_state WHERE person_id = 1") == [(None,)]


def test_an_address_not_in_the_store_is_listed_with_its_net_add_line(net: Net, store: Path) -> None:
    out = ok(net, "capture", "calendar", str(FIXTURES / "google-export.ics"), "--dry-run")
    # Google names an attendee by the address again: no name to know Søren by; the room is no one
    assert "You invited 1 person you have not added (3 events):\n" in out
    assert "  net add soren --email soren@berg.example   (3)\n" in out
    out = ok(net, "capture", "calendar", str(FIXTURES / "outlook-export.ics"), "--dry-run")
    assert "  2025-06-12  video call: Søren Berg  Quarterly planning" in out  # the summary names him
    assert "net add" not in out  # and Outlook's name for the address is his: no stranger
    ok(net, "forget", "Mei Chen", "--yes")
    out = ok(net, "capture", "calendar", str(FIXTURES / "google-export.ics"), "--dry-run")
    assert "Also 1 address you have not added invited you or came along.\n" in out  # Mei organised it


def test_me_overrides_the_setting(net: Net, store: Path, calendars: str) -> None:
    out = ok(net, "capture", "calendar", calendars, "--dry-run", "--me", "nobody@example.org")
    # as someone else, none of Jo's answers is mine: an event someone organised is not mine, not
    # even the meeting Jo declined; events in the calendar with no organiser are
    assert out.startswith(
        "Read 24 events; left out 16 (13 you are not listed, 1 all-day naming no one, 1 cancelled,"
        " 1 unreadable).\nTo add: 7 interactions, one per event, with everyone in it.\n"
    )
    assert "Budget review" not in out


# -- refusals: the message, the exit code, and nothing written --------------------------------


def test_refused_without_an_address_of_your_own(net: Net, store: Path, calendars: str) -> None:
    ok(net, "settings", "reset", "my_emails")
    assert refused(net, store, "capture", "calendar", calendars, "--yes") == (
        "Your own addresses are not set, so capture can't tell which events you went to;"
        " nothing was captured.\n"
        'Set them with: net settings set my_emails "you@example.org" (or give --me).\n'
    )


def test_refused_for_a_path_that_does_not_exist(net: Net, store: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ics"
    assert refused(net, store, "capture", "calendar", str(missing), "--yes") == (
        f"{missing} does not exist; nothing was captured.\n"
    )


def test_refused_for_a_file_that_is_not_a_calendar(net: Net, store: Path, calendars: str) -> None:
    signin = FIXTURES / "broken.ics"  # a sign-in page saved as .ics
    assert refused(net, store, "capture", "calendar", calendars, str(signin), "--yes") == (
        f"{signin} is not a calendar: an .ics file holds BEGIN:VCALENDAR ... END:VCALENDAR;"
        " nothing was captured.\n"
    )


def test_refused_for_a_folder_without_a_calendar(net: Net, store: Path, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    assert refused(net, store, "capture", "calendar", str(tmp_path / "photos"), "--yes") == (
        f"{tmp_path / 'photos'} is not a calendar: no .ics file inside it (khal and vdirsyncer keep one"
        " per event); nothing was captured.\n"
    )


def test_refused_for_a_file_that_cannot_be_read(net: Net, store: Path, calendars: str) -> None:
    locked = Path(calendars) / "video.ics"
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: every file can be read")
    assert refused(net, store, "capture", "calendar", str(locked), "--yes") == (
        f"{locked} can't be read (permission denied); nothing was captured.\n"
    )


def test_refused_without_a_terminal_and_without_yes(net: Net, store: Path, calendars: str) -> None:
    before = files(store)
    result = net("capture", "calendar", calendars)
    assert result.code == 1
    assert result.out == PLAN
    assert result.err == "Add these to your store? Nothing was changed; run again with --yes to go ahead.\n"
    assert files(store) == before
