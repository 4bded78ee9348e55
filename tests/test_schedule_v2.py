"""The bugs that led to scheduling model version 2 (issue 13), each through the CLI."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import INDEXES_0013, INDEXES_0014, INDEXES_0015, Net, ok

TODAY = date(2025, 6, 19)  # a Thursday


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def due(net: Net, *args: str, on: date | None = None) -> list[tuple[str, str, str]]:
    extra = ("--as-of", on.isoformat()) if on else ()
    data: dict[str, Any] = json.loads(ok(net, "due", "--json", *args, *extra))
    return [(s["name"], s["reason"], s["action"]) for s in data["suggestions"]]


def test_history_typed_in_after_adding_counts_without_a_met_date(net: Net) -> None:
    ok(net, "add", "Zed", "--circle", "close")
    ok(net, "log", "zed", "coffee", "--on", "2 months ago")
    assert "Gap: 61.00 days since the effective last contact." in ok(net, "why", "zed")
    assert due(net) == [("Zed", "time_apart", "call")]
    assert "Zed: 2 months since a meeting (monthly rhythm). A call?" in ok(net, "today")


def test_add_records_the_day_it_ran(net: Net) -> None:
    ok(net, "add", "Zed", "--circle", "close")
    created = json.loads(ok(net, "show", "zed", "--json"))["person"]["created_at"]
    assert created.startswith("2025-06-19 ") or created.startswith("2025-06-19T")
    # No met date, nothing logged: the clock starts on the day they were added.
    assert "Gap: 0.00 days" in ok(net, "why", "zed")
    assert "Gap: 31.00 days" in ok(net, "why", "zed", "--as-of", "2025-07-20")


def test_no_repeat_after_a_message_to_a_drifting_friend(net: Net) -> None:
    ok(net, "add", "Ana", "--circle", "close", "--met", ago(800))
    ok(net, "log", "ana", "coffee", "--on", ago(100))
    assert due(net) == [("Ana", "drifting", "meet")]
    ok(net, "log", "ana", "email")  # lighter than suggested, but a real contact
    for days in range(1, 15):  # resting for half the monthly rhythm
        assert due(net, "--all", on=TODAY + timedelta(days=days)) == []


def test_learned_rhythm_never_shorter_than_three_quarters(net: Net) -> None:
    ok(net, "add", "Sol", "--circle", "core", "--met", ago(400))
    for days in range(60, 2, -3):  # a meeting every three days
        ok(net, "log", "sol", "coffee", "--on", ago(days))
    assert "Rhythm: 5.2 days, learned from your meetings." in ok(net, "why", "sol")


def test_a_birthday_is_suggested_from_three_days_ahead_and_settled_by_any_contact(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(net, "add", "Raj", "--birthday", "07-03")  # 14 days ahead
    for days in range(0, 11):
        assert due(net, on=TODAY + timedelta(days=days)) == []
    assert due(net, on=date(2025, 6, 30)) == [("Raj", "event", "message")]
    assert "Raj: Birthday in 3 days. A short message?" in ok(net, "today", "--as-of", "2025-06-30")
    monkeypatch.setenv("NET_TODAY", "2025-06-30")
    ok(net, "log", "raj", "text")
    for day in (date(2025, 7, 1), date(2025, 7, 2), date(2025, 7, 3)):
        assert due(net, on=day) == []


def test_contacts_they_start_use_none_of_the_energy(net: Net) -> None:
    ok(net, "add", "Ana", "--circle", "close", "--met", ago(800))
    ok(net, "log", "ana", "coffee", "--on", ago(80))
    for name in ("Mum", "Dad"):
        ok(net, "add", name, "--circle", "core", "--kin", "--met", ago(3000))
    for name, days in (("Mum", 3), ("Dad", 2), ("Mum", 1), ("Dad", 0)):
        ok(net, "log", name, "call", "--them", "--on", ago(days))
    data = json.loads(ok(net, "due", "--json"))
    assert data["energy"] == {"weekly": 10, "spent": 0, "remaining": 10}
    assert [s["name"] for s in data["suggestions"]] == ["Ana"]
    assert "rest is fine" not in ok(net, "today")


def test_no_quiet_tie_line_after_an_email(net: Net) -> None:
    ok(net, "add", "Dr. Helen Fraser", "--circle", "friends", "--met", ago(4100))
    ok(net, "log", "helen", "meet", "--on", ago(1500))
    assert due(net) == [("Dr. Helen Fraser", "dormant", "message")]
    assert "Dr. Helen Fraser: Four years since your last meeting, in May 2021; a no-ask hello?" in ok(
        net, "today"
    )
    ok(net, "log", "helen", "email", "--on", ago(1))
    for days in range(0, 40):
        assert due(net, "--all", on=TODAY + timedelta(days=days)) == []


def test_a_text_is_not_called_a_meeting_and_met_only_without_contact(net: Net) -> None:
    ok(net, "add", "Ike", "--circle", "friends", "--closeness", "3", "--met", ago(2200))
    ok(net, "log", "ike", "text", "--on", ago(7))
    assert "Ike: Six years since you met, with only a text since; a no-ask hello?" in ok(net, "today")


def test_an_open_need_is_never_dropped_by_the_quiet_tie_cap(net: Net) -> None:
    for name in ("Ada", "Bea"):
        ok(net, "add", name, "--circle", "friends", "--closeness", "4", "--met", ago(2000))
    ok(net, "need", "bea", "job-hunting")
    names = [n for n, _, _ in due(net, "--all")]
    assert sorted(names) == ["Ada", "Bea"]
    assert [n for n, _, _ in due(net)] == names


def test_a_birthday_two_weeks_ahead_is_not_a_suggestion(net: Net) -> None:
    ok(net, "add", "Tia", "--birthday", "07-03")  # exactly 14 days ahead
    assert due(net, "--all") == []


def test_an_old_store_gets_the_new_cached_columns_after_migrating(net: Net, store: Path) -> None:
    ok(net, "add", "Zed", "--circle", "close")
    ok(net, "log", "zed", "coffee", "--on", ago(45))
    with closing(sqlite3.connect(store)) as conn, conn:  # back to schema 4, as an older quietnet left it
        for column in ("clock_start", "last_real", "last_real_kind", "dormant_from", "rest_until"):
            conn.execute(f"ALTER TABLE person_state DROP COLUMN {column}")
        for index in (*INDEXES_0013, *INDEXES_0014, *INDEXES_0015):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("UPDATE person_state SET eff = eff + 45, due_start = NULL")  # as version 1 left it
        conn.execute("DROP TABLE note")  # added by 0007
        conn.execute("DROP TABLE relationship")  # added by 0008
        conn.execute("DROP TABLE yearly_date")  # added by 0009
        conn.execute("DROP TABLE kind")  # added by 0010
        conn.execute("DROP TABLE captured")  # added by 0011
        conn.execute("DROP TABLE card_sync")  # added by 0012
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
        conn.execute("PRAGMA user_version = 4")
    assert due(net) == [("Zed", "time_apart", "call")]
    assert "Gap: 45.00 days" in ok(net, "why", "zed")
    assert "don't match" not in net("doctor").out


def test_the_review_words_next_weeks_birthdays_as_read_on_sunday(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(net, "add", "Raj", "--birthday", "06-24")  # a Tuesday
    monkeypatch.setenv("NET_TODAY", "2025-06-22")  # read on Sunday
    out = ok(net, "review")
    assert "A few people for next week\n  Raj: Birthday in 2 days. A short message?\n" in out
    assert "tomorrow" not in out
