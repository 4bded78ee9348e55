"""`net due`, `net today` and `net why`: who would enjoy hearing from you, and why.

These run every morning, so they stay lean: no SQLAlchemy, no Rich; plain
lines that read well in any terminal and in a pipe.
"""

from typing import Annotated

import typer

from quietnet.cli import context, everyday, morning
from quietnet.cli.options import AsOf, Json, Name

app = typer.Typer()


@app.command()
def due(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Everyone eligible, in rank order, ignoring the week's energy.")
    ] = False,
    as_of: AsOf = None,
    json_: Json = False,
) -> None:
    """The few people who might enjoy hearing from you, each with one small idea.

    --json gives each suggestion a reason code: time_apart, drifting, event,
    loop or dormant.

    Examples:

    \b
      net due
      net due --all
      net due --as-of 2025-06-01 --json
    """
    morning.due(context.get(ctx), as_of=as_of, all_=all_, json_=json_)


@app.command()
def today(ctx: typer.Context, as_of: AsOf = None, json_: Json = False) -> None:
    """The morning view: a few people, birthdays ahead, your promises, snoozes ending.

    Examples:

    \b
      net today
      net today --json
    """
    morning.today(context.get(ctx), as_of=as_of, json_=json_)


@app.command()
def why(ctx: typer.Context, who: Name, as_of: AsOf = None, json_: Json = False) -> None:
    """How one person's score adds up, and exactly why they are or are not on today's list.

    The last line says why in one sentence; --json carries it as listed and
    not_listed (archived, snoozed, resting, no_rhythm, not_yet, thin_tie,
    quiet_tie_taken, daily_max or energy), with the terms (time_apart,
    strength, event, loop, dormant, novelty) and their numbers.

    Examples:

    \b
      net why ana
      net why "#12" --as-of 2025-06-01
      net why ana --json
    """
    everyday.why(context.get(ctx), who, as_of=as_of, json_=json_)
