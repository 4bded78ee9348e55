"""Text and JSON views of people: a profile, a listing, search hits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from quietnet.core.dates import humanize_days
from quietnet.core.kinds import BY_NAME
from quietnet.core.records import RHYTHM_WORDS, Hit, Listed, Loop, Person, Roster
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
_SPANS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _ONE_CELL_SPANS)
_NOT_ONE = re.compile(f"[^{_SPANS}]")  # a character not in ONE_CELL


def _one(text: str) -> bool:
    """Whether ``cells`` counts ``text`` by its length (ASCII, or one cell a character)."""
    return text.isascii() or ONE_CELL.issuperset(text)


def cells(text: str) -> int:
    """The cells Rich gives ``text`` (``rich.cells.cell_len``), but ``len`` for ASCII as the listing
    has always padded it; a name of accented letters is counted without Rich (30,000 of 50,000)."""
    if _one(text):
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


def listing_text(found: Roster, *, today: date, ink: Ink = PLAIN, width: int | None = None) -> str:
    """``listing_lines`` as one text."""
    return "\n".join(listing_lines(found, today=today, ink=ink, width=width))


BLOCK = 2000  # lines a piece of the piped listing holds: never the whole page as one text


def listing_lines(found: Roster, *, today: date, ink: Ink = PLAIN, width: int | None = None) -> Iterator[str]:
    """Aligned plain columns (a Rich table takes seconds to lay out 5,000 rows), in pieces of one
    or more whole lines; ``ink``: bold headings and names, a dim count. Narrower than ``width``
    allows, tags then city are left out (``net show`` has them) and "last contact" becomes "last":
    it still reads as a table.

    50,000 people are never held as a page of text: the columns are measured first, then the
    lines are made and given a piece at a time."""
    rows = found.rows
    if not rows:
        yield 'No one here yet. Add someone with: net add "Name"'
        return
    ago: dict[Any, str] = {None: "-"}  # each last contact as stored, worded once
    for raw, day in found.days.items():
        ago[raw] = humanize_days((today - day).days)
    joined = {t: ", ".join(t) for t in set(found.tags.values())}  # each different set of tags joined once
    tags = {person: joined[t] for person, t in found.tags.items()}
    if width is None and not ink.marked:
        yield from _piped(rows, ago, tags)
    else:
        yield from _fitted(rows, ago, tags, ink=ink, width=width)
    yield ink.quiet(f"{len(rows)} {'person' if len(rows) == 1 else 'people'}")


def _piped(rows: list[tuple[Any, ...]], ago: dict[Any, str], tags: dict[int, str]) -> Iterator[str]:
    """All six columns, each different cell measured and padded once, a piece of lines made by
    one comprehension over the rows as the store read them."""
    names = list(map(itemgetter(1), rows))
    circles = set(map(itemgetter(2), rows))
    cities = set(map(itemgetter(3), rows))
    days = set(map(itemgetter(4), rows))
    odd = _odd(names)
    longest = max(map(len, names))
    if any(len(n) == longest for n in odd):  # then the longest plain name is not that long
        longest = max((len(n) for n in names if n not in odd), default=0)
    w0 = max(len(f"#{max(map(itemgetter(0), rows))}"), len("id"))
    w1 = max(longest, *map(cells, odd), len("name"))
    w2 = max(_widest(circles), len("circle"))
    w3 = max(_widest(ago[d] for d in days), len("last contact"))
    w4 = max(_widest(c or "" for c in cities), len("city"))
    head = ("id".ljust(w0), "name".ljust(w1), "circle".ljust(w2), "last contact".ljust(w3), "city".ljust(w4))
    yield "  ".join((*head, "tags"))
    # the cells after the name each with the two spaces that follow; a line without tags loses
    # the spaces it ends in, as ever
    circled = {c: _padded(c, w2) + "  " for c in circles}
    lasts = {d: _padded(ago[d], w3) + "  " for d in days}
    places = {c: _padded(c or "", w4) + "  " for c in cities}
    wide = {n: _padded(n, w1) for n in odd}  # the few names whose cells are not their length
    tag = tags.get
    for at in range(0, len(rows), BLOCK):
        lines = [
            f"{f'#{i}'.ljust(w0)}  {wide[n] if n in wide else n.ljust(w1)}  {circled[c]}{lasts[d]}{places[p]}"
            f"{tag(i, '')}".rstrip()
            for i, n, c, p, d in rows[at : at + BLOCK]
        ]
        yield "\n".join(lines)


def _odd(names: list[str]) -> set[str]:
    """The names ``cells`` does not count by their length (some 400 of 50,000: Vietnamese, CJK...);
    ``isascii`` answers without reading a name, a character class reads only the others."""
    return {n for n in names if not n.isascii() and _NOT_ONE.search(n)}


def _fitted(
    rows: list[Any], ago: dict[Any, str], tags: dict[int, str], *, ink: Ink, width: int | None
) -> Iterator[str]:
    """The columns at a terminal's width, or marked: every row measured, tags then city left out
    when they do not fit."""
    header = ["id", "name", "circle", "last contact", "city", "tags"]

    def row_of(r: Any) -> tuple[str, str, str, str, str, str]:
        return (f"#{r[0]}", r[1], r[2], ago[r[4]], r[3] or "", tags.get(r[0], ""))

    fits = [0] * 6  # the widest cell of each column on screen (wide characters count two)
    pads = [0] * 6  # the same as padding counts it (cell_len; len when ASCII)
    for r in rows:
        for n, cell in enumerate(row_of(r)):
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
    for r in rows:
        yield line(row_of(r), False)


def _widest(column: Iterable[str]) -> int:
    """The widest of these cells as padding counts it (``cells``: cell_len; len when ASCII)."""
    most = 0
    for cell in column:
        if _one(cell):
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
