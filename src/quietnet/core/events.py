"""Events on purpose: whether to go, how to go, and what events have given you.

Pure, like ``schedule.py``: plain frozen dataclasses in (the event, who you know
there, past events with the energy and worth you logged, the month's budget),
plain dataclasses out. No database, clock, Typer or Rich.

``consider`` answers go or skip with its reasons; ``make_plan`` prepares a small
goal, a leave-by time, people to look for, three questions and a recovery block;
``history`` sums up logged events by format and size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quietnet.core.names import listed
from quietnet.core.text import shown
from quietnet.errors import InputError

SIZES: tuple[str, ...] = ("small", "medium", "large")
FORMATS: tuple[str, ...] = ("talks", "workshop", "mingling")
ROLES: tuple[str, ...] = ("attendee", "volunteer", "speaker")
WORTH: tuple[str, ...] = ("yes", "meh", "no")
DEFAULT_BUDGET = 2  # events a month
GO_AT = 2  # the score from which the answer is go
DEFAULT_GOAL = "two real conversations"
DEFAULT_QUESTIONS: tuple[str, ...] = (
    "What are you working on that you're enjoying?",
    "What brought you here today?",
    "What's the most useful thing you've heard so far?",
    "What are you trying to figure out these days?",
    "Who here do you think I'd enjoy meeting?",
    "What's something you changed your mind about recently?",
    "How did you get into this?",
    "What would make today worth it for you?",
)


def choice(value: str | None, allowed: Sequence[str], what: str) -> str | None:
    """A value from a small list, as typed (any case), or InputError naming the choices."""
    if value is None:
        return None
    word = value.strip().casefold()
    if word not in allowed:
        raise InputError(f'"{shown(value.strip())}" is not {what}; choose one of {", ".join(allowed)}.')
    return word


@dataclass(frozen=True)
class Known:
    """Someone you know who will be there, and what they care about."""

    id: int
    name: str
    cares: str | None = None


@dataclass(frozen=True)
class Past:
    """A logged event: how it felt afterwards."""

    day: date
    format: str | None
    size: str | None
    energy: int | None
    worth: str | None


@dataclass(frozen=True)
class Proposal:
    name: str
    day: date
    interest: int | None = None
    size: str | None = None
    format: str | None = None
    role: str | None = None
    known: tuple[Known, ...] = ()


@dataclass(frozen=True)
class Reason:
    points: int  # above 0 for going, below 0 against
    text: str


@dataclass(frozen=True)
class Verdict:
    decision: str  # go | skip
    score: int
    reasons: tuple[Reason, ...]
    going: int  # events already planned that month, this one not counted
    budget: int
    alternative: str | None


INTEREST = {
    0: (-2, "the topic doesn't interest you much (0 of 3)"),
    1: (-1, "the topic only mildly interests you (1 of 3)"),
    2: (1, "the topic interests you (2 of 3)"),
    3: (2, "the topic matters to you (3 of 3)"),
}
SIZE = {
    "small": (1, "a small group is easier on your energy"),
    "large": (-1, "a large crowd costs more energy"),
}
FORMAT = {
    "workshop": (1, "a workshop gives structure: you talk while doing something"),
    "mingling": (-1, "open mingling costs the most energy"),
}
ROLE = {
    "volunteer": (1, "volunteering gives you a task and easy reasons to talk"),
    "speaker": (1, "speaking brings people to you"),
}
WORTH_SCORE = {"yes": 1, "meh": 0, "no": -1}


def _names(people: Sequence[Known]) -> str:
    return listed([k.name for k in people])


def _from_history(p: Proposal, past: Sequence[Past]) -> list[Reason]:
    """What past events like this one felt like (the same format, else the same size)."""
    alike = [e for e in past if p.format and e.format == p.format]
    kind = f"{p.format} events"
    if len(alike) < 2:
        alike = [e for e in past if p.size and e.size == p.size]
        kind = f"{p.size} events"
    if len(alike) < 2:
        return []
    reasons = []
    worths = [WORTH_SCORE[e.worth] for e in alike if e.worth in WORTH_SCORE]
    if len(worths) >= 2:
        mean = sum(worths) / len(worths)
        if mean >= 0.5:
            reasons.append(Reason(1, f"your last {len(worths)} {kind} felt worth it"))
        elif mean <= -0.5:
            reasons.append(Reason(-1, f"your last {len(worths)} {kind} mostly felt not worth it"))
    energies = [e.energy for e in alike if e.energy is not None]
    if len(energies) >= 2:
        mean = sum(energies) / len(energies)
        if mean <= 2:
            reasons.append(Reason(-1, f"{kind} have left you tired (energy {mean:.1f} of 5 afterwards)"))
        elif mean >= 4:
            reasons.append(Reason(1, f"{kind} have left you with energy ({mean:.1f} of 5 afterwards)"))
    return reasons


def consider(p: Proposal, *, past: Sequence[Past], going: int, budget: int) -> Verdict:
    """Go or skip, with the reasons, counting against the monthly event budget."""
    reasons: list[Reason] = []
    for table, key in ((INTEREST, p.interest), (ROLE, p.role), (SIZE, p.size), (FORMAT, p.format)):
        if key in table:
            reasons.append(Reason(*table[key]))  # type: ignore[index]
    if p.known:
        reasons.append(Reason(1, f"{_names(p.known)} will be there"))
    reasons += _from_history(p, past)
    score = sum(r.points for r in reasons)
    month = f"{p.day:%B}"
    if going >= budget:
        plural = "event" if going == 1 else "events"
        reasons.append(Reason(-1, f"you already plan {going} {plural} in {month}, your budget is {budget}"))
        decision = "skip"
    else:
        decision = "go" if score >= GO_AT else "skip"
    alternative = None
    if decision == "skip":
        if p.known:
            alternative = f"a short note to {_names(p.known)}, or one coffee with {p.known[0].name}"
        else:
            alternative = "one coffee with someone you'd enjoy, and a few short notes"
    return Verdict(decision, score, tuple(reasons), going, budget, alternative)


@dataclass(frozen=True)
class EventPlan:
    goal: str
    leave_by: str
    look_for: tuple[Known, ...]
    questions: tuple[str, ...]
    recovery: str


def parse_time(text: str) -> tuple[int, int]:
    try:
        moment = datetime.strptime(text.strip(), "%H:%M")
    except ValueError:
        raise InputError(f'"{shown(text)}" is not a time; write it like 19:00.') from None
    return moment.hour, moment.minute


def leave_time(starts: str | None, fmt: str | None) -> str:
    """When to leave: 90 minutes after the start (two hours for a workshop)."""
    stay = timedelta(minutes=120 if fmt == "workshop" else 90)
    if starts is None:
        return f"after about {int(stay.total_seconds() // 60)} minutes"
    hour, minute = parse_time(starts)
    end = datetime(2000, 1, 1, hour, minute) + stay
    return f"{end:%H:%M}"


def pick_questions(pool: Sequence[str], offset: int, n: int = 3) -> tuple[str, ...]:
    """``n`` questions from the editable list, a different turn of it for each event."""
    if not pool:
        return ()
    start = (offset * n) % len(pool)
    return tuple(pool[(start + k) % len(pool)] for k in range(min(n, len(pool))))


def make_plan(
    *,
    size: str | None,
    fmt: str | None,
    role: str | None,
    known: Sequence[Known],
    questions: Sequence[str],
    past: Sequence[Past],
    offset: int,
    goal: str | None = None,
    starts: str | None = None,
    leave_by: str | None = None,
    recovery: str | None = None,
) -> EventPlan:
    if goal is None:
        goal = "give your talk, then one real conversation" if role == "speaker" else DEFAULT_GOAL
    if leave_by is not None:
        parse_time(leave_by)
    chosen = leave_by or leave_time(starts, fmt)
    alike = [e.energy for e in past if e.energy is not None and (e.format == fmt or e.size == size)]
    tiring = size == "large" or fmt == "mingling" or (bool(alike) and sum(alike) / len(alike) <= 2)
    if recovery is None:
        recovery = (
            "Keep the evening after free and the next morning quiet: no calls before noon."
            if tiring
            else "Keep an hour after it free: a walk, no screens."
        )
    return EventPlan(goal, chosen, tuple(known), pick_questions(questions, offset), recovery)


@dataclass(frozen=True)
class LoggedEvent:
    """A logged event and what came of it."""

    id: int
    name: str
    day: date
    format: str | None
    size: str | None
    energy: int | None
    worth: str | None
    met: int  # people first met there
    followed: int  # of them, people you were in touch with after the event
    continued: int  # of them, people you were in touch with on two days or more after it
    work: int  # engagements traced to it


@dataclass(frozen=True)
class Group:
    format: str
    size: str
    events: int
    energy: float | None  # mean energy afterwards, of those logged
    worth: dict[str, int]
    met: int
    followed: int
    continued: int
    work: int


def history(logged: Sequence[LoggedEvent]) -> list[Group]:
    """Logged events summed up by format and size, the most attended first."""
    groups: dict[tuple[str, str], list[LoggedEvent]] = {}
    for e in logged:
        groups.setdefault((e.format or "unknown", e.size or "unknown"), []).append(e)
    found = []
    for (fmt, size), events in groups.items():
        energies = [e.energy for e in events if e.energy is not None]
        found.append(
            Group(
                fmt,
                size,
                len(events),
                round(sum(energies) / len(energies), 1) if energies else None,
                {w: sum(e.worth == w for e in events) for w in WORTH},
                sum(e.met for e in events),
                sum(e.followed for e in events),
                sum(e.continued for e in events),
                sum(e.work for e in events),
            )
        )
    return sorted(found, key=lambda g: (-g.events, g.format, g.size))
