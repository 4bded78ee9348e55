"""Every sentence the weekly review says, shared by the text, Markdown and HTML views.

Calm words only: the review states what happened and offers small ideas; it never
counts against a quota. A test checks that no view ever says overdue, neglected,
failed, should, behind, streak, lead or prospect.
"""

from __future__ import annotations

from datetime import date

from quietnet.core.dates import humanize_days
from quietnet.core.kinds import BY_NAME
from quietnet.core.names import listed
from quietnet.core.records import DatedNote, Help
from quietnet.core.review import CHART_WEEKS, Count, DateAhead, Next, Numbers, Open, Returned, Review
from quietnet.core.text import plural
from quietnet.render.wording import capacity_lines, line

TITLE = "Weekly review"
GAVE = "What you gave"
CAME_BACK = "What came back"
NOTED = "What you noted"
OPEN = "Promises still open"
YOURS = "Your promises"
THEIRS = "Needs you noted"
NEXT = "A few people for next week"
NUMBERS = "Your week in numbers"
CHART = f"Touches by circle, last {CHART_WEEKS} weeks"
DATES = "Birthdays and dates next week"

QUIET_WEEK = "A quiet week: nothing was logged, and that is fine."
NO_HELPS = "No helps logged this week."
CAME_OF_IT = "What came of it"
NOTHING_BACK = "Nothing came back this week."
NOTHING_OPEN = "No open promises or needs: nothing is waiting on you."
NO_ONE_NEXT = "No one is waiting for a hello next week; enjoy the quiet."
NO_INTERACTIONS = "No interactions logged this week."
NO_TOUCHES = f"No one was logged in the last {CHART_WEEKS} weeks."
NO_DATES = "No birthdays or yearly dates next week."

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
DASH = "\N{EN DASH}"


def long_day(d: date) -> str:
    """``Thursday 19 June 2025`` (English whatever the locale)."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def short_day(d: date) -> str:
    """``Thu 19 Jun``."""
    return f"{_DAYS[d.weekday()][:3]} {d.day} {_MONTHS[d.month - 1][:3]}"


def week_label(d: date) -> str:
    """``24 Mar``: a week in the chart, by its Monday."""
    return f"{d.day} {_MONTHS[d.month - 1][:3]}"


def period(start: date, end: date) -> str:
    """``16-22 June 2025``, ``30 June - 6 July 2025``, ``30 December 2024 - 5 January 2025`` (en dashes)."""
    first, last = f"{start.day} {_MONTHS[start.month - 1]}", f"{end.day} {_MONTHS[end.month - 1]} {end.year}"
    if start.year != end.year:
        return f"{first} {start.year} {DASH} {last}"
    if start.month != end.month:
        return f"{first} {DASH} {last}"
    return f"{start.day}{DASH}{last}"


def title(r: Review) -> str:
    return f"{TITLE}: {period(r.start, r.end)}"


def so_far(r: Review) -> str | None:
    """Said when the week is still going."""
    if r.as_of >= r.end:
        return None
    return f"The week so far, up to {long_day(r.as_of)}."


def recent(r: Review) -> str:
    """The one-line count of helps over the chart's weeks."""
    since = f"in the last {CHART_WEEKS} weeks (since {week_label(r.recent_since)})"
    if not r.recent_helps:
        return f"No helps logged {since}."
    return f"{plural(r.recent_helps, 'help')} {since}, for {plural(r.recent_helped, 'person', 'people')}."


def given(g: Help) -> str:
    """``Tom Baker: intro to Sam (intro)``."""
    return f"{g.person}: {g.what} ({g.kind})"


def outcome(g: Help) -> str | None:
    """What came of a help, when they told you: ``they met for lunch (Wed 18 Jun)``."""
    if not g.outcome:
        return None
    return g.outcome + (f" ({short_day(g.outcome_on)})" if g.outcome_on else "")


def noted(n: DatedNote) -> str:
    return f"{n.person}: {n.text}"


def came_back(x: Returned) -> str:
    """``Ana Ruiz reached out (call): her new job``."""
    who = listed(x.people)
    if x.source == "reached_out":
        return f"{who} reached out ({x.how})" + (f": {x.what}" if x.what else "")
    if x.source == "outcome":
        return f"What came of your help for {who} ({x.about}): {x.what}"
    if x.source == "work":
        return f"Work came in through {who}: {x.what}"
    return f"{who} passed your name on: {x.what}"


def opened_ago(o: Open) -> str:
    """``today``, ``3 days ago``, ``2 weeks ago``."""
    return humanize_days(o.days)


def opened(o: Open, verb: str) -> str:
    """``Mei Chen: intro to Sam (made 3 days ago)``."""
    return f"{o.person}: {o.what} ({verb} {opened_ago(o)})"


def promise(o: Open) -> str:
    return opened(o, "made")


def need(o: Open) -> str:
    return opened(o, "noted")


def kind_word(c: Count) -> str:
    kind = BY_NAME.get(c.name)
    return plural(c.count, kind.noun if kind else c.name)


def interactions(n: Numbers) -> str:
    """``4 interactions with 3 people: 1 meeting, 1 call, 2 helping hands.``"""
    if not n.interactions:
        return NO_INTERACTIONS
    head = f"{plural(n.interactions, 'interaction')} with {plural(n.people, 'person', 'people')}"
    return f"{head}: {', '.join(kind_word(c) for c in n.by_kind)}."


def circles(n: Numbers) -> str | None:
    """``Touches by circle: close 2, friends 1.``"""
    if not n.by_circle:
        return None
    return "Touches by circle: " + ", ".join(f"{c.name} {c.count}" for c in n.by_circle) + "."


def energy(n: Numbers) -> str:
    head = f"Energy: {n.energy_spent} of {n.energy_weekly} used."
    if n.energy_spent == 0:
        return f"{head} A restful week."
    if n.energy_spent >= n.energy_weekly:
        return f"{head} A full week of people; rest is welcome."
    return head


def capacity(n: Numbers) -> list[str]:
    """What the circles ask for in a week against its energy (scheduling.md section 11)."""
    return [] if n.capacity is None else capacity_lines(n.capacity)


def date_ahead(d: DateAhead) -> str:
    """``Tom Baker: birthday``."""
    return f"{d.name}: {d.label}"


def why(n: Next) -> str:
    """The calm line for one of next week's people, as `net due` prints it."""
    return line(n.assessment, n.action)
