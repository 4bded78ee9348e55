"""`net review`: the weekly review, as text, Markdown, HTML or JSON, printed or saved."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json
from quietnet.errors import InputError

if TYPE_CHECKING:
    from quietnet.review import Review

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
            help="Save to FILE (private to you; replaced whole) instead of printing.",
        ),
    ] = None,
    json_: Json = False,
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
    from quietnet import review as weekly
    from quietnet.schedule import week_start
    from quietnet.store import week as stored

    if json_ and format_ is not None:
        raise InputError("Choose one: --json, or --format text, markdown or html.")
    today = context.today()
    day = _week_day(week, today)
    target = None if output is None else _target(output)
    with context.get(ctx).read() as s:
        rows = stored.gather(s, week=day, today=today)
    result = weekly.build(rows, week=day, today=today)
    chosen = "json" if json_ else (format_ or Format.text).value
    if target is None and chosen == "text":
        from quietnet.render.console import console
        from quietnet.render.review import text

        console().print(text.render(result))
        return
    content = _render(result, chosen)
    if target is None:
        say(content.rstrip("\n"))
        return
    _write_private(target, content)
    say(f"Saved the review of the week of {week_start(day).isoformat()} to {target}.")


def _week_day(text: str | None, today: date) -> date:
    """The day --week names (today when not given); a week not yet begun is refused."""
    from quietnet.dates import parse_day
    from quietnet.schedule import week_start

    if text is None:
        return today
    day = parse_day(text, today=today, allow_future=True)
    if week_start(day) > today:
        raise InputError(
            f"The week of {week_start(day).isoformat()} has not begun yet (today is {today.isoformat()}); "
            "pick a day in this week or an earlier one."
        )
    return day


def _render(result: "Review", chosen: str) -> str:
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


def _target(output: Path) -> Path:
    """Where --output goes, checked before anything is read or written."""
    path = output.expanduser()
    folder = path.parent
    if not folder.is_dir():
        raise InputError(
            f"The folder {folder} does not exist, so nothing was written. "
            "Create the folder first or choose another path."
        )
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the path of a file to write.")
    return path


def _write_private(path: Path, content: str) -> None:
    """Write atomically with mode 0600 (the same writer exports use)."""
    from quietnet.io.files import write_atomic

    write_atomic(path, content.encode("utf-8"))
