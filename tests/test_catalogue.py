"""The bad-input catalogue, part 1: dates, names, text and field values.

Every entry is a hostile command line run through the real CLI on a store that
holds people, logs, helps, loops and a forgotten person (tests/catalogue.py);
each must end with its exit code and exactly its calm sentence on stderr, no
traceback, and a store whose full export and bytes are unchanged. The other
parts: names that match several people or none (test_catalogue_names.py) and
hostile files (test_catalogue_files.py). test_refusals.py holds more cases of
the same kind, one line each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import Net, seed

TRY = "Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago."
FUTURE = "is after today (2025-06-19); pick today or an earlier day."
NO_MONTH_13 = (
    '"2025-13-01" does not exist: there is no month 13 (months run from 01 to 12, as in 2025-06-21).'
)
NAME_CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."
NOTE_CONTROL = "A note can't contain control characters other than newlines and tabs."
TEN_MB = "n" * (10 * 1024 * 1024)
HUGE = "(this one has 10,485,760)."
CADENCE = "a cadence is at least 1 day, such as 42, 6 weeks, every 2 months or quarterly."
HELP_KINDS = "choose one of intro, advice, referral, resource, recommendation, favor, other."
KINDS = (
    "Kinds: meet (coffee, lunch, dinner, walk, visit, meeting); video; call (phone); help; "
    "message (email, letter, dm, note); text (sms, chat); greeting (birthday, holiday); "
    "react (like, comment, emoji); add your own with net kind add."
)
CIRCLES = "choose one of core, close, friends, network, acquaintance."

DATES = [
    Refusal(("log", "ana", "--on", "31/02"), f'Can\'t read "31/02" as a date. {TRY}'),
    Refusal(("add", "Tom", "--met", "31/02"), f'Can\'t read "31/02" as a date. {TRY}'),
    Refusal(("log", "ana", "--on", "2025-13-01"), NO_MONTH_13),
    Refusal(("promise", "ana", "x", "--on", "2025-13-01"), NO_MONTH_13),
    Refusal(
        ("snooze", "ana", "--until", "2025-02-30"),
        '"2025-02-30" does not exist: there is no day 30 in February 2025, whose days run from 01 to 28 '
        "(try 2025-02-28).",
    ),
    Refusal(
        ("log", "ana", "--on", "02/03/2025"),
        '"02/03/2025" could be 2 March or 3 February; '
        "please write 2025-03-02 or 2025-02-03 (year-month-day).",
    ),
    Refusal(("log", "ana", "--on", "next blursday"), f'Can\'t read "next blursday" as a date. {TRY}'),
    Refusal(
        ("intro", "ana", "sam brown", "x", "--on", "next blursday"),
        f'Can\'t read "next blursday" as a date. {TRY}',
    ),
    Refusal(("log", "ana", "--on", "12"), f'"12" is just a number, not a date. {TRY}'),
    Refusal(("done", "1", "--on", "12"), f'"12" is just a number, not a date. {TRY}'),
    Refusal(("log", "ana", "--on", "1750291200"), f'"1750291200" is just a number, not a date. {TRY}'),
    Refusal(("log", "ana", "--on", "2199-12-31"), f"2199-12-31 {FUTURE}"),
    Refusal(("log", "ana", "--on", "next year"), f'"next year" (2026-06-19) {FUTURE}'),
    Refusal(("helped", "ana", "a loan", "--on", "in 3 days"), f'"in 3 days" (2025-06-22) {FUTURE}'),
    Refusal(("give", "ana", "--done", "1", "--on", "2030-01-01"), f"2030-01-01 {FUTURE}"),
    Refusal(
        ("log", "ana", "--on", "9999-12-31"),
        '"9999-12-31" falls outside the years 1900 to 2200; check the year.',
    ),
]

NAMES = [
    Refusal(("log", ""), "A name can't be empty."),
    Refusal(("add", "   "), "A name can't be empty."),
    Refusal(("edit", "ana", "--name", "\t\n"), "A name can't be empty."),
    Refusal(("add", "\x01\x02\x03"), NAME_CONTROL),
    Refusal(("log", "\x1b"), NAME_CONTROL),
    Refusal(("add", "\u202e"), NAME_CONTROL),  # only a right-to-left override
    Refusal(("add", "Ana\x00Ruiz"), NAME_CONTROL),
    Refusal(("add", "Eve\x1b[2J"), NAME_CONTROL),  # "clear the screen"
    Refusal(("edit", "ana", "--name", "Ana\x1b]0;title\x07"), NAME_CONTROL),  # "set the window title"
]

TEXT = [
    Refusal(("log", "ana", "--note", "a\x00b"), NOTE_CONTROL),
    Refusal(
        ("helped", "ana", "a\x00b"),
        "What you did is one line: no newlines, tabs or other control characters.",
    ),
    Refusal(("log", "ana", "--note", "\x1b[31mred\x1b[0m"), NOTE_CONTROL),
    Refusal(("log", "ana", "--note", "\x1b]0;title\x07"), NOTE_CONTROL),
    Refusal(("edit", "ana", "--note", "\x1b[2J"), NOTE_CONTROL),
    Refusal(
        ("give", "ana", "--save", "\x1b[2J"),
        "What to keep is one line: no newlines, tabs or other control characters.",
    ),
    Refusal(("log", "ana", "--note", TEN_MB), f"A note can be at most 10,000 characters {HUGE}"),
    Refusal(("add", "Tom", "--note", TEN_MB), f"A note can be at most 10,000 characters {HUGE}"),
    Refusal(("helped", "ana", TEN_MB), f"What you did can be at most 2,000 characters {HUGE}"),
    Refusal(("give", "ana", "--save", TEN_MB), f"What to keep can be at most 2,000 characters {HUGE}"),
    Refusal(("intro", "ana", "sam brown", TEN_MB), f"Why can be at most 2,000 characters {HUGE}"),
]

FIELDS = [
    Refusal(("add", "Tom", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    Refusal(("list", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    Refusal(("log", "ana", "--kind", "dance"), f'"dance" is not a kind of contact. {KINDS}'),
    Refusal(("helped", "ana", "x", "--kind", "hug"), f'"hug" is not a kind of help; {HELP_KINDS}'),
    Refusal(("give", "ana", "--done", "1", "--kind", "hug"), f'"hug" is not a kind of help; {HELP_KINDS}'),
    Refusal(
        ("add", "Tom", "--origin", "mars"),
        '"mars" is not an origin; choose one of colleague, client, shared-interest, friend, family, event, '
        "online, other.",
    ),
    Refusal(("add", "Tom", "--cadence", "0"), f'"0" is too short; {CADENCE}'),
    Refusal(("add", "Tom", "--cadence", "-3"), f'"-3" is too short; {CADENCE}'),
    Refusal(("edit", "ana", "--cadence", "-3 weeks"), f'"-3 weeks" is too short; {CADENCE}'),
    Refusal(("edit", "ana", "--cadence", "0 days"), f'"0 days" is too short; {CADENCE}'),
    Refusal(
        ("settings", "set", "cadence.close", "0"),
        "cadence.close must be a whole number of days above 0, or 'never', not '0'.",
    ),
    Refusal(
        ("settings", "set", "cadence.close", "-5"),
        "cadence.close must be a whole number of days above 0, or 'never', not '-5'.",
    ),
    Refusal(
        ("settings", "set", "weekly_energy", "-1"),
        "weekly_energy must be a whole number, 0 or more, not '-1'.",
    ),
    Refusal(("event", "budget", "-1"), "A monthly budget goes from 0 to 31 events, not -1."),
    Refusal(("event", "budget", "-1", "--json"), "A monthly budget goes from 0 to 31 events, not -1."),
    Refusal(("event", "budget", "32"), "A monthly budget goes from 0 to 31 events, not 32."),
    Refusal(("done", "999"), "There is no loop with the id 999; net loops lists the open ones."),
]

# What `net log` reads from its words (a trailing day, a kind) and `net list`'s days.
WORDS = [
    Refusal(("log", "ana", "dance"), f'"dance" is neither someone you know nor a kind of contact. {KINDS}'),
    Refusal(("log", "ana", "\x1b[2J"), NAME_CONTROL),
    Refusal(("log", "ana", "coffee", "next year"), f'"next year" (2026-06-19) {FUTURE}'),
    Refusal(
        ("log", "ana", "coffee", "yesterday", "--on", "\x1b[2J"),
        'Two days were given, "yesterday" and --on "\\x1b[2J"; keep one. Nothing was changed.',
    ),
    Refusal(("list", "--not-since", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("list", "--since", "in 3 days"), f'"in 3 days" (2025-06-22) {FUTURE}'),
    Refusal(
        ("list", "--since", "2 weeks", "--not-since", "a month"),
        "--since (2025-06-05) must come before --not-since (2025-05-19), "
        "or no one could be in touch in between.",
    ),
]

CATALOGUE = DATES + NAMES + TEXT + FIELDS + WORDS


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture(autouse=True)
def fresh(store: Path, seeded: bytes) -> None:
    seed(store, seeded)


@pytest.mark.parametrize("case", CATALOGUE, ids=ids(CATALOGUE))
def test_refused_calmly_and_nothing_changes(net: Net, store: Path, case: Refusal) -> None:
    check_refused(net, store, case)


def test_the_catalogue_is_long_enough() -> None:
    from tests.cases import CATALOGUE as FIELD_RULES
    from tests.cases import VALUES
    from tests.cases_files import FILES, STORES
    from tests.cases_names import AMBIGUOUS, FORGOTTEN, WILDCARDS

    everything = CATALOGUE + AMBIGUOUS + FORGOTTEN + WILDCARDS + FILES + FIELD_RULES + VALUES
    assert len(everything) + len(STORES) >= 100
    assert len({c.args for c in everything}) == len(everything), "an entry is listed twice"
