"""One error hierarchy: each error carries a calm sentence and an exit code.

The CLI's single boundary (``cli/app.py``) turns any ``QuietnetError`` into its
message on stderr and its exit code; nothing else in the tool prints errors.
"""

from __future__ import annotations


class QuietnetError(Exception):
    """Something the user asked for could not be done; nothing was written."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class InputError(QuietnetError):
    """The user's input was refused (exit 1)."""


class DateError(InputError):
    """A date, duration or cadence could not be understood."""


class NotFoundError(InputError):
    """No person (or record) matches what was typed."""


class AmbiguousError(InputError):
    """Several people match what was typed."""


class ConfirmationNeeded(InputError):
    """A question needs an answer but no terminal is attached and --yes was not given."""


class StoreError(QuietnetError):
    """The database could not be used as asked (exit 3)."""

    exit_code = 3


class ReachError(QuietnetError):
    """Something outside the store (a mail server, a desktop notifier) could not be used (exit 3)."""

    exit_code = 3
