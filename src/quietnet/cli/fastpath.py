"""The everyday command lines without Typer: parse the simple forms, run the command's own code.

Importing Typer and building a command takes longer than the work of `net log`
or `net show` (docs/performance.md). For the commands in ``FAST``, a command line
made only of the options and arguments in ``cli/signatures.py`` (generated from
the Typer definitions by tools/reference.py) is parsed here as Typer would
parse it, and the same function the Typer command calls runs, behind the same
error boundary. Anything else goes to Typer: ``--help``, an option it doesn't
list (or one whose value Typer converts, such as a path), ``--opt=value``,
``--``, a missing or extra argument, bytes that are not UTF-8, `edit` and
`delete` (which may ask a question). Tests check both paths print the same
bytes and exit the same for a broad table of command lines.
"""

from __future__ import annotations

import importlib
import os

from quietnet.cli.signatures import ARGUMENTS, OPTIONS

# The commands the fast path runs, and the module whose function of the same name does the
# work (the Typer command calls it too, with the same parameters: a test compares them).
FAST: dict[str, str] = {
    "due": "morning",
    "today": "morning",
    "why": "everyday",
    "log": "everyday",
    "helped": "everyday",
    "show": "everyday",
    "find": "everyday",
    "list": "listing",
    "review": "weekly",
}
CLICK_COMPLETION = ("_NET_COMPLETE", "_QUIETNET_COMPLETE")  # set by a Click-style completion script
ASKS = {"log": ("edit", "delete"), "helped": ("edit", "delete")}  # first words that may ask a question

Parsed = tuple[str, dict[str, object], dict[str, object]]


def parse(args: list[str]) -> Parsed | None:
    """(the command, the options before it, its parameters), or None: a line for Typer."""
    if any("\udc80" <= c <= "\udcff" for arg in args for c in arg):  # Typer says why
        return None
    before: dict[str, object] = {}
    at: int | None = 0
    while at is not None and at < len(args) and _is_option(args[at]):
        at = _option(args, at, OPTIONS[""], before)
    if at is None or at >= len(args) or args[at] not in FAST:
        return None
    command = args[at]
    params: dict[str, object] = {}
    words: list[str] = []
    at += 1
    while at < len(args):
        if _is_option(args[at]):
            at = _option(args, at, OPTIONS[command], params)
            if at is None:
                return None
        else:
            words.append(args[at])
            at += 1
    if words[:1] and words[0].strip().casefold() in ASKS.get(command, ()):
        return None
    if not _arguments(ARGUMENTS[command], words, params):
        return None
    return command, before, params


def _is_option(arg: str) -> bool:
    return arg.startswith("-") and len(arg) > 1  # as Click reads it: "-" alone is a word


def _option(
    args: list[str], at: int, known: dict[str, tuple[str, str]], into: dict[str, object]
) -> int | None:
    """Read the option at ``at`` into ``into``; where the next word is, or None if it is not ours."""
    found = known.get(args[at])  # "--" (the end of options), "--as-of=x", "--help": Typer's
    if found is None:
        return None
    name, takes = found
    if takes in ("on", "off"):
        into[name] = takes == "on"
        return at + 1
    if at + 1 >= len(args):  # a value is missing: Typer's usage error
        return None
    value = args[at + 1]  # taken whatever it is, "-x" too, as Typer does
    if takes == "many":
        many = into.setdefault(name, [])
        assert isinstance(many, list)
        many.append(value)
    else:
        into[name] = value  # given twice, the last one counts, as in Typer
    return at + 2


def _arguments(wanted: tuple[tuple[str, int, bool], ...], words: list[str], into: dict[str, object]) -> bool:
    """Put ``words`` into the arguments as Typer would; False when Typer would refuse them."""
    if wanted and wanted[0][1] == -1:  # all the words: one argument, alone (tools/signatures.py)
        if words:
            into[wanted[0][0]] = list(words)
        return bool(words)  # none: Typer says it is missing (or passes what it passes)
    if len(words) > len(wanted):  # an extra argument
        return False
    for n, (name, _, required) in enumerate(wanted):
        if n < len(words):
            into[name] = words[n]
        elif required:
            return False
    return True


def run(args: list[str]) -> int | None:
    """Run ``args`` if the fast path can; its exit code, or None to leave it to Typer."""
    if any(name in os.environ for name in CLICK_COMPLETION):  # Click's own completion hook: Typer answers it
        return None
    found = parse(args)
    if found is None:
        return None
    command, before, params = found
    from quietnet.cli.boundary import EXPECTED, calm
    from quietnet.cli.context import Context

    c = Context(db=before.get("db"))  # type: ignore[arg-type]
    work = getattr(importlib.import_module(f"quietnet.cli.{FAST[command]}"), command)
    try:
        work(c, **params)
    except EXPECTED as exc:
        return calm(exc)
    finally:
        c.close()
    return 0
