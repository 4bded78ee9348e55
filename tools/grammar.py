"""src/quietnet/cli/grammar.json, what shell completion knows of the command line, from the Typer app.

Written by ``python tools/reference.py --write`` with the reference; a test
fails when it is stale. Completion (``cli/completing.py``) reads it instead of
building the Typer app, which alone would take longer than a keypress may.

"commands": each command's words ("" is `net` itself, "import vcard" a
subcommand) and the first line of its help. "options": each command's options,
each with what its value is ("" for a flag). "arguments": what each command's
arguments are, in order (the last one repeats when it takes several). Values:
name (someone you know), names+kinds (`net log`), intro (`net intro`), kind,
help-kind, circle, origin, file, choice:A,B (one of those), value (anything:
nothing to offer).
"""

from __future__ import annotations

import json
from typing import Any

from tools.reference import ROOT, _commands

GRAMMAR = ROOT / "src" / "quietnet" / "cli" / "grammar.json"

# Options whose value is someone you know, and the few whose value is a fixed word.
NAMED = {"--who", "--asked-by", "--knows", "--from", "--via"}
WORDS = {
    "--circle": "circle",
    "--origin": "origin",
    "--sort": "choice:name,last",
    "--prefer": "choice:store,folder",
}
# Arguments by their parameter's name: who, first/second (merge), other (relate) name people.
ARGUMENT_KINDS = {"who": "name", "first": "name", "second": "name", "other": "name"}
WORDS_ARGUMENTS = {"log": "names+kinds", "intro": "intro"}
# Arguments of one command, by (command, parameter): the kind `net kind remove` takes.
COMMAND_ARGUMENTS = {
    ("kind remove", "name"): "kind",
    ("capture mail", "paths"): "file",  # text, not a Path: an empty PATH must not become "."
    ("capture calendar", "paths"): "file",
}


def _value(path: str, param: Any) -> str:
    """What an option's or an argument's value is, for completion."""
    kind = type(param.type).__name__
    if param.param_type_name == "option":
        if param.is_flag or kind == "BoolParamType":
            return ""
        long = max(param.opts, key=len)
        if long == "--kind":
            return "kind" if path == "log" else "help-kind"
        if long == "--like":  # net kind add climbing --like meet
            return "kind"
        if long == "--as" and path == "relate":  # net relate ana tom --as partner (or a word of one's own)
            from quietnet.core.relations import ROLES

            return "choice:" + ",".join(ROLES)
        if long in NAMED:
            return "name"
        if long in WORDS:
            return WORDS[long]
        if long == "--db":
            return "file"
    elif param.name == "words":
        return WORDS_ARGUMENTS.get(path, "value")
    elif (path, param.name) in COMMAND_ARGUMENTS:
        return COMMAND_ARGUMENTS[path, param.name]
    elif param.name in ARGUMENT_KINDS:
        return ARGUMENT_KINDS[param.name]
    if kind == "TyperPath":
        return "file"
    choices = getattr(param.type, "choices", None)
    if choices:
        return "choice:" + ",".join(str(getattr(c, "value", c)) for c in choices)
    return "value"


def _summary(help_text: str | None) -> str:
    return (help_text or "").strip().split("\n")[0]


def tables() -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, tuple[str, ...]]]:
    group, ctx, _ = _commands()
    commands: dict[str, str] = {"": _summary(group.help)}
    options: dict[str, dict[str, str]] = {}
    arguments: dict[str, tuple[str, ...]] = {}

    def visit(path: str, cmd: Any, cmd_ctx: Any) -> None:
        opts: dict[str, str] = {}
        args: list[str] = []
        for param in cmd.get_params(cmd_ctx):
            if param.param_type_name == "option":
                value = _value(path, param)
                for opt in (*param.opts, *param.secondary_opts):
                    opts[opt] = value if opt in param.opts else ""
            else:
                args.append(_value(path, param))
        options[path] = dict(sorted(opts.items()))  # the help option's names come in either order
        arguments[path] = tuple(args)
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            sub_path = f"{path} {sub_name}".strip()
            commands[sub_path] = _summary(sub.help)
            visit(sub_path, sub, sub.make_context(sub_name, [], parent=cmd_ctx, resilient_parsing=True))

    visit("", group, ctx)
    return commands, options, arguments


def render() -> str:
    commands, options, arguments = tables()
    whole = {"commands": commands, "options": options, "arguments": arguments}
    return json.dumps(whole, indent=1, ensure_ascii=False) + "\n"


def write() -> None:
    GRAMMAR.write_text(render(), encoding="utf-8")
