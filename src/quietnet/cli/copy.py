"""`net copy`: move the whole store to another database (SQLite or PostgreSQL, either way)."""

import os
from pathlib import Path
from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.options import Yes
from quietnet.cli.output import refuse_store_files
from quietnet.core.text import plural
from quietnet.errors import InputError
from quietnet.ops import backup
from quietnet.ops import copy as copying

app = typer.Typer()


@app.command()
def copy(
    ctx: typer.Context,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            metavar="URL",
            help="The target: a file path or a database URL (postgresql://user@host/db).",
            show_default=False,
        ),
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace everything in a target that already holds data.")
    ] = False,
    yes: Yes = False,
) -> None:
    """Copy the whole store to another database: SQLite to PostgreSQL, or back, or file to file.

    Everything is copied (people, history, helps, loops, events, work,
    settings and the undo history) and then checked: the target must export
    exactly what the source exports, or nothing is kept. A target that already
    holds data is left alone unless you add --replace (it asks first; an
    SQLite target is snapshotted before it is replaced). Passwords in URLs
    are never shown; a ~/.pgpass file keeps them out of your shell history.

    Examples:

    \b
      net copy --to postgresql://ana@db.home/quietnet
      net --db postgresql://ana@db.home/quietnet copy --to ~/quietnet-laptop.db
      net copy --to postgresql://ana@db.home/quietnet --replace --yes
    """
    c = context.get(ctx)
    target = context.location(to)
    if target == c.store()[0]:
        raise InputError("That is the store itself; give another database to copy to.")
    if isinstance(target, Path):
        refuse_store_files(c, to, Path(os.path.realpath(target)))
    with c.read() as s:
        source = copying.read(s)
    shown = c.database().location
    database = copying.open_target(target, now=context.now, announce=note)
    try:
        with database.read() as s:
            people = copying.held(s)
        where = database.location
        snapshot = None
        if any(people.values()):
            if not replace:
                raise InputError(
                    f"{where} already holds {plural(people['person'], 'person', 'people')} and "
                    f"{plural(people['interaction'], 'interaction')}; nothing was copied.",
                    hint="Add --replace to replace everything there with this store (it asks first).",
                )
            context.confirm(
                f"Replace everything in {where} ({plural(people['person'], 'person', 'people')}) "
                f"with {shown} ({plural(source.people, 'person', 'people')})?",
                yes=yes,
            )
            if isinstance(target, Path):
                snapshot = str(backup.automatic(target, now=context.now(), reason="before-copy"))
        rows = copying.write(database, source, replace=replace)
    finally:
        database.close()
    if snapshot:
        note(f"A snapshot of {where} before it was replaced: {snapshot}")
    copied = f"{plural(source.people, 'person', 'people')} ({plural(rows, 'record')})"
    say(f"Copied {copied} to {where}; its export matches this store's exactly.")
