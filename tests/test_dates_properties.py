"""quietnet.core.dates: Hypothesis properties of parse_day, and what random text and the fast paths do.

No clock: every test passes a fixed ``today``.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from quietnet.core.dates import parse_birthday, parse_cadence, parse_day, parse_span
from quietnet.errors import DateError
from tests.date_forms import EARLIEST, LATEST, assert_refused, date_like_text, in_range, weekday_name

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
