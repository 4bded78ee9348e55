"""`net give`: small, concrete ways to help someone now, and ideas kept for them."""

from datetime import date
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, On
from quietnet.core import fields, kinds
from quietnet.core.dates import parse_day
from quietnet.core.fields import one_line
from quietnet.core.intro import quoted
from quietnet.errors import InputError
from quietnet.ops import helping
from quietnet.render import helping as render
from quietnet.render.console import to_json
from quietnet.store import give as giving
from quietnet.store import journal, people
from quietnet.store import saved as saved_ideas

app = typer.Typer()


@app.command()
def give(
    ctx: typer.Context,
    who: Annotated[
        str | None,
        typer.Argument(metavar="[NAME]", help="Name, nickname, unique prefix or #id.", show_default=False),
    ] = None,
    save: Annotated[
        str | None, typer.Option("--save", metavar="TEXT", help="Keep an idea or a link for them.")
    ] = None,
    done: Annotated[
        int | None, typer.Option("--done", metavar="ID", help="You passed a saved idea on: log it as a help.")
    ] = None,
    drop: Annotated[
        int | None, typer.Option("--drop", metavar="ID", help="Let a saved idea go, without logging a help.")
    ] = None,
    kind: Annotated[
        str,
        typer.Option("--kind", "-k", help=f"With --done, the kind of help: {', '.join(kinds.HELP_KINDS)}."),
    ] = "resource",
    on: On = None,
    json_: Json = False,
) -> None:
    """Small ways to help someone now, smallest effort first; alone, needs you could help with.

    With a name it shows what you saved for them, then one to three ideas from a
    catalogue of small helps (5 minutes, half an hour, an hour or more), chosen
    from their interests, open needs, recent news, past helps and referrals. The
    next run offers different ideas. Alone, it lists open needs that someone you
    know fits (an introduction?) and people you saved something for.

    Examples:

    \b
      net give ana
      net give ana --save "the pricing article: example.com/pricing"
      net give ana --done 3
      net give
    """
    if who is None:
        if save is not None or done is not None or drop is not None:
            raise InputError("Say whom it is for, e.g. net give ana --save TEXT.")
        _overview(ctx, json_)
        return
    chosen = sum(x is not None for x in (save, done, drop))
    if chosen > 1:
        raise InputError("Use one of --save, --done or --drop at a time.")
    if save is not None:
        _save(ctx, who, save, on, json_)
    elif done is not None or drop is not None:
        _close(ctx, who, done, drop, kind, on, json_)
    else:
        _ideas(ctx, who, json_)


def _day(on: str | None) -> date:
    today = context.today()
    return today if on is None else parse_day(on, today=today)


def _save(ctx: typer.Context, who: str, text: str, on: str | None, json_: bool) -> None:
    what = one_line(text, what="What to keep")
    if not what:
        raise InputError('Say what to keep, e.g. net give ana --save "the pricing article".')
    day = _day(on)
    with context.get(ctx).write("give") as s:
        person = people.get(s, people.resolve_id(s, who))
        item_id = saved_ideas.save(s, person_id=person.id, what=what, day=day)
        journal.describe(s, f"Saved an idea for {person.name}")
        item = saved_ideas.get(s, item_id)
    if json_:
        say(to_json(item._asdict() if item else None))
        return
    say(f"Kept for {person.name}: {what} (#{item_id}).")
    say(f"It comes first in net give {quoted(who)}; passed it on? net give {quoted(who)} --done {item_id}")


def _close(
    ctx: typer.Context, who: str, done: int | None, drop: int | None, kind: str, on: str | None, json_: bool
) -> None:
    help_kind = fields.choice(kind, kinds.HELP_KINDS, what="a kind of help")
    item_id = done if done is not None else drop
    assert item_id is not None
    day = _day(on)
    with context.get(ctx).write("give") as s:
        person, item, after = helping.close_idea(
            s, who, item_id, passed_on=done is not None, kind=help_kind, day=day
        )
    if json_:
        say(to_json(after._asdict() if after else {"id": item_id, "dropped": True}))
    elif done is not None:
        say(f"Noted: you passed on {item.what} to {person.name} ({help_kind}). Logged as a help; thank you.")
    else:
        say(f"Let go of #{item_id} for {person.name}: {item.what}.")


def _ideas(ctx: typer.Context, who: str, json_: bool) -> None:
    today = context.today()
    c = context.get(ctx)
    # Remembering what was shown needs a write; a read-only store still gets ideas.
    session = c.write("give") if c.database().is_writable() else c.read()
    with session as s:
        person, saved, ideas = helping.ideas_for(s, who, today=today, remember=c.database().is_writable())
    if json_:
        say(render.give_json(person.id, person.name, saved, ideas))
    else:
        say(render.give_text(person.name, who, saved, ideas))


def _overview(ctx: typer.Context, json_: bool) -> None:
    with context.get(ctx).read() as s:
        found = giving.need_matches(s)
        saved = saved_ideas.saved(s)
    say(render.overview_json(found, saved) if json_ else render.overview_text(found, saved))
