"""The model of test_model.py: what the store should hold (World), the words it draws, and a lean `net`."""

from __future__ import annotations

import io
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import typer.main

from quietnet.cli.app import command_of, make_app
from quietnet.cli.commands import COMMANDS
from tests.helpers import TODAY, Result

DAY = date.fromisoformat(TODAY)
DAILY_MAX = 3  # the default; the model never changes settings
# The decomposed "Zoe\u0308" is stored as the composed "Zoë" (NFC).
NAMES = ("Zoë", "Zoe\u0308", "O'Brien", "李雷", "Eve [/]", "Ana Ruiz")
CITIES = ("Lisbon", "São Paulo", "Zürich")
TAGS = ("novel", "climbing", "work")
KIND_WORDS = ("coffee", "lunch", "call", "phone", "email", "sms", "dm", "video", "birthday", "like", "walk")
PAST = ("yesterday", "2025-06-01", "3 days ago", "last tue", "2024-12-25")
SNOOZES = {
    ("--for", "2 weeks"): date(2025, 7, 3),
    ("--until", "2025-09-01"): date(2025, 9, 1),
    ("--off",): None,
}
WHAT = ("intro to Sam", "a book on climbing", "草稿 review", "lent a drill")


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    circle: str = "network"
    city: str | None = None
    tags: frozenset[str] = frozenset()
    archived: bool = False
    snoozed_until: date | None = None
    interactions: int = 0


@dataclass(frozen=True)
class Loop:
    id: int
    person_id: int
    type: str
    what: str
    closed: bool = False


@dataclass(frozen=True)
class World:
    """What the store should hold; immutable, so a snapshot is just a reference."""

    people: Mapping[int, Person] = field(default_factory=dict)
    loops: Mapping[int, Loop] = field(default_factory=dict)

    def with_person(self, p: Person) -> World:
        return replace(self, people={**self.people, p.id: p})

    def with_loop(self, loop: Loop) -> World:
        return replace(self, loops={**self.loops, loop.id: loop})


class Cli:
    """`net` in-process, like the ``net`` fixture but lighter (this test runs thousands of commands).

    The same lean app `net` builds for a command line, run in standalone mode
    as `net` runs it, with stdout and stderr captured.
    """

    def __init__(self) -> None:
        self.built: dict[str | None, Any] = {}

    def __call__(self, *args: str) -> Result:
        command = command_of(list(args))
        module = COMMANDS.get(command or "")
        if module not in self.built:
            self.built[module] = typer.main.get_command(make_app(command))
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                self.built[module].main(list(args), prog_name="net", standalone_mode=True)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())


PERMANENT = "permanent"  # the latest change was `net forget`: undo refuses
