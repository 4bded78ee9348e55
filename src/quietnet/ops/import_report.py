"""What `net import ... --json` prints: the plan of an import (or what it did), as data for scripts.

The document is a contract (docs/moving-in.md shows it): ``source``,
``dry_run``, ``counts`` (each action, the rows that could not be read and the
rows without a person's name), ``steps`` (one per record read, in file order),
``bad`` and ``nameless`` (file and line), ``ignored_columns``, ``notes`` (how
the file was read, such as Outlook's month-first dates) and ``snapshot`` (the
snapshot taken before writing; null on a dry run).
"""

from __future__ import annotations

from typing import Any

from quietnet.ops.importing import Imported
from quietnet.store.transfer import Step

ACTIONS = ("add", "update", "same", "combine", "skip")
_CARD = ("vcard", "card_uid")  # the original card: said as "card", not copied


def document(done: Imported, *, source: str, dry_run: bool) -> dict[str, Any]:
    """The import as one JSON-ready dict."""
    planned = done.planned
    counts = {action: planned.count(action) for action in ACTIONS}
    counts |= {"bad": len(done.problems), "nameless": len(done.nameless)}
    return {
        "source": source,
        "dry_run": dry_run,
        "counts": counts,
        "steps": [_step(step) for step in planned.steps],
        "bad": [{"source": p.source, "line": p.line, "reason": p.reason} for p in done.problems],
        "nameless": [{"source": p.source, "line": p.line} for p in done.nameless],
        "ignored_columns": list(done.ignored),
        "notes": list(done.said),
        "snapshot": done.snapshot,
    }


def _step(step: Step) -> dict[str, Any]:
    c, t = step.contact, step.target
    if step.action == "add":
        changes = {k: v for k, v in (t.values if t else {}).items() if k not in _CARD and v not in (None, "")}
        tags, card = list(t.tags if t else c.tags), c.card is not None
    else:
        changes = {k: v for k, v in step.changes.items() if k not in _CARD}
        tags, card = list(step.tags), "vcard" in step.changes
    person = None if t is None else {"id": t.id, "name": t.name}  # id null: not in the store yet
    return {
        "action": step.action,
        "source": c.source,
        "line": c.line,
        "name": c.name,
        "person": person,
        "changes": changes,
        "tags": tags,
        "card": card,
        "reason": step.reason or None,
    }
