"""What `net log`, `net helped`, `net show`, `net find` and `net why` do, without Typer.

The Typer commands (``cli/log.py``, ``cli/people.py``, ``cli/due.py``) parse
and call these; so does ``cli/fastpath.py`` for the simple forms of the same
command lines, which skips building a command line at all (docs/performance.md).
Each function takes the command's ``Context`` and then exactly the Typer
command's parameters, by the same names (a test compares the signatures).
"""

from __future__ import annotations

from datetime import date, timedelta

from quietnet.cli import context
from quietnet.cli.context import say
from quietnet.core.names import listed
from quietnet.core.text import escaped_all, shown
from quietnet.errors import InputError

# Imports of what only one of these commands needs are inside it: each run is timed
# (benchmarks/run.py), and `net find` does without the scheduler `net why` loads.

# How the confirmation of `net helped` names a kind of help ("other" goes unsaid).
HELP_WORDS = {
    "intro": "an introduction",
    "advice": "advice",
    "referral": "a referral",
    "resource": "a resource",
    "recommendation": "a recommendation",
    "favor": "a favor",
}


def _when(day_text: str | None) -> tuple[str, date]:
    from quietnet.core.dates import humanize_days, parse_day

    today = context.today()
    day = today if day_text is None else parse_day(day_text, today=today)
    words = "today" if day == today else f"on {day.isoformat()} ({humanize_days((today - day).days)})"
    return words, day


def _also(typed: str, others: list[tuple[str, str]]) -> str:
    """``  "tom" also matches Tom Hughes (use tom h).``"""
    named = [f"{name} (use {how})" for name, how in others if how]
    more = [f"{len(others) - len(named)} more"] if len(others) > len(named) else []
    return f'  "{shown(typed)}" also matches {listed(named + more)}.'


def log(
    c: context.Context,
    words: list[str],
    kind: str | None = None,
    on: str | None = None,
    note: str | None = None,
    them: bool | None = None,
    with_: list[str] | None = None,
    yes: bool = False,
) -> None:
    """`net log NAME... [KIND] [DAY]`, and `net log edit|delete ID`."""
    from quietnet.cli import entries
    from quietnet.core.fields import clean_text
    from quietnet.ops import log as doing

    if (found_action := entries.wanted(words)) is not None:
        action, number = found_action
        entries.interaction(c, action, number, on=on, kind=kind, note=note, with_=with_, them=them, yes=yes)
        return
    entries.refuse_extras(with_, yes, "net log")
    text = clean_text(note, what="A note") or None if note is not None else None
    today = context.today()
    with c.write("log") as s:
        done = doing.log(s, words, kind=kind, on=on, today=today, note=text, by_them=bool(them))
    when = _when(done.day.isoformat())[0]
    word = done.kind.noun if done.said in (None, done.kind.name) else done.said  # "a meeting", never "a meet"
    default = " (the default)" if done.said is None else ""
    say(f"Logged {doing.with_article(word)}{default} with {listed(done.who)} {when}.")
    for typed, others in done.also:
        say(_also(typed, others))
    for loop in done.promises[:3]:
        say(f"  You offered {loop.person}: {loop.what} (close it with net done {loop.id}).")


def helped(
    c: context.Context,
    who: str | None = None,
    what: str | None = None,
    kind: str | None = None,
    on: str | None = None,
    what_: str | None = None,
    yes: bool = False,
    since: str | None = None,
    json_: bool = False,
) -> None:
    """`net helped NAME WHAT`, the list of helps, and `net helped edit|delete ID`."""
    from quietnet.cli import entries

    if (found_action := entries.wanted((who, what))) is not None:
        action, number = found_action
        entries.helped(c, action, number, on=on, kind=kind, what=what_, yes=yes)
        return
    if what_ is not None or yes:
        raise InputError("--what and --yes are for net helped edit ID and net helped delete ID.")
    if who is None:
        _list_helps(c, since, json_)
        return

    from quietnet.core import fields, kinds
    from quietnet.ops import log as doing

    if what is None:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    text = fields.one_line(what, what="What you did")
    if not text:
        raise InputError('Say what you did, e.g. net helped tom "intro to Sam".')
    help_kind = fields.choice(kind or "other", kinds.HELP_KINDS, what="a kind of help")
    when, day = _when(on)
    with c.write("helped") as s:
        person, promises, others = doing.helped(s, who, kind=help_kind, what=text, day=day)
    as_ = f" ({HELP_WORDS[help_kind]})" if help_kind in HELP_WORDS else ""
    say(f"Noted: you helped {person.name} {when}: {text}{as_}. Thank you for doing it.")
    if others:
        say(_also(who, others))
    for loop in promises[:3]:
        say(f"  Did this keep your promise ({loop.what})? Close it with net done {loop.id}.")


def _list_helps(c: context.Context, since: str | None, json_: bool) -> None:
    from quietnet.core.dates import parse_day
    from quietnet.render.console import to_json
    from quietnet.store.interactions import helps

    today = context.today()
    start = today - timedelta(weeks=12) if since is None else parse_day(since, today=today)
    with c.read() as s:
        found = helps(s, since=start)
    if json_:
        say(to_json([h._asdict() for h in found]))
        return
    if not found:
        say(f'No helps logged since {start.isoformat()}. A small one counts: net helped NAME "what".')
        return
    say(f"Ways you helped since {start.isoformat()}:")
    for h in found:
        say(
            f"  {h.day.isoformat()}  {h.person}: {h.what} ({h.kind})"
            + (f" -> {h.outcome}" if h.outcome else "")
        )
    say(f"{len(found)} in all.")


def show(c: context.Context, who: str, json_: bool = False) -> None:
    """`net show NAME`: everything about one person."""
    from quietnet.render import people as render
    from quietnet.render.extras import extras_dict, extras_sections
    from quietnet.store import interactions, loops, people, profile

    today = context.today()
    with c.read() as s:
        person = people.get(s, people.resolve_id(s, who))
        timeline = interactions.timeline(s, person.id)
        open_loops = loops.open_loops(s, person_id=person.id)
        extras = profile.extras(s, person.id)
    if json_:
        say(render.profile_json(person, timeline, open_loops, extras_dict(extras, today=today)))
    else:
        sections = extras_sections(extras, today=today, person_id=person.id)
        ink = context.ink()
        if ink.marked:  # every stored string escaped first: the marks are the only controls left
            person, timeline, open_loops, sections = escaped_all((person, timeline, open_loops, sections))
        text = render.profile_text(person, timeline, open_loops, today=today, sections=sections, ink=ink)
        say(text, fitted=True, marked=ink.marked)


def find(c: context.Context, text: str, json_: bool = False) -> None:
    """`net find TEXT`: names, notes, interactions and helps."""
    from quietnet.core.fields import clean_name
    from quietnet.render import people as render
    from quietnet.store import search

    query = clean_name(text, what="What to find")
    with c.read() as s:
        hits = search.find(s, query)
    if json_:
        say(render.hits_json(hits))
    else:
        say(render.hits_text(hits, query), fitted=True)


def why(c: context.Context, who: str, as_of: str | None = None, json_: bool = False) -> None:
    """`net why NAME`: how one person's score adds up."""
    from quietnet.ops.why import explain
    from quietnet.render import why as render
    from quietnet.render.console import to_json

    day = context.as_of(as_of)
    with c.read() as s:
        found = explain(s, who, today=day)
    person = found.person
    if found.assessment is None:
        sentence = f"{person.name} is archived, so not suggested. net unarchive brings them back."
        if json_:
            gone = {"as_of": day.isoformat(), "id": person.id, "name": person.name, "listed": False,
                    "not_listed": "archived", "sentence": sentence}  # fmt: skip
            say(to_json(gone))
        else:
            say(sentence)
        return
    assert found.plan is not None  # someone not archived has a place
    explained = render.Why(found.assessment, found.plan, found.code, found.daily_max)
    say(render.why_json(explained) if json_ else render.why_text(explained))
