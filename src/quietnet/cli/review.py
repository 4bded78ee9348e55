"""`net review`: its parameters and help. What it does is in ``cli/weekly.py`` (the fast path runs it too)."""

from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context, weekly
from quietnet.cli.options import Json, Yes
from quietnet.cli.weekly import Format

app = typer.Typer()


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
    weekly.review(context.get(ctx), week, format_=format_, output=output, json_=json_, yes=yes)
