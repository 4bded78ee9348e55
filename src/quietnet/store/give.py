"""Ways to help: what `net give` reads about a person and what it last showed (saved ideas: ``saved.py``)."""

from __future__ import annotations

from datetime import date, timedelta

from quietnet.core.dates import next_yearly
from quietnet.core.details import NeedMatch
from quietnet.core.give import ADVICE_WORDS, Facts, Profile, kindred, matches
from quietnet.core.relations import CLOSE
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.errors import NotFoundError
from quietnet.store import relationships
from quietnet.store.journal import to_date

NEWS_DAYS = 30
QUIET_DAYS = 365


RUNS_KEPT = 4


def shown(s: Session, person_id: int) -> list[list[str]]:
    """The idea codes shown in the latest runs for a person, newest run first."""
    ideas = s.scalar("SELECT ideas FROM give_seen WHERE person_id = ?", (person_id,))
    return [run.split(",") if run else [] for run in ideas.split(";")] if ideas is not None else []


def remember(s: Session, person_id: int, codes: list[str], day: date) -> None:
    """What was shown, so the next runs offer other ideas (tool memory: not journalled)."""
    runs = [codes, *shown(s, person_id)][:RUNS_KEPT]
    s.execute(
        "INSERT INTO give_seen (person_id, ideas, day) VALUES (?, ?, ?)"
        " ON CONFLICT (person_id) DO UPDATE SET ideas = excluded.ideas, day = excluded.day",
        (person_id, ";".join(",".join(run) for run in runs), day.isoformat()),
    )


def profiles(s: Session) -> list[Profile]:
    """Everyone not archived who has a role, a company or interests."""
    rows = s.all(
        "SELECT id, name, role, company, interests FROM person WHERE archived_at IS NULL"
        " AND (role IS NOT NULL OR company IS NOT NULL OR interests IS NOT NULL) ORDER BY id"
    )
    return [Profile(r["id"], r["name"], r["role"], r["company"], r["interests"]) for r in rows]


def need_matches(s: Session) -> list[NeedMatch]:
    """Open needs that someone you know fits, oldest need first."""
    rows = s.all(
        "SELECT l.id, l.person_id, p.name, l.what FROM loop l JOIN person p ON p.id = l.person_id"
        " WHERE l.type = 'need' AND l.closed_on IS NULL AND p.archived_at IS NULL ORDER BY l.opened_on, l.id"
    )
    everyone = profiles(s)
    found = []
    for r in rows:
        close = relationships.known(s, r["person_id"], CLOSE)  # partners know each other already
        fits = matches(r["what"], r["person_id"], [q for q in everyone if q.id not in close])
        if fits:
            found.append(NeedMatch(r["id"], r["person_id"], r["name"], r["what"], tuple(fits)))
    return found


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def facts(s: Session, person_id: int, *, today: date) -> Facts:
    """What is known about one person that can suggest a way to help."""
    p = s.one(
        "SELECT p.*, st.last_touch FROM person p LEFT JOIN person_state st ON st.person_id = p.id"
        " WHERE p.id = ?",
        (person_id,),
    )
    if p is None:
        raise NotFoundError(f"No one has the id #{person_id}.")
    year_ago = (today - timedelta(days=QUIET_DAYS)).isoformat()
    notes = s.all(
        "SELECT i.day, i.note FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
        " WHERE ip.person_id = ? AND i.kind != 'help' AND i.note IS NOT NULL AND i.day >= ? AND i.day <= ?"
        " ORDER BY i.day DESC, i.id DESC",
        (person_id, year_ago, today.isoformat()),
    )
    news_from = today - timedelta(days=NEWS_DAYS)
    news = tuple(_short(r["note"]) for r in notes if (to_date(r["day"]) or date.min) >= news_from)
    advice = tuple(_short(r["note"]) for r in notes if any(w in fold(r["note"]) for w in ADVICE_WORDS))
    needs = tuple(
        r[0]
        for r in s.all(
            "SELECT what FROM loop WHERE person_id = ? AND type = 'need' AND closed_on IS NULL"
            " ORDER BY opened_on, id",
            (person_id,),
        )
    )
    helps = tuple(
        _short(r[0])
        for r in s.all(
            "SELECT what FROM help WHERE person_id = ? AND outcome IS NULL AND day >= ? AND day < ?"
            " ORDER BY day DESC, id DESC LIMIT 3",
            (person_id, year_ago, today.isoformat()),
        )
    )
    referrals = tuple(
        r[0]
        for r in s.all(
            "SELECT title FROM work WHERE (person_id = ? OR via_id = ?) AND day >= ?"
            " ORDER BY day DESC, id DESC",
            (person_id, person_id, year_ago),
        )
    )
    intros = tuple(
        r[0]
        for r in s.all(
            "SELECT p.name FROM intro i JOIN person p"
            " ON p.id = CASE WHEN i.person_id = ? THEN i.other_id ELSE i.person_id END"
            " WHERE (i.person_id = ? OR i.other_id = ?) AND i.state = 'introduced' ORDER BY i.made_on, i.id",
            (person_id, person_id, person_id),
        )
    )
    events = tuple(
        r[0]
        for r in s.all(
            "SELECT name FROM event WHERE decision = 'go' AND logged_on IS NULL AND day >= ?"
            " ORDER BY day, id LIMIT 2",
            (today.isoformat(),),
        )
    )
    met_at = s.scalar(
        "SELECT e.name FROM event_person ep JOIN event e ON e.id = ep.event_id"
        " WHERE ep.person_id = ? AND ep.role = 'met' ORDER BY e.day LIMIT 1",
        (person_id,),
    )
    close = relationships.known(s, person_id, CLOSE)  # partners know each other already
    everyone = [someone for someone in profiles(s) if someone.id not in close]
    me = Profile(p["id"], p["name"], p["role"], p["company"], p["interests"])
    last = to_date(p["last_touch"]) or to_date(p["met_on"]) or (to_date(p["created_at"]) or today)
    birthday_in = None
    if p["birthday"]:
        month, day = (int(x) for x in p["birthday"][-5:].split("-"))
        days = (next_yearly(month, day, on_or_after=today) - today).days
        birthday_in = days if days <= 14 else None
    return Facts(
        name=p["name"],
        interests=tuple(i.strip() for i in (p["interests"] or "").split(",") if i.strip()),
        needs=needs,
        news=news[:3],
        helps=helps,
        advice=advice[:2],
        referrals=referrals[:2],
        intros=intros,
        matches=tuple(m for n in needs for m in matches(n, person_id, everyone, limit=2))[:3],
        kindred=tuple(kindred(me, everyone)),
        role=p["role"],
        company=p["company"],
        origin=p["origin"],
        quiet=(today - last).days >= QUIET_DAYS,
        birthday_in=birthday_in,
        events=events,
        met_at=met_at,
    )
