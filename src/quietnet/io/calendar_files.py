"""Where `net capture calendar` finds its calendars: the .ics files below a folder, and one file read
into iCalendar components (refused when it can't be read or is not a calendar)."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from quietnet.errors import InputError
from quietnet.io.capture_paths import could_not_read

if TYPE_CHECKING:
    from icalendar import Component

MAX_FILE = 32 * 1024 * 1024  # one calendar file, as one import (io/reading.py): parsed whole in memory
BROKEN = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError)


def calendar_files(folder: Path, problems: list[str]) -> Iterator[Path]:
    """The .ics files below ``folder`` in a stable order; hidden names and links to folders passed over,
    a folder that can't be read said in ``problems``."""
    for root, folders, files in os.walk(folder, onerror=lambda exc: problems.append(could_not_read(exc))):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(".ics"):
                yield Path(root, name)


def read(path: Path) -> list[Component]:
    """The calendars in one file; refused (InputError) when it can't be read or is not iCalendar."""
    from icalendar import Calendar

    try:
        found = os.stat(path)
        if not stat.S_ISREG(found.st_mode):
            raise InputError(f"{path} is not a regular file (a pipe or a device); nothing was captured.")
        if found.st_size > MAX_FILE:
            raise InputError(
                f"{path} is larger than {MAX_FILE // (1024 * 1024)} MB, the most one calendar file may be;"
                " nothing was captured.",
                hint="Export a shorter span of time and capture that.",
            )
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE + 1)
    except OSError as exc:
        raise unreadable(path, exc) from None
    # Unfolded as bytes first: a long line may be folded inside a UTF-8 character (RFC 5545 3.1).
    data = re.sub(rb"\r?\n[ \t]", b"", data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # an old export in another 8-bit charset: read as Latin-1, as mail is
        text = data.decode("latin-1")
    not_calendar = InputError(
        f"{path} is not a calendar: an .ics file holds BEGIN:VCALENDAR ... END:VCALENDAR; "
        "nothing was captured."
    )
    try:
        components = Calendar.from_ical(text, multiple=True)
    except BROKEN:
        raise not_calendar from None
    calendars: list[Component] = [c for c in components if c.name == "VCALENDAR"]
    if not calendars:
        raise not_calendar
    return calendars


def unreadable(path: Path, exc: OSError) -> InputError:
    why = (exc.strerror or "an error").lower()
    return InputError(f"{path} can't be read ({why}); nothing was captured.")
