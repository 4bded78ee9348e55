"""`net backup`, `net backups`, `net restore` and `net doctor`: copies you can trust, and a health check."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.options import Json, Yes
from quietnet.core.text import visible

if TYPE_CHECKING:
    from quietnet.engine.url import ServerUrl

app = typer.Typer()


def _size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{n} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover


@app.command()
def backup(
    ctx: typer.Context,
    to: Annotated[
        Path | None, typer.Option("--to", metavar="PATH", help="Write the copy here (a file or a folder).")
    ] = None,
    keep: Annotated[
        int, typer.Option(min=1, help="How many recent backups to keep (plus the newest of each month).")
    ] = 10,
) -> None:
    """A verified copy of the store, kept beside it in backups/ (the last 10 plus one a month).

    The copy is made with SQLite's VACUUM INTO while the store stays usable,
    checked, synced to disk and renamed into place. With --to it goes
    wherever you say (an external disk, a synced folder) and is not rotated.

    Examples:

    \b
      net backup
      net backup --to /media/usb/
    """
    from quietnet.ops import backup as backups

    c = context.get(ctx)
    store = c.store_path()[0]
    if to is not None:
        import os

        from quietnet.cli.output import refuse_store_files

        refuse_store_files(c, str(to), Path(os.path.realpath(to.expanduser())), backups=False)
    path, removed = backups.backup(store, now=context.now(), to=to, keep=keep)
    say(f"Backed up to {visible(str(path))} ({_size(path.stat().st_size)}).")
    if removed:
        say(
            f"Removed {len(removed)} older backup{'s' * (len(removed) != 1)}"
            f" (keeping {keep} plus one a month)."
        )


@app.command()
def backups(ctx: typer.Context, json_: Json = False) -> None:
    """The backups and snapshots kept beside the store, newest first.

    Examples:

    \b
      net backups
      net backups --json
    """
    from quietnet.ops import backup
    from quietnet.render.console import to_json

    path, _ = context.get(ctx).store_path()
    found = backup.list_backups(path)
    if json_:
        say(to_json([
            {"path": str(b.path), "size": b.size, "taken": b.taken, "reason": b.reason, "schema": b.schema}
            for b in found
        ]))  # fmt: skip
        return
    if not found:
        say(f"No backups beside {path} yet. Make one with: net backup")
        return
    say(f"Backups of {path}, newest first:")
    for b in found:
        schema = f"schema {b.schema}" if b.schema is not None else "not a quietnet store"
        taken = b.taken.strftime("%Y-%m-%d %H:%M UTC")
        say(f"  {taken}  {_size(b.size):>10}  {schema}  {b.reason:<16} {b.path}")


@app.command()
def restore(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A backup (a path, or a name from net backups).", show_default=False
        ),
    ],
    yes: Yes = False,
) -> None:
    """Put a backup back: verified first, the current store snapshotted, then replaced at once. Asks first.

    Examples:

    \b
      net restore ~/.local/share/quietnet/backups/net-20250601-080000-backup.db
      net restore net-20250601-080000-backup.db --yes
    """
    from quietnet.engine.constants import SCHEMA_VERSION
    from quietnet.engine.snapshot import backups_folder
    from quietnet.errors import InputError
    from quietnet.ops import backup

    c = context.get(ctx)
    c.close()  # restore works on files: no connection of ours stays open on the store
    path, is_default = c.store_path()
    source = file.expanduser()
    if not source.exists() and (backups_folder(path) / file.name).is_file() and file.name == str(file):
        source = backups_folder(path) / file.name
    source = source.resolve()
    found = backup.verify(source)
    if is_default and not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if source == path.resolve():
        raise InputError("That is the store itself; choose a backup to restore.")
    current = "the current store"
    if path.exists() and path.stat().st_size:
        try:
            current = f"the current store ({backup.verify(path).people} people)"
        except InputError:
            current = "the current store (it could not be read)"
        context.confirm(
            f"Replace {current} at {path} with {source.name} ({found.people} people)? "
            "The current store is kept as a snapshot first.",
            yes=yes,
        )
    previous = backup.restore(path.resolve(), source, now=context.now())
    say(f"Restored {path} from {source} ({found.people} people).")
    if previous is not None:
        note(f"The store as it was before: {previous}")
    if found.schema < SCHEMA_VERSION:
        note(f"It uses schema {found.schema}; the next command upgrades it (after a snapshot).")


@app.command()
def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool, typer.Option("--fix", help="Fix what is safe to fix: file permissions, scheduling summaries.")
    ] = False,
    json_: Json = False,
) -> None:
    """Check the store: integrity, links, schema, permissions, location, scheduling summaries.

    Exits 0 when all is well and 1 when something needs a look, saying what
    to do about each finding. On PostgreSQL it also reports the server's
    version and how long a round trip to it takes.

    Examples:

    \b
      net doctor
      net doctor --fix
    """
    from quietnet.ops import doctor as checks
    from quietnet.render.console import to_json

    c = context.get(ctx)
    where, _ = c.store()
    if not isinstance(where, Path):
        _server_doctor(where, fix=fix, json_=json_)
        return
    path = where
    report = checks.examine(path, now=context.now)
    if fix and not report.healthy:
        checks.fix_permissions(path)
        if report.stale or report.stale_keys:
            from quietnet.store import derived, journal, state

            with c.write("doctor") as s:
                derived.rebuild_keys(s)
                state.refresh(s, report.stale)
                journal.describe(s, "Rebuilt scheduling summaries and search keys")
            c.close()
        report = checks.examine(path, now=context.now)
    if json_:
        say(to_json({
            "path": str(path), "schema": report.schema, "people": report.people, "healthy": report.healthy,
            "findings": [{"check": f.check, "problem": f.problem, "fix": f.fix} for f in report.findings],
            "notes": report.notes,
        }))  # fmt: skip
    else:
        facts = [f"schema {report.schema}"] if report.schema is not None else []
        facts += [f"{report.people} people"] if report.people is not None else []
        say(f"Store: {path}" + (f" ({', '.join(facts)})" if facts else ""))
        if report.healthy:
            say(
                "All is well: integrity, links, permissions, location, scheduling summaries and search keys"
                " checked."
            )
        else:
            count = len(report.findings)
            say(f"{count} thing{'s' * (count != 1)} to look at:")
            for f in report.findings:
                say(f"  - {f.problem}")
                say(f"    What to do: {f.fix}")
        for line in report.notes:
            say(line)
    if not report.healthy:
        raise typer.Exit(1)


def _server_doctor(url: "ServerUrl", *, fix: bool, json_: bool) -> None:
    """`net doctor` on PostgreSQL: the server, the schema, the scheduling summaries."""
    from quietnet.engine.constants import SCHEMA_VERSION
    from quietnet.engine.server import health, open_pg, stored_version
    from quietnet.ops import doctor as checks
    from quietnet.render.console import to_json

    database = open_pg(url, now=context.now, migrate=False)  # a check never changes the schema
    try:
        version, latency = health(database)
        schema = stored_version(database.conn, url)
        with database.read() as s:
            people = int(s.scalar("SELECT count(*) FROM person")) if schema else 0
        stale = checks.stale_summaries(database) if schema == SCHEMA_VERSION else []
        if fix and stale:
            from quietnet.store import journal, state

            with database.write("doctor") as s:
                state.refresh(s, stale)
                journal.describe(s, "Rebuilt scheduling summaries")
            stale = checks.stale_summaries(database)
    finally:
        database.close()
    findings = (
        [f"{len(stale)} people's scheduling summaries don't match their interactions."] if stale else []
    )
    notes = [] if schema >= SCHEMA_VERSION else [
        f"The store uses schema {schema}; the next command upgrades it to {SCHEMA_VERSION}."
    ]  # fmt: skip
    if json_:
        say(to_json({
            "path": url.shown, "schema": schema, "people": people, "healthy": not findings,
            "server": {"version": version, "latency_ms": round(latency, 2)},
            "findings": [{"check": "summaries", "problem": f, "fix": "net doctor --fix"} for f in findings],
            "notes": notes,
        }))  # fmt: skip
    else:
        say(f"Store: {url.shown} (schema {schema}, {people} people)")
        say(f"Server: PostgreSQL {version}, {latency:.1f} ms a round trip.")
        if findings:
            say(f"1 thing to look at:\n  - {findings[0]}")
            say("    What to do: Run net doctor --fix to rebuild them from the interactions.")
        else:
            say("All is well: schema and scheduling summaries checked; the server keeps integrity and links.")
        for line in notes:
            say(line)
    if findings:
        raise typer.Exit(1)
