"""`net log` (an interaction) and `net helped` (a way you helped)."""

from datetime import date, timedelta
from typing import Annotated

import typer

from quietnet.cli import context, entries
from quietnet.cli.context import say
from quietnet.cli.options import Json, On, Yes
from quietnet.core import fields, kinds
from quietnet.core.dates import humanize_days, parse_day
from quietnet.core.fields import clean_text, one_line
from quietnet.core.names import listed
from quietnet.core.text import shown
from quietnet.errors import InputError
from quietnet.ops import log as doing
from quietnet.ops.log import with_article
from quietnet.render.console import to_json
from quietnet.store.interactions import helps

app = typer.Typer()

KIND_HELP = f"What it was: {kinds.alias_summary()}. Default message."
# How the confirmation of `net helped` names a kind of help ("other" goes unsaid).
HELP_WORDS = {
    "intro": "an introduction",
    "advice": "advice",
    "referral": "a referral",
    "resource": "a resource",
    "recommendation": "a recommendation",
    "favor": "a favor",
}


def _when(day_text: str | None) -> tuple[str, date]:
    today = context.today()
    day = today if day_text is None else parse_day(day_text, today=today)
    words = "today" if day == today else f"on {day.isoformat()} ({humanize_days((today - day).days)})"
    return words, day


def _also(typed: str, others: list[tuple[str, str]]) -> str:
    """``  "tom" also matches Tom Hughes (use tom h).``"""
    named = [f"{name} (use {how})" for name, how in others if how]
    more = [f"{len(others) - len(named)} more"] if len(others) > len(named) else []
    return f'  "{shown(typed)}" also matches {listed(named + more)}.'


@app.command()
def log(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME... [KIND] [DAY]",
            help="Who (one or more names), then optionally the kind (coffee, call, email...) and the day.",
            show_default=False,
        ),
    ],
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    on: On = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="What you talked about.")] = None,
    them: Annotated[
        bool | None, typer.Option("--them/--me", help="They reached out first (--me: you did).")
    ] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="NAME", help="net log edit: who was there (repeat it for each)."),
    ] = None,
    yes: Yes = False,
) -> None:
    """Log a conversation in seconds; `net log edit|delete ID` changes or removes a past one.

    `net show NAME` lists past interactions with their ids.

    Examples:

    \b
      net log ana coffee
      net log ana and tom lunch yesterday
      net log ana tom lunch --on "last tue" --note "new job"
      net log "#12" call --them
      net log edit 12 --on "last friday" --with ana --with tom
      net log delete 12
    """
    if (found_action := entries.wanted(words)) is not None:
        action, number = found_action
        entries.interaction(ctx, action, number, on=on, kind=kind, note=note, with_=with_, them=them, yes=yes)
        return
    entries.refuse_extras(with_, yes, "net log")
    text = clean_text(note, what="A note") or None if note is not None else None
    today = context.today()
    with context.get(ctx).write("log") as s:
        done = doing.log(s, words, kind=kind, on=on, today=today, note=text, by_them=bool(them))
    when = _when(done.day.isoformat())[0]
    word = done.kind.noun if done.said in (None, done.kind.name) else done.said  # "a meeting", never "a meet"
    default = " (the default)" if done.said is None else ""
    say(f"Logged {with_article(word)}{default} with {listed(done.who)} {when}.")
    for typed, others in done.also:
        say(_also(typed, others))
    for loop in done.promises[:3]:
        say(f"  You offered {loop.person}: {loop.what} (close it with net done {loop.id}).")


@app.command()
def helped(
    ctx: typer.Context,
    who: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="Whom you helped.", show_default=False)
    ] = None,
    what: Annotated[
        str | None,
        typer.Argument(metavar="[WHAT]", help='What you did, e.g. "intro to Sam".', show_default=False),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help=f"One of {', '.join(kinds.HELP_KINDS)} (default other)."),
    ] = None,
    on: On = None,
    what_: Annotated[
        str | None, typer.Option("--what", help="net helped edit: what you did, said anew.")
    ] = None,
    yes: Yes = False,
    since: Annotated[
        str | None,
        typer.Option("--since", help="With no name: list helps since this day (default 12 weeks ago)."),
    ] = None,
    json_: Json = False,
) -> None:
    """Record a way you helped someone; alone, list the ways you helped lately.

    Examples:

    \b
      net helped tom "intro to Sam" --kind intro
      net helped
      net helped --since 2025-01-01 --json
      net helped edit 5 --kind advice --what "read her CV"
      net helped delete 5
    """
    if (found_action := entries.wanted((who, what))) is not None:
        action, number = found_action
        entries.helped(ctx, action, number, on=on, kind=kind, what=what_, yes=yes)
        return
    if what_ is not None or yes:
        raise InputError("--what and --yes are for net helped edit ID and net helped delete ID.")
    if who is None:
        _list_helps(ctx, since, json_)
        return

    if what is None:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    text = one_line(what, what="What you did")
    if not text:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    help_kind = fields.choice(kind or "other", kinds.HELP_KINDS, what="a kind of help")
    when, day = _when(on)
    with context.get(ctx).write("helped") as s:
        person, promises, others = doing.helped(s, who, kind=help_kind, what=text, day=day)
    as_ = f" ({HELP_WORDS[help_kind]})" if help_kind in HELP_WORDS else ""
    say(f"Noted: you helped {person.name} {when}: {text}{as_}. Thank you for doing it.")
    if others:
        say(_also(who, others))
    for loop in promises[:3]:
        say(f"  Did this keep your promise ({loop.what})? Close it with net done {loop.id}.")


def _list_helps(ctx: typer.Context, since: str | None, json_: bool) -> None:
    today = context.today()
    start = today - timedelta(weeks=12) if since is None else parse_day(since, today=today)
    with context.get(ctx).read() as s:
        found = helps(s, since=start)
    if json_:
        say(to_json([h._asdict() for h in found]))
        return
    if not found:
        say(f'No helps logged since {start.isoformat()}. A small one counts: net helped NAME "what".')
        return
    say(f"Ways you helped since {start.isoformat()}:")
    for h in found:
        say(
            f"  {h.day.isoformat()}  {h.person}: {h.what} ({h.kind})"
            + (f" -> {h.outcome}" if h.outcome else "")
        )
    say(f"{len(found)} in all.")
