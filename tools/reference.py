"""The command reference (docs/cli.md), the stored `net --help` and the command table, from the Typer app.

``python tools/reference.py --write`` regenerates docs/cli.md, the manual
page (docs/net.1, tools/manpage.py), src/quietnet/cli/overview.txt, cli/bare.txt and
src/quietnet/cli/commands.py (which module holds each command) and cli/signatures.py (what the
fast path parses, tools/signatures.py) together;
without ``--write`` it prints the reference. A test fails when any is stale
or when a command lacks help or an example.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer

HEADER = """# Command reference

Generated from the CLI by `python tools/reference.py --write`;
a test fails when this file is out of date. Run `net COMMAND --help` for the same text.
"""


ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "cli.md"
OVERVIEW = ROOT / "src" / "quietnet" / "cli" / "overview.txt"
BARE = ROOT / "src" / "quietnet" / "cli" / "bare.txt"
TABLE = ROOT / "src" / "quietnet" / "cli" / "commands.py"
TABLE_HEADER = '''"""Which module holds each command, so a run imports and builds only that one (cli/app.py).

Generated from the modules' Typer apps by ``python tools/reference.py --write``;
a test fails when it is stale. Do not edit by hand.
"""

COMMANDS: dict[str, str] = {
'''


def table() -> str:
    """The text of cli/commands.py: every command of every module in ``MODULES``, in order."""
    from quietnet.cli.app import MODULES, module, names

    rows = [f'    "{name}": "{held}",' for held in MODULES for name in names(module(held).app)]
    return TABLE_HEADER + "\n".join(rows) + "\n}\n"


def overview() -> str:
    """What `net --help` prints in a terminal of 80 columns or more.

    ``cli/overview.txt`` keeps a copy, which a bare `net --help` prints without
    building every command (``cli/main.py``); a test fails when it is stale.
    Regenerate with ``python tools/reference.py --write``.
    """
    return _typer_prints("--help").stdout


def bare() -> str:
    """What `net` alone prints (on stderr, exiting 2) in a terminal of 80 columns or more.

    ``cli/bare.txt`` keeps a copy, as ``cli/overview.txt`` does for `net --help`.
    """
    return _typer_prints().stderr


def _typer_prints(*args: str) -> subprocess.CompletedProcess[str]:
    """What the Typer app prints for ``args``, run as `net` runs it, 80 columns wide.

    In a child process: Click's test runner lays help out 80 wide where `net` in
    an 80-column terminal (or a pipe) uses 78, and both shortcuts must print
    exactly what Typer prints.
    """
    code = "import sys; from quietnet.cli.app import run; sys.argv[0] = 'net'; run()"
    env = {**os.environ, "COLUMNS": "80", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )


def _commands() -> tuple[Any, Any, list[tuple[str, Any]]]:
    from quietnet.cli.app import app

    group = typer.main.get_command(app)
    ctx = group.make_context("net", ["--help"], resilient_parsing=True)
    names = list(getattr(group, "commands", {}))
    return group, ctx, [(n, group.get_command(ctx, n)) for n in names]  # type: ignore[attr-defined]


def _doc(text: str | None) -> str:
    """A command's help as written, without Click's no-rewrap markers."""
    return inspect.cleandoc(text or "").replace("\b\n", "")


def commands() -> dict[str, str]:
    """Each command's name and its help text."""
    _, _, found = _commands()
    return {name: _doc(cmd.help) for name, cmd in found}


def render() -> str:
    group, ctx, found = _commands()
    parts = [
        HEADER,
        "## net",
        "",
        "```",
        f"Usage: net {' '.join(group.collect_usage_pieces(ctx))}",
        "```",
        "",
    ]
    parts += _params(group, ctx)
    parts.append("Commands: " + ", ".join(f"[`{n}`](#net-{n})" for n, _ in found) + ".\n")
    for name, cmd in found:
        parts += _section(f"net {name}", name, cmd, ctx, level=2)
    return "\n".join(parts).rstrip() + "\n"


def _section(path: str, name: str, cmd: Any, parent: Any, *, level: int) -> list[str]:
    """One command's help, usage and options; a group's subcommands follow it."""
    ctx = cmd.make_context(name, [], parent=parent, resilient_parsing=True)
    parts = [f"{'#' * level} {path}", "", _doc(cmd.help), ""]
    parts += ["```", f"Usage: {path} {' '.join(cmd.collect_usage_pieces(ctx))}", "```", ""]
    parts += _params(cmd, ctx)
    for sub_name, sub in getattr(cmd, "commands", {}).items():
        parts += _section(f"{path} {sub_name}", sub_name, sub, ctx, level=3)
    return parts


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def _params(cmd: Any, ctx: Any) -> list[str]:
    rows = []
    for param in cmd.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            if getattr(param, "param_type_name", "") == "argument":
                help_text = getattr(param, "help", None) or ""
                rows.append(f"| `{param.human_readable_name}` | {help_text} |")
            continue
        decl, help_text = record
        rows.append(f"| `{_cell(decl)}` | {_cell(help_text)} |")
    if not rows:
        return []
    return ["| argument or option | meaning |", "|---|---|", *rows, ""]


def write() -> None:
    """Regenerate docs/cli.md, the manual page, the stored overview and the command table together."""
    from tools import grammar, manpage, signatures

    TABLE.write_text(table(), encoding="utf-8")
    REFERENCE.write_text(render(), encoding="utf-8")
    OVERVIEW.write_text(overview(), encoding="utf-8")
    BARE.write_text(bare(), encoding="utf-8")
    manpage.write()
    grammar.write()
    signatures.write()


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        write()
    elif not argv:
        sys.stdout.write(render())
    else:
        sys.stderr.write("usage: python tools/reference.py [--write]\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # `tools.manpage`, as the tests import it
    sys.exit(main(sys.argv[1:]))
