"""The dated lines an import brings besides people (friends.md activities and notes): plan, then write.

Planned after the people of the same import (``transfer.plan``), whose targets
say who each name is. An activity becomes one interaction with everyone it
names, unless one with the same day and words already involves the first of
them (so importing the file again logs nothing twice). A note becomes a line
``YYYY-MM-DD: words`` in each named person's notes, unless that line is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from quietnet.core.details import Entry
from quietnet.core.fields import MAX_TEXT
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.store import interactions, journal, state
from quietnet.store.journal import stamp
from quietnet.store.settings import load
from quietnet.store.transfer import ImportPlan, Target


@dataclass
class EntryStep:
    entry: Entry
    action: str  # "log" | "note" | "same" | "skip"
    targets: list[Target] = field(default_factory=list)  # who it is logged with, or whose notes grow
    reason: str = ""

    @property
    def names(self) -> str:
        return ", ".join(t.name for t in self.targets)


@dataclass
class EntryPlan:
    steps: list[EntryStep]

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action)

    @property
    def writes(self) -> bool:
        return any(step.action in ("log", "note") for step in self.steps)


def note_line(entry: Entry) -> str:
    return f"{entry.day.isoformat()}: {entry.text}"


def plan(s: Session | None, people: ImportPlan, entries: Iterable[Entry]) -> EntryPlan:
    """What the entries would add once ``people`` (planned in the same session) is written; writes nothing."""
    who: dict[str, Target | str] = {}  # a folded name: the person it is, or why they are not imported
    for p in people.steps:
        key = fold(p.contact.name)
        if p.target is not None:
            who.setdefault(key, p.target)
        else:
            who.setdefault(key, f"{p.contact.name} is not imported ({p.reason.rstrip('.')}).")
    notes: dict[int, str] = {}  # id(target): their notes with what this import adds
    steps = []
    for entry in entries:
        if not entry.names:
            steps.append(EntryStep(entry, "skip", reason="it names no one in **bold**."))
            continue
        found = [who.get(fold(name), f"{name} is not imported.") for name in entry.names]
        if why := [f for f in found if isinstance(f, str)]:
            steps.append(EntryStep(entry, "skip", reason=why[0]))
            continue
        targets = list(dict.fromkeys(t for t in found if isinstance(t, Target)))
        if entry.kind is not None:
            same = targets[0].id is not None and s is not None and _logged(s, targets[0].id, entry)
            steps.append(EntryStep(entry, "same" if same else "log", targets))
            continue
        line, lacking = note_line(entry), []
        for t in targets:
            held = notes.get(id(t), t.values.get("notes") or "")
            if line not in held.splitlines():
                lacking.append(t)
                notes[id(t)] = f"{held}\n{line}" if held else line
        if too_long := [t for t in lacking if len(notes[id(t)]) > MAX_TEXT]:
            reason = f"{too_long[0].name}'s notes would be longer than {MAX_TEXT:,} characters."
            steps.append(EntryStep(entry, "skip", reason=reason))
            continue
        steps.append(EntryStep(entry, "note" if lacking else "same", lacking or targets))
    return EntryPlan(steps)


def _logged(s: Session, person_id: int, entry: Entry) -> bool:
    row = s.one(
        "SELECT i.id FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id"
        " WHERE ip.person_id = ? AND i.day = ? AND i.note = ? LIMIT 1",
        (person_id, entry.day.isoformat(), entry.text),
    )
    return row is not None


def apply(s: Session, planned: EntryPlan) -> list[int]:
    """Write a plan made in the same transaction, after its people; returns the people it touched."""
    now = stamp(s)
    touched: list[int] = []
    for step in planned.steps:
        ids = [t.id for t in step.targets if t.id is not None]
        if step.action == "log":
            e = step.entry
            interactions.log(s, person_ids=ids, kind=e.kind or "meet", day=e.day, said=e.said, note=e.text,
                             refresh=False)  # fmt: skip
        elif step.action == "note":
            for t in step.targets:
                held = t.values.get("notes") or ""
                t.values["notes"] = f"{held}\n{note_line(step.entry)}" if held else note_line(step.entry)
                if t.id is not None:
                    journal.update(s, "person", (t.id,), {"notes": t.values["notes"], "updated_at": now})
        touched += ids
    touched = list(dict.fromkeys(touched))
    state.refresh(s, touched, load(s))
    return touched
