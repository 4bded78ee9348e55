"""Time `net capture calendar` on a generated year of 5,000 events (issue 18).

    python benchmarks/capture_calendar.py                # one exported .ics file, then a vdir folder
    python benchmarks/capture_calendar.py --events 500   # smaller, as a smoke test
    python benchmarks/capture_calendar.py --format vdir

The calendar is generated into a temporary folder (removed afterwards): a year
of events with 2,000 people, 500 of whom the store knows, one to three
attendees each, a tenth of them weekly series, a fifth with a Meet link, some
declined, some all-day, as a Google export (one file) or as khal and
vdirsyncer keep it (one file per event). Each run is one `net` process, timed
from spawn to exit: the dry run, the capture (`--yes`), then a second capture
that finds everything already captured.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from capture import ME, TODAY, store, timed  # the mail benchmark's store and timing

PEOPLE = 2000


def _event(rng: random.Random, n: int, start: datetime) -> list[str]:
    moment = start + timedelta(minutes=30 * rng.randrange(365 * 48))
    lines = ["BEGIN:VEVENT", f"UID:e{n}@bench.example", f"DTSTAMP:{moment:%Y%m%dT%H%M%SZ}"]
    if rng.random() < 0.05:
        lines += [f"DTSTART;VALUE=DATE:{moment:%Y%m%d}", f"SUMMARY:Friend {rng.randrange(PEOPLE)}'s party"]
    else:
        lines += [f"DTSTART:{moment:%Y%m%dT%H%M%SZ}", f"SUMMARY:Meeting {n}"]
    lines.append(
        f"ORGANIZER:mailto:{ME}" if rng.random() < 0.5 else f"ORGANIZER:mailto:friend{n % PEOPLE}@x.org"
    )
    answer = "DECLINED" if rng.random() < 0.05 else "ACCEPTED"
    lines.append(f"ATTENDEE;PARTSTAT={answer}:mailto:{ME}")
    for _ in range(rng.randint(1, 3)):
        who = rng.randrange(PEOPLE)
        lines.append(f"ATTENDEE;CN=Friend {who};PARTSTAT=ACCEPTED:mailto:friend{who}@x.org")
    if rng.random() < 0.1:
        lines.append("RRULE:FREQ=WEEKLY")
    if rng.random() < 0.2:
        lines.append("X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij")
    return [*lines, "END:VEVENT"]


def generate(folder: Path, count: int, fmt: str) -> Path:
    rng = random.Random(18)
    start = datetime(2024, 6, 19, tzinfo=UTC)
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//quietnet//bench//EN"]
    events = [_event(rng, n, start) for n in range(count)]
    if fmt == "ics":
        path = folder / "calendar.ics"
        path.write_text("\r\n".join(head + [x for e in events for x in e] + ["END:VCALENDAR"]) + "\r\n")
        return path
    calendar = folder / "calendars" / "personal"
    calendar.mkdir(parents=True)
    for n, event in enumerate(events):
        (calendar / f"e{n}.ics").write_text("\r\n".join([*head, *event, "END:VCALENDAR"]) + "\r\n")
    return folder / "calendars"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--format", choices=("ics", "vdir", "both"), default="both")
    given = parser.parse_args()
    for fmt in ("ics", "vdir") if given.format == "both" else (given.format,):
        folder = Path(tempfile.mkdtemp(prefix="quietnet-calendar-"))
        try:
            env = {**os.environ, "NET_DB": str(folder / "net.db"), "NET_TODAY": TODAY, "NO_COLOR": "1"}
            path = generate(folder, given.events, fmt)
            print(f"{fmt}: {given.events:,} events")
            store(folder, env, domain="x.org")  # the attendees' addresses
            args = ["capture", "calendar", str(path), "--since", "2024-06-19"]
            for extra in (["--dry-run"], ["--yes"], ["--yes"]):
                took, said = timed([*args, *extra], env)
                print(f"  net capture calendar {' '.join(extra):<10} {took:6.2f} s   {said}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
