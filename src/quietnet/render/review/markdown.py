"""The weekly review as Markdown for a notes app: stable headings, tables, no terminal codes.

The six ``##`` headings are always there, in the same order, so notes from
different weeks line up; user text is escaped so a name like ``Eve_[x]|y``
shows as typed and never breaks a table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from quietnet.core.review import ChartWeek, Review
from quietnet.core.settings import CIRCLES
from quietnet.render.review import words

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def escape(text: str) -> str:
    """User text made safe for a Markdown paragraph or table cell, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def table(header: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = ()) -> list[str]:
    """A pipe table; cells are already escaped; columns listed in ``numeric`` align right."""
    rule = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def render(r: Review) -> str:
    e = escape
    out = [f"# {words.title(r)}", ""]
    if (note := words.so_far(r)) is not None:
        out += [note, ""]
    if r.quiet:
        out += [words.QUIET_WEEK, ""]

    out += [f"## {words.GAVE}", ""]
    if r.gave:
        rows = [
            [words.short_day(g.day), e(g.person), e(g.what), g.kind, e(words.outcome(g) or "")]
            for g in r.gave
        ]
        out += table(["day", "who", "what", "kind", words.CAME_OF_IT.lower()], rows)
    else:
        out += [words.NO_HELPS, ""]
    out += [words.recent(r), ""]

    out += [f"## {words.CAME_BACK}", ""]
    if r.came_back:
        rows = [[words.short_day(x.day), e(words.came_back(x)), x.thanks] for x in r.came_back]
        out += table(["day", "what", "a thank-you idea"], rows)
    else:
        out += [words.NOTHING_BACK, ""]

    if r.noted:
        rows = [[words.short_day(n.day), e(n.person), e(n.text)] for n in r.noted]
        out += [f"## {words.NOTED}", "", *table(["day", "who", "note"], rows)]

    out += [f"## {words.OPEN}", ""]
    if not r.promises and not r.needs:
        out += [words.NOTHING_OPEN, ""]
    for label, items, verb in ((words.YOURS, r.promises, "made"), (words.THEIRS, r.needs, "noted")):
        if items:
            rows = [[e(o.person), e(o.what), o.opened_on.isoformat(), words.opened_ago(o)] for o in items]
            out += [f"### {label}", "", *table(["who", "what", verb, "how long ago"], rows)]

    out += [f"## {words.NEXT}", ""]
    if r.next_week:
        out += [*(f"- {e(words.why(n))}" for n in r.next_week), ""]
    else:
        out += [words.NO_ONE_NEXT, ""]

    out += [f"## {words.NUMBERS}", "", words.interactions(r.numbers), "", words.energy(r.numbers), ""]
    n = r.numbers
    if capacity := words.capacity(n):
        out += [" ".join(capacity), ""]
    if n.by_kind:
        out += table(["kind", "count"], [[c.name, str(c.count)] for c in n.by_kind], numeric=[1])
    if n.by_circle:
        out += table(["circle", "touches"], [[c.name, str(c.count)] for c in n.by_circle], numeric=[1])
    out += _chart(n.chart)

    out += [f"## {words.DATES}", ""]
    if r.dates_ahead:
        rows = [[words.short_day(d.day), e(d.name), d.label] for d in r.dates_ahead]
        out += table(["day", "who", "what"], rows)
    else:
        out += [words.NO_DATES, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _chart(weeks: tuple[ChartWeek, ...]) -> list[str]:
    if not any(w.total for w in weeks):
        return [words.NO_TOUCHES, ""]
    rows = [[words.week_label(w.start), *(str(c.count) for c in w.touches), str(w.total)] for w in weeks]
    numeric = range(1, len(CIRCLES) + 2)
    return [f"### {words.CHART}", "", *table(["week of", *CIRCLES, "all"], rows, numeric=numeric)]
