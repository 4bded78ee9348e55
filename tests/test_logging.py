"""Logging through the CLI: `net log`, `helped`, `promise`, `need`, `loops`, `done`, `snooze`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A store holding Ana Ruiz (#1, nickname ani), Sam Green (#2) and Tom Baker (#3)."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close"),
        ("add", "Sam Green"),
        ("add", "Tom Baker"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, people: bytes) -> None:
    seed(store, people)


def shown(net: Net, who: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(net, "show", who, "--json"))
    return data


def interactions(net: Net, who: str) -> list[tuple[str, str, str | None, str | None, bool, list[str]]]:
    """(day, kind, said, note, by_them, others) of each interaction, newest first."""
    return [
        (i["day"], i["kind"], i["said"], i["note"], i["by_them"], i["people"])
        for i in shown(net, who)["interactions"]
    ]


# net log


@pytest.mark.parametrize(
    ("words", "said_back", "kind", "said"),
    [
        (("coffee",), "a coffee", "meet", "coffee"),
        (("Lunch",), "a lunch", "meet", "lunch"),
        (("meet",), "a meeting", "meet", "meet"),
        (("email",), "an email", "message", "email"),
        (("phone",), "a phone", "call", "phone"),
        (("call",), "a call", "call", "call"),
        (("sms",), "an sms", "text", "sms"),
        (("video",), "a video call", "video", "video"),
        (("birthday",), "a birthday", "greeting", "birthday"),
        (("like",), "a like", "react", "like"),
        ((), "a message (the default)", "message", None),
        (("--kind", "coffee"), "a coffee", "meet", "coffee"),
        (("--kind", "CALL"), "a call", "call", "call"),
        (("-k", "dm"), "a dm", "message", "dm"),
    ],
)
def test_log_reads_the_kind_from_the_last_word_or_kind(
    net: Net, words: tuple[str, ...], said_back: str, kind: str, said: str | None
) -> None:
    assert ok(net, "log", "ana", *words) == f"Logged {said_back} with Ana Ruiz today.\n"
    assert interactions(net, "ana") == [("2025-06-19", kind, said, None, False, [])]


def test_log_shows_the_word_used_in_the_timeline(net: Net) -> None:
    ok(net, "log", "ana", "coffee", "--on", "2025-06-18")
    ok(net, "log", "ana", "call", "--on", "2025-06-17")
    ok(net, "log", "ana", "--on", "2025-06-16")
    assert ok(net, "show", "ana").split("Timeline\n")[1] == (
        "  2025-06-18  #1  meet (coffee)\n  2025-06-17  #2  call\n  2025-06-16  #3  message\n"
    )


def test_log_with_several_people_records_one_interaction_with_all(net: Net) -> None:
    assert ok(net, "log", "ana", "sam", "tom", "dinner", "--note", "at Tasca") == (
        "Logged a dinner with Ana Ruiz, Sam Green and Tom Baker today.\n"
    )
    assert interactions(net, "ana") == [
        ("2025-06-19", "meet", "dinner", "at Tasca", False, ["Sam Green", "Tom Baker"])
    ]
    assert interactions(net, "tom") == [
        ("2025-06-19", "meet", "dinner", "at Tasca", False, ["Ana Ruiz", "Sam Green"])
    ]
    assert ok(net, "log", "sam", "#1", "ani") == (
        "Logged a message (the default) with Sam Green and Ana Ruiz today.\n"
    )
    assert [i[5] for i in interactions(net, "ana")] == [["Sam Green"], ["Sam Green", "Tom Baker"]]


@pytest.mark.parametrize(
    ("on", "day", "words"),
    [
        ("today", "2025-06-19", "today"),
        ("yesterday", "2025-06-18", "on 2025-06-18 (yesterday)"),
        ("tue", "2025-06-17", "on 2025-06-17 (2 days ago)"),
        ("thu", "2025-06-19", "today"),
        ("fri", "2025-06-13", "on 2025-06-13 (6 days ago)"),
        ("last thursday", "2025-06-12", "on 2025-06-12 (7 days ago)"),
        ("3 days ago", "2025-06-16", "on 2025-06-16 (3 days ago)"),
        ("2 weeks ago", "2025-06-05", "on 2025-06-05 (2 weeks ago)"),
        ("2025-01-31", "2025-01-31", "on 2025-01-31 (4 months ago)"),
        ("June 3", "2025-06-03", "on 2025-06-03 (2 weeks ago)"),
    ],
)
def test_log_on_a_human_date(net: Net, on: str, day: str, words: str) -> None:
    assert ok(net, "log", "ana", "call", "--on", on) == f"Logged a call with Ana Ruiz {words}.\n"
    assert interactions(net, "ana")[0][0] == day


def test_log_note_and_them(net: Net) -> None:
    out = ok(net, "log", "ana", "call", "--them", "--note", "  her new job\nstarts in July  ")
    assert out == "Logged a call with Ana Ruiz today.\n"
    assert interactions(net, "ana") == [
        ("2025-06-19", "call", "call", "her new job\nstarts in July", True, [])
    ]
    assert ok(net, "show", "ana").split("Timeline\n")[1] == (
        "  2025-06-19  #1  call · they reached out · her new job starts in July\n"
    )
    ok(net, "log", "ana", "-n", "")
    assert interactions(net, "ana")[0][3] is None  # an empty note is no note


def test_log_updates_last_contact_to_the_latest_day(net: Net) -> None:
    ok(net, "log", "ana", "--on", "2025-06-10")
    ok(net, "log", "ana", "--on", "2025-05-01")  # logged late, happened earlier
    assert json.loads(ok(net, "list", "--json"))[0]["last_touch"] == "2025-06-10"


def test_a_single_word_is_always_a_name(net: Net, store: Path) -> None:
    ok(net, "add", "Walk")
    assert ok(net, "log", "walk") == "Logged a message (the default) with Walk today.\n"
    assert ok(net, "log", "walk", "walk") == "Logged a walk with Walk today.\n"
    assert ok(net, "log", "ana", "walk") == "Logged a walk with Ana Ruiz today.\n"
    assert [i[1:3] for i in interactions(net, "walk")] == [("meet", "walk"), ("message", None)]
    err = refused(net, store, "log", "coffee")
    assert err == 'No one called "coffee". Add them with: net add "coffee"\n'


def test_log_reminds_of_open_promises(net: Net) -> None:
    ok(net, "promise", "ana", "send the book list")
    ok(net, "need", "ana", "a flat in Porto")
    assert ok(net, "log", "ana", "coffee") == (
        "Logged a coffee with Ana Ruiz today.\n"
        "  You offered Ana Ruiz: send the book list (close it with net done 1).\n"
    )


# net helped


def test_helped_records_a_help_that_shows_everywhere(net: Net) -> None:
    assert ok(net, "helped", "ana", "intro to Priya", "--kind", "intro", "--on", "yesterday") == (
        "Noted: you helped Ana Ruiz on 2025-06-18 (yesterday): intro to Priya (an introduction). "
        "Thank you for doing it.\n"
    )
    assert ok(net, "helped", "sam", "lent a drill") == (
        "Noted: you helped Sam Green today: lent a drill. Thank you for doing it.\n"
    )
    assert ok(net, "helped") == (
        "Ways you helped since 2025-03-27:\n"
        "  2025-06-19  Sam Green: lent a drill (other)\n"
        "  2025-06-18  Ana Ruiz: intro to Priya (intro)\n"
        "2 in all.\n"
    )
    assert json.loads(ok(net, "helped", "--json")) == [
        {"id": 2, "day": "2025-06-19", "person_id": 2, "person": "Sam Green", "kind": "other",
         "what": "lent a drill", "outcome": None, "outcome_on": None},
        {"id": 1, "day": "2025-06-18", "person_id": 1, "person": "Ana Ruiz", "kind": "intro",
         "what": "intro to Priya", "outcome": None, "outcome_on": None},
    ]  # fmt: skip
    assert ok(net, "show", "ana").split("\n\n", 1)[1] == (
        "Ways you helped\n  2025-06-18  #1  intro: intro to Priya\n\nTimeline\n  2025-06-18  #1  help\n"
    )
    assert interactions(net, "ana") == [("2025-06-18", "help", None, "intro to Priya", False, [])]
    assert json.loads(ok(net, "list", "--json"))[0]["last_touch"] == "2025-06-18"


@pytest.mark.parametrize(
    "kind", ["intro", "advice", "referral", "resource", "recommendation", "favor", "Other"]
)
def test_helped_takes_every_kind(net: Net, kind: str) -> None:
    ok(net, "helped", "ana", "something", "-k", kind)
    assert shown(net, "ana")["helps"][0]["kind"] == kind.casefold()


def test_helped_lists_since_a_day(net: Net) -> None:
    ok(net, "helped", "ana", "old favour", "--on", "2025-01-10", "--kind", "favor")
    ok(net, "helped", "ana", "recent advice", "--on", "2025-06-01", "--kind", "advice")
    assert [h["what"] for h in json.loads(ok(net, "helped", "--json"))] == ["recent advice"]
    assert [h["what"] for h in json.loads(ok(net, "helped", "--since", "2025-01-10", "--json"))] == [
        "recent advice",
        "old favour",
    ]
    assert ok(net, "helped", "--since", "2025-06-02") == (
        'No helps logged since 2025-06-02. A small one counts: net helped NAME "what".\n'
    )
    assert ok(net, "helped", "--since", "2025-06-02", "--json") == "[]\n"


def test_helped_with_an_open_promise_asks_whether_it_kept_it(net: Net) -> None:
    ok(net, "promise", "ana", "intro to Sam")
    assert ok(net, "helped", "ana", "introduced her to Sam", "-k", "intro").splitlines()[1] == (
        "  Did this keep your promise (intro to Sam)? Close it with net done 1."
    )


# promise, need, loops, done


def test_promises_and_needs_are_listed_promises_first_oldest_first(net: Net) -> None:
    assert ok(net, "need", "sam", "a flat in Lisbon", "--on", "2025-06-01") == (
        "Noted that Sam Green needs: a flat in Lisbon (#1).\n"
    )
    assert ok(net, "promise", "ana", "send the book list") == (
        "Noted your promise to Ana Ruiz: send the book list (#2). net done 2 when it's done.\n"
    )
    ok(net, "promise", "tom", "intro to Priya", "--on", "3 days ago")
    assert ok(net, "loops") == (
        "  #3    You offered Tom Baker: intro to Priya (3 days ago)\n"
        "  #2    You offered Ana Ruiz: send the book list (today)\n"
        "  #1    Sam Green needs: a flat in Lisbon (2 weeks ago)\n"
    )
    assert json.loads(ok(net, "loops", "--json"))[2] == {
        "id": 1, "person_id": 2, "person": "Sam Green", "type": "need", "what": "a flat in Lisbon",
        "opened_on": "2025-06-01", "closed_on": None, "help_id": None,
    }  # fmt: skip
    assert [loop["id"] for loop in json.loads(ok(net, "loops", "--json"))] == [3, 2, 1]


def test_loops_with_none_open(net: Net) -> None:
    assert ok(net, "loops") == "No open loops. Nothing is waiting on you.\n"
    assert ok(net, "loops", "--json") == "[]\n"


def loop_and_help_rows(store: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    loops = query(store, "SELECT id, closed_on, help_id FROM loop ORDER BY id")
    helps = query(store, "SELECT id, person_id, kind, what, day FROM help ORDER BY id")
    return loops, helps


def test_done_with_helped_records_a_help_linked_to_the_loop(net: Net, store: Path) -> None:
    ok(net, "promise", "ana", "intro to Sam", "--on", "2025-06-01")
    out = ok(net, "done", "1", "--helped", "introduced her to Sam", "--kind", "Intro", "--on", "yesterday")
    assert out == "You kept your promise to Ana Ruiz (intro to Sam), and it is logged as a help.\n"
    assert loop_and_help_rows(store) == (
        [(1, "2025-06-18", 1)],
        [(1, 1, "intro", "introduced her to Sam", "2025-06-18")],
    )
    assert ok(net, "loops") == "No open loops. Nothing is waiting on you.\n"
    assert shown(net, "ana")["open_loops"] == []
    assert [h["what"] for h in json.loads(ok(net, "helped", "--json"))] == ["introduced her to Sam"]
    assert interactions(net, "ana")[0][:2] == ("2025-06-18", "help")


def test_done_without_helped_closes_only(net: Net, store: Path) -> None:
    ok(net, "promise", "ana", "intro to Sam")
    ok(net, "need", "sam", "a flat")
    assert ok(net, "done", "1") == "You kept your promise to Ana Ruiz: intro to Sam.\n"
    assert ok(net, "done", "2") == "Closed the need Sam Green mentioned: a flat.\n"
    assert loop_and_help_rows(store) == ([(1, "2025-06-19", None), (2, "2025-06-19", None)], [])
    assert shown(net, "ana")["interactions"] == []


def test_closing_a_loop_twice_is_refused(net: Net, store: Path) -> None:
    ok(net, "promise", "ana", "intro to Sam")
    ok(net, "done", "1", "--on", "yesterday")
    err = refused(net, store, "done", "1", "--helped", "again")
    assert err == "Loop #1 was already closed on 2025-06-18.\n"
    assert refused(net, store, "done", "1") == err


# snooze


def snoozed(net: Net, who: str) -> Any:
    return shown(net, who)["person"]["snoozed_until"]


@pytest.mark.parametrize(
    ("args", "until"),
    [
        (("--until", "2025-09-01"), "2025-09-01"),
        (("--until", "tomorrow"), "2025-06-20"),
        (("--until", "next mon"), "2025-06-23"),
        (("--until", "tue"), "2025-06-24"),
        (("--until", "in 3 weeks"), "2025-07-10"),
        (("--for", "2 weeks"), "2025-07-03"),
        (("--for", "10d"), "2025-06-29"),
        (("--for", "a month"), "2025-07-19"),
    ],
)
def test_snooze_until_a_day(net: Net, args: tuple[str, ...], until: str) -> None:
    assert ok(net, "snooze", "ana", *args) == f"Ana Ruiz is snoozed until {until}. Enjoy the quiet.\n"
    assert snoozed(net, "ana") == until
    assert f"snoozed   until {until}\n" in ok(net, "show", "ana")


def test_snooze_off_ends_it(net: Net) -> None:
    ok(net, "snooze", "ana", "--for", "2 weeks")
    assert ok(net, "snooze", "ana", "--off") == "Ana Ruiz is no longer snoozed.\n"
    assert snoozed(net, "ana") is None
    assert "snoozed" not in ok(net, "show", "ana")


@pytest.mark.parametrize(
    ("args", "err"),
    [
        (("--until", "yesterday"), '"yesterday" (2025-06-18) is already past (today is 2025-06-19); '
                                   "pick today or a later day, such as tomorrow or in 2 weeks.\n"),
        (("--until", "2025-01-01"), "2025-01-01 is already past (today is 2025-06-19); "
                                    "pick today or a later day, such as tomorrow or in 2 weeks.\n"),
        (("--until", "today"), "2025-06-19 is not after today; snoozes end in the future.\n"),
        (("--for", "0 days"), '"0 days" is too short; a span is at least 1 day, '
                              "such as 3 days, 2 weeks, a month or 10d.\n"),
        ((), 'Say how long, with --until DATE, --for "2 weeks" or --off.\n'),
        (("--for", "2 weeks", "--off"), 'Say how long, with --until DATE, --for "2 weeks" or --off.\n'),
    ],
)  # fmt: skip
def test_snooze_refuses_the_past_and_unclear_spans(
    net: Net, store: Path, args: tuple[str, ...], err: str
) -> None:
    ok(net, "snooze", "ana", "--until", "2025-08-01")
    assert refused(net, store, "snooze", "ana", *args) == err
    assert snoozed(net, "ana") == "2025-08-01"


def test_a_help_reads_as_a_whole_sentence_in_due(net: Net) -> None:
    ok(net, "helped", "ana", "lent a drill", "--on", "2025-05-01")
    assert "  Ana Ruiz: 49 days since you helped (" in ok(net, "due")
