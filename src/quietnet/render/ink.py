"""A little emphasis for what people read: bold names and headings, dim hints.

Renderers take an ``Ink``. ``PLAIN`` returns text as it is (pipes, files,
``NO_COLOR``, the tests' default). ``MARKED`` wraps text in three marks, control
characters no escaped text can hold: the CLI escapes every stored string before
rendering (``text.escaped_all``), so the marks are the only control characters
left, and ``cli/context.py`` turns them into terminal codes (``codes``) after
fitting the lines to the width (``render/wrap.py`` counts the marks as nothing).
"""

from typing import NamedTuple

STRONG, QUIET, END = "\x0e", "\x0f", "\x10"
MARKS = STRONG + QUIET + END
_CODES = str.maketrans({STRONG: "\x1b[1m", QUIET: "\x1b[2m", END: "\x1b[22m"})  # bold, dim, normal


class Ink(NamedTuple):
    marked: bool

    def strong(self, text: str) -> str:
        """A name or a heading."""
        return f"{STRONG}{text}{END}" if self.marked and text else text

    def quiet(self, text: str) -> str:
        """A hint: what to type next, a count."""
        return f"{QUIET}{text}{END}" if self.marked and text else text


PLAIN = Ink(marked=False)
MARKED = Ink(marked=True)


def codes(text: str) -> str:
    """Marked text with its marks turned into SGR codes (bold, dim, back to normal)."""
    return text.translate(_CODES)
