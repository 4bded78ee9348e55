"""How an import reads on screen: the lines of its plan (``--dry-run``) and its summary."""

from quietnet.core.text import plural
from quietnet.io.contact import MAX_SHOWN, Problem
from quietnet.store.entries import EntryPlan
from quietnet.store.transfer import ImportPlan


def change_words(changes: dict[str, object], tags: list[str]) -> str:
    words = [k.replace("_", " ") for k in changes if k not in ("vcard", "card_uid")]
    if ("vcard" in changes or "card_uid" in changes) and not words:
        words.append("the original card")
    words += [f"+{t}" for t in tags]
    return ", ".join(words)


def plan_lines(planned: ImportPlan) -> list[str]:
    lines = []
    for step in planned.steps:
        c, t = step.contact, step.target
        where = f"{c.source}, line {c.line}"
        if step.action == "add":
            lines.append(f"  add      {c.name}  ({where})")
        elif step.action == "update" and t is not None:
            lines.append(f"  update   {t.name} (#{t.id}): {change_words(step.changes, step.tags)}  ({where})")
        elif step.action == "combine" and t is not None:
            lines.append(f"  combine  {c.name}: the same person as {t.seen_at}  ({where})")
        elif step.action == "skip":
            lines.append(f"  skip     {c.name}: {step.reason}  ({where})")
    return lines


def entry_lines(dated: EntryPlan) -> list[str]:
    lines = []
    for step in dated.steps:
        e = step.entry
        where = f"{e.source}, line {e.line}"
        if step.action == "log":
            kind = f"{e.kind} ({e.said})" if e.said and e.said != e.kind else e.kind
            lines.append(f"  log      {kind} with {step.names} on {e.day}  ({where})")
        elif step.action == "note":
            lines.append(f"  note     for {step.names} of {e.day}  ({where})")
        elif step.action == "skip":
            lines.append(f"  skip     the line of {e.day}: {step.reason}  ({where})")
    return lines


ENTRY_WORDS = (("log", "interaction", "logged"), ("note", "note", "added"),
                ("same", "line", "already there"), ("skip", "line", "skipped"))  # fmt: skip


def summary(planned: ImportPlan, *, dry_run: bool, dated: EntryPlan | None = None) -> str:
    added, updated = planned.count("add"), planned.count("update")
    parts = [f"{added} added", f"{updated} updated"]
    for action, words in (("same", "already up to date"), ("combine", "combined"), ("skip", "skipped")):
        if planned.count(action):
            parts.append(f"{planned.count(action)} {words}")
    if dated is not None:  # friends.md: its activities and notes
        for action, one, words in ENTRY_WORDS:
            if dated.count(action):
                parts.append(f"{plural(dated.count(action), one)} {words}")
    text = ", ".join(parts)
    return f"Would import: {text}. Nothing was changed (dry run)." if dry_run else f"{text.capitalize()}."


def left_out(nameless: list[Problem], what: str = "rows") -> list[str]:
    """The line saying which rows (or cards) had no person's name in them (skipped, not refused)."""
    if not nameless:
        return []
    n = len(nameless)
    lines = ", ".join(str(p.line) for p in nameless[:MAX_SHOWN])
    more = f" and {n - MAX_SHOWN} more" if n > MAX_SHOWN else ""
    rows, word = (f"1 {what.removesuffix('s')}", "line") if n == 1 else (f"{n} {what}", "lines")
    return [f"Left out {rows} without a person's name: {word} {lines}{more}."]
