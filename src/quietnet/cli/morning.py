"""What `net due` and `net today` do, without Typer: read the store, render, say.

The Typer commands in ``cli/due.py`` call these; so does ``cli/fastpath.py`` for
the simple forms of `net today` and `net due` (what a shell alias runs every
morning), which skips building a command line at all: importing Typer alone
takes longer than the rest of the command (docs/performance.md). The use cases themselves
(the plan, and what the morning view gathers) are in ``ops/morning.py``.
"""

from __future__ import annotations

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.core.morning import Morning
from quietnet.core.text import escaped_all
from quietnet.ops.morning import gather, make_list, make_plan
from quietnet.render import due as render


def due(c: context.Context, *, as_of: str | None = None, all_: bool = False, json_: bool = False) -> None:
    day = context.as_of(as_of)
    with c.read(mapped=True) as s:
        result, _ = make_plan(s, today=day, show_all=True) if all_ else make_list(s, today=day)
    if json_:
        say(render.plan_json(result))
    else:
        say(render.plan_text(result), fitted=True)


def today(c: context.Context, *, as_of: str | None = None, json_: bool = False) -> None:
    day = context.as_of(as_of)
    with c.read(mapped=True) as s:
        morning = gather(s, today=day, promises=None if json_ else render.PROMISES_SHOWN)
    if json_:
        say(render.morning_json(morning))
    else:
        ink = context.ink()
        say(render.morning_text(printable(morning), ink), fitted=True, marked=ink.marked)


def printable(morning: Morning) -> Morning:
    """What `net today` (and the reminder) shows: every stored string on one line, escapes visible.

    A name with a line break reads the same under each heading, and the marks of
    ``render/ink.py`` are the only control characters left in the rendered text.
    """
    # only what is printed: not the ranking, and of the promises the first few (the rest are counted)
    few, rest = morning.promises[: render.PROMISES_SHOWN], morning.promises[render.PROMISES_SHOWN :]
    shown = escaped_all(morning._replace(plan=morning.plan._replace(ranked=()), promises=few))
    return shown._replace(more_promises=len(rest) + morning.more_promises)
