"""`net today`, `net settings`, `net circles`, and the calm words everywhere."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.core.dates import next_yearly
from quietnet.core.morning import Upcoming, upcoming
from tests.helpers import BANNED, Net, dump

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


def test_a_quiet_day_says_so_in_one_line(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    result = net("today")
    assert result.code == 0
    assert result.out == "Thursday 19 June 2025\nA quiet day: nothing is waiting for you. Enjoy it.\n"


def test_an_empty_store_says_how_to_add_the_first_person(net: Net) -> None:
    result = net("today")
    assert (result.code, result.err) == (0, "")
    assert result.out == 'Thursday 19 June 2025\nNo one here yet. Add someone with: net add "Name"\n'


def test_birthdays_ahead_are_a_heads_up_with_no_action(net: Net) -> None:
    for name, birthday in (("Raj", "06-24"), ("Ivy", "07-03"), ("Tom", "06-20"), ("Far", "07-04")):
        assert net("add", name, "--birthday", birthday).code == 0
    assert net("log", "tom", "text").code == 0  # Tom's is settled: no heads-up, no suggestion
    result = net("today")
    assert result.out == "Thursday 19 June 2025\n\nBirthdays ahead: Raj on Tuesday, Ivy on Thu 3 Jul.\n"
    data = json.loads(net("today", "--json").out)
    assert data["suggestions"] == []
    assert data["energy"]["spent"] == 0
    assert data["birthdays"] == [
        {"id": 1, "name": "Raj", "date": "2025-06-24", "days": 5, "label": "birthday"},
        {"id": 2, "name": "Ivy", "date": "2025-07-03", "days": 14, "label": "birthday"},
    ]
    assert "Birthdays ahead: Ivy on Thursday, Far on Fri 4 Jul." in net("today", "--as-of", "2025-06-27").out
    assert "Raj: Birthday in 2 days. A short message?" in net("today", "--as-of", "2025-06-22").out
    assert "Raj: Birthday tomorrow. A short message?" in net("today", "--as-of", "2025-06-23").out


def test_the_morning_view(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-05-05").code == 0
    assert (
        net("add", "Tom Baker", "--circle", "friends", "--birthday", "06-21", "--met", "2025-06-01").code == 0
    )
    assert net("add", "Mei Chen", "--circle", "friends", "--met", "2025-06-01").code == 0
    assert net("promise", "mei", "intro to Sam", "--on", "2025-06-16").code == 0
    assert net("add", "Lia Wong", "--met", "2025-06-01").code == 0
    assert net("snooze", "lia", "--until", "2025-06-20").code == 0
    result = net("today", "--as-of", "2025-06-20")
    assert result.out == (
        "Friday 20 June 2025\n"
        "\n"
        "A few people who might enjoy hearing from you:\n"
        "  Tom Baker: Birthday tomorrow. A short message?\n"
        "  Mei Chen: You offered to help (intro to Sam). A small help?\n"
        "  Ana Ruiz: 46 days since a meeting (monthly rhythm). A call?\n"
        "\n"
        "Promises you made:\n"
        "  #1 Mei Chen: intro to Sam (since 2025-06-16)\n"
        "\n"
        "Snoozes ending today: Lia Wong\n"
    )
    data = json.loads(net("today", "--as-of", "2025-06-20", "--json").out)
    assert data["as_of"] == "2025-06-20"
    assert [s["name"] for s in data["suggestions"]] == ["Tom Baker", "Mei Chen", "Ana Ruiz"]
    assert [s["reason"] for s in data["suggestions"]] == ["event", "loop", "time_apart"]
    assert data["birthdays"] == []  # Tom's is on the list itself
    assert data["promises"][0]["what"] == "intro to Sam"
    assert data["snoozes_ending"] == [{"id": 4, "name": "Lia Wong"}]


def test_due_json_keeps_its_shape(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    data = json.loads(net("due", "--json").out)
    assert set(data) == {"as_of", "energy", "suggestions"}
    assert data["energy"] == {"weekly": 10, "spent": 0, "remaining": 10}
    (s,) = data["suggestions"]
    assert set(s) >= {
        "id",
        "name",
        "circle",
        "score",
        "ratio",
        "gap_days",
        "cadence_days",
        "reason",
        "action",
        "why",
    }
    assert s["reason"] in {"time_apart", "drifting", "event", "loop", "dormant"}
    assert s["action"] in {"meet", "video", "call", "help", "message"}


def test_logging_today_never_raises_the_score(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    before = json.loads(net("due", "--all", "--json").out)["suggestions"][0]["score"]
    assert net("log", "ana", "react").code == 0
    after = json.loads(net("due", "--all", "--json").out)["suggestions"]
    assert not after or after[0]["score"] <= before


def test_interactions_after_as_of_change_nothing(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-05-01").code == 0
    earlier = net("due", "--json", "--as-of", "2025-06-01").out
    assert net("log", "ana", "coffee", "--on", "2025-06-10").code == 0
    assert net("due", "--json", "--as-of", "2025-06-01").out == earlier


def test_settings_show_set_reset_and_preset(net: Net, store: Path) -> None:
    assert net("settings", "set", "weekly_energy", "6").out == "weekly_energy is now 6.\n"
    assert json.loads(net("settings", "--json").out)["weekly_energy"] == 6
    assert net("settings").out == (
        "Weekly energy: 6 a week (default 10). A meeting costs 3, a call 2, a message 1.\n"
        "Daily maximum: 3 people a day.\n"
        "To change them: net settings set weekly_energy 8, or net settings set daily_max 2.\n"
        "Everything else (rhythms, weights, coefficients): net settings --all\n"
    )
    every = net("settings", "--all").out
    assert every.startswith("Weekly energy: 6 a week (default 10).")
    assert "\ncadence.core                   7  days between check-ins with core" in every
    (energy,) = [line for line in every.splitlines() if line.startswith("weekly_energy ")]
    assert energy.startswith("weekly_energy                  6  energy for reaching out in a week")
    assert energy.endswith("(default 10)")
    assert net("settings", "preset", "sivers").code == 0
    assert json.loads(net("settings", "--json").out)["cadence.close"] == 60
    assert net("settings", "reset", "weekly_energy").out == "weekly_energy is back to 10.\n"
    refused = net("settings", "reset")
    assert refused.code == 1
    assert "run again with --yes" in refused.err
    assert net("settings", "reset", "--yes").code == 0
    assert json.loads(net("settings", "--json").out)["cadence.close"] == 30


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("settings", "set", "weekly_energy", "-1"), "weekly_energy must be a whole number, 0 or more"),
        (("settings", "set", "daily_max", "0"), "daily_max must be"),
        (("settings", "set", "cadence.close", "0"), "cadence.close must be"),
        (("settings", "set", "cadense.close", "3"), "Unknown setting 'cadense.close'"),
        (("settings", "preset", "fast"), "Unknown preset 'fast'"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_written(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    before = dump(store)
    result = net(*args)
    assert result.code == 1
    assert message in result.err
    assert "Traceback" not in result.err
    assert dump(store) == before


def test_a_changed_cadence_changes_who_is_suggested(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-05-10").code == 0
    assert [s["name"] for s in json.loads(net("due", "--json").out)["suggestions"]] == ["Ana Ruiz"]
    assert net("settings", "set", "cadence.close", "60").code == 0
    assert json.loads(net("due", "--json").out)["suggestions"] == []


def test_circles_counts_and_hints(net: Net) -> None:
    for name in ("A", "B"):
        assert net("add", name, "--circle", "close").code == 0
    out = net("circles").out
    assert "close            2  (guide: about 15)" in out
    data = json.loads(net("circles", "--json").out)
    assert data["circles"][1] == {"circle": "close", "people": 2, "guide": "about 15"}


def test_circle_hints_come_in_the_order_people_were_added_on_every_backend(net: Net) -> None:
    """On PostgreSQL an edited row moves to the end of its table: the hints must not follow it."""
    for name in ("Ann", "Bea"):
        assert net("add", name, "--circle", "friends", "--met", "2025-01-01").code == 0
        for day in ("03-01", "03-15", "04-01", "04-15", "05-01", "05-15", "06-01", "06-15"):
            assert net("log", name, "coffee", "--on", f"2025-{day}").code == 0
    assert net("edit", "ann", "--nickname", "Annie").code == 0
    hints = json.loads(net("circles", "--json").out)["hints"]
    assert [(h["name"], h["suggested"]) for h in hints] == [("Ann", "close"), ("Bea", "close")]


def test_no_guilt_words_in_anything_the_demo_prints(net: Net, tmp_path: Path) -> None:
    from datetime import UTC, date, datetime

    from quietnet.engine.opening import open_database
    from quietnet.ops.demo import build

    path = tmp_path / "demo.db"
    database = open_database(path, now=lambda: datetime(2025, 6, 19, tzinfo=UTC))
    with database.write("demo") as s:
        build(s, today=date(2025, 6, 19))
    database.close()
    texts = []
    for args in (("today",), ("due", "--all"), ("loops",), ("helped",), ("circles",), ("settings",)):
        texts.append(net("--db", str(path), *args).out)
    ids = [p["id"] for p in json.loads(net("--db", str(path), "list", "--json").out)]
    texts += [net("--db", str(path), "why", f"#{i}").out for i in ids]
    text = "\n".join(texts)
    assert len(text) > 2000
    assert BANNED.findall(text) == []


@pytest.mark.sqlite_only
def test_demo_runs_and_leaves_no_store_behind(net: Net, store: Path) -> None:
    before = dump(store)
    result = net("demo")
    assert result.code == 0
    assert "$ net today" in result.out
    assert "That store is gone now." in result.out
    assert dump(store) == before


@given(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2030, 12, 31)),
    st.sampled_from([(2, 28), (2, 29), (3, 1), (12, 31), (1, 1), (6, 21)])
    | st.tuples(st.integers(1, 12), st.integers(1, 28)),
    st.integers(0, 14),
)
def test_upcoming_birthdays_agree_with_the_next_yearly_date(
    today: date, birthday: tuple[int, int], days: int
) -> None:
    month, day = birthday
    when = next_yearly(month, day, on_or_after=today)
    found = upcoming([(1, "Ana", f"{month:02d}-{day:02d}", "birthday")], today=today, days=days)
    expected = [Upcoming(1, "Ana", when, (when - today).days)] if (when - today).days <= days else []
    assert found == expected


@pytest.mark.sqlite_only
@pytest.mark.parametrize("day", [f"2025-06-{d}" for d in range(16, 23)])  # every day of a week
def test_the_demo_morning_has_suggestions_and_explains_why(
    net: Net, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    monkeypatch.setenv("NET_TODAY", day)
    out = net("demo").out
    morning = out.split("$ net today\n")[1].split("\n$ net ")[0]
    assert "A few people who might enjoy hearing from you:\n" in morning
    assert "rest is fine" not in morning
    before_why = out.split('$ net why "sam okafor"\n')[0]
    assert before_why.endswith(
        "Why is someone suggested, or not? net why shows how one person's score adds up: time\n"
        "apart against their rhythm, how close you are, a birthday near, an open promise, a tie\n"
        "gone quiet. The last line says in one sentence why they are or are not on today's list.\n\n"
    )


def test_the_oldest_five_promises_are_shown_and_the_rest_counted(net: Net) -> None:
    """The text reads only the first five (and counts the rest); --json lists them all."""
    for n, name in enumerate(("Ana", "Bo", "Cy", "Dee", "Eve", "Fay", "Gus"), 1):
        assert net("add", f"{name} Ruiz", "--met", "2025-06-01").code == 0
        assert net("promise", name.lower(), f"thing {n}", "--on", f"2025-06-{n:02d}").code == 0
    assert net("archive", "gus").code == 0  # an archived person's promise is not counted
    assert net("event", "consider", "Lisbon meetup", "--interest", "3", "--on", "2025-06-18").code == 0
    assert (
        net("event", "log", "lisbon", "--promise", "ana: send the slides").code == 0
    )  # under "After events"
    out = net("today").out
    promises = out[out.index("Promises you made:") :]
    assert promises == (
        "Promises you made:\n"
        + "".join(
            f"  #{n} {name} Ruiz: thing {n} (since 2025-06-0{n})\n"
            for n, name in enumerate(["Ana", "Bo", "Cy", "Dee", "Eve"], 1)
        )
        + "  and 1 more: net loops\n"
        + "\nAfter events:\n  #8 Ana Ruiz: send the slides (from Lisbon meetup, by Sat 21 Jun)\n"
    )
    listed = json.loads(net("today", "--json").out)["promises"]
    assert [p["what"] for p in listed] == [f"thing {n}" for n in range(1, 7)]
    assert net("done", "1").code == 0
    assert "and 1 more" not in net("today").out  # five left: all shown
    assert "  #6 Fay Ruiz: thing 6 (since 2025-06-06)\n" in net("today").out
