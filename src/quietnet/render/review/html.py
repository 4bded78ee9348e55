"""The weekly review as one self-contained, printable HTML page.

Inline CSS with print styles (A4 and Letter both fit: 15 mm margins, no fixed
page size), a dark scheme on screens that ask for one (print stays light), long
words and links wrapped so the tables fit a 390-px phone, one date format for
every day (``Wed 18 Jun``), an inline SVG chart, no scripts and no external
resources. Every piece of user text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from textwrap import indent

from quietnet.core.review import Review
from quietnet.render.review import words
from quietnet.render.review.chart import DARK, LIGHT, css, legend, svg

STYLE = f"""
:root {{ color-scheme: light dark;
  --bg: #fff; --ink: #1b1f24; --muted: #5b6570; --rule: #d5dbe3; --rule-soft: #e6e9ee; }}
body {{ margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }}
main {{ max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem;
  overflow-wrap: anywhere; }}
h1 {{ font-size: 1.5rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.1rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid var(--rule); }}
h3 {{ font-size: .95rem; margin: 1rem 0 .3rem; }}
p {{ margin: .4rem 0; }}
.quiet {{ color: var(--muted); }}
table {{ border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }}
th, td {{ text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid var(--rule-soft); }}
th {{ font-weight: 600; font-size: .85rem; color: var(--muted); }}
.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
th, td {{ overflow-wrap: break-word; }}
td.w {{ overflow-wrap: anywhere; word-break: break-word; }}
td:first-child {{ white-space: nowrap; }}
ul {{ padding-left: 1.2rem; margin: .4rem 0; }}
figure {{ margin: .8rem 0 0; }}
figcaption {{ font-size: .85rem; color: var(--muted); }}
svg.chart {{ display: block; width: 100%; height: auto; max-height: 18rem; }}
svg .grid {{ stroke: var(--rule-soft); stroke-width: 1; }}
svg .axis {{ font-size: 11px; fill: var(--muted); }}
svg .bar {{ stroke: var(--bg); stroke-width: .75; }}
svg .m-bg {{ stroke: var(--bg); fill: var(--bg); stroke-width: 1; }}
svg .m-ink {{ stroke: var(--ink); fill: var(--ink); stroke-width: .6; }}
.legend {{ list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem;
  padding: 0; margin: .2rem 0 .4rem; font-size: .85rem; color: var(--muted); }}
.legend svg {{ width: .9em; height: .9em; vertical-align: -.1em; margin-right: .4em; }}
{css(LIGHT)}
@media screen and (max-width: 30rem) {{
  body {{ font-size: 14px; }}
  main {{ margin: 1rem auto; padding: 0 .75rem; }}
  th, td {{ padding: .25rem .3rem; }}
  svg .axis {{ font-size: 20px; }}
  svg .odd {{ display: none; }}
}}
@media screen and (prefers-color-scheme: dark) {{
  :root {{ --bg: #15191e; --ink: #e3e7ec; --muted: #9aa5b1; --rule: #3a424c; --rule-soft: #2a3038; }}
{indent(css(DARK), "  ")}
}}
@page {{ margin: 15mm; }}
@media print {{
  body {{ font-size: 10pt; }}
  main {{ max-width: none; margin: 0; padding: 0; }}
  h2, h3 {{ break-after: avoid; }}
  table, figure, li {{ break-inside: avoid; }}
}}
""".strip()


def _e(text: str) -> str:
    return escape(text, quote=True)


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{_e(text)}</p>' if cls else f"<p>{_e(text)}</p>"


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    prose: Sequence[int] = (),
) -> str:
    """A table of plain cells (escaped here).

    Columns listed in ``numeric`` align right; those in ``prose`` (free text, where a long link
    may sit) may break a long word anywhere, so the table fits a phone. The others (a day, a
    name, a kind) break only between words.
    """

    def cls(i: int) -> str:
        return ' class="n"' if i in numeric else ' class="w"' if i in prose else ""

    head = "".join(f"<th{cls(i)}>{_e(h)}</th>" for i, h in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(f"<td{cls(i)}>{_e(c)}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _section(name: str, heading: str, body: list[str]) -> list[str]:
    return [f'<section id="{name}">', f"<h2>{_e(heading)}</h2>", *body, "</section>"]


def render(r: Review, *, today: str | None = None) -> str:
    """The page; ``today``: what `net today` says, shown first (the reminder email's HTML part)."""
    head = [_p(note, "quiet")] if (note := words.so_far(r)) is not None else []
    if r.quiet:
        head.append(_p(words.QUIET_WEEK))
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(words.title(r))}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(words.title(r))}</h1>",
        *head,
    ]
    if today is not None:
        out += [
            '<section id="today">',
            f'<pre style="white-space: pre-wrap; font: inherit">{_e(today)}</pre>',
            "</section>",
        ]
    out += _section("gave", words.GAVE, _gave(r))
    out += _section("came-back", words.CAME_BACK, _came_back(r))
    if r.noted:
        rows = [[words.short_day(n.day), n.person, n.text] for n in r.noted]
        out += _section("noted", words.NOTED, [_table(["day", "who", "note"], rows, prose=[2])])
    out += _section("open", words.OPEN, _open(r))
    out += _section("next", words.NEXT, _next(r))
    out += _section("numbers", words.NUMBERS, _numbers(r))
    out += _section("dates", words.DATES, _dates(r))
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _gave(r: Review) -> list[str]:
    body = []
    if r.gave:
        rows = [[words.short_day(g.day), g.person, g.what, g.kind, words.outcome(g) or ""] for g in r.gave]
        body.append(_table(["day", "who", "what", "kind", words.CAME_OF_IT.lower()], rows, prose=[2, 4]))
    else:
        body.append(_p(words.NO_HELPS))
    return [*body, _p(words.recent(r), "quiet")]


def _came_back(r: Review) -> list[str]:
    if not r.came_back:
        return [_p(words.NOTHING_BACK)]
    rows = [[words.short_day(x.day), words.came_back(x), x.thanks] for x in r.came_back]
    return [_table(["day", "what", "a thank-you idea"], rows, prose=[1])]


def _open(r: Review) -> list[str]:
    if not r.promises and not r.needs:
        return [_p(words.NOTHING_OPEN)]
    body = []
    for label, items, verb in ((words.YOURS, r.promises, "made"), (words.THEIRS, r.needs, "noted")):
        if items:
            rows = [[words.short_day(o.opened_on), o.person, o.what, words.opened_ago(o)] for o in items]
            body += [f"<h3>{_e(label)}</h3>", _table([verb, "who", "what", "how long ago"], rows, prose=[2])]
    return body


def _next(r: Review) -> list[str]:
    if not r.next_week:
        return [_p(words.NO_ONE_NEXT)]
    return ["<ul>", *(f"<li>{_e(words.why(n))}</li>" for n in r.next_week), "</ul>"]


def _numbers(r: Review) -> list[str]:
    n = r.numbers
    body = [_p(words.interactions(n)), _p(words.energy(n))]
    if capacity := words.capacity(n):
        body.append(_p(" ".join(capacity)))
    if n.by_kind:
        body.append(_table(["kind", "count"], [[c.name, str(c.count)] for c in n.by_kind], numeric=[1]))
    if n.by_circle:
        rows = [[c.name, str(c.count)] for c in n.by_circle]
        body.append(_table(["circle", "touches"], rows, numeric=[1]))
    if any(w.total for w in n.chart):
        body += [
            "<figure>",
            svg(n.chart),
            legend(),
            f"<figcaption>{_e(words.CHART)}</figcaption>",
            "</figure>",
        ]
    else:
        body.append(_p(words.NO_TOUCHES))
    return body


def _dates(r: Review) -> list[str]:
    if not r.dates_ahead:
        return [_p(words.NO_DATES)]
    rows = [[words.short_day(d.day), d.name, d.label] for d in r.dates_ahead]
    return [_table(["day", "who", "what"], rows, prose=[2])]
