"""Where the work came from: engagements counted by the tie they came through.

Pure: ``Engagement`` rows in (the store works out, for each, the tie it came
through and how strong that tie was at the time), a ``Report`` out. Counts sit
beside percentages, and a small number of engagements is said to be small.
The report never names or ranks people, and never suggests asking anyone for work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

PATHS: tuple[str, ...] = ("referral", "repeat-client", "intro", "inbound", "event", "cold")
ORIGIN_WORDS: dict[str, str] = {
    "colleague": "former colleague",
    "client": "former client",
    "shared-interest": "shared interest",
    "event": "event",
    "online": "online",
    "friend": "friend",
    "family": "family",
    "other": "other",
}
FEW = 10  # below this many engagements, the report says to read it as hints
SOME = 30  # below this many, patterns are rough


@dataclass(frozen=True)
class Engagement:
    """One engagement and the tie it came through (``--via`` when given, else ``--from``)."""

    day: date
    path: str
    value: float | None
    origin: str | None  # how the tie began (the person's origin)
    circle: str | None  # the tie's circle when the work was recorded
    touches: int  # interactions with the tie in the year before the work
    years: float | None  # years known at the time
    large_event: bool  # first met at a large event


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    percent: int
    value: float | None


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ReferralReport:
    since: date
    total: int
    value: float | None
    sections: tuple[Section, ...]
    quiet: int  # through ties with no contact in the year before
    large_event: int
    caution: str | None


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _touches(e: Engagement) -> str:
    if e.touches == 0:
        return "none (a quiet tie)"
    return "1-2" if e.touches <= 2 else "3-5" if e.touches <= 5 else "6 or more"


def _years(e: Engagement) -> str:
    if e.years is None:
        return "not known"
    return "under 1" if e.years < 1 else "1-3" if e.years < 3 else "3-10" if e.years < 10 else "10 or more"


def _section(
    title: str, found: Sequence[Engagement], label: Callable[[Engagement], str], order: Sequence[str]
) -> Section:
    total = len(found)
    counts: dict[str, list[Engagement]] = {}
    for e in found:
        counts.setdefault(label(e), []).append(e)
    ranked = sorted(counts, key=lambda k: (-len(counts[k]), order.index(k) if k in order else len(order), k))
    rows = []
    for key in ranked:
        values = [e.value for e in counts[key] if e.value is not None]
        rows.append(
            Row(key, len(counts[key]), percent(len(counts[key]), total), sum(values) if values else None)
        )
    return Section(title, tuple(rows))


def caution(total: int) -> str | None:
    if total == 0:
        return None
    if total < FEW:
        return f"Only {total} {'engagement' if total == 1 else 'engagements'}: read these as hints."
    if total < SOME:
        return f"{total} engagements: enough for rough patterns, not firm ones."
    return None


def report(found: Sequence[Engagement], *, since: date) -> ReferralReport:
    """Engagements since a day, counted by path, origin, circle, contact, years known."""
    found = [e for e in found if e.day >= since]
    values = [e.value for e in found if e.value is not None]
    origins = [*ORIGIN_WORDS.values(), "not noted"]
    sections = (
        _section("How it came", found, lambda e: e.path, PATHS),
        _section(
            "Where the tie began", found, lambda e: ORIGIN_WORDS.get(e.origin or "", "not noted"), origins
        ),
        _section("Their circle at the time", found, lambda e: e.circle or "not noted", ()),
        _section(
            "Contact in the year before", found, _touches, ("none (a quiet tie)", "1-2", "3-5", "6 or more")
        ),
        _section("Years known", found, _years, ("under 1", "1-3", "3-10", "10 or more", "not known")),
    )
    return ReferralReport(
        since=since,
        total=len(found),
        value=sum(values) if values else None,
        sections=sections if found else (),
        quiet=sum(e.touches == 0 for e in found),
        large_event=sum(e.large_event for e in found),
        caution=caution(len(found)),
    )
