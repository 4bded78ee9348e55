"""`net undo`: revert the last change, only if it is still the one the user was shown."""

from __future__ import annotations

from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import journal
from quietnet.store import undo as changes


def undo(s: Session, change_id: int, summary: str) -> str:
    """Revert change ``change_id`` (``summary``: what it did); returns what undoing it did."""
    again, rows = changes.latest(s)
    if again.id != change_id:  # someone wrote in between: don't undo the wrong thing
        raise InputError("The store changed while you were deciding; nothing was undone. Try again.")
    changes.revert(s, rows)
    done = changes.undo_summary(summary)
    journal.describe(s, done)
    return done
