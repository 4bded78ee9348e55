"""`net export json|vcard|csv|ics`: leave with everything, any time, in open formats.

Exports read one consistent view of the store and go to standard output, or
with ``--output`` to a file written atomically (temp file, fsync, rename) with
mode 0600.
"""

from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.options import Yes
from quietnet.cli.output import Output, target, write, write_pieces
from quietnet.cli.output import folder as output_folder
from quietnet.core.relations import anniversaries, vcard_related
from quietnet.core.text import plural
from quietnet.errors import InputError
from quietnet.io import csvfile, ics, jsontext, vcardexport
from quietnet.io.files import write_atomic
from quietnet.ops.morning import calendar
from quietnet.render import wording
from quietnet.store import dump, relationships, transfer, yearly

app = typer.Typer()
exporting = typer.Typer(no_args_is_help=True)
app.add_typer(exporting, name="export")

OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically, mode 0600), not stdout; - prints. Never the store or a backup.",
    ),
]


def checked(ctx: typer.Context, output: Path | None, yes: bool) -> Output | None:
    """``--output`` checked before the store is read (cli/output.py holds the rules)."""
    return None if output is None else target(context.get(ctx), output, yes=yes)


def write_out(text: str, out: Output | None, what: str) -> None:
    """``text`` printed (no ``--output``, or ``-``) or written where ``out`` says, and said so."""
    write(out or Output("-"), text)
    if out is not None and not out.printed:
        say(f"Wrote {what} to {out.shown}.")


@exporting.callback()
def export_group() -> None:
    """Leave with everything, any time, in open formats: JSON, vCard, CSV, iCalendar.

    Exports go to standard output, or with --output to a file written
    atomically and readable only by you.

    Examples:

    \b
      net export json --output quietnet.json
      net export vcard --folder ~/contacts/
      net export csv -o people.csv
      net export ics -o quietnet.ics
    """


@exporting.command("json")
def export_json(ctx: typer.Context, output: OutputFile = None, yes: Yes = False) -> None:
    """Everything, lossless: people, tags, interactions, helps, loops, settings.

    Examples:

    \b
      net export json --output quietnet.json
      net export json | gzip > quietnet.json.gz
    """
    out = checked(ctx, output, yes)
    with context.get(ctx).read() as s:  # written as it is read: the store is never held whole
        people = dump.people_count(s)
        write_pieces(out or Output("-"), jsontext.chunks(dump.document(s)))
    if out is not None and not out.printed:
        say(f"Wrote {plural(people, 'person', 'people')} and their history to {out.shown}.")


@exporting.command("vcard")
def export_vcard(
    ctx: typer.Context,
    output: OutputFile = None,
    folder: Annotated[
        Path | None,
        typer.Option("--folder", metavar="DIR", help="One UUID.vcf per person in DIR (for CardDAV)."),
    ] = None,
    yes: Yes = False,
) -> None:
    """vCard 3.0 cards for phones, khard and CardDAV sync; imported cards keep their other details.

    Examples:

    \b
      net export vcard --output contacts.vcf
      net export vcard --folder ~/.contacts/quietnet/
    """
    if folder is not None and output is not None:
        raise InputError("Give either --output (one file) or --folder (one file per person), not both.")
    out = checked(ctx, output, yes)
    if folder is not None:
        folder = output_folder(context.get(ctx), folder)
    with context.get(ctx).read() as s:
        rows = transfer.person_rows(s)
        related = vcard_related(*relationships.for_cards(s))
        married = anniversaries(yearly.days_by_person(s))
    if folder is None:
        cards = "".join(
            vcardexport.write(r, r["tags"], related.get(r["id"], ()), married.get(r["id"])) for r in rows
        )
        write_out(cards, out, plural(len(rows), "card"))
        return
    folder.mkdir(mode=0o700, exist_ok=True)
    for row in rows:
        card = vcardexport.write(row, row["tags"], related.get(row["id"], ()), married.get(row["id"]))
        write_atomic(folder / f"{row['uuid']}.vcf", card.encode("utf-8"))
    say(f"Wrote {plural(len(rows), 'card')} to {folder}.")


@exporting.command("csv")
def export_csv(ctx: typer.Context, output: OutputFile = None, yes: Yes = False) -> None:
    """One row per person, safe to open in a spreadsheet (formula-like cells are neutralised).

    Examples:

    \b
      net export csv --output people.csv
      net export csv | column -s, -t | less -S
    """
    out = checked(ctx, output, yes)
    with context.get(ctx).read() as s:
        rows = transfer.person_rows(s)
    write_out(csvfile.write(rows), out, plural(len(rows), "person", "people"))


@exporting.command("ics")
def export_ics(
    ctx: typer.Context,
    output: OutputFile = None,
    days: Annotated[int, typer.Option(min=0, max=366, help="Days of suggested check-ins to include.")] = 14,
    birthdays_only: Annotated[bool, typer.Option("--birthdays-only", help="Leave out check-ins.")] = False,
    yes: Yes = False,
) -> None:
    """Birthdays and yearly dates (net date) as yearly events and the coming suggested check-ins.

    Check-ins are everyone `net due --all` lists today, a few a day (your daily
    maximum), as all-day events over the coming --days. Each person's events
    keep their ids, so importing a later export updates them, never doubles them.

    Examples:

    \b
      net export ics --output quietnet.ics
      net export ics --birthdays-only -o birthdays.ics
    """
    today = context.today()
    out = checked(ctx, output, yes)
    with context.get(ctx).read() as s:
        found = calendar(s, today=today, days=days, birthdays_only=birthdays_only)
    birthdays = [ics.Birthday(*b) for b in found.birthdays]
    checkins = [
        ics.CheckIn(
            uuid=uuid,
            name=sug.assessment.name,
            day=day,
            summary=f"{sug.assessment.name}: {wording.question(sug.action)}",
            description=wording.suggestion_line(sug),
        )
        for uuid, sug, day in found.checkins
    ]
    others = sum(1 for b in birthdays if b.key is not None)
    dates = plural(len(birthdays) - others, "birthday") + (
        f", {plural(others, 'yearly date')}" if others else ""
    )
    write_out(
        ics.write(birthdays, checkins, today=today), out, f"{dates} and {plural(len(checkins), 'check-in')}"
    )
