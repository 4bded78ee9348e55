"""`net remind notify`: today's list as a desktop notification (notify-send, or osascript on macOS).

The program is run with its arguments as a list, never through a shell; the text reaching
it carries no control characters but the line breaks a notification shows.
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from quietnet.core.text import BIDI_CONTROLS
from quietnet.errors import ReachError

# osascript receives the words as arguments of a script, so nothing in them is AppleScript.
APPLESCRIPT = ["-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
               "-e", "end run"]  # fmt: skip


def _kept(c: str) -> bool:
    return unicodedata.category(c) != "Cc" and c not in BIDI_CONTROLS and c not in "\u2028\u2029"


def clean(text: str) -> str:
    """Control and bidirectional characters removed (line breaks kept, a tab a space): text only."""
    lines = text.replace("\t", " ").split("\n")
    return "\n".join("".join(c for c in line if _kept(c)) for line in lines)


def markup_escaped(text: str) -> str:
    """The body as notify-send's daemons read it: a little markup, so & < > and quotes escaped."""
    for raw, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")):
        text = text.replace(raw, entity)
    return text


def arguments(program: Path, title: str, body: str) -> list[str]:
    if program.name == "osascript":
        return [str(program), *APPLESCRIPT, clean(title), clean(body)]
    # the summary is shown as plain text; the body as markup by most notification daemons
    return [str(program), "--app-name=quietnet", clean(title), markup_escaped(clean(body))]


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
