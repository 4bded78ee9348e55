"""`net intro`: double opt-in introductions, asked privately first, then made, then checked on."""

from datetime import date
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, On
from quietnet.core.dates import parse_day
from quietnet.core.fields import one_line
from quietnet.core.intro import VERBS, Intro
from quietnet.errors import InputError
from quietnet.ops import helping
from quietnet.render import helping as render
from quietnet.render.console import to_json
from quietnet.render.extras import intro_dict
from quietnet.store import intros

app = typer.Typer()

USAGE = (
    'Plan one with net intro NAME NAME "why", or move one on with net intro STEP ID'
    f" (steps: {', '.join(VERBS)})."
)


@app.command()
def intro(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[A B WHY | STEP ID]",
            help=f"Two people and why they might enjoy meeting; or a step ({', '.join(VERBS)}) and a number.",
            show_default=False,
        ),
    ] = None,
    who: Annotated[
        str | None,
        typer.Option("--who", metavar="NAME", help="With ask, accepted, declined: which of the two."),
    ] = None,
    asked_by: Annotated[
        str | None,
        typer.Option(
            "--asked-by", metavar="NAME", help="When planning: the one who asked you for it (a yes already)."
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="With checked: how it went, in a few words.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="List closed introductions too.")] = False,
    on: On = None,
    json_: Json = False,
) -> None:
    """Introduce two people, double opt-in: ask each privately first, then introduce them.

    An introduction moves through steps: ask each person privately (ask), note
    their answers (accepted or declined), write to both once both said yes
    (made: logged as a help for each), and about a week later check in
    (checked; net today reminds you). drop lets one go. Alone, it lists the
    open ones.

    Examples:

    \b
      net intro
      net intro ana tom "both are into type design"
      net intro ask 1 --who ana
      net intro accepted 1 --who ana
      net intro made 1
      net intro checked 1 --note "they meet monthly now"
    """
    words = words or []
    if not words:
        _list(ctx, all_, json_)
    elif words[0].casefold() in VERBS:
        if len(words) != 2 or not words[1].lstrip("#").isdigit():
            raise InputError(f"Say which introduction, by its number: net intro {words[0].casefold()} 1.")
        _step(ctx, words[0].casefold(), int(words[1].lstrip("#")), who, note, on, json_)
    elif len(words) == 3:
        _plan(ctx, words[0], words[1], words[2], asked_by, on, json_)
    else:
        raise InputError(USAGE)


def _day(on: str | None) -> date:
    today = context.today()
    return today if on is None else parse_day(on, today=today)


def _list(ctx: typer.Context, all_: bool, json_: bool) -> None:
    today = context.today()
    with context.get(ctx).read() as s:
        found = intros.listing(s, everything=all_)
    say(render.intros_json(found, today=today) if json_ else render.intros_text(found, today=today))


def _plan(
    ctx: typer.Context, a: str, b: str, why: str, asked_by: str | None, on: str | None, json_: bool
) -> None:
    reason = one_line(why, what="Why")
    if not reason:
        raise InputError('Say why they might enjoy meeting, e.g. net intro ana tom "both love type design".')
    day = _day(on)
    today = context.today()
    with context.get(ctx).write("intro") as s:
        planned = helping.plan_intro(s, a, b, why=reason, asked_by=asked_by, day=day)
    if json_:
        say(to_json(intro_dict(planned, today=today)))
    else:
        say(render.planned_text(planned, today=today))


def _step(
    ctx: typer.Context,
    verb: str,
    intro_id: int,
    who: str | None,
    note: str | None,
    on: str | None,
    json_: bool,
) -> None:
    if who is not None and verb not in ("ask", "accepted", "declined"):
        raise InputError(f"--who goes with ask, accepted or declined, not with {verb}.")
    if note is not None and verb != "checked":
        raise InputError("--note goes with checked: how the introduction went.")
    outcome = one_line(note, what="How it went") or None if note is not None else None
    day = _day(on)
    today = context.today()
    with context.get(ctx).write("intro") as s:
        after, changes, answered = helping.step_intro(s, verb, intro_id, who=who, outcome=outcome, day=day)
    if json_:
        say(to_json(intro_dict(after, today=today)))
        return
    say(_said(verb, after, changes))
    for loop in answered:
        say(f"It answers the need {loop.person} mentioned ({loop.what}), so that is closed too (#{loop.id}).")
    if verb == "accepted" and after.state == "accepted":
        say(f"Write one short note to both, then: net intro made {after.id}")
    elif after.is_open:
        for line in render.intro_lines(after, today=today)[1:]:
            say(line.strip())


def _said(verb: str, i: Intro, changes: dict[str, object]) -> str:
    side = next((k[0] for k in changes if k[1:] in ("_asked_on", "_answer")), "a")
    name = i.name(side)
    if verb == "ask":
        return f"Noted: you asked {name} privately about meeting {i.name('b' if side == 'a' else 'a')}."
    if verb == "accepted":
        if i.state == "accepted":
            return f"{name} said yes too, so both are happy to meet."
        return f"{name} said yes."
    if verb == "declined":
        return f"{name} said no thanks. Introduction #{i.id} is closed; nothing more to do."
    if verb == "made":
        return (
            f"Introduced {i.person} and {i.other}. Logged as a help for both; thank you for connecting them."
        )
    if verb == "checked":
        return f"Checked in on {i.person} and {i.other}. Introduction #{i.id} is complete."
    return f"Let introduction #{i.id} go. Nothing more to do."
