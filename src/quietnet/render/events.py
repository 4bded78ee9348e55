"""Text and JSON for `net event`, `net events`, `net work` and `net referrals`.

Plain strings (no Rich): user text prints as typed. The JSON shapes are a contract.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from quietnet.core.events import EventPlan, Group, Known, Verdict
from quietnet.core.profile import Work
from quietnet.core.records import Event
from quietnet.core.referrals import ReferralReport
from quietnet.render.console import to_json


def quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b}"


def verdict_dict(e: Event, v: Verdict) -> dict[str, Any]:
    return {
        "event": {"id": e.id, "name": e.name, "day": e.day},
        "decision": v.decision,
        "score": v.score,
        "reasons": [{"points": r.points, "text": r.text} for r in v.reasons],
        "month": {"going": v.going, "budget": v.budget},
        "alternative": v.alternative,
    }


def verdict_text(e: Event, v: Verdict) -> str:
    head = "Go" if v.decision == "go" else "Skip this one"
    lines = [f"{head}: {e.name} ({_day(e.day)})."]
    lines += [f"  {'+' if r.points > 0 else '-'} {r.text}" for r in v.reasons]
    if v.decision == "go":
        lines.append(f"  This would be event {v.going + 1} of {v.budget} in {e.day:%B}.")
        lines.append(f"Next: net event plan {quoted(e.name)}")
    else:
        lines.append(f"Instead: {v.alternative}.")
    return "\n".join(lines)


def _known(k: Known) -> str:
    return f"{k.name}" + (f" (cares about {k.cares})" if k.cares and not k.cares.startswith("needs ") else
                          f" ({k.cares})" if k.cares else "")  # fmt: skip


def plan_dict(e: Event, p: EventPlan) -> dict[str, Any]:
    return {"event": {"id": e.id, "name": e.name, "day": e.day}, **asdict(p)}


def plan_text(e: Event, p: EventPlan) -> str:
    lines = [
        f"Plan for {e.name} ({_day(e.day)}):",
        f"  Goal: {p.goal}.",
        f"  Leave by: {p.leave_by}. Leaving then is part of the plan.",
    ]
    if p.look_for:
        lines.append("  Look for:")
        lines += [f"    {_known(k)}" for k in p.look_for]
    if p.questions:
        lines.append("  Questions to have ready:")
        lines += [f"    {q}" for q in p.questions]
    lines.append(f"  Afterwards: {p.recovery}")
    lines.append(f"After it: net event log {quoted(e.name)} --energy 1-5 --worth yes|meh|no")
    return "\n".join(lines)


def event_dict(e: Event) -> dict[str, Any]:
    return e._asdict()


def logged_text(e: Event, met: list[tuple[int, str]], promises: list[tuple[int, str, str]]) -> str:
    lines = [f"Logged {e.name} ({_day(e.day)})."]
    if met:
        lines.append("  New people: " + ", ".join(f"{n} (#{i})" for i, n in met))
    for loop_id, person, what in promises:
        lines.append(f"  Promise to {person}: {what} (#{loop_id}; net done {loop_id} when it's done)")
    if e.energy is not None:
        lines.append(f"  Energy afterwards: {e.energy} of 5.")
    if promises:
        lines.append("net today will show these promises for the next two days. Rest first.")
    else:
        lines.append("Thank you for going. Rest is part of it.")
    return "\n".join(lines)


def history_dict(groups: list[Group], upcoming: list[Event]) -> dict[str, Any]:
    return {"by_format_and_size": [asdict(g) for g in groups], "upcoming": [event_dict(e) for e in upcoming]}


def history_text(groups: list[Group], upcoming: list[Event]) -> str:
    lines: list[str] = []
    if upcoming:
        lines.append("Coming up:")
        lines += [f"  {_day(e.day)}  {e.name}" + (f" ({e.decision})" if e.decision else "") for e in upcoming]
    if not groups:
        lines += [""] if lines else []
        lines.append("No events logged yet. After one: net event log NAME --energy 3 --worth yes")
        return "\n".join(lines)
    lines += [""] if lines else []
    lines.append("Events you logged, by format and size:")
    for g in groups:
        energy = "energy not noted" if g.energy is None else f"energy afterwards {g.energy:g} of 5"
        worth = ", ".join(f"{n} {w}" for w, n in g.worth.items() if n)
        lines.append(f"  {g.format}, {g.size}: {g.events} {'event' if g.events == 1 else 'events'}; {energy}")
        if worth:
            lines.append(f"    worth it: {worth}")
        if g.met:
            lines.append(
                f"    met {g.met} new {'person' if g.met == 1 else 'people'}; in touch after: {g.followed};"
                f" still in touch past a follow-up: {g.continued}"
            )
        if g.work:
            lines.append(f"    work traced back to these events: {g.work}")
    return "\n".join(lines)


def work_json(found: list[Work]) -> str:
    return to_json([w._asdict() for w in found])


def work_line(w: Work) -> str:
    via = f" via {w.via}" if w.via else ""
    value = f", {w.value:g}" if w.value is not None else ""
    return f"{w.day.isoformat()}  {w.title}: from {w.person}{via} ({w.path}{value})"


def work_text(found: list[Work]) -> str:
    if not found:
        return 'No work recorded yet. net work add "TITLE" --from NAME --path referral'
    return "\n".join(["Work, newest first:", *[f"  {work_line(w)}" for w in found], f"{len(found)} in all."])


def report_dict(r: ReferralReport) -> dict[str, Any]:
    return asdict(r)


def report_text(r: ReferralReport, *, years: int) -> str:
    span = "year" if years == 1 else f"{years} years"
    if r.total == 0:
        return f'No work recorded in the last {span}. net work add "TITLE" --from NAME --path referral'
    count = f"{r.total} {'engagement' if r.total == 1 else 'engagements'}"
    lines = [f"Where your work came from, the last {span} ({count}):"]
    if r.caution:
        lines.append(r.caution)
    for section in r.sections:
        lines += ["", f"{section.title}:"]
        width = max(len(row.label) for row in section.rows)
        for row in section.rows:
            value = f"  value {row.value:g}" if row.value is not None else ""
            lines.append(f"  {row.label:<{width}}  {row.count:>3}  {row.percent:>3}%{value}")
    lines.append("")
    lines.append(f"Through a quiet tie (no contact in the year before): {r.quiet} of {r.total}.")
    lines.append(f"Through someone first met at a large event: {r.large_event} of {r.total}.")
    return "\n".join(lines)
