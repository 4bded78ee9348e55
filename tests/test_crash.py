"""A writer killed with SIGKILL at random moments never leaves a damaged or half-changed store.

One "zygote" process imports quietnet and builds the commands once, then forks
a writer per trial, so 50 kills cost milliseconds each rather than a Python
start-up each. A writer runs real `net` commands in-process, single writes
(`net log ana call --note N`) and bulk ones (`net settings preset`, which
rewrites every person's scheduler state in one transaction), and reports a
command on its own pipe only after it returned. The test kills it at a random
moment (seeded), then checks the store it left behind.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import time
from pathlib import Path

import pytest

from tests.helpers import Net
from tests.processes import RUN_CLI, Child, check_store, connect, same_under_presets, seed_people

TRIALS = 50
PEOPLE = 300

# The zygote reads one plan per line: "TRIAL FIRST-PRESET SPEC", SPEC being the
# first commands (L: a log, P: the next preset); then it forks a writer that
# runs them, then logs until killed (at most 200 commands), reporting
# "start I" and "done I" around each, and "ended STATUS" once the writer is gone.
ZYGOTE = (
    RUN_CLI
    + """
import io
import os
import traceback

import quietnet.core.dates, quietnet.core.names, quietnet.core.settings  # what the commands import when run
import quietnet.store.interactions, quietnet.store.loops, quietnet.store.people, quietnet.store.settings

build("log")
build("settings")
report = os.fdopen(os.dup(1), "w", buffering=1)


def write(trial, first, spec):
    sys.stdout = open(os.devnull, "w")  # the commands' own words; the report pipe stays clean
    report.write(f"pid {os.getpid()}\\n")
    presets = [first, "default" if first == "sivers" else "sivers"]
    done_presets = 0
    for i in range(200):
        if i < len(spec) and spec[i] == "P":
            args = ["settings", "preset", presets[done_presets % 2]]
            done_presets += 1
        else:
            args = ["log", "ana", "call", "--note", f"{trial}-{i}"]
        sys.stderr = io.StringIO()
        report.write(f"start {i}\\n")
        try:
            code = run(args)
        except BaseException:
            code = traceback.format_exc()
        report.write(f"done {i}\\n" if code == 0 else f"failed {i}: {code!r} {sys.stderr.getvalue()!r}\\n")


for plan in sys.stdin:
    trial, first, spec = plan.split()
    pid = os.fork()
    if pid == 0:
        try:
            write(trial, first, spec.strip("-"))
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    report.write(f"ended {status}\\n")
"""
)


def notes(store: Path) -> list[str]:
    conn = connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT note FROM interaction WHERE note IS NOT NULL")]
    finally:
        conn.close()


def cadences(preset: str) -> tuple[int | None, ...]:
    from quietnet.core.settings import preset as find

    return find(preset).cadences


@pytest.mark.slow
def test_writer_killed_at_random_moments_leaves_a_sound_store(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    seed_people(store, PEOPLE)
    # The stored rhythm (cadence) follows the preset for everyone, even Ana with no history.
    assert same_under_presets(store) == set(), "every person's state must depend on the preset"
    rng = random.Random(20250619)
    committed: set[str] = set()  # every note known to be in the store
    stored = "default"  # the preset the store holds
    kills = {"L": 0, "P": 0}
    # How long each kind of write took here, seen from this side of the pipe; the
    # first guesses only matter until the first commands of that kind have run.
    took: dict[str, list[float]] = {"L": [0.012], "P": [0.07]}
    zygote = Child(ZYGOTE, stdin=True)
    try:
        for trial in range(TRIALS):
            # Let 0-2 commands finish, then kill during the next one (a log or a
            # preset, 50/50) at a random moment within about its running time.
            before = "".join(rng.choice("LP") for _ in range(rng.randint(0, 2)))
            target = rng.choice("LP")
            first = "sivers" if stored == "default" else "default"
            zygote.send(f"{trial} {first} -{before}{target}")
            pid_line = zygote.line()
            assert pid_line is not None, zygote.stderr()
            assert pid_line.startswith("pid "), pid_line
            for i, kind in enumerate(before):
                zygote.expect(f"start {i}")
                began = time.monotonic()
                zygote.expect(f"done {i}")
                took[kind].append(time.monotonic() - began)
            zygote.expect(f"start {len(before)}")
            # A random moment within the target's usual running time on this machine, not a wait.
            time.sleep(rng.uniform(0.0, statistics.median(took[target][-9:])))
            os.kill(int(pid_line.split()[1]), signal.SIGKILL)

            reported = len(before)
            while (line := zygote.line()) is not None and not line.startswith("ended "):
                if line != f"start {reported}":
                    assert line == f"done {reported}", line
                    reported += 1
            assert line is not None, zygote.stderr()
            status = int(line.split()[1])
            assert os.WIFSIGNALED(status), status
            assert os.WTERMSIG(status) == signal.SIGKILL, status

            # Which commands ran: the plan, then logs; presets alternate from `first`.
            spec = before + target
            kinds = [spec[i] if i < len(spec) else "L" for i in range(reported + 1)]
            presets = [first if n % 2 == 0 else stored for n in range(kinds.count("P"))]
            done_presets = presets[: kinds[:reported].count("P")]
            inflight = kinds[reported]
            kills[inflight] += 1

            settings = check_store(store)  # integrity, foreign keys, states match the settings
            found = notes(store)
            assert len(found) == len(set(found)), "a note was stored twice"
            mine = {f"{trial}-{i}" for i, k in enumerate(kinds[:reported]) if k == "L"}
            maybe = {f"{trial}-{reported}"} if inflight == "L" else set()
            assert committed | mine <= set(found) <= committed | mine | maybe
            committed = set(found)

            expected = [done_presets[-1] if done_presets else stored]
            if inflight == "P":
                expected.append(presets[-1])
            assert settings.cadences in [cadences(p) for p in expected]
            stored = next(p for p in reversed(expected) if settings.cadences == cadences(p))
    finally:
        zygote.close()
    assert min(kills.values()) >= 8, kills  # both kinds of write were hit often
    assert net("log", "ana", "coffee").code == 0  # the store still takes writes
