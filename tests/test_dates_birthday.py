"""quietnet.core.dates: birthdays (parse_birthday, format_birthday) and the next yearly day.

No clock: every test passes a fixed ``today``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.core.dates import format_birthday, is_leap, month_days, next_yearly, parse_birthday
from quietnet.errors import DateError
from tests.date_forms import EARLIEST, LATEST, LEAP_DAY, THU

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


def test_month_lengths_are_the_calendar_modules() -> None:
    """core/dates.py counts a month's days itself (the calendar module imports locale)."""
    import calendar

    for year in range(1, 3000):
        assert is_leap(year) == calendar.isleap(year), year
        for month in range(1, 13):
            assert month_days(year, month) == calendar.monthrange(year, month)[1], (year, month)
