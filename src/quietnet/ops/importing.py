"""`net import ...`: read, check, plan, then snapshot and write in one transaction.

The command (``cli/transfer.py``) parses its options, draws the progress and
says what happened; this holds the steps and their rules: how many records one
import takes, when bad records stop it, that a dry run creates nothing (not
even the store), and that the plan written is made again inside the write
transaction, against the store as it is then. `net import json` fills an
empty store only, unless replacing everything (``held``, ``restore``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from quietnet.core.text import plural
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.io.contact import Problem, Read, refusal
from quietnet.io.reading import MAX_RECORDS
from quietnet.store import dump, entries, journal, transfer
from quietnet.store.entries import EntryPlan
from quietnet.store.transfer import ImportPlan

Tick = Callable[[], None]
# A progress display: given a label and a total, a context that yields what to call per step.
Progress = Callable[[str, int], AbstractContextManager[Tick]]


class Where(Protocol):
    """The store an import works on (``cli/context.py`` Context is one)."""

    def exists(self) -> bool: ...
    def read(self) -> AbstractContextManager[Session]: ...
    def write(self, command: str) -> AbstractContextManager[Session]: ...
    def snapshot(self, reason: str) -> str | None: ...


@dataclass(frozen=True)
class Imported:
    """What an import did (or, on a dry run, would do)."""

    planned: ImportPlan
    problems: list[Problem]  # records that could not be read (only with --skip-bad-...)
    ignored: list[str]  # columns no field was mapped to
    snapshot: str | None = None  # the snapshot taken before writing, if any
    nameless: list[Problem] = field(default_factory=list)  # rows left out: no person's name in them
    said: list[str] = field(default_factory=list)  # how the file was read (Outlook's dates...)
    dated: EntryPlan = field(default_factory=lambda: EntryPlan([]))  # activities and notes (friends.md)


def run_import(
    where: Where,
    read: Callable[[Tick], Read],
    *,
    source: str,
    total: int,
    dry_run: bool,
    skip_bad: bool,
    circle: str,
    what: str,
    skip_flag: str,
    progress: Progress,
) -> Imported:
    """Read, check, plan, then (unless a dry run) snapshot and write in one transaction."""
    if total > MAX_RECORDS + (what != "cards"):  # a CSV's header line may come first; cards have none
        raise InputError(
            f"{source} has {total:,} {what}, more than the {MAX_RECORDS:,} one import takes; nothing was "
            "imported. Split it and import the parts one after another."
        )
    with progress(f"Reading {source}", total) as tick:
        found = read(tick)
    if found.problems and not skip_bad:
        raise refusal(found.problems, what=what, skip_flag=skip_flag)
    if dry_run and not where.exists():  # a dry run creates nothing, not even the store
        planned = transfer.plan(None, found.contacts, circle=circle)
        dated = entries.plan(None, planned, found.entries)
    else:
        with where.read() as s:
            planned = transfer.plan(s, found.contacts, circle=circle)
            dated = entries.plan(s, planned, found.entries)
    if dry_run or not (planned.writes or dated.writes):
        return Imported(
            planned, found.problems, found.ignored, nameless=found.nameless, said=found.said, dated=dated
        )
    del planned, dated  # planned again inside the write, against the store as it is then: one plan in memory
    snap = where.snapshot("before-import")
    with where.write("import") as s:
        planned = transfer.plan(s, found.contacts, circle=circle)
        with progress(f"Importing {source}", len(planned.steps)) as tick:
            touched = transfer.apply(s, planned, tick=tick)
        dated = entries.plan(s, planned, found.entries)
        count = len(set(touched + entries.apply(s, dated)))
        journal.describe(s, f"Imported {count} {'person' if count == 1 else 'people'} from {source}")
    return Imported(
        planned, found.problems, found.ignored, snap, nameless=found.nameless, said=found.said, dated=dated
    )


def check(document: dict[str, Any], *, source: str) -> None:
    """What can be checked before a store is opened (or made): the settings and the table names."""
    from quietnet.core.me import MY_EMAILS, parse_emails
    from quietnet.core.settings import Settings
    from quietnet.store.settings import OTHER_PREFIXES

    given = document.get("settings", {})
    try:
        Settings.from_dict({k: v for k, v in given.items() if not str(k).startswith(OTHER_PREFIXES)})
        if MY_EMAILS in given:
            parse_emails(given[MY_EMAILS] if isinstance(given[MY_EMAILS], list) else [given[MY_EMAILS]])
        dump.check_tables(document.get("tables", {}))
    except InputError as exc:
        raise InputError(f"{source}: {exc.message} Nothing was imported.") from None


def held(where: Where, *, dry_run: bool, replace: bool) -> dict[str, int]:
    """What a store holds before `net import json`; refused unless it is empty or being replaced."""
    found = {"person": 0, "interaction": 0}
    if not (dry_run and not where.exists()):  # a dry run creates nothing, not even the store
        with where.read() as s:
            found = dump.counts(s)
    if any(found.values()) and not replace:
        raise InputError(
            f"The store already holds {plural(found['person'], 'person', 'people')} and "
            f"{plural(found['interaction'], 'interaction')}; "
            "net import json only fills an empty store. Nothing was imported.",
            hint="Use an empty store (net --db NEW.db import json FILE), or add --replace to replace "
            "everything in this one with the file (a snapshot is taken first).",
        )
    return found


def restore(where: Where, document: dict[str, Any], *, source: str, replace: bool) -> tuple[int, str | None]:
    """Write a checked export into the store (emptied first when replacing), after a snapshot.

    All or nothing; returns the people loaded and the snapshot taken, if any.
    """
    snap = where.snapshot("before-import")
    try:
        with where.write("import") as s:
            if replace:
                dump.clear(s)
            loaded = dump.load(s, document)  # checks the settings too (all or nothing)
            journal.describe(s, f"Imported {plural(loaded, 'person', 'people')} from {source}", always=True)
    except InputError as exc:
        raise InputError(f"{source}: {exc.message} Nothing was imported.") from None
    return loaded, snap
