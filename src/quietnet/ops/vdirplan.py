"""What `net sync vdir` does, as data: the plan (per card: in, out, conflicts, left alone), its options.

`ops/vdirsync.py` makes it; `cli/sync_plan.py` words it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CHANGED = "it changed while we were asking; run net sync vdir again"
Choices = Mapping[tuple[str, str], str]  # (href, field) -> "store" | "folder"


@dataclass(frozen=True)
class Conflict:
    href: str
    name: str
    field: str
    store: Any
    folder: Any


@dataclass
class VdirPlan:
    """What a sync does (or, on a dry run, would do)."""

    incoming: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (href, name, values)
    outgoing: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    added: list[tuple[str, str]] = field(default_factory=list)  # (href, name): new people
    linked: list[tuple[str, str]] = field(default_factory=list)  # (href, name): matched for the first time
    conflicts: list[Conflict] = field(default_factory=list)  # left as they are
    gone: list[tuple[str, str]] = field(default_factory=list)  # (href, name): card no longer in the folder
    archived: list[tuple[str, str]] = field(default_factory=list)
    forgotten: list[str] = field(default_factory=list)  # cards of people forgotten, kept
    removed: list[str] = field(default_factory=list)  # cards of people forgotten, removed
    without: list[str] = field(default_factory=list)  # names of people with no card (not written)
    exported: list[tuple[str, str]] = field(default_factory=list)  # (href, name): new cards
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (href, why)
    told: list[tuple[str, str]] = field(default_factory=list)  # (href, what happened to it besides)
    first: bool = False  # this folder was never synced with this store
    state_writes: int = 0  # rows of sync state that change

    @property
    def writes(self) -> bool:
        return bool(
            self.incoming or self.outgoing or self.added or self.linked or self.archived or self.removed
            or self.exported or self.state_writes
        )  # fmt: skip


@dataclass(frozen=True)
class Options:
    prefer: str | None = None  # "store" | "folder"
    archive_missing: bool = False
    delete: bool = False
    export_new: bool = False
    circle: str = "acquaintance"
    rev: str = ""  # REV of a card written now (20261206T224900Z); the CLI reads the clock
