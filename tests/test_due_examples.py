"""scheduling.md section 10's worked examples, through the real CLI and --json."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from tests.helpers import Net

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

TODAY = date(2025, 6, 19)


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def person(net: Net, name: str, circle: str, *touches: tuple[str, int], met: int = 400) -> None:
    assert net("add", name, "--circle", circle, "--met", ago(met)).code == 0
    for kind, days in touches:
        result = net("log", name, "--kind", kind, "--on", ago(days))
        assert result.code == 0, result


def due(net: Net, *args: str) -> dict[str, Any]:
    result = net("due", "--json", *args)
    assert result.code == 0, result
    data: dict[str, Any] = json.loads(result.out)
    return data


def table(data: dict[str, Any]) -> list[tuple[str, float, str, str]]:
    return [(s["name"], s["score"], s["action"], s["reason"]) for s in data["suggestions"]]


def test_a_strength_and_rhythm_not_counts(net: Net) -> None:
    assert net("settings", "set", "daily_max", "5").code == 0
    person(net, "Ana", "close", ("meet", 45))
    person(net, "Xia", "close", ("call", 40))
    person(net, "Abe", "close", ("call", 40))
    person(net, "Bo", "network", ("message", 400))
    person(net, "Dee", "network", ("meet", 10), ("message", 8), ("message", 5), ("text", 2), met=10)
    rows = table(due(net))
    assert [r[:2] for r in rows[:3]] == [("Ana", 7.0), ("Abe", 6.167), ("Xia", 6.167)]
    # The spec's table gives 1.980, the exact sum is 1.97945: 10 * (400/365 - 1) / 2 + 1.5.
    assert rows[3][0] == "Bo"
    assert rows[3][1] == pytest.approx(1.98, abs=0.001)
    assert len(rows) == 4  # Dee is not listed
    assert rows[0][2] == "call"
    assert rows[3][2] == "message"


def test_b_a_like_is_not_a_check_in(net: Net) -> None:
    person(net, "Eve", "close", ("meet", 60), ("react", 2))
    person(net, "Gus", "close", ("meet", 60), ("text", 2))
    person(net, "Fay", "close", ("meet", 60), ("call", 10))
    data = due(net)
    assert [(s["name"], s["score"], s["gap_days"]) for s in data["suggestions"]] == [
        ("Eve", 8.292, 52.75),
        ("Gus", 5.875, 38.25),
    ]


def _meetings(gaps: list[int], last: int = 35) -> list[tuple[str, int]]:
    days, out = last, [("meet", last)]
    for gap in reversed(gaps):
        days += gap
        out.append(("meet", days))
    return out


def test_c_learned_rhythm(net: Net) -> None:
    person(net, "Lia", "close", *_meetings([20, 22, 21, 21, 20]), met=800)
    person(net, "Mo", "close", met=35)
    person(net, "Kai", "close", *_meetings([58, 62, 60, 61, 59]), met=800)
    data = due(net)
    assert [(s["name"], s["score"], round(s["cadence_days"], 1)) for s in data["suggestions"]] == [
        ("Lia", 6.79, 24.0),
        ("Mo", 5.333, 30),
    ]
    why = net("why", "kai")
    assert "Rhythm: 45.0 days, learned from your meetings." in why.out


def _example_d(net: Net) -> None:
    person(net, "Nia", "close", ("meet", 70))
    person(net, "Pia", "friends", ("message", 200))
    person(net, "Oli", "close", ("call", 50))
    person(net, "Sol", "core", ("call", 9))
    person(net, "Raj", "friends", ("message", 120))
    person(net, "Zed", "close", ("meet", 5))


@pytest.mark.parametrize(
    ("spent", "expected"),
    [
        ([], [("Nia", "call"), ("Pia", "message"), ("Oli", "call")]),
        (
            [("meet", 2), ("call", 1), ("call", 0)],
            [("Nia", "message"), ("Pia", "message"), ("Oli", "message")],
        ),
        ([("meet", 2), ("call", 1), ("call", 0), ("call", 3)], [("Nia", "message")]),
        ([("meet", 2), ("call", 1), ("call", 0), ("call", 3), ("help", 3)], []),
    ],
)
def test_d_energy_budget(net: Net, spent: list[tuple[str, int]], expected: list[tuple[str, str]]) -> None:
    _example_d(net)
    for kind, days in spent:
        if kind == "help":
            assert net("helped", "zed", "lent a book", "--on", ago(days)).code == 0
        else:
            assert net("log", "zed", "--kind", kind, "--on", ago(days)).code == 0
    data = due(net)
    assert [(s["name"], s["action"]) for s in data["suggestions"]] == expected
    assert data["energy"]["spent"] == sum({"meet": 3, "call": 2, "help": 1}[k] for k, _ in spent)
    ranking = due(net, "--all")
    assert [(s["name"], s["score"]) for s in ranking["suggestions"]][:5] == [
        ("Nia", 11.167),
        ("Pia", 9.111),
        ("Oli", 7.833),
        ("Sol", 7.429),
        ("Raj", 4.667),
    ]
    if not expected:
        text = net("due").out
        assert "rest is fine" in text


def test_why_adds_up_to_the_score_due_shows(net: Net) -> None:
    _example_d(net)
    scores = {s["name"]: s["score"] for s in due(net, "--all")["suggestions"]}
    for name, score in scores.items():
        text = net("why", name).out
        points = [float(line.split()[-1]) for line in text.splitlines()[6:12]]
        total = float(next(line for line in text.splitlines() if line.startswith("score")).split()[-1])
        assert round(sum(points), 3) == pytest.approx(total, abs=0.002)
        assert total == pytest.approx(score, abs=0.0005)


def test_e_history_typed_in_after_adding_someone(net: Net) -> None:
    for name, kind, days in (("Zed", "meet", 45), ("Wim", "call", 20)):
        assert net("add", name, "--circle", "close").code == 0  # no met date: added today
        assert net("log", name, "--kind", kind, "--on", ago(days)).code == 0
    data = due(net, "--all")
    assert table(data) == [("Zed", 7.0, "call", "time_apart")]
    assert data["suggestions"][0]["gap_days"] == 45.0


def test_f_contacts_they_start(net: Net) -> None:
    person(net, "Ana", "close", ("meet", 80))
    for name in ("Mum", "Bro", "Pal"):
        args = ["add", name, "--circle", "core", "--met", ago(3000)]
        assert net(*args, *(["--kin"] if name != "Pal" else [])).code == 0
    for name, kind, days in (("Mum", "call", 2), ("Bro", "call", 1), ("Pal", "meet", 1), ("Mum", "meet", 0)):
        assert net("log", name, "--kind", kind, "--on", ago(days), "--them").code == 0
    data = due(net)
    assert data["energy"]["spent"] == 0
    assert table(data) == [("Ana", 12.833, "call", "time_apart")]
    assert [s["name"] for s in due(net, "--all")["suggestions"]] == ["Ana"]  # the others rest
    for name in ("Mum", "Bro", "Pal"):
        assert json.loads(net("why", name, "--json").out)["not_listed"] == "resting"
