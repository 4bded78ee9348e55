"""`net work` (engagements and who they came through) and `net referrals` (where work came from)."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Json
from quietnet.core.dates import parse_day
from quietnet.core.fields import one_line
from quietnet.core.referrals import PATHS
from quietnet.errors import InputError
from quietnet.ops import work as doing
from quietnet.render import events as render
from quietnet.render.console import to_json
from quietnet.store import work as stored

app = typer.Typer()
work_app = typer.Typer(invoke_without_command=True)
app.add_typer(work_app, name="work")


@work_app.callback()
def work(ctx: typer.Context, json_: Json = False) -> None:
    """Work you took on and the tie it came through; alone, the list, newest first.

    Adding an engagement opens a promise to thank the person it came through
    (the --via person when there is one). net referrals sums up where work came from.

    Examples:

    \b
      net work
      net work add "Contoso redesign" --from zoe --via ana --path referral --value 4000
      net work add "Workshop for Litware" --from priya --path repeat-client --on 2025-05-02
    """
    if ctx.invoked_subcommand is not None:
        return
    with context.get(ctx).read() as s:
        found = stored.listing(s)
    say(render.work_json(found) if json_ else render.work_text(found))


@work_app.command()
def add(
    ctx: typer.Context,
    title: Annotated[
        str, typer.Argument(metavar="TITLE", help="The engagement, in a few words.", show_default=False)
    ],
    from_: Annotated[
        str, typer.Option("--from", metavar="NAME", help="The client, or whom the work is for.")
    ],
    path: Annotated[str, typer.Option("--path", metavar="PATH", help=f"How it came: {', '.join(PATHS)}.")],
    via: Annotated[
        str | None, typer.Option("--via", metavar="NAME", help="Whom it came through (who referred you).")
    ] = None,
    value: Annotated[
        float | None, typer.Option("--value", metavar="N", help="What it is worth, any unit.")
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", metavar="EVENT", help="The event it traces back to.")
    ] = None,
    no_thanks: Annotated[
        bool, typer.Option("--no-thanks", help="Don't open a promise to thank them.")
    ] = False,
    on: Annotated[
        str | None, typer.Option("--on", metavar="DATE", help="When it started (default today).")
    ] = None,
    json_: Json = False,
) -> None:
    """Record an engagement and who it came through; opens a promise to thank them.

    Examples:

    \b
      net work add "Contoso redesign" --from zoe --via ana --path referral --value 4000
      net work add "Pricing review" --from owen --path inbound --no-thanks
    """
    text = one_line(title, what="A title", limit=500)
    if not text:
        raise InputError(
            'Say what the work is, e.g. net work add "Contoso redesign" --from zoe --path referral.'
        )
    way = path.strip().casefold()
    if way not in PATHS:
        raise InputError(f'"{path}" is not a path; choose one of {", ".join(PATHS)}.')
    if value is not None and value < 0:
        raise InputError(f"A value can't be below zero ({value:g}).")
    today = context.today()
    day = today if on is None else parse_day(on, today=today)
    with context.get(ctx).write("work") as s:
        done = doing.record(s, title=text, client=from_, via=via, path=way, value=value, day=day, event=event,
                            thanks=not no_thanks, today=today)  # fmt: skip
    if json_:
        say(to_json({**done.saved._asdict(), "thanks_loop_id": done.loop_id}))
        return
    through = f", through {done.referrer.name}" if done.referrer else ""
    say(f"Recorded: {text} for {done.client.name}{through} ({way}).")
    if done.loop_id is not None:
        thanks = f"A thank-you to {done.thank.name}, and later how it went, would mean a lot"
        say(f"{thanks}: promise #{done.loop_id}.")


@app.command()
def referrals(
    ctx: typer.Context,
    years: Annotated[int, typer.Option("--years", metavar="N", help="Look back this many years.")] = 5,
    json_: Json = False,
) -> None:
    """Where your work came from: by path, by how the tie began, by tie strength at the time.

    Counts sit beside percentages, and a handful of engagements is called a
    handful. It never ranks people or suggests asking anyone for work.

    Examples:

    \b
      net referrals
      net referrals --years 2 --json
    """
    if not 1 <= years <= 100:
        raise InputError(f"Look back 1 to 100 years, not {years}.")
    with context.get(ctx).read() as s:
        found = doing.referrals(s, years=years, today=context.today())
    say(to_json(render.report_dict(found)) if json_ else render.report_text(found, years=years))
