"""What `net review` does, without Typer: read the week, build the review, print or save it.

The Typer command (``cli/review.py``) calls ``review``; so does ``cli/fastpath.py``
for its simple forms. Rich draws the review only in a terminal (or where its
layout differs from plain text: a narrow console, characters wider than one
cell); piped or saved, the same text is laid out by ``render/review/lines.py``
without importing Rich.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.core.text import escaped_all
from quietnet.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from quietnet.core.review import Review


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


def review(
    c: context.Context,
    week: str | None = None,
    format_: Format | None = None,
    output: Path | None = None,
    json_: bool = False,
    yes: bool = False,
) -> None:
    """`net review`: the week on one page, printed or saved."""
    from quietnet.core import review as weekly
    from quietnet.core.schedule import week_start
    from quietnet.store import week as stored

    if json_ and format_ is not None:
        raise InputError("Choose one: --json, or --format text, markdown or html.")
    today = context.today()
    day = _week_day(week, today)
    target = None
    if output is not None:  # cli/output.py (and the atomic writes of io/files.py) only to save
        from quietnet.cli.output import target as checked

        target = checked(c, output, yes=yes)
    with c.read() as s:
        rows = stored.gather(s, week=day, today=today)
    result = weekly.build(rows, week=day, today=today)
    chosen = "json" if json_ else (format_ or Format.text).value
    if target is None and chosen == "text":
        _print(escaped_all(result))
        return
    content = _render(result if chosen == "json" else escaped_all(result), chosen)
    if target is None or target.printed:
        say(content.rstrip("\n"))
        return
    from quietnet.cli.output import write

    write(target, content)
    say(f"Saved the review of the week of {week_start(day).isoformat()} to {target.shown}.")


def _print(result: Review) -> None:
    """The text review on stdout: as plain lines where Rich would print exactly those, else by Rich."""
    from quietnet.render.review.lines import WIDTH, plain

    laid = plain(result) if _rich_width() >= WIDTH and not _rich_terminal() else None
    if laid is not None:
        say(laid.removesuffix("\n"))
        return
    from quietnet.render.console import console  # Rich, only where it draws
    from quietnet.render.review import text

    console().print(text.render(result))  # Rich prints text as given


def _rich_terminal() -> bool:
    """Whether Rich's console would write terminal codes to stdout (rich.console.Console.is_terminal)."""
    import builtins

    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):  # Rich's own rules there
        return True
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    if (force := os.environ.get("FORCE_COLOR")) is not None:
        return force != ""
    return sys.stdout.isatty()


def _rich_width() -> int:
    """Rich's console width: COLUMNS, else the first terminal of stdin, stdout or stderr, else 80."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) if columns.isascii() else 0
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _week_day(text: str | None, today: date) -> date:
    """The day --week names (today when not given); a week not yet begun is refused."""
    if text is None:
        return today
    from quietnet.core.dates import parse_day
    from quietnet.core.schedule import week_start

    day = parse_day(text, today=today, allow_future=True)
    if week_start(day) > today:
        raise InputError(
            f"The week of {week_start(day).isoformat()} has not begun yet (today is {today.isoformat()}); "
            "pick a day in this week or an earlier one."
        )
    return day


def _render(result: Review, chosen: str) -> str:
    """The review as one string; only the chosen renderer is imported (Rich only if it must lay it out).

    Every string in ``result`` is already escaped (``escaped_all``) but for JSON, which escapes its own.
    """
    if chosen == "json":
        from quietnet.render.review.data import render
    elif chosen == "markdown":
        from quietnet.render.review.markdown import render
    elif chosen == "html":
        from quietnet.render.review.html import render
    else:
        from quietnet.render.review.lines import plain

        if (laid := plain(result)) is not None:
            return laid
        from quietnet.render.review.text import plain as render
    return render(result)
