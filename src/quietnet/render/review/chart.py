"""An inline SVG chart of touches by circle over the last weeks, for the HTML review.

Stacked bars, one per week, in shades of one hue that stay apart in grey print;
each segment carries a ``<title>`` with its numbers. No scripts, no external
references (inline SVG in HTML needs no namespace URL).
"""

from __future__ import annotations

from html import escape

from quietnet.core.review import ChartWeek
from quietnet.core.settings import CIRCLES
from quietnet.render.review import words

COLOURS = dict(zip(CIRCLES, ("#1d3f6e", "#2f6db5", "#6a9fd8", "#a8c8ec", "#d9e6f5"), strict=True))
VIEW_W, VIEW_H = 640, 250
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


def _num(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def svg(weeks: tuple[ChartWeek, ...]) -> str:
    """The chart as an ``<svg>`` element (empty weeks stay empty)."""
    most = max((w.total for w in weeks), default=0)
    top, step = scale_top(most)
    height = BASE - TOP
    slot = (RIGHT - LEFT) / max(1, len(weeks))
    label = escape(f"{words.CHART}: " + "; ".join(f"{words.week_label(w.start)} {w.total}" for w in weeks))
    parts = [
        f'<svg class="chart" viewBox="0 0 {VIEW_W} {VIEW_H}" role="img" aria-label="{label}">',
        f"<title>{escape(words.CHART)}</title>",
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
                f' fill="{COLOURS.get(c.name, "#888888")}"><title>{what}</title></rect>'
            )
            below += c.count
        centre = _num(x + BAR_W / 2)
        week = escape(words.week_label(w.start))
        parts.append(f'<text x="{centre}" y="{BASE + 16}" class="axis" text-anchor="middle">{week}</text>')
    x = float(LEFT)
    for circle in CIRCLES:
        swatch = f'x="{_num(x)}" y="{VIEW_H - 28}" width="12" height="12"'
        parts.append(f'<rect {swatch} fill="{COLOURS[circle]}"/>')
        parts.append(f'<text x="{_num(x + 17)}" y="{VIEW_H - 18}" class="axis">{escape(circle)}</text>')
        x += 26 + 7.5 * len(circle)
    parts.append("</svg>")
    return "\n".join(parts)
