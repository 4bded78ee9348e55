"""quietnet.core.dates.parse_day: every accepted and refused form.

No clock: every test passes a fixed ``today``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from quietnet.core.dates import parse_day
from tests.date_forms import LEAP_DAY, MONTH_END, NEW_YEAR, THU, assert_refused

# --- parse_day: accepted forms --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-01", date(2025, 6, 1)),
        ("  2025-06-19 ", THU),
        ("1900-01-01", date(1900, 1, 1)),
        ("today", THU),
        ("TODAY", THU),
        ("yesterday", date(2025, 6, 18)),
        (" Yesterday\t", date(2025, 6, 18)),
        ("thu", THU),
        ("thursday", THU),
        ("Thurs", THU),
        ("wed", date(2025, 6, 18)),
        ("tue", date(2025, 6, 17)),
        ("tues", date(2025, 6, 17)),
        ("Tuesday", date(2025, 6, 17)),
        ("fri", date(2025, 6, 13)),
        ("mon", date(2025, 6, 16)),
        ("sun", date(2025, 6, 15)),
        ("last thu", date(2025, 6, 12)),
        ("last thursday", date(2025, 6, 12)),
        ("last wed", date(2025, 6, 18)),
        ("last tue", date(2025, 6, 17)),
        ("last  Tuesday", date(2025, 6, 17)),
        ("last fri", date(2025, 6, 13)),
        ("0 days ago", THU),
        ("1 day ago", date(2025, 6, 18)),
        ("3 days ago", date(2025, 6, 16)),
        ("3days ago", date(2025, 6, 16)),
        ("a day ago", date(2025, 6, 18)),
        ("three days ago", date(2025, 6, 16)),
        ("a week ago", date(2025, 6, 12)),
        ("2 weeks ago", date(2025, 6, 5)),
        ("ten weeks ago", THU - timedelta(weeks=10)),
        ("a month ago", date(2025, 5, 19)),
        ("an year ago", date(2024, 6, 19)),
        ("5 months ago", date(2025, 1, 19)),
        ("one year ago", date(2024, 6, 19)),
        ("2 years ago", date(2023, 6, 19)),
        ("last week", date(2025, 6, 12)),
        ("last month", date(2025, 5, 19)),
        ("last year", date(2024, 6, 19)),
        ("June 3", date(2025, 6, 3)),
        ("3 June", date(2025, 6, 3)),
        ("june 19", THU),
        ("3 Jun 2025", date(2025, 6, 3)),
        ("Jun 3, 2025", date(2025, 6, 3)),
        ("June 3rd", date(2025, 6, 3)),
        ("Sept 5 2024", date(2024, 9, 5)),
        ("June 20", date(2024, 6, 20)),  # this year's would be after today
        ("dec 25", date(2024, 12, 25)),
        ("1 Jan", NEW_YEAR),
    ],
)
def test_parse_day_accepts(text: str, expected: date) -> None:
    assert parse_day(text, today=THU) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("1 month ago", MONTH_END, date(2025, 2, 28)),  # clamped to the month's end
        ("last month", MONTH_END, date(2025, 2, 28)),
        ("1 month ago", date(2024, 3, 31), date(2024, 2, 29)),
        ("a year ago", LEAP_DAY, date(2023, 2, 28)),
        ("last year", LEAP_DAY, date(2023, 2, 28)),
        ("4 years ago", LEAP_DAY, date(2020, 2, 29)),
        ("last week", NEW_YEAR, date(2024, 12, 25)),
        ("yesterday", NEW_YEAR, date(2024, 12, 31)),
        ("wed", NEW_YEAR, NEW_YEAR),
        ("last wed", NEW_YEAR, date(2024, 12, 25)),
        ("tue", NEW_YEAR, date(2024, 12, 31)),
        ("feb 29", LEAP_DAY, LEAP_DAY),
        ("dec 31", NEW_YEAR, date(2024, 12, 31)),
        ("thu", LEAP_DAY, LEAP_DAY),
    ],
)
def test_parse_day_other_todays(text: str, today: date, expected: date) -> None:
    assert parse_day(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2025, 6, 20)),
        ("next tue", date(2025, 6, 24)),
        ("next thu", date(2025, 6, 26)),
        ("next fri", date(2025, 6, 20)),
        ("in 2 weeks", date(2025, 7, 3)),
        ("in a day", date(2025, 6, 20)),
        ("in 3 days", date(2025, 6, 22)),
        ("in 1 month", date(2025, 7, 19)),
        ("in two years", date(2027, 6, 19)),
        ("next week", date(2025, 6, 26)),
        ("next month", date(2025, 7, 19)),
        ("2026-12-01", date(2026, 12, 1)),
        ("June 20", date(2025, 6, 20)),
        ("today", THU),
        ("yesterday", date(2025, 6, 18)),
        ("tue", date(2025, 6, 17)),  # allow_past stays True: a bare weekday looks back
    ],
)
def test_parse_day_future_when_allowed(text: str, expected: date) -> None:
    assert parse_day(text, today=THU, allow_future=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", THU),
        ("tomorrow", date(2025, 6, 20)),
        ("thu", THU),  # snoozing: a bare weekday is the next one, today included
        ("tue", date(2025, 6, 24)),
        ("June 3", date(2026, 6, 3)),  # this year's has passed
        ("june 20", date(2025, 6, 20)),
        ("in 2 weeks", date(2025, 7, 3)),
    ],
)
def test_parse_day_for_snooze(text: str, expected: date) -> None:
    assert parse_day(text, today=THU, allow_future=True, allow_past=False) == expected


def test_month_arithmetic_forward_is_clamped() -> None:
    assert parse_day("in 1 month", today=date(2025, 1, 31), allow_future=True) == date(2025, 2, 28)


# --- parse_day: refused forms ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("31/02", ['Can\'t read "31/02" as a date', "yesterday", "3 days ago"]),
        ("02/03/2025", ['"02/03/2025" could be 2 March or 3 February', "2025-03-02"]),
        ("02/03", ["2 March or 3 February", "2025-03-02"]),
        ("13/02/2025", ["2025-02-13"]),
        ("2025/6/1", ["2025-06-01"]),
        ("6.1.2025", ["2025-01-06", "2025-06-01"]),
        ("12", ['"12" is just a number', "yesterday"]),
        ("1718000000", ['"1718000000" is just a number']),
        ("20250601", ["just a number"]),
        ("next blursday", ['Can\'t read "next blursday" as a date', "last tuesday"]),
        ("", ["No date was given", "yesterday"]),
        ("   ", ["No date was given"]),
        ("2026-12-01", ["2026-12-01 is after today (2025-06-19)", "earlier"]),
        ("tomorrow", ['"tomorrow" (2025-06-20) is after today (2025-06-19)']),
        ("next tue", ["2025-06-24", "after today"]),
        ("in 2 weeks", ["after today"]),
        ("2025-13-01", ['"2025-13-01" does not exist', "no month 13", "01 to 12"]),
        ("2025-02-30", ['"2025-02-30" does not exist', "no day 30 in February 2025", "2025-02-28"]),
        ("2025-06-00", ["no day 0 in June 2025"]),
        ("2025-04-31", ["no day 31 in April 2025", "2025-04-30"]),
        ("1899-12-31", ["1900 to 2200"]),
        ("2201-01-01", ["1900 to 2200"]),
        ("0000-01-01", ["1900 to 2200"]),
        ("200 years ago", ["1900 to 2200"]),
        ("99999999999999 days ago", ["1900 to 2200"]),
        ("-3 days ago", ["Can't read"]),
        ("3 days", ["Can't read"]),
        ("ago", ["Can't read"]),
        ("last", ["Can't read"]),
        ("this tue", ["Can't read"]),
        ("feb 29", ["no day 29 in February 2025", "2025-02-28"]),
        ("june 31", ["Can't read"]),
        ("june", ["Can't read"]),
        ("june 2025", ["Can't read"]),
        ("june 3 25", ["Can't read"]),  # two-digit years would need the clock to read
        ("june 3 blah", ["Can't read"]),
        ("2025-6-1x", ["Can't read"]),
    ],
)
def test_parse_day_refuses(text: str, fragments: list[str]) -> None:
    error = assert_refused(text, *fragments, today=THU)
    assert error.message.endswith(".")


@pytest.mark.parametrize("text", ["2025-06-01", "yesterday", "last tue", "last thu", "3 days ago"])
def test_parse_day_refuses_the_past_for_snooze(text: str) -> None:
    assert_refused(text, "already past (today is 2025-06-19)", "tomorrow", today=THU,
                   allow_future=True, allow_past=False)  # fmt: skip


def test_refusal_examples_suit_the_direction() -> None:
    assert_refused("blursday", "next tue", "in 2 weeks", today=THU, allow_past=False)


def test_long_text_is_shortened_in_messages() -> None:
    error = assert_refused("x" * 500, today=THU)
    assert len(error.message) < 200
