"""Read the dates, spans and cadences people type, relative to a ``today`` passed in.

Pure: nothing here reads the clock or the environment. The fast paths are
``date.fromisoformat`` and a few regular expressions; dateutil is imported lazily,
only for calendar-month arithmetic and for dates that name a month ("June 3").
Every refusal is a ``DateError`` carrying one calm sentence with examples.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from quietnet.errors import DateError

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_DAYS = 3650  # ten years: the longest cadence or snooze span

_ENGLISH_MONTHS = "January February March April May June July August September October November December"
_MONTH_NAMES = _ENGLISH_MONTHS.split()  # not calendar.month_name, which follows the locale
_MONTHS = {n.lower()[:k]: i for i, n in enumerate(_MONTH_NAMES, 1) for k in (3, len(n))}
_MONTHS["sept"] = 9
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # as calendar.mdays (not imported: locale)
_DAY_NAMES = "mon,monday tue,tues,tuesday wed,weds,wednesday thu,thur,thurs,thursday"
_DAY_NAMES += " fri,friday sat,saturday sun,sunday"
_WEEKDAYS = {name: i for i, names in enumerate(_DAY_NAMES.split()) for name in names.split(",")}
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORD_NUMBERS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# unit -> (days it counts for in spans and cadences, calendar months in date arithmetic)
_UNITS = {"d": (1, 0), "day": (1, 0), "w": (7, 0), "wk": (7, 0), "week": (7, 0)}
_UNITS |= {"fortnight": (14, 0), "mo": (30, 1), "month": (30, 1), "quarter": (91, 3)}
_UNITS |= {"y": (365, 12), "yr": (365, 12), "year": (365, 12)}
_CADENCE_WORDS = {"daily": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14, "monthly": 30}
_CADENCE_WORDS |= {"quarterly": 91, "yearly": 365, "annually": 365}

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS = re.compile(r"[+-]?[0-9]+")
_NUMERIC = re.compile(r"([0-9]{1,4})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{1,4}))?")
_QUANTITY = re.compile(
    r"(?:(?P<num>[+-]?[0-9]+)\s*|(?P<word>" + "|".join(_WORD_NUMBERS) + r")\s+)(?P<unit>[a-z]+)"
)
_BIRTHDAY = (
    re.compile(r"(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"),
    re.compile(r"--(?P<m>[0-9]{2})-?(?P<d>[0-9]{2})"),
    re.compile(r"(?P<y>[0-9]{4})-?(?P<m>[0-9]{2})-?(?P<d>[0-9]{2})"),
)


def _norm(text: str) -> tuple[str, str]:
    """The text as typed (trimmed, shortened for messages) and its normalised form."""
    from quietnet.core.text import shown

    flat = " ".join(text.split())
    return shown(flat), flat.lower()


def _int(digits: str) -> int:
    """Parse a run of ASCII digits, clamping absurdly long ones instead of overflowing."""
    body = digits.lstrip("+-").lstrip("0") or "0"
    value = int(body) if len(body) <= 9 else 10**9
    return -value if digits.startswith("-") else value


def _unit(word: str) -> tuple[int, int] | None:
    return _UNITS.get(word) or (_UNITS.get(word[:-1]) if word.endswith("s") else None)


def _quantity(s: str) -> tuple[int, tuple[int, int]] | None:
    """``3 days``, ``a week``, ``10d`` -> (3, (1, 0)); None when it is not one."""
    m = _QUANTITY.fullmatch(s)
    unit = _unit(m["unit"]) if m else None
    if m is None or unit is None:
        return None
    return (_WORD_NUMBERS[m["word"]] if m["num"] is None else _int(m["num"])), unit


def _examples(today: date, allow_past: bool) -> str:
    if allow_past:
        return f"Try {today.isoformat()}, yesterday, tue, last tuesday or 3 days ago."
    return f"Try {today.isoformat()}, tomorrow, next tue or in 2 weeks."


def _absurd(shown: str) -> DateError:
    return DateError(f'"{shown}" falls outside the years {MIN_YEAR} to {MAX_YEAR}; check the year.')


def _valid(year: int | None, month: int, day: int, shown: str) -> date:
    """The date, or a DateError saying which part does not exist (year None: any leap year)."""
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise _absurd(shown)
    example = "06-21" if year is None else "2025-06-21"
    if not 1 <= month <= 12:
        raise DateError(
            f'"{shown}" does not exist: there is no month {month} '
            f"(months run from 01 to 12, as in {example})."
        )
    y = 2000 if year is None else year
    last = month_days(y, month)
    if not 1 <= day <= last:
        where = _MONTH_NAMES[month - 1] + ("" if year is None else f" {year}")
        fix = f"{month:02d}-{last:02d}" if year is None else f"{year:04d}-{month:02d}-{last:02d}"
        raise DateError(
            f'"{shown}" does not exist: there is no day {day} in {where}, '
            f"whose days run from 01 to {last} (try {fix})."
        )
    return date(y, month, day)


def _shift(today: date, sign: int, n: int, unit: tuple[int, int], shown: str) -> date:
    days, months = unit
    try:
        if months:
            from dateutil.relativedelta import relativedelta

            return today + relativedelta(months=sign * n * months)
        return today + timedelta(days=sign * n * days)
    except (OverflowError, ValueError):
        raise _absurd(shown) from None


def _weekday(words: list[str], today: date, allow_past: bool) -> date | None:
    if not 1 <= len(words) <= 2 or words[-1] not in _WEEKDAYS:
        return None
    wd, head = _WEEKDAYS[words[-1]], words[0] if len(words) == 2 else ""
    if head == "" and allow_past:  # the latest such day, today included
        return today - timedelta(days=(today.weekday() - wd) % 7)
    if head == "":  # snoozing: the next such day, today included
        return today + timedelta(days=(wd - today.weekday()) % 7)
    if head == "last":  # strictly before today
        return today - timedelta(days=(today.weekday() - wd - 1) % 7 + 1)
    if head == "next":  # strictly after today
        return today + timedelta(days=(wd - today.weekday() - 1) % 7 + 1)
    return None


def _numeric(s: str, shown: str, today: date) -> DateError | None:
    """Numbers-only dates other than ISO are ambiguous: say so and show the ISO form."""
    m = _NUMERIC.fullmatch(s)
    if m is None:
        return None
    a, b, c = m.groups()
    if len(a) == 4 and c is not None:
        readings = [(int(a), int(b), int(c))]
    elif len(a) <= 2 and (c is None or len(c) in (2, 4)):
        year = today.year if c is None else int(c)
        if c is not None and len(c) == 2:
            year += 2000 if 2000 + year <= today.year else 1900
        readings = [(year, int(b), int(a)), (year, int(a), int(b))]
    else:
        return None
    ok = [date(y, mo, d) for y, mo, d in dict.fromkeys(readings) if _exists(y, mo, d)]
    if len(ok) == 2:
        said = " or ".join(f"{d.day} {_MONTH_NAMES[d.month - 1]}" for d in ok)
        return DateError(
            f'"{shown}" could be {said}; please write {ok[0].isoformat()} '
            f"or {ok[1].isoformat()} (year-month-day)."
        )
    if len(ok) == 1:
        return DateError(
            "Dates written only in numbers are read as year-month-day; "
            f'please write "{shown}" as {ok[0].isoformat()}.'
        )
    return None


def is_leap(year: int) -> bool:
    """As ``calendar.isleap``, whose module imports ``locale``: not worth it on every command's path."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_days(year: int, month: int) -> int:
    """The number of days in a month (``calendar.monthrange(year, month)[1]``)."""
    return 29 if month == 2 and is_leap(year) else _MONTH_DAYS[month]


def _exists(year: int, month: int, day: int) -> bool:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return False
    return 1 <= day <= month_days(year, month)


def _month_day(s: str, fail: DateError) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) for text naming a month ("3 Jun 2025"); None otherwise."""
    if not any(word in _MONTHS for word in re.findall("[a-z]+", s)):
        return None
    from dateutil import parser

    try:  # two defaults tell which fields the text really gave
        one = parser.parse(s, default=datetime(2000, 1, 1))
        two = parser.parse(s, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError, TypeError):
        raise fail from None
    if (one.month, one.day) != (two.month, two.day):
        raise fail  # a month without a day
    if one.year == two.year and not re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", s):
        raise fail  # dateutil guessed a century from a 2-digit year (and the clock)
    return (one.year if one.year == two.year else None), one.month, one.day


def parse_day(text: str, *, today: date, allow_future: bool = False, allow_past: bool = True) -> date:
    """The day ``text`` names relative to ``today``; DateError with examples otherwise."""
    shown, s = _norm(text)
    result = _read_day(s, shown, today, allow_future, allow_past)
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise _absurd(shown)
    iso = result.isoformat()
    subject = iso if s == iso else f'"{shown}" ({iso})'
    if result > today and not allow_future:
        raise DateError(f"{subject} is after today ({today}); pick today or an earlier day.")
    if result < today and not allow_past:
        raise DateError(
            f"{subject} is already past (today is {today}); "
            "pick today or a later day, such as tomorrow or in 2 weeks."
        )
    return result


def parse_since(text: str, *, today: date) -> date:
    """The first day of a look back: a span (``6 months``, ``2 weeks``) counts back from ``today``;
    anything else is read as a day by ``parse_day`` (``2025-01-01``, ``last month``)."""
    shown, s = _norm(text)
    if (q := _quantity(s)) is not None and q[0] >= 0:
        result = _shift(today, -1, *q, shown)
        if result.year < MIN_YEAR:
            raise _absurd(shown)
        return result
    return parse_day(text, today=today)


def _read_day(s: str, shown: str, today: date, allow_future: bool, allow_past: bool) -> date:
    examples = _examples(today, allow_past)
    fail = DateError(f'Can\'t read "{shown}" as a date. {examples}')
    if not s:
        raise DateError(f"No date was given. {examples}")
    if _ISO.fullmatch(s):
        try:
            return date.fromisoformat(s)
        except ValueError:
            return _valid(int(s[:4]), int(s[5:7]), int(s[8:]), shown)
    if _DIGITS.fullmatch(s):
        raise DateError(f'"{shown}" is just a number, not a date. {examples}')
    relative = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
    if s in relative:
        return today + timedelta(days=relative[s])
    words = s.split()
    if (weekday := _weekday(words, today, allow_past)) is not None:
        return weekday
    if len(words) == 2 and words[0] in ("last", "next") and words[1] in ("week", "month", "year"):
        return _shift(today, -1 if words[0] == "last" else 1, 1, _UNITS[words[1]], shown)
    if words[-1] == "ago" and (q := _quantity(" ".join(words[:-1]))) and q[0] >= 0:
        return _shift(today, -1, *q, shown)
    if words[0] == "in" and (q := _quantity(" ".join(words[1:]))) and q[0] >= 0:
        return _shift(today, 1, *q, shown)
    if (ambiguous := _numeric(s, shown, today)) is not None:
        raise ambiguous
    if (found := _month_day(s, fail)) is None:
        raise fail
    year, month, day = found
    if year is None:  # this year's, unless that is on the wrong side of today
        md, now = (month, day), (today.month, today.day)
        year = today.year - (md > now and not allow_future) + (md < now and not allow_past)
    return _valid(year, month, day, shown)


def parse_birthday(text: str) -> tuple[int | None, int, int]:
    """(year or None, month, day) from ``06-21``, ``--0621``, ``1980-06-21``, ``June 21``..."""
    shown, s = _norm(text)
    fail = DateError(f'Can\'t read "{shown}" as a birthday. Try 06-21, 1980-06-21 or June 21.')
    found: tuple[int | None, int, int] | None = None
    for pattern in _BIRTHDAY:
        if (m := pattern.fullmatch(s)) is not None:
            year = int(m["y"]) if "y" in pattern.groupindex else None
            found = (year, int(m["m"]), int(m["d"]))
            break
    if found is None:
        found = _month_day(s, fail)
    if found is None:
        raise fail
    _valid(*found, shown)
    return found


def _days(s: str) -> int | None:
    """A number of days from ``42``, ``6 weeks``, ``week``, ``other week``, ``10d``."""
    if _DIGITS.fullmatch(s):
        return _int(s)
    bare = s.removeprefix("other ")
    if len(bare.rstrip("s")) > 2 and (unit := _unit(bare)) is not None:  # "week", not "w"
        return unit[0] * (1 if bare == s else 2)
    q = _quantity(s)
    return None if q is None else q[0] * q[1][0]


def _bounded(days: int | None, shown: str, what: str, examples: str) -> int:
    if days is None:
        raise DateError(f'Can\'t read "{shown}" as {what}. Try {examples}.')
    if days <= 0:
        raise DateError(f'"{shown}" is too short; {what} is at least 1 day, such as {examples}.')
    if days > MAX_DAYS:
        raise DateError(
            f'"{shown}" is more than 10 years; {what} is at most {MAX_DAYS} days, such as {examples}.'
        )
    return days


def parse_cadence(text: str) -> int:
    """Days between check-ins: ``42``, ``6 weeks``, ``every 2 months``, ``monthly``..."""
    shown, s = _norm(text)
    if s in _CADENCE_WORDS:
        return _CADENCE_WORDS[s]
    days = _days(s.removeprefix("every ")) if s != "every" else None
    return _bounded(days, shown, "a cadence", "42, 6 weeks, every 2 months or quarterly")


def parse_span(text: str) -> int:
    """A length of time in days: ``3 days``, ``2 weeks``, ``a month`` (30), ``10d``..."""
    shown, s = _norm(text)
    return _bounded(_days(s), shown, "a span", "3 days, 2 weeks, a month or 10d")


def span_from(today: date, text: str) -> date:
    """The day a span (``2 weeks``) after ``today`` ends, kept within the years quietnet stores."""
    end = today + timedelta(days=parse_span(text))
    if end.year > MAX_YEAR:
        last = f"after {MAX_YEAR}, the last year quietnet keeps"
        raise DateError(f"That would end on {end.isoformat()}, {last}; choose a shorter span.")
    return end


def format_birthday(year: int | None, month: int, day: int) -> str:
    """``06-21`` without a year, ``1980-06-21`` with one."""
    return f"{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"


def next_yearly(month: int, day: int, *, on_or_after: date) -> date:
    """The next month-day on or after a day; Feb 29 falls on Feb 28 in common years."""
    _valid(None, month, day, format_birthday(None, month, day))

    def in_year(year: int) -> date:
        leap_day = (month, day) == (2, 29) and not is_leap(year)
        return date(year, month, 28 if leap_day else day)

    first = in_year(on_or_after.year)
    return first if first >= on_or_after else in_year(on_or_after.year + 1)


def _words(days: int) -> str:
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def humanize_days(days: int) -> str:
    """How long ago, calmly: ``today``, ``yesterday``, ``3 days ago``, ``2 weeks ago``..."""
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days == -1:
        return "tomorrow"
    return f"{_words(days)} ago" if days > 0 else f"in {_words(-days)}"
