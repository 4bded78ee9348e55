"""`net kind add|list|remove`: your own kinds of contact, weighed like a built-in one."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, Yes
from quietnet.core import kinds as rules
from quietnet.core.text import shown
from quietnet.errors import InputError
from quietnet.render.console import to_json
from quietnet.store import kinds

app = typer.Typer()
kind_app = typer.Typer(no_args_is_help=True)
app.add_typer(kind_app, name="kind")

KindName = Annotated[
    str, typer.Argument(metavar="NAME", help="The kind's name: one word.", show_default=False)
]


@kind_app.callback()
def kind() -> None:
    """Your own kinds of contact (climbing, choir...), used by net log like the built-in ones.

    A kind counts for the rhythm by its weight (how much of a catch-up it is: meet
    1.0, call 0.8, message 0.5, react 0.1) and costs its energy (meet 3, call 2,
    message 1, text 0) from your week. Take both from a kind it is like, or give them.

    Examples:

    \b
      net kind add climbing --like meet
      net kind add voice-note --weight 0.6 --energy 1
      net kind list
      net kind remove climbing
    """


@kind_app.command()
def add(
    ctx: typer.Context,
    name: KindName,
    like: Annotated[
        str | None,
        typer.Option("--like", metavar="KIND", help="A kind it is like: takes its weight and energy."),
    ] = None,
    weight: Annotated[
        float | None,
        typer.Option("--weight", metavar="W", help="How much it counts as a catch-up, 0.1-1.0."),
    ] = None,
    energy: Annotated[
        int | None, typer.Option("--energy", metavar="N", help="What it costs you, 0-5.")
    ] = None,
) -> None:
    """Add a kind of contact of your own, e.g. net kind add climbing --like meet.

    Examples:

    \b
      net kind add climbing --like meet
      net kind add voice-note --weight 0.6 --energy 1
    """
    with context.get(ctx).write("kind add") as s:
        new = rules.define(
            name, like=like, weight=weight, energy=energy, taken=(k.name for k, _ in kinds.own(s))
        )
        based = None if like is None else rules.ALIASES[like.strip().casefold()]
        kinds.add(s, new, like=based)
    how = f"like {based}" if based is not None else "as given"
    say(
        f"Added the kind {new.name} ({how}: weight {new.weight:g}, energy {new.energy}). "
        f"Try: net log NAME {new.name}"
    )


@kind_app.command("list")
def list_(ctx: typer.Context, json_: Json = False) -> None:
    """The kinds of contact, built-in and your own, with their weight and energy.

    Examples:

    \b
      net kind list
      net kind list --json
    """
    with context.get(ctx).read() as s:
        own = kinds.own(s)
    if json_:
        rows = [
            {"name": k.name, "weight": k.weight, "energy": k.energy, "aliases": list(k.aliases), "own": False,
             "like": None}
            for k in rules.KINDS
        ] + [
            {"name": k.name, "weight": k.weight, "energy": k.energy, "aliases": [], "own": True, "like": like}
            for k, like in own
        ]  # fmt: skip
        say(to_json({"kinds": rows}))
        return
    for k in rules.KINDS:
        also = f"  ({', '.join(k.aliases)})" if k.aliases else ""
        say(f"{k.name:<12} weight {k.weight:<4g} energy {k.energy}{also}")
    if not own:
        say("")
        say("No kinds of your own yet; add one with net kind add climbing --like meet.")
        return
    say("")
    say("Your own:")
    for k, like in own:
        based = f"  (like {like})" if like else ""
        say(f"{k.name:<12} weight {k.weight:<4g} energy {k.energy}{based}")


@kind_app.command()
def remove(ctx: typer.Context, name: KindName, yes: Yes = False) -> None:
    """Remove a kind of your own that nothing logged uses (net undo brings it back).

    Examples:

    \b
      net kind remove climbing
    """
    word = name.strip().casefold()
    c = context.get(ctx)
    with c.read() as s:
        if word not in {k.name for k, _ in kinds.own(s)}:
            if word in rules.ALIASES:
                raise InputError(f'"{word}" is a built-in kind; only your own kinds can be removed.')
            raise InputError(f'"{shown(name.strip())}" is not one of your kinds; net kind list shows them.')
        used = kinds.uses(s, word)
    if used:
        contacts = "1 logged contact" if used == 1 else f"{used} logged contacts"
        raise InputError(
            f"{word} is the kind of {contacts}, so it stays. Change them with net log edit ID --kind."
        )
    context.confirm(f"Remove the kind {word}?", yes=yes)
    with c.write("kind remove") as s:
        kinds.remove(s, word)
    say(f"Removed the kind {word}. net undo brings it back.")
