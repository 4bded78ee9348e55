"""Plain text fitted to a terminal's width, broken only between words.

A terminal left to itself cuts a long line wherever the edge falls ("clim" /
"bing"). ``fit`` breaks at spaces instead, and a continued line starts under
the text it continues: after a column gap (``#3    ``, ``2025-06-10  ``,
``circle    ``), else two spaces past the line's own indent.
"""

from __future__ import annotations

import re

_GAP = re.compile(r" *\S.*?  +(?=\S)")  # the line's first gap of two spaces or more
NARROWEST = 20  # below this, lines are fitted to 20 columns anyway


def _hang(line: str, width: int) -> int:
    indent = len(line) - len(line.lstrip(" "))
    gap = _GAP.match(line)
    column = gap.end() if gap else indent + 2
    return column if column <= width // 2 else min(indent + 2, width // 2)


def fit(text: str, width: int | None) -> str:
    """``text`` with every line longer than ``width`` broken between words (None: as it is)."""
    if width is None:
        return text
    import textwrap

    width = max(width, NARROWEST)
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        lines += textwrap.wrap(
            line,
            width=width,
            subsequent_indent=" " * _hang(line, width),
            break_on_hyphens=False,
            replace_whitespace=False,
        ) or [line]
    return "\n".join(lines)
