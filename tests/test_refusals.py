"""Bad input through the CLI: the right exit code, one calm line on stderr, not a byte written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Net, files, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

POPULATE: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close", "--city", "Lisbon"),
    ("add", "Sam Green"),
    ("add", "Sam Brown"),
    ("log", "ana", "coffee", "--on", "2025-06-10", "--note", "new studio"),
    ("helped", "sam green", "lent a drill"),
    ("promise", "ana", "intro to Priya"),  # loop #1, open
    ("need", "sam brown", "a flat"),  # loop #2, closed below
    ("done", "2"),
    ("snooze", "sam brown", "--for", "2 weeks"),
)

TWICE_TOO_LONG = "A note can be at most 10,000 characters (this one has 40,000)."


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("template") / "net.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", "2025-06-19")
        for args in POPULATE:
            result = Net()("--db", str(path), *args)
            assert result.code == 0, result
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, populated: bytes) -> None:
    seed(store, populated)


LONG_NAME = "a" * 500
LONG_NOTE = "n" * 20_000
PAST = "pick today or a later day, such as tomorrow or in 2 weeks."
FUTURE = "pick today or an earlier day."
TRY = "Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago."
CIRCLES = "choose one of core, close, friends, network, acquaintance."
ORIGINS = "choose one of colleague, client, shared-interest, friend, family, event, online, other."
HELP_KINDS = "choose one of intro, advice, referral, resource, recommendation, favor, other."
KINDS = (
    "Kinds: meet (coffee, lunch, dinner, walk, visit, meeting); video; call (phone); help; "
    "message (email, letter, dm, note); text (sms, chat); greeting (birthday, holiday); "
    "react (like, comment, emoji); add your own with net kind add."
)
CADENCE = "a cadence is at least 1 day, such as 42, 6 weeks, every 2 months or quarterly."
NOT_A_TAG = "is not a usable tag; tags are single words like novel or climbing."
CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."
AMBIGUOUS = (
    '"sam" could be several people: Sam Green (#2), Sam Brown (#3). '
    "Use more of the name or the #id; nothing was changed."
)

# (arguments, the one line on stderr)
REFUSED: list[tuple[tuple[str, ...], str]] = [
    # names that match no one, or several
    (("add", "#1 Fan"), 'A name can\'t start with "#" (#1 Fan): #12 is how ids are written.'),
    (("edit", "ana", "--name", "#7"), 'A name can\'t start with "#" (#7): #12 is how ids are written.'),
    (("add", "Eve\u202eevil"), CONTROL),
    (("log", "anna"), 'No one called "anna". Did you mean Ana Ruiz?'),
    (("show", "Ana Ruis"), 'No one called "Ana Ruis". Did you mean Ana Ruiz?'),
    (("log", "samm", "coffee"), 'No one called "samm". Did you mean Sam Green or Sam Brown?'),
    (("log", "zzz"), 'No one called "zzz". Add them with: net add "zzz"'),
    (("log", "ana", "zzz", "coffee"), 'No one called "zzz". Add them with: net add "zzz"'),
    (("log", "sam"), AMBIGUOUS),
    (("log", "ana", "sam", "coffee"), AMBIGUOUS),
    (("helped", "sam", "lent a book"), AMBIGUOUS),
    (("forget", "sam", "--yes"), AMBIGUOUS),
    (("archive", "sam"), AMBIGUOUS),
    (("edit", "sam", "--city", "Porto"), AMBIGUOUS),
    (("log", "#999"), "No one has the id #999."),
    (("forget", "#999", "--yes"), "No one has the id #999."),
    (("log", "#abc"), '"#abc" is not a person id; ids look like #12.'),
    (("log", "#"), '"#" is not a person id; ids look like #12.'),
    # names that are not names
    (("log", ""), "A name can't be empty."),
    (("log", "   "), "A name can't be empty."),
    (("add", ""), "A name can't be empty."),
    (("add", " \t "), "A name can't be empty."),
    (("edit", "ana", "--name", ""), "A name can't be empty."),
    (("log", "a\x07b"), CONTROL),
    (("add", "a\x07b"), CONTROL),
    (("add", "Ana\nRuiz"), CONTROL),
    (("add", "Ana\x1b[2JRuiz"), CONTROL),
    (("edit", "ana", "--nickname", "a\tb"),
     "A nickname can't contain control characters (such as tabs, newlines or NUL)."),
    (("log", LONG_NAME), "A name can be at most 200 characters (this one has 500)."),
    (("add", LONG_NAME), "A name can be at most 200 characters (this one has 500)."),
    (("find", ""), "What to find can't be empty."),
    # text that is too long or not text
    (("log", "ana", "--note", LONG_NOTE), "A note can be at most 10,000 characters (this one has 20,000)."),
    (("add", "Tom", "--note", LONG_NOTE * 2), TWICE_TOO_LONG),
    (("helped", "ana", LONG_NOTE), "What you did can be at most 2,000 characters (this one has 20,000)."),
    (("promise", "ana", LONG_NOTE), "A promise can be at most 2,000 characters (this one has 20,000)."),
    (("log", "ana", "--note", "a\x00b"),
     "A note can't contain control characters other than newlines and tabs."),
    (("helped", "ana"), 'Say what you did, e.g. net helped tom "intro to Sam".'),
    (("helped", "ana", "  "), 'Say what you did, e.g. net helped tom "intro to Sam".'),
    (("promise", "ana", ""), "Say what it is, in a few words."),
    (("need", "ana", "\n"), "Say what it is, in a few words."),
    # dates
    (("log", "ana", "--on", "31/02"), f'Can\'t read "31/02" as a date. {TRY}'),
    (("log", "ana", "--on", "2025-13-01"),
     '"2025-13-01" does not exist: there is no month 13 (months run from 01 to 12, as in 2025-06-21).'),
    (("log", "ana", "--on", "2025-02-30"),
     '"2025-02-30" does not exist: there is no day 30 in February 2025, whose days run from 01 to 28 '
     "(try 2025-02-28)."),
    (("log", "ana", "--on", "02/03/2025"),
     '"02/03/2025" could be 2 March or 3 February; please write 2025-03-02 or 2025-02-03 (year-month-day).'),
    (("log", "ana", "--on", "12"), f'"12" is just a number, not a date. {TRY}'),
    (("log", "ana", "--on", "next blursday"), f'Can\'t read "next blursday" as a date. {TRY}'),
    (("log", "ana", "--on", ""), f"No date was given. {TRY}"),
    (("log", "ana", "--on", "2026-01-01"), f"2026-01-01 is after today (2025-06-19); {FUTURE}"),
    (("log", "ana", "--on", "tomorrow"), f'"tomorrow" (2025-06-20) is after today (2025-06-19); {FUTURE}'),
    (("helped", "ana", "x", "--on", "2026-01-01"), f"2026-01-01 is after today (2025-06-19); {FUTURE}"),
    (("promise", "ana", "x", "--on", "2026-01-01"), f"2026-01-01 is after today (2025-06-19); {FUTURE}"),
    (("done", "1", "--on", "2026-01-01"), f"2026-01-01 is after today (2025-06-19); {FUTURE}"),
    (("add", "Tom", "--met", "2026-01-01"), f"2026-01-01 is after today (2025-06-19); {FUTURE}"),
    (("log", "ana", "--on", "1800-01-01"),
     '"1800-01-01" falls outside the years 1900 to 2200; check the year.'),
    (("helped", "--since", "next blursday"), f'Can\'t read "next blursday" as a date. {TRY}'),
    (("snooze", "ana", "--until", "2025-06-01"), f"2025-06-01 is already past (today is 2025-06-19); {PAST}"),
    (("snooze", "ana", "--until", "today"), "2025-06-19 is not after today; snoozes end in the future."),
    (("snooze", "ana"), 'Say how long, with --until DATE, --for "2 weeks" or --off.'),
    (("snooze", "ana", "--until", "2025-09-01", "--for", "2 weeks"),
     'Say how long, with --until DATE, --for "2 weeks" or --off.'),
    (("snooze", "ana", "--for", "forever"),
     'Can\'t read "forever" as a span. Try 3 days, 2 weeks, a month or 10d.'),
    # person fields
    (("add", "Tom", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    (("edit", "ana", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    (("edit", "ana", "--circle", ""), f'"" is not a circle; {CIRCLES}'),
    (("list", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    (("add", "Tom", "--closeness", "9"), "Closeness goes from 1 to 5, not 9."),
    (("edit", "ana", "--closeness", "0"), "Closeness goes from 1 to 5, not 0."),
    (("add", "Tom", "--origin", "mars"), f'"mars" is not an origin; {ORIGINS}'),
    (("list", "--origin", "mars"), f'"mars" is not an origin; {ORIGINS}'),
    (("add", "Tom", "--email", "tom.example.com"), '"tom.example.com" does not look like an email address.'),
    (("edit", "ana", "--email", "ana @example.com"),
     '"ana @example.com" does not look like an email address.'),
    (("add", "Tom", "--cadence", "0 days"), f'"0 days" is too short; {CADENCE}'),
    (("add", "Tom", "--cadence", "every -3 weeks"), f'"every -3 weeks" is too short; {CADENCE}'),
    (("edit", "ana", "--cadence", "sometimes"),
     'Can\'t read "sometimes" as a cadence. Try 42, 6 weeks, every 2 months or quarterly.'),
    (("add", "Tom", "--birthday", "02-30"),
     '"02-30" does not exist: there is no day 30 in February, whose days run from 01 to 29 (try 02-29).'),
    (("add", "Tom", "--birthday", "13-01"),
     '"13-01" does not exist: there is no month 13 (months run from 01 to 12, as in 06-21).'),
    (("add", "Tom", "--tag", "a,b"), f'"a,b" {NOT_A_TAG}'),
    (("tag", "ana", "+#x"), f'"#x" {NOT_A_TAG}'),
    (("tag", "ana", "+"), f'"" {NOT_A_TAG}'),
    (("list", "--sort", "age"), 'Sort by "name" or "last", not "age".'),
    # kinds and loops
    (("log", "ana", "--kind", "dance"), f'"dance" is not a kind of contact. {KINDS}'),
    (("helped", "ana", "x", "--kind", "hug"), f'"hug" is not a kind of help; {HELP_KINDS}'),
    (("done", "1", "--helped", "x", "--kind", "hug"), f'"hug" is not a kind of help; {HELP_KINDS}'),
    (("done", "999"), "There is no loop with the id 999; net loops lists the open ones."),
    (("done", "2"), "Loop #2 was already closed on 2025-06-19."),
    # questions nobody can answer without a terminal
    (("forget", "ana"),
     "Forget Ana Ruiz (#1) and everything only about them, for good? "
     "Nothing was changed; run again with --yes to go ahead."),
    (("add", "Sam Green"),
     "You already have someone called Sam Green (#2). Add another? "
     "Nothing was changed; run again with --yes to go ahead."),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), REFUSED, ids=[" ".join(a)[:40] for a, _ in REFUSED])
def test_refused_input_exits_1_with_one_line_and_changes_nothing(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    before = files(store)
    result = net(*args)
    assert result.code == 1, result
    assert result.err == message + "\n"
    assert result.out == ""
    assert files(store) == before


# (arguments, what Typer says in its error box); a value an option can't take is refused
# input instead (exit 1, tests/test_catalogue_values.py)
USAGE: list[tuple[tuple[str, ...], str]] = [
    (("add",), "Missing argument 'name'."),
    (("log",), "Missing argument 'NAME... [KIND] [DAY]'."),
    (("promise", "ana"), "Missing argument 'WHAT'."),
    (("tag", "ana"), "Missing argument 'changes'."),
    (("log", "ana", "--on"), "Option '--on' requires an argument."),
    (("list", "--json=yes"), "Option '--json' does not take a value."),
    (("list", "--bogus"), "No such option: --bogus"),
    (("frobnicate",), "No such command 'frobnicate'."),
]


@pytest.mark.parametrize(("args", "message"), USAGE, ids=[" ".join(a) for a, _ in USAGE])
def test_usage_errors_exit_2_and_change_nothing(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    before = files(store)
    result = net(*args)
    assert result.code == 2, result
    assert "Traceback" not in result.err
    assert f"Error: {message}" in result.err
    assert result.out == ""
    assert files(store) == before


def test_a_refused_command_in_a_list_of_names_logs_for_no_one(net: Net, store: Path) -> None:
    """`net log ana zzz` is refused as a whole: Ana gets no half of it."""
    before = files(store)
    assert net("log", "ana", "zzz").code == 1
    assert files(store) == before
    assert net("show", "ana", "--json").out.count('"kind": "meet"') == 1
