"""The words of `net sync vdir`: the plan, what stays as it is, the summary, the questions."""

from typing import Any

import typer

from quietnet.cli.context import say
from quietnet.core.text import plural
from quietnet.ops.vdirfolder import Folder
from quietnet.ops.vdirfolder import file_name as file
from quietnet.ops.vdirplan import Choices, Conflict, VdirPlan


def _value(value: Any) -> str:
    return "nothing" if value in (None, "") else f'"{value}"'


def _details(values: dict[str, Any]) -> str:
    return ", ".join(f"{key} {_value(value)}" for key, value in values.items())


def plan_lines(plan: VdirPlan) -> list[str]:
    """One line per card the sync writes or a person it adds or changes."""
    lines = [f"  new      {name} ({file(href)})" for href, name in plan.added]
    lines += [f"  matched  {name} ({file(href)})" for href, name in plan.linked]
    lines += [f"  in       {name} ({file(href)}): {_details(values)}" for href, name, values in plan.incoming]
    lines += [f"  out      {name} ({file(href)}): {_details(values)}" for href, name, values in plan.outgoing]
    lines += [f"  card     {name}: a new card, {file(href)}" for href, name in plan.exported]
    lines += [f"  archived {name}: {file(href)} is no longer in the folder" for href, name in plan.archived]
    lines += [f"  removed  {file(href)}: the card of someone you forgot" for href in plan.removed]
    return lines


def notes(plan: VdirPlan, folder: Folder, *, prefer: str | None) -> list[str]:
    """What the sync leaves as it is, and why; shown on every run until it is settled."""
    lines = []
    if plan.conflicts:
        how = "" if prefer else " (--prefer store or --prefer folder picks a side)"
        lines.append(f"Changed on both sides since the last sync, left as they are{how}:")
        lines += [
            f"  {c.name} ({file(c.href)}), {c.field}: here {_value(c.store)}, in the card {_value(c.folder)}"
            for c in plan.conflicts
        ]
    for href, name in plan.gone:
        lines.append(
            f"{name}'s card ({file(href)}) is no longer in the folder; they stay in your store "
            "(--archive-missing archives them)."
        )
    lines += [
        f"{file(href)} is the card of someone you forgot; it stays (--delete removes it)."
        for href in plan.forgotten
    ]
    lines += [f"Not synced: {file(href)}: {why}" for href, why in plan.skipped]
    lines += [f"{file(href)}: {what}" for href, what in plan.told]
    lines += [f"Left as it is: {file(href)} ({why})." for href, why in folder.left]
    lines += [f"Left alone: {file(p.source)}, line {p.line}: {p.reason}" for p in folder.problems]
    if plan.without:
        who = plural(len(plan.without), "person has", "people have")
        lines.append(f"{who} no card in the folder (--export-new writes one each).")
    return lines


def result(plan: VdirPlan, where: str, *, dry_run: bool, listed: bool = False) -> str:
    """The summary line (``listed``: the folder has files left alone, named below)."""
    done = [
        plural(len(plan.incoming), "card") + " brought details in" if plan.incoming else "",
        plural(len(plan.outgoing), "card") + " updated" if plan.outgoing else "",
        plural(len(plan.added), "person", "people") + " added" if plan.added else "",
        plural(len(plan.linked), "card") + " matched" if plan.linked else "",
        plural(len(plan.exported), "new card") if plan.exported else "",
        plural(len(plan.archived), "person", "people") + " archived" if plan.archived else "",
        plural(len(plan.removed), "card") + " removed" if plan.removed else "",
    ]
    said = ", ".join(d for d in done if d)
    if not plan.writes:
        if listed or plan.conflicts or plan.gone or plan.forgotten or plan.skipped:
            return f"Nothing to sync in {where} but what is listed below."
        return f"Nothing to sync: {where} and the store agree."
    if not said:
        said = "the sync state brought up to date"
    return f"Would sync {where}: {said}." if dry_run else f"Synced {where}: {said}."


def ask(conflicts: list[Conflict]) -> Choices:
    """On a terminal: which side each detail changed on both sides keeps."""
    choices: dict[tuple[str, str], str] = {}
    for c in conflicts:
        say(f"{c.name} ({file(c.href)}), {c.field}: here {_value(c.store)}, in the card {_value(c.folder)}.")
        while True:
            answer = typer.prompt("Keep [h]ere, the [c]ard, or [l]eave both as they are?", default="l")
            picked = answer.strip().casefold()[:1]
            if picked in ("h", "c", "l"):
                break
        if picked != "l":
            choices[(c.href, c.field)] = "store" if picked == "h" else "folder"
    return choices
