"""A model-based test: random sequences of real commands against a plain model of the data.

Hypothesis drives `net` in-process (the same harness as every CLI test) on a
fresh store per example, and keeps a small in-memory model of what the
commands should have done: who exists, their circle, city, tags, whether they
are archived or snoozed, how many interactions they have and their loops.
After every step the store must agree with the model (`net list --json`, both
listings, and `net show --json` for one person in turn), `net due --json` must
keep the scheduler's basic promises, the scheduler's per-person state must
match the raw interactions, and no command may ever print a traceback.

Undo follows the journal: `net undo` reverts the latest change, and since an
undo is itself a change, undoing again redoes it. Commands that change nothing
leave no change behind, and `net forget` is permanent: right after it, undo
refuses.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from quietnet.core.records import CIRCLES
from quietnet.core.schedule import REASONS
from quietnet.core.text import fold
from tests.helpers import Result, seed
from tests.model_world import (
    CITIES,
    DAILY_MAX,
    DAY,
    KIND_WORDS,
    NAMES,
    PAST,
    PERMANENT,
    SNOOZES,
    TAGS,
    WHAT,
    Cli,
    Loop,
    Person,
    World,
)
from tests.processes import check_store


class Model(RuleBasedStateMachine):
    def __init__(self, net: Cli, path: Path, template: bytes) -> None:
        super().__init__()
        seed(path, template)
        self.net, self.path = net, path
        self.world = World()
        # The latest change as (before, after), PERMANENT, or None before any change.
        self.last: tuple[World, World] | str | None = None
        self.next_person = 1  # ids are never reused (AUTOINCREMENT), not even after undo
        self.next_loop = 1
        self.loop_ids: list[int] = []  # every loop ever opened, for `net done` on closed or gone ones
        self.steps = 0

    # -- running commands -------------------------------------------------------------

    def run(self, *args: str, code: int = 0) -> Result:
        result = self.net("--db", str(self.path), *args)
        assert "Traceback" not in result.out + result.err, result
        assert result.code == code, (args, result)
        if code:
            assert result.out == "", result
            assert result.err.count("\n") == 1, result  # one calm sentence
        return result

    def change(self, new: World) -> None:
        """The command changed the store: remember how to undo it."""
        assert new != self.world
        self.last = (self.world, new)
        self.world = new

    def settle(self, new: World) -> None:
        """A command that may or may not have changed anything."""
        if new != self.world:
            self.change(new)

    def pick(self, index: int) -> Person:
        ids = sorted(self.world.people)
        return self.world.people[ids[index % len(ids)]]

    def ref(self, p: Person) -> str:
        """How to name ``p`` on the command line: the name when it is unambiguous, else #id."""
        key = fold(p.name)
        same = [q for q in self.world.people.values() if fold(q.name) == key]
        active = [q for q in same if not q.archived]
        return p.name if (active or same) == [p] else f"#{p.id}"

    def has_people(self) -> bool:
        return bool(self.world.people)

    # -- rules ---------------------------------------------------------------------------

    @rule(
        name=st.sampled_from(NAMES),
        circle=st.none() | st.sampled_from(CIRCLES),
        city=st.none() | st.sampled_from(CITIES),
        tag=st.none() | st.sampled_from(TAGS),
    )
    def add(self, name: str, circle: str | None, city: str | None, tag: str | None) -> None:
        args = ["add", name, "--yes"]
        args += ["--circle", circle] if circle else []
        args += ["--city", city] if city else []
        args += ["--tag", tag] if tag else []
        out = self.run(*args).out
        person_id = self.next_person
        self.next_person += 1
        assert re.search(r"\(#(\d+)\)", out) is not None
        assert f"(#{person_id})" in out, out
        p = Person(
            person_id,
            unicodedata.normalize("NFC", name),
            circle=circle or "network",
            city=city,
            tags=frozenset([tag] if tag else []),
        )
        self.change(self.world.with_person(p))

    @precondition(has_people)
    @rule(
        index=st.integers(0, 50),
        circle=st.none() | st.sampled_from(CIRCLES),
        city=st.none() | st.sampled_from((*CITIES, "")),
    )
    def edit(self, index: int, circle: str | None, city: str | None) -> None:
        p = self.pick(index)
        if circle is None and city is None:
            circle = "close"
        args = ["edit", self.ref(p)]
        args += ["--circle", circle] if circle is not None else []
        args += ["--city", city] if city is not None else []
        self.run(*args)
        new = replace(p, circle=circle or p.circle, city=(city or None) if city is not None else p.city)
        self.settle(self.world.with_person(new))

    @precondition(has_people)
    @rule(
        index=st.integers(0, 50),
        other=st.none() | st.integers(0, 50),
        kind=st.sampled_from(KIND_WORDS),
        on=st.none() | st.sampled_from(PAST),
    )
    def log(self, index: int, other: int | None, kind: str, on: str | None) -> None:
        who = {self.pick(index).id: self.pick(index)}
        if other is not None:
            who.setdefault(self.pick(other).id, self.pick(other))
        self.run("log", *(self.ref(p) for p in who.values()), kind, *(["--on", on] if on else []))
        world = self.world
        for p in who.values():
            world = world.with_person(replace(p, interactions=p.interactions + 1))
        self.change(world)

    @precondition(has_people)
    @rule(index=st.integers(0, 50), what=st.sampled_from(WHAT), kind=st.sampled_from(("intro", "favor")))
    def helped(self, index: int, what: str, kind: str) -> None:
        p = self.pick(index)
        self.run("helped", self.ref(p), what, "--kind", kind)
        self.change(self.world.with_person(replace(p, interactions=p.interactions + 1)))

    @precondition(has_people)
    @rule(index=st.integers(0, 50), what=st.sampled_from(WHAT), type_=st.sampled_from(("promise", "need")))
    def open_loop(self, index: int, what: str, type_: str) -> None:
        p = self.pick(index)
        out = self.run(type_, self.ref(p), what).out
        loop_id = self.next_loop
        self.next_loop += 1
        assert f"(#{loop_id})" in out, out
        self.loop_ids.append(loop_id)
        self.change(self.world.with_loop(Loop(loop_id, p.id, type_, what)))

    @precondition(lambda self: bool(self.loop_ids))
    @rule(index=st.integers(0, 50), helped=st.booleans())
    def done(self, index: int, helped: bool) -> None:
        loop_id = self.loop_ids[index % len(self.loop_ids)]
        loop = self.world.loops.get(loop_id)
        args = ["done", str(loop_id), *(["--helped", "kept it"] if helped else [])]
        if loop is None or loop.closed:  # forgotten, undone, or closed already: refused
            self.run(*args, code=1)
            return
        self.run(*args)
        world = self.world.with_loop(replace(loop, closed=True))
        if helped:
            p = world.people[loop.person_id]
            world = world.with_person(replace(p, interactions=p.interactions + 1))
        self.change(world)

    @precondition(has_people)
    @rule(index=st.integers(0, 50), how=st.sampled_from(sorted(SNOOZES)))
    def snooze(self, index: int, how: tuple[str, ...]) -> None:
        p = self.pick(index)
        self.run("snooze", self.ref(p), *how)
        self.settle(self.world.with_person(replace(p, snoozed_until=SNOOZES[how])))

    @precondition(has_people)
    @rule(index=st.integers(0, 50), archived=st.booleans())
    def archive(self, index: int, archived: bool) -> None:
        p = self.pick(index)
        self.run("archive" if archived else "unarchive", self.ref(p))
        self.settle(self.world.with_person(replace(p, archived=archived)))

    @precondition(has_people)
    @rule(
        index=st.integers(0, 50),
        add=st.frozensets(st.sampled_from(TAGS), max_size=2),
        remove=st.frozensets(st.sampled_from(TAGS), max_size=2),
    )
    def tag(self, index: int, add: frozenset[str], remove: frozenset[str]) -> None:
        p = self.pick(index)
        remove = remove - add
        if not add and not remove:
            add = frozenset({"novel"})
        self.run("tag", self.ref(p), *(f"+{t}" for t in sorted(add)), *(f"-{t}" for t in sorted(remove)))
        self.settle(self.world.with_person(replace(p, tags=(p.tags | add) - remove)))

    @precondition(has_people)
    @rule(index=st.integers(0, 50))
    def forget(self, index: int) -> None:
        p = self.pick(index)
        self.run("forget", self.ref(p), "--yes")
        self.world = replace(
            self.world,
            people={k: v for k, v in self.world.people.items() if k != p.id},
            loops={k: v for k, v in self.world.loops.items() if v.person_id != p.id},
        )
        self.last = PERMANENT

    @precondition(lambda self: self.last is not None)
    @rule()
    def undo(self) -> None:
        if not isinstance(self.last, tuple):  # PERMANENT
            assert "forgetting someone is permanent" in self.run("undo", "--yes", code=1).err
        else:
            before, after = self.last
            assert after == self.world
            self.run("undo", "--yes")
            self.last = (after, before)  # undoing the undo redoes it
            self.world = before

    # -- invariants ----------------------------------------------------------------------

    @invariant()
    def listings_match(self) -> None:
        for archived in (False, True):
            listed = json.loads(self.run("list", "--json", *(["--archived"] if archived else [])).out)
            found = sorted((p["id"], p["name"], p["circle"], p["city"], tuple(p["tags"])) for p in listed)
            assert all(p["archived"] == archived for p in listed)
            wanted = sorted(
                (p.id, p.name, p.circle, p.city, tuple(sorted(p.tags)))
                for p in self.world.people.values()
                if p.archived == archived
            )
            assert found == wanted, (archived, found, wanted)

    @invariant()
    def one_profile_matches(self) -> None:
        self.steps += 1
        if not self.world.people:
            return
        p = self.pick(self.steps)
        shown = json.loads(self.run("show", self.ref(p), "--json").out)
        person = shown["person"]
        assert (person["id"], person["name"], person["circle"], person["city"]) == (
            p.id,
            p.name,
            p.circle,
            p.city,
        )
        assert set(person["tags"]) == p.tags
        assert (person["archived_at"] is not None) == p.archived
        assert person["snoozed_until"] == (p.snoozed_until.isoformat() if p.snoozed_until else None)
        assert len(shown["interactions"]) == p.interactions
        wanted = sorted(
            (loop.id, loop.type, loop.what)
            for loop in self.world.loops.values()
            if loop.person_id == p.id and not loop.closed and not p.archived  # archived: loops rest
        )
        assert sorted((x["id"], x["type"], x["what"]) for x in shown["open_loops"]) == wanted

    @invariant()
    def due_keeps_its_promises(self) -> None:
        plan: dict[str, Any] = json.loads(self.run("due", "--json").out)
        suggested = plan["suggestions"]
        assert len(suggested) <= DAILY_MAX
        ids = [s["id"] for s in suggested]
        assert len(ids) == len(set(ids))
        for s in suggested:
            p = self.world.people[s["id"]]
            assert not p.archived, s
            assert p.snoozed_until is None or p.snoozed_until <= DAY, s
            assert s["reason"] in REASONS, s
        scores = [s["score"] for s in suggested]
        assert scores == sorted(scores, reverse=True)
        assert [s["rank"] for s in suggested] == list(range(1, len(suggested) + 1))

    @invariant()
    def store_is_sound(self) -> None:
        check_store(self.path)  # integrity, foreign keys, and every person_state row up to date

    def teardown(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)


# A quick run in every `pytest -m "not slow"`, a thorough one in the slow group CI runs too.
@pytest.mark.parametrize(
    "runs", [pytest.param(10, id="quick"), pytest.param(40, id="thorough", marks=pytest.mark.slow)]
)
def test_random_command_sequences_match_the_model(tmp_path: Path, migrated: bytes, runs: int) -> None:
    # Memory-backed when the system has it: fsync is free there, which halves the
    # time. Durability on a real disk is what test_crash and test_faults check.
    shm = Path("/dev/shm")
    parent = shm if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path
    examples = iter(range(10**6))
    net = Cli()
    with tempfile.TemporaryDirectory(prefix="quietnet-model-", dir=parent) as folder:

        class OnAFreshStore(Model):
            def __init__(self) -> None:
                super().__init__(net, Path(folder) / f"model-{next(examples)}.db", migrated)

        run_state_machine_as_test(
            OnAFreshStore, settings=settings(max_examples=runs, stateful_step_count=20, deadline=None)
        )
