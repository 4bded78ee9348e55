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
        note(exc.message)
        if exc.hint:
            note(exc.hint)
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        note("Stopped. Nothing half-done was kept.")
        return 130
    note(f"The store could not be used: {exc}. Nothing more was changed.")
    return 3
