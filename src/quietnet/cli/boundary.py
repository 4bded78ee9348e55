"""The one error boundary: every expected failure becomes one calm sentence and an exit code.

Shared by the Typer application and the bare `net today` / `net due` fast path,
so both say exactly the same thing. No tracebacks reach the user unless
``--debug`` asks for them.
"""

from __future__ import annotations

import errno
import sqlite3

from quietnet.cli.context import note
from quietnet.core.text import visible
from quietnet.errors import InputError, QuietnetError

# OverflowError: date arithmetic past 9999-12-31 (NET_TODAY=9999-12-31 net today).
# OSError: what is printed could not be written (`net export json > /dev/full`).
EXPECTED = (QuietnetError, sqlite3.Error, KeyboardInterrupt, OverflowError, OSError)


def calm(exc: BaseException) -> int:
    """Tell the user what happened to ``exc`` (one of EXPECTED); the exit code to end with.

    If the message itself can't be written (stderr on a full disk), the exit code is 3.
    """
    try:
        return _tell(exc)
    except OSError:
        return 3


def _tell(exc: BaseException) -> int:
    if isinstance(exc, OSError):  # mostly the output: stdout on a full disk, a pipe closed early
        if exc.errno == errno.EPIPE:  # the reader left (net export json | head): nothing to say,
            return 141  # and the exit status a shell gives a command its pipe closed on (128 + SIGPIPE)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            note("The disk is full, so this could not be finished. Free some space and try again.")
        elif exc.errno == errno.ENAMETOOLONG:  # a path the user gave: refused input
            note(safe(f"{exc.filename or 'A path'} is too long for the file system; choose a shorter name."))
            return 1
        else:
            where = f" ({exc.filename})" if exc.filename else ""
            note(safe(f"This could not be finished: {exc.strerror or exc}{where}."))
        return 3
    if isinstance(exc, QuietnetError):
        note(safe(exc.message))
        if exc.hint:
            note(safe(exc.hint))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        note("Stopped. Nothing half-done was kept.")
        return 130
    if isinstance(exc, OverflowError):
        note(
            "That reaches past 9999-12-31, the last day the calendar holds; "
            "choose a day before 2200. Nothing was changed."
        )
        return 1
    note(safe(f"The store could not be used: {exc}. Nothing more was changed."))
    return 3


MAX_LINE = 1_000


def safe(message: str) -> str:
    """A message as it may reach a terminal: control characters shown as escapes, lines cut."""
    lines = visible(message, keep="\n").split("\n")
    return "\n".join(line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…" for line in lines)


def undecodable(arg: str) -> InputError:
    """An argument holding bytes that are not UTF-8 (``'a\\xff'`` from the shell): refused, never stored."""
    from quietnet.core.text import shown

    as_typed = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return InputError(f'"{shown(as_typed)}" holds bytes that are not UTF-8 text; nothing was changed.')
