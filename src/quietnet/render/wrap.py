"""Plain text fitted to a terminal's width, broken only between words.

A terminal left to itself cuts a long line wherever the edge falls ("clim" /
"bing"). ``fit`` breaks at spaces instead, and a continued line starts under
the text it continues: after a column gap (``#3    ``, ``2025-06-10  ``,
``circle    ``), else two spaces past the line's own indent. The marks of
``render/ink.py`` take no room.
"""

from __future__ import annotations

import re

from quietnet.render.ink import MARKS

_GAP = re.compile(r" *\S.*?  +(?=\S)")  # the line's first gap of two spaces or more
_PIECES = re.compile(r" +|[^ ]+")
_UNMARK = str.maketrans("", "", MARKS)
NARROWEST = 20  # below this, lines are fitted to 20 columns anyway


def size(text: str) -> int:
    """The columns ``text`` takes: a wide character (CJK, most emoji) two, a combining mark none."""
    text = text.translate(_UNMARK)
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def _hang(line: str, width: int) -> int:
    indent = len(line) - len(line.lstrip(" "))
    gap = _GAP.match(line)
    column = size(gap.group()) if gap else indent + 2
    return column if column <= width // 2 else min(indent + 2, width // 2)


def _broken(line: str, width: int) -> list[str]:
    hang = " " * _hang(line, width)
    lines: list[str] = []
    current = ""
    for piece in _PIECES.findall(line):
        if piece.startswith(" "):
            current += piece
            continue
        if current.strip() and size(current) + size(piece) > width:
            lines.append(current.rstrip(" "))
            current = hang
        while size(current) + size(piece) > width:  # a word longer than the room: cut it
            room = max(1, width - size(current))
            while room > 1 and size(piece[:room]) > width - size(current):
                room -= 1
            lines.append(current + piece[:room])
            current, piece = hang, piece[room:]
        current += piece
    lines.append(current.rstrip(" "))
    return lines


def fit(text: str, width: int | None) -> str:
    """``text`` with every line longer than ``width`` broken between words (None: as it is)."""
    if width is None:
        return text
    width = max(width, NARROWEST)
    lines: list[str] = []
    for line in text.split("\n"):
        lines += [line] if size(line) <= width else _broken(line, width)
    return "\n".join(lines)
