"""Text and JSON for `net give` and `net intro` (their sections in `net show`: ``render/extras.py``).

Plain strings (no Rich): user text prints as typed. The JSON shapes are a
contract; tests pin them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from quietnet.core.details import NeedMatch
from quietnet.core.give import HelpIdea
from quietnet.core.intro import DOUBLE_OPT_IN, Intro, next_step, quoted, status
from quietnet.core.profile import Saved
from quietnet.render.console import to_json
from quietnet.render.extras import intro_dict


def suggestion_dict(s: HelpIdea) -> dict[str, Any]:
    return {
        "code": s.code,
        "effort": s.effort,
        "effort_words": s.effort_words,
        "text": s.text,
        "because": s.because,
    }


def give_json(person_id: int, name: str, saved: list[Saved], ideas: list[HelpIdea]) -> str:
    return to_json(
        {
            "person": {"id": person_id, "name": name},
            "saved": [x._asdict() for x in saved],
            "ideas": [suggestion_dict(i) for i in ideas],
        }
    )


def give_text(name: str, typed: str, saved: list[Saved], ideas: list[HelpIdea]) -> str:
    who = quoted(typed)
    lines = [f"Ways to help {name}:"]
    if saved:
        lines += ["", "Saved for them:"]
        lines += [f"  #{x.id} {x.what} (saved {x.saved_on.isoformat()})" for x in saved]
        lines.append(f"  Passed one on? net give {who} --done ID")
    if ideas:
        lines += ["", "Small ideas, smallest first:"]
        width = max(len(i.effort_words) for i in ideas)
        lines += [f"  {i.effort_words:<{width}}  {i.text} ({i.because})" for i in ideas]
    lines += [
        "",
        f'Did one? net helped {who} "what you did". Keep an idea for later: net give {who} --save TEXT',
    ]
    return "\n".join(lines)


def overview_json(found: list[NeedMatch], saved: list[Saved]) -> str:
    return to_json(
        {
            "needs": [
                {
                    "loop_id": m.loop_id,
                    "person_id": m.person_id,
                    "person": m.person,
                    "need": m.need,
                    "matches": [
                        {"id": x.id, "name": x.name, "field": x.field, "value": x.value} for x in m.matches
                    ],
                }
                for m in found
            ],
            "saved": [x._asdict() for x in saved],
        }
    )


def overview_text(found: list[NeedMatch], saved: list[Saved]) -> str:
    if not found and not saved:
        return (
            "Nothing to match right now. When someone mentions a need, note it (net need NAME WHAT);"
            " keep an idea for someone with net give NAME --save TEXT."
        )
    lines: list[str] = []
    if found:
        lines.append("Needs someone you know could help with:")
        for m in found:
            lines.append(f'  {m.person} needs "{m.need}":')
            for x in m.matches:
                about = x.value if x.field == "role" else f"at {x.value}" if x.field == "company" else x.value
                hint = f"net intro {quoted(m.person)} {quoted(x.name)} WHY"
                lines.append(f"    {x.name} ({about}): an introduction? {hint}")
        lines.append("  Ask each privately first; introduce them only once both say yes.")
    if saved:
        lines += [""] if lines else []
        lines.append("Saved for someone:")
        people: dict[str, list[Saved]] = {}
        for item in saved:
            people.setdefault(item.person, []).append(item)
        for person, items in people.items():
            things = "1 thing" if len(items) == 1 else f"{len(items)} things"
            lines.append(f"  {person}: {things} (net give {quoted(person)})")
    return "\n".join(lines)


def intros_json(found: list[Intro], *, today: date) -> str:
    return to_json([intro_dict(i, today=today) for i in found])


def intro_lines(i: Intro, *, today: date) -> list[str]:
    lines = [f"#{i.id} {i.person} and {i.other}: {i.why}"]
    step = next_step(i, today=today)
    if i.state != "accepted":  # the step already says both said yes
        lines.append(f"  {status(i)}")
    if step:
        lines.append(f"  {step}")
    elif i.state == "introduced" and i.check_on is not None:
        lines.append(f"  A check-in comes up around {i.check_on.isoformat()}.")
    return lines


def intros_text(found: list[Intro], *, today: date) -> str:
    if not found:
        return 'No introductions open. To plan one: net intro NAME NAME "why they might enjoy meeting"'
    lines = ["Introductions:"]
    for i in found:
        lines += ["  " + line for line in intro_lines(i, today=today)]
    return "\n".join(lines)


def planned_text(i: Intro, *, today: date) -> str:
    lines = [f"Planned an introduction of {i.person} and {i.other} (#{i.id}): {i.why}.", DOUBLE_OPT_IN]
    step = next_step(i, today=today)
    if step:
        lines.append(step)
    return "\n".join(lines)
