"""The sections `net show` prints after a person's timeline, and their JSON.

Apart from ``render/helping.py``: `net show` is timed, and the helping commands' records
(``core/give.py``, ``core/details.py``) are dataclasses, whose import it does without.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from quietnet.core.intro import Intro, next_step, status
from quietnet.core.profile import Extras


def intro_dict(i: Intro, *, today: date) -> dict[str, Any]:
    return {**i._asdict(), "check_on": i.check_on, "status": status(i), "next": next_step(i, today=today)}


def extras_dict(x: Extras, *, today: date) -> dict[str, Any]:
    return {
        "saved": [s._asdict() for s in x.saved],
        "introductions": [intro_dict(i, today=today) for i in x.intros],
        "events": [
            {"id": e.id, "name": e.name, "day": e.day, "role": role, "note": note}
            for e, role, note in x.events
        ],
        "work": [w._asdict() for w in x.work],
        "relationships": [r._asdict() for r in x.related],
        "yearly_dates": [d._asdict() for d in x.dates],
    }


def extras_sections(x: Extras, *, today: date, person_id: int) -> list[tuple[str, list[str]]]:
    """Sections for `net show`: (title, lines), only those with something in them."""
    sections: list[tuple[str, list[str]]] = []
    if x.related:
        sections.append(("People", [f"{r.label}: {r.other}" for r in x.related]))
    if x.dates:
        ids, days = max(len(f"#{d.id}") for d in x.dates), max(len(d.day) for d in x.dates)
        sections.append(
            ("Yearly dates", [f"{f'#{d.id}':<{ids}}  {d.day:>{days}}  {d.label}" for d in x.dates])
        )
    if x.saved:
        sections.append(
            ("Saved for them", [f"#{s.id} {s.what} (since {s.saved_on.isoformat()})" for s in x.saved])
        )
    if x.intros:
        lines = []
        for i in x.intros:
            other = i.other if i.person_id == person_id else i.person
            lines.append(f"#{i.id} with {other}: {i.why} ({status(i)})")
        sections.append(("Introductions", lines))
    if x.events:
        words = {"met": "first met there", "knows": "going too"}
        sections.append(
            (
                "Events",
                [
                    f"{e.day.isoformat()}  {e.name}: {words.get(role, role)}" + (f" · {note}" if note else "")
                    for e, role, note in x.events
                ],
            )
        )
    if x.work:
        lines = []
        for w in x.work:
            through = f"through them, for {w.person}" if w.via_id == person_id else f"from them ({w.path})"
            lines.append(f"{w.day.isoformat()}  {w.title}: {through}")
        sections.append(("Work", lines))
    return sections
