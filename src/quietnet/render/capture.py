"""The words of `net capture`: the plan (per person: day, who wrote first, subject) and the summary."""

from __future__ import annotations

import shlex

from quietnet.core.capture import CapturePlan
from quietnet.core.text import plural

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
    """The plan, person by person, then what it leaves alone and whom it does not know."""
    lines = [read_line(made)]
    if made.planned:
        lines.append(f"To add: {plural(len(made.planned), 'interaction')}, one per person and day.")
        current = None
        for p in made.planned:
            if p.person_id != current:
                lines.append(f"  {p.name}")
                current = p.person_id
            started = "they wrote first" if p.by_them else "you wrote first"
            if made.source != "mail":
                started = p.kind
            more = f" (+{len(p.keys) - 1})" if len(p.keys) > 1 else ""
            title = f"  {p.title}" if p.title else ""
            lines.append(f"    {p.day.isoformat()}  {started}{more}{title}")
    else:
        lines.append("Nothing new to add.")
    lines += left_alone(made)
    for learning in made.learned:
        lines.append(f"{learning.email} becomes {learning.name}'s address (--learn).")
    lines += stranger_lines(made)
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
        lines.append(
            f"You wrote to {plural(len(wrote_to), 'person', 'people')} you have not added"
            f" ({_things(made.source, total)}):"
        )
        for x in wrote_to[:MAX_STRANGERS]:
            name = x.name or x.email.split("@")[0]
            lines.append(f"  net add {shlex.quote(name)} --email {shlex.quote(x.email)}   ({x.messages})")
        if len(wrote_to) > MAX_STRANGERS:
            lines.append(f"  and {len(wrote_to) - MAX_STRANGERS} more.")
    others = len(made.strangers) - len(wrote_to)
    if others:
        lines.append(f"Also {plural(others, 'address', 'addresses')} you have not added wrote to you.")
    return lines


def done_line(made: CapturePlan, added: int, snapshot: str | None) -> str:
    who = len({p.person_id for p in made.planned})
    line = f"Added {plural(added, 'interaction')} with {plural(who, 'person', 'people')} from {made.source}."
    if added or made.learned:
        line += " net undo takes it back."
    if snapshot:
        line += f" Snapshot: {snapshot}"
    return line
