"""The weekly review for the terminal: Rich ``Text`` only (user text prints as typed).

At most 80 columns wide whatever the terminal, no trailing spaces, colour only
where the console allows it (``NO_COLOR`` turns it off); a chart of touches by
circle drawn with a different block for each circle, so it reads without colour.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, Group
from rich.constrain import Constrain
from rich.text import Text

from quietnet.core.review import ChartWeek, Review
from quietnet.core.settings import CIRCLES
from quietnet.render.review import words

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType, RenderResult

WIDTH = 80
BAR = 50  # the longest bar, in cells
INDENT = "  "
GLYPHS = dict(zip(CIRCLES, "█▓▒░·", strict=True))
COLOURS = dict(zip(CIRCLES, ("magenta", "blue", "green", "yellow", "bright_black"), strict=True))
HEADING = "bold"
QUIET = "dim"


class Hanging:
    """A lead (a date, an indent) then text whose wrapped lines start under the text, unpadded."""

    def __init__(self, lead: str, body: Text | str, style: str = "") -> None:
        self.lead = lead
        self.body = body if isinstance(body, Text) else Text(body, style=style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = cell_len(self.lead)
        lines = self.body.wrap(console, max(20, options.max_width - indent))
        for n, line in enumerate(lines):
            line.rstrip()
            yield Text(self.lead if n == 0 else " " * indent) + line


def render(r: Review) -> RenderableType:
    """The whole review as one renderable, at most 80 columns wide."""
    return Constrain(Group(*_parts(r)), width=WIDTH)


def plain(r: Review) -> str:
    """The review as plain text (for ``--output``): 80 columns, no terminal codes."""
    out = Console(
        file=io.StringIO(),
        width=WIDTH,
        color_system=None,
        force_terminal=False,
        no_color=True,
        markup=False,
        emoji=False,
        highlight=False,
    )
    with out.capture() as captured:
        out.print(render(r))
    return captured.get()


def _heading(text: str) -> Iterator[RenderableType]:
    yield Text()
    yield Text(text, style=HEADING)


def _line(text: str, style: str = "") -> Hanging:
    return Hanging(INDENT, text, style)


def _dated(day: str, text: str, style: str = "") -> Hanging:
    return Hanging(f"{INDENT}{day:<10}  ", text, style)


def _parts(r: Review) -> Iterator[RenderableType]:
    yield Hanging("", Text(words.title(r), style=HEADING))
    if (note := words.so_far(r)) is not None:
        yield Hanging("", note, QUIET)
    if r.quiet:
        yield Hanging("", words.QUIET_WEEK)

    yield from _heading(words.GAVE)
    if not r.gave:
        yield _line(words.NO_HELPS)
    for g in r.gave:
        yield _dated(words.short_day(g.day), words.given(g))
        if (came := words.outcome(g)) is not None:
            yield _dated("", f"{words.CAME_OF_IT}: {came}", QUIET)
    yield _line(words.recent(r))

    yield from _heading(words.CAME_BACK)
    if not r.came_back:
        yield _line(words.NOTHING_BACK)
    for x in r.came_back:
        yield _dated(words.short_day(x.day), words.came_back(x))
        yield _dated("", x.thanks, QUIET)

    if r.noted:  # only when there are some: most weeks have none
        yield from _heading(words.NOTED)
        yield from (_dated(words.short_day(n.day), words.noted(n)) for n in r.noted)

    yield from _heading(words.OPEN)
    if not r.promises and not r.needs:
        yield _line(words.NOTHING_OPEN)
    for label, items, say in ((words.YOURS, r.promises, words.promise), (words.THEIRS, r.needs, words.need)):
        if items:
            yield _line(f"{label}:")
            yield from (Hanging(INDENT * 2, say(o)) for o in items)

    yield from _heading(words.NEXT)
    if not r.next_week:
        yield _line(words.NO_ONE_NEXT)
    yield from (_line(words.why(n)) for n in r.next_week)

    yield from _heading(words.NUMBERS)
    n = r.numbers
    yield _line(words.interactions(n))
    if (by_circle := words.circles(n)) is not None:
        yield _line(by_circle)
    yield _line(words.energy(n))
    yield from (_line(x) for x in words.capacity(n))
    yield Text()
    yield from _chart(n.chart)

    yield from _heading(words.DATES)
    if not r.dates_ahead:
        yield _line(words.NO_DATES)
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


def _chart(weeks: tuple[ChartWeek, ...]) -> Iterator[RenderableType]:
    most = max((w.total for w in weeks), default=0)
    if not most:
        yield _line(words.NO_TOUCHES)
        return
    yield _line(words.CHART)
    scale = min(1.0, BAR / most)
    for w in weeks:
        line = Text(f"{INDENT}{words.week_label(w.start):>6}  ")
        for circle, cells in segments(((c.name, c.count) for c in w.touches), scale):
            line.append(GLYPHS.get(circle, "?") * cells, style=COLOURS.get(circle, ""))
        line.append(f" {w.total}" if w.total else "-", style=QUIET)
        yield line
    legend = Text(INDENT + " " * 8)
    for n, circle in enumerate(CIRCLES):
        legend.append(("  " if n else "") + GLYPHS[circle], style=COLOURS[circle])
        legend.append(f" {circle}")
    yield Hanging("", legend)
