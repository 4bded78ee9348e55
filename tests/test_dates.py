"""Tests for quietnet.core.dates: every accepted and refused form, plus Hypothesis properties.

No clock: every test passes a fixed ``today``.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quietnet.core.dates import (
    format_birthday,
    humanize_days,
    is_leap,
    month_days,
    next_yearly,
    parse_birthday,
    parse_cadence,
    parse_day,
    parse_span,
)
from quietnet.errors import DateError

THU = date(2025, 6, 19)  # a Thursday
LEAP_DAY = date(2024, 2, 29)  # a Thursday in a leap year
NEW_YEAR = date(2025, 1, 1)  # a Wednesday
MONTH_END = date(2025, 3, 31)  # a Monday

EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)
in_range = st.dates(min_value=EARLIEST, max_value=LATEST)
WEEKDAY_NAMES = [
    ("mon", "monday"),
    ("tue", "tues", "tuesday"),
    ("wed", "wednesday"),
    ("thu", "thurs", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
]
weekday_name = st.sampled_from([(i, n) for i, names in enumerate(WEEKDAY_NAMES) for n in names])
VOCAB = [
    "ago", "in", "last", "next", "every", "other", "a", "an", "one", "ten", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "d", "w", "june", "jun", "feb", "sept",
    "tue", "thursday", "today", "yesterday", "tomorrow", "0", "3", "29", "31", "2025", "99999",
    "-", "/", ",", "--", "-1", "1980-02-29", "2025-13-01", "st", "daily", "quarterly",
]  # fmt: skip
date_like_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789-/ .,:+adeijklmnorstuwy", max_size=25),
    st.lists(st.sampled_from(VOCAB), max_size=5).map(" ".join),
)


def assert_refused(
    text: str, *fragments: str, today: date, allow_future: bool = False, allow_past: bool = True
) -> DateError:
    """parse_day refuses ``text`` with a message containing every fragment."""
    with pytest.raises(DateError) as caught:
        parse_day(text, today=today, allow_future=allow_future, allow_past=allow_past)
    for fragment in fragments:
        assert fragment in caught.value.message
    return caught.value


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


# --- parse_day: properties ------------------------------------------------------------


@given(st.data())
def test_iso_round_trip(data: st.DataObject) -> None:
    today = data.draw(in_range)
    day = data.draw(st.dates(min_value=EARLIEST, max_value=today))
    assert parse_day(day.isoformat(), today=today) == day


@given(in_range, st.integers(min_value=1, max_value=400))
def test_iso_after_today_refused_unless_allowed(today: date, ahead: int) -> None:
    later = today + timedelta(days=ahead)
    if later <= LATEST:
        assert_refused(later.isoformat(), "after today", today=today)
        assert parse_day(later.isoformat(), today=today, allow_future=True) == later


@given(st.dates(min_value=date(1914, 1, 1), max_value=LATEST), st.integers(0, 5000))
def test_days_ago(today: date, n: int) -> None:
    assert parse_day(f"{n} days ago", today=today) == today - timedelta(days=n)
    assert parse_day(f"{n} day ago", today=today) == today - timedelta(days=n)


@given(in_range, weekday_name)
def test_bare_weekday_is_in_the_week_ending_today(today: date, weekday: tuple[int, str]) -> None:
    number, name = weekday
    day = parse_day(name, today=today)
    assert today - timedelta(days=6) <= day <= today
    assert day.weekday() == number


@given(st.dates(min_value=date(1900, 1, 8), max_value=LATEST), weekday_name)
def test_last_weekday_is_in_the_week_before_today(today: date, weekday: tuple[int, str]) -> None:
    number, name = weekday
    day = parse_day(f"last {name}", today=today)
    assert today - timedelta(days=7) <= day < today
    assert day.weekday() == number


@given(st.dates(min_value=EARLIEST, max_value=date(2200, 12, 24)), weekday_name)
def test_next_weekday_is_in_the_week_after_today(today: date, weekday: tuple[int, str]) -> None:
    number, name = weekday
    day = parse_day(f"next {name}", today=today, allow_future=True)
    assert today < day <= today + timedelta(days=7)
    assert day.weekday() == number


# Forms that must be accepted (so the two properties below cannot pass by refusing
# everything), mixed with random date-like text that may be refused.
past_forms = st.one_of(
    st.integers(0, 300).map("{} days ago".format),
    st.integers(0, 40).map("{} weeks ago".format),
    st.sampled_from(("today", "yesterday")),
    weekday_name.map(lambda w: w[1]),
    weekday_name.map(lambda w: f"last {w[1]}"),
)
future_forms = st.one_of(
    st.integers(1, 300).map("in {} days".format),
    st.integers(1, 40).map("in {} weeks".format),
    st.sampled_from(("today", "tomorrow")),
    weekday_name.map(lambda w: w[1]),
    weekday_name.map(lambda w: f"next {w[1]}"),
)


@settings(deadline=None)
@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)),
    st.one_of(date_like_text.map(lambda t: (t, False)), past_forms.map(lambda t: (t, True))),
)
def test_never_after_today_unless_allowed(today: date, case: tuple[str, bool]) -> None:
    text, must_accept = case
    try:
        day = parse_day(text, today=today)
    except DateError:
        assert not must_accept, text
        return
    assert day <= today


@settings(deadline=None)
@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)),
    st.one_of(date_like_text.map(lambda t: (t, False)), future_forms.map(lambda t: (t, True))),
)
def test_never_before_today_when_past_refused(today: date, case: tuple[str, bool]) -> None:
    text, must_accept = case
    try:
        day = parse_day(text, today=today, allow_future=True, allow_past=False)
    except DateError:
        assert not must_accept, text
        return
    assert day >= today


@given(st.text(alphabet="0123456789", min_size=1, max_size=40), in_range)
def test_digits_only_refused(text: str, today: date) -> None:
    assert_refused(text, "just a number", today=today)


# --- parse_birthday -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06-21", (None, 6, 21)),
        ("6-21", (None, 6, 21)),
        ("02-29", (None, 2, 29)),
        ("--0412", (None, 4, 12)),
        ("--04-12", (None, 4, 12)),
        ("1980-06-21", (1980, 6, 21)),
        ("19800621", (1980, 6, 21)),
        ("1980-02-29", (1980, 2, 29)),
        ("June 21", (None, 6, 21)),
        ("21 June", (None, 6, 21)),
        ("feb 29", (None, 2, 29)),
        ("21 June 1980", (1980, 6, 21)),
        ("Jun 21, 1980", (1980, 6, 21)),
        ("  12-31 ", (None, 12, 31)),
    ],
)
def test_parse_birthday_accepts(text: str, expected: tuple[int | None, int, int]) -> None:
    assert parse_birthday(text) == expected


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("02-30", ["no day 30 in February", "02-29"]),
        ("13-01", ["no month 13", "01 to 12"]),
        ("00-10", ["no month 0"]),
        ("04-31", ["no day 31 in April", "04-30"]),
        ("--1301", ["no month 13"]),
        ("1981-02-29", ["no day 29 in February 1981", "1981-02-28"]),
        ("1850-06-21", ["1900 to 2200"]),
        ("2201-06-21", ["1900 to 2200"]),
        ("21/06", ['Can\'t read "21/06" as a birthday', "06-21", "June 21"]),
        ("June", ["Can't read"]),
        ("June 31", ["Can't read"]),
        ("", ["Can't read"]),
        ("yesterday", ["Can't read"]),
        ("1980", ["Can't read"]),
    ],
)
def test_parse_birthday_refuses(text: str, fragments: list[str]) -> None:
    with pytest.raises(DateError) as caught:
        parse_birthday(text)
    for fragment in fragments:
        assert fragment in caught.value.message


@given(st.dates(min_value=EARLIEST, max_value=LATEST))
def test_birthday_round_trips_through_format(day: date) -> None:
    assert parse_birthday(format_birthday(day.year, day.month, day.day)) == (
        day.year,
        day.month,
        day.day,
    )
    assert parse_birthday(format_birthday(None, day.month, day.day)) == (None, day.month, day.day)


def test_format_birthday() -> None:
    assert format_birthday(None, 6, 21) == "06-21"
    assert format_birthday(1980, 6, 21) == "1980-06-21"


# --- parse_cadence and parse_span -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        ("42 days", 42),
        ("1 day", 1),
        ("6 weeks", 42),
        ("every 6 weeks", 42),
        ("Every 2 Months", 60),
        ("every month", 30),
        ("every year", 365),
        ("every 2 years", 730),
        ("yearly", 365),
        ("annually", 365),
        ("weekly", 7),
        ("fortnightly", 14),
        ("biweekly", 14),
        ("monthly", 30),
        ("quarterly", 91),
        ("every quarter", 91),
        ("every week", 7),
        ("every other week", 14),
        ("every day", 1),
        ("daily", 1),
        ("every 10 days", 10),
        ("3650", 3650),
        ("10 years", 3650),
    ],
)
def test_parse_cadence_accepts(text: str, expected: int) -> None:
    assert parse_cadence(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0", "at least 1 day"),
        ("0 days", "at least 1 day"),
        ("-3", "at least 1 day"),
        ("-2 weeks", "at least 1 day"),
        ("3651", "more than 10 years"),
        ("11 years", "more than 10 years"),
        ("99999999999999999999", "more than 10 years"),
        ("nonsense", 'Can\'t read "nonsense" as a cadence'),
        ("every", "Can't read"),
        ("", "Can't read"),
        ("w", "Can't read"),
        ("every 2 fortnights later", "Can't read"),
    ],
)
def test_parse_cadence_refuses(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_cadence(text)
    assert fragment in caught.value.message
    assert "6 weeks" in caught.value.message  # always an example of what works


@given(st.integers(min_value=1, max_value=521))
def test_cadence_every_n_weeks(n: int) -> None:
    assert parse_cadence(f"every {n} weeks") == 7 * n
    assert parse_cadence(f"{n}w") == 7 * n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 days", 3),
        ("2 weeks", 14),
        ("a month", 30),
        ("one week", 7),
        ("1 year", 365),
        ("10d", 10),
        ("2w", 14),
        ("2 wk", 14),
        ("5", 5),
        ("10 years", 3650),
    ],
)
def test_parse_span_accepts(text: str, expected: int) -> None:
    assert parse_span(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0 days", "at least 1 day"),
        ("-1 week", "at least 1 day"),
        ("11 years", "more than 10 years"),
        ("3651d", "more than 10 years"),
        ("soon", 'Can\'t read "soon" as a span'),
        ("a", "Can't read"),
        ("", "Can't read"),
    ],
)
def test_parse_span_refuses(text: str, fragment: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_span(text)
    assert fragment in caught.value.message
    assert "2 weeks" in caught.value.message


# --- next_yearly and humanize_days ----------------------------------------------------


@pytest.mark.parametrize(
    ("month", "day", "on_or_after", "expected"),
    [
        (6, 21, THU, date(2025, 6, 21)),
        (6, 19, THU, THU),
        (6, 18, THU, date(2026, 6, 18)),
        (1, 1, date(2025, 12, 31), date(2026, 1, 1)),
        (2, 29, date(2025, 1, 1), date(2025, 2, 28)),
        (2, 29, date(2025, 3, 1), date(2026, 2, 28)),
        (2, 29, date(2027, 3, 1), date(2028, 2, 29)),
        (2, 29, LEAP_DAY, LEAP_DAY),
        (2, 28, LEAP_DAY, date(2025, 2, 28)),
    ],
)
def test_next_yearly(month: int, day: int, on_or_after: date, expected: date) -> None:
    assert next_yearly(month, day, on_or_after=on_or_after) == expected


def test_next_yearly_refuses_impossible_days() -> None:
    with pytest.raises(DateError, match="no day 30 in February"):
        next_yearly(2, 30, on_or_after=THU)


@given(st.dates(min_value=EARLIEST, max_value=date(2199, 12, 31)), st.dates())
def test_next_yearly_is_within_a_year(on_or_after: date, birthday: date) -> None:
    found = next_yearly(birthday.month, birthday.day, on_or_after=on_or_after)
    assert on_or_after <= found <= on_or_after + timedelta(days=366)
    assert found.month == birthday.month
    assert found.day == birthday.day or (birthday.month, birthday.day, found.day) == (2, 29, 28)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (59, "8 weeks ago"),
        (60, "2 months ago"),
        (150, "5 months ago"),
        (729, "24 months ago"),
        (730, "2 years ago"),
        (3650, "10 years ago"),
        (-1, "tomorrow"),
        (-3, "in 3 days"),
        (-21, "in 3 weeks"),
    ],
)
def test_humanize_days(days: int, expected: str) -> None:
    assert humanize_days(days) == expected


@given(st.integers(min_value=2, max_value=100_000))
def test_humanize_days_is_short_and_plural(days: int) -> None:
    words = humanize_days(days).split()
    assert len(words) == 3
    assert int(words[0]) >= 2
    assert words[1].endswith("s")
    assert words[2] == "ago"


# --- robustness and import weight -----------------------------------------------------


@settings(deadline=None)
@given(date_like_text, in_range)
def test_random_text_only_raises_date_error(text: str, today: date) -> None:
    messages = []
    for call in (
        lambda: parse_day(text, today=today),
        lambda: parse_day(text, today=today, allow_future=True, allow_past=False),
        lambda: parse_birthday(text),
        lambda: parse_cadence(text),
        lambda: parse_span(text),
    ):
        try:
            call()
        except DateError as error:
            messages.append(error.message)
    for message in messages:  # one line, one sentence-ish, never empty
        assert message.strip()
        assert "\n" not in message
        assert message.endswith(".")


def test_fast_paths_do_not_import_dateutil() -> None:
    code = (
        "import sys; from datetime import date; from quietnet.core import dates\n"
        "t = date(2025, 6, 19)\n"
        "for s in ('2025-06-01', 'yesterday', 'tue', 'last thu', '3 days ago', '2 weeks ago'):\n"
        "    dates.parse_day(s, today=t)\n"
        "dates.parse_birthday('06-21'); dates.parse_cadence('every 6 weeks')\n"
        "assert not [m for m in sys.modules if m.startswith('dateutil')], 'dateutil imported'\n"
        "dates.parse_day('June 3', today=t)\n"
        "assert 'dateutil.parser' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_month_lengths_are_the_calendar_modules() -> None:
    """core/dates.py counts a month's days itself (the calendar module imports locale)."""
    import calendar

    for year in range(1, 3000):
        assert is_leap(year) == calendar.isleap(year), year
        for month in range(1, 13):
            assert month_days(year, month) == calendar.monthrange(year, month)[1], (year, month)
