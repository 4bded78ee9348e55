"""`net log edit|delete ID` and `net helped edit|delete ID`, reached from `net log` and `net helped`.

Kept apart from cli/log.py, which parses the everyday `net log ana coffee`: these run only
when the first word is `edit` or `delete` and the second an id (``12`` or ``#12``).
"""

import re

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.errors import InputError

# `net log` and `net helped` (timed) ask ``wanted`` on every run; what edits and deletes
# need is imported in the functions that do them.

ACTIONS = ("edit", "delete")
_ID = re.compile(r"#?([0-9]+)")


def wanted(words: list[str] | tuple[str | None, ...]) -> tuple[str, int] | None:
    """("edit", 12) from ``edit 12`` or ``delete #12``; None for anything else (a name)."""
    if len(words) != 2 or words[0] is None or words[1] is None:
        return None
    action, number = words[0].strip().casefold(), _ID.fullmatch(words[1].strip())
    if action not in ACTIONS or number is None:
        return None
    return action, int(number.group(1))


def _nothing(command: str, options: str) -> InputError:
    return InputError(f"Say what to change, e.g. {command} --on yesterday. It takes {options}.")


def interaction(
    c: context.Context,
    action: str,
    interaction_id: int,
    *,
    on: str | None,
    kind: str | None,
    note: str | None,
    with_: list[str] | None,
    them: bool | None,
    yes: bool,
) -> None:
    """`net log edit ID` or `net log delete ID`."""
    from dataclasses import replace

    from quietnet.core import kinds
    from quietnet.core.dates import parse_day
    from quietnet.core.fields import clean_text
    from quietnet.core.text import shown
    from quietnet.ops import entries

    if action == "delete":
        if any(v is not None for v in (on, kind, note, with_, them)):
            raise InputError(
                "net log delete takes only the id (and --yes); to change an entry use net log edit."
            )
        _delete(c, "log", interaction_id, yes=yes)
        return
    change = entries.InteractionEdit(
        day=None if on is None else parse_day(on, today=context.today()),
        note=None if note is None else clean_text(note, what="A note"),
        by_them=them,
        names=None if with_ is None else tuple(with_),
    )
    if change == entries.InteractionEdit() and kind is None:
        raise _nothing(f"net log edit {interaction_id}", "--on, --kind, --note, --with and --them or --me")
    with c.write("log edit") as s:
        if kind is not None:  # read with the store open: your own kinds count
            found = kinds.lookup(kind)
            if found is None:
                raise InputError(f'"{shown(kind)}" is not a kind of contact. {kinds.listing()}')
            change = replace(change, kind=found.name, said=kind.strip().casefold())
        changed, words = entries.edit_interaction(s, interaction_id, change)
    say(f"Changed {words}." if changed else f"Nothing to change: {words} already reads so.")


def helped(
    c: context.Context,
    action: str,
    help_id: int,
    *,
    on: str | None,
    kind: str | None,
    what: str | None,
    yes: bool,
) -> None:
    """`net helped edit ID` or `net helped delete ID`."""
    from quietnet.core import fields, kinds
    from quietnet.core.dates import parse_day
    from quietnet.core.fields import one_line
    from quietnet.ops import entries

    if action == "delete":
        if any(v is not None for v in (on, kind, what)):
            raise InputError(
                "net helped delete takes only the id (and --yes); to change one use net helped edit."
            )
        _delete(c, "helped", help_id, yes=yes)
        return
    day = None if on is None else parse_day(on, today=context.today())
    help_kind = None if kind is None else fields.choice(kind, kinds.HELP_KINDS, what="a kind of help")
    text = None
    if what is not None:
        text = one_line(what, what="What you did")
        if not text:
            raise InputError(f'Say what you did, e.g. net helped edit {help_id} --what "intro to Sam".')
    if day is None and help_kind is None and text is None:
        raise _nothing(f"net helped edit {help_id}", "--on, --kind and --what")
    with c.write("helped edit") as s:
        changed, words = entries.edit_help(s, help_id, day=day, kind=help_kind, what=text)
    say(f"Changed {words}." if changed else f"Nothing to change: {words} already reads so.")


def _delete(c: context.Context, command: str, entry_id: int, *, yes: bool) -> None:
    from quietnet.ops import entries

    check = entries.check_interaction if command == "log" else entries.check_help
    remove = entries.delete_interaction if command == "log" else entries.delete_help
    with c.read() as s:
        words = check(s, entry_id)
    context.confirm(f"Remove {words}?", yes=yes)
    with c.write(f"{command} delete") as s:
        words = remove(s, entry_id)
    say(f"Removed {words}. net undo brings it back.")


def refuse_extras(with_: list[str] | None, yes: bool, command: str) -> None:
    """--with and --yes belong to the edit and delete forms only."""
    if with_ is not None:
        raise InputError(f"--with is for {command} edit ID; to log with several people, name them all.")
    if yes:
        raise InputError(f"--yes is for {command} delete ID; logging never asks.")
