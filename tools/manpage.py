"""The manual page, docs/net.1 (and docs/quietnet.1, which points to it), from the Typer app.

Written by ``python tools/reference.py --write`` together with docs/cli.md,
from the same commands, help and options; a test fails when either is stale,
and checks that groff reads the page without a warning. docs/usage.md says how
to install it ("The manual page").
"""

from __future__ import annotations

from typing import Any

from tools.reference import ROOT, _commands

PAGE = ROOT / "docs" / "net.1"
ALIAS = ROOT / "docs" / "quietnet.1"
ALIAS_TEXT = ".so man1/net.1\n"  # `man quietnet` shows the same page

HEADER = """.\\" Generated from the CLI by `python tools/reference.py --write`; do not edit.
.\\" A test fails when this file is out of date.
.TH NET 1 "" "quietnet" "quietnet manual"
.SH NAME
net, quietnet \\- keep the ties you have strong: who to get in touch with, and how you helped
.SH SYNOPSIS
.B net
[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...
.br
.B quietnet
[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...
"""

DESCRIPTION = """\
quietnet is a personal relationship-maintenance tool for the terminal: it remembers
who you know, what you talked about and how you helped, and each day names the few
people who would most enjoy hearing from you. Its command is net, also installed as
quietnet (Samba ships a net too). Your data stays in one SQLite file on your machine,
or on a PostgreSQL server you choose.

Run net COMMAND \\-\\-help for the same text as each section below."""

TAIL = r""".SH EXIT STATUS
.TP
.B 0
Done.
.TP
.B 1
Your input was refused (a name, a date, a value an option can't take); nothing was written.
.TP
.B 2
The command line itself was wrong: a missing argument, an unknown option or command.
.TP
.B 3
The store could not be used (a missing folder, not a quietnet file, a newer schema, a damaged file).
.TP
.B 130
Stopped with Ctrl-C; nothing half-done was kept.
.SH ENVIRONMENT
.TP
.B NET_DB
The store's file, unless \fB\-\-db\fR is given.
.TP
.B NET_DATABASE_URL
A PostgreSQL store (postgresql://user@host/db); it comes before \fBNET_DB\fR.
.TP
.B NET_TODAY
Pins today's date (YYYY\-MM\-DD) for the whole run: scripts, tests, looking back.
.TP
.B NO_COLOR
No colour, even on a terminal.
.SH FILES
.TP
.I ~/.local/share/quietnet/net.db
The store by default (your platform's user data folder); backups are kept beside it.
.SH SEE ALSO
The guides that come with quietnet: docs/usage.md (the everyday tasks), docs/cli.md
(this reference as Markdown), docs/scheduling.md (who is suggested and why).
"""


def escaped(text: str) -> str:
    """Text as roff prints it: backslashes, hyphens and anything past ASCII escaped."""
    out = text.replace("\\", "\\e").replace("-", "\\-")
    return "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in out)


def _line(text: str) -> str:
    """A line that starts with a dot or a quote would be read as a request: \\& keeps it text."""
    return "\\&" + text if text.startswith((".", "'")) else text


def _paragraphs(help_text: str | None) -> list[str]:
    """A command's help: paragraphs refilled by roff, ``\\b`` blocks (the examples) kept as written."""
    import inspect

    lines: list[str] = []
    for block in inspect.cleandoc(help_text or "").split("\n\n"):
        if block.startswith("\b\n"):
            body = [_line(escaped(row)) for row in block[2:].split("\n")]
            lines += [".RS", ".nf", *body, ".fi", ".RE"]
        elif block.strip():
            lines += [".PP", *(_line(escaped(row.strip())) for row in block.split("\n"))]
    return lines


def _options(cmd: Any, ctx: Any) -> list[str]:
    lines = []
    for param in cmd.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            if getattr(param, "param_type_name", "") == "argument":
                help_text = getattr(param, "help", None) or ""
                lines += [".TP", f"\\fI{escaped(param.human_readable_name)}\\fR", _line(escaped(help_text))]
            continue
        decl, help_text = record
        lines += [".TP", f"\\fB{escaped(decl)}\\fR", _line(escaped(help_text))]
    return lines


def _section(path: str, name: str, cmd: Any, parent: Any) -> list[str]:
    ctx = cmd.make_context(name, [], parent=parent, resilient_parsing=True)
    usage = f"{path} {' '.join(cmd.collect_usage_pieces(ctx))}"
    lines = [f'.SS "{escaped(path)}"', *_paragraphs(cmd.help), ".PP", f"Usage: \\fB{escaped(usage)}\\fR"]
    lines += _options(cmd, ctx)
    for sub_name, sub in getattr(cmd, "commands", {}).items():
        lines += _section(f"{path} {sub_name}", sub_name, sub, ctx)
    return lines


def render() -> str:
    """The whole page, roff with the man(7) macros."""
    group, ctx, found = _commands()
    lines = [HEADER.rstrip("\n"), ".SH DESCRIPTION"]
    for block in [escaped(group.help or ""), escaped(group.epilog or ""), *DESCRIPTION.split("\n\n")]:
        lines += [".PP", *(_line(row) for row in block.split("\n"))]
    lines += [".SH OPTIONS", *_options(group, ctx), ".SH COMMANDS"]
    for name, cmd in found:
        lines += _section(f"net {name}", name, cmd, ctx)
    return "\n".join(lines) + "\n" + TAIL


def write() -> None:
    PAGE.write_text(render(), encoding="utf-8")
    ALIAS.write_text(ALIAS_TEXT, encoding="utf-8")
