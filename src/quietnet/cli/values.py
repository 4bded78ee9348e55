"""A value Typer could not convert (`net review --format pdf`, `net done abc`): refused input.

Typer (Click) calls such a value a usage error and exits 2 with its own box of
text. Here it is refused like any other input: one calm sentence naming the
option, what it takes and what was typed, and exit 1 (``cli/app.py`` catches
the ``BadParameter``; docs/usage.md, "When something is refused"). A missing
argument, an unknown option or command stays a usage error (exit 2).
"""

from collections.abc import Sequence
from typing import Any

from typer import BadParameter
from typer._click import types  # Typer's own Click (never `import click`)

from quietnet.core.text import shown
from quietnet.errors import InputError


def refused_value(exc: BadParameter, given: Sequence[str]) -> InputError:
    """The sentence for ``exc``; ``given`` is the whole command line after the program's name."""
    param = exc.param
    name = _name(param)
    typed = _typed(exc, given)
    if param is None or typed is None:
        return InputError(f"{name} can't be used as given: {exc.message}")
    wanted = _wanted(param.type)
    if wanted is None:
        return InputError(f'{name} can\'t take "{shown(typed)}": {exc.message}')
    return InputError(f'{name} must be {wanted}, not "{shown(typed)}".')


def _name(param: Any) -> str:
    """``--format`` for an option, its metavar (``ID``) for an argument."""
    if param is None:
        return "A value"
    longs = [o for o in param.opts if o.startswith("--")]
    if param.param_type_name == "option":
        return str(longs[0] if longs else param.opts[0])
    metavar = getattr(param, "metavar", None) or param.name.upper()
    return str(metavar).strip("[].") or "A value"


def _wanted(kind: Any) -> str | None:
    """What a parameter type takes, in words; None for a type this module does not word."""
    choices = getattr(kind, "choices", None)  # typer's TyperChoice (an Enum's values)
    if choices:
        quoted = [f'"{getattr(c, "value", c)}"' for c in choices]
        return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    if isinstance(kind, types.IntRange):
        return "a whole number" + _bounds(kind.min, kind.max)
    if isinstance(kind, types.FloatRange):
        return "a number" + _bounds(kind.min, kind.max)
    if isinstance(kind, types.IntParamType):
        return "a whole number"
    if isinstance(kind, types.FloatParamType):
        return "a number"
    return None


def _bounds(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f" from {low:g} to {high:g}"
    if low is not None:
        return f", {low:g} or more"
    if high is not None:
        return f", {high:g} or less"
    return ""


def _typed(exc: BadParameter, given: Sequence[str]) -> str | None:
    """What was typed for the refused parameter: its command's arguments parsed again.

    Click's error carries the parameter but not the text; parsing only collects
    strings (conversion is what failed), so parsing the same arguments again
    gives that text back. With several values (``--tag a --tag b``), the first
    one the type refuses.
    """
    ctx, param = exc.ctx, exc.param
    if ctx is None or param is None or param.name is None:
        return None
    groups = []
    step = ctx.parent
    while step is not None:
        groups.append(step)
        step = step.parent
    rest = list(given)
    for group in reversed(groups):  # net, then net import...: each takes its options and its command's name
        _, words, _ = group.command.make_parser(group).parse_args(args=rest)
        if not words:  # pragma: no cover - a command was found in these words a moment ago
            return None
        rest = words[1:]
    opts, _, _ = ctx.command.make_parser(ctx).parse_args(args=rest)
    found = opts.get(param.name)
    values = found if isinstance(found, (list, tuple)) else [found]
    for value in values:
        if not isinstance(value, str):
            continue
        try:
            param.type.convert(value, param, ctx)
        except BadParameter:
            return value
    return None
