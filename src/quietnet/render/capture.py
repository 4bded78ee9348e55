"""The words of `net capture`: the plan (per person: day, who wrote first, subject) and the summary."""

from __future__ import annotations

import shlex

from quietnet.core.capture import CapturePlan, Planned, together
from quietnet.core.kinds import lookup
from quietnet.core.text import plural

MAX_DAYS = 5  # days (events) shown per person, the latest; --json has them all
MAX_STRANGERS = 20  # unknown correspondents listed with a `net add` line; the rest are counted
WHAT = {"mail": ("message", "messages"), "calendar": ("event", "events")}


def _things(source: str, n: int) -> str:
    one, many = WHAT.get(source, ("item", "items"))
    return plural(n, one, many)


def read_line(made: CapturePlan) -> str:
    """What the reader found and left out, in one sentence."""
    line = f"Read {_things(made.source, made.found + sum(made.skipped.values()))}"
    if made.skipped:
        counted = sorted(made.skipped.items(), key=lambda x: (-x[1], x[0]))
        reasons = ", ".join(f"{n} {why}" for why, n in counted)
        line += f"; left out {sum(made.skipped.values())} ({reasons})"
    return line + "."


def plan_lines(made: CapturePlan) -> list[str]:
    """The plan, person by person (event by event for a calendar), then what it leaves alone and
    whom it does not know."""
    lines = [read_line(made), *made.problems]
    if made.planned and made.source == "calendar":
        lines += event_lines(made)
    elif made.planned:
        lines.append(f"To add: {plural(len(made.planned), 'interaction')}, one per person and day.")
        by_person: dict[int, list[Planned]] = {}
        for p in made.planned:
            by_person.setdefault(p.person_id, []).append(p)
        for days in by_person.values():
            lines.append(f"  {days[0].name}")
            if len(days) > MAX_DAYS:
                lines.append(f"    ({len(days) - MAX_DAYS} earlier days; --json lists every one)")
            lines += [_day(made.source, p) for p in days[-MAX_DAYS:]]
    else:
        lines.append("Nothing new to add.")
    lines += left_alone(made)
    for learning in made.learned:
        lines.append(f"{learning.email} becomes {learning.name}'s address (--learn).")
    lines += stranger_lines(made)
    return lines


def _day(source: str, p: Planned) -> str:
    started = ("they wrote first" if p.by_them else "you wrote first") if source == "mail" else p.kind
    more = f" (+{len(p.keys) - 1})" if len(p.keys) > 1 else ""
    title = f"  {p.title}" if p.title else ""
    return f"    {p.day.isoformat()}  {started}{more}{title}"


def event_lines(made: CapturePlan) -> list[str]:
    """A calendar's plan: one line per interaction (an event and everyone in it), by day."""
    groups = together(made.planned)
    lines = [f"To add: {plural(len(groups), 'interaction')}, one per event, with everyone in it."]
    latest: dict[int, list[int]] = {}  # each person's events, by index in groups
    for index, group in enumerate(groups):
        for p in group:
            latest.setdefault(p.person_id, []).append(index)
    shown = {index for indexes in latest.values() for index in indexes[-MAX_DAYS:]}
    if len(shown) < len(groups):
        earlier = len(groups) - len(shown)
        lines.append(f"  ({earlier} earlier {'event' if earlier == 1 else 'events'}; --json lists every one)")
    for group in (g for index, g in enumerate(groups) if index in shown):
        first = group[0]
        kind = lookup(first.kind)
        who = ", ".join(p.name for p in group)
        title = f"  {first.title}" if first.title else ""
        maybe = " (you said maybe)" if first.tentative else ""
        lines.append(f"  {first.day.isoformat()}  {kind.noun if kind else first.kind}{maybe}: {who}{title}")
    return lines


def left_alone(made: CapturePlan) -> list[str]:
    lines = []
    if made.typed:
        lines.append(f"Left as logged: {plural(made.typed, 'day')} that already had an interaction.")
    if made.used or made.attached:
        lines.append(f"Captured before: {_things(made.source, made.used + len(made.attached))}.")
    if made.shared:
        lines.append(f"Left alone: {_things(made.source, made.shared)} to an address several people share.")
    return lines


def stranger_lines(made: CapturePlan) -> list[str]:
    """Whom you wrote to that the store does not know, each with the `net add` line to add them."""
    wrote_to = [x for x in made.strangers if x.wrote_to]
    lines = []
    if wrote_to:
        total = sum(x.messages for x in wrote_to)
        did = "invited" if made.source == "calendar" else "wrote to"
        lines.append(
            f"You {did} {plural(len(wrote_to), 'person', 'people')} you have not added"
            f" ({_things(made.source, total)}):"
        )
        for x in wrote_to[:MAX_STRANGERS]:
            lines.append(f"  {add_line(x.name or x.email.split('@')[0], x.email)}   ({x.messages})")
        if len(wrote_to) > MAX_STRANGERS:
            lines.append(f"  and {len(wrote_to) - MAX_STRANGERS} more.")
    others = len(made.strangers) - len(wrote_to)
    if others:
        did = "invited you or came along" if made.source == "calendar" else "wrote to you"
        lines.append(f"Also {plural(others, 'address', 'addresses')} you have not added {did}.")
    return lines


def add_line(name: str, email: str) -> str:
    """The `net add` line for a name and an address, safe to paste: one starting with "-" is not
    taken for an option (``--email=ADDR``, and ``--`` before the name)."""
    if name.startswith("-") or email.startswith("-"):
        return f"net add {shlex.quote('--email=' + email)} -- {shlex.quote(name)}"
    return f"net add {shlex.quote(name)} --email {shlex.quote(email)}"


def done_line(made: CapturePlan, added: int) -> str:
    if not added and not made.learned:
        return (
            f"Nothing new to add; {_things(made.source, len(made.attached))} joined what was captured before."
        )
    who = len({p.person_id for p in made.planned})
    where = "your calendar" if made.source == "calendar" else made.source
    line = f"Added {plural(added, 'interaction')} with {plural(who, 'person', 'people')} from {where}."
    if added or made.learned:
        line += " net undo takes it back."
    return line
