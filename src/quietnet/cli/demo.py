"""`net demo`: the tool on a realistic sample network, in a temporary store."""

import tempfile
from pathlib import Path

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.engine.opening import open_database
from quietnet.ops.demo import build

app = typer.Typer()

# Plain words said before a step of the tour.
INTRODUCTIONS: dict[tuple[str, ...], str] = {
    ("why", "sam okafor"): (
        "Why is someone suggested, or not? net why shows how one person's score adds up: time\n"
        "apart against their rhythm, how close you are, a birthday near, an open promise, a tie\n"
        "gone quiet. The last line says in one sentence why they are or are not on today's list."
    ),
}

TOUR: tuple[tuple[str, ...], ...] = (
    ("today",),
    ("why", "sam okafor"),
    ("log", "zoe", "coffee", "--note", "talked about her new studio"),
    ("helped", "priya", "sent her my accountant's details", "--kind", "referral"),
    ("done", "1", "--helped", "introduced Tom to a bouldering coach", "--kind", "intro"),
    ("show", "ana"),
    ("list", "--circle", "close", "--sort", "last"),
    ("loops",),
    ("helped",),
    ("find", "lisbon"),
    ("circles",),
    ("give", "tom"),
    ("give",),
    ("intro",),
    ("event", "consider", "Type design talks", "--role", "volunteer"),
    ("events",),
    ("referrals",),
    ("review", "--week", "today"),
)


@app.command()
def demo(ctx: typer.Context) -> None:
    """See quietnet at work on a sample network (a temporary store; yours is untouched).

    Example:

    \b
      net demo
    """
    whole = ctx.find_root().command  # the whole app: cli/app.py builds it for the demo (RUNS_OTHERS)
    today = context.today()
    with tempfile.TemporaryDirectory(prefix="quietnet-demo-") as folder:
        path = Path(folder) / "demo.db"
        database = open_database(path, now=context.now)
        with database.write("demo") as s:
            build(s, today=today)
        database.close()
        say(f"A sample network of 45 people over two years, in a temporary store ({path}).")
        for args in TOUR:
            say("")
            if args in INTRODUCTIONS:
                say(INTRODUCTIONS[args])
                say("")
            say("$ net " + " ".join(a if " " not in a else f'"{a}"' for a in args))
            whole.main(["--db", str(path), *args], prog_name="net", standalone_mode=False)
    say("")
    say('That store is gone now. To start your own: net add "Your first person" --circle close')
