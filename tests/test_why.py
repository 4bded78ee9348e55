"""`net why NAME` and `--json`: the one sentence and code that say why someone is or is not listed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from tests.helpers import BANNED, Net, ok

TODAY = date(2025, 6, 19)  # a Thursday; the week began on Monday 16 June


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(net: Net, name: str, circle: str, *touches: tuple[str, int], met: int = 400, **opts: str) -> None:
    extra = [x for k, v in opts.items() for x in (f"--{k}", v)]
    ok(net, "add", name, "--circle", circle, "--met", ago(met), *extra)
    for kind, days in touches:
        ok(net, "log", name, kind, "--on", ago(days))


def why(net: Net, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(net, "why", name, "--json"))
    text = ok(net, "why", name)
    assert text.rstrip("\n").splitlines()[-1] == data["sentence"]  # the text ends with the same sentence
    assert not BANNED.search(data["sentence"])
    return data


def check(net: Net, name: str, code: str | None, sentence: str) -> dict[str, Any]:
    data = why(net, name)
    assert (data["listed"], data["not_listed"], data["sentence"]) == (code is None, code, sentence)
    return data


def test_listed_carries_every_field_of_due(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 45))
    data = check(net, "ana", None, "On today's list: rank 1 of 1, for time since you last caught up.")
    suggestion = json.loads(ok(net, "due", "--json"))["suggestions"][0]
    assert {k: data[k] for k in suggestion} == suggestion
    assert data["terms"][:2] == [
        {"name": "time_apart", "value": 0.25, "coefficient": 10.0, "points": 2.5},
        {"name": "strength", "value": 0.75, "coefficient": 6.0, "points": 4.5},
    ]
    assert sum(t["points"] for t in data["terms"]) == pytest.approx(data["score"])


def test_archived(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 45))
    ok(net, "archive", "ana")
    data = json.loads(ok(net, "why", "ana", "--json"))
    assert (data["listed"], data["not_listed"]) == (False, "archived")
    assert ok(net, "why", "ana") == "Ana is archived, so not suggested. net unarchive brings them back.\n"


def test_snoozed(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 45))
    ok(net, "snooze", "ana", "--until", "2025-07-01")
    data = check(net, "ana", "snoozed", "Snoozed until Tue 1 Jul 2025, so not suggested before then.")
    assert data["snoozed_until"] == "2025-07-01"


def test_resting_says_until_when(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 80), ("message", 1))
    data = check(
        net, "ana", "resting",
        "Not on today's list: resting after your last message (Wed 18 Jun 2025) until Thu 3 Jul 2025.",
    )  # fmt: skip
    assert (data["last_real_contact"], data["resting_until"]) == ("2025-06-18", "2025-07-03")
    assert data["ratio"] > 1  # time apart alone would list her
    assert why(net, "ana")["listed"] is False
    assert ok(net, "why", "ana", "--as-of", "2025-07-03").endswith("for time since you last caught up.\n")


def test_no_rhythm(net: Net) -> None:
    person(net, "Ana", "acquaintance", ("meet", 300))
    check(
        net, "ana", "no_rhythm",
        "Not on today's list: acquaintances have no rhythm; only a date or an open loop brings them up.",
    )  # fmt: skip


def test_not_yet_says_when_time_alone_would_list_them(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 20))
    data = check(
        net,
        "ana",
        "not_yet",
        "Not on today's list yet: time alone would bring them up on Sun 29 Jun 2025.",
    )
    assert data["listed_from"] == "2025-06-29"
    assert why_on(net, "ana", "2025-06-28")["not_listed"] == "not_yet"
    assert why_on(net, "ana", "2025-06-29")["listed"] is True


def why_on(net: Net, name: str, day: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(net, "why", name, "--json", "--as-of", day))
    return data


def test_thin_tie(net: Net) -> None:
    person(net, "Bo", "network", ("message", 2117), met=2200)  # ratio 5.8, never a real tie
    data = check(
        net, "bo", "thin_tie",
        "Not on today's list: quiet for years, but never a close tie; a date or an open loop still counts.",
    )  # fmt: skip
    assert data["ratio"] == 5.8


def test_quiet_tie_taken_by_another(net: Net) -> None:
    for name in ("Ada", "Bea"):
        person(net, name, "friends", met=2000, closeness="4")
    check(net, "ada", None, "On today's list: rank 1 of 1, for a quiet tie worth a hello.")
    check(net, "bea", "quiet_tie_taken", "Not on today's list: one quiet tie a day, and today it is Ada.")


def test_quiet_tie_taken_by_a_reconnection_this_week(net: Net) -> None:
    for name in ("Ada", "Cy"):
        person(net, name, "friends", met=2000, closeness="4")
    ok(net, "log", "cy", "text", "--on", ago(2))  # a text after five years: a reconnection on Tuesday
    check(
        net, "ada", "quiet_tie_taken",
        "Not on today's list: you already reconnected with a quiet tie this week; one a week is plenty.",
    )  # fmt: skip


def test_daily_max(net: Net) -> None:
    for name, days in (("Ana", 80), ("Bea", 70), ("Cy", 60), ("Di", 50)):
        person(net, name, "close", ("meet", days))
    check(net, "di", "daily_max", "Not on today's list: rank 4 of 4, after the daily maximum of 3.")


def test_energy_left_cuts_the_list(net: Net) -> None:
    for name, days in (("Ana", 80), ("Bea", 70)):
        person(net, name, "close", ("meet", days))
    person(net, "Zed", "close", ("meet", 3), ("meet", 2), ("call", 1))  # 8 of 10 used this week
    check(net, "ana", None, "On today's list: rank 1 of 2, for time since you last caught up.")
    ok(net, "log", "zed", "email", "--on", ago(0))  # 9 of 10: room for one
    check(
        net,
        "bea",
        "energy",
        "Not on today's list: rank 2 of 2; the energy left this week (1) covers fewer people.",
    )
    ok(net, "log", "zed", "email", "--on", ago(0))
    check(
        net, "ana", "energy",
        "Not on today's list: rank 1 of 2; this week's energy is spent (10 of 10): rest is fine.",
    )  # fmt: skip
