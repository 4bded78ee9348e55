"""The Person options shared by `net add` and `net edit`, and their validation.

Each option is declared once here (type, flag, help), so both commands and
the docs say the same thing.
"""

from datetime import date
from typing import Annotated, Any

import typer

from quietnet.core import dates, fields
from quietnet.core.fields import MAX_FIELD, MAX_TEXT, clean_text, one_line
from quietnet.core.records import CIRCLES, ORIGINS
from quietnet.errors import InputError

Nickname = Annotated[str | None, typer.Option(help="What you call them; works as a name in every command.")]
Circle = Annotated[
    str | None,
    typer.Option(metavar="CIRCLE", help=f"How close the rhythm is: {', '.join(CIRCLES)} (default network)."),
]
Closeness = Annotated[int | None, typer.Option(metavar="1-5", help="1-5; the circle's default otherwise.")]
Kin = Annotated[bool | None, typer.Option("--kin/--not-kin", help="Family: ties that survive longer gaps.")]
Cadence = Annotated[
    str | None,
    typer.Option(metavar="RHYTHM", help='Your own rhythm for them, e.g. "every 6 weeks" or 42 (days).'),
]
Met = Annotated[
    str | None, typer.Option(metavar="DATE", help="When you met: 2019-05-01, last month, 3 years ago...")
]
HowMet = Annotated[str | None, typer.Option(help="How you met, in a few words.")]
Origin = Annotated[
    str | None, typer.Option(metavar="ORIGIN", help=f"Where the tie comes from: {', '.join(ORIGINS)}.")
]
Company = Annotated[str | None, typer.Option(help="Where they work.")]
Role = Annotated[str | None, typer.Option(help="What they do.")]
City = Annotated[str | None, typer.Option(help="Where they live.")]
Email = Annotated[str | None, typer.Option(metavar="EMAIL", help="Email address.")]
Phone = Annotated[str | None, typer.Option(metavar="PHONE", help="Phone number, as you write it.")]
Birthday = Annotated[
    str | None, typer.Option(metavar="MM-DD", help="MM-DD, or YYYY-MM-DD when you know the year.")
]
Interests = Annotated[str | None, typer.Option(help="What they care about (comma-separated).")]
Note = Annotated[str | None, typer.Option("--note", help="Anything worth remembering.")]
Tags = Annotated[
    list[str] | None,
    typer.Option("--tag", help="A tag (repeat for more); `novel` marks someone from a different world."),
]


def _text(value: str, what: str, limit: int = MAX_FIELD) -> str | None:
    """Notes may span lines (``MAX_TEXT``); every other field is one line."""
    cleaned = clean_text(value, what=what, limit=limit) if limit == MAX_TEXT else one_line(value, what=what)
    return cleaned or None


def collect(today: date, **given: Any) -> dict[str, Any]:
    """Validate the options that were given; returns Person fields (empty text clears)."""
    result: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        if key == "nickname":
            result[key] = fields.nickname(value) if value.strip() else None
        elif key == "circle":
            result[key] = fields.choice(value, CIRCLES, what="a circle")
        elif key == "closeness":
            if not 1 <= value <= 5:
                raise InputError(f"Closeness goes from 1 to 5, not {value}.")
            result[key] = value
        elif key == "kin":
            result[key] = value
        elif key == "cadence":
            result["cadence_days"] = dates.parse_cadence(value) if value.strip() else None
        elif key == "met":
            result["met_on"] = dates.parse_day(value, today=today) if value.strip() else None
        elif key == "origin":
            result[key] = fields.choice(value, ORIGINS, what="an origin") if value.strip() else None
        elif key == "birthday":
            result[key] = fields.birthday(value, today=today) if value.strip() else None
        elif key == "email":
            result[key] = fields.email(value) if value.strip() else None
        elif key == "phone":
            result[key] = fields.phone(value) if value.strip() else None
        elif key == "note":
            result["notes"] = _text(value, "A note", MAX_TEXT)
        else:
            result[key] = _text(value, key.replace("_", " ").capitalize())
    return result
