"""The weekly review drawn by Rich: ``Text`` only (user text prints as typed), from ``lines.parts``.

At most 80 columns wide whatever the terminal, no trailing spaces, colour only
where the console allows it (``NO_COLOR`` turns it off); a chart of touches by
circle drawn with a different block for each circle, so it reads without colour.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, Group
from rich.constrain import Constrain
from rich.text import Text

from quietnet.core.review import Review
from quietnet.render.review.lines import WIDTH, Line, parts

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, RenderableType, RenderResult


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
    return Constrain(Group(*(_drawn(line) for line in parts(r))), width=WIDTH)


def _drawn(line: Line) -> RenderableType:
    text = Text.assemble(*line.pieces) if len(line.pieces) != 1 else Text(*line.pieces[0])
    return Hanging(line.lead, text) if line.hanging else text


def plain(r: Review) -> str:
    """The review as plain text: 80 columns, no terminal codes (``lines.plain`` does it without Rich)."""
    return printed(parts(r))


def printed(lines: Iterable[Line]) -> str:
    """``lines`` drawn by Rich on a console that is not a terminal, 80 wide."""
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
        out.print(Constrain(Group(*(_drawn(line) for line in lines)), width=WIDTH))
    return captured.get()
