"""LinkedIn's connections export (Connections.csv), as LinkedIn really writes it.

The file starts with a few lines of notes before the header::

    Notes:
    "When exporting your connection data, you may notice that some of the email ..."

    First Name,Last Name,URL,Email Address,Company,Position,Connected On
    Ana,Ruiz,https://www.linkedin.com/in/anaruiz,,Fabrikam,Designer,12 Mar 2021

Each connection becomes a contact: the name, company, position (role), email
when the member shares it, the date you connected (as the met date) and the
profile address (kept in the notes when you have none).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from datetime import date
from itertools import chain, islice

from quietnet.errors import InputError
from quietnet.io.contact import Nameless, Problem, Read, contact_from
from quietnet.io.csvfile import rows

COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "email address": "email",
    "company": "company",
    "position": "role",
    "connected on": "met_on",
}
_HEADER = re.compile(r"^\s*\"?first name\"?\s*,\s*\"?last name\"?", re.IGNORECASE)


def read(
    text: str | Iterable[str], source: str, *, today: date, tick: Callable[[], None] = lambda: None
) -> Read:
    """Every connection in a Connections.csv (its text, or its lines with their endings)."""
    lines = iter(io.StringIO(text, newline="") if isinstance(text, str) else text)
    head = list(islice(lines, 50))  # LinkedIn's notes come before the header
    index = next((i for i, line in enumerate(head) if _HEADER.match(line)), -1)
    if index < 0:
        blank = not any(line.strip() for line in head)
        what = "is empty" if blank else "doesn't look like LinkedIn's Connections.csv"
        raise InputError(
            f'{source} {what} (no "First Name,Last Name,..." header); nothing was imported.',
            hint="For other CSV files use: net import csv FILE",
        )
    body = chain(head[index:], lines)
    found = Read()
    header: list[str] | None = None
    for item in rows(body, source, delimiter=",", first_line=index + 1):
        if isinstance(item, Problem):
            found.problems.append(item)
            continue
        line, cells = item
        if header is None:
            header = [c.strip().casefold() for c in cells]
            continue
        if len(cells) != len(header):
            found.problems.append(
                Problem(source, line, f"It has {len(cells)} cells where the header has {len(header)}.")
            )
            continue
        row = dict(zip(header, cells, strict=True))
        values = {target: row.get(column, "") for column, target in COLUMNS.items()}
        try:
            contact = contact_from(values, line=line, today=today)
        except Nameless as exc:
            found.nameless.append(Problem(source, line, exc.message))
            continue
        except InputError as exc:
            found.problems.append(Problem(source, line, exc.message))
            continue
        contact.source = source
        url = row.get("url", "").strip()
        if url:
            contact.fields["notes"] = f"LinkedIn: {url}"
        found.contacts.append(contact)
        tick()
    return found
