"""Double opt-in introductions as a small state machine.

    asking --(both say yes)--> accepted --(made)--> introduced --(checked)--> checked
       \\--(either says no)--> declined        (asking or accepted) --(drop)--> dropped

While ``asking`` you ask each person privately (``ask``) and note their answer
(``accepted`` or ``declined``); only when both said yes do you write to both
together (``made``), and about a week later you check in (``checked``).

Pure: ``transition`` takes an ``Intro`` and a verb and returns the fields to
change, or raises ``InputError`` with one sentence; nothing here touches the store.
"""

from datetime import date, timedelta
from typing import Any, NamedTuple

from quietnet.errors import InputError

STATES: tuple[str, ...] = ("asking", "accepted", "introduced", "checked", "declined", "dropped")
OPEN_STATES: tuple[str, ...] = ("asking", "accepted", "introduced")
VERBS: tuple[str, ...] = ("ask", "accepted", "declined", "made", "checked", "drop")
CHECK_AFTER = timedelta(days=7)  # check in about a week after introducing
DOUBLE_OPT_IN = (
    "Double opt-in: ask each of them privately first, and write to both together only once both say yes."
)


class Intro(NamedTuple):
    id: int
    person_id: int  # A
    person: str
    other_id: int  # B
    other: str
    why: str
    state: str
    opened_on: date
    a_asked_on: date | None = None
    a_answer: str | None = None  # "yes" | "no"
    a_answered_on: date | None = None
    b_asked_on: date | None = None
    b_answer: str | None = None
    b_answered_on: date | None = None
    made_on: date | None = None
    checked_on: date | None = None
    closed_on: date | None = None
    outcome: str | None = None

    def name(self, side: str) -> str:
        return self.person if side == "a" else self.other

    def get(self, side: str, field: str) -> Any:
        return getattr(self, f"{side}_{field}")

    @property
    def check_on(self) -> date | None:
        """When a check-in comes up: about a week after the introduction."""
        return None if self.made_on is None else self.made_on + CHECK_AFTER

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


def quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def _closed(i: Intro) -> str:
    when = i.closed_on.isoformat() if i.closed_on else "earlier"
    if i.state == "declined":
        who = next((i.name(s) for s in "ab" if i.get(s, "answer") == "no"), "one of them")
        return f"Introduction #{i.id} is closed: {who} said no thanks on {when}."
    if i.state == "dropped":
        return f"Introduction #{i.id} is closed: you let it go on {when}."
    return f"Introduction #{i.id} is complete: you checked in on {when}."


def side_of(i: Intro, person_id: int, shown: str) -> str:
    if person_id == i.person_id:
        return "a"
    if person_id == i.other_id:
        return "b"
    raise InputError(f"{shown} is not part of introduction #{i.id} ({i.person} and {i.other}).")


def _pending(i: Intro, verb: str) -> list[str]:
    if verb == "ask":
        return [s for s in "ab" if i.get(s, "asked_on") is None]
    return [s for s in "ab" if i.get(s, "asked_on") is not None and i.get(s, "answer") is None]


def _choose(i: Intro, verb: str, side: str | None) -> str:
    """The side a verb is about: as given, or the only one it can be."""
    if side is not None:
        return side
    pending = _pending(i, verb)
    if len(pending) == 1:
        return pending[0]
    names = " or ".join(f"--who {quoted(i.name(s))}" for s in "ab")
    if verb == "ask" and pending:
        raise InputError(f"Say whom you asked: {names}.")
    if verb == "ask":
        raise InputError(
            f"You already asked both of them; note an answer with net intro accepted {i.id} --who NAME."
        )
    if pending:
        raise InputError(f"Say whose answer it is: {names}.")
    first = next(s for s in "ab" if i.get(s, "asked_on") is None)
    raise InputError(
        f"You haven't asked {i.name(first)} yet: ask privately first "
        f"(net intro ask {i.id} --who {quoted(i.name(first))})."
    )


def _not_before(day: date, earlier: date | None, what: str) -> None:
    if earlier is not None and day < earlier:
        raise InputError(f"{day.isoformat()} is before {what} ({earlier.isoformat()}); pick a later day.")


def transition(
    i: Intro, verb: str, *, day: date, side: str | None = None, note: str | None = None
) -> dict[str, Any]:
    """The fields that change when ``verb`` happens on ``day``; InputError if it can't happen now."""
    if verb not in VERBS:
        raise InputError(f'"{verb}" is not a step of an introduction; the steps are {", ".join(VERBS)}.')
    if not i.is_open:
        raise InputError(_closed(i))
    _not_before(day, i.opened_on, "the day it was planned")
    if verb in ("ask", "accepted", "declined"):
        if i.state != "asking":
            raise InputError(f"Both already said yes to introduction #{i.id}; next: net intro made {i.id}."
                             if i.state == "accepted" else
                             f"Introduction #{i.id} was already made on {_iso(i.made_on)}.")  # fmt: skip
        s = _choose(i, verb, side)
        name = i.name(s)
        if verb == "ask":
            if i.get(s, "asked_on") is not None:
                raise InputError(
                    f"You already asked {name} about introduction #{i.id} on {_iso(i.get(s, 'asked_on'))}."
                )
            return {f"{s}_asked_on": day}
        if i.get(s, "asked_on") is None:
            raise InputError(
                f"You haven't asked {name} yet: ask privately first"
                f" (net intro ask {i.id} --who {quoted(name)})."
            )
        if i.get(s, "answer") is not None:
            word = "yes" if i.get(s, "answer") == "yes" else "no thanks"
            raise InputError(f"{name} already answered ({word}, on {_iso(i.get(s, 'answered_on'))}).")
        _not_before(day, i.get(s, "asked_on"), f"you asked {name}")
        answer = "yes" if verb == "accepted" else "no"
        changes: dict[str, Any] = {f"{s}_answer": answer, f"{s}_answered_on": day}
        other = "b" if s == "a" else "a"
        if answer == "no":
            changes.update(state="declined", closed_on=day)
        elif i.get(other, "answer") == "yes":
            changes["state"] = "accepted"
        return changes
    if verb == "made":
        if i.state == "asking":
            waiting = " and ".join(i.name(s) for s in "ab" if i.get(s, "answer") != "yes")
            raise InputError(
                f"Introduction #{i.id} is still waiting on {waiting}: ask each privately first, "
                "and introduce them once both say yes."
            )
        if i.state == "introduced":
            raise InputError(f"Introduction #{i.id} was already made on {_iso(i.made_on)}.")
        _not_before(day, max(d for d in (i.a_answered_on, i.b_answered_on, i.opened_on) if d), "their yes")
        return {"state": "introduced", "made_on": day}
    if verb == "checked":
        if i.state != "introduced":
            raise InputError(f"Introduction #{i.id} hasn't been made yet; check in once it is.")
        _not_before(day, i.made_on, "the introduction")
        return {"state": "checked", "checked_on": day, "closed_on": day, "outcome": note}
    if i.state == "introduced":
        raise InputError(
            f"Introduction #{i.id} was made on {_iso(i.made_on)};"
            f" to close it, check in: net intro checked {i.id}."
        )
    return {"state": "dropped", "closed_on": day}


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "an earlier day"


def _side_line(i: Intro, s: str) -> str:
    asked, answer = i.get(s, "asked_on"), i.get(s, "answer")
    if asked is None:
        return f"{i.name(s)}: not asked yet"
    if answer is None:
        return f"{i.name(s)}: asked {asked.isoformat()}, no answer yet"
    return f"{i.name(s)}: {'yes' if answer == 'yes' else 'no thanks'} ({_iso(i.get(s, 'answered_on'))})"


def status(i: Intro) -> str:
    """Where an introduction stands, in one line."""
    if i.state == "asking":
        return "; ".join(_side_line(i, s) for s in "ab")
    if i.state == "accepted":
        return "both said yes"
    if i.state == "introduced":
        return f"introduced {_iso(i.made_on)}"
    if i.state == "checked":
        return f"checked in {_iso(i.checked_on)}" + (f": {i.outcome}" if i.outcome else "")
    return _closed(i)


def next_step(i: Intro, *, today: date) -> str | None:
    """The one next thing to do, or None when there is nothing to do (closed, or waiting)."""
    if i.state == "asking":
        unasked = [s for s in "ab" if i.get(s, "asked_on") is None]
        if unasked:
            name = i.name(unasked[0])
            return f"Ask {name} privately first: net intro ask {i.id} --who {quoted(name)}"
        return None  # waiting for answers
    if i.state == "accepted":
        return f"Both said yes. Write one short note to both, then: net intro made {i.id}"
    if i.state == "introduced" and i.check_on is not None and i.check_on <= today:
        return f"A short note to each, to hear how it went? Then: net intro checked {i.id}"
    return None
