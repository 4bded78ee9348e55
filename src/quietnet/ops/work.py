"""`net work add` and `net referrals`: the use cases behind them.

The commands (``cli/work.py``) check their options and say what happened;
here are the rules: the tie work came through is not the client, and recording
work opens a promise to thank the person it came through (the client when no
one referred it), unless it came cold or the user said not to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from quietnet.core.profile import Work
from quietnet.core.records import Person
from quietnet.core.referrals import ReferralReport, report
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import events, journal, loops, people
from quietnet.store import work as stored


@dataclass(frozen=True)
class Recorded:
    """Work just recorded, who it was for and through, and the thank-you promise it opened."""

    saved: Work
    client: Person
    referrer: Person | None
    thank: Person  # whom to thank: the referrer, else the client
    loop_id: int | None


def record(
    s: Session,
    *,
    title: str,
    client: str,
    via: str | None,
    path: str,
    value: float | None,
    day: date,
    event: str | None,
    thanks: bool,
    today: date,
) -> Recorded:
    """Record an engagement (``title`` and ``path`` already checked) and open the thank-you promise."""
    person = people.get(s, people.resolve_id(s, client))
    referrer = people.get(s, people.resolve_id(s, via)) if via is not None else None
    if referrer is not None and referrer.id == person.id:
        raise InputError(f"--via names the same person as --from ({person.name}); leave --via out.")
    event_id = None
    if event is not None:
        found = events.find(s, event)
        if found is None:
            raise InputError(f'No event called "{event}"; net events lists them.')
        event_id = found.id
    work_id = stored.add(s, title=title, person_id=person.id, via_id=referrer.id if referrer else None,
                         path=path, value=value, day=day, event_id=event_id)  # fmt: skip
    thank = referrer or person
    loop_id = None
    if thanks and (referrer is not None or path != "cold"):
        what = f"thank {thank.name} for {title}"
        loop_id = loops.open_loop(s, person_id=thank.id, type="promise", what=what, day=today)
    journal.describe(s, f"Recorded work from {person.name}: {title}")
    saved = next(w for w in stored.listing(s) if w.id == work_id)
    return Recorded(saved, person, referrer, thank, loop_id)


def referrals(s: Session, *, years: int, today: date) -> ReferralReport:
    """Where work came from over the last ``years`` years."""
    since = today - timedelta(days=round(365.25 * years))
    return report(stored.engagements(s, since=since), since=since)
