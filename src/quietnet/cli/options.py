"""Options several commands share, declared once."""

from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="Print JSON (a stable contract for scripts).")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Don't ask; go ahead.")]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Look at another day (YYYY-MM-DD, last monday...)."),
]
On = Annotated[
    str | None,
    typer.Option("--on", metavar="DATE", help="When: today (default), yesterday, tue, 3 days ago..."),
]
Name = Annotated[str, typer.Argument(help="Name, nickname, unique prefix or #id.", show_default=False)]
