"""`net backup`, `net backups`, `net restore` and `net doctor`: copies you can trust, and a health check."""

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from quietnet.cli import context
from quietnet.cli.context import note, say
from quietnet.cli.options import Json, Yes
from quietnet.cli.output import checked_path, refuse_store_files
from quietnet.core.text import plural
from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.engine.snapshot import backups_folder
from quietnet.engine.url import ServerUrl
from quietnet.errors import InputError
from quietnet.ops import backup as kept
from quietnet.ops import doctor as checks
from quietnet.ops.doctor import DoctorReport
from quietnet.render.console import to_json

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
    c = context.get(ctx)
    store = c.store_path()[0]
    if to is not None:
        refuse_store_files(c, str(to), Path(os.path.realpath(to.expanduser())), backups=False)
    path, removed = kept.backup(store, now=context.now(), to=to, keep=keep)
    say(f"Backed up to {path} ({_size(path.stat().st_size)}).")
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
    path, _ = context.get(ctx).store_path()
    found = kept.list_backups(path)
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
    c = context.get(ctx)
    c.close()  # restore works on files: no connection of ours stays open on the store
    path, is_default = c.store_path()
    checked_path(str(file))
    source = file.expanduser()
    if not source.exists() and (backups_folder(path) / file.name).is_file() and file.name == str(file):
        source = backups_folder(path) / file.name
    source = source.resolve()
    found = kept.verify(source)
    if is_default and not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    if source == path.resolve():
        raise InputError("That is the store itself; choose a backup to restore.")
    current = "the current store"
    if path.exists() and path.stat().st_size:
        try:
            current = f"the current store ({plural(kept.verify(path).people, 'person', 'people')})"
        except InputError:
            current = "the current store (it could not be read)"
        context.confirm(
            f"Replace {current} at {path} with {source.name} ({plural(found.people, 'person', 'people')})? "
            "The current store is kept as a snapshot first.",
            yes=yes,
        )
    previous = kept.restore(path.resolve(), source, now=context.now())
    say(f"Restored {path} from {source} ({plural(found.people, 'person', 'people')}).")
    if previous is not None:
        note(f"The store as it was before: {previous}")
    if found.schema < SCHEMA_VERSION:
        note(f"It uses schema {found.schema}; the next command upgrades it (after a snapshot).")


@app.command()
def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Fix what is safe to fix: file permissions, scheduling summaries, search keys."
        ),
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
    where, _ = context.get(ctx).store()
    if isinstance(where, Path):
        report = checks.examine(where, now=context.now, fix=fix)
    else:
        report = checks.examine_server(where, now=context.now, fix=fix)
    if json_:
        say(to_json(_doctor_json(report)))
    else:
        _say_doctor(report)
    if not report.healthy:
        raise typer.Exit(1)


def _doctor_json(report: DoctorReport) -> dict[str, Any]:
    found: dict[str, Any] = {
        "path": report.path.shown if isinstance(report.path, ServerUrl) else str(report.path),
        "schema": report.schema, "people": report.people, "healthy": report.healthy,
    }  # fmt: skip
    if report.server is not None:
        found["server"] = {"version": report.server, "latency_ms": round(report.latency, 2)}
    found["findings"] = [{"check": f.check, "problem": f.problem, "fix": f.fix} for f in report.findings]
    found["notes"] = report.notes
    return found


def _say_doctor(report: DoctorReport) -> None:
    facts = [f"schema {report.schema}"] if report.schema is not None else []
    facts += [f"{plural(report.people, 'person', 'people')}"] if report.people is not None else []
    if isinstance(report.path, ServerUrl):
        say(f"Store: {report.path.shown} ({', '.join(facts)})")
        say(f"Server: PostgreSQL {report.server}, {report.latency:.1f} ms a round trip.")
        checked = "schema, scheduling summaries and search keys checked; the server keeps integrity and links"
    else:
        say(f"Store: {report.path}" + (f" ({', '.join(facts)})" if facts else ""))
        checked = "integrity, links, permissions, location, scheduling summaries and search keys checked"
    if report.healthy:
        say(f"All is well: {checked}.")
    else:
        count = len(report.findings)
        say(f"{count} thing{'s' * (count != 1)} to look at:")
        for f in report.findings:
            say(f"  - {f.problem}")
            say(f"    What to do: {f.fix}")
    for line in report.notes:
        say(line)
