"""Text and JSON views of people: a profile, a listing, search hits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from quietnet.dates import humanize_days
from quietnet.records import RHYTHM_WORDS, Loop, Person
from quietnet.render.console import console, to_json

if TYPE_CHECKING:
    from quietnet.store.interactions import Timeline
    from quietnet.store.people import Listed
    from quietnet.store.search import Hit


def _ago(day: date | None, today: date) -> str:
    if day is None:
        return "no contact logged yet"
    return f"{day.isoformat()} ({humanize_days((today - day).days)})"


def _rhythm(person: Person) -> str:
    if person.cadence_days:
        return f"every {person.cadence_days} days (your choice)"
    return RHYTHM_WORDS.get(person.circle, "")


def person_dict(person: Person) -> dict[str, Any]:
    data = asdict(person)
    data["tags"] = list(person.tags)
    return data


def profile_json(
    person: Person, timeline: Timeline, loops: list[Loop], extra: dict[str, Any] | None = None
) -> str:
    return to_json(
        {
            "person": person_dict(person),
            "interactions": [asdict(i) for i in timeline.interactions],
            "helps": [asdict(h) for h in timeline.helps],
            "open_loops": [asdict(loop) for loop in loops],
            **(extra or {}),
        }
    )


def print_profile(
    person: Person,
    timeline: Timeline,
    loops: list[Loop],
    *,
    today: date,
    sections: Sequence[tuple[str, list[str]]] = (),
) -> None:
    from rich.text import Text

    out = console()
    title = Text(person.name, style="bold")
    title.append(f"  #{person.id}", style="dim")
    if person.nickname:
        title.append(f'  "{person.nickname}"')
    if person.archived_at:
        title.append("  (archived)", style="dim")
    out.print(title)
    circle = f"{person.circle}, {_rhythm(person)}"
    if person.closeness:
        circle += f", closeness {person.closeness}"
    if person.kin:
        circle += ", family"
    rows: list[tuple[str, str | None]] = [
        ("circle", circle),
        (
            "met",
            " ".join(filter(None, [person.met_on.isoformat() if person.met_on else None, person.how_met])),
        ),
        ("origin", person.origin),
        ("work", ", ".join(filter(None, [person.role, person.company]))),
        ("city", person.city),
        ("email", person.email),
        ("phone", person.phone),
        ("birthday", person.birthday),
        ("interests", person.interests),
        ("tags", ", ".join(person.tags)),
        ("notes", person.notes),
        ("snoozed", f"until {person.snoozed_until.isoformat()}" if person.snoozed_until else None),
    ]
    last = timeline.interactions[0].day if timeline.interactions else None
    rows.append(("last", _ago(last, today)))
    for label, value in rows:
        if value:
            line = Text(f"{label:<10}", style="dim")
            line.append(value)
            out.print(line)
    if loops:
        out.print(Text("\nOpen loops", style="bold"))
        for loop in loops:
            word = "you promised" if loop.type == "promise" else "they need"
            out.print(Text(f"  {loop.id:>4}  {word}: {loop.what} (since {loop.opened_on.isoformat()})"))
    for heading, lines in sections:  # saved ideas, introductions, events, work (render/helping.py)
        out.print(Text(f"\n{heading}", style="bold"))
        for entry in lines:
            out.print(Text(f"  {entry}"))
    if timeline.helps:
        out.print(Text("\nWays you helped", style="bold"))
        for h in timeline.helps[:10]:
            outcome = f" -> {h.outcome}" if h.outcome else ""
            out.print(Text(f"  {h.day.isoformat()}  {h.kind}: {h.what}{outcome}"))
    if timeline.interactions:
        out.print(Text("\nTimeline", style="bold"))
        for i in timeline.interactions[:15]:
            kind = i.kind if not i.said or i.said == i.kind else f"{i.kind} ({i.said})"
            parts = [f"  {i.day.isoformat()}  {kind}"]
            if i.by_them:
                parts.append("they reached out")
            if i.people:
                parts.append("with " + ", ".join(i.people))
            if i.note and i.kind != "help":
                parts.append(i.note)
            out.print(Text(" · ".join(parts)))


def listing_json(found: list[Listed]) -> str:
    return to_json([{**asdict(p), "tags": list(p.tags)} for p in found])


def listing_text(found: list[Listed], *, today: date) -> str:
    """Aligned plain columns: a Rich table takes seconds to lay out 5,000 rows."""
    from rich.cells import cell_len

    if not found:
        return 'No one here yet. Add someone with: net add "Name"'
    header = ("id", "name", "circle", "last contact", "city", "tags")
    rows = [header] + [
        (
            f"#{p.id}",
            p.name,
            p.circle,
            humanize_days((today - p.last_touch).days) if p.last_touch else "-",
            p.city or "",
            ", ".join(p.tags),
        )
        for p in found
    ]
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell + " " * (width - cell_len(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    ]
    lines.append(f"{len(found)} {'person' if len(found) == 1 else 'people'}")
    return "\n".join(lines)


def hits_json(hits: list[Hit]) -> str:
    return to_json([asdict(h) for h in hits])


def print_hits(hits: list[Hit], query: str) -> None:
    from rich.text import Text

    out = console()
    if not hits:
        out.print(Text(f'Nothing mentions "{query}".'))
        return
    for h in hits:
        day = h.day.isoformat() if h.day else "          "
        out.print(Text(f"{day}  {h.person} (#{h.person_id})  {h.kind}: {h.text}"))
