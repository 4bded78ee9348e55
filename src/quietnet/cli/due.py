"""`net due`, `net today` and `net why`: who would enjoy hearing from you, and why.

These run every morning, so they stay lean: no SQLAlchemy, no Rich; plain
lines that read well in any terminal and in a pipe.
"""

from typing import Annotated

import typer

from quietnet.cli import context, morning
from quietnet.cli.context import say
from quietnet.cli.morning import make_plan
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

    Examples:

    \b
      net due
      net due --all
      net due --as-of 2025-06-01 --json
    """
    morning.due(context.get(ctx), as_of=as_of, all_=all_, json_=json_)


@app.command()
def today(ctx: typer.Context, as_of: AsOf = None, json_: Json = False) -> None:
    """The morning view: a few people, birthdays this week, your promises, snoozes ending.

    Examples:

    \b
      net today
      net today --json
    """
    morning.today(context.get(ctx), as_of=as_of, json_=json_)


@app.command()
def why(ctx: typer.Context, who: Name, as_of: AsOf = None) -> None:
    """How one person's score adds up: each term, the gap, the rhythm and the rank.

    Examples:

    \b
      net why ana
      net why "#12" --as-of 2025-06-01
    """
    from quietnet.render import due as render
    from quietnet.schedule import assess
    from quietnet.store import people, state

    day = context.as_of(as_of)
    with context.get(ctx).read() as s:
        person_id = people.resolve_id(s, who)
        result, settings = make_plan(s, today=day, show_all=True)
        found = state.candidates(s, settings, today=day, person_id=person_id)
        person = people.get(s, person_id)
    if not found:
        say(f"{person.name} is archived, so not suggested. net unarchive brings them back.")
        return
    assessment = assess(found[0], settings=settings, today=day)
    rank = next((n for n, a in enumerate(result.ranked, 1) if a.id == person_id), None)
    say(
        render.why_text(
            assessment, rank=rank, of=len(result.ranked), snoozed=found[0].snoozed_until, today=day
        )
    )
