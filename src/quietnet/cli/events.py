"""`net event` (consider, plan, log, budget, questions) and `net events` (what events gave you)."""

from datetime import date
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json
from quietnet.core.dates import parse_day
from quietnet.core.events import FORMATS, ROLES, SIZES, WORTH, choice
from quietnet.core.fields import one_line
from quietnet.errors import InputError
from quietnet.ops import events as doing
from quietnet.render import events as render
from quietnet.render.console import to_json
from quietnet.store import events

app = typer.Typer()
event_app = typer.Typer(no_args_is_help=True)
app.add_typer(event_app, name="event")

EventName = Annotated[
    str, typer.Argument(metavar="NAME", help="The event's name (or #id).", show_default=False)
]
When = Annotated[
    str | None,
    typer.Option("--on", metavar="DATE", help="The event's date: 2025-06-26, next thu... (default today)."),
]


@event_app.callback()
def event() -> None:
    """Events on purpose: go or skip, a small plan, a one-minute log afterwards.

    net event consider weighs the topic, size, format, your role and who you
    know there against a monthly event budget (default 2) and past events, and
    answers go or skip with its reasons. net event plan prepares a goal, a
    leave-by time, people to look for, three questions and a recovery block.
    net event log notes who you met, promises, energy and whether it was worth it.

    Examples:

    \b
      net event consider "Lisbon a11y meetup" --interest 3 --size small --knows ana --on "next thu"
      net event plan "Lisbon a11y meetup" --starts 19:00
      net event log "Lisbon a11y meetup" --met "Lena Park: runs the meetup" --energy 3 --worth yes
      net event budget 3
    """


def _day(text: str | None) -> date | None:
    """The day --on names (None: not given)."""
    return None if text is None else parse_day(text, today=context.today(), allow_future=True)


@event_app.command()
def consider(
    ctx: typer.Context,
    name: EventName,
    interest: Annotated[
        int | None, typer.Option("--interest", metavar="0-3", help="How much the topic matters to you, 0-3.")
    ] = None,
    size: Annotated[str | None, typer.Option("--size", help=f"{', '.join(SIZES)}.")] = None,
    format_: Annotated[str | None, typer.Option("--format", help=f"{', '.join(FORMATS)}.")] = None,
    role: Annotated[
        str | None, typer.Option("--role", help=f"{', '.join(ROLES)} (default attendee).")
    ] = None,
    knows: Annotated[
        list[str] | None,
        typer.Option("--knows", metavar="NAME", help="Someone you know who will be there (repeat)."),
    ] = None,
    on: When = None,
    json_: Json = False,
) -> None:
    """Go or skip? Weighs an event against your monthly budget and past events.

    Examples:

    \b
      net event consider "Design systems night" --interest 2 --size large --format mingling
      net event consider "Lisbon a11y meetup" --interest 3 --size small --knows ana --on 2025-06-26
    """
    if interest is not None and not 0 <= interest <= 3:
        raise InputError(f"Interest goes from 0 (none) to 3 (it matters to you), not {interest}.")
    size = choice(size, SIZES, "a size")
    fmt = choice(format_, FORMATS, "a format")
    role = choice(role, ROLES, "a role")
    values = {"interest": interest, "size": size, "format": fmt, "role": role}
    with context.get(ctx).write("event") as s:
        day = _day(on)  # a bad --on is refused once the store is open, as it always was
        e, verdict = doing.consider(s, name, day=day, today=context.today(), values=values, knows=knows or [])
    say(to_json(render.verdict_dict(e, verdict)) if json_ else render.verdict_text(e, verdict))


@event_app.command()
def plan(
    ctx: typer.Context,
    name: EventName,
    goal: Annotated[
        str | None, typer.Option("--goal", help='A small goal (default "two real conversations").')
    ] = None,
    starts: Annotated[str | None, typer.Option("--starts", metavar="HH:MM", help="When it starts.")] = None,
    leave_by: Annotated[
        str | None, typer.Option("--leave-by", metavar="HH:MM", help="When you leave.")
    ] = None,
    recovery: Annotated[str | None, typer.Option("--recovery", help="Your recovery block, your way.")] = None,
    on: When = None,
    json_: Json = False,
) -> None:
    """A small plan: a goal, a leave-by time, people to look for, three questions, recovery.

    Examples:

    \b
      net event plan "Lisbon a11y meetup" --starts 19:00
      net event plan "Design systems night" --goal "one real conversation" --leave-by 20:30
    """
    goal = one_line(goal, what="A goal", limit=200) or None if goal is not None else None
    recovery = (
        one_line(recovery, what="A recovery block", limit=500) or None if recovery is not None else None
    )
    with context.get(ctx).write("event") as s:
        day = _day(on)  # a bad --on is refused once the store is open, as it always was
        e, made = doing.plan(s, name, day=day, today=context.today(), goal=goal, starts=starts,
                             leave_by=leave_by, recovery=recovery)  # fmt: skip
    say(to_json(render.plan_dict(e, made)) if json_ else render.plan_text(e, made))


def _split(line: str, what: str) -> tuple[str, str | None]:
    """``"Lena Park: runs the meetup"`` -> (name, note)."""
    name, _, rest = one_line(line, what=what).partition(":")
    if not name.strip():
        raise InputError(f'{what} starts with a name, like "Lena Park: runs the meetup".')
    return name.strip(), rest.strip() or None


@event_app.command()
def log(
    ctx: typer.Context,
    name: EventName,
    met: Annotated[
        list[str] | None,
        typer.Option(
            "--met", metavar='"NAME: one line"', help="Someone new you met (repeat); added to your people."
        ),
    ] = None,
    promise: Annotated[
        list[str] | None,
        typer.Option("--promise", metavar='"NAME: what"', help="Something you offered someone (repeat)."),
    ] = None,
    energy: Annotated[
        int | None, typer.Option("--energy", metavar="1-5", help="Your energy afterwards.")
    ] = None,
    worth: Annotated[
        str | None, typer.Option("--worth", help=f"Was it worth it: {', '.join(WORTH)}.")
    ] = None,
    learned: Annotated[str | None, typer.Option("--learned", help="One thing you learned.")] = None,
    on: When = None,
    json_: Json = False,
) -> None:
    """Log an event in under a minute: people met, promises, energy, worth it, one thing learned.

    People you met are added with origin event (circle acquaintance: no rhythm
    to keep up); "#id" links someone you already have. Promises become open
    loops that net today shows for the next two days.

    Examples:

    \b
      net event log "Lisbon a11y meetup" --met "Lena Park: runs the meetup" --energy 3 --worth yes
      net event log "Design systems night" --promise "lena: send the slides" --learned "tokens need owners"
    """
    if energy is not None and not 1 <= energy <= 5:
        raise InputError(f"Energy goes from 1 (drained) to 5 (full), not {energy}.")
    worth = choice(worth, WORTH, "an answer for worth it")
    lesson = one_line(learned, what="What you learned") or None if learned is not None else None
    today = context.today()
    met_lines = [_split(line, "Each --met") for line in met or []]
    promise_lines = [_split(line, "Each --promise") for line in promise or []]
    if any(not what for _, what in promise_lines):
        raise InputError('Say what you offered, like --promise "lena: send the slides".')
    with context.get(ctx).write("event") as s:
        day = _day(on)  # a bad --on is refused once the store is open, as it always was
        e, added, made = doing.log(s, name, day=day, today=today, met=met_lines, promised=promise_lines,
                                   values={"energy": energy, "worth": worth, "learned": lesson})  # fmt: skip
    if json_:
        say(to_json({**render.event_dict(e), "met": [{"id": i, "name": n} for i, n in added],
                     "promises": [{"loop_id": i, "person": n, "what": w} for i, n, w in made]}))  # fmt: skip
    else:
        say(render.logged_text(e, added, made))


# A negative N is read as a number (and refused in words), not as an unknown option.
@event_app.command(context_settings={"ignore_unknown_options": True})
def budget(
    ctx: typer.Context,
    per_month: Annotated[
        int | None, typer.Argument(metavar="[N]", help="Events a month (default 2).", show_default=False)
    ] = None,
    json_: Json = False,
) -> None:
    """Show or set how many events a month feel right (default 2).

    Examples:

    \b
      net event budget
      net event budget 3
    """
    if per_month is not None and not 0 <= per_month <= 31:
        raise InputError(f"A monthly budget goes from 0 to 31 events, not {per_month}.")
    c = context.get(ctx)
    if per_month is None:
        with c.read() as s:
            value = events.budget(s)
    else:
        with c.write("event") as s:
            doing.set_budget(s, per_month)
        value = per_month
    say(to_json({"monthly_budget": value}) if json_ else f"Event budget: {value} a month.")


@event_app.command()
def questions(
    ctx: typer.Context,
    add: Annotated[
        str | None, typer.Option("--add", metavar="TEXT", help="Add a question to the list.")
    ] = None,
    remove: Annotated[int | None, typer.Option("--remove", metavar="N", help="Remove question N.")] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Go back to the built-in list.")] = False,
    json_: Json = False,
) -> None:
    """The list event plans take their three questions from; yours to edit.

    Examples:

    \b
      net event questions
      net event questions --add "What's a small win you had this month?"
      net event questions --remove 2
    """
    if sum((add is not None, remove is not None, reset)) > 1:
        raise InputError("Use one of --add, --remove or --reset at a time.")
    c = context.get(ctx)
    if add is None and remove is None and not reset:
        with c.read() as s:
            pool = events.questions(s)
    else:
        with c.write("event") as s:
            pool = doing.change_questions(s, add=add, remove=remove, reset=reset)
    say(to_json(pool) if json_ else "\n".join(f"{n:>2}. {q}" for n, q in enumerate(pool, 1)))


@app.command("events")
def events_(ctx: typer.Context, json_: Json = False) -> None:
    """What events have given you: energy, ties that continued and work, by format and size.

    Examples:

    \b
      net events
      net events --json
    """
    with context.get(ctx).read() as s:
        groups, upcoming = doing.looking_back(s, today=context.today())
    say(to_json(render.history_dict(groups, upcoming)) if json_ else render.history_text(groups, upcoming))
