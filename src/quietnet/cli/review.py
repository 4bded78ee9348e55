"""`net review`: the weekly review, as text, Markdown, HTML or JSON, printed or saved."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, Yes
from quietnet.cli.output import target as checked
from quietnet.cli.output import write
from quietnet.core import review as weekly
from quietnet.core.dates import parse_day
from quietnet.core.review import Review
from quietnet.core.schedule import week_start
from quietnet.core.text import escaped_all
from quietnet.errors import InputError
from quietnet.store import week as stored

app = typer.Typer()


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


@app.command()
def review(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week",
            metavar="DATE",
            help="Any day of the week to look back on (default: this week): 2025-06-16, last week...",
        ),
    ] = None,
    format_: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (the default), markdown or html.",
            case_sensitive=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Save to FILE (private to you; replaced whole, after asking) instead of printing; - prints.",
        ),
    ] = None,
    json_: Json = False,
    yes: Yes = False,
) -> None:
    """Your week on one page: what you gave, what came back, what is open, who next.

    Weeks run Monday to Sunday. Five calm minutes once a week; nothing to catch up on.

    Examples:

    \b
      net review
      net review --week "last week" --format markdown --output week.md
      net review --format html -o review.html
      net review --week 2025-06-16 --json
    """
    if json_ and format_ is not None:
        raise InputError("Choose one: --json, or --format text, markdown or html.")
    today = context.today()
    day = _week_day(week, today)
    target = None if output is None else checked(context.get(ctx), output, yes=yes)
    with context.get(ctx).read() as s:
        rows = stored.gather(s, week=day, today=today)
    result = weekly.build(rows, week=day, today=today)
    chosen = "json" if json_ else (format_ or Format.text).value
    if target is None and chosen == "text":  # in a terminal: Rich's layout
        # Rich is imported only when the review is laid out for a terminal.
        from quietnet.render.console import console
        from quietnet.render.review import text

        console().print(text.render(escaped_all(result)))  # Rich prints text as given
        return
    content = _render(result, chosen)
    if target is None or target.printed:
        say(content.rstrip("\n"))
        return
    write(target, content)
    say(f"Saved the review of the week of {week_start(day).isoformat()} to {target.shown}.")


def _week_day(text: str | None, today: date) -> date:
    """The day --week names (today when not given); a week not yet begun is refused."""
    if text is None:
        return today
    day = parse_day(text, today=today, allow_future=True)
    if week_start(day) > today:
        raise InputError(
            f"The week of {week_start(day).isoformat()} has not begun yet (today is {today.isoformat()}); "
            "pick a day in this week or an earlier one."
        )
    return day


def _render(result: Review, chosen: str) -> str:
    """The review as one string; only the chosen renderer is imported (text loads Rich)."""
    if chosen == "json":
        from quietnet.render.review.data import render
    elif chosen == "markdown":
        from quietnet.render.review.markdown import render
    elif chosen == "html":
        from quietnet.render.review.html import render
    else:
        from quietnet.render.review.text import plain as render
    return render(result)
