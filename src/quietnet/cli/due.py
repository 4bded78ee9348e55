"""`net due`, `net today` and `net why`: who would enjoy hearing from you, and why.

These run every morning, so they stay lean: no SQLAlchemy, no Rich; plain
lines that read well in any terminal and in a pipe.
"""

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import AsOf, Json, Name

if TYPE_CHECKING:
    from quietnet.db import Session
    from quietnet.schedule import Plan
    from quietnet.settings import Settings

app = typer.Typer()


def make_plan(s: "Session", *, today: date, show_all: bool = False) -> "tuple[Plan, Settings]":
    """Gather what the scheduler needs in a handful of queries and run it."""
    from quietnet.schedule import energy_spent, plan, week_start
    from quietnet.store import settings as stored
    from quietnet.store import state

    settings = stored.load(s)
    people = state.candidates(s, settings, today=today)
    spent = energy_spent(state.kinds_between(s, week_start(today), today))
    return plan(people, settings=settings, today=today, spent=spent, show_all=show_all), settings


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
    from quietnet.render import due as render

    day = context.as_of(as_of)
    with context.get(ctx).read() as s:
        result, _ = make_plan(s, today=day, show_all=all_)
    say(render.plan_json(result) if json_ else render.plan_text(result))


@app.command()
def today(ctx: typer.Context, as_of: AsOf = None, json_: Json = False) -> None:
    """The morning view: a few people, birthdays this week, your promises, snoozes ending.

    Examples:

    \b
      net today
      net today --json
    """
    from quietnet.render import due as render
    from quietnet.store import events, intros, loops, state

    day = context.as_of(as_of)
    with context.get(ctx).read() as s:
        result, _ = make_plan(s, today=day)
        birthdays = render.upcoming(state.yearly_dates(s), today=day, days=7)
        follow_ups = tuple(events.follow_ups(s, today=day))
        from_events = {f.loop_id for f in follow_ups}  # shown under "After events" instead
        promises = [
            loop for loop in loops.open_loops(s) if loop.type == "promise" and loop.id not in from_events
        ]
        snoozes = state.snoozes_ending(s, day)
        waiting = tuple(intros.waiting(s, today=day))
    morning = render.Morning(result, birthdays, promises, snoozes, waiting, follow_ups)
    say(render.morning_json(morning) if json_ else render.morning_text(morning))


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
