"""The weekly review for a reader, line by line, and laid out 80 wide without Rich.

``parts`` says what the text review holds: each line with its lead (a date, an
indent: wrapped lines start under the text after it) and its pieces of text,
each with a style. ``text.py`` draws them with Rich in a terminal; ``plain``
lays them out as Rich does on a console that is not a terminal, 80 columns
wide, byte for byte (tests/test_review_plain.py compares them), for the review
piped or saved, without importing Rich (about 50 ms, and Rich's layout of a
long review takes longer than the rest of it). It does so only when every
character is one cell wide (Latin, Greek, Cyrillic, the review's own marks);
for anything else (wide CJK, emoji, combining marks) it returns None and Rich
lays it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from quietnet.core.review import ChartWeek, Review
from quietnet.core.settings import CIRCLES
from quietnet.render.review import words

WIDTH = 80
BAR = 50  # the longest bar, in cells
INDENT = "  "
GLYPHS = dict(zip(CIRCLES, "█▓▒░·", strict=True))
COLOURS = dict(zip(CIRCLES, ("magenta", "blue", "green", "yellow", "bright_black"), strict=True))
HEADING = "bold"
QUIET = "dim"

# Characters Rich counts as one cell: its own fast set (rich/cells.py), more Cyrillic, Vietnamese, and the
# dashes, quotes and ellipsis the review writes (tests/test_review_plain.py checks each against rich.cells).
ONE_CELL = "\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1eff\u2010-\u2027\u2500-\u25fc"
_WIDER = re.compile(f"[^{ONE_CELL}\n]")
_WORD = re.compile(r"\s*\S+\s*")  # as rich._wrap words


class Line(NamedTuple):
    """One line of the review: ``hanging`` ones wrap under their text, after the lead."""

    lead: str
    pieces: tuple[tuple[str, str], ...]  # (text, style)
    hanging: bool = True


def _line(lead: str, text: str, style: str = "") -> Line:
    return Line(lead, ((text, style),))


BLANK = Line("", (), hanging=False)


def _heading(text: str) -> Iterator[Line]:
    yield BLANK
    yield Line("", ((text, HEADING),), hanging=False)


def _indented(text: str, style: str = "") -> Line:
    return _line(INDENT, text, style)


def _dated(day: str, text: str, style: str = "") -> Line:
    return _line(f"{INDENT}{day:<10}  ", text, style)


def parts(r: Review) -> Iterator[Line]:
    """Every line of the review, in order."""
    yield _line("", words.title(r), HEADING)
    if (note := words.so_far(r)) is not None:
        yield _line("", note, QUIET)
    if r.quiet:
        yield _line("", words.QUIET_WEEK)

    yield from _heading(words.GAVE)
    if not r.gave:
        yield _indented(words.NO_HELPS)
    for g in r.gave:
        yield _dated(words.short_day(g.day), words.given(g))
        if (came := words.outcome(g)) is not None:
            yield _dated("", f"{words.CAME_OF_IT}: {came}", QUIET)
    yield _indented(words.recent(r))

    yield from _heading(words.CAME_BACK)
    if not r.came_back:
        yield _indented(words.NOTHING_BACK)
    for x in r.came_back:
        yield _dated(words.short_day(x.day), words.came_back(x))
        yield _dated("", x.thanks, QUIET)

    if r.noted:  # only when there are some: most weeks have none
        yield from _heading(words.NOTED)
        yield from (_dated(words.short_day(n.day), words.noted(n)) for n in r.noted)

    yield from _heading(words.OPEN)
    if not r.promises and not r.needs:
        yield _indented(words.NOTHING_OPEN)
    for label, items, say in ((words.YOURS, r.promises, words.promise), (words.THEIRS, r.needs, words.need)):
        if items:
            yield _indented(f"{label}:")
            yield from (_line(INDENT * 2, say(o)) for o in items)

    yield from _heading(words.NEXT)
    if not r.next_week:
        yield _indented(words.NO_ONE_NEXT)
    yield from (_indented(words.why(n)) for n in r.next_week)

    yield from _heading(words.NUMBERS)
    n = r.numbers
    yield _indented(words.interactions(n))
    if (by_circle := words.circles(n)) is not None:
        yield _indented(by_circle)
    yield _indented(words.energy(n))
    yield from (_indented(x) for x in words.capacity(n))
    yield BLANK
    yield from _chart(n.chart)

    yield from _heading(words.DATES)
    if not r.dates_ahead:
        yield _indented(words.NO_DATES)
    yield from (_dated(words.short_day(d.day), words.date_ahead(d)) for d in r.dates_ahead)


def segments(touches: Iterable[tuple[str, int]], scale: float) -> list[tuple[str, int]]:
    """(circle, cells) for one bar: cumulative rounding, so the bar's length stays true."""
    found, total, drawn = [], 0, 0
    for circle, count in touches:
        total += count
        upto = round(total * scale)
        if upto > drawn:
            found.append((circle, upto - drawn))
            drawn = upto
    return found


def _chart(weeks: tuple[ChartWeek, ...]) -> Iterator[Line]:
    most = max((w.total for w in weeks), default=0)
    if not most:
        yield _indented(words.NO_TOUCHES)
        return
    yield _indented(words.CHART)
    scale = min(1.0, BAR / most)
    for w in weeks:
        pieces = [(f"{INDENT}{words.week_label(w.start):>6}  ", "")]
        for circle, cells in segments(((c.name, c.count) for c in w.touches), scale):
            pieces.append((GLYPHS.get(circle, "?") * cells, COLOURS.get(circle, "")))
        pieces.append((f" {w.total}" if w.total else "-", QUIET))
        yield Line("", tuple(pieces), hanging=False)
    legend = [(INDENT + " " * 8, "")]
    for n, circle in enumerate(CIRCLES):
        legend += [(("  " if n else "") + GLYPHS[circle], COLOURS[circle]), (f" {circle}", "")]
    yield Line("", tuple(legend))


# -- laid out as Rich lays it out, for characters one cell wide ----------------------------


def plain(r: Review) -> str | None:
    """The review as Rich prints it on a console that is not a terminal, 80 wide; None if Rich must."""
    return laid(parts(r))


def laid(lines: Iterable[Line]) -> str | None:
    """``lines`` as ``text.printed`` prints them, or None when a character may not be one cell wide."""
    out: list[str] = []
    for line in lines:
        text = "".join(t for t, _ in line.pieces)
        if _WIDER.search(text) or _WIDER.search(line.lead):
            return None
        if line.hanging:
            indent = " " * len(line.lead)
            for n, piece in enumerate(wrap(text, max(20, WIDTH - len(line.lead)))):
                out += wrap((line.lead if n == 0 else indent) + piece.rstrip(), WIDTH)
        else:
            out += wrap(text, WIDTH)
    return "".join(f"{x}\n" for x in out)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, as Rich's ``Text.wrap`` cuts it (one-cell characters)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:  # every word fits: Rich breaks nothing
            lines.append(line)
            continue
        starts = [0, *_breaks(line, width)]
        for start, end in zip(starts, [*starts[1:], len(line)], strict=True):
            piece = line[start:end]
            if len(piece) > width:  # Rich's rstrip_end, then truncate
                trailing = len(piece) - len(piece.rstrip())
                piece = piece[: len(piece) - min(trailing, len(piece) - width)][:width]
            lines.append(piece)
    return lines


def _breaks(text: str, width: int) -> list[int]:
    """Where lines break: rich._wrap.divide_line, with every character one cell wide."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded across lines, ``width`` cells each
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for n, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if n == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks
