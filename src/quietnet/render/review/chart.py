"""An inline SVG chart of touches by circle over the last weeks, for the HTML review.

Stacked bars, one per week. Each circle has a shade of one hue, in lightness
steps at least 12 apart (CIE L*) so they stay apart in grey print, and a
pattern of its own (solid, diagonal lines, dots, level lines, sparse dots) so
they stay apart even when shades blur; a dark screen reverses the shades
(``css()`` holds both palettes). Each segment carries a ``<title>`` with its
numbers. No scripts, no external references: the patterns are referred to by
fragment (``url(#q-core)``) inside the page itself, and inline SVG in HTML
needs no namespace URL.
"""

from __future__ import annotations

from html import escape

from quietnet.core.review import ChartWeek
from quietnet.core.settings import CIRCLES
from quietnet.render.review import words

# Shades per circle, most ink first: darkest on a light page (and in print), lightest on a dark screen.
LIGHT = dict(zip(CIRCLES, ("#152f55", "#2a5e9f", "#5889c6", "#8fb2e0", "#c4d7f0"), strict=True))
DARK = dict(zip(CIRCLES, ("#dce9f9", "#a9c8ef", "#6d9edb", "#3f6fae", "#2b466b"), strict=True))
# The marks drawn over each shade: in the page's background colour on the strong shades
# (.m-bg), in its text colour on the faint ones (.m-ink), so they show in both schemes.
MARKS = dict(
    zip(
        CIRCLES,
        (
            "",
            '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" class="m-bg"/>',
            '<circle cx="3" cy="3" r="1.2" class="m-bg"/>',
            '<path d="M0,3 h6" class="m-ink"/>',
            '<circle cx="3" cy="3" r="0.7" class="m-ink"/>',
        ),
        strict=True,
    )
)
VIEW_W, VIEW_H = 640, 212
LEFT, RIGHT, TOP, BASE = 40, 630, 14, 184
BAR_W = 30


def scale_top(most: int) -> tuple[int, int]:
    """(top, step): a round top of the axis at or above ``most``, with at most 4 steps."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-most // (step * factor)) <= 4:
                step *= factor
                return max(1, -(-most // step)) * step, step
        step *= 10


def css(palette: dict[str, str]) -> str:
    """The fill of each circle's shade, as CSS rules (one per line)."""
    return "\n".join(f".c-{circle} {{ fill: {colour}; }}" for circle, colour in palette.items())


def _patterns() -> list[str]:
    parts = ["<defs>"]
    for circle in CIRCLES:
        parts.append(f'<pattern id="q-{circle}" width="6" height="6" patternUnits="userSpaceOnUse">')
        parts.append(f'<rect width="6" height="6" class="c-{circle}"/>{MARKS[circle]}</pattern>')
    return [*parts, "</defs>"]


def legend() -> str:
    """The circles' shades and patterns, as a list in the page's own text size (it reads on a phone)."""
    items = [
        f'<li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12"'
        f' class="bar" {_fill(circle)}/></svg>{escape(circle)}</li>'
        for circle in CIRCLES
    ]
    return "\n".join(['<ul class="legend">', *items, "</ul>"])


def _fill(circle: str) -> str:
    return f'fill="url(#q-{circle})"' if circle in LIGHT else 'fill="#888888"'


def _num(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def svg(weeks: tuple[ChartWeek, ...]) -> str:
    """The chart as an ``<svg>`` element (empty weeks stay empty); ``legend()`` goes under it."""
    most = max((w.total for w in weeks), default=0)
    top, step = scale_top(most)
    height = BASE - TOP
    slot = (RIGHT - LEFT) / max(1, len(weeks))
    label = escape(f"{words.CHART}: " + "; ".join(f"{words.week_label(w.start)} {w.total}" for w in weeks))
    parts = [
        f'<svg class="chart" viewBox="0 0 {VIEW_W} {VIEW_H}" role="img" aria-label="{label}">',
        f"<title>{escape(words.CHART)}</title>",
        *_patterns(),
    ]
    for tick in range(0, top + 1, step):
        at = _num(BASE - height * tick / top)
        parts.append(f'<line x1="{LEFT}" y1="{at}" x2="{RIGHT}" y2="{at}" class="grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{at}" class="axis" text-anchor="end" dy="4">{tick}</text>')
    for i, w in enumerate(weeks):
        x = LEFT + i * slot + (slot - BAR_W) / 2
        below = 0
        for c in w.touches:
            if not c.count:
                continue
            y = BASE - height * (below + c.count) / top
            h = height * c.count / top
            what = escape(f"Week of {words.week_label(w.start)}, {c.name}: {c.count}")
            parts.append(
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{BAR_W}" height="{_num(h)}"'
                f' class="bar" {_fill(c.name)}><title>{what}</title></rect>'
            )
            below += c.count
        centre = _num(x + BAR_W / 2)
        week = escape(words.week_label(w.start))
        every_other = " odd" if (len(weeks) - 1 - i) % 2 else ""  # hidden on a phone; this week stays
        parts.append(
            f'<text x="{centre}" y="{BASE + 18}" class="axis{every_other}" text-anchor="middle">{week}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
