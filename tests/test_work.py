"""`net work` and `net referrals`: where work came from, counted calmly, never ranking people."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from quietnet.core.referrals import Engagement, caution, report
from tests.helpers import BANNED, Net, data, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(autouse=True)
def people(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--origin", "colleague", "--circle", "close", "--met", "2019-05-01")
    ok(net, "add", "Zoe Laurent", "--origin", "client", "--met", "2024-01-01")
    ok(net, "add", "Owen Price")
    ok(net, "log", "ana", "coffee", "--on", "2025-03-01")


def test_adding_work_records_the_tie_and_opens_a_thank_you(net: Net) -> None:
    out = ok(
        net,
        "work",
        "add",
        "Contoso redesign",
        "--from",
        "zoe",
        "--via",
        "ana",
        "--path",
        "referral",
        "--value",
        "4000",
        "--on",
        "2025-06-02",
    )
    assert out == (
        "Recorded: Contoso redesign for Zoe Laurent, through Ana Ruiz (referral).\n"
        "A thank-you to Ana Ruiz, and later how it went, would mean a lot: promise #1.\n"
    )
    loops = data(net, "loops")
    assert [(x["person"], x["type"], x["what"]) for x in loops] == [
        ("Ana Ruiz", "promise", "thank Ana Ruiz for Contoso redesign")
    ]
    found = data(net, "work")
    assert found == [
        {
            "id": 1,
            "title": "Contoso redesign",
            "day": "2025-06-02",
            "path": "referral",
            "person_id": 2,
            "person": "Zoe Laurent",
            "via_id": 1,
            "via": "Ana Ruiz",
            "value": 4000.0,
            "event_id": None,
            "event": None,
        }
    ]
    assert ok(net, "work").startswith(
        "Work, newest first:\n  2025-06-02  Contoso redesign: from Zoe Laurent via Ana"
    )
    assert "Work\n  2025-06-02  Contoso redesign: through them, for Zoe Laurent" in ok(net, "show", "ana")
    assert "Work\n  2025-06-02  Contoso redesign: from them (referral)" in ok(net, "show", "zoe")


def test_cold_work_and_no_thanks_open_no_promise(net: Net) -> None:
    ok(net, "work", "add", "Audit", "--from", "owen", "--path", "cold")
    ok(net, "work", "add", "Review", "--from", "zoe", "--path", "repeat-client", "--no-thanks")
    assert data(net, "loops") == []
    added = data(net, "work", "add", "Talk", "--from", "zoe", "--path", "inbound")
    assert added["thanks_loop_id"] == 1


def test_work_traced_to_an_event(net: Net) -> None:
    ok(net, "event", "consider", "Type night", "--size", "large", "--on", "2025-05-01")
    ok(net, "event", "log", "type night", "--met", "Lena Park: runs it")
    ok(net, "work", "add", "Poster", "--from", "lena", "--path", "event")
    ok(net, "work", "add", "Book cover", "--from", "zoe", "--path", "event", "--event", "type night")
    assert data(net, "events")["by_format_and_size"][0]["work"] == 2
    assert data(net, "referrals")["large_event"] == 1


def test_referrals_count_beside_percentages_and_call_a_handful_a_handful(net: Net) -> None:
    ok(
        net,
        "work",
        "add",
        "Contoso redesign",
        "--from",
        "zoe",
        "--via",
        "ana",
        "--path",
        "referral",
        "--value",
        "4000",
        "--on",
        "2025-06-02",
    )
    ok(net, "work", "add", "Workshop", "--from", "zoe", "--path", "repeat-client", "--value", "1000")
    ok(net, "work", "add", "Old job", "--from", "owen", "--path", "cold", "--on", "2018-01-01")
    out = ok(net, "referrals")
    assert out.startswith(
        "Where your work came from, the last 5 years (2 engagements):\n"
        "Only 2 engagements: read these as hints.\n"
    )
    assert (
        "How it came:\n  referral         1   50%  value 4000\n  repeat-client    1   50%  value 1000\n"
        in out
    )
    assert "Where the tie began:\n  former colleague    1   50%" in out
    assert "Their circle at the time:\n  close      1   50%" in out
    assert "Contact in the year before:\n  none (a quiet tie)    1   50%  value 1000\n  1-2   " in out
    assert "Years known:\n  1-3     1   50%  value 1000\n  3-10    1   50%  value 4000\n" in out
    assert "Through a quiet tie (no contact in the year before): 1 of 2.\n" in out
    for name in ("Ana", "Zoe", "Owen"):
        assert name not in out  # never names or ranks people
    assert BANNED.findall(out) == []
    assert "ask" not in out.casefold()
    everything = data(net, "referrals", "--years", "10")
    assert everything["total"] == 3
    assert everything["sections"][0]["title"] == "How it came"


def test_no_work_yet_says_so(net: Net) -> None:
    assert ok(net, "referrals", "--years", "1") == (
        'No work recorded in the last year. net work add "TITLE" --from NAME --path referral\n'
    )
    assert ok(net, "work") == 'No work recorded yet. net work add "TITLE" --from NAME --path referral\n'


def test_the_report_itself() -> None:
    assert caution(1) == "Only 1 engagement: read these as hints."
    assert caution(12) == "12 engagements: enough for rough patterns, not firm ones."
    assert caution(40) is None
    rows = [
        Engagement(date(2025, 1, n), "referral", None, "event", "friends", 0, 2.0, True) for n in range(1, 5)
    ]
    r = report(rows, since=date(2025, 1, 2))
    assert (r.total, r.quiet, r.large_event, r.value) == (3, 3, 3, None)
    assert r.sections[1].rows[0].label == "event"
    assert r.sections[1].rows[0].percent == 100


@pytest.mark.sqlite_only
def test_work_is_undone_exactly(net: Net, store: Path) -> None:
    def rows() -> list[tuple[object, ...]]:
        conn = sqlite3.connect(store)
        try:
            return (
                conn.execute("SELECT * FROM work").fetchall() + conn.execute("SELECT * FROM loop").fetchall()
            )
        finally:
            conn.close()

    before = rows()
    ok(net, "work", "add", "Audit", "--from", "zoe", "--via", "ana", "--path", "referral")
    ok(net, "undo", "--yes")
    assert rows() == before


REFUSED = [
    (
        ("work", "add", "X", "--from", "zoe", "--path", "magic"),
        '"magic" is not a path; choose one of referral, repeat-client, intro, inbound, event, cold.',
    ),
    (
        ("work", "add", "  ", "--from", "zoe", "--path", "cold"),
        'Say what the work is, e.g. net work add "Contoso redesign" --from zoe --path referral.',
    ),
    (
        ("work", "add", "X", "--from", "zoe", "--via", "zoe", "--path", "referral"),
        "--via names the same person as --from (Zoe Laurent); leave --via out.",
    ),
    (
        ("work", "add", "X", "--from", "zed", "--path", "cold"),
        'No one called "zed". Did you mean Zoe Laurent?',
    ),
    (
        ("work", "add", "X", "--from", "zoe", "--path", "cold", "--value", "-5"),
        "A value can't be below zero (-5).",
    ),
    (
        ("work", "add", "X", "--from", "zoe", "--path", "cold", "--on", "2025-07-01"),
        "2025-07-01 is after today (2025-06-19); pick today or an earlier day.",
    ),
    (
        ("work", "add", "X", "--from", "zoe", "--path", "event", "--event", "nope"),
        'No event called "nope"; net events lists them.',
    ),
    (("referrals", "--years", "0"), "Look back 1 to 100 years, not 0."),
]


@pytest.mark.parametrize(("args", "message"), REFUSED)
def test_refusals_write_nothing(net: Net, store: Path, args: tuple[str, ...], message: str) -> None:
    before = files(store)
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before


def test_calm_words_in_everything_these_commands_print_on_the_demo(net: Net, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from quietnet.engine.opening import open_database
    from quietnet.ops.demo import build

    path = tmp_path / "demo.db"
    database = open_database(path, now=lambda: datetime(2025, 6, 19, tzinfo=UTC))
    with database.write("demo") as s:
        build(s, today=date(2025, 6, 19))
    database.close()
    runs = [
        ("give",),
        ("give", "tom"),
        ("give", "priya"),
        ("give", "ana"),
        ("intro",),
        ("events",),
        ("referrals",),
        ("work",),
        ("today",),
        ("show", "jonas"),
        ("event", "consider", "Type design talks"),
        ("event", "plan", "Type design talks"),
        *[(c, "--help") for c in ("give", "intro", "events", "referrals", "work")],
        ("event", "consider", "--help"),
        ("event", "log", "--help"),
    ]
    text = "\n".join(net("--db", str(path), *args).out for args in runs)
    assert len(text) > 3000
    assert BANNED.findall(text) == []
