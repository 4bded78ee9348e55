"""`net note`: a dated note about someone; `net note edit|delete ID` changes or removes one."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.cli.entries import wanted
from quietnet.cli.options import On, Yes
from quietnet.core.dates import humanize_days, parse_day
from quietnet.core.fields import clean_text
from quietnet.errors import InputError
from quietnet.ops import entries

app = typer.Typer()

EXAMPLE = 'net note ana "her daughter started school"'


@app.command()
def note(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(metavar="NAME", help="Whom it is about.", show_default=False)],
    text: Annotated[
        str | None,
        typer.Argument(metavar="TEXT", help="What to remember, in your words.", show_default=False),
    ] = None,
    on: On = None,
    text_: Annotated[str | None, typer.Option("--text", help="net note edit: the note, said anew.")] = None,
    yes: Yes = False,
) -> None:
    """Add a dated note about someone; `net note edit|delete ID` changes or removes one.

    Notes show in `net show`'s timeline (with their ids), are found by `net find`,
    and appear in the weekly review of the week they are dated in.

    Examples:

    \b
      net note ana "her daughter started school"
      net note tom "moved to Porto" --on "last friday"
      net note edit 4 --on 2025-06-02
      net note delete 4
    """
    if (found := wanted((who, text))) is not None:
        action, number = found
        _change(ctx, action, number, on=on, text=text_, yes=yes)
        return
    if text_ is not None or yes:
        raise InputError("--text and --yes are for net note edit ID and net note delete ID.")
    if text is None:
        raise InputError(f"Say what to note, e.g. {EXAMPLE}.")
    words = clean_text(text, what="A note")
    if not words:
        raise InputError(f"Say what to note, e.g. {EXAMPLE}.")
    today = context.today()
    day = today if on is None else parse_day(on, today=today)
    with context.get(ctx).write("note") as s:
        name, note_id = entries.add_note(s, who, day=day, text=words)
    when = "today" if day == today else f"{day.isoformat()}, {humanize_days((today - day).days)}"
    say(f"Noted about {name} (note #{note_id}, dated {when}).")


def _change(
    ctx: typer.Context, action: str, note_id: int, *, on: str | None, text: str | None, yes: bool
) -> None:
    c = context.get(ctx)
    if action == "delete":
        if on is not None or text is not None:
            raise InputError(
                "net note delete takes only the id (and --yes); to change a note use net note edit."
            )
        with c.read() as s:
            words = entries.note_words(s, note_id)
        context.confirm(f"Remove {words}?", yes=yes)
        with c.write("note delete") as s:
            words = entries.delete_note(s, note_id)
        say(f"Removed {words}. net undo brings it back.")
        return
    day = None if on is None else parse_day(on, today=context.today())
    new = None
    if text is not None:
        new = clean_text(text, what="A note")
        if not new:
            raise InputError(f'Say what the note says, e.g. net note edit {note_id} --text "started school".')
    if day is None and new is None:
        raise InputError(
            f"Say what to change, e.g. net note edit {note_id} --on yesterday. It takes --on and --text."
        )
    with c.write("note edit") as s:
        changed, words = entries.edit_note(s, note_id, day=day, text=new)
    say(f"Changed {words}." if changed else f"Nothing to change: {words} already reads so.")
