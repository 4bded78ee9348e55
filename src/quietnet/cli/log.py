"""`net log` (an interaction) and `net helped` (a way you helped)."""

from datetime import date, timedelta
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json, On
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


def split_kind(words: list[str], kind: str | None) -> tuple[list[str], kinds.Kind, str | None]:
    """Names and kind from `net log ana tom coffee`: a last word that is a kind is the kind."""
    if kind is not None:
        found = kinds.lookup(kind)
        if found is None:
            raise InputError(f'"{shown(kind)}" is not a kind of contact. Kinds: {kinds.alias_summary()}.')
        return words, found, kind.strip().casefold()
    if len(words) > 1 and (found := kinds.lookup(words[-1])) is not None:
        return words[:-1], found, words[-1].strip().casefold()
    return words, kinds.BY_NAME[kinds.DEFAULT_KIND], None


@app.command()
def log(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME... [KIND]",
            help="Who (one or more names), then optionally the kind: coffee, call, email...",
            show_default=False,
        ),
    ],
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=KIND_HELP)] = None,
    on: On = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="What you talked about.")] = None,
    them: Annotated[bool, typer.Option("--them", help="They reached out first.")] = False,
) -> None:
    """Log a conversation in seconds.

    Examples:

    \b
      net log ana coffee
      net log ana tom lunch --on yesterday --note "new job"
      net log "#12" call --them
    """
    names, found, said = split_kind(words, kind)
    when, day = _when(on)
    text = clean_text(note, what="A note") or None if note is not None else None
    with context.get(ctx).write("log") as s:
        who, promises = doing.log(s, names, kind=found.name, day=day, said=said, note=text, by_them=them)
    word = found.noun if said in (None, found.name) else said  # "a meeting", never "a meet"
    say(f"Logged {with_article(word)} with {listed(who)} {when}.")
    for loop in promises[:3]:
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
        str, typer.Option("--kind", "-k", help=f"One of {', '.join(kinds.HELP_KINDS)}.")
    ] = "other",
    on: On = None,
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
    """
    if who is None:
        _list_helps(ctx, since, json_)
        return

    if what is None:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    text = one_line(what, what="What you did")
    if not text:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    help_kind = fields.choice(kind, kinds.HELP_KINDS, what="a kind of help")
    when, day = _when(on)
    with context.get(ctx).write("helped") as s:
        person, promises = doing.helped(s, who, kind=help_kind, what=text, day=day)
    as_ = f" ({HELP_WORDS[help_kind]})" if help_kind in HELP_WORDS else ""
    say(f"Noted: you helped {person.name} {when}: {text}{as_}. Thank you for doing it.")
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
