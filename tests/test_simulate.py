"""The year-long simulation benchmark (benchmarks/simulate.py), run small: its table and its checks.

The full run (60 people, a year) takes a minute and is not part of the suite;
here a few people live three weeks, which drives every part of it: the store
built through the CLI, the mornings, the break, the naive reminder, the table.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
EMPTY = "mornings with an empty list (of them with the week's energy spent)"
ROWS = (
    "suggestions per day: mean / max",
    "suggestions per week: mean / max",
    EMPTY,
    "repeats within 3 days of a real contact (not birthdays, loops)",
    "birthdays listed: how many, days each (mean / max)",
    "birthdays listed again after the user was in touch",
    "gap/cadence, core: p50 / p90 / max",
    "gap/cadence, close: p50 / p90 / max",
    "gap/cadence, friends: p50 / p90 / max",
    "gap/cadence, network: p50 / p90 / max",
    "mornings over the daily maximum or the energy left",
    "energy you started per week: mean / max; on suggestions (weekly energy 10)",
    "quiet ties reconnected per week: mean / max (in all)",
    "largest list in the 14 days after the 4-week break",
    "Mondays with the same answer twice",
)


def bench(monkeypatch: pytest.MonkeyPatch, name: str) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # the benchmarks import each other as scripts do
    return importlib.import_module(name)


def cells(table: str) -> dict[str, list[str]]:
    lines = table.splitlines()
    assert lines[:2] == ["| measure | quietnet | naive reminder | target |", "|---|---|---|---|"]
    rows = [line.strip("|").split(" | ") for line in lines[2:]]
    assert all(len(row) == 4 for row in rows), rows
    return {row[0].strip(): [c.strip() for c in row[1:]] for row in rows}


def test_a_small_world_prints_one_table_with_every_measure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    simulate = bench(monkeypatch, "simulate")
    assert simulate.main(["--people", "8", "--days", "21", "--seed", "3", "--check"]) == 0
    out = capsys.readouterr().out
    table, _, footer = out.partition("\n\n")
    found = cells(table)
    assert tuple(found) == ROWS
    # 21 days from a Tuesday: 3 Mondays, each morning computed twice; a 3-day break from day 11.
    assert found["Mondays with the same answer twice"] == ["3 of 3", "-", "all"]
    assert re.fullmatch(r"\d+ of 18 \(\d+\)", found[EMPTY][0])
    assert found[EMPTY][1].endswith(" of 18")
    assert int(found["mornings over the daily maximum or the energy left"][0]) == 0
    assert "8 people" in footer
    assert footer.endswith("\nEvery target of issue 13 met.\n")
    assert "21 days from 2025-07-01, away 2025-07-12 to 2025-07-15; seed 3" in footer


def test_the_same_seed_gives_the_same_year(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    simulate = bench(monkeypatch, "simulate")
    tables = []
    for _ in range(2):
        assert simulate.main(["--people", "6", "--days", "10"]) == 0
        tables.append(capsys.readouterr().out.partition("\n\n")[0])
    assert tables[0] == tables[1]


def test_check_names_each_missed_target(monkeypatch: pytest.MonkeyPatch) -> None:
    measure = bench(monkeypatch, "sim_measure")
    good = measure.Measures(
        per_day=(1.0, 3),
        per_week=(7.0, 12),
        mornings=300,
        empty=20,
        spent_out=10,
        repeats=(3, 100),
        birthdays=(20, 2.5, 4, 0),
        gaps=dict.fromkeys(measure.CIRCLES, (0.8, 1.6, 2.0)),
        over=0,
        energy=(8.0, 10, 5.0, 7),
        weekly=10,
        reconnected=(0.1, 1, 5),
        after_break=3,
        mondays=(52, 52),
    )
    assert measure.failures(good) == []
    bad = dataclasses.replace(
        good,
        repeats=(4, 100),
        birthdays=(20, 2.5, 5, 2),
        gaps={**good.gaps, "close": (0.8, 1.61, 2.0)},
        over=1,
        after_break=4,
        mondays=(51, 52),
    )
    assert measure.failures(bad) == [
        "repeats within 3 days of a real contact: 4 of 100 (4.0%), target 3%",
        "days a birthday was listed: up to 5, target at most 4",
        "birthdays listed again after the user was in touch: 2, target 0",
        "mornings over the daily maximum or the energy left: 1, target 0",
        "close-circle gap/cadence p90: 1.61, target at most 1.6",
        "largest list after the break: 4, target at most 3",
        "Mondays with the same answer twice: 51 of 52, target all",
    ]


def test_repeats_and_birthdays_are_counted_from_the_mornings_and_the_contacts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    world_mod = bench(monkeypatch, "sim_world")
    drive = bench(monkeypatch, "sim_drive")
    measure = bench(monkeypatch, "sim_measure")
    start = date(2025, 7, 1)
    world = world_mod.build(1, 8, start)
    ana = next(p for p in world.people if p.circle == "close" and p.birthday)
    bob = next(p for p in world.people if p.circle == "friends")
    birthday = date(2025, *ana.birthday) if date(2025, *ana.birthday) >= start + timedelta(days=5) else None
    birthday = birthday or date(2026, *ana.birthday)
    days = (birthday - start).days + 2
    trace = drive.Trace("quietnet", world, days, (birthday + timedelta(days=1), birthday + timedelta(days=2)))
    trace.contacts += list(world.history)

    def morning(day: date, *shown: tuple[int, str, str]) -> None:
        trace.mornings[day] = drive.Morning(day, tuple(drive.Shown(*s) for s in shown), 10)

    trace.contacts.append(world_mod.Contact(start, bob.id, "email"))  # real: the next 3 days repeat
    trace.contacts.append(world_mod.Contact(start + timedelta(days=1), ana.id, "text"))  # light: no repeat
    morning(start + timedelta(days=2), (bob.id, "time_apart", "message"), (ana.id, "time_apart", "call"))
    morning(start + timedelta(days=4), (bob.id, "time_apart", "message"), (bob.id, "loop", "help"))
    morning(birthday - timedelta(days=2), (ana.id, "event", "message"))
    trace.contacts.append(world_mod.Contact(birthday - timedelta(days=2), ana.id, "birthday"))
    morning(birthday, (ana.id, "event", "message"))
    found = measure.measure(trace)
    assert found.repeats == (1, 3)
    assert found.birthdays == (1, 2, 2, 1)
    assert found.mornings == 4
    assert found.over == 0
    missed = measure.failures(found)
    first = start + timedelta(days=2)
    assert missed[:2] == [
        f"repeats within 3 days of a real contact: 1 of 3 (33.3%), target 3% ({bob.name} on {first})",
        "birthdays listed again after the user was in touch: 1, target 0"
        f" ({ana.name}'s birthday on {birthday}, listed {birthday - timedelta(days=2)}, {birthday})",
    ]
