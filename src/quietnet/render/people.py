"""Text and JSON views of people: a profile, a listing, search hits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from quietnet.core.dates import humanize_days
from quietnet.core.kinds import BY_NAME
from quietnet.core.records import RHYTHM_WORDS, Hit, Listed, Loop, Person
from quietnet.render.console import to_json
from quietnet.render.ink import PLAIN, Ink
from quietnet.render.wrap import size

if TYPE_CHECKING:
    from quietnet.core.profile import Timeline

# What Rich counts one cell wide without looking a character up (rich/cells.py's
# _SINGLE_CELL_UNICODE_RANGES: printable ASCII, Latin-1 but the soft hyphen, Latin Extended,
# IPA, Greek, Cyrillic, box drawing, Braille); tests/test_listing_cells.py checks each with Rich.
_ONE_CELL_SPANS = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2500, 0x25FC),
    (0x2800, 0x28FF),
)
ONE_CELL = frozenset(chr(code) for low, high in _ONE_CELL_SPANS for code in range(low, high + 1))


def cells(text: str) -> int:
    """The cells Rich gives ``text`` (``rich.cells.cell_len``), but ``len`` for ASCII as the listing
    has always padded it; a name of accented letters is counted without Rich (30,000 of 50,000)."""
    if text.isascii() or ONE_CELL.issuperset(text):
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _ago(day: date | None, today: date) -> str:
    if day is None:
        return "no contact logged yet"
    return f"{day.isoformat()} ({humanize_days((today - day).days)})"


def _rhythm(person: Person) -> str:
    if person.cadence_days:
        return f"every {person.cadence_days} days (your choice)"
    return RHYTHM_WORDS.get(person.circle, "")


def person_dict(person: Person) -> dict[str, Any]:
    data = person._asdict()
    data["tags"] = list(person.tags)
    return data


def profile_json(
    person: Person, timeline: Timeline, loops: list[Loop], extra: dict[str, Any] | None = None
) -> str:
    return to_json(
        {
            "person": person_dict(person),
            "interactions": [i._asdict() for i in timeline.interactions],
            "helps": [h._asdict() for h in timeline.helps],
            "notes": [n._asdict() for n in timeline.notes],
            "open_loops": [loop._asdict() for loop in loops],
            **(extra or {}),
        }
    )


def profile_text(
    person: Person,
    timeline: Timeline,
    loops: list[Loop],
    *,
    today: date,
    sections: Sequence[tuple[str, list[str]]] = (),
    ink: Ink = PLAIN,
) -> str:
    """A profile as plain lines: quick to print; ``ink`` makes the name and headings bold."""
    title = f"{ink.strong(person.name)}  #{person.id}"
    if person.nickname:
        title += f'  "{person.nickname}"'
    if person.archived_at:
        title += "  (archived)"
    lines = [title]
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
    lines += [f"{label:<10}{value}" for label, value in rows if value]
    if loops:
        lines += ["", ink.strong("Open loops")]
        for loop in loops:
            word = "you promised" if loop.type == "promise" else "they need"
            lines.append(f"  {loop.id:>4}  {word}: {loop.what} (since {loop.opened_on.isoformat()})")
    for heading, entries in sections:  # saved ideas, introductions, events, work (render/helping.py)
        lines += ["", ink.strong(heading), *(f"  {entry}" for entry in entries)]
    if timeline.helps:
        lines += ["", ink.strong("Ways you helped")]
        for h in timeline.helps[:10]:
            outcome = f" -> {h.outcome}" if h.outcome else ""
            lines.append(f"  {h.day.isoformat()}  #{h.id}  {h.kind}: {h.what}{outcome}")
    if timeline.interactions or timeline.notes:
        lines += ["", ink.strong("Timeline"), *_timeline(timeline)]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """A note as a timeline line shows it: its line breaks and tabs read as spaces."""
    return " ".join(text.split())


def _timeline(timeline: Timeline) -> list[str]:
    """Interactions and dated notes, newest first (on one day, the interactions first), 15 at most."""
    dated: list[tuple[date, str]] = []
    for i in timeline.interactions[:15]:
        kind = i.kind if not i.said or i.said == i.kind else f"{i.kind} ({i.said})"
        parts = [f"  {i.day.isoformat()}  #{i.id}  {kind}"]
        if i.by_them:
            parts.append("they reached out")
        if i.people:
            parts.append("with " + ", ".join(i.people))
        if i.note and i.kind != "help":
            parts.append(_one_line(i.note))
        dated.append((i.day, " · ".join(parts)))
    dated += [
        (n.day, f"  {n.day.isoformat()}  #{n.id}  note · {_one_line(n.text)}") for n in timeline.notes[:15]
    ]
    dated.sort(key=lambda entry: entry[0], reverse=True)  # stable: each list keeps its order
    return [line for _, line in dated[:15]]


def listing_json(found: list[Listed]) -> str:
    return to_json([{**p._asdict(), "tags": list(p.tags)} for p in found])


def listing_text(found: list[Listed], *, today: date, ink: Ink = PLAIN, width: int | None = None) -> str:
    """``listing_lines`` as one text."""
    return "\n".join(listing_lines(found, today=today, ink=ink, width=width))


def listing_lines(
    found: list[Listed], *, today: date, ink: Ink = PLAIN, width: int | None = None
) -> Iterator[str]:
    """Aligned plain columns (a Rich table takes seconds to lay out 5,000 rows); ``ink``: bold
    headings and names, a dim count. Narrower than ``width`` allows, tags then city are left
    out (``net show`` has them) and "last contact" becomes "last": it still reads as a table.

    The lines are made one at a time, so 50,000 people are never held as a page of text: a
    first pass over ``found`` measures each column, the second pads each line to them."""
    if not found:
        yield 'No one here yet. Add someone with: net add "Name"'
        return
    header = ["id", "name", "circle", "last contact", "city", "tags"]
    ago: dict[date | None, str] = {None: "-"}  # a few thousand different days at most: each worded once

    def cells_of_day(day: date | None) -> str:
        last = ago.get(day)
        if last is None:
            assert day is not None
            last = ago[day] = humanize_days((today - day).days)
        return last

    def row_of(p: Listed) -> tuple[str, str, str, str, str, str]:
        return (f"#{p.id}", p.name, p.circle, cells_of_day(p.last_touch), p.city or "", ", ".join(p.tags))

    fits = [0] * 6  # the widest cell of each column on screen (wide characters count two)
    pads = [0] * 6  # the same as padding counts it (cell_len; len when ASCII)
    if width is None:  # piped: only the padding matters, and each different cell is measured once
        days = {p.last_touch for p in found}
        for d in days:
            cells_of_day(d)
        cities = {p.city for p in found}
        tags = {t: ", ".join(t) for t in {p.tags for p in found}}
        pads = [len(f"#{max(p.id for p in found)}"), _widest(p.name for p in found),
                _widest({p.circle for p in found}), _widest(ago[d] for d in days),
                _widest(c or "" for c in cities), _widest(tags.values())]  # fmt: skip
    else:
        for p in found:
            for n, cell in enumerate(row_of(p)):
                if cell.isascii():
                    if len(cell) > pads[n]:
                        pads[n] = len(cell)
                        fits[n] = max(fits[n], pads[n])
                else:  # only a terminal's width may leave columns out
                    pads[n] = max(pads[n], cells(cell))
                    fits[n] = max(fits[n], size(cell))

    def table(shown: int) -> int:
        return sum(max(fits[n], size(header[n])) for n in range(shown)) + 2 * (shown - 1)

    shown = 6
    while width is not None and shown > 4 and table(shown) > width:
        shown -= 1  # tags, then city
    if width is not None and table(shown) > width:
        header[3] = "last"  # "last contact" says no more than "last" there
    header = header[:shown]
    widths = [max(pads[n], len(header[n])) for n in range(shown)]

    def line(row: Sequence[str], heading: bool) -> str:
        if not ink.marked or heading:  # each cell padded to its column: by ljust where len counts cells
            padded = [
                cell + " " * (w - cells(cell)) for cell, w in zip(row[: shown - 1], widths, strict=False)
            ]
            padded.append(row[shown - 1])
            return "  ".join(padded).rstrip()
        parts = []
        for n in range(shown - 1):
            cell = row[n]
            gap = " " * (widths[n] - cells(cell))
            if n == 1 and ink.marked and not heading:  # the marks go round the text, not the padding
                bare = cell.rstrip(" ")
                parts.append(ink.strong(bare) + " " * (len(cell) - len(bare)) + gap)
            else:
                parts.append(cell + gap)
        parts.append(row[shown - 1])
        return "  ".join(parts).rstrip()

    yield ink.strong(line(header, True))
    if width is None and not ink.marked:  # six columns: the padded cells each column repeats, made once
        w0, w1, w2, w3, w4, _ = widths
        circles = {c: _padded(c, w2) for c in {p.circle for p in found}}
        lasts = {d: _padded(ago[d], w3) for d in days}
        places = {c: _padded(c or "", w4) for c in cities}
        one = ONE_CELL.issuperset
        for p in found:
            name = p.name
            named = name.ljust(w1) if name.isascii() or one(name) else name + " " * (w1 - cells(name))
            ided = f"#{p.id}".ljust(w0)
            yield "  ".join(
                (ided, named, circles[p.circle], lasts[p.last_touch], places[p.city], tags[p.tags])
            ).rstrip()
    else:
        for p in found:
            yield line(row_of(p), False)
    yield ink.quiet(f"{len(found)} {'person' if len(found) == 1 else 'people'}")


def _widest(column: Iterable[str]) -> int:
    """The widest of these cells as padding counts it (``cells``: cell_len; len when ASCII)."""
    most = 0
    one = ONE_CELL.issuperset
    for cell in column:
        if cell.isascii() or one(cell):
            most = max(most, len(cell))
        elif 2 * len(cell) > most:  # no character is wider than two cells
            most = max(most, cells(cell))
    return most


def _padded(cell: str, width: int) -> str:
    return cell + " " * (width - cells(cell))


def listing_none_between(since: date | None, not_since: date | None) -> str:
    """`net list --since/--not-since` when no one fits (other filters may narrow it too)."""
    if since is None:
        return f"No one here has gone without contact since {not_since}."
    if not_since is None:
        return f"No one here has been in touch since {since}."
    return f"No one here was last in touch between {since} and {not_since}."


def hits_json(hits: list[Hit]) -> str:
    return to_json([h._asdict() for h in hits])


def _hit_line(h: Hit) -> str:
    """One whole sentence per kind of hit; the JSON keeps the raw fields."""
    who = f"{h.person} (#{h.person_id})"
    text = _one_line(h.text)
    if h.kind == "person":
        return who if text == h.person else f"{who}: {text}"
    day = h.day.isoformat() if h.day else ""
    if h.kind == "note":
        return f"{day}  A note about {who}: {text}"
    head, _, rest = text.partition(": ")
    if h.kind == "interaction":
        kind = BY_NAME.get(head)
        noun = kind.noun if kind else head
        return f"{day}  {'An' if noun[:1] in 'aeiou' else 'A'} {noun} with {who}: {rest}"
    if h.kind == "help":
        return f"{day}  You helped {who}: {text}"
    if head == "promise":
        return f"{day}  You offered {who}: {rest}"
    return f"{day}  {who} needs: {rest}"


def hits_text(hits: list[Hit], query: str) -> str:
    if not hits:
        return f'Nothing mentions "{query}".'
    return "\n".join(_hit_line(h) for h in hits)
