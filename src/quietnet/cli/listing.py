"""What `net list` does, without Typer: the people you keep, filtered and sorted, printed.

The Typer command (``cli/people.py``) calls ``list``; so does ``cli/fastpath.py`` for its
simple forms (50,000 lines print in well under a second: Typer's start was a tenth of it).
The function is named for the command, as the fast path finds it; this module calls no
built-in ``list``.
"""

from __future__ import annotations

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.core.fields import choice
from quietnet.core.records import CIRCLES, ORIGINS
from quietnet.core.text import escaped_all, shown
from quietnet.errors import InputError


def list(
    c: context.Context,
    circle: str | None = None,
    tag: str | None = None,
    origin: str | None = None,
    city: str | None = None,
    archived: bool = False,
    sort: str = "name",
    since: str | None = None,
    not_since: str | None = None,
    json_: bool = False,
) -> None:
    """`net list`: the people you keep, as aligned lines or JSON."""
    from quietnet.core.dates import parse_since
    from quietnet.render import people as render
    from quietnet.store import listing, people

    circle = choice(circle, CIRCLES, what="a circle") if circle is not None else None
    origin = choice(origin, ORIGINS, what="an origin") if origin is not None else None
    if sort not in ("name", "last"):
        raise InputError(f'Sort by "name" or "last", not "{shown(sort)}".')
    today = context.today()
    start = parse_since(since, today=today) if since is not None else None
    end = parse_since(not_since, today=today) if not_since is not None else None
    if start is not None and end is not None and start >= end:
        raise InputError(
            f"--since ({start}) must come before --not-since ({end}), or no one could be in touch in between."
        )
    chosen = listing.Filters(
        circle, people.clean_tag(tag) if tag else None, origin, city, archived, sort, start, end
    )
    with c.read() as s:
        if json_:
            say(render.listing_json(listing.listed(s, chosen)))
            return
        found = listing.roster(s, chosen)
    if not found.rows and (start or end):
        say(render.listing_none_between(start, end))
        return
    ink = context.ink()
    if ink.marked:  # then the marks are the only controls
        found = escaped_all(found)
    for piece in render.listing_lines(found, today=today, ink=ink, width=context.width()):
        say(piece, fitted=True, marked=ink.marked)
