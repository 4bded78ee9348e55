"""The one error boundary: every expected failure becomes one calm sentence and an exit code.

Shared by the Typer application and the bare `net today` / `net due` fast path,
so both say exactly the same thing. No tracebacks reach the user unless
``--debug`` asks for them.
"""

from __future__ import annotations

import sqlite3

from quietnet.cli.context import note
from quietnet.errors import QuietnetError

EXPECTED = (QuietnetError, sqlite3.Error, KeyboardInterrupt)


def calm(exc: BaseException) -> int:
    """Tell the user what happened to ``exc`` (one of EXPECTED); the exit code to end with."""
    if isinstance(exc, QuietnetError):
        note(safe(exc.message))
        if exc.hint:
            note(safe(exc.hint))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        note("Stopped. Nothing half-done was kept.")
        return 130
    note(safe(f"The store could not be used: {exc}. Nothing more was changed."))
    return 3


MAX_LINE = 1_000


def safe(message: str) -> str:
    """A message as it may reach a terminal: control characters shown as escapes, lines cut."""
    from quietnet.fields import visible

    lines = visible(message, keep="\n").split("\n")
    return "\n".join(line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…" for line in lines)
