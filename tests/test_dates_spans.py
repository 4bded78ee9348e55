"""quietnet.core.dates: rhythms and spans (parse_cadence, parse_span) and humanize_days.

No clock: every test passes a fixed ``today``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.core.dates import humanize_days, parse_cadence, parse_span
from quietnet.errors import DateError

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
