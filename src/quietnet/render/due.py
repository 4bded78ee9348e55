"""Text and JSON for `net due`, `net today` and `net why`.

Plain strings (no Rich) so the morning commands start fast. The JSON shapes
are a contract: tests pin them, scripts rely on them.
"""

from typing import Any

from quietnet.core.intro import next_step
from quietnet.core.morning import Morning, Upcoming
from quietnet.core.schedule import DuePlan, Suggestion
from quietnet.render import wording
from quietnet.render.console import to_json
from quietnet.render.ink import PLAIN, Ink

REASON_LABELS = {
    "time_apart": "time since you last caught up",
    "drifting": "a long while since you caught up",
    "event": "a date coming up",
    "loop": "an open loop",
    "dormant": "a quiet tie worth a hello",
}


def suggestion_dict(s: Suggestion) -> dict[str, Any]:
    a = s.assessment
    return {
        "id": a.id,
        "name": a.name,
        "circle": a.circle,
        "rank": s.rank,
        "score": round(a.score, 3),
        "ratio": round(a.ratio, 3),
        "gap_days": round(a.gap, 2),
        "cadence_days": None if a.cadence is None else round(a.cadence, 2),
        "reason": a.reason,
        "action": s.action,
        "why": wording.suggestion_line(s),
    }


def _plan_dict(p: DuePlan) -> dict[str, Any]:
    return {
        "as_of": p.today.isoformat(),
        "energy": {"weekly": p.weekly, "spent": p.spent, "remaining": p.remaining},
        "suggestions": [suggestion_dict(s) for s in p.suggestions],
    }


def plan_json(p: DuePlan) -> str:
    return to_json(_plan_dict(p))


def _energy_line(p: DuePlan) -> str:
    return f"Energy this week: {p.spent} of {p.weekly} used."


def plan_text(p: DuePlan) -> str:
    if not p.suggestions:
        return "\n".join(wording.plan_lines(p))
    lines = ["A few people who might enjoy hearing from you:"]
    lines += [f"  {wording.suggestion_line(s)}" for s in p.suggestions]
    lines.append(_energy_line(p))
    return "\n".join(lines)


def morning_json(m: Morning) -> str:
    return to_json(
        {
            **_plan_dict(m.plan),
            "birthdays": [
                {"id": u.id, "name": u.name, "date": u.day.isoformat(), "days": u.days, "label": u.label}
                for u in m.birthdays
            ],
            "promises": [
                {
                    "id": p.id,
                    "person_id": p.person_id,
                    "name": p.person,
                    "what": p.what,
                    "since": p.opened_on.isoformat(),
                }
                for p in m.promises
            ],
            "snoozes_ending": [{"id": i, "name": n} for i, n in m.snoozes],
            "introductions": [
                {
                    "id": i.id,
                    "person": i.person,
                    "other": i.other,
                    "state": i.state,
                    "next": next_step(i, today=m.plan.today),
                }
                for i in m.intros
            ],
            "event_follow_ups": [
                {
                    "event_id": f.event_id,
                    "event": f.event,
                    "due": f.due.isoformat(),
                    "loop_id": f.loop_id,
                    "person": f.person,
                    "what": f.what,
                }
                for f in m.follow_ups
            ],
        }
    )


def _when(u: Upcoming) -> str:
    """A day in words relative to the day it is read: today, tomorrow, on Tuesday, on Tue 1 Jul."""
    if u.days == 0:
        return "today"
    if u.days == 1:
        return "tomorrow"
    if u.days < 7:
        return f"on {u.day:%A}"
    return f"on {u.day:%a} {u.day.day} {u.day:%b}"


PROMISES_SHOWN = 5  # net today lists the oldest few promises and counts the rest
EMPTY_STORE = 'No one here yet. Add someone with: net add "Name"'


def _suggested(s: Suggestion, ink: Ink) -> str:
    text = wording.suggestion_line(s)
    name = wording.shown_name(s.assessment)
    return ink.strong(name) + text[len(name) :]


def morning_text(m: Morning, ink: Ink = PLAIN) -> str:
    """What `net today` prints; ``ink`` makes names and headings bold, hints dim."""
    day = m.plan.today
    lines = [ink.strong(f"{day:%A} {day.day} {day:%B %Y}")]
    if m.empty:
        return "\n".join([*lines, EMPTY_STORE])
    if m.plan.suggestions:
        lines += ["", ink.strong("A few people who might enjoy hearing from you:")]
        lines += [f"  {_suggested(s, ink)}" for s in m.plan.suggestions]
    elif m.plan.rest:
        lines += ["", wording.REST_LINE]
    if m.birthdays:
        ahead = ", ".join(
            f"{ink.strong(u.name)} {_when(u)}"
            if u.label == "birthday"
            else f"{ink.strong(u.name)} ({u.label}) {_when(u)}"
            for u in m.birthdays
        )
        heading = "Birthdays ahead:" if all(u.label == "birthday" for u in m.birthdays) else "Dates ahead:"
        lines += ["", f"{ink.strong(heading)} {ahead}."]
    if m.promises:
        lines += ["", ink.strong("Promises you made:")]
        lines += [
            f"  #{p.id} {ink.strong(p.person)}: {p.what} (since {p.opened_on.isoformat()})"
            for p in m.promises[:PROMISES_SHOWN]
        ]
        more = len(m.promises[PROMISES_SHOWN:]) + m.more_promises
        if more:
            lines.append("  " + ink.quiet(f"and {more} more: net loops"))
    if m.snoozes:
        lines += [
            "",
            f"{ink.strong('Snoozes ending today:')} " + ", ".join(ink.strong(n) for _, n in m.snoozes),
        ]
    if m.intros:
        lines += ["", ink.strong("Introductions:")]
        lines += [
            f"  #{i.id} {ink.strong(i.person)} and {ink.strong(i.other)}: {next_step(i, today=day)}"
            for i in m.intros
        ]
    if m.follow_ups:
        lines += ["", ink.strong("After events:")]
        for f in m.follow_ups:
            if f.loop_id is None:
                lines.append(
                    f"  How was {f.event}? " + ink.quiet(f'net event log "{f.event}" (a minute is enough)')
                )
            else:
                by = f"{f.due:%a} {f.due.day} {f.due:%b}"
                lines.append(
                    f"  #{f.loop_id} {ink.strong(f.person or '')}: {f.what} (from {f.event}, by {by})"
                )
    if len(lines) == 1:
        lines.append("A quiet day: nothing is waiting for you. Enjoy it.")
    return "\n".join(lines)
