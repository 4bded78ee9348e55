"""The generator's people (``person`` rows), their tags and their open and closed loops."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache

from gen_words import (
    CIRCLES,
    CITIES,
    COMPANIES,
    DUNBAR,
    FIRST_NAMES,
    HISTORY_DAYS,
    HOW_MET,
    LAST_NAMES,
    LOOP_WHAT,
    NICKNAMES,
    ROLES,
    TAGS,
    TOPICS,
)

from quietnet.core.schedule import Touch, week_start
from quietnet.core.text import fold


def stamp(day: date, seconds: int) -> str:
    """A stored timestamp (``store/journal.py`` ``stamp``): ISO 8601 in UTC, to the second."""
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)
    return moment.isoformat(sep=" ", timespec="seconds")


# -- people ------------------------------------------------------------------------------


@dataclass
class Person:
    id: int
    circle: str
    first: str
    last: str
    name: str
    kin: bool
    cadence_days: int | None
    met: date  # met_on, or the day they were added
    met_on: date | None
    created: date
    archived: bool
    start: date  # first day of their interactions
    end: date  # last day of their interactions
    weight: float  # relative number of interactions
    touches: list[Touch] = field(default_factory=list)
    last_said: str | None = None
    helps: list[tuple[int, date]] = field(default_factory=list)  # (help id, day)


def circle_sizes(n: int) -> list[tuple[str, int]]:
    """Dunbar proportions: 5 / 15 / 50 / 150 in every 220; the rounding leftover are acquaintances."""
    sizes = [(name, n * share // DUNBAR) for name, share, _, _ in CIRCLES[:-1]]
    sizes.append((CIRCLES[-1][0], n - sum(size for _, size in sizes)))
    return sizes


@cache
def folded(text: str) -> str:
    """``quietnet.core.text.fold``, remembered: the same few hundred words come back all the time."""
    return fold(text)


def _name(rng: random.Random, used: set[tuple[int, int, int]]) -> tuple[str, str, str]:
    """First, last and full name; unique while the lists allow, then a middle initial, then any."""
    for attempt in range(8):
        first, last = rng.randrange(len(FIRST_NAMES)), rng.randrange(len(LAST_NAMES))
        initial = -1 if attempt < 4 else rng.randrange(26)
        if (first, initial, last) not in used:
            break
    used.add((first, initial, last))
    middle = "" if initial < 0 else f" {chr(65 + initial)}."
    return FIRST_NAMES[first], LAST_NAMES[last], f"{FIRST_NAMES[first]}{middle} {LAST_NAMES[last]}"


def person_search_key(name: str, nickname: str | None) -> str:
    """``quietnet.store.people.search_key`` with remembered folds (checked against it in ``build``)."""
    return "\n".join((" ".join(folded(word) for word in name.split()), folded(nickname or "")))


def make_people(rng: random.Random, n: int, today: date) -> tuple[list[Person], list[tuple[object, ...]]]:
    """The people and their ``person`` rows, in id order."""
    history_start = today - timedelta(days=HISTORY_DAYS)
    quiet_from = week_start(today)  # nothing logged yet this week: the energy budget is free
    circles = [name for name, size in circle_sizes(n) for _ in range(size)]
    rng.shuffle(circles)  # circles spread over ids, as people are added over the years
    rates = {name: rate for name, _, rate, _ in CIRCLES}
    family = {name: share for name, _, _, share in CIRCLES}
    cadence = {"core": 7, "close": 30, "friends": 90, "network": 365, "acquaintance": 500}
    used: set[tuple[int, int, int]] = set()
    people: list[Person] = []
    rows: list[tuple[object, ...]] = []
    for pid, circle in enumerate(circles, start=1):
        first, last, name = _name(rng, used)
        kin = rng.random() < family[circle]
        inner = circle in ("core", "close")
        years_known = rng.uniform(3, 30) if inner else rng.uniform(0.1, 15)
        met = today - timedelta(days=int(years_known * 365))
        met_on = met if rng.random() < 0.85 else None
        created = max(met, history_start + timedelta(days=rng.randrange(60)))
        if met_on is None:
            met = created
        archived = rng.random() < 0.02
        start = max(met, history_start)
        end = quiet_from - timedelta(days=1)
        fate = rng.random()
        if fate < 0.04:  # quiet for years
            end = today - timedelta(days=rng.randint(1100, 2500))
        elif fate < 0.24:  # drifting: nothing for a few rhythms
            end = today - timedelta(days=int(cadence[circle] * rng.uniform(1.2, 4.0)))
        span = max(0, (end - start).days)
        override = rng.random() < 0.02
        person = Person(
            id=pid,
            circle=circle,
            first=first,
            last=last,
            name=name,
            kin=kin,
            cadence_days=rng.choice((14, 21, 42, 60, 120, 180)) if override else None,
            met=met,
            met_on=met_on,
            created=created,
            archived=archived,
            start=start,
            end=end,
            weight=rates[circle] * span / 365 * rng.lognormvariate(0, 0.35),
        )
        people.append(person)
        nickname = rng.choice(NICKNAMES) if rng.random() < 0.15 else None
        ascii_name = f"{folded(first)}.{folded(last)}".replace(" ", "").replace("'", "")
        birthday: str | None = None
        if rng.random() < 0.5:
            born = date(rng.randint(1950, 2004), 1, 1) + timedelta(days=rng.randrange(365))
            birthday = born.isoformat() if rng.random() < 0.3 else born.isoformat()[5:]
        snoozed: date | None = None
        chance = rng.random()
        if chance < 0.01:
            snoozed = today + timedelta(days=rng.randint(1, 60))
        elif chance < 0.012:
            snoozed = today
        closeness: int | None = None
        if rng.random() < 0.3:
            default = {"core": 5, "close": 4, "friends": 3, "network": 2, "acquaintance": 1}[circle]
            closeness = min(5, max(1, default + rng.choice((-1, 0, 0, 1))))
        created_at = stamp(created, rng.randrange(8 * 3600, 22 * 3600))
        rows.append(
            (
                pid,
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                name,
                nickname,
                person_search_key(name, nickname),
                circle,
                closeness,
                int(kin),
                person.cadence_days,
                None if met_on is None else met_on.isoformat(),
                rng.choice(HOW_MET) if rng.random() < 0.4 else None,
                "family"
                if kin
                else rng.choice(
                    ("colleague", "client", "shared-interest", "friend", "event", "online", "other")
                ),
                rng.choice(COMPANIES) if rng.random() < 0.6 else None,
                rng.choice(ROLES) if rng.random() < 0.4 else None,
                rng.choice(CITIES) if rng.random() < 0.8 else None,
                f"{ascii_name}@example.org" if rng.random() < 0.6 else None,
                f"+44 7700 {rng.randrange(900000, 901000)}" if rng.random() < 0.4 else None,
                birthday,
                ", ".join(rng.sample(TOPICS, rng.randint(1, 3))) if rng.random() < 0.5 else None,
                f"Met {rng.choice(HOW_MET)}; likes {rng.choice(TOPICS)}." if rng.random() < 0.2 else None,
                None if snoozed is None else snoozed.isoformat(),
                stamp(today - timedelta(days=rng.randint(1, 400)), 43200) if archived else None,
                created_at,
                created_at,
            )
        )
    return people, rows


# -- the rest ----------------------------------------------------------------------------


def tag_rows(rng: random.Random, people: list[Person]) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    tags = [*TAGS, "novel"]
    tag_ids = {name: i for i, name in enumerate(tags, start=1)}
    links: list[tuple[int, int]] = []
    for p in people:
        roll = rng.random()
        count = 0 if roll < 0.5 else 1 if roll < 0.8 else 2 if roll < 0.95 else 3
        chosen = set(rng.sample(TAGS, count))
        if rng.random() < (0.03 if p.circle in ("friends", "network") else 0.01):
            chosen.add("novel")
        links.extend((p.id, tag_ids[name]) for name in sorted(chosen))
    return [(i, name) for name, i in tag_ids.items()], links


def loop_rows(rng: random.Random, people: list[Person], today: date) -> list[tuple[object, ...]]:
    """Open promises and needs for a few percent of people, and about twice as many closed."""
    rows: list[tuple[object, ...]] = []
    for p in people:
        if p.circle == "acquaintance" or rng.random() > 0.09:
            continue
        for _ in range(rng.randint(1, 2)):
            type_, what = rng.choice(LOOP_WHAT)
            opened = today - timedelta(days=rng.randint(2, 400))
            opened = max(opened, p.created)
            closed: date | None = None
            help_id: int | None = None
            if rng.random() < 0.65:
                closed = min(today, opened + timedelta(days=rng.randint(1, 120)))
                later = [h for h, day in p.helps if day >= opened]
                if type_ == "promise" and later and rng.random() < 0.5:
                    help_id = later[0]
            rows.append(
                (
                    len(rows) + 1,
                    p.id,
                    type_,
                    what,
                    opened.isoformat(),
                    None if closed is None else closed.isoformat(),
                    help_id,
                    stamp(opened, 19 * 3600),
                )
            )
    return rows
