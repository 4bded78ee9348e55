"""`net capture`: what a reviewer found (issue 18): time zones, pipes, rules that repeat too often,
unreadable folders, `net add` lines, reused Message-IDs, runs with nothing new, long plans."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Net, files, query, seed

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
