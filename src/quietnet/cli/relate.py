"""`net relate`: how two people you know are related (partner, parent, colleague...)."""

from typing import Annotated

import typer

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.core.relations import ROLES
from quietnet.core.relations import role as parse_role
from quietnet.errors import InputError
from quietnet.ops import relations

app = typer.Typer()


@app.command()
def relate(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(metavar="NAME", help="The first person.", show_default=False)],
    other: Annotated[
        str, typer.Argument(metavar="OTHER", help="Who they are to the first person.", show_default=False)
    ],
    as_: Annotated[
        str | None,
        typer.Option(
            "--as", metavar="ROLE", help=f"What OTHER is to NAME: {', '.join(ROLES)}, or your own word."
        ),
    ] = None,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove their relationship (only the --as one, if given).")
    ] = False,
) -> None:
    """Note how two people are related: OTHER is NAME's partner, child, colleague...

    Both profiles show it (net show), the vCard export carries it (RELATED), and
    net intro never plans an introduction of partners or spouses. parent and
    child read from NAME's side: --as child means OTHER is NAME's child;
    introduced-by means OTHER introduced you to NAME.

    Examples:

    \b
      net relate ana tom --as partner
      net relate ana lena --as child
      net relate ana kenji --as introduced-by
      net relate ana tom --remove
    """
    role = None if as_ is None else parse_role(as_)
    if remove:
        with context.get(ctx).write("relate") as s:
            said = relations.unrelate(s, who, other, role=role)
        say(f"No longer noted: {'; '.join(said)}. net undo brings it back.")
        return
    if role is None:
        raise InputError(
            "Say how they are related, e.g. net relate ana tom --as partner"
            f" ({', '.join(ROLES)}, or your own word)."
        )
    with context.get(ctx).write("relate") as s:
        words, new = relations.relate(s, who, other, role=role)
    say(f"Noted: {words}." if new else f"Already noted: {words}.")
