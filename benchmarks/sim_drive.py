"""One simulated year, day by day: through the real `net` commands, or through a naive reminder.

The quietnet run builds a new store the way a new user would (``net add`` for
everyone, then two years of history typed in with ``net log --on``, open
promises and needs), then each morning reads ``net due --json`` and acts on what
it lists: with the chosen probability, with a kind that fits the action and
sometimes a lighter one, and always through ``net log``, ``net helped`` or
``net done``. Real life is logged too (``World.life``: contacts the user starts
unprompted and contacts others start, with ``--them``; birthday and new-year
greetings). For four weeks the user is away: nothing is read or logged.

Every command runs in-process through ``typer.testing.CliRunner`` on the real
application, with ``NET_DB`` and ``NET_TODAY`` set for that one call, as the tests do.

The naive run is the same world and the same user with a fixed-cadence reminder
instead: everyone whose days since the last contact reached their circle's
cadence, every day, no budget, no birthdays, no loops.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from sim_world import NEEDS, PROMISES, Contact, Person, World

from quietnet.core.settings import DEFAULT

BREAK_DAYS = 28


@dataclass(frozen=True)
class Shown:
    person: int
    reason: str
    action: str


@dataclass(frozen=True)
class Morning:
    day: date
    shown: tuple[Shown, ...]
    remaining: int | None  # the energy left the morning reported (None: the naive reminder has no budget)


@dataclass
class Trace:
    """What one run did: every contact (history first), each morning's list, the Monday re-runs."""

    name: str
    world: World
    days: int
    pause: tuple[date, date]  # the break: first day, first day back
    contacts: list[Contact] = field(default_factory=list)
    mornings: dict[date, Morning] = field(default_factory=dict)
    mondays: list[tuple[date, bool]] = field(default_factory=list)  # (day, same answer twice)

    def by_person(self) -> dict[int, list[Contact]]:
        out: dict[int, list[Contact]] = {p.id: [] for p in self.world.people}
        for c in sorted(self.contacts, key=lambda c: c.day):
            out[c.person].append(c)
        return out


def pause_of(start: date, days: int) -> tuple[date, date]:
    """The four-week break: from a little past the middle of the run (shorter in a short run)."""
    first = start + timedelta(days=int(days * 0.55))
    return first, first + timedelta(days=min(BREAK_DAYS, days // 6))


class Net:
    """`net` in-process: the real Typer application through ``typer.testing.CliRunner``."""

    def __init__(self, db: Path) -> None:
        import typer.main
        import typer.testing

        from quietnet.cli.app import make_app

        self.db = db
        self.app = make_app()
        self.command = typer.main.get_command(self.app)  # built once: Typer would rebuild it per call
        self.runner = typer.testing.CliRunner()
        self.calls = 0

    def __call__(self, today: date, *args: str) -> str:
        import typer.testing

        env = {
            "NET_DB": str(self.db),
            "NET_TODAY": today.isoformat(),
            "NET_DATABASE_URL": None,
            "NO_COLOR": "1",
        }
        with mock.patch.object(typer.testing, "_get_command", return_value=self.command):
            result = self.runner.invoke(self.app, list(args), env=env)
        self.calls += 1
        if result.exit_code != 0:
            raise SystemExit(f"net {' '.join(args)} (on {today}) exited {result.exit_code}: {result.output}")
        return result.stdout


def fitting_word(rng: random.Random, shown: Shown, person: Person) -> str:
    """The kind word the user logs for a suggestion: what it asked for, sometimes something lighter."""
    if shown.reason == "event":
        return rng.choices(("birthday", "email", "call"), weights=(50, 30, 20))[0]
    lighter = rng.random() < 0.2
    if shown.action == "meet":
        return "call" if lighter else "coffee"
    if shown.action in ("call", "video"):
        return "email" if lighter else shown.action
    if shown.action == "help":
        return "help"
    return "text" if rng.random() < (0.4 if person.type == "texter" else 0.1) else "email"


class Year:
    """The day loop both runs share; ``morning`` and ``log`` say what the reminder is."""

    def __init__(self, trace: Trace, compliance: float) -> None:
        self.trace = trace
        self.world = trace.world
        self.compliance = compliance
        self.people = {p.id: p for p in self.world.people}
        self.last_contact: dict[int, date] = {}
        for c in self.world.history:
            self.record(c, log=False)

    def record(self, c: Contact, *, log: bool = True) -> None:
        if log:
            self.log(c)
        self.trace.contacts.append(c)
        self.last_contact[c.person] = max(c.day, self.last_contact.get(c.person, c.day))

    def log(self, c: Contact) -> None:  # the naive reminder keeps its own ledger: nothing to write
        pass

    def morning(self, day: date) -> Morning:
        raise NotImplementedError

    def act(self, rng: random.Random, day: date, shown: Shown) -> None:
        word = fitting_word(rng, shown, self.people[shown.person])
        self.record(Contact(day, shown.person, word, prompted=True))

    def run(self) -> Trace:
        start, days = self.world.start, self.trace.days
        away, back = self.trace.pause
        for n in range(days):
            day = start + timedelta(days=n)
            if away <= day < back:
                if day.weekday() == 0:
                    self.morning(day)  # only the Monday re-run: the user reads nothing
                continue
            today = self.morning(day)
            self.trace.mornings[day] = today
            rng = random.Random(f"{self.world.seed}:user:{day.isoformat()}")
            for shown in today.shown:
                if rng.random() < self.compliance:
                    self.act(rng, day, shown)
            for c in self.world.life(day):
                self.record(c)
            for p in self.world.people:
                quiet = self.last_contact.get(p.id, date.min) < day - timedelta(days=3)
                if p.birthday == (day.month, day.day) and quiet and self.world.greets(p, day):
                    self.record(Contact(day, p.id, "birthday"))
        return self.trace


class Naive(Year):
    """A fixed-cadence reminder: everyone whose days since the last contact reached the circle's cadence."""

    def morning(self, day: date) -> Morning:
        due: list[tuple[float, int, Shown]] = []
        for p in self.world.people:
            cadence = DEFAULT.cadence(p.circle)
            since = (day - self.last_contact.get(p.id, p.met or day)).days
            if cadence is not None and since >= cadence:
                action = "call" if p.circle in ("core", "close") else "message"
                due.append((-since / cadence, p.id, Shown(p.id, "time_apart", action)))
        return Morning(day, tuple(s for *_, s in sorted(due)), None)


class Quietnet(Year):
    """The real `net due`, read every morning from a store built through the CLI."""

    def __init__(self, trace: Trace, compliance: float, db: Path) -> None:
        self.net = Net(db)
        start = trace.world.start
        for p in trace.world.people:
            args = ["add", p.name, "--circle", p.circle, "--yes"]
            args += ["--kin"] if p.kin else []
            args += ["--met", p.met.isoformat()] if p.met else []
            args += ["--closeness", str(p.closeness)] if p.closeness else []
            args += ["--birthday", f"{p.birthday[0]:02d}-{p.birthday[1]:02d}"] if p.birthday else []
            self.net(start, *args)
        super().__init__(trace, compliance)
        for c in trace.world.history:
            self.log(c)
        for loop in trace.world.loops:
            self.net(start, loop.type, f"#{loop.person}", loop.what, "--on", loop.day.isoformat())

    def log(self, c: Contact) -> None:
        args = ["log", f"#{c.person}", c.word, "--on", c.day.isoformat()]
        self.net(
            c.day if c.day >= self.world.start else self.world.start, *args, *(["--them"] if c.them else [])
        )

    def morning(self, day: date) -> Morning:
        raw = self.net(day, "due", "--json")
        if day.weekday() == 0:
            self.trace.mondays.append((day, self.net(day, "due", "--json") == raw))
        plan: dict[str, Any] = json.loads(raw)
        shown = tuple(Shown(s["id"], s["reason"], s["action"]) for s in plan["suggestions"])
        return Morning(day, shown, plan["energy"]["remaining"])

    def act(self, rng: random.Random, day: date, shown: Shown) -> None:
        if shown.action != "help" or shown.reason == "event":
            super().act(rng, day, shown)
        else:
            loops = [
                x for x in json.loads(self.net(day, "loops", "--json")) if x["person_id"] == shown.person
            ]
            loops.sort(key=lambda x: (x["type"] != "promise", x["id"]))
            if loops and (loops[0]["type"] == "promise" or rng.random() < 0.5):
                self.net(day, "done", str(loops[0]["id"]), "--helped", "kept my word", "--kind", "favor")
            else:  # a need still open after a lead passed on
                self.net(day, "helped", f"#{shown.person}", "passed on a lead", "--kind", "referral")
            self.trace.contacts.append(Contact(day, shown.person, "help", prompted=True))
            self.last_contact[shown.person] = day
        word = self.trace.contacts[-1].word
        if word in ("coffee", "call") and rng.random() < 0.08:  # a new promise or need, now and then
            loop, what = rng.choice((("promise", PROMISES), ("need", NEEDS)))
            self.net(day, loop, f"#{shown.person}", rng.choice(what))


def simulate(world: World, days: int, compliance: float, db: Path) -> tuple[Trace, Trace, int]:
    """Both runs on the same world; also how many `net` commands the quietnet run made."""
    pause = pause_of(world.start, days)
    ours = Quietnet(Trace("quietnet", world, days, pause), compliance, db)
    naive = Naive(Trace("naive", world, days, pause), compliance)
    return ours.run(), naive.run(), ours.net.calls
