"""The synthetic world of ``simulate.py``: who the user knows, their past, and what life brings.

Everything here is seeded and reads no clock: the same seed and start day give
the same people, the same two years of history and the same unprompted
contacts, whichever reminder the user follows. What the user does about a
suggestion is decided in ``sim_drive.py``; the world only supplies real life.

Each person has a type that says how life treats the tie:

- ``regular``: kept at about their circle's rhythm so far;
- ``kin``: family, who mostly call first;
- ``calls_first``: friends who usually start the contact (logged with ``--them``);
- ``texter``: reached mostly by text (light contact that is no real check-in);
- ``drifting``: nothing for two to four rhythms before the year starts, and less life after;
- ``dormant``: a real tie (two old meetings, or closeness 3+), quiet for more than three years,
  sometimes with a recent like (a quiet tie is judged by the last real contact);
- ``thin``: met once years ago, never a real tie.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from quietnet.core.kinds import lookup
from quietnet.core.settings import DEFAULT

FIRST: tuple[str, ...] = (
    "Ana", "Bea", "Carl", "Dita", "Emil", "Fern", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lia", "Milo", "Nell",
    "Otto", "Pia", "Quin", "Rosa", "Sol", "Tove", "Uma", "Vik", "Wren", "Xia", "Yuri", "Zoe",
)  # fmt: skip
LAST: tuple[str, ...] = ("Abbott", "Brandt", "Costa", "Diallo", "Eriksen", "Fontaine", "Gómez", "Haddad")

# Per 60 people: how many sit in each circle.
SHARES: tuple[tuple[str, int], ...] = (
    ("core", 5), ("close", 12), ("friends", 20), ("network", 15), ("acquaintance", 8),
)  # fmt: skip
# The types in each circle, assigned in turn (a small world still gets the first few).
TYPES: dict[str, tuple[str, ...]] = {
    "core": ("kin", "regular", "kin", "calls_first", "texter"),
    "close": (
        "regular", "drifting", "texter", "kin", "calls_first", "regular",
        "drifting", "texter", "regular", "calls_first", "drifting", "regular",
    ),
    "friends": ("regular", "drifting", "dormant", "texter", "calls_first", "regular", "drifting", "dormant"),
    "network": ("regular", "dormant", "thin", "regular", "thin", "dormant", "regular"),
    "acquaintance": ("thin", "regular"),
}  # fmt: skip
# Unprompted contacts a day (either side starting), by circle; types scale these.
RATE: dict[str, float] = {"core": 1 / 9, "close": 1 / 45, "friends": 1 / 120, "network": 1 / 300}
RATE_OF_TYPE: dict[str, float] = {
    "kin": 1.3,
    "calls_first": 1.0,
    "drifting": 0.3,
    "dormant": 0.0,
    "thin": 0.3,
}
# What unprompted contact is, by circle (kind words as a user types them, with weights).
MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "core": (("coffee", 30), ("call", 35), ("text", 25), ("email", 10)),
    "close": (("coffee", 25), ("call", 25), ("email", 20), ("text", 25), ("like", 5)),
    "friends": (("email", 35), ("lunch", 15), ("call", 15), ("text", 20), ("like", 15)),
    "network": (("email", 40), ("like", 40), ("coffee", 10), ("call", 10)),
    "acquaintance": (("like", 70), ("email", 30)),
}
TEXTER_MIX: tuple[tuple[str, int], ...] = (("text", 70), ("email", 15), ("call", 10), ("coffee", 5))
HISTORY_MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "core": (("coffee", 45), ("call", 45), ("text", 10)),
    "close": (("coffee", 45), ("call", 35), ("email", 10), ("text", 10)),
    "friends": (("email", 40), ("lunch", 30), ("call", 20), ("like", 10)),
    "network": (("email", 70), ("coffee", 20), ("like", 10)),
    "acquaintance": (("like", 60), ("email", 40)),
}
PROMISES: tuple[str, ...] = ("intro to a good editor", "send the slides", "lend the tent", "review the CV")
NEEDS: tuple[str, ...] = ("a flat in town", "a climbing partner", "a new job", "a good accountant")
HISTORY_DAYS = 730


@dataclass(frozen=True)
class Person:
    id: int  # the id `net add` gives in a new store: people are added in this order
    name: str
    circle: str
    type: str
    kin: bool
    closeness: int | None
    met: date | None  # None: added with no --met
    birthday: tuple[int, int] | None

    @property
    def calls_first(self) -> bool:
        return self.type in ("kin", "calls_first")

    @property
    def cadence(self) -> float | None:
        """The rhythm their circle asks for (times the kin factor), before anything is learned."""
        return DEFAULT.prior(self.circle, self.kin)


@dataclass(frozen=True)
class Contact:
    """One logged interaction: a kind word as typed, who started it, and whether a suggestion prompted it."""

    day: date
    person: int
    word: str
    them: bool = False
    prompted: bool = False

    @property
    def kind(self) -> str:
        kind = lookup(self.word)
        return "help" if kind is None else kind.name

    @property
    def weight(self) -> float:
        kind = lookup(self.word)
        return 0.8 if kind is None else kind.weight  # "help": net helped / net done --helped

    @property
    def energy(self) -> int:
        kind = lookup(self.word)
        return 1 if kind is None else kind.energy

    @property
    def real(self) -> bool:
        """A message or heavier, either side: what rests a person and ends a quiet spell."""
        return self.weight >= 0.5


@dataclass(frozen=True)
class Loop:
    day: date
    person: int
    type: str  # "promise" | "need"
    what: str


@dataclass(frozen=True)
class World:
    seed: int
    start: date
    people: tuple[Person, ...]
    history: tuple[Contact, ...]  # before start, in date order
    loops: tuple[Loop, ...]  # open on the start day

    def life(self, day: date) -> list[Contact]:
        """What happens on ``day`` whatever the user reads: unprompted contact, either side starting."""
        rng = random.Random(f"{self.seed}:life:{day.isoformat()}")
        out: list[Contact] = []
        for p in self.people:
            rate = RATE.get(p.circle, 1 / 500) * RATE_OF_TYPE.get(p.type, 1.0)
            if rng.random() < rate:
                word = _draw(rng, TEXTER_MIX if p.type == "texter" else MIX[p.circle])
                them = rng.random() < (0.9 if p.calls_first else 0.45)
                out.append(Contact(day, p.id, word, them))
            new_year = (day.month, day.day) == (1, 1) and p.circle in ("core", "close", "friends")
            if new_year and rng.random() < 0.3:
                out.append(Contact(day, p.id, "holiday", rng.random() < 0.5))
        return out

    def greets(self, person: Person, day: date) -> bool:
        """Whether the user wishes ``person`` a happy birthday on the day, unprompted."""
        chance = {"core": 0.9, "close": 0.5, "friends": 0.2}.get(person.circle, 0.0)
        return random.Random(f"{self.seed}:greet:{person.id}:{day.isoformat()}").random() < chance


def _draw(rng: random.Random, mix: tuple[tuple[str, int], ...]) -> str:
    words = [w for w, _ in mix]
    return rng.choices(words, weights=[n for _, n in mix])[0]


def circle_sizes(n: int) -> list[tuple[str, int]]:
    """Circles in the proportions of SHARES; a small world keeps at least one core, close and friend."""
    sizes = [(c, round(n * share / 60)) for c, share in SHARES]
    if n >= 3:
        sizes = [(c, max(k, 1) if c in ("core", "close", "friends") else k) for c, k in sizes]
    extra = n - sum(k for _, k in sizes)
    while extra < 0:  # trim the outer circles first
        i = max(i for i, (_, k) in enumerate(sizes) if k > 1)
        sizes[i] = (sizes[i][0], sizes[i][1] - 1)
        extra += 1
    sizes[-1] = (sizes[-1][0], sizes[-1][1] + extra)
    return sizes


def _history(rng: random.Random, p: Person, start: date) -> list[Contact]:
    """Two years kept at about their rhythm (or less), and older meetings for a quiet tie."""
    if p.type == "dormant":
        years = rng.uniform(3.5, 6.0)
        old = [start - timedelta(days=int(years * 365) + k * 40) for k in (0, 1)]
        meetings = [Contact(d, p.id, "coffee") for d in old]
        if p.id % 2 == 0:  # a like lately: still a quiet tie
            meetings.append(Contact(start - timedelta(days=rng.randint(30, 200)), p.id, "like", True))
        return meetings
    if p.type == "thin":
        return [Contact(start - timedelta(days=rng.randint(1300, 1800)), p.id, "email")]
    cadence = p.cadence or 400.0
    stop = start
    if p.type == "drifting":
        stop = start - timedelta(days=int(cadence * rng.uniform(2.0, 4.0)))
    mix = TEXTER_MIX if p.type == "texter" else HISTORY_MIX[p.circle]
    contacts: list[Contact] = []
    day = start - timedelta(days=HISTORY_DAYS - rng.randint(0, int(min(cadence, 200))))
    while day < stop:
        word = _draw(rng, mix)
        contacts.append(Contact(day, p.id, word, rng.random() < (0.85 if p.calls_first else 0.4)))
        day += timedelta(days=max(1, round(cadence * rng.uniform(0.5, 1.3))))
    return contacts


def build(seed: int, people: int, start: date) -> World:
    """The seeded network: ``people`` people over every circle, their history, their open loops."""
    rng = random.Random(f"{seed}:world")
    made: list[Person] = []
    for circle, size in circle_sizes(people):
        for k in range(size):
            kind = TYPES[circle][k % len(TYPES[circle])]
            n = len(made)
            name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"
            birthday = None
            if rng.random() < {"core": 1.0, "close": 1.0, "friends": 0.6, "network": 0.3}.get(circle, 0.0):
                birthday = (rng.randint(1, 12), rng.randint(1, 28))
            met = None
            if kind in ("dormant", "thin") or rng.random() < 0.5:
                met = start - timedelta(days=rng.randint(7 * 365, 15 * 365))
            closeness = 1 if kind == "thin" else None
            made.append(Person(n + 1, name, circle, kind, kind == "kin", closeness, met, birthday))
    history = sorted(
        (c for p in made for c in _history(rng, p, start)), key=lambda c: (c.day, c.person, c.word)
    )
    loops: list[Loop] = []
    for p in made:
        if p.circle in ("close", "friends") and p.type == "regular" and len(loops) < 2:
            loops.append(
                Loop(start - timedelta(days=rng.randint(5, 40)), p.id, "promise", rng.choice(PROMISES))
            )
    for p in made:
        if p.circle in ("friends", "network") and p.type in ("drifting", "dormant") and len(loops) < 4:
            loops.append(Loop(start - timedelta(days=rng.randint(5, 60)), p.id, "need", rng.choice(NEEDS)))
    return World(seed, start, tuple(made), tuple(history), tuple(sorted(loops, key=lambda x: x.day)))
