"""The days, weekday names and date-like text the tests of quietnet.core.dates share."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import strategies as st

from quietnet.core.dates import parse_day
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
