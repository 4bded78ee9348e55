"""`net date add|list|remove`: yearly dates besides a birthday (anniversaries, children's birthdays)."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json
from quietnet.core.fields import MAX_LABEL, one_line, yearly_day
from quietnet.errors import InputError
from quietnet.ops import yearly as doing
from quietnet.render.console import to_json
from quietnet.store import people, yearly

app = typer.Typer()
date_app = typer.Typer()
app.add_typer(date_app, name="date")

EXAMPLE = 'net date add ana "wedding anniversary" 06-12'


@date_app.callback()
def date() -> None:
    """Yearly dates besides a birthday: anniversaries, the birthdays of someone's children.

    Each counts for the scheduler exactly as a birthday does: it can bring someone
    onto the list in the days before it, shows in net today's heads-up line, in
    the weekly review's dates ahead, and in net export ics.

    Examples:

    \b
      net date add ana "wedding anniversary" 06-12
      net date add ana "Lena's birthday" 2019-03-02
      net date list
      net date remove 3
    """


@date_app.command()
def add(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(metavar="NAME", help="Whose date it is.", show_default=False)],
    label: Annotated[
        str, typer.Argument(metavar="LABEL", help='What it is: "wedding anniversary".', show_default=False)
    ],
    day: Annotated[
        str, typer.Argument(metavar="DAY", help="06-12, 2015-06-12 or June 12.", show_default=False)
    ],
) -> None:
    """Add a yearly date for someone, with or without a year.

    Examples:

    \b
      net date add ana "wedding anniversary" 06-12
      net date add tom "Mia's birthday" "March 2"
    """
    words = one_line(label, what="A date's label", limit=MAX_LABEL)
    if not words:
        raise InputError(f"Say what the date is, e.g. {EXAMPLE}.")
    if words.casefold() == "birthday":
        raise InputError("Someone's own birthday is a field: net edit NAME --birthday 06-21.")
    stored = yearly_day(day, today=context.today())
    with context.get(ctx).write("date add") as s:
        said, date_id = doing.add(s, who, label=words, day=stored)
    say(f"Added {said} (#{date_id})." if date_id is not None else f"Already there: {said}.")


@date_app.command("list")
def list_(
    ctx: typer.Context,
    who: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="Only this person's.", show_default=False)
    ] = None,
    json_: Json = False,
) -> None:
    """Yearly dates in calendar order (of everyone, or of one person), with their ids.

    Examples:

    \b
      net date list
      net date list ana --json
    """
    with context.get(ctx).read() as s:
        person_id = None if who is None else people.resolve_id(s, who)
        found = yearly.listing(s, person_id=person_id)
    if json_:
        say(to_json([r._asdict() for r in found]))
    elif not found:
        say(f"No yearly dates yet. Add one with: {EXAMPLE}")
    else:
        say("\n".join(f"#{r.id}  {r.day:>10}  {r.person}: {r.label}" for r in found))


@date_app.command()
def remove(
    ctx: typer.Context,
    date_id: Annotated[int, typer.Argument(metavar="ID", help="The date's id (net date list).", min=1)],
) -> None:
    """Remove one yearly date (net undo brings it back).

    Examples:

    \b
      net date remove 3
    """
    with context.get(ctx).write("date remove") as s:
        said = doing.remove(s, date_id)
    say(f"Removed {said}. net undo brings it back.")
