"""`net merge`: tidying up the duplicates moving in (or a long life) leaves behind."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.options import Yes
from quietnet.ops import merge as doing
from quietnet.store import merge as merging
from quietnet.store import people

app = typer.Typer()


@app.command()
def merge(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="KEEP", help="The record to keep.", show_default=False)],
    second: Annotated[
        str, typer.Argument(metavar="MERGE", help="The record merged into it.", show_default=False)
    ],
    yes: Yes = False,
) -> None:
    """Merge two records of one person: the second's history moves to the first. Asks first.

    Every interaction, way you helped, loop and tag of the second is kept;
    details the first lacks are taken from the second; then the second is
    removed. A snapshot is taken first.

    Examples:

    \b
      net merge "Ana Ruiz" "#42"
      net merge "Robert Smith" "Bob Smith" --yes
    """
    c = context.get(ctx)
    with c.read() as s:
        keep_id, drop_id = people.resolve_id(s, first), people.resolve_id(s, second)
        plan = merging.plan_merge(s, keep_id, drop_id)
    keep, drop = plan.keep, plan.drop
    say(f"Merging {drop['name']} (#{drop['id']}) into {keep['name']} (#{keep['id']}):")
    moved = [
        f"{plan.interactions} interaction{'s' * (plan.interactions != 1)}"
        + (f" ({plan.shared} with both)" if plan.shared else ""),
        f"{plan.helps} way{'s' * (plan.helps != 1)} you helped",
        f"{plan.loops} loop{'s' * (plan.loops != 1)}",
    ]
    say(f"  moves to {keep['name']}: {', '.join(moved)}")
    if plan.others:
        rows = sum(plan.others.values())
        say(f"  also moves {rows} other record{'s' * (rows != 1)} ({', '.join(sorted(plan.others))})")
    if plan.tags:
        say(f"  tags added: {', '.join(plan.tags)}")
    if plan.fields:
        say(f"  details from {drop['name']}: {', '.join(k.replace('_', ' ') for k in plan.fields)}")
    say(f"  then {drop['name']} (#{drop['id']}) is removed.")
    context.confirm(f"Merge {drop['name']} into {keep['name']}?", yes=yes)
    snap = c.snapshot("before-merge")
    with c.write("merge") as s:
        doing.merge(s, keep_id, drop_id, keep=keep["name"], drop=drop["name"])
    if snap:
        note(f"A snapshot of the store before the merge: {snap}")
    say(f"Merged {drop['name']} into {keep['name']} (#{keep['id']}).")
