"""`net promise`, `need`, `loops`, `done` and `snooze`: open loops and quiet time."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, Name, On
from quietnet.core import fields, kinds
from quietnet.core.dates import humanize_days, parse_day, span_from
from quietnet.core.fields import one_line
from quietnet.errors import InputError
from quietnet.ops import helping
from quietnet.render.console import to_json
from quietnet.store import journal, loops, people

app = typer.Typer()

What = Annotated[str, typer.Argument(metavar="WHAT", help="In a few words.", show_default=False)]


def _open(ctx: typer.Context, who: str, what: str, on: str | None, type_: str) -> None:
    text = one_line(what, what=f"A {type_}")
    if not text:
        raise InputError("Say what it is, in a few words.")
    today = context.today()
    day = today if on is None else parse_day(on, today=today)
    with context.get(ctx).write(type_) as s:
        person = people.get(s, people.resolve_id(s, who))
        loop_id = loops.open_loop(s, person_id=person.id, type=type_, what=text, day=day)
        journal.describe(s, f"Opened a {type_} for {person.name}: {text}")
    if type_ == "promise":
        say(f"Noted your promise to {person.name}: {text} (#{loop_id}). net done {loop_id} when it's done.")
    else:
        say(f"Noted that {person.name} needs: {text} (#{loop_id}).")


@app.command()
def promise(ctx: typer.Context, who: Name, what: What, on: On = None) -> None:
    """Remember something you offered to do for someone.

    Example:

    \b
      net promise ana "intro to Sam"
    """
    _open(ctx, who, what, on, "promise")


@app.command()
def need(ctx: typer.Context, who: Name, what: What, on: On = None) -> None:
    """Note something someone is looking for, so you can help when a chance comes.

    Example:

    \b
      net need tom "a flat in Lisbon"
    """
    _open(ctx, who, what, on, "need")


@app.command("loops")
def list_loops(ctx: typer.Context, json_: Json = False) -> None:
    """Open promises (yours first) and needs, oldest first.

    Examples:

    \b
      net loops
      net loops --json
    """
    with context.get(ctx).read() as s:
        found = loops.open_loops(s)
    if json_:
        say(to_json([loop._asdict() for loop in found]))
        return
    if not found:
        say("No open loops. Nothing is waiting on you.")
        return
    today = context.today()
    for loop in found:
        ago = humanize_days((today - loop.opened_on).days)
        if loop.type == "promise":
            say(f"  #{loop.id:<4} You offered {loop.person}: {loop.what} ({ago})", fitted=True)
        else:
            say(f"  #{loop.id:<4} {loop.person} needs: {loop.what} ({ago})", fitted=True)


@app.command()
def done(
    ctx: typer.Context,
    loop_id: Annotated[int, typer.Argument(metavar="ID", help="The loop's number (net loops shows it).")],
    helped: Annotated[
        str | None, typer.Option("--helped", help="Record the help it became, in a few words.")
    ] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="The kind of that help.")] = "other",
    on: On = None,
) -> None:
    """Close an open loop; a kept promise can record the help it became.

    Examples:

    \b
      net done 4
      net done 4 --helped "introduced her to Sam" --kind intro
    """
    today = context.today()
    day = today if on is None else parse_day(on, today=today)
    text = one_line(helped, what="What you did") if helped is not None else None
    kind = fields.choice(kind, kinds.HELP_KINDS, what="a kind of help")
    with context.get(ctx).write("done") as s:
        loop, help_id = helping.close_loop(s, loop_id, helped_with=text, kind=kind, day=day)
    if loop.type == "promise" and help_id:
        say(f"You kept your promise to {loop.person} ({loop.what}), and it is logged as a help.")
    elif loop.type == "promise":
        say(f"You kept your promise to {loop.person}: {loop.what}.")
    else:
        say(f"Closed the need {loop.person} mentioned: {loop.what}.")


@app.command()
def snooze(
    ctx: typer.Context,
    who: Name,
    until: Annotated[
        str | None, typer.Option("--until", help="Until this day: 2025-09-01, next mon...")
    ] = None,
    for_: Annotated[str | None, typer.Option("--for", help='For a while: "2 weeks", "3 months".')] = None,
    off: Annotated[bool, typer.Option("--off", help="End the snooze now.")] = False,
) -> None:
    """Give someone (and yourself) a quiet spell: no suggestions until a date.

    Examples:

    \b
      net snooze tom --for "2 weeks"
      net snooze ana --until 2025-09-01
      net snooze ana --off
    """
    today = context.today()
    if sum((until is not None, for_ is not None, off)) != 1:
        raise InputError('Say how long, with --until DATE, --for "2 weeks" or --off.')
    if until is not None:
        day = parse_day(until, today=today, allow_future=True, allow_past=False)
        if day <= today:
            raise InputError(f"{day.isoformat()} is not after today; snoozes end in the future.")
    elif for_ is not None:
        day = span_from(today, for_)
    with context.get(ctx).write("snooze") as s:
        person = people.get(s, people.resolve_id(s, who))
        people.edit(s, person.id, {"snoozed_until": None if off else day})
        journal.describe(s, f"Snoozed {person.name}")
    if off:
        say(f"{person.name} is no longer snoozed.")
    else:
        say(f"{person.name} is snoozed until {day.isoformat()}. Enjoy the quiet.")
