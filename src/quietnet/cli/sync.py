"""`net sync vdir DIR`: your address book's folder (khard, vdirsyncer) and the store, kept in step."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import Context, confirm, note, say
from quietnet.cli.options import Yes
from quietnet.cli.output import checked_path, refuse_store_files
from quietnet.cli.sync_plan import ask, notes, plan_lines, result
from quietnet.core.records import CIRCLES
from quietnet.core.text import shown
from quietnet.errors import InputError
from quietnet.ops import vdirfolder, vdirsync
from quietnet.ops.vdirplan import Choices, Options

app = typer.Typer()
sync_app = typer.Typer(no_args_is_help=True)
app.add_typer(sync_app, name="sync")


@sync_app.callback()
def sync_group() -> None:
    """Keep the store in step with your address book, through a vdir (one .vcf per contact).

    vdirsyncer keeps such a folder in step with iCloud, Google, Fastmail or
    Nextcloud, and khard reads it; net sync vdir keeps it in step with the store.
    See docs/sync.md.

    Examples:

    \b
      net sync vdir ~/.contacts/personal --dry-run
      net sync vdir ~/.contacts/personal
    """


@sync_app.command("vdir")
def sync_vdir(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="The folder of .vcf files (one per contact).", show_default=False),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; change nothing.")
    ] = False,
    prefer: Annotated[
        str | None,
        typer.Option(
            "--prefer",
            metavar="SIDE",
            help="For a detail changed on both sides: store or folder wins (else both are left as they are).",
        ),
    ] = None,
    archive_missing: Annotated[
        bool, typer.Option("--archive-missing", help="Archive the people whose card left the folder.")
    ] = False,
    delete: Annotated[
        bool, typer.Option("--delete", help="Remove the cards of people you forgot with net forget.")
    ] = False,
    export_new: Annotated[
        bool, typer.Option("--export-new", help="Write a card for each person who has none in the folder.")
    ] = False,
    circle: Annotated[
        str, typer.Option("--circle", metavar="CIRCLE", help="The circle for people a new card brings.")
    ] = "acquaintance",
    skip_bad: Annotated[
        bool,
        typer.Option(
            "--skip-bad-cards",
            help="Accepted for old scripts: cards that can't be read are always left alone and listed.",
        ),
    ] = False,
    yes: Yes = False,
) -> None:
    """Sync a vdir (the folder vdirsyncer and khard use) with the store, both ways.

    Details changed in the folder come in; details changed here go out to their
    card, changing only the properties net owns (FN, N, NICKNAME, ORG, TITLE, the
    preferred EMAIL and TEL, BDAY) and keeping every other line as it was. A
    detail changed on both sides is listed and left as it is unless you pick
    (--prefer in scripts). Nothing is deleted unless asked. The first sync of a
    folder shows the plan and asks.

    Examples:

    \b
      net sync vdir ~/.contacts/personal --dry-run
      net sync vdir ~/.contacts/personal --yes --prefer store
      net sync vdir ~/.contacts/personal --export-new
    """
    c = context.get(ctx)
    real, where = _folder(c, folder)
    if prefer is not None and prefer.strip().casefold() not in ("store", "folder"):
        raise InputError(f'--prefer takes store or folder, not "{shown(prefer)}"; nothing was changed.')
    if circle.strip().casefold() not in CIRCLES:
        raise InputError(f'"{shown(circle)}" is not a circle; choose one of {", ".join(CIRCLES)}.')
    options = Options(
        prefer=prefer.strip().casefold() if prefer else None,
        archive_missing=archive_missing,
        delete=delete,
        export_new=export_new,
        circle=circle.strip().casefold(),
        rev=context.now().strftime("%Y%m%dT%H%M%SZ"),
    )
    found = vdirfolder.read(real, today=context.today())
    del skip_bad  # accepted as before: a card that can't be read is always left alone and listed
    key = str(real)
    if dry_run and not c.exists():  # a dry run creates nothing, not even the store
        plan = vdirsync.sync(None, found, vdir_key=key, options=options, choices={}, apply=False)
    else:
        with c.read() as s:
            plan = vdirsync.sync(s, found, vdir_key=key, options=options, choices={}, apply=False)
    if dry_run:
        say(f"Syncing {where} (dry run):")
        for line in plan_lines(plan) + notes(plan, found, prefer=options.prefer):
            say(line)
        say(result(plan, where, dry_run=True, listed=bool(found.problems or found.left)))
        return
    asked = plan.first and plan.writes and not yes
    if asked:
        say(f"The first sync of {where} with this store:")
        for line in plan_lines(plan):
            say(line)
        try:
            confirm(f"Sync {where} with the store as above?", yes=yes)
        except typer.Abort:  # Ctrl-D or Ctrl-C at the question
            raise InputError("Nothing was changed.") from None
    choices: Choices = {}
    if plan.conflicts and options.prefer is None and not yes and sys.stdin.isatty():
        try:
            choices = ask(plan.conflicts)
        except typer.Abort:
            raise InputError("Nothing was changed.") from None
    if plan.writes or choices:
        plan, snap = vdirsync.write(c, found, vdir_key=key, shown=where, options=options, choices=choices)
        if snap:
            note(f"A snapshot of the store before this sync: {snap}")
    say(result(plan, where, dry_run=False, listed=bool(found.problems or found.left)))
    for line in ([] if asked else plan_lines(plan)) + notes(plan, found, prefer=options.prefer):
        say(line)


def _folder(c: Context, given: Path) -> tuple[Path, str]:
    """The folder, checked: there, a folder, never the store's own files or its backups."""
    where = str(given)
    checked_path(where)
    path = given.expanduser()
    if not path.exists():
        raise InputError(f"{where} does not exist; give the folder of your address book (a vdir).")
    if not path.is_dir():
        raise InputError(f"{where} is not a folder; give the folder of your address book (a vdir).")
    real = Path(os.path.realpath(path))
    refuse_store_files(c, where, real / "card.vcf")
    refuse_store_files(c, where, real)
    return real, where
