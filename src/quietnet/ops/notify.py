"""`net remind notify`: today's list as a desktop notification (notify-send, or osascript on macOS).

The program is run with its arguments as a list, never through a shell; the text reaching
it carries no control characters but the line breaks a notification shows.
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from quietnet.errors import ReachError

# osascript receives the words as arguments of a script, so nothing in them is AppleScript.
APPLESCRIPT = ["-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
               "-e", "end run"]  # fmt: skip


def clean(text: str) -> str:
    """Control characters removed (line breaks kept, a tab a space): a notification shows text only."""
    lines = text.replace("\t", " ").split("\n")
    return "\n".join("".join(c for c in line if unicodedata.category(c) != "Cc") for line in lines)


def arguments(program: Path, title: str, body: str) -> list[str]:
    if program.name == "osascript":
        return [str(program), *APPLESCRIPT, clean(title), clean(body)]
    return [str(program), "--app-name=quietnet", clean(title), clean(body)]


def show(program: Path, title: str, body: str, *, timeout: float = 10) -> None:
    """Show the notification; a notifier that cannot show it is one calm sentence (exit 3)."""
    try:
        done = subprocess.run(
            arguments(program, title, body), capture_output=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        raise ReachError(
            f"{program.name} could not show the notification; net remind email sends the same list."
        ) from None
    if done.returncode != 0:
        raise ReachError(
            f"{program.name} could not show the notification (it ended with status {done.returncode}); "
            "net remind email sends the same list."
        )
