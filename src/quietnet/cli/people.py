"""`net add`, `edit`, `show`, `list`, `find`, `archive`, `unarchive`, `forget`, `tag`."""

from typing import Annotated

import typer

from quietnet.cli import context, everyday, listing
from quietnet.cli.context import say
from quietnet.cli.fields import (
    Birthday,
    Cadence,
    Circle,
    City,
    Closeness,
    Company,
    Email,
    HowMet,
    Interests,
    Kin,
    Met,
    Nickname,
    Note,
    Origin,
    Phone,
    Role,
    Tags,
    collect,
)
from quietnet.cli.options import Json, Name, Yes
from quietnet.core.fields import person_name
from quietnet.core.records import CIRCLES, ORIGINS
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError

# `net show`, `net list` and `net find` are measured (benchmarks/run.py): what not all of
# this module's commands need is imported inside them (store/people.py brings the
# scheduler, which `net find` does without).


app = typer.Typer()


def new_name(raw: str) -> str:
    """A name for a new or renamed person (fields.person_name)."""
    return person_name(raw)


@app.command()
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Their full name, as you write it.", show_default=False)],
    nickname: Nickname = None,
    circle: Circle = None,
    closeness: Closeness = None,
    kin: Kin = None,
    cadence: Cadence = None,
    met: Met = None,
    how_met: HowMet = None,
    origin: Origin = None,
    company: Company = None,
    role: Role = None,
    city: City = None,
    email: Email = None,
    phone: Phone = None,
    birthday: Birthday = None,
    interests: Interests = None,
    note: Note = None,
    tag: Tags = None,
    yes: Yes = False,
) -> None:
    """Add someone you know.

    Examples:

    \b
      net add "Ana Ruiz" --circle close --met 2019-05-01 --origin colleague
      net add "Tom Baker" --nickname tom --birthday 06-21 --tag climbing
    """
    from quietnet.store import journal, people

    c = context.get(ctx)
    clean = new_name(name)
    day = context.today()
    fields = collect(
        day, nickname=nickname, circle=circle, closeness=closeness, kin=kin,
        cadence=cadence, met=met, how_met=how_met, origin=origin, company=company, role=role,
        city=city, email=email, phone=phone, birthday=birthday, interests=interests, note=note,
    )  # fmt: skip
    tags = [people.clean_tag(t) for t in tag or []]
    with c.read() as s:
        twins = people.same_name(s, clean)
        _nickname_free(s, fields.get("nickname"), clean, besides=None, yes=yes)
    if twins:
        ids = ", ".join(f"#{p.id}" for p in twins)
        context.confirm(f"You already have someone called {clean} ({ids}). Add another?", yes=yes)
    with c.write("add") as s:
        person_id = people.add(s, name=clean, fields=fields, tags=tags, on=day)
        journal.describe(s, f"Added {clean}")
    where = fields.get("circle", "network")
    say(f"Added {clean} (#{person_id}) to your {where} circle.")


@app.command()
def edit(
    ctx: typer.Context,
    who: Name,
    name: Annotated[str | None, typer.Option("--name", help="A new full name.")] = None,
    nickname: Nickname = None,
    circle: Circle = None,
    closeness: Closeness = None,
    kin: Kin = None,
    cadence: Cadence = None,
    met: Met = None,
    how_met: HowMet = None,
    origin: Origin = None,
    company: Company = None,
    role: Role = None,
    city: City = None,
    email: Email = None,
    phone: Phone = None,
    birthday: Birthday = None,
    interests: Interests = None,
    note: Note = None,
    yes: Yes = False,
) -> None:
    """Change what you know about someone; an empty value ("") clears a field.

    Examples:

    \b
      net edit ana --circle core
      net edit tom --company "" --city Lisbon
    """
    from quietnet.store import journal, people

    fields = collect(
        context.today(), nickname=nickname, circle=circle, closeness=closeness, kin=kin,
        cadence=cadence, met=met, how_met=how_met, origin=origin, company=company, role=role,
        city=city, email=email, phone=phone, birthday=birthday, interests=interests, note=note,
    )  # fmt: skip
    if name is not None:
        fields["name"] = new_name(name)
    if not fields:
        raise InputError("Say what to change, e.g. --circle close or --city Lisbon; nothing was changed.")
    c = context.get(ctx)
    if fields.get("nickname"):
        with c.read() as s:
            person = people.get(s, people.resolve_id(s, who))
            _nickname_free(s, fields["nickname"], person.name, besides=person.id, yes=yes)
    with c.write("edit") as s:
        person_id = people.resolve_id(s, who)
        changed = people.edit(s, person_id, fields)
        person = people.get(s, person_id)
        journal.describe(s, f"Edited {person.name}")
    say(f"Updated {person.name}." if changed else f"{person.name} already had those details.")


def _nickname_free(s: Session, nickname: str | None, name: str, *, besides: int | None, yes: bool) -> None:
    """Ask before giving a nickname someone else goes by (it would name two people)."""
    from quietnet.store import people

    if not nickname:
        return
    others = people.with_nickname(s, nickname, besides=besides)
    if others:
        who = ", ".join(f"{p.name} (#{p.id})" for p in others[:4])
        go = "goes" if len(others) == 1 else "go"
        context.confirm(f'{who} already {go} by "{nickname}". Give {name} the same nickname?', yes=yes)


@app.command()
def show(ctx: typer.Context, who: Name, json_: Json = False) -> None:
    """Everything about one person: profile, timeline, ways you helped, open loops.

    Examples:

    \b
      net show ana
      net show "#12" --json
    """
    everyday.show(context.get(ctx), who, json_=json_)


@app.command("list")
def list_(
    ctx: typer.Context,
    circle: Annotated[str | None, typer.Option(help=f"Only this circle: {', '.join(CIRCLES)}.")] = None,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    origin: Annotated[str | None, typer.Option(help=f"Only this origin: {', '.join(ORIGINS)}.")] = None,
    city: Annotated[str | None, typer.Option(help="Only people in this city.")] = None,
    archived: Annotated[bool, typer.Option("--archived", help="Show archived people instead.")] = False,
    sort: Annotated[str, typer.Option(help="name, or last (longest since last contact first).")] = "name",
    since: Annotated[
        str | None, typer.Option(help="Only people in touch since this day: 2 weeks, 2025-06-01.")
    ] = None,
    not_since: Annotated[
        str | None,
        typer.Option(help="Only people not in touch since this day (or never): 6 months, 2025-01-01."),
    ] = None,
    json_: Json = False,
) -> None:
    """The people you keep, filtered and sorted.

    Examples:

    \b
      net list --circle close
      net list --tag climbing --sort last --json
      net list --not-since "6 months" --circle friends
    """
    listing.list(
        context.get(ctx), circle=circle, tag=tag, origin=origin, city=city, archived=archived, sort=sort,
        since=since, not_since=not_since, json_=json_,
    )  # fmt: skip


@app.command()
def find(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for.")],
    json_: Json = False,
) -> None:
    """Search names, notes, interactions and helps (accents and case don't matter).

    Examples:

    \b
      net find climbing
      net find "zoe"
    """
    everyday.find(context.get(ctx), text, json_=json_)


@app.command()
def archive(ctx: typer.Context, who: Name) -> None:
    """Put someone aside: kept, but no longer suggested or listed.

    Example:

    \b
      net archive "old landlord"
    """
    _set_archived(ctx, who, archived=True)


@app.command()
def unarchive(ctx: typer.Context, who: Name) -> None:
    """Bring an archived person back.

    Example:

    \b
      net unarchive "#7"
    """
    _set_archived(ctx, who, archived=False)


def _set_archived(ctx: typer.Context, who: str, *, archived: bool) -> None:
    from quietnet.store import journal, people

    verb = "archive" if archived else "unarchive"
    with context.get(ctx).write(verb) as s:
        person = people.get(s, people.resolve_id(s, who))
        changed = people.set_archived(s, person.id, archived)
        journal.describe(s, f"{verb.capitalize()}d {person.name}")
    if archived:
        say(f"Archived {person.name}." if changed else f"{person.name} was already archived.")
    else:
        say(f"{person.name} is back." if changed else f"{person.name} was not archived.")


@app.command()
def forget(ctx: typer.Context, who: Name, yes: Yes = False) -> None:
    """Delete someone for good, with everything only about them. Asks first.

    Example:

    \b
      net forget "#12" --yes
    """
    from quietnet.store import journal, people

    c = context.get(ctx)
    with c.read() as s:
        person = people.get(s, people.resolve_id(s, who))
    context.confirm(f"Forget {person.name} (#{person.id}) and everything only about them, for good?", yes=yes)
    with c.write("forget") as s:
        people.forget(s, person.id)
        journal.describe(s, "Forgot someone", always=True)
    if c.database().backend == "sqlite":
        from quietnet.engine.snapshot import tidy

        tidy(c.store_path()[0])  # whole copies a killed backup left behind hold them too
    say(f"Forgot {person.name}" + ("" if person.name.endswith(".") else "."))


# Only --help: with -h, click would read `-hiking` as a cluster holding -h and print help.
@app.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
def tag(
    ctx: typer.Context,
    who: Name,
    changes: Annotated[list[str], typer.Argument(help="+tag to add, -tag to remove.", show_default=False)],
) -> None:
    """Add (+x) or remove (-x) tags.

    Example:

    \b
      net tag ana +climbing -work
    """
    from quietnet.store import journal, people

    add = [people.clean_tag(t[1:] if t.startswith("+") else t) for t in changes if not t.startswith("-")]
    remove = [people.clean_tag(t[1:]) for t in changes if t.startswith("-")]
    with context.get(ctx).write("tag") as s:
        person = people.get(s, people.resolve_id(s, who))
        added, removed = people.change_tags(s, person.id, add=add, remove=remove)
        journal.describe(s, f"Tagged {person.name}")
        tags = people.tags_of(s, person.id)
    if not added and not removed:
        say(f"{person.name}'s tags are unchanged: {', '.join(sorted(tags)) or 'none'}.")
    else:
        say(f"{person.name}'s tags: {', '.join(sorted(tags)) or 'none'}.")
