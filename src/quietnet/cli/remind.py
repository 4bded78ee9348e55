"""`net remind email|notify|install|uninstall`: today's list reaches you without opening a shell."""

import shutil
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.morning import printable
from quietnet.core import remind as rules
from quietnet.core import timer
from quietnet.core.mailaddress import address
from quietnet.core.mailserver import MailServer, parse
from quietnet.core.text import escaped_all, visible
from quietnet.errors import InputError
from quietnet.ops import remind as doing
from quietnet.render.due import morning_text
from quietnet.store import words

app = typer.Typer()
remind_app = typer.Typer(no_args_is_help=True)
app.add_typer(remind_app, name="remind")

Always = Annotated[bool, typer.Option("--always", help="Send even on a quiet day with nothing to say.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Print what would be done; do nothing.")]


@remind_app.callback()
def remind() -> None:
    """Today's list by email or as a desktop notification, every morning on a timer.

    net remind email sends what net today shows (and the weekly review on the
    review day); net remind notify shows it on the desktop; net remind install
    writes a systemd user timer that runs one of them every day. Set-up for
    Fastmail, Gmail, the keyring, cron and launchd: docs/reminders.md.

    Examples:

    \b
      net remind email --to me@example.org --dry-run
      net remind notify
      net remind install --at 08:30 --email
      net remind uninstall
    """


def _configured(stored: str) -> MailServer | None:
    """The server when --smtp is not given: NET_SMTP_URL, else the smtp_url setting; None when neither."""
    url = context.smtp()[0] or stored
    return parse(url) if url.strip() else None


@remind_app.command("email")
def email_(
    ctx: typer.Context,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="ADDRESS", help="Who gets it (default: the first of my_emails)."),
    ] = None,
    sender: Annotated[
        str | None, typer.Option("--from", metavar="ADDRESS", help="Who it is from (default: --to).")
    ] = None,
    smtp: Annotated[
        str | None,
        typer.Option(
            "--smtp",
            metavar="URL",
            help="The mail server: smtp://user@host:587 (STARTTLS), smtps://user@host:465, "
            "smtp+plain://127.0.0.1:25. Default: NET_SMTP_URL, else the smtp_url setting.",
        ),
    ] = None,
    always: Always = False,
    review: Annotated[
        bool, typer.Option("--review", help="Add the weekly review, whatever the day.")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", metavar="SECONDS", help="How long to wait for the server.", min=0.1, max=300
        ),
    ] = 20,
    dry_run: DryRun = False,
) -> None:
    """Send today's list (what net today shows) by email; the weekly review on the review day.

    The review comes along on the review_day setting (Monday unless set:
    net settings set review_day friday). The password comes from
    NET_SMTP_PASSWORD, else the system keyring (keyring set quietnet-smtp USER);
    it is never shown. A quiet day sends nothing unless --always.

    Examples:

    \b
      net remind email --dry-run --to me@example.org
      NET_SMTP_URL=smtps://me%40fastmail.com@smtp.fastmail.com:465 net remind email
      net remind email --review --always
    """
    from quietnet.ops import mail

    day = context.today()
    given = parse(smtp) if smtp is not None else None  # a bad --smtp is refused before the store opens
    if sender is not None:
        address(sender, what="--from")
    with context.get(ctx).read() as s:
        found = doing.content(s, today=day, review=True, force_review=review)
        recipient = doing.recipient(s, to)
        stored = words.get(s, "smtp_url")
    if not found.news and not always:
        say("A quiet day: nothing to send (--always sends it anyway).")
        return
    # every stored string escaped as net today shows it, in the text and the HTML alike
    today_text = visible(morning_text(printable(found.morning)), keep="\n\t")
    text, html = today_text, None
    if found.review is not None:
        from quietnet.render.review.html import render as html_page
        from quietnet.render.review.text import plain

        week = escaped_all(found.review)
        text = today_text + "\n\n" + visible(plain(week).rstrip("\n"), keep="\n")
        html = html_page(week, today=today_text)
    subject = rules.subject(day, review=found.review is not None)
    origin = address(sender, what="--from") if sender is not None else recipient
    message = mail.compose(
        text=text, html=html, sender=origin, to=recipient, subject=subject, now=context.now()
    )
    server = given if given is not None else _configured(stored)
    if dry_run:
        where = (
            server.shown if server is not None else "no mail server yet (--smtp, NET_SMTP_URL or smtp_url)"
        )
        say(f"Would send through {where}:")
        say("")
        for name in ("From", "To", "Subject", "Date", "Message-ID"):
            say(f"{name}: {message[name]}")
        say("")
        say(text)
        if html is not None:
            say("")
            say("(The HTML review goes beside it, as net review --format html shows it.)")
        return
    if server is None:
        raise InputError(
            "No mail server is set: give --smtp smtps://you@host:465, set NET_SMTP_URL, "
            "or keep it with net settings set smtp_url smtps://you@host:465."
        )
    secret = mail.password(server, given=context.smtp()[1])
    mail.send(message, server, secret, timeout=timeout)
    with_review = " and the weekly review" if html is not None else ""
    say(f"Sent today's list{with_review} to {recipient} through {server.shown}.")


@remind_app.command()
def notify(ctx: typer.Context, always: Always = False, dry_run: DryRun = False) -> None:
    """Show today's list as a desktop notification (notify-send on Linux, osascript on macOS).

    Examples:

    \b
      net remind notify
      net remind notify --always
    """
    from quietnet.ops import notify as showing

    day = context.today()
    program = _notifier()
    with context.get(ctx).read() as s:
        found = doing.content(s, today=day, review=False)
    if not found.news and not always:
        say("A quiet day: nothing to show (--always shows it anyway).")
        return
    title, _, body = morning_text(found.morning).partition("\n")
    body = body.strip("\n")
    if dry_run:
        import shlex

        say(shlex.join(showing.arguments(program, title, body)))
        return
    showing.show(program, title, body)
    say(f"Shown with {program.name}.")


def _notifier() -> Path:
    for name in ("notify-send", "osascript"):
        if (found := shutil.which(name)) is not None:
            return Path(found)
    raise InputError(
        "No desktop notifier was found (notify-send on Linux, from libnotify; osascript on macOS); "
        "net remind email sends the same list by email."
    )


@remind_app.command()
def install(
    ctx: typer.Context,
    at: Annotated[str, typer.Option("--at", metavar="HH:MM", help="The time of day, e.g. 08:30.")],
    by_email: Annotated[bool, typer.Option("--email", help="Run net remind email.")] = False,
    by_notify: Annotated[bool, typer.Option("--notify", help="Run net remind notify.")] = False,
    cron: Annotated[
        bool, typer.Option("--cron", help="Print the crontab line instead of writing systemd files.")
    ] = False,
    to: Annotated[
        str | None,
        typer.Option("--to", metavar="ADDRESS", help="With --email: who gets it (default: my_emails)."),
    ] = None,
    sender: Annotated[
        str | None, typer.Option("--from", metavar="ADDRESS", help="With --email: who it is from.")
    ] = None,
    smtp: Annotated[
        str | None,
        typer.Option(
            "--smtp", metavar="URL", help="With --email: the mail server (default: the smtp_url setting)."
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Run net remind every day: a systemd user timer (or a crontab line with --cron).

    Writes quietnet-remind.service and quietnet-remind.timer into your systemd
    user folder (~/.config/systemd/user), with this net's full path and NET_DB
    when it is set; then says the systemctl line that starts the timer. With
    --email, the recipient (--to, else my_emails) and the server (--smtp, else
    the smtp_url setting) must be known now: a timer does not see NET_SMTP_URL.

    Examples:

    \b
      net remind install --at 08:30 --email
      net remind install --at 07:45 --notify --dry-run
      net remind install --at 08:30 --email --to me@example.org --cron
    """
    when = timer.at(at)
    if by_email == by_notify:
        raise InputError("Choose one: --email or --notify.")
    what = "email" if by_email else "notify"
    c = context.get(ctx)
    options: list[str] = []
    if by_notify and (to, sender, smtp) != (None, None, None):
        raise InputError("--to, --from and --smtp go with --email, not --notify.")
    if by_email and to is not None and smtp is not None:  # nothing to look up in the store
        options = doing.timer_options(None, to=to, sender=sender, smtp=smtp)
    elif by_email:
        with c.read() as s:
            options = doing.timer_options(s, to=to, sender=sender, smtp=smtp)
    command = [*context.program_path(), "remind", what, *options]
    db = _db(c)
    if not isinstance(c.store()[0], Path):
        say(
            "Your store is on a database server: add NET_DATABASE_URL to the service yourself "
            "(docs/reminders.md); the timer is not given it, since it may hold a password."
        )
    if cron:
        say(timer.cron_line(command, db=db, when=when))
        say("")
        say("Add it to your crontab with crontab -e.")
        return
    files = timer.units(command, db=db, when=when, what="by email" if by_email else "as a notification")
    folder = _folder()
    if dry_run:
        for name, text in files.items():
            say(f"Would write {folder / name}:")
            say(text.rstrip("\n"))
            say("")
        say(f"Then: {timer.ENABLE}")
        return
    from quietnet.ops import timer as files_of

    written = files_of.install(folder, files)
    say("Wrote " + " and ".join(str(p) for p in written) + ".")
    say(f"To start it: {timer.ENABLE}")


@remind_app.command()
def uninstall(ctx: typer.Context) -> None:
    """Remove the timer net remind install wrote (only its own files).

    Examples:

    \b
      systemctl --user disable --now quietnet-remind.timer
      net remind uninstall
      systemctl --user daemon-reload
    """
    from quietnet.ops import timer as files_of

    folder = _folder()
    if (folder / "timers.target.wants" / timer.TIMER).is_symlink():
        raise InputError(
            f"The reminder timer is still enabled: run {timer.DISABLE} first, then net remind "
            f"uninstall, then {timer.RELOAD}."
        )
    removed, kept = files_of.uninstall(folder)
    for path in kept:
        say(f"Left {path} as it is: net remind install did not write it.")
    if removed:
        say("Removed " + " and ".join(str(p) for p in removed) + ".")
        say(f"Then: {timer.RELOAD}")
    elif not kept:
        say(f"No reminder timer to remove (none in {folder}).")


def _folder() -> Path:
    """The systemd user folder: $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user)."""
    import platformdirs

    return Path(platformdirs.user_config_dir()) / "systemd" / "user"


def _db(c: context.Context) -> str | None:
    """The store file a timer uses when it is not the default one (--db or NET_DB), as an absolute path."""
    where, is_default = c.store()
    return str(where) if isinstance(where, Path) and not is_default else None
