"""Ways of helping, each inside the command's one transaction: ideas passed on or let go,
introductions planned and moved along, loops closed.

The commands (``cli/give.py``, ``cli/intro.py``, ``cli/loops.py``) parse their
options and say what happened; here are the rules: what may be closed and when,
and which help a step records (an idea passed on, an introduction made, a
promise kept all become helps).
"""

from __future__ import annotations

from datetime import date

from quietnet.core.give import HelpIdea, matches, suggest
from quietnet.core.intro import Intro, side_of, transition
from quietnet.core.profile import Saved
from quietnet.core.records import Loop, Person
from quietnet.core.relations import CLOSE
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import give, intros, journal, loops, people, relationships, saved
from quietnet.store.interactions import helped


def close_idea(
    s: Session, who: str, item_id: int, *, passed_on: bool, kind: str, day: date
) -> tuple[Person, Saved, Saved | None]:
    """Pass a saved idea on (recorded as a help) or let it go; returns the person, the idea, and it after."""
    person = people.get(s, people.resolve_id(s, who))
    item = saved.get(s, item_id)
    if item is None or item.person_id != person.id:
        shown = f'"{who}"' if " " in who else who
        raise InputError(f"There is no saved idea #{item_id} for {person.name}; net give {shown} lists them.")
    if item.done_on is not None:
        raise InputError(f"Saved idea #{item_id} was already passed on, on {item.done_on.isoformat()}.")
    if passed_on:
        if day < item.saved_on:
            raise InputError(f"{day.isoformat()} is before you saved it ({item.saved_on.isoformat()}).")
        help_id = helped(s, person_id=person.id, kind=kind, what=item.what, day=day)
        saved.mark_done(s, item_id, day=day, help_id=help_id)
        journal.describe(s, f"Passed an idea on to {person.name}: {item.what}")
    else:
        saved.drop(s, item_id)
        journal.describe(s, f"Let go of an idea for {person.name}")
    return person, item, saved.get(s, item_id)


def plan_intro(s: Session, a: str, b: str, *, why: str, asked_by: str | None, day: date) -> Intro:
    """A new introduction of two different people, with none open between them already."""
    first = people.get(s, people.resolve_id(s, a))
    second = people.get(s, people.resolve_id(s, b))
    if first.id == second.id:
        raise InputError(f"An introduction needs two different people; both names are {first.name}.")
    close = [r for *_, r in relationships.between(s, first.id, second.id) if r in CLOSE]
    if close:
        raise InputError(
            f"{first.name} and {second.name} know each other already ({close[0]}s); no introduction needed."
        )
    existing = intros.open_between(s, first.id, second.id)
    if existing is not None:
        raise InputError(
            f"There is already an open introduction of {first.name} and {second.name} (#{existing.id})."
        )
    side = None
    if asked_by is not None:
        asker = people.resolve_id(s, asked_by)
        if asker not in (first.id, second.id):
            raise InputError(
                f"--asked-by names someone who is not part of it ({first.name} and {second.name})."
            )
        side = "a" if asker == first.id else "b"
    intro_id = intros.create(s, person_id=first.id, other_id=second.id, why=why, day=day, asked_by=side)
    journal.describe(s, f"Planned an introduction of {first.name} and {second.name}")
    return intros.get(s, intro_id)


def _answered_needs(s: Session, i: Intro, help_ids: dict[int, int], day: date) -> list[Loop]:
    """Close the open needs of either person that the other fits (as `net give` matched them)."""
    fitting = {p.id: p for p in give.profiles(s) if p.id in (i.person_id, i.other_id)}
    closed = []
    for owner, other in ((i.person_id, i.other_id), (i.other_id, i.person_id)):
        for loop in loops.open_loops(s, person_id=owner):
            if loop.type == "need" and other in fitting and matches(loop.what, owner, [fitting[other]]):
                loops.close(s, loop.id, day=day, help_id=help_ids[owner])
                closed.append(loop)
    return closed


def step_intro(
    s: Session, verb: str, intro_id: int, *, who: str | None, outcome: str | None, day: date
) -> tuple[Intro, dict[str, object], list[Loop]]:
    """Move an introduction one step (``core/intro.py`` VERBS); made logs a help for both people
    and closes the needs it answered (the loops it closed come back third)."""
    current = intros.get(s, intro_id)
    side = None if who is None else side_of(current, people.resolve_id(s, who), who)
    changes = transition(current, verb, day=day, side=side, note=outcome)
    help_ids: dict[int, int] = {}
    if verb == "made":
        for s_, pid, other in (
            ("a", current.person_id, current.other),
            ("b", current.other_id, current.person),
        ):
            what = f"introduced them to {other} ({current.why})"
            help_ids[pid] = helped(s, person_id=pid, kind="intro", what=what, day=day)
            changes[f"{s_}_help_id"] = help_ids[pid]
    intros.change(s, intro_id, changes)
    answered = _answered_needs(s, current, help_ids, day) if verb == "made" else []
    if verb == "checked" and outcome:
        for help_id in intros.help_ids(s, intro_id):
            intros.note_outcome(s, help_id, outcome, day)
    journal.describe(s, f"Introduction #{intro_id} of {current.person} and {current.other}: {verb}")
    return intros.get(s, intro_id), changes, answered


def close_loop(
    s: Session, loop_id: int, *, helped_with: str | None, kind: str, day: date
) -> tuple[Loop, int | None]:
    """Close an open loop; a kept promise may record the help it became (its id, else None)."""
    loop = loops.get(s, loop_id)
    if loop.closed_on is not None:
        raise InputError(f"Loop #{loop_id} was already closed on {loop.closed_on.isoformat()}.")
    help_id = None
    if helped_with:
        help_id = helped(s, person_id=loop.person_id, kind=kind, what=helped_with, day=day)
    loops.close(s, loop_id, day=day, help_id=help_id)
    journal.describe(s, f"Closed loop #{loop_id} ({loop.person})")
    return loop, help_id


def ideas_for(
    s: Session, who: str, *, today: date, remember: bool
) -> tuple[Person, list[Saved], list[HelpIdea]]:
    """Ideas kept for someone and fresh ways to help; ``remember`` notes what was shown (a writable store)."""
    person = people.get(s, people.resolve_id(s, who))
    kept = saved.saved(s, person_id=person.id)
    ideas = suggest(give.facts(s, person.id, today=today), recent=give.shown(s, person.id))
    if remember:
        give.remember(s, person.id, [i.code for i in ideas], today)
    return person, kept, ideas
