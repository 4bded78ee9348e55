"""Events: considered, planned and logged; who was there; the event settings.

The event budget and the question list live in the ``setting`` table under
``events.*`` keys, kept apart from the scheduler's settings (``store/settings``
skips them), and written through the journal like any setting.
"""

import sqlite3
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from quietnet.core.records import Event, FollowUp
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.errors import AmbiguousError, NotFoundError
from quietnet.store import journal
from quietnet.store.journal import stamp, to_date

if TYPE_CHECKING:  # quietnet.core.events is loaded only where needed: `net today` reads follow-ups only
    from quietnet.core.events import Known, LoggedEvent, Past

FOLLOW_UP_DAYS = 2  # promises made at an event are due this many days later

BUDGET_KEY = "events.monthly_budget"
QUESTIONS_KEY = "events.questions"


# -- settings ------------------------------------------------------------------------------


def _setting(s: Session, name: str) -> Any:
    import json

    value = s.scalar("SELECT value FROM setting WHERE name = ?", (name,))
    return None if value is None else json.loads(value)


def _put(s: Session, name: str, value: Any, default: Any) -> None:
    """Store a value, or forget it when it is the default; journalled."""
    import json

    current = s.scalar("SELECT value FROM setting WHERE name = ?", (name,))
    if value == default:
        journal.delete(s, "setting", "name = ?", (name,))
    elif current is None:
        journal.insert(s, "setting", {"name": name, "value": json.dumps(value, ensure_ascii=False)})
    else:
        journal.update(s, "setting", (name,), {"value": json.dumps(value, ensure_ascii=False)})


def budget(s: Session) -> int:
    from quietnet.core.events import DEFAULT_BUDGET

    value = _setting(s, BUDGET_KEY)
    return DEFAULT_BUDGET if value is None else int(value)


def set_budget(s: Session, value: int) -> None:
    from quietnet.core.events import DEFAULT_BUDGET

    _put(s, BUDGET_KEY, value, DEFAULT_BUDGET)


def questions(s: Session) -> list[str]:
    from quietnet.core.events import DEFAULT_QUESTIONS

    value = _setting(s, QUESTIONS_KEY)
    return list(DEFAULT_QUESTIONS) if value is None else [str(q) for q in value]


def set_questions(s: Session, value: list[str]) -> None:
    from quietnet.core.events import DEFAULT_QUESTIONS

    _put(s, QUESTIONS_KEY, value, list(DEFAULT_QUESTIONS))


# -- events ----------------------------------------------------------------------------------


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(text.split("\n")) if text else ()


def _event(row: sqlite3.Row) -> Event:
    data = {k: row[k] for k in row.keys() if k in Event._fields}  # noqa: SIM118
    data.update(
        day=to_date(row["day"]) or date.min,
        logged_on=to_date(row["logged_on"]),
        reasons=_lines(row["reasons"]),
        questions=_lines(row["questions"]),
    )
    return Event(**data)


def get(s: Session, event_id: int) -> Event:
    row = s.one("SELECT * FROM event WHERE id = ?", (event_id,))
    if row is None:
        raise NotFoundError(f"There is no event #{event_id}; net events lists them.")
    return _event(row)


def find(s: Session, typed: str, *, prefix: bool = True) -> Event | None:
    """The event ``typed`` names (#id, its name, or a unique start of it), or None.

    Several events may share a name (a monthly meetup): the one not logged yet
    wins, else the latest.
    """
    text = typed.strip()
    if text.startswith("#") and text[1:].isdigit():
        return get(s, int(text[1:]))
    rows = s.all("SELECT * FROM event ORDER BY logged_on IS NULL, day, id")
    query = fold(text)
    found = [r for r in rows if fold(r["name"]) == query]
    if not found and prefix:
        found = [r for r in rows if fold(r["name"]).startswith(query)]
    names = sorted({r["name"] for r in found})
    if len(names) > 1:
        listed = ", ".join(names[:5])
        raise AmbiguousError(f'"{typed}" could be several events: {listed}. Use more of the name or the #id.')
    return _event(found[-1]) if found else None


def create(s: Session, *, name: str, day: date) -> int:
    return journal.insert(s, "event", {"name": name, "day": day.isoformat(), "created_at": stamp(s)})


def update(s: Session, event_id: int, values: Mapping[str, Any]) -> None:
    stored = {}
    for k, v in values.items():
        if isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, tuple | list):
            v = "\n".join(v) or None
        stored[k] = v
    journal.update(s, "event", (event_id,), stored)


def link(s: Session, event_id: int, person_id: int, *, role: str, note: str | None = None) -> bool:
    """Note someone at an event; a person already linked keeps their first role."""
    if s.one("SELECT 1 FROM event_person WHERE event_id = ? AND person_id = ?", (event_id, person_id)):
        return False
    journal.insert(
        s, "event_person", {"event_id": event_id, "person_id": person_id, "role": role, "note": note}
    )
    return True


def add_promise(s: Session, event_id: int, loop_id: int) -> None:
    journal.insert(s, "event_loop", {"event_id": event_id, "loop_id": loop_id})


def known(s: Session, event_id: int, *, role: str = "knows") -> "list[Known]":
    """People at an event, each with what they care about (interests, else an open need)."""
    from quietnet.core.events import Known

    rows = s.all(
        "SELECT p.id, p.name, p.interests,"
        " (SELECT l.what FROM loop l WHERE l.person_id = p.id AND l.type = 'need' AND l.closed_on IS NULL"
        "  ORDER BY l.opened_on LIMIT 1) AS need"
        " FROM event_person ep JOIN person p ON p.id = ep.person_id"
        " WHERE ep.event_id = ? AND ep.role = ? ORDER BY p.name, p.id",
        (event_id, role),
    )
    return [
        Known(r["id"], r["name"], r["interests"] or (f"needs {r['need']}" if r["need"] else None))
        for r in rows
    ]


def going(s: Session, day: date, *, leaving_out: int | None = None) -> int:
    """Events you said you'd go to (or went to) in the month of ``day``."""
    import calendar

    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    count = s.scalar(
        "SELECT count(*) FROM event WHERE (decision = 'go' OR logged_on IS NOT NULL)"
        " AND day >= ? AND day <= ? AND id != ?",
        (first.isoformat(), last.isoformat(), leaving_out or 0),
    )
    return int(count or 0)


def past(s: Session) -> "list[Past]":
    from quietnet.core.events import Past

    rows = s.all(
        "SELECT day, format, size, energy, worth FROM event WHERE logged_on IS NOT NULL ORDER BY day"
    )
    return [Past(to_date(r[0]) or date.min, r[1], r[2], r[3], r[4]) for r in rows]


def listing(s: Session) -> list[Event]:
    return [_event(r) for r in s.all("SELECT * FROM event ORDER BY day DESC, id DESC")]


def logged(s: Session, *, today: date) -> "list[LoggedEvent]":
    """Logged events with who you met, who continued past a follow-up, and work traced to them."""
    from quietnet.core.events import LoggedEvent

    ties = s.all(
        "SELECT ep.event_id, (SELECT count(DISTINCT i.day) FROM interaction_person ip"
        "  JOIN interaction i ON i.id = ip.interaction_id"
        "  WHERE ip.person_id = ep.person_id AND i.day > e.day AND i.day <= ?) AS days"
        " FROM event_person ep JOIN event e ON e.id = ep.event_id WHERE ep.role = 'met'",
        (today.isoformat(),),
    )
    rows = s.all(
        "SELECT e.id, count(DISTINCT w.id) FROM event e JOIN work w ON w.day >= e.day"
        " AND (w.event_id = e.id OR coalesce(w.via_id, w.person_id) IN"
        "  (SELECT person_id FROM event_person WHERE event_id = e.id AND role = 'met'))"
        " GROUP BY e.id"
    )
    work: dict[int, int] = {r[0]: r[1] for r in rows}
    found = []
    for e in listing(s):
        if e.logged_on is None:
            continue
        days = [t["days"] for t in ties if t["event_id"] == e.id]
        found.append(
            LoggedEvent(e.id, e.name, e.day, e.format, e.size, e.energy, e.worth, len(days),
                   sum(d >= 1 for d in days), sum(d >= 2 for d in days), int(work.get(e.id, 0)))
        )  # fmt: skip
    return found


def follow_ups(s: Session, *, today: date) -> list[FollowUp]:
    """Open promises made at events (due two days after), and recent events not logged yet."""
    rows = s.all(
        "SELECT e.id, e.name, l.id AS loop_id, l.opened_on, l.what, p.name AS person"
        " FROM event_loop el JOIN event e ON e.id = el.event_id JOIN loop l ON l.id = el.loop_id"
        " JOIN person p ON p.id = l.person_id WHERE l.closed_on IS NULL ORDER BY l.opened_on, l.id"
    )
    found = [
        FollowUp(r["id"], r["name"], (to_date(r["opened_on"]) or today) + timedelta(days=FOLLOW_UP_DAYS),
                 r["loop_id"], r["person"], r["what"])
        for r in rows
    ]  # fmt: skip
    recent = s.all(
        "SELECT id, name, day FROM event WHERE decision = 'go' AND logged_on IS NULL AND day < ? AND day >= ?"
        " ORDER BY day, id",
        (today.isoformat(), (today - timedelta(days=14)).isoformat()),
    )
    found += [FollowUp(r["id"], r["name"], to_date(r["day"]) or today) for r in recent]
    return found


def of_person(s: Session, person_id: int) -> list[tuple[Event, str, str | None]]:
    """The events a person was at: (event, knows | met, the one line noted)."""
    rows = s.all(
        "SELECT e.*, ep.role AS link_role, ep.note AS link_note FROM event_person ep"
        " JOIN event e ON e.id = ep.event_id WHERE ep.person_id = ? ORDER BY e.day DESC, e.id DESC",
        (person_id,),
    )
    return [(_event(r), r["link_role"], r["link_note"]) for r in rows]
