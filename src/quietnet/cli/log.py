"""`net log` (an interaction) and `net helped` (a way you helped): their parameters and help.

What they do is in ``cli/everyday.py``, which ``cli/fastpath.py`` also runs without Typer.
"""

from typing import Annotated

import typer

from quietnet.cli import context, everyday
from quietnet.cli.options import Json, On, Yes
from quietnet.core import kinds

app = typer.Typer()

KIND_HELP = f"What it was: {kinds.alias_summary()}. Default message."


@app.command()
def log(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME... [KIND] [DAY]",
            help="Who (one or more names), then optionally the kind (coffee, call, email...) and the day.",
            show_default=False,
        ),
    ],
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    on: On = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="What you talked about.")] = None,
    them: Annotated[
        bool | None, typer.Option("--them/--me", help="They reached out first (--me: you did).")
    ] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="NAME", help="net log edit: who was there (repeat it for each)."),
    ] = None,
    yes: Yes = False,
) -> None:
    """Log a conversation in seconds; `net log edit|delete ID` changes or removes a past one.

    `net show NAME` lists past interactions with their ids.

    Examples:

    \b
      net log ana coffee
      net log ana and tom lunch yesterday
      net log ana tom lunch --on "last tue" --note "new job"
      net log "#12" call --them
      net log edit 12 --on "last friday" --with ana --with tom
      net log delete 12
    """
    everyday.log(context.get(ctx), words, kind=kind, on=on, note=note, them=them, with_=with_, yes=yes)


@app.command()
def helped(
    ctx: typer.Context,
    who: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="Whom you helped.", show_default=False)
    ] = None,
    what: Annotated[
        str | None,
        typer.Argument(metavar="[WHAT]", help='What you did, e.g. "intro to Sam".', show_default=False),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help=f"One of {', '.join(kinds.HELP_KINDS)} (default other)."),
    ] = None,
    on: On = None,
    what_: Annotated[
        str | None, typer.Option("--what", help="net helped edit: what you did, said anew.")
    ] = None,
    yes: Yes = False,
    since: Annotated[
        str | None,
        typer.Option("--since", help="With no name: list helps since this day (default 12 weeks ago)."),
    ] = None,
    json_: Json = False,
) -> None:
    """Record a way you helped someone; alone, list the ways you helped lately.

    Examples:

    \b
      net helped tom "intro to Sam" --kind intro
      net helped
      net helped --since 2025-01-01 --json
      net helped edit 5 --kind advice --what "read her CV"
      net helped delete 5
    """
    everyday.helped(
        context.get(ctx), who, what, kind=kind, on=on, what_=what_, yes=yes, since=since, json_=json_
    )
