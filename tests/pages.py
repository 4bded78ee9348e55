"""Reading the HTML review as a browser would, without one: nesting, tags, cells, style, colours."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser


class Page(HTMLParser):
    """Checks that tags nest and collects what a self-contained page must (not) have."""

    VOID = frozenset({"meta", "link", "br", "img", "hr", "input", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: Counter[str] = Counter()
        self.values: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []
        self.style = ""
        self.tables: list[list[list[tuple[str, str]]]] = []  # per table, per row: (class, text) of each cell
        self.rects: list[tuple[str, str]] = []  # the chart's filled rects: (fill, title)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.values += [v or "" for _, v in attrs]
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append((dict(attrs).get("class") or "", ""))
        elif tag == "rect" and (fill := dict(attrs).get("fill")):
            self.rects.append((fill, ""))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.values += [v or "" for _, v in attrs]
        if tag == "rect" and (fill := dict(attrs).get("fill")):
            self.rects.append((fill, ""))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open[-1:] == ["style"]:
            self.style += data
            return
        self.text.append(data)
        if self.open[-1:] in (["td"], ["th"]):
            cls, text = self.tables[-1][-1][-1]
            self.tables[-1][-1][-1] = (cls, text + data)
        elif self.open[-2:] == ["rect", "title"]:
            fill, title = self.rects[-1]
            self.rects[-1] = (fill, title + data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.errors == []
    assert parser.open == []
    return parser


def _luminance(colour: str) -> float:
    """The relative luminance (0 to 1) of ``#rrggbb`` or ``#rgb``."""
    hexes = colour.removeprefix("#")
    if len(hexes) == 3:
        hexes = "".join(c * 2 for c in hexes)
    channels = [int(hexes[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white): how light a colour prints in grey."""
    y = _luminance(colour)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else 24389 / 27 * y


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def block(style: str, head: str) -> str:
    """The body of the CSS block that starts with ``head`` (braces balanced)."""
    start = style.index(head + " {") + len(head) + 2
    depth, at = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(style[at], 0)
        at += 1
    return style[start : at - 1]


def variables(css: str) -> dict[str, str]:
    """The custom properties (``--bg: #fff``) set in a piece of CSS."""
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})", css))
