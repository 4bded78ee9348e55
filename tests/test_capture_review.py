"""`net capture`: what a reviewer found (issue 18): time zones, pipes, rules that repeat too often,
unreadable folders, `net add` lines, reused Message-IDs, runs with nothing new, long plans."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, files, ok, query, refused, seed

ME = "jo@park.example"


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana, Mei and Tomas with an address each, and my_emails."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz", "--email", "ana@ruiz.example"),
        ("add", "Mei Chen", "--email", "mei@chen.example"),
        ("add", "Tomas Berg", "--email", "tomas@berg.example"),
        ("settings", "set", "my_emails", ME),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, known: bytes, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    seed(store, known)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def ics(*events: str) -> str:
    body = "".join(
        f"BEGIN:VEVENT\r\n{e.strip().replace(chr(10), chr(13) + chr(10))}\r\nEND:VEVENT\r\n" for e in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


def captured(net: Net, *args: str) -> str:
    """Run `net capture ... --yes`; its stdout (stderr may only name the snapshot taken)."""
    result = net("capture", *args, "--yes")
    assert result.code == 0, result
    assert result.err == "" or result.err.startswith("A snapshot of the store before this capture: "), result
    return result.out


def message(path: Path, to: str, subject: str, mid: str, day: str = "Mon, 16 Jun 2025 10:00 +0000") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"From: {ME}\nTo: {to}\nDate: {day}\nSubject: {subject}\nMessage-ID: {mid}\n\nbody\n")


def maildir(top: Path) -> Path:
    """A Maildir with one message to Ana."""
    for sub in ("cur", "new", "tmp"):
        (top / sub).mkdir(parents=True, exist_ok=True)
    message(top / "cur" / "1:2,S", "Ana Ruiz <ana@ruiz.example>", "Lunch", "<1@x>")
    return top


def interactions(store: Path) -> list[tuple[object, ...]]:
    return query(store, "SELECT day, kind, note FROM interaction ORDER BY day, id")


# -- 1. an occurrence's key does not depend on this machine's time zone ------------------------


def test_a_time_zone_change_captures_no_event_twice(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "late.ics"
    path.write_text(
        ics(
            """UID:late-call
DTSTART:20250610T233000Z
DTEND:20250611T000000Z
RRULE:FREQ=WEEKLY;COUNT=2
SUMMARY:Late call
ORGANIZER:mailto:jo@park.example
ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@ruiz.example""",
        )
    )
    monkeypatch.setenv("NET_TODAY", "2025-06-30")
    out = captured(net, "calendar", str(path), "--since", "2025-06-01")
    assert "Added 2 interactions with 1 person from your calendar." in out
    assert query(store, "SELECT key FROM captured ORDER BY key") == [
        ("late-call/20250610T233000Z",),
        ("late-call/20250617T233000Z",),
    ]
    monkeypatch.setenv("TZ", "Europe/Berlin")  # a trip: the same calls fall on the next local day
    time.tzset()
    before = files(store)
    out = captured(net, "calendar", str(path), "--since", "2025-06-01")
    assert "Nothing new to add.\n" in out
    assert "Captured before: 2 events.\n" in out
    assert files(store) == before
    assert interactions(store) == [("2025-06-10", "call", "Late call"), ("2025-06-17", "call", "Late call")]


# -- 2. a pipe never makes capture wait -----------------------------------------------------


def test_a_pipe_as_path_is_refused(net: Net, store: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert refused(net, store, "capture", "mail", str(tmp_path / "pipe"), "--yes") == (
        f"{tmp_path / 'pipe'} is not a regular file (a pipe or a device); nothing was captured.\n"
    )


def test_a_pipe_inside_a_maildir_is_counted_and_never_opened(net: Net, store: Path, tmp_path: Path) -> None:
    box = maildir(tmp_path / "Mail")
    os.mkfifo(box / "cur" / "2:2,S")
    os.mkfifo(box / "new" / "3")
    out = ok(net, "capture", "mail", str(box), "--since", "2025-06-01", "--dry-run")
    assert out.startswith(
        "Read 3 messages; left out 2 (2 not a regular file).\n"
        "To add: 1 interaction, one per person and day.\n  Ana Ruiz\n    2025-06-16  you wrote first  Lunch\n"
    )


def test_a_trashed_maildir_message_is_left_out(net: Net, store: Path, tmp_path: Path) -> None:
    box = maildir(tmp_path / "Mail")
    message(box / "cur" / "2:2,ST", "Mei Chen <mei@chen.example>", "Gone", "<2@x>")
    out = ok(net, "capture", "mail", str(box), "--since", "2025-06-01", "--dry-run")
    assert out.startswith("Read 2 messages; left out 1 (1 deleted).\n")
    assert "Mei" not in out


# -- 4. a folder that can't be read is said, not passed over --------------------------------


def test_a_folder_that_cannot_be_read_is_said(net: Net, store: Path, tmp_path: Path) -> None:
    top = tmp_path / "Mail"
    maildir(top / "INBOX")
    maildir(top / "Sent")
    (top / "Sent").chmod(0)
    try:
        if os.access(top / "Sent", os.R_OK):
            pytest.skip("running as root: every folder can be read")
        out = ok(net, "capture", "mail", str(top), "--since", "2025-06-01", "--dry-run")
    finally:
        (top / "Sent").chmod(0o700)
    assert out.startswith(
        f"Read 1 message.\nCould not read {top / 'Sent'}: permission denied; what it holds was left out.\n"
    )


def unreadable(real: Callable[[str], Any], denied: str) -> Callable[[str], Any]:
    """os.scandir (what os.walk lists with), but a folder named ``denied`` fails as an unreadable one
    does for anyone but root."""

    def scandir(path: str) -> Any:
        if os.path.basename(path) == denied:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    return scandir


def test_a_folder_that_cannot_be_read_is_said_even_as_root(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / "Mail"
    maildir(top / "INBOX")
    maildir(top / "Sent")
    monkeypatch.setattr(os, "scandir", unreadable(os.scandir, "Sent"))
    out = ok(net, "capture", "mail", str(top), "--since", "2025-06-01", "--dry-run")
    assert out.startswith(
        f"Read 1 message.\nCould not read {top / 'Sent'}: permission denied; what it holds was left out.\n"
    )
    cal = tmp_path / "cal"
    (cal / "work").mkdir(parents=True)
    (cal / "home").mkdir()
    (cal / "home" / "a.ics").write_text(ics("UID:a\nDTSTART:20250602T090000Z\nSUMMARY:Tea with Ana Ruiz"))
    monkeypatch.setattr(os, "scandir", unreadable(os.scandir, "work"))
    monkeypatch.setenv("NET_TODAY", "2025-06-30")
    out = ok(net, "capture", "calendar", str(cal), "--since", "2025-06-01", "--dry-run")
    assert out.startswith(
        f"Read 1 event.\nCould not read {cal / 'work'}: permission denied; what it holds was left out.\n"
    )
    result = net("capture", "mail", str(top), "--since", "2025-06-01", "--json", "--dry-run")
    assert result.code == 0
    assert '"unread_folders": [\n    "Could not read ' in result.out


# -- 3. a rule that repeats too often is never expanded; one event gives at most 1,000 ---------


def rule(uid: str, summary: str, rrule: str, start: str = "20200101T090000Z") -> str:
    return f"UID:{uid}\nDTSTART:{start}\nRRULE:{rrule}\nSUMMARY:{summary}"


def test_a_rule_that_repeats_too_often_is_counted_not_expanded(tmp_path: Path) -> None:
    from datetime import date

    from quietnet.io.calendar_read import scan

    every = ",".join(str(n) for n in range(60))
    hours = ",".join(str(n) for n in range(24))
    path = tmp_path / "often.ics"
    path.write_text(
        ics(
            rule("a", "Every second", f"FREQ=DAILY;BYHOUR={hours};BYMINUTE={every};BYSECOND={every}"),
            rule("b", "Hourly", "FREQ=HOURLY"),
            rule("c", "Five a day", "FREQ=DAILY;BYHOUR=9,10;BYMINUTE=0,20,40"),
            rule("d", "Four a day", "FREQ=DAILY;COUNT=4;BYHOUR=9,10;BYMINUTE=0,30"),
        )
    )
    result = scan([path], me=[ME], since=date(2020, 1, 1), until=date(2026, 12, 6))
    assert [f.title for f in result.found] == ["Four a day"] * 4
    assert result.skipped == {"repeats too often": 3}


def test_one_event_gives_at_most_a_thousand_occurrences(tmp_path: Path) -> None:
    from datetime import date

    from quietnet.io.calendar_read import scan

    path = tmp_path / "daily.ics"
    path.write_text(ics(rule("a", "Standup", "FREQ=DAILY"), rule("b", "Weekly", "FREQ=WEEKLY")))
    result = scan([path], me=[ME], since=date(2020, 1, 1), until=date(2025, 12, 31))
    assert [f.title for f in result.found].count("Standup") == 1000
    assert result.found[999].day == date(2022, 9, 26)  # the first thousand days, then no more
    assert [f.title for f in result.found].count("Weekly") == 314
    assert result.skipped == {"repeats too often": 1}


# -- 5. a `net add` line is safe to paste, whatever the name or address starts with -----------


def test_a_name_or_address_starting_with_a_dash_gets_a_line_safe_to_paste(
    net: Net, store: Path, tmp_path: Path
) -> None:
    box = maildir(tmp_path / "Mail")
    message(box / "cur" / "2:2,S", '"-h" <dash@example.com>', "dash", "<2@x>")
    message(box / "cur" / "3:2,S", "--circle@example.com", "dash2", "<3@x>")
    out = ok(net, "capture", "mail", str(box), "--since", "2025-06-01", "--dry-run")
    assert out.endswith(
        "You wrote to 2 people you have not added (2 messages):\n"
        "  net add --email=--circle@example.com -- --circle   (1)\n"
        "  net add --email=dash@example.com -- -h   (1)\n"
        "A dry run: nothing was written.\n"
    )
    ok(net, "add", "--email=--circle@example.com", "--", "--circle")  # pasted, it adds them
    ok(net, "add", "--email=dash@example.com", "--", "-h")
    assert query(store, "SELECT name, email FROM person WHERE id > 3 ORDER BY id") == [
        ("--circle", "--circle@example.com"),
        ("-h", "dash@example.com"),
    ]


# -- 6. a Message-ID reused for someone else still counts for them -------------------------------


def test_a_reused_message_id_counts_for_each_person_once(net: Net, store: Path, tmp_path: Path) -> None:
    box = maildir(tmp_path / "Mail")
    message(box / "cur" / "2:2,S", "Mei Chen <mei@chen.example>", "dup A", "<dup@x>")
    message(box / "cur" / "3:2,S", "Tomas Berg <tomas@berg.example>", "dup B", "<dup@x>")
    message(box / "new" / "4", "Tomas Berg <tomas@berg.example>", "dup B", "<dup@x>")  # a copy
    out = captured(net, "mail", str(box), "--since", "2025-06-01")
    assert out.startswith(
        "Read 4 messages; left out 1 (1 found twice).\nTo add: 3 interactions, one per person and day.\n"
        "  Ana Ruiz\n    2025-06-16  you wrote first  Lunch\n"
        "  Mei Chen\n    2025-06-16  you wrote first  dup A\n"
        "  Tomas Berg\n    2025-06-16  you wrote first  dup B\n"
    )
    assert query(store, "SELECT key, person_id FROM captured ORDER BY person_id") == [
        ("<1@x>", 1),
        ("<dup@x>", 2),
        ("<dup@x>", 3),
    ]


# -- 8. a calendar's plan is capped per person, and --json has every event ------------------------


def test_calendar_json_lists_every_interaction_and_follows_the_schema(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    path = tmp_path / "calls.ics"
    path.write_text(
        ics(
            rule("w", "Weekly call", "FREQ=WEEKLY;COUNT=7", start="20250602T090000Z")
            + "\nORGANIZER:mailto:jo@park.example\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@ruiz.example"
        )
    )
    monkeypatch.setenv("NET_TODAY", "2025-07-31")
    out = ok(net, "capture", "calendar", str(path), "--since", "2025-06-01", "--dry-run")
    assert out == (
        "Read 7 events.\n"
        "To add: 7 interactions, one per event, with everyone in it.\n"
        "  (2 earlier events; --json lists every one)\n"
        + "".join(
            f"  2025-{d}  call: Ana Ruiz  Weekly call\n"
            for d in ("06-16", "06-23", "06-30", "07-07", "07-14")
        )
        + "A dry run: nothing was written.\n"
    )
    before = files(store)
    document = json.loads(
        ok(net, "capture", "calendar", str(path), "--since", "2025-06-01", "--json", "--dry-run")
    )
    assert files(store) == before
    assert (document["source"], document["written"], document["found"]) == ("calendar", False, 7)
    assert [i["day"] for i in document["interactions"]][:2] == ["2025-06-02", "2025-06-09"]
    assert document["interactions"][0] == {
        "person_id": 1,
        "name": "Ana Ruiz",
        "day": "2025-06-02",
        "kind": "call",
        "by_them": False,
        "title": "Weekly call",
        "keys": ["w/20250602T090000Z"],
    }
    result = net("capture", "calendar", str(path), "--since", "2025-06-01", "--json", "--yes")
    assert result.code == 0
    assert json.loads(result.out)["written"] is True
    assert len(interactions(store)) == 7


def test_a_message_thunderbird_deleted_is_left_out(net: Net, store: Path, tmp_path: Path) -> None:
    head = f"From: {ME}\nTo: {{}}\nDate: Mon, 16 Jun 2025 10:00 +0000\nSubject: {{}}\n"
    head += "X-Mozilla-Status: {}\n\nbody\n"
    (tmp_path / "Sent").write_text(
        "From - Mon Jun 16 10:00:00 2025\n"
        + head.format("Ana Ruiz <ana@ruiz.example>", "kept", "0001")
        + "\nFrom - Mon Jun 16 10:00:00 2025\n"
        + head.format("Mei Chen <mei@chen.example>", "gone", "0009")
        + "\nFrom - Mon Jun 16 10:00:00 2025\n"
        + head.format("Tomas Berg <tomas@berg.example>", "odd", "zz")
    )
    out = ok(net, "capture", "mail", str(tmp_path / "Sent"), "--since", "2025-06-01", "--dry-run")
    assert out.startswith("Read 3 messages; left out 1 (1 deleted).\n")
    assert "Mei" not in out
    assert "Tomas Berg" in out


def test_an_event_someone_else_organised_without_you_is_left_out(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.ics"
    path.write_text(
        ics(
            "UID:a\nDTSTART:20250602T090000Z\nSUMMARY:Team offsite\nORGANIZER:mailto:mei@chen.example\n"
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@ruiz.example",
            "UID:b\nDTSTART:20250603T090000Z\nSUMMARY:Lunch\nORGANIZER:mailto:mei@chen.example\n"
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}",
            "UID:c\nDTSTART:20250604T090000Z\nSUMMARY:Mine\nATTENDEE:mailto:tomas@berg.example",
        )
    )
    monkeypatch.setenv("NET_TODAY", "2025-06-30")
    out = ok(net, "capture", "calendar", str(path), "--since", "2025-06-01", "--dry-run")
    assert out == (
        "Read 3 events; left out 1 (1 you are not listed).\n"
        "To add: 2 interactions, one per event, with everyone in it.\n"
        "  2025-06-03  meeting: Mei Chen  Lunch\n"
        "  2025-06-04  meeting: Tomas Berg  Mine\n"
        "A dry run: nothing was written.\n"
    )


def test_a_calendar_in_latin_1_is_read_as_mail_is(tmp_path: Path) -> None:
    from datetime import date

    from quietnet.io.calendar_read import scan

    path = tmp_path / "old.ics"
    path.write_bytes(ics("UID:x\nDTSTART:20250602T090000Z\nSUMMARY:Caf\xe9 with Ana").encode("latin-1"))
    result = scan([path], me=[ME], since=date(2025, 6, 1), until=date(2025, 6, 30))
    assert [f.title for f in result.found] == ["Café with Ana"]


@pytest.mark.parametrize("source", ["mail", "calendar"])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(net: Net, store: Path, source: str) -> None:
    assert refused(net, store, "capture", source, "", "--yes") == (
        "An empty PATH names no file or folder; nothing was captured.\n"
    )


def test_a_mail_path_with_a_control_character_is_refused(net: Net, store: Path, tmp_path: Path) -> None:
    odd = tmp_path / "In\x1b[31mbox"
    maildir(odd)
    assert refused(net, store, "capture", "mail", str(odd), "--yes") == (
        f"The path {tmp_path}/In\\x1b[31mbox holds a line break or another control character; choose or"
        " rename it to one without. Nothing was captured.\n"
    )
