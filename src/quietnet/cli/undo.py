"""`net undo`: revert the most recent change, after showing what it will do."""

from dataclasses import asdict
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, Yes
from quietnet.ops import undo as doing
from quietnet.render.console import to_json
from quietnet.store import undo as changes

app = typer.Typer()


@app.command()
def undo(
    ctx: typer.Context,
    list_: Annotated[bool, typer.Option("--list", help="Show the last 20 changes instead.")] = False,
    yes: Yes = False,
    json_: Json = False,
) -> None:
    """Undo the most recent change (an add, edit, log, help, loop, import, merge...).

    It shows exactly what it will revert and asks first. An undo is itself a
    change: undoing it again puts things back.

    Examples:

    \b
      net undo --list
      net undo
      net undo --yes
    """
    c = context.get(ctx)
    if list_:
        _list(ctx, json_)
        return
    with c.read() as s:
        change, rows = changes.latest(s)
    what = ", ".join(changes.describe_rows(rows))
    say(f"The last change: {change.summary or change.command} ({change.at:%Y-%m-%d %H:%M} UTC).")
    say(f"Undoing it will {what}.")
    context.confirm("Undo it?", yes=yes)
    with c.write("undo") as s:
        done = doing.undo(s, change.id, change.summary or change.command)
    say(f"{done}.")


def _list(ctx: typer.Context, json_: bool) -> None:
    with context.get(ctx).read() as s:
        found = changes.recent(s)
    if json_:
        say(to_json([asdict(x) for x in found]))
        return
    if not found:
        say("No changes yet.")
        return
    for x in found:
        say(f"  {x.id:>5}  {x.at:%Y-%m-%d %H:%M}  {x.summary or x.command}")
