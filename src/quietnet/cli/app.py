"""The `net` application: global options, the command modules, one error boundary."""

import importlib
import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import MissingParameter  # Typer's own Click
from typer.core import TyperGroup

from quietnet import __version__
from quietnet.cli import context
from quietnet.cli.boundary import EXPECTED, calm, undecodable
from quietnet.cli.commands import COMMANDS

GIVEN = "quietnet.given"  # ctx.meta: the command line after the program's name (cli/values.py)


class Boundary(TyperGroup):
    """Turns every expected failure into one calm sentence and an exit code; no tracebacks."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for arg in args:
            if any("\udc80" <= c <= "\udcff" for c in arg):  # bytes the locale could not decode
                raise typer.Exit(calm(undecodable(arg)))
        ctx.meta[GIVEN] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer.BadParameter as exc:  # a value Typer could not convert: refused input, exit 1
            if isinstance(exc, MissingParameter):  # a usage error (exit 2), like an unknown option
                raise
            from quietnet.cli.values import refused_value  # only when a value is refused

            raise typer.Exit(calm(refused_value(exc, ctx.meta.get(GIVEN, [])))) from None
        except EXPECTED as exc:
            if context.get(ctx).debug and not isinstance(exc, KeyboardInterrupt):
                raise
            raise typer.Exit(calm(exc)) from None
        finally:
            context.get(ctx).close()


def _version(value: bool) -> None:
    if value:
        context.say(f"quietnet {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="The store: a file path, or a database URL (postgresql://user@host/db). "
            "Default: NET_DATABASE_URL, NET_DB, else your data folder.",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Keep the ties you have strong: who to get in touch with, and how you helped."""
    ctx.obj = context.Context(db=db, debug=debug)


# The modules the app is built from, in the order `net --help` lists their commands;
# a test checks every cli/ module with an ``app`` is here. Which module holds each
# command (COMMANDS, so a run builds only that one) is derived from them.
MODULES: tuple[str, ...] = (
    "due", "people", "relate", "yearly", "log", "kinds", "notes", "loops", "settings", "transfer", "merge",
    "export", "sync", "backups", "undo", "capture", "give", "intro", "events", "work", "review", "remind",
    "demo", "copy", "completion",
)  # fmt: skip
# Commands that run other commands (the demo's tour) are given the whole app to run them with,
# so their module never imports this one (that was an import cycle).
RUNS_OTHERS = frozenset({"demo"})
GLOBAL_VALUE_OPTIONS = {"--db"}


def make_app(command: str | None = None) -> typer.Typer:
    """The `net` app with every command, or only the module that holds ``command``.

    Typer builds each command's parameters on every run; building only the
    module a command lives in keeps `net today` from paying for `net add`'s
    twenty options (see docs/performance.md).
    """
    net = typer.Typer(
        name="net",
        cls=Boundary,
        help="Keep the ties you have strong: who to get in touch with, and how you helped.",
        epilog='Start with: net add "Ana Ruiz" --circle close, then net log ana coffee. '
        "Try net demo to see it with sample data.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: Rich's markdown renderer costs ~190 ms per --help
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    net.callback()(main_options)
    one = COMMANDS.get(command or "") if command not in RUNS_OTHERS else None
    if one is not None:
        sub = module(one).app
        net.add_typer(sub)
        if command in names(sub):
            return net
        net = make_app()  # the table is stale (a test says so): the whole app still runs the command
    else:
        for name in MODULES:
            net.add_typer(module(name).app)
    return net


def names(sub: typer.Typer) -> list[str]:
    """The commands a module's app registers, as typed on the command line."""
    found = [
        c.name or (c.callback.__name__.replace("_", "-") if c.callback else "")
        for c in sub.registered_commands
    ]
    return found + [str(g.name) for g in sub.registered_groups]


def module(name: str) -> Any:
    return importlib.import_module(f"quietnet.cli.{name}")


def command_of(args: list[str]) -> str | None:
    """The command a command line invokes, skipping the global options before it."""
    rest = iter(args)
    for arg in rest:
        if arg in GLOBAL_VALUE_OPTIONS:
            next(rest, None)
        elif not arg.startswith("-"):
            return arg
    return None


def __getattr__(name: str) -> typer.Typer:
    """``app``: the whole application (for docs and tests), built only when asked for."""
    if name == "app":
        return make_app()
    raise AttributeError(name)


def run() -> None:
    """The whole command line, through Typer (``cli/main.py`` is the entry point)."""
    make_app(command_of(sys.argv[1:]))(prog_name=context.program())


if __name__ == "__main__":  # pragma: no cover
    run()
