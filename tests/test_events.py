"""`net event` and `net events`: go or skip, a small plan, a one-minute log, what events gave you."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from quietnet.core.events import Known, Past, Proposal, consider, make_plan, pick_questions
from tests.helpers import Net, data, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(autouse=True)
def people(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--interests", "accessibility, type")
    ok(net, "add", "Tom Baker", "--nickname", "tom")
    ok(net, "need", "tom", "a flat in Lisbon")


# -- go or skip ---------------------------------------------------------------------------------


def test_a_small_event_on_a_topic_that_matters_with_a_friend_there_is_a_go(net: Net) -> None:
    out = ok(
        net,
        "event",
        "consider",
        "Lisbon a11y meetup",
        "--interest",
        "3",
        "--size",
        "small",
        "--format",
        "talks",
        "--knows",
        "ana",
        "--on",
        "2025-06-26",
    )
    assert out == (
        "Go: Lisbon a11y meetup (Thu 26 Jun).\n"
        "  + the topic matters to you (3 of 3)\n"
        "  + a small group is easier on your energy\n"
        "  + Ana Ruiz will be there\n"
        "  This would be event 1 of 2 in June.\n"
        'Next: net event plan "Lisbon a11y meetup"\n'
    )


def test_a_large_mingle_on_a_mild_topic_is_a_skip_with_an_alternative(net: Net) -> None:
    found = data(
        net,
        "event",
        "consider",
        "Mixer",
        "--interest",
        "1",
        "--size",
        "large",
        "--format",
        "mingling",
        "--knows",
        "tom",
        "--on",
        "2025-06-27",
    )
    assert found["decision"] == "skip"
    assert [r["points"] for r in found["reasons"]] == [-1, -1, -1, 1]
    assert found["alternative"] == "a short note to Tom Baker, or one coffee with Tom Baker"
    assert found["month"] == {"going": 0, "budget": 2}


def test_the_monthly_budget_says_skip_once_it_is_used(net: Net) -> None:
    ok(net, "event", "budget", "1")
    assert ok(net, "event", "budget") == "Event budget: 1 a month.\n"
    ok(net, "event", "consider", "First", "--interest", "3", "--on", "2025-06-24")
    out = ok(net, "event", "consider", "Second", "--interest", "3", "--on", "2025-06-25")
    assert out.startswith("Skip this one: Second (Wed 25 Jun).\n")
    assert "  - you already plan 1 event in June, your budget is 1\n" in out
    assert "Instead: one coffee with someone you'd enjoy, and a few short notes.\n" in out
    assert (
        data(net, "event", "consider", "Third", "--interest", "3", "--on", "2025-07-02")["decision"] == "go"
    )


def test_the_event_budget_lives_beside_the_scheduler_settings_without_upsetting_them(net: Net) -> None:
    ok(net, "event", "budget", "3")
    ok(net, "settings", "set", "weekly_energy", "6")
    ok(net, "settings", "reset", "--yes")
    assert data(net, "event", "budget") == {"monthly_budget": 3}
    assert "weekly_energy" in ok(net, "settings")
    ok(net, "event", "budget", "2")  # the default: the row goes
    assert data(net, "event", "budget") == {"monthly_budget": 2}


def test_past_events_inform_the_answer() -> None:
    tiring = [Past(date(2025, m, 1), "mingling", "large", 1, "no") for m in (1, 2, 3)]
    p = Proposal("Mixer", date(2025, 6, 1), interest=2, size="medium", format="mingling")
    v = consider(p, past=tiring, going=0, budget=2)
    assert v.decision == "skip"
    assert [r.text for r in v.reasons][-2:] == [
        "your last 3 mingling events mostly felt not worth it",
        "mingling events have left you tired (energy 1.0 of 5 afterwards)",
    ]
    good = [Past(date(2025, m, 1), "workshop", "small", 4, "yes") for m in (1, 2)]
    v = consider(
        Proposal("Clay", date(2025, 6, 1), interest=2, format="workshop"), past=good, going=0, budget=2
    )
    assert v.decision == "go"
    assert "your last 2 workshop events felt worth it" in [r.text for r in v.reasons]


# -- plan -----------------------------------------------------------------------------------------


def test_a_plan_has_a_goal_a_leave_by_time_people_questions_and_recovery(net: Net) -> None:
    ok(
        net,
        "event",
        "consider",
        "Lisbon a11y meetup",
        "--size",
        "small",
        "--knows",
        "ana",
        "--knows",
        "tom",
        "--on",
        "2025-06-26",
    )
    out = ok(net, "event", "plan", "lisbon", "--starts", "19:00")
    assert out.startswith(
        "Plan for Lisbon a11y meetup (Thu 26 Jun):\n"
        "  Goal: two real conversations.\n"
        "  Leave by: 20:30. Leaving then is part of the plan.\n"
        "  Look for:\n"
        "    Ana Ruiz (cares about accessibility, type)\n"
        "    Tom Baker (needs a flat in Lisbon)\n"
        "  Questions to have ready:\n"
    )
    assert "  Afterwards: Keep an hour after it free: a walk, no screens.\n" in out
    plan = data(net, "event", "plan", "lisbon", "--goal", "one real conversation", "--leave-by", "20:00")
    assert (plan["goal"], plan["leave_by"]) == ("one real conversation", "20:00")
    assert len(plan["questions"]) == 3


def test_plan_questions_come_from_an_editable_list(net: Net) -> None:
    assert len(data(net, "event", "questions")) == 8
    ok(net, "event", "questions", "--add", "What's a small win you had this month?")
    assert data(net, "event", "questions")[-1] == "What's a small win you had this month?"
    ok(net, "event", "questions", "--remove", "1")
    assert len(data(net, "event", "questions")) == 8
    ok(net, "event", "questions", "--reset")
    assert data(net, "event", "questions")[0] == "What are you working on that you're enjoying?"
    assert pick_questions(["a", "b", "c", "d"], 1) == ("d", "a", "b")


def test_a_large_event_gets_a_longer_recovery() -> None:
    plan = make_plan(
        size="large",
        fmt="talks",
        role="speaker",
        known=[Known(1, "Ana")],
        questions=["q"] * 3,
        past=[],
        offset=0,
    )
    assert plan.goal == "give your talk, then one real conversation"
    assert plan.leave_by == "after about 90 minutes"
    assert plan.recovery.startswith("Keep the evening after free")


# -- log and history ----------------------------------------------------------------------------


def test_logging_adds_the_people_met_and_promises_due_in_two_days(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(net, "event", "consider", "Lisbon a11y meetup", "--interest", "3", "--on", "2025-06-18")
    out = ok(
        net,
        "event",
        "log",
        "lisbon",
        "--met",
        "Lena Park: runs the meetup",
        "--met",
        "Rui Costa",
        "--promise",
        "lena: send the slides",
        "--promise",
        "tom: ask about flats",
        "--energy",
        "3",
        "--worth",
        "yes",
        "--learned",
        "captions matter",
    )
    assert out == (
        "Logged Lisbon a11y meetup (Wed 18 Jun).\n"
        "  New people: Lena Park (#3), Rui Costa (#4)\n"
        "  Promise to Lena Park: send the slides (#2; net done 2 when it's done)\n"
        "  Promise to Tom Baker: ask about flats (#3; net done 3 when it's done)\n"
        "  Energy afterwards: 3 of 5.\n"
        "net today will show these promises for the next two days. Rest first.\n"
    )
    lena = data(net, "show", "lena")
    assert {k: lena["person"][k] for k in ("origin", "how_met", "met_on", "circle", "notes")} == {
        "origin": "event",
        "how_met": "Lisbon a11y meetup",
        "met_on": "2025-06-18",
        "circle": "acquaintance",
        "notes": "runs the meetup",
    }
    assert lena["events"] == [
        {"id": 1, "name": "Lisbon a11y meetup", "day": "2025-06-18", "role": "met", "note": "runs the meetup"}
    ]
    today = ok(net, "today")
    assert (
        "After events:\n  #2 Lena Park: send the slides (from Lisbon a11y meetup, by Sat 21 Jun)\n" in today
    )
    assert "Promises you made" not in today  # shown once, under the event
    follow = data(net, "today")["event_follow_ups"]
    assert [(f["loop_id"], f["due"]) for f in follow] == [(2, "2025-06-21"), (3, "2025-06-21")]
    ok(net, "done", "2")
    monkeypatch.setenv("NET_TODAY", "2025-07-20")
    ok(net, "log", "lena", "email", "--on", "2025-06-20")
    ok(net, "log", "lena", "coffee", "--on", "2025-07-01")
    ok(net, "log", "rui costa", "email", "--on", "2025-06-20")
    history = data(net, "events")["by_format_and_size"]
    assert history == [
        {
            "format": "unknown",
            "size": "unknown",
            "events": 1,
            "energy": 3.0,
            "worth": {"yes": 1, "meh": 0, "no": 0},
            "met": 2,
            "followed": 2,
            "continued": 1,
            "work": 0,
        }
    ]


def test_logging_again_adds_to_the_same_event(net: Net) -> None:
    ok(net, "event", "log", "Book club", "--met", "Ines: loves maps", "--on", "2025-06-12")
    ok(net, "event", "log", "book club", "--met", "#2: came with me", "--energy", "4")
    found = data(net, "events")["by_format_and_size"]
    assert (found[0]["events"], found[0]["met"], found[0]["energy"]) == (1, 2, 4.0)


def test_a_recent_event_you_went_to_asks_for_a_one_minute_log(net: Net) -> None:
    ok(net, "event", "consider", "Type night", "--interest", "3", "--size", "small", "--on", "2025-06-17")
    assert 'How was Type night? net event log "Type night" (a minute is enough)' in ok(net, "today")


def test_events_lists_what_is_coming_up(net: Net) -> None:
    assert ok(net, "events") == "No events logged yet. After one: net event log NAME --energy 3 --worth yes\n"
    ok(net, "event", "consider", "Type night", "--interest", "3", "--on", "2025-07-01")
    assert ok(net, "events").startswith("Coming up:\n  Tue 1 Jul  Type night (go)\n")


@pytest.mark.sqlite_only
def test_event_changes_are_undone_exactly(net: Net, store: Path) -> None:
    def rows() -> list[tuple[object, ...]]:
        conn = sqlite3.connect(store)
        try:
            return [
                r
                for t in ("event", "event_person", "event_loop", "person", "loop", "setting")
                for r in conn.execute(f"SELECT * FROM {t}").fetchall()
            ]
        finally:
            conn.close()

    for step in (
        ("event", "consider", "Meetup", "--interest", "2", "--knows", "ana", "--on", "2025-06-18"),
        ("event", "plan", "meetup"),
        ("event", "log", "meetup", "--met", "Lena: hi", "--promise", "lena: slides", "--energy", "2"),
        ("event", "budget", "4"),
        ("event", "questions", "--add", "Why?"),
    ):
        before = rows()
        ok(net, *step)
        after = rows()
        ok(net, "undo", "--yes")
        assert rows() == before, step
        ok(net, "undo", "--yes")
        assert rows() == after, step


REFUSED = [
    (
        ("event", "consider", "X", "--interest", "4"),
        "Interest goes from 0 (none) to 3 (it matters to you), not 4.",
    ),
    (
        ("event", "consider", "X", "--size", "huge"),
        '"huge" is not a size; choose one of small, medium, large.',
    ),
    (
        ("event", "consider", "X", "--format", "gala"),
        '"gala" is not a format; choose one of talks, workshop, mingling.',
    ),
    (
        ("event", "consider", "X", "--role", "host"),
        '"host" is not a role; choose one of attendee, volunteer, speaker.',
    ),
    (("event", "consider", "X", "--knows", "zed"), 'No one called "zed". Add them with: net add "zed"'),
    (
        ("event", "consider", "X", "--on", "someday"),
        'Can\'t read "someday" as a date. Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago.',
    ),
    (("event", "plan", "X", "--starts", "7pm"), '"7pm" is not a time; write it like 19:00.'),
    (
        ("event", "log", "Future", "--on", "2025-07-01"),
        "Future is on 2025-07-01, after today; log it once it has happened.",
    ),
    (("event", "log", "X", "--energy", "0"), "Energy goes from 1 (drained) to 5 (full), not 0."),
    (
        ("event", "log", "X", "--worth", "maybe"),
        '"maybe" is not an answer for worth it; choose one of yes, meh, no.',
    ),
    (
        ("event", "log", "X", "--met", ": nobody"),
        'Each --met starts with a name, like "Lena Park: runs the meetup".',
    ),
    (
        ("event", "log", "X", "--promise", "tom"),
        'Say what you offered, like --promise "lena: send the slides".',
    ),
    (("event", "log", "X", "--promise", "zed: slides"), 'No one called "zed". Add them with: net add "zed"'),
    (("event", "log", "#9"), "There is no event #9; net events lists them."),
    (("event", "budget", "40"), "A monthly budget goes from 0 to 31 events, not 40."),
    (("event", "questions", "--remove", "12"), "There is no question 12; the list has 8."),
    (("event", "questions", "--add", "x", "--reset"), "Use one of --add, --remove or --reset at a time."),
]


@pytest.mark.parametrize(("args", "message"), REFUSED)
def test_refusals_write_nothing(net: Net, store: Path, args: tuple[str, ...], message: str) -> None:
    before = files(store)
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before
