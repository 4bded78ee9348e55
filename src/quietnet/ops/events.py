"""`net event ...` and `net events`: the use cases, each inside the command's one transaction.

The commands (``cli/events.py``) parse and check their options, open the
transaction, call these and render what they return. Here are the rules: which
event a name means (or a new edition of it), what considering and planning
record, who an event log adds and links, and the question list's limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from quietnet.core.events import DEFAULT_QUESTIONS, EventPlan, Group, Proposal, Verdict, history, make_plan
from quietnet.core.events import consider as weigh
from quietnet.core.fields import clean_name, clean_text
from quietnet.core.names import NameKey, resolve
from quietnet.core.records import Event
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import events, journal, loops, people

Lines = list[tuple[str, str | None]]  # "NAME: one line", split


def find_or_create(
    s: Session, name: str, day: date | None, *, today: date, exact: bool, logged_ok: bool = False
) -> Event:
    """The event a name means on ``day``; else a new one, or a new edition (same name, another day)."""
    found = events.find(s, name, prefix=not exact)
    same_day = found is not None and (day is None or found.day == day)
    if found is not None and same_day and (found.logged_on is None or logged_ok):
        return found
    # a new event, or another edition of one (a monthly meetup): same name, another day
    title = found.name if found is not None else clean_name(name, what="An event's name")
    return events.get(s, events.create(s, name=title, day=today if day is None else day))


def consider(
    s: Session,
    name: str,
    *,
    day: date | None,
    today: date,
    values: Mapping[str, object],
    knows: list[str],
) -> tuple[Event, Verdict]:
    """Weigh an event (go or skip) and record the decision and its reasons."""
    e = find_or_create(s, name, day, today=today, exact=True)
    for typed in knows:
        events.link(s, e.id, people.resolve_id(s, typed), role="knows")
    events.update(s, e.id, {k: v for k, v in values.items() if v is not None})
    e = events.get(s, e.id)
    proposal = Proposal(e.name, e.day, e.interest, e.size, e.format, e.role, tuple(events.known(s, e.id)))
    verdict = weigh(
        proposal, past=events.past(s), going=events.going(s, e.day, leaving_out=e.id), budget=events.budget(s)
    )
    events.update(s, e.id, {"decision": verdict.decision, "reasons": [r.text for r in verdict.reasons]})
    journal.describe(s, f"Considered {e.name}: {verdict.decision}")
    return e, verdict


def plan(
    s: Session,
    name: str,
    *,
    day: date | None,
    today: date,
    goal: str | None,
    starts: str | None,
    leave_by: str | None,
    recovery: str | None,
) -> tuple[Event, EventPlan]:
    """Prepare for an event (goal, leave-by, people to look for, questions, recovery) and keep the plan."""
    e = find_or_create(s, name, day, today=today, exact=False)
    made = make_plan(
        size=e.size, fmt=e.format, role=e.role, known=events.known(s, e.id),
        questions=events.questions(s), past=events.past(s), offset=e.id,
        goal=goal, starts=starts, leave_by=leave_by, recovery=recovery,
    )  # fmt: skip
    events.update(
        s,
        e.id,
        {
            "goal": made.goal,
            "leave_by": made.leave_by,
            "questions": made.questions,
            "recovery": made.recovery,
        },
    )
    journal.describe(s, f"Planned for {e.name}")
    return e, made


def log(
    s: Session,
    name: str,
    *,
    day: date | None,
    today: date,
    met: Lines,
    promised: Lines,
    values: Mapping[str, object],
) -> tuple[Event, list[tuple[int, str]], list[tuple[int, str, str]]]:
    """Log an event that happened: who you met (added or linked), promises (open loops), how it went.

    Returns the event, the people met (id, name) and the promises (loop id, name, what).
    """
    e = find_or_create(s, name, day, today=today, exact=False, logged_ok=True)
    if e.day > today:
        raise InputError(f"{e.name} is on {e.day.isoformat()}, after today; log it once it has happened.")
    added: list[tuple[int, str]] = []
    for typed, note in met:
        if typed.startswith("#"):
            person_id = people.resolve_id(s, typed)
        else:
            fields = {"origin": "event", "how_met": e.name, "met_on": e.day, "circle": "acquaintance"}
            fields["notes"] = clean_text(note, what="A note", limit=2_000) if note else None
            person_id = people.add(s, name=_new_name(typed), fields=fields)
        events.link(s, e.id, person_id, role="met", note=note)
        added.append((person_id, people.get(s, person_id).name))
    made: list[tuple[int, str, str]] = []
    for typed, what in promised:
        person_id = _among(s, typed, added)
        loop_id = loops.open_loop(s, person_id=person_id, type="promise", what=str(what), day=today)
        events.add_promise(s, e.id, loop_id)
        made.append((loop_id, people.get(s, person_id).name, str(what)))
    logged = {"logged_on": today, **values, "decision": "go"}
    events.update(s, e.id, {k: v for k, v in logged.items() if v is not None})
    journal.describe(s, f"Logged {e.name}")
    return events.get(s, e.id), added, made


def _new_name(typed: str) -> str:
    name = clean_name(typed)
    if name.startswith("#"):
        raise InputError(f'A name can\'t start with "#" ({name}): #12 is how ids are written.')
    return name


def _among(s: Session, typed: str, added: list[tuple[int, str]]) -> int:
    """A promise's person: first among the people just met, then in the whole store."""
    if added and not typed.startswith("#"):
        try:
            return resolve([NameKey(i, n, None, False) for i, n in added], typed).id
        except InputError:
            pass
    return people.resolve_id(s, typed)


def set_budget(s: Session, per_month: int) -> None:
    events.set_budget(s, per_month)
    journal.describe(s, f"Set the event budget to {per_month} a month")


def change_questions(s: Session, *, add: str | None, remove: int | None, reset: bool) -> list[str]:
    """Add a question, remove question N (keeping at least three), or go back to the built-in list."""
    pool = events.questions(s)
    if add is not None:
        pool.append(clean_name(add, what="A question"))
    elif remove is not None:
        if not 1 <= remove <= len(pool):
            raise InputError(f"There is no question {remove}; the list has {len(pool)}.")
        if len(pool) <= 3:
            raise InputError("Keep at least three questions: a plan takes three.")
        del pool[remove - 1]
    else:
        pool = list(DEFAULT_QUESTIONS)
    events.set_questions(s, pool)
    journal.describe(s, "Changed the event questions")
    return pool


def looking_back(s: Session, *, today: date) -> tuple[list[Group], list[Event]]:
    """What logged events gave you (by format and size), and the events ahead not logged, soonest first."""
    groups = history(events.logged(s, today=today))
    upcoming = [e for e in events.listing(s) if e.day >= today and e.logged_on is None][::-1]
    return groups, upcoming
