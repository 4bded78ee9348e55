"""The calendar files of the capture tests: reading the fixtures, writing small calendars."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from quietnet.core.capture import Found, Scan
from quietnet.io.calendar_read import scan

HERE = Path(__file__).parent / "fixtures" / "capture" / "calendar"
BERLIN = ZoneInfo("Europe/Berlin")
ME = ("jo@park.example", "Jo@Work.example")  # any case: addresses are compared lower-case
SINCE, UNTIL = date(2025, 3, 21), date(2025, 6, 19)  # 90 days before NET_TODAY, and NET_TODAY


def read(*names: str | Path, zone: ZoneInfo = BERLIN, **kw: object) -> Scan:
    paths = [HERE / n if isinstance(n, str) else n for n in names]
    options: dict[str, object] = {"me": ME, "since": SINCE, "until": UNTIL, "zone": zone, **kw}
    return scan(paths, **options)  # type: ignore[arg-type]


def brief(found: list[Found]) -> list[tuple[str, str, str, bool]]:
    """(key, day, kind, mine) of each occurrence: what most tests compare."""
    return [(f.key, f.day.isoformat(), f.kind, f.mine) for f in found]


def moment(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


WEEKLY = "0b6f1c4e-5d0a-4c55-9a3e-7f1d2c9e8a41"


# Helpers that write a small calendar.


def event(uid: str, summary: str, *more: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid}" if uid else "DTSTAMP:20250601T000000Z"]
    lines += ["DTSTART:20250602T090000Z", f"SUMMARY:{summary}", *more, "END:VEVENT"]
    return lines


def written(folder: Path, lines: list[str], *, name: str = "calendar.ics") -> Path:
    path = folder / name
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path
