"""Build a realistic synthetic quietnet store for the benchmarks, fast and seeded.

    python benchmarks/generate.py --people 5000 --interactions 200000 --db /tmp/net-5k.db
    python benchmarks/generate.py --people 50000 --interactions 2000000 --db /tmp/net-50k.db \
        --seed 1 --today 2025-06-19 --vcards /tmp/cards

The same arguments build the same rows, byte for byte (nothing reads the clock:
every timestamp derives from ``--today``). The store is created with
``quietnet.engine.opening.open_database``, so the real migrations make the schema; the rows
are then bulk-inserted with ``executemany`` in one transaction straight through
the sqlite3 connection, skipping the change journal (this is synthetic data, with
nothing to undo). ``person_state`` is filled from the interactions generated in
memory, through ``quietnet.core.schedule.summarise``, exactly as ``store/state.py``
``refresh`` would compute it, without one query per person.

What the network looks like:

- circles in Dunbar proportions: 5 core, 15 close, 50 friends and 150 network in
  every 220 people, scaled to ``--people``; rounding leftovers are acquaintances;
- each person's interactions follow their circle's rhythm (a share of
  ``--interactions`` proportional to the circle's contacts per year and to how long
  they have been in touch), with jitter; about one in five ties has drifted
  (nothing lately) and one in twenty-five went quiet for years; nothing is logged
  yet in the current week (Monday to ``--today``), so the week's energy budget is
  free and ``net due`` has people to suggest, as on a real morning;
- kinds drawn per circle from ``quietnet.core.kinds`` (coffee and calls for the core,
  messages and likes further out), with the word typed kept in ``said``;
- about one interaction in twenty with 2 or 3 people, a few percent of the inner
  circles' contacts are helps (an interaction of kind ``help`` and a ``help`` row),
  open and closed promises and needs, birthdays for about half, tags (a few
  ``novel``), a few archived and snoozed people;
- names from first and last name lists with accents, unique while the lists allow.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

from quietnet.core.kinds import HELP_KINDS
from quietnet.core.rhythm import clock_start, rest_days, time_window
from quietnet.core.schedule import Touch, summarise, week_start
from quietnet.core.settings import DEFAULT, Settings
from quietnet.core.text import fold
from quietnet.engine.opening import open_database
from quietnet.store.folded import SOURCES, find_key
from quietnet.store.people import search_key

# -- the vocabulary ----------------------------------------------------------------------

FIRST_NAMES: tuple[str, ...] = (
    "Ana", "Zoë", "José", "Björn", "Søren", "Chloé", "François", "Inés", "Łukasz", "Ümit",
    "Çağla", "Mírian", "Þóra", "Jürgen", "Renée", "Siân", "Tomás", "Agnès", "Noémie", "Léa",
    "Hélène", "Małgorzata", "Dvora", "Anaïs", "Raúl", "Joaquín", "Mónica", "Ángel", "Gül", "Emre",
    "Kofi", "Ama", "Chidi", "Ngozi", "Aiko", "Kenji", "Haruto", "Yui", "Mei", "Wei",
    "Jun", "Hana", "Min-jun", "Seo-yeon", "Arjun", "Priya", "Ravi", "Ananya", "Fatima", "Omar",
    "Yara", "Tariq", "Leila", "Amir", "Noah", "Liam", "Emma", "Olivia", "Sofia", "Lucas",
    "Mateus", "Thiago", "Beatriz", "Luíza", "João", "Gonçalo", "Irène", "Maëlle", "Benoît", "Loïc",
    "Astrid", "Sigrún", "Ingrid", "Lars", "Nils", "Maja", "Elin", "Oskar", "Aleksander", "Katarzyna",
    "Zsófia", "Bence", "Dóra", "Ivan", "Olga", "Dmitri", "Natálie", "Jiří", "Tereza", "Ondřej",
    "Saoirse", "Niamh", "Ciarán", "Eoin", "Rhiannon", "Dafydd", "Grace", "Owen", "Isaac", "Leah",
    "Sam", "Tom", "Ben", "Nia", "Maya", "Ada", "Iris", "Felix", "Hugo", "Elena",
    "Marta", "Pablo", "Diego", "Lucía", "Rosa", "Sara", "Luca", "Giulia", "Matteo", "Chiara",
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Ruiz", "Laurent", "García", "Müller", "Núñez", "Østergaard", "Kowalczyk", "Öztürk", "Nguyễn", "Şahin",
    "Dubois", "Lefèvre", "Béranger", "Gómez", "Peña", "Ibáñez", "Fernández", "Sánchez", "Álvarez",
    "Rodríguez",
    "Schröder", "Weiß", "Köhler", "Jäger", "Bäcker", "Håkansson", "Sjöberg", "Løvås", "Ærø", "Gíslason",
    "Dvořák", "Novák", "Černý", "Horváth", "Kovács", "Szabó", "Wiśniewski", "Wójcik", "Lewandowski",
    "Zieliński",
    "Popescu", "Ionescu", "Petrović", "Jovanović", "Kuznetsova", "Ivanova", "Papadopoulos", "Oğuz", "Yılmaz",  # noqa: RUF001
    "Demir", "Haddad", "Khoury", "Aziz", "Hassan", "Nasser", "Mansour", "Okafor", "Mensah", "Obi",
    "Adeyemi", "Boateng", "Diallo", "Traoré", "Ndiaye", "Tanaka", "Satō", "Itō", "Katō", "Mori",
    "Chen", "Wang", "Liu", "Zhang", "Kim", "Park", "Choi", "Lee", "Patel", "Nair",
    "Rao", "Singh", "Iyer", "Menon", "Reddy", "Costa", "Gonçalves", "Araújo", "Conceição", "Simões",
    "Rossi", "Bianchi", "Ricci", "Esposito", "Colombo", "Fischer", "Wagner", "Becker", "Berg", "Holm",
    "Eriksen", "Lindqvist", "Nyström", "O'Brien", "Ó Súilleabháin", "MacAodha", "Byrne", "Price", "Evans",
    "Williams", "Carter", "Baker", "Brown", "Cohen", "Levi", "Mizrahi", "van Dijk", "de Vries", "Janssen",
    "Peeters", "Moreau", "Martin", "Bernard", "Faure", "Roux", "Fontaine", "Chevalier", "Leclerc", "Marchand",
)  # fmt: skip
NICKNAMES: tuple[str, ...] = (
    "Jo", "Bea", "Lu", "Max", "Sol", "Kit", "Zé", "Tito", "Mimi", "Dani", "Nico", "Pepe", "Rafa",
    "Lena", "Beto", "Kiki", "Toto", "Gigi", "Bo", "Fi",
)  # fmt: skip
CITIES: tuple[str, ...] = (
    "Lisbon", "Porto", "Madrid", "Sevilla", "Bogotá", "São Paulo", "Kraków", "Malmö", "Zürich", "Reykjavík",
    "München", "Köln", "Wrocław", "Brno", "Plzeň", "Göteborg", "Tromsø", "Århus", "Besançon", "Nîmes",
    "Québec", "Montréal", "Toronto", "London", "Leeds", "Bristol", "Dublin", "Cork", "Cardiff", "Berlin",
    "Vienna", "Prague", "Lyon", "Nantes", "Milan", "Turin", "Osaka", "Tokyo", "Seoul", "Lagos",
    "Accra", "Cairo", "Beirut", "İstanbul", "Pune", "Chennai", "Bangalore", "Haifa", "Brussels", "Oslo",
)  # fmt: skip
COMPANIES: tuple[str, ...] = (
    "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Wingtip", "Proseware", "Lucerne",
    "Fourth Coffee", "Margie's Travel", "Alpine Ski House", "Coho Winery", "Blue Yonder", "Relecloud",
    "Woodgrove Bank", "Trey Research", "Humongous Insurance", "VanArsdel", "Graphic Design Institute",
    "Wide World Importers", "Tailwind Traders", "Bellows College", "Southridge Video", "Datum Café",
)  # fmt: skip
ROLES: tuple[str, ...] = (
    "designer", "engineer", "product manager", "founder", "researcher", "teacher", "editor", "nurse",
    "architect", "lawyer", "accountant", "data scientist", "photographer", "chef", "recruiter", "consultant",
)  # fmt: skip
TOPICS: tuple[str, ...] = (
    "climbing", "ceramics", "poetry", "open source", "cycling", "chess", "running", "birding", "typography",
    "podcasting", "urban gardening", "robotics", "data journalism", "fintech", "choir", "design systems",
    "accessibility", "compilers", "climate", "maps", "sourdough", "jazz", "sailing", "woodwork", "knitting",
    "board games", "photography", "hiking", "mentoring", "the café crème", "Zürich trip", "naïve art",
)  # fmt: skip
NOTE_FORMS: tuple[str, ...] = (
    "{}", "talked about {}", "catching up on {}", "new job and {}", "kids, school and {}",
    "their talk on {}", "a book swap; {}", "moving flat, then {}", "plans for {} in the spring",
)  # fmt: skip
NOTE_TAILS: tuple[str, ...] = (
    "", "; send the link", "; ask about the kids", "; they sounded tired", "; lovely evening",
    "; owe them a call", "; promised photos", "; good news on the flat", "; rain, so indoors", "; long chat",
    *(f"; next time in {city}" for city in CITIES), *(f"; they're off to {city}" for city in CITIES),
)  # fmt: skip
# About 30,000 different notes (half of them without a tail): real notes mostly differ,
# so a search cannot lean on repeats. NOTES[i * len(NOTE_TAILS) + j] has tail j.
NOTES: tuple[str, ...] = tuple(
    form.format(topic) + tail for form in NOTE_FORMS for topic in TOPICS for tail in NOTE_TAILS
)
HOW_MET: tuple[str, ...] = (
    "at university", "through work", "at a conference", "climbing gym", "neighbours", "a friend's wedding",
    "online forum", "choir", "a meetup", "school gates", "on a train", "through Ana",
)  # fmt: skip
TAGS: tuple[str, ...] = (
    "climbing", "work", "book-club", "running", "school", "neighbour", "mentor", "investor", "design",
    "music", "cycling", "chess", "board-games", "volunteering", "alumni", "conference", "photography",
    "startup", "writing", "coffee",
)  # fmt: skip
HELP_WHAT: tuple[str, ...] = (
    "intro to a designer I trust", "talked through a tricky proposal", "passed their name on for a workshop",
    "sent the article on pricing", "wrote a recommendation", "reviewed their portfolio", "lent my tent",
    "helped them move flat", "read a draft of their talk", "found them a café for the meetup",
)  # fmt: skip
LOOP_WHAT: tuple[tuple[str, str], ...] = (
    ("promise", "intro to a bouldering coach"), ("promise", "send the workshop slides"),
    ("promise", "coffee with my old manager"), ("promise", "lend the pottery book"),
    ("promise", "review their CV"), ("need", "a good accountant"), ("need", "speakers for a meetup"),
    ("need", "a flat in Lisbon"), ("need", "a React contractor"), ("need", "a climbing partner"),
)  # fmt: skip

# The circles: (name, share of every 220 people, contacts a year, family share, drifting share).
CIRCLES: tuple[tuple[str, int, float, float], ...] = (
    ("core", 5, 70.0, 0.40),
    ("close", 15, 24.0, 0.20),
    ("friends", 50, 8.0, 0.05),
    ("network", 150, 2.5, 0.02),
    ("acquaintance", 0, 0.8, 0.01),
)
DUNBAR = 220
# Per circle, the chance of each kind (percent); the word typed (``said``) is drawn after.
KIND_MIX: dict[str, dict[str, int]] = {
    "core": {"meet": 30, "video": 8, "call": 20, "message": 10, "text": 22, "greeting": 2, "react": 8},
    "close": {"meet": 22, "video": 8, "call": 15, "message": 20, "text": 17, "greeting": 3, "react": 15},
    "friends": {"meet": 12, "video": 5, "call": 10, "message": 30, "text": 15, "greeting": 5, "react": 23},
    "network": {"meet": 8, "video": 4, "call": 6, "message": 40, "text": 8, "greeting": 8, "react": 26},
    "acquaintance": {"meet": 4, "video": 1, "call": 2, "message": 40, "text": 5, "greeting": 13, "react": 35},
}
# The words people type for each kind, most common first (None: `net log ana` with no kind).
SAID: dict[str, tuple[str | None, ...]] = {
    "meet": ("coffee", "coffee", "lunch", "dinner", "walk", "visit", "meeting", "meet"),
    "video": ("video",),
    "call": ("call", "call", "phone"),
    "message": (None, None, "email", "email", "message", "dm", "letter", "note"),
    "text": ("text", "sms", "chat", "chat"),
    "greeting": ("birthday", "birthday", "holiday", "greeting"),
    "react": ("like", "like", "comment", "react", "emoji"),
    "help": (None,),
}
# Every (kind, said) pair, by index; interactions carry the index.
WORDS: tuple[tuple[str, str | None], ...] = tuple(
    dict.fromkeys((kind, said) for kind, saids in SAID.items() for said in saids)
)
WORD_INDEX: dict[tuple[str, str | None], int] = {w: i for i, w in enumerate(WORDS)}
HELP_WORD = WORD_INDEX[("help", None)]

HISTORY_DAYS = 8 * 365  # how far back the interactions go
GROUP_SHARE = 0.05  # interactions with 2 or 3 people
HELP_SHARE = 0.025  # contacts with core, close and friends that are helps
NOTE_SHARE = 0.35
BY_THEM_SHARE = 0.35


def _word_tables() -> dict[str, list[int]]:
    """Per circle, 1,000 slots of word indexes in proportion: a draw is one random index."""
    tables: dict[str, list[int]] = {}
    for circle, mix in KIND_MIX.items():
        slots: list[int] = []
        for kind, percent in mix.items():
            saids = SAID[kind]
            for n in range(percent * 10):
                slots.append(WORD_INDEX[(kind, saids[n % len(saids)])])
        assert len(slots) == 1000, circle
        tables[circle] = slots
    return tables


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


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights``: floors, then the largest remainders."""
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    counts = [int(q) for q in quotas]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - quotas[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


# -- interactions ------------------------------------------------------------------------


@dataclass
class Planned:
    """The interactions as parallel arrays, indexed by generation order (``seq``)."""

    keys: list[int] = field(default_factory=list)  # day ordinal << 32 | seq: sorting gives date order
    person: array[int] = field(default_factory=lambda: array("i"))
    word: array[int] = field(default_factory=lambda: array("b"))  # an index in WORDS
    note: array[int] = field(default_factory=lambda: array("i"))  # -1: none; else in NOTES or HELP_WHAT
    by_them: bytearray = field(default_factory=bytearray)
    others: dict[int, tuple[int, ...]] = field(default_factory=dict)  # seq -> other people there


def plan_interactions(rng: random.Random, people: list[Person], total: int) -> Planned:
    """Each person's interactions, spaced along their rhythm with jitter."""
    tables = _word_tables()
    counts = allocate(total, [p.weight for p in people])
    planned = Planned()
    keys, person_of, word_of, note_of = planned.keys, planned.person, planned.word, planned.note
    by_them = planned.by_them
    n = len(people)
    random_ = rng.random
    gauss = rng.gauss
    tails, help_count = len(NOTE_TAILS), len(HELP_WHAT)
    bases = len(NOTES) // tails
    seq = 0
    for p, count in zip(people, counts, strict=True):
        if count == 0:
            continue
        table = tables[p.circle]
        slots = len(table)
        helps = p.circle in ("core", "close", "friends")
        first, last = p.start.toordinal(), p.end.toordinal()
        gap = (last - first) / count
        for i in range(count):
            day = int(first + gap * (i + 0.5 + gauss(0.0, 0.3)))
            day = first if day < first else last if day > last else day
            keys.append(day << 32 | seq)
            person_of.append(p.id)
            if helps and random_() < HELP_SHARE:
                word_of.append(HELP_WORD)
                note_of.append(int(random_() * help_count))
                by_them.append(0)
            else:
                word_of.append(table[int(random_() * slots)])
                if random_() < NOTE_SHARE:  # half the notes without a tail
                    tail = 0 if random_() < 0.5 else 1 + int(random_() * (tails - 1))
                    note_of.append(int(random_() * bases) * tails + tail)
                else:
                    note_of.append(-1)
                by_them.append(random_() < BY_THEM_SHARE)
                if random_() < GROUP_SHARE:
                    size = 1 if random_() < 0.7 else 2
                    near = {min(n, max(1, p.id + rng.randint(-30, 30))) for _ in range(size)} - {p.id}
                    if near:
                        planned.others[seq] = tuple(sorted(near))
            seq += 1
    keys.sort()
    return planned


@dataclass
class Rows:
    """What the streamed interaction rows leave behind for the other tables."""

    helps: list[tuple[object, ...]] = field(default_factory=list)
    ids_of: list[array[int]] = field(default_factory=list)  # per person (id - 1): their interactions


SEQ_MASK = (1 << 32) - 1
# When an interaction was logged: an evening time picked by its generation order.
LOGGED_AT: tuple[str, ...] = tuple(f" {18 + n % 5}:{n % 60:02d}:{n // 60:02d}+00:00" for n in range(3600))


def interaction_rows(
    planned: Planned, people: list[Person], rows: Rows, rng: random.Random, today: date
) -> Iterator[tuple[object, ...]]:
    """``interaction`` rows in date order (ids follow dates, as when logged day by day).

    On the way each person's touches, latest ``said``, helps and interaction ids are
    collected, and the ``help`` rows are built.
    """
    touch_cache: dict[int, Touch] = {}
    iso_cache: dict[int, str] = {}
    words, persons, notes, by_them, others = (
        planned.word, planned.person, planned.note, planned.by_them, planned.others
    )  # fmt: skip
    rows.ids_of = ids_of = [array("i") for _ in people]
    help_kinds = len(HELP_KINDS)
    last_day = today.toordinal()
    for interaction_id, key in enumerate(planned.keys, start=1):
        seq = key & SEQ_MASK
        day = key >> 32
        iso = iso_cache.get(day)
        if iso is None:
            iso = iso_cache[day] = date.fromordinal(day).isoformat()
        word = words[seq]
        kind, said = WORDS[word]
        touch = touch_cache.get(day << 6 | word)
        if touch is None:
            touch = touch_cache[day << 6 | word] = Touch(date.fromordinal(day), kind)
        pid = persons[seq]
        created_at = iso + LOGGED_AT[seq % 3600]
        person = people[pid - 1]
        note: str | None
        if word == HELP_WORD:
            note = HELP_WHAT[notes[seq]]
            help_id = len(rows.helps) + 1
            outcome = rng.random() < 0.3
            rows.helps.append(
                (
                    help_id,
                    iso,
                    pid,
                    HELP_KINDS[seq % help_kinds],
                    note,
                    "it worked out" if outcome else None,
                    date.fromordinal(min(day + 30, last_day)).isoformat() if outcome else None,
                    interaction_id,
                    created_at,
                )
            )
            person.helps.append((help_id, touch.on))
        else:
            note = None if notes[seq] < 0 else NOTES[notes[seq]]
        person.touches.append(touch)
        person.last_said = said
        ids_of[pid - 1].append(interaction_id)
        if seq in others:
            for other in others[seq]:
                person = people[other - 1]
                person.touches.append(touch)
                person.last_said = said
                ids_of[other - 1].append(interaction_id)
        yield (interaction_id, iso, kind, said, note, by_them[seq], created_at)


def link_rows(rows: Rows) -> Iterator[tuple[int, int]]:
    """``interaction_person`` rows, in primary key order (person, interaction)."""
    for index, ids in enumerate(rows.ids_of):
        person_id = index + 1
        for interaction_id in ids:
            yield person_id, interaction_id


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


def state_rows(
    people: list[Person], settings: Settings, closeness: dict[int, int | None]
) -> Iterator[tuple[object, ...]]:
    """``person_state`` rows, as ``store/state.py`` ``refresh`` computes and stores them."""
    for p in people:
        start = clock_start(p.met_on, p.created, min((t.on for t in p.touches), default=None))
        today = max([start, *(t.on for t in p.touches)])
        summary = summarise(
            p.touches,
            met=start,
            circle=p.circle,
            kin=p.kin,
            has_override=p.cadence_days is not None,
            settings=settings,
            today=today,
        )
        window = time_window(summary, met=start, circle=p.circle, kin=p.kin, closeness=closeness[p.id],
                             override=p.cadence_days, settings=settings)  # fmt: skip
        last_real = summary.last_real
        yield (
            p.id,
            summary.eff,
            _iso(summary.last_touch),
            summary.last_touch_kind,
            p.last_said,
            _iso(summary.last_full),
            summary.last_full_kind,
            summary.full_days,
            ",".join(d.isoformat() for d in summary.episodes),
            _iso(summary.reconnected),
            window.start,
            window.end,
            window.cadence,
            window.source,
            start.isoformat(),
            _iso(last_real),
            summary.last_real_kind,
            (last_real or start).toordinal() + settings.dormant_days,
            None if last_real is None else last_real.toordinal() + rest_days(window.cadence, settings),
        )


def fill_find_keys(conn: sqlite3.Connection) -> None:
    """The folded ``find_key`` of every searchable row, as ``store/journal.py`` writes it."""
    for table, columns in SOURCES.items():
        known: dict[tuple[object, ...], str | None] = {}  # notes repeat: fold each text once
        updates = []
        for row_id, *values in conn.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall():
            text = tuple(values)
            if text not in known:
                known[text] = find_key(table, dict(zip(columns, values, strict=True)))
            updates.append((known[text], row_id))
        conn.executemany(f"UPDATE {table} SET find_key = ? WHERE id = ?", updates)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


# -- vCards ------------------------------------------------------------------------------


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold_line(line: str) -> str:
    """RFC 2425 folding: lines of at most 75 octets, continued with a space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def vcard(person: Person, row: Sequence[object], tags: Sequence[str]) -> str:
    """One vCard 3.0 for a person row (columns as in ``person``)."""
    (_, uid, name, nickname, _, _, _, _, _, _, _, _, company, role, city, email, phone, birthday,
     _, notes, *_) = row  # fmt: skip
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{uid}",
        f"FN:{_escape(str(name))}",
        f"N:{_escape(person.last)};{_escape(person.first)};;;",
    ]
    if nickname:
        lines.append(f"NICKNAME:{_escape(str(nickname))}")
    if company:
        lines.append(f"ORG:{_escape(str(company))}")
    if role:
        lines.append(f"TITLE:{_escape(str(role))}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if phone:
        lines.append(f"TEL;TYPE=CELL:{phone}")
    if birthday:
        text = str(birthday)
        lines.append(f"BDAY:{text if len(text) == 10 else '--' + text}")
    if city:
        lines.append(f"ADR;TYPE=HOME:;;;{_escape(str(city))};;;")
    if tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in tags))
    if notes:
        lines.append(f"NOTE:{_escape(str(notes))}")
    lines.append("END:VCARD")
    return "".join(_fold_line(line) + "\r\n" for line in lines)


def write_vcards(
    folder: Path,
    people: list[Person],
    person_rows: list[tuple[object, ...]],
    tags: list[tuple[int, str]],
    tag_links: list[tuple[int, int]],
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = dict(tags)
    by_person: dict[int, list[str]] = {}
    for pid, tag_id in tag_links:
        by_person.setdefault(pid, []).append(names[tag_id])
    width = len(str(len(people)))
    for person, row in zip(people, person_rows, strict=True):
        slug = fold(f"{person.first}-{person.last}").replace(" ", "-").replace("'", "")
        path = folder / f"{person.id:0{width}d}-{slug}.vcf"
        path.write_bytes(vcard(person, row, by_person.get(person.id, [])).encode())


# -- the store ---------------------------------------------------------------------------

INSERTS: dict[str, str] = {
    "person": "INSERT INTO person (id, uuid, name, nickname, search_key, circle, closeness, kin,"
    " cadence_days, met_on, how_met, origin, company, role, city, email, phone, birthday, interests,"
    " notes, snoozed_until, archived_at, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "tag": "INSERT INTO tag (id, name) VALUES (?, ?)",
    "person_tag": "INSERT INTO person_tag (person_id, tag_id) VALUES (?, ?)",
    "interaction": "INSERT INTO interaction (id, day, kind, said, note, by_them, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)",
    "interaction_person": "INSERT INTO interaction_person (person_id, interaction_id) VALUES (?, ?)",
    "help": "INSERT INTO help (id, day, person_id, kind, what, outcome, outcome_on, interaction_id,"
    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "loop": "INSERT INTO loop (id, person_id, type, what, opened_on, closed_on, help_id, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    # The columns of store/state.py refresh, in the same order.
    "person_state": "INSERT INTO person_state (person_id, eff, last_touch, last_touch_kind,"
    " last_touch_said, last_full, last_full_kind, full_days, episodes, reconnected, due_start, due_end,"
    " cadence, cadence_source, clock_start, last_real, last_real_kind, dormant_from, rest_until)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}
# Secondary indexes rebuilt after the load (CREATE INDEX sorts once, instead of
# inserting 2 million keys in random order); their SQL is read back from the schema.
REBUILT_INDEXES = ("ix_interaction_person_interaction",)


@dataclass(frozen=True)
class Built:
    people: int
    interactions: int
    links: int
    helps: int
    loops: int
    seconds: float


def build(
    path: Path,
    *,
    people_count: int,
    interactions: int,
    seed: int,
    today: date,
    vcards: Path | None = None,
    settings: Settings = DEFAULT,
    log: bool = False,
) -> Built:
    """Create the store at ``path`` (which must not exist) and fill it."""
    started = time.perf_counter()

    def say(text: str) -> None:
        if log:
            print(f"  {time.perf_counter() - started:6.1f} s  {text}", file=sys.stderr)

    rng = random.Random(seed)
    people, person_rows = make_people(rng, people_count, today)
    for row in person_rows[:200]:  # the remembered folds give the store's own search keys
        assert row[4] == search_key(str(row[2]), None if row[3] is None else str(row[3])), row[2]
    planned = plan_interactions(rng, people, interactions)
    say(f"planned {len(people):,} people and {len(planned.keys):,} interactions")
    tags, tag_links = tag_rows(rng, people)
    clock = datetime(today.year, today.month, today.day, 12, tzinfo=UTC)
    database = open_database(path, now=lambda: clock)
    conn = database.conn
    try:
        indexes = [
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).fetchone()
            for name in REBUILT_INDEXES
        ]
        # A fresh file being filled: no rollback journal, no fsync; WAL again at the end.
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-200000")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN")
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        conn.executemany(INSERTS["person"], person_rows)
        conn.executemany(INSERTS["tag"], tags)
        conn.executemany(INSERTS["person_tag"], tag_links)
        rows = Rows()
        conn.executemany(INSERTS["interaction"], interaction_rows(planned, people, rows, rng, today))
        say("interactions inserted")
        conn.executemany(INSERTS["interaction_person"], link_rows(rows))
        links = conn.execute("SELECT count(*) FROM interaction_person").fetchone()[0]
        say(f"{links:,} interaction_person rows inserted")
        conn.executemany(INSERTS["help"], rows.helps)
        loops = loop_rows(rng, people, today)
        conn.executemany(INSERTS["loop"], loops)
        for _, sql in indexes:
            conn.execute(sql)
        say("indexes rebuilt")
        del planned
        closeness = {int(str(row[0])): None if row[6] is None else int(str(row[6])) for row in person_rows}
        conn.executemany(INSERTS["person_state"], state_rows(people, settings, closeness))
        say("person_state filled")
        fill_find_keys(conn)
        say("find keys filled")
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode=WAL")
    except BaseException:
        database.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    database.close()
    if vcards is not None:
        write_vcards(vcards, people, person_rows, tags, tag_links)
        say(f"{len(people):,} vCards written to {vcards}")
    return Built(
        people=len(people),
        interactions=interactions,
        links=links,
        helps=len(rows.helps),
        loops=len(loops),
        seconds=time.perf_counter() - started,
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build a synthetic quietnet store for benchmarks.")
    parser.add_argument("--people", type=int, required=True, help="how many people")
    parser.add_argument("--interactions", type=int, required=True, help="how many interactions")
    parser.add_argument("--db", type=Path, required=True, help="the store to create")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date(2025, 6, 19),
        help="the day the store is built as of, YYYY-MM-DD (default 2025-06-19)",
    )
    parser.add_argument("--vcards", type=Path, help="also write one vCard 3.0 file per person here")
    parser.add_argument("--force", action="store_true", help="replace an existing --db")
    args = parser.parse_args(argv)
    if args.people < 1 or args.interactions < 0:
        parser.error("--people must be 1 or more and --interactions 0 or more")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    path: Path = args.db
    if path.exists():
        if not args.force:
            print(f"{path} exists; pass --force to replace it.", file=sys.stderr)
            return 1
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    built = build(
        path,
        people_count=args.people,
        interactions=args.interactions,
        seed=args.seed,
        today=args.today,
        vcards=args.vcards,
        log=True,
    )
    print(
        f"Built {path}: {built.people:,} people, {built.interactions:,} interactions"
        f" ({built.links:,} links), {built.helps:,} helps, {built.loops:,} loops"
        f" in {built.seconds:.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
