"""`net capture mail` (and, with the calendar reader, `net capture calendar`): propose, then write.

``run`` is the part both share: your addresses, the start day, the reader,
the plan, the question, the snapshot and the one write. A source brings only
its reader: a function from (your addresses, since, until) to a ``Scan``.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.options import Json, Yes
from quietnet.core.capture import CapturePlan, Scan
from quietnet.core.me import MY_EMAILS, parse_emails
from quietnet.errors import InputError
from quietnet.ops import capture as capturing
from quietnet.render import capture as words
from quietnet.render.console import to_json
from quietnet.store import me as mine

app = typer.Typer()
capture_app = typer.Typer(no_args_is_help=True)
app.add_typer(capture_app, name="capture")


@capture_app.callback()
def capture() -> None:
    """Interactions proposed from your mail and calendars, read where your sync tools leave them,
    then added on a yes.

    Nothing is sent anywhere: the files are read on this machine (of mail, headers only).
    A second run adds nothing twice, and net undo takes a whole capture back.
    See docs/capture.md for mbsync, offlineimap, Google Takeout, Thunderbird, khal and vdirsyncer.

    Examples:

    \b
      net settings set my_emails "you@example.org"
      net capture mail ~/Mail --dry-run
      net capture mail ~/Mail --yes
      net capture calendar ~/.calendars --yes
    """


Reader = Callable[[tuple[str, ...], date, date], Scan]  # (your addresses, since, until) -> what it found

Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Look from this day on (default: a week before the last capture, else 90 days).",
    ),
]
Me = Annotated[
    list[str] | None,
    typer.Option("--me", metavar="ADDR", help=f"Your own address (repeatable); instead of {MY_EMAILS}."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Show the plan; write nothing.")]
Learn = Annotated[
    bool,
    typer.Option(
        "--learn",
        help="Keep an unknown address as someone's when its name is exactly one person's full name"
        " and they have no address yet.",
    ),
]

NO_ADDRESS = (
    "Your own addresses are not set, so capture can't tell which messages you wrote; nothing was captured."
)

NO_STORE = "There is no store here yet, so no one to match; add people first (net add, net import)."

NO_ADDRESS_CALENDAR = (
    "Your own addresses are not set, so capture can't tell which events you went to; nothing was captured."
)

SET_ADDRESS = f'Set them with: net settings set {MY_EMAILS} "you@example.org" (or give --me).'


def run(
    ctx: typer.Context,
    *,
    source: str,
    reader: Reader,
    since: str | None,
    me: list[str] | None,
    dry_run: bool,
    yes: bool,
    learn: bool,
    json_: bool,
    by_name: bool = False,
) -> None:
    """Plan from what ``reader`` finds, show it, ask, then snapshot and write it in one transaction."""
    from quietnet.core.dates import parse_day

    today = context.today()
    where = context.get(ctx)
    start = parse_day(since, today=today) if since is not None else None
    given = parse_emails(me) if me else ()
    if not where.exists():  # a dry run creates nothing, not even the store; and no one is known yet
        raise InputError(NO_STORE)
    with where.read() as s:
        addresses = given or tuple(mine.emails(s))
        if not addresses:
            raise InputError(NO_ADDRESS if source == "mail" else NO_ADDRESS_CALENDAR, hint=SET_ADDRESS)
        start = start or capturing.since_default(s, source=source, today=today)
    scan = reader(addresses, start, today)
    with where.read() as s:
        made = capturing.plan(s, scan, source=source, since=start, learn=learn, by_name=by_name)
    if json_ and dry_run:
        say(to_json(_json(made, written=False)))
        return
    if not json_:
        for line in words.plan_lines(made):
            say(line)
    if dry_run:
        say("A dry run: nothing was written.")
        return
    if not (made.planned or made.learned):  # nothing new: nothing written, the ledger included
        if json_:
            say(to_json(_json(made, written=False)))
        return
    context.confirm(f"Add {'these' if len(made.planned) != 1 else 'this'} to your store?", yes=yes)
    snapshot = where.snapshot(f"before-capture-{source}") if made.planned else None
    with where.write(f"capture {source}") as s:
        # the store as it is now
        made = capturing.plan(s, scan, source=source, since=start, learn=learn, by_name=by_name)
        added = capturing.apply(s, made)
    if json_:
        say(to_json(_json(made, written=True)))
        return
    if snapshot:
        note(f"A snapshot of the store before this capture: {snapshot}")
    say(words.done_line(made, added))


def given_paths(paths: list[str]) -> list[Path]:
    """The PATHs as given; an empty one is refused (it would otherwise name the current folder)."""
    if any(not path for path in paths):
        raise InputError("An empty PATH names no file or folder; nothing was captured.")
    return [Path(path) for path in paths]


def _json(made: CapturePlan, *, written: bool) -> dict[str, object]:
    return {
        "source": made.source,
        "written": written,
        "interactions": [
            {"person_id": p.person_id, "name": p.name, "day": p.day.isoformat(), "kind": p.kind,
             "by_them": p.by_them, "title": p.title, "keys": list(p.keys)}
            for p in made.planned
        ],
        "learned": [lrn._asdict() for lrn in made.learned],
        "unknown": [x._asdict() for x in made.strangers],
        "already_captured": made.used + len(made.attached),
        "already_logged_days": made.typed,
        "shared_addresses": made.shared,
        "found": made.found,
        "skipped": dict(sorted(made.skipped.items())),
        "unread_folders": list(made.problems),
    }  # fmt: skip


@capture_app.command("mail")
def mail(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="A Maildir, a folder of Maildirs (mbsync, offlineimap) or an mbox file."
        ),
    ],
    since: Since = None,
    me: Me = None,
    dry_run: DryRun = False,
    yes: Yes = False,
    learn: Learn = False,
    json_: Json = False,
) -> None:
    """Propose interactions from your mail's headers, then add them on a yes.

    A message you wrote to someone you know, or they wrote to you, becomes a
    message interaction: one per person and day, started by whoever wrote
    first. Mailing lists, bulk mail and messages to more than 8 people are left
    out; a day you already logged stays as you logged it; a second run adds
    nothing twice. Only headers are read, and nothing leaves your machine.

    Examples:

    \b
      net settings set my_emails "you@example.org"
      net capture mail ~/Mail/personal --dry-run
      net capture mail ~/Mail/personal --yes
      net capture mail ~/Downloads/Takeout/Mail/All.mbox --since 2025-01-01
    """
    from quietnet.io import mail_read

    def reader(addresses: tuple[str, ...], start: date, until: date) -> Scan:
        return mail_read.scan(given_paths(paths), me=addresses, since=start, until=until)

    run(
        ctx, source="mail", reader=reader, since=since, me=me, dry_run=dry_run, yes=yes, learn=learn,
        json_=json_,
    )  # fmt: skip


@capture_app.command("calendar")
def calendar(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="An .ics file (a Google, Outlook or Apple export) or a folder of them (khal, vdirsyncer).",
        ),
    ],
    since: Since = None,
    me: Me = None,
    dry_run: DryRun = False,
    yes: Yes = False,
    json_: Json = False,
) -> None:
    """Propose interactions from the events in your calendars, then add them on a yes.

    An event that has begun, whose attendees or organiser are people you know,
    or whose summary names someone by full name or nickname, becomes one
    interaction with all of them: a video call with a Zoom, Meet, Teams or
    Jitsi link, a call when its summary says call or phone, else a meeting.
    Recurring events count each time they happened. Events you declined or
    never answered, cancelled ones, and all-day events that name no one are
    left out; a day you already logged stays as you logged it; a second run
    adds nothing twice.

    Examples:

    \b
      net capture calendar ~/.calendars --dry-run
      net capture calendar ~/.calendars --yes
      net capture calendar ~/Downloads/you@gmail.com.ics --since 2025-01-01
    """
    from quietnet.io import calendar_read

    def reader(addresses: tuple[str, ...], start: date, until: date) -> Scan:
        return calendar_read.scan(
            given_paths(paths), me=addresses, since=start, until=until, now=context.now()
        )

    run(
        ctx, source="calendar", reader=reader, since=since, me=me, dry_run=dry_run, yes=yes, learn=False,
        json_=json_, by_name=True,
    )  # fmt: skip
