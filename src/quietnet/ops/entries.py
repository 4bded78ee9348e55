"""`net log edit|delete ID`, `net helped edit|delete ID` and `net note`: add, change or remove one entry.

What is refused once the store is read (an id that is not there, the touch of a help
changed as an interaction), what the change is called in `net undo --list`, and the
words that name an entry in a question or a confirmation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from quietnet.core import kinds
from quietnet.core.names import listed
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import edits, journal, notes, people


@dataclass(frozen=True)
class InteractionEdit:
    """What `net log edit` was asked to change; None leaves a field as it is."""

    day: date | None = None
    kind: str | None = None
    said: str | None = None
    note: str | None = None
    by_them: bool | None = None
    names: tuple[str, ...] | None = None


def _interaction(s: Session, interaction_id: int) -> sqlite3.Row:
    row = edits.interaction(s, interaction_id)
    if row is None:
        raise InputError(
            f"There is no interaction #{interaction_id}. net show NAME lists them with their ids."
        )
    help_id = edits.help_of(s, interaction_id)
    if help_id is not None:
        raise InputError(
            f"Interaction #{interaction_id} is the touch of a way you helped: "
            f"change it with net helped edit {help_id}, or remove it with net helped delete {help_id}."
        )
    return row


def _help(s: Session, help_id: int) -> sqlite3.Row:
    row = edits.help_row(s, help_id)
    if row is None:
        raise InputError(f"There is no way you helped with the id #{help_id}. net show NAME lists them.")
    return row


def interaction_words(s: Session, interaction_id: int) -> str:
    """``the coffee with Ana Ruiz on 2025-06-18 (#12)``."""
    row = edits.interaction(s, interaction_id)
    assert row is not None
    who = edits.names(s, edits.participants(s, interaction_id))
    kind = kinds.BY_NAME.get(row["kind"])
    said = row["said"] or row["kind"]
    if kind is not None and row["said"] in (None, row["kind"]):
        said = kind.noun  # "the meeting", never "the meet"
    return f"the {said} with {listed(who)} on {row['day']} (#{interaction_id})"


def help_words(s: Session, help_id: int) -> str:
    """``the help to Ana Ruiz on 2025-06-18 (#5, intro: intro to Sam)``."""
    row = edits.help_row(s, help_id)
    assert row is not None
    (who,) = edits.names(s, [int(row["person_id"])])
    return f"the help to {who} on {row['day']} (#{help_id}, {row['kind']}: {row['what']})"


def edit_interaction(s: Session, interaction_id: int, change: InteractionEdit) -> tuple[bool, str]:
    """Apply the change; whether anything changed, and the interaction as it now reads."""
    _interaction(s, interaction_id)
    values: dict[str, Any] = {}
    if change.day is not None:
        values["day"] = change.day.isoformat()
    if change.kind is not None:
        values["kind"], values["said"] = change.kind, change.said
    if change.note is not None:
        values["note"] = change.note or None
    if change.by_them is not None:
        values["by_them"] = change.by_them
    ids = None if change.names is None else [people.resolve_id(s, n) for n in change.names]
    changed = edits.edit_interaction(s, interaction_id, values, ids)
    words = interaction_words(s, interaction_id)
    if changed:
        journal.describe(s, f"Changed {words}")
    return changed, words


def delete_interaction(s: Session, interaction_id: int) -> str:
    _interaction(s, interaction_id)
    words = interaction_words(s, interaction_id)
    edits.delete_interaction(s, interaction_id)
    journal.describe(s, f"Removed {words}", always=True)
    return words


def check_interaction(s: Session, interaction_id: int) -> str:
    """The words for the question before a removal; refuses an id that can't be removed."""
    _interaction(s, interaction_id)
    return interaction_words(s, interaction_id)


def edit_help(
    s: Session, help_id: int, *, day: date | None, kind: str | None, what: str | None
) -> tuple[bool, str]:
    _help(s, help_id)
    changed = edits.edit_help(s, help_id, day=day, kind=kind, what=what)
    words = help_words(s, help_id)
    if changed:
        journal.describe(s, f"Changed {words}")
    return changed, words


def check_help(s: Session, help_id: int) -> str:
    _help(s, help_id)
    return help_words(s, help_id)


def delete_help(s: Session, help_id: int) -> str:
    _help(s, help_id)
    words = help_words(s, help_id)
    edits.delete_help(s, help_id)
    journal.describe(s, f"Removed {words}", always=True)
    return words


def add_note(s: Session, who: str, *, day: date, text: str) -> tuple[str, int]:
    """A dated note about someone; their name and the note's id."""
    person = people.get(s, people.resolve_id(s, who))
    note_id = notes.add(s, person_id=person.id, day=day, text=text)
    journal.describe(s, f"Noted about {person.name}")
    return person.name, note_id


def note_words(s: Session, note_id: int) -> str:
    """``the note about Ana Ruiz on 2025-06-15 (#4)``; refuses an id that is not there."""
    note = notes.get(s, note_id)
    if note is None:
        raise InputError(f"There is no note #{note_id}. net show NAME lists them with their ids.")
    return f"the note about {note.person} on {note.day.isoformat()} (#{note_id})"


def edit_note(s: Session, note_id: int, *, day: date | None, text: str | None) -> tuple[bool, str]:
    note_words(s, note_id)
    changed = notes.edit(s, note_id, day=day, text=text)
    words = note_words(s, note_id)
    if changed:
        journal.describe(s, f"Changed {words}")
    return changed, words


def delete_note(s: Session, note_id: int) -> str:
    words = note_words(s, note_id)
    notes.delete(s, note_id)
    journal.describe(s, f"Removed {words}", always=True)
    return words
