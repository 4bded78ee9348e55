"""`net import ...`: moving in from a phone, Google Contacts, LinkedIn, a spreadsheet or an export.

Every import reads and checks the whole file first (a bad record stops it with
its file, line and reason, unless told to skip bad records), plans the changes
without writing (``--dry-run`` stops there), takes a verified snapshot, then
writes everything in one transaction through the journal.
"""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.import_plan import entry_lines, left_out, plan_lines, summary
from quietnet.cli.options import Json, Yes
from quietnet.core.records import CIRCLES
from quietnet.core.text import plural, shown
from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.errors import InputError
from quietnet.io import cards, csvfile, friendsmd, jsonstream, linkedin, vcard
from quietnet.io.contact import Read
from quietnet.io.reading import TextFile
from quietnet.ops import import_report
from quietnet.ops import importing as use_case
from quietnet.render.console import to_json

app = typer.Typer()
importing = typer.Typer(no_args_is_help=True)
app.add_typer(importing, name="import")

PROGRESS_FROM = 500  # records; smaller files finish before a bar would be worth drawing

DryRun = Annotated[bool, typer.Option("--dry-run", help="Show what would change; change nothing.")]
NewCircle = Annotated[
    str,
    typer.Option(
        "--circle",
        metavar="CIRCLE",
        help="The circle for people the file adds (acquaintance: never suggested until you move them).",
    ),
]
Encoding = Annotated[
    str, typer.Option("--encoding", help="The file's text encoding (never guessed).", metavar="NAME")
]
SkipBad = Annotated[
    bool,
    typer.Option("--skip-bad-rows", help="Import the good rows and list the bad ones, instead of stopping."),
]
FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="The file to read.", show_default=False)]


@contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[], None]]:
    """A Rich progress bar on stderr for big jobs in a terminal; a no-op otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    # Rich: only when drawing a bar
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _circle(raw: str) -> str:
    circle = raw.strip().casefold()
    if circle not in CIRCLES:
        raise InputError(f'"{shown(raw)}" is not a circle; choose one of {", ".join(CIRCLES)}.')
    return circle


def run_import(
    ctx: typer.Context,
    read: Callable[[Callable[[], None]], "Read"],
    *,
    source: str,
    total: int,
    dry_run: bool,
    skip_bad: bool,
    circle: str,
    what: str,
    skip_flag: str,
    as_json: bool = False,
) -> None:
    """Run the import (``ops/importing.py``) and say what it did, or on a dry run what it would do."""
    done = use_case.run_import(context.get(ctx), read, source=source, total=total, dry_run=dry_run,
                                skip_bad=skip_bad, circle=_circle(circle), what=what, skip_flag=skip_flag,
                                progress=progress)  # fmt: skip
    if as_json:
        if done.snapshot:
            note(f"A snapshot of the store before this import: {done.snapshot}")
        say(to_json(import_report.document(done, source=source, dry_run=dry_run)))
        return
    planned = done.planned
    bad = [f"  {p.source}, line {p.line}: {p.reason}" for p in done.problems]
    lines = plan_lines(planned) + entry_lines(done.dated)
    if dry_run:
        say(f"Importing {source} (dry run):")
        for line in lines + [f"  bad      {b.strip()}" for b in bad]:
            say(line)
        if done.ignored:
            say(f"Columns not imported: {', '.join(done.ignored)}.")
        for line in done.said + left_out(done.nameless, what):
            say(line)
        say(summary(planned, dry_run=True, dated=done.dated))
        return
    if done.snapshot:
        note(f"A snapshot of the store before this import: {done.snapshot}")
    say(f"Imported {source}: {summary(planned, dry_run=False, dated=done.dated)}")
    for line in done.said + left_out(done.nameless, what):
        say(line)
    for line in [ln for ln in lines if ln.startswith("  skip")]:
        say(line)
    if bad:
        say(f"Not imported ({len(bad)} could not be read):")
        for line in bad:
            say(line)


@importing.callback()
def import_group() -> None:
    """Bring people in from your phone, Google Contacts, Outlook, LinkedIn, any CSV, friends.md, or an export.

    Each import checks the whole file first, can be previewed with --dry-run,
    takes a snapshot of the store, and writes all or nothing. Importing the
    same file again updates people instead of adding them twice. New people
    join the acquaintance circle (never suggested until you move them).

    Examples:

    \b
      net import vcard contacts.vcf --dry-run
      net import vcard ~/contacts/
      net import csv google.csv --map "Full Name=name"
      net import csv outlook.csv --dry-run --json
      net import linkedin Connections.csv
      net import friends friends.md
      net import json quietnet.json
    """


@importing.command("vcard")
def import_vcard(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(metavar="FILE|FOLDER", help="A .vcf file, or a folder of them.", show_default=False),
    ],
    dry_run: DryRun = False,
    circle: NewCircle = "acquaintance",
    encoding: Encoding = "utf-8",
    skip_bad: Annotated[
        bool,
        typer.Option("--skip-bad-cards", "--skip-bad-rows", help="Import the good cards, list the bad ones."),
    ] = False,
    as_json: Json = False,
) -> None:
    """Import vCards (2.1, 3.0, 4.0) from a phone, iCloud, Google or a CardDAV folder.

    Examples:

    \b
      net import vcard contacts.vcf --dry-run
      net import vcard ~/.contacts/personal/ --circle network
    """
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.casefold() in (".vcf", ".vcard") and p.is_file())
        if not files:
            raise InputError(f"There are no .vcf files in {path}; nothing was imported.")
    else:
        files = [path]
    sources: list[TextFile] = []  # a folder's files share one import's bound
    for f in files:
        sources.append(TextFile(f, encoding=encoding, used=sum(s.size for s in sources)))
    total = sum(cards.count_cards(source.lines()) for source in sources)

    def read(tick: Callable[[], None]) -> Read:
        found = Read()
        for source in sources:
            vcard.read(source.lines(), source.source, today=context.today(), tick=tick, into=found)
        vcard.tag_groups(found)  # after every file: a folder holds a group and its members apart
        return found

    run_import(ctx, read, source=str(path), total=total, dry_run=dry_run, skip_bad=skip_bad, circle=circle,
               what="cards", skip_flag="--skip-bad-cards", as_json=as_json)  # fmt: skip


@importing.command("csv")
def import_csv(
    ctx: typer.Context,
    path: FileArg,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map", metavar="COLUMN=FIELD", help='Map a column to a field: "Full Name=name" (repeat).'
        ),
    ] = None,
    delimiter: Annotated[str, typer.Option(help="The cell separator: , ; | or tab.")] = ",",
    date_order: Annotated[
        str | None,
        typer.Option(
            "--date-order",
            metavar="mdy|dmy",
            help="Read dates like 4/12/1985 month first (mdy) or day first (dmy); Outlook's: mdy.",
            show_default=False,
        ),
    ] = None,
    encoding: Encoding = "utf-8",
    dry_run: DryRun = False,
    circle: NewCircle = "acquaintance",
    skip_bad: SkipBad = False,
    as_json: Json = False,
) -> None:
    """Import a CSV with a header: Google Contacts, Outlook, a spreadsheet, quietnet's own export.

    Columns are recognised by their header (Name, First Name, E-mail 1 - Value,
    Organization Title, Labels, Birthday, quietnet's field names...), and
    Outlook's whole header; --map names the rest. Rows without a person's
    name (a company alone) are left out and counted. A UTF-8 byte-order
    mark is fine; other encodings need --encoding and are never guessed.

    Examples:

    \b
      net import csv google.csv --dry-run
      net import csv people.csv --delimiter ";" --encoding cp1252 --map "Firma=company"
      net import csv outlook.csv --encoding cp1252 --date-order dmy
    """
    given = csvfile.parse_map(map_ or [])
    sep = csvfile.delimiter_of(delimiter)
    order = csvfile.date_order_of(date_order)
    source = TextFile(path, encoding=encoding)
    run_import(
        ctx,
        lambda tick: csvfile.read(source.lines(), str(path), delimiter=sep, given=given, date_order=order,
                                  today=context.today(), tick=tick),
        source=str(path), total=sum(1 for _ in source.lines()), dry_run=dry_run, skip_bad=skip_bad,
        circle=circle, what="rows", skip_flag="--skip-bad-rows", as_json=as_json,
    )  # fmt: skip


@importing.command("linkedin")
def import_linkedin(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            metavar="Connections.csv", help="LinkedIn's export, as downloaded.", show_default=False
        ),
    ],
    dry_run: DryRun = False,
    circle: NewCircle = "acquaintance",
    skip_bad: SkipBad = False,
    as_json: Json = False,
) -> None:
    """Import your LinkedIn connections (Settings > Data privacy > Get a copy of your data).

    The date you connected becomes the met date; the profile address goes to
    the notes of people who have none.

    Examples:

    \b
      net import linkedin Connections.csv --dry-run
      net import linkedin Connections.csv --skip-bad-rows
    """
    source = TextFile(path)
    run_import(
        ctx,
        lambda tick: linkedin.read(source.lines(), str(path), today=context.today(), tick=tick),
        source=str(path), total=sum(1 for _ in source.lines()), dry_run=dry_run, skip_bad=skip_bad,
        circle=circle, what="rows", skip_flag="--skip-bad-rows", as_json=as_json,
    )  # fmt: skip


@importing.command("friends")
def import_friends(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="friends.md", help="The friends tool's file.", show_default=False)
    ],
    dry_run: DryRun = False,
    circle: NewCircle = "acquaintance",
    skip_bad: Annotated[
        bool, typer.Option("--skip-bad-lines", help="Import the good lines and list the bad ones.")
    ] = False,
) -> None:
    """Import the friends.md of the friends command-line tool: friends, activities and notes.

    Friends come in with their nickname, location (as the city) and tags; each
    activity becomes one interaction with everyone it names in **bold** (its
    kind guessed from words like lunch or phone, else meet); each note a dated
    line in their notes. Importing the file again adds only what is new.

    Examples:

    \b
      net import friends ~/friends.md --dry-run
      net import friends ~/friends.md --circle friends
    """
    source = TextFile(path)
    run_import(
        ctx,
        lambda tick: friendsmd.read(source.lines(), str(path), today=context.today(), tick=tick),
        source=str(path), total=sum(1 for _ in source.lines()), dry_run=dry_run, skip_bad=skip_bad,
        circle=circle, what="lines", skip_flag="--skip-bad-lines",
    )  # fmt: skip


@importing.command("json")
def import_json(
    ctx: typer.Context,
    path: FileArg,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace everything in a store that already has data (asks).")
    ] = False,
    dry_run: DryRun = False,
    yes: Yes = False,
) -> None:
    """Restore a quietnet JSON export (net export json) into an empty store, exactly.

    A store that already has people, interactions or settings is refused
    unless you add --replace, which replaces all of it with the file (after a
    snapshot).

    Examples:

    \b
      net import json quietnet.json
      net --db ~/new.db import json quietnet.json
      net import json quietnet.json --replace --yes
    """
    c = context.get(ctx)
    source = str(path)
    # checked a record at a time; the records are read again as they are written
    document, found = jsonstream.read(path, source, schema_version=SCHEMA_VERSION, today=context.today())
    use_case.check(document, source=source)
    held = use_case.held(c, dry_run=dry_run, replace=replace)
    people = found["people"]
    if dry_run:
        verb = "replace everything in the store with" if any(held.values()) else "import"
        counts = [
            plural(people, "person", "people"),
            plural(found["interactions"], "interaction"),
            plural(found["helps"], "way you helped", "ways you helped"),
        ]
        loops = plural(found["loops"], "loop")
        say(f"Would {verb} {', '.join(counts)} and {loops} from {source}. Nothing was changed (dry run).")
        return
    if any(held.values()):
        context.confirm(
            f"Replace everything in the store ({plural(held['person'], 'person', 'people')}) "
            f"with {source} ({plural(people, 'person', 'people')})?",
            yes=yes,
        )
    loaded, snap = use_case.restore(c, document, source=source, replace=any(held.values()))
    if snap:
        note(f"A snapshot of the store before this import: {snap}")
    say(f"Imported {plural(loaded, 'person', 'people')} and everything about them from {source}.")
