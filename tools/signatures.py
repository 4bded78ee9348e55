"""src/quietnet/cli/signatures.py, what the fast path may parse of each command it runs, from the Typer app.

Written by ``python tools/reference.py --write`` with the reference; a test
fails when it is stale. ``cli/fastpath.py`` parses the simple forms of the
commands in its ``FAST`` table with it, without building the Typer app, and
hands anything else to Typer. Only what it can parse exactly as Typer does is
written: options taking one text value (maybe repeated, into a list) and flags;
arguments of text. An option of another type (a number, a path, a choice) is
left out, so a command line using it goes to Typer, which converts and checks it.
"""

from __future__ import annotations

from typing import Any

from tools.reference import ROOT, _commands

SIGNATURES = ROOT / "src" / "quietnet" / "cli" / "signatures.py"

HEADER = '''"""What cli/fastpath.py may parse of each command it runs without Typer.

Generated from the Typer app by ``python tools/reference.py --write`` (tools/signatures.py);
a test fails when it is stale. Do not edit by hand.
"""

# Each command's options as typed, with the parameter they set and what they take:
# "value" (the next word), "many" (the next word, again each time: a list), "on"/"off" (a flag:
# True/False). "" is `net` itself: the options before the command.
OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
'''
ARGUMENTS_HEADER = """}

# Each command's arguments in order: (parameter, how many words: 1, or -1 for all the rest, required).
ARGUMENTS: dict[str, tuple[tuple[str, int, bool], ...]] = {
"""


def _text(param: Any) -> bool:
    return type(param.type).__name__ == "StringParamType"


def _option(param: Any) -> dict[str, tuple[str, str]]:
    """The forms of one option the fast path may parse, or none (Typer then parses the line)."""
    if not param.expose_value or param.is_eager or param.nargs != 1:
        return {}
    if param.is_flag and type(param.type).__name__ == "BoolParamType":
        on = dict.fromkeys(param.opts, (param.name, "on"))
        return on | dict.fromkeys(param.secondary_opts, (param.name, "off"))
    if _text(param) and not param.is_flag and not param.count and param.envvar is None:
        return dict.fromkeys(param.opts, (param.name, "many" if param.multiple else "value"))
    return {}


def tables() -> tuple[dict[str, dict[str, tuple[str, str]]], dict[str, tuple[tuple[str, int, bool], ...]]]:
    from quietnet.cli.fastpath import FAST

    group, ctx, _ = _commands()
    options: dict[str, dict[str, tuple[str, str]]] = {"": {}}
    for param in group.get_params(ctx):  # before the command: only options with a value (--db)
        found = _option(param)
        options[""] |= {opt: how for opt, how in found.items() if how[1] == "value"}
    arguments: dict[str, tuple[tuple[str, int, bool], ...]] = {}
    for name in FAST:
        cmd = group.get_command(ctx, name)
        cmd_ctx = cmd.make_context(name, [], parent=ctx, resilient_parsing=True)
        opts: dict[str, tuple[str, str]] = {}
        args: list[tuple[str, int, bool]] = []
        for param in cmd.get_params(cmd_ctx):
            if param.param_type_name == "option":
                opts |= _option(param)
            elif _text(param) and param.nargs in (1, -1):
                args.append((param.name, param.nargs, param.required))
            else:
                raise SystemExit(f"net {name}: the fast path can't parse the argument {param.name}")
        if any(n == -1 for _, n, _ in args) and len(args) > 1:
            raise SystemExit(f"net {name}: the fast path takes one argument of several words, alone")
        options[name] = dict(sorted(opts.items()))
        arguments[name] = tuple(args)
    return options, arguments


def _literal(value: object) -> str:
    return repr(value).replace("'", '"')  # as ruff formats it; no name here holds a quote


def render() -> str:
    options, arguments = tables()
    lines = [HEADER.rstrip("\n")]
    for name, opts in options.items():
        lines.append(f"    {_literal(name)}: {{")
        lines += [f"        {_literal(opt)}: {_literal(how)}," for opt, how in opts.items()]
        lines.append("    },")
    lines.append(ARGUMENTS_HEADER.rstrip("\n"))
    lines += [f"    {_literal(name)}: {_literal(args)}," for name, args in arguments.items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def write() -> None:
    SIGNATURES.write_text(render(), encoding="utf-8")
