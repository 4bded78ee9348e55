"""The bad-input catalogue's shared store and check (tests/test_catalogue*.py).

Every entry runs one hostile command line through the real CLI against a copy
of a store that already holds people, logs, helps, loops, a saved idea, an
introduction and a forgotten person, and checks: the exit code, the exact
sentence on stderr, no traceback, nothing on stdout, and the store unchanged,
both as a full ``net export json`` (the user's view: it carries no export
time, so nothing needs normalising) and as the bytes of the file and its WAL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import TODAY, Net, files, ok

# Ids are fixed by the order: Ana #1, Sam Green #2, Sam Brown #3, a second Sam
# Green #4, 100% Real #5, a_b #6, axb #7, the markup name #8, Gone Person #9
# (forgotten last, so #9 is a forgotten id), Lena Park #10.
SEED: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close", "--city", "Lisbon"),
    ("add", "Sam Green"),
    ("add", "Sam Brown"),
    ("add", "Sam Green", "--yes"),
    ("add", "100% Real"),
    ("add", "a_b"),
    ("add", "axb"),
    ("add", "[bold]Mark[/bold] Up", "--note", "[red]not red[/red] [link=https://x.example]y[/link]"),
    ("add", "Gone Person"),
    ("add", "Lena Park", "--circle", "friends"),
    ("log", "ana", "coffee", "--on", "2025-06-10", "--note", "new studio"),
    ("log", "#9", "lena", "call", "--on", "2025-06-12"),
    ("helped", "sam brown", "lent a drill"),
    ("promise", "ana", "intro to Priya"),  # loop #1, open
    ("need", "sam brown", "a flat"),  # loop #2, closed next
    ("done", "2"),
    ("promise", "#9", "send the book"),  # loop #3, gone with its person
    ("give", "ana", "--save", "the pricing article"),
    ("intro", "ana", "lena", "both are into type design"),  # introduction #1
    ("forget", "#9", "--yes"),
)

FORGOTTEN = "#9"


def build_seeded(folder: Path) -> bytes:
    """The bytes of a store holding ``SEED`` (WAL checkpointed: the file says it all)."""
    path = folder / "net.db"
    net = Net()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        for args in SEED:
            result = net("--db", str(path), *args)
            assert result.code == 0, (args, result)
    assert not path.with_name("net.db-wal").exists() or path.with_name("net.db-wal").stat().st_size == 0
    return path.read_bytes()


def export(net: Net) -> str:
    """The whole store as the user can take it away."""
    return ok(net, "export", "json")


@dataclass(frozen=True)
class Refusal:
    """One hostile command line and the one calm answer it must get."""

    args: tuple[str, ...]
    err: str  # stderr, exactly (without the final newline)
    code: int = 1

    @property
    def id(self) -> str:
        text = " ".join(a if len(a) < 30 else f"<{len(a):,} chars>" for a in self.args)
        return text.encode("unicode_escape").decode()[:60]


def ids(cases: list[Refusal]) -> list[str]:
    return [c.id for c in cases]


def check_refused(net: Net, store: Path, case: Refusal, *, input: str | None = None) -> None:
    """Run ``case`` and prove it was refused calmly and changed nothing."""
    before, before_files = export(net), files(store)
    result = net(*case.args, input=input)
    assert "Traceback" not in result.err + result.out, result
    assert (result.code, result.err) == (case.code, case.err + "\n"), result
    assert result.out == "", result
    assert files(store) == before_files
    assert export(net) == before
