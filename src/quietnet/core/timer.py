"""The files `net remind install` writes: a systemd user service and timer, or a crontab line.

Pure text: the command to run (an absolute path), the store (NET_DB, when set) and the
time of day come in; what to write comes out. ``MARK`` opens every file written, so
`net remind uninstall` removes those files and no others.
"""

from __future__ import annotations

import shlex
from datetime import time

from quietnet.core.text import shown
from quietnet.errors import InputError

SERVICE = "quietnet-remind.service"
TIMER = "quietnet-remind.timer"
MARK = "# Written by net remind install (quietnet); net remind uninstall removes it."
ENABLE = "systemctl --user daemon-reload && systemctl --user enable --now quietnet-remind.timer"
DISABLE = "systemctl --user disable --now quietnet-remind.timer"  # before net remind uninstall
RELOAD = "systemctl --user daemon-reload"  # after it


def at(text: str) -> time:
    """A time of day as HH:MM (24-hour clock)."""
    hours, colon, minutes = text.strip().partition(":")
    if (
        colon
        and hours.isascii()
        and hours.isdigit()
        and minutes.isascii()
        and minutes.isdigit()
        and len(minutes) == 2
        and 0 < len(hours) <= 2
        and int(hours) < 24
        and int(minutes) < 60
    ):
        return time(int(hours), int(minutes))
    raise InputError(f"--at takes a time of day as HH:MM, like 08:30 or 18:05, not '{shown(text)}'.")


def _unit_word(word: str) -> str:
    """One word of an ExecStart= or Environment= line: quoted, with systemd's % and \\ escaped."""
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"'


def units(command: list[str], *, db: str | None, when: time, what: str) -> dict[str, str]:
    """The service and the timer, by file name. ``command``: the program and its arguments."""
    environment = [f"Environment={_unit_word(f'NET_DB={db}')}"] if db else []
    service = [
        MARK,
        "[Unit]",
        f"Description=quietnet: today's list {what}",
        "",
        "[Service]",
        "Type=oneshot",
        *environment,
        "ExecStart=" + " ".join(_unit_word(w) for w in command),
    ]
    timer = [
        MARK,
        "[Unit]",
        f"Description=quietnet: today's list {what} at {when:%H:%M}",
        "",
        "[Timer]",
        f"OnCalendar=*-*-* {when:%H:%M}:00",
        "Persistent=true",
        "",
        "[Install]",
        "WantedBy=timers.target",
    ]
    return {SERVICE: "\n".join(service) + "\n", TIMER: "\n".join(timer) + "\n"}


def cron_line(command: list[str], *, db: str | None, when: time) -> str:
    """The crontab line (`crontab -e`); % is special in crontab, so it is escaped."""
    words = ([f"NET_DB={shlex.quote(db)}"] if db else []) + [shlex.quote(w) for w in command]
    return f"{when.minute} {when.hour} * * * " + " ".join(words).replace("%", "\\%")
