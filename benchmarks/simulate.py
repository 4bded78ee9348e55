"""A year of real life through the real `net` commands, measured against issue 13's targets.

    python benchmarks/simulate.py                    # 60 people, 365 days, seed 1, full compliance
    python benchmarks/simulate.py --compliance 0.7   # the user acts on 70% of suggestions
    python benchmarks/simulate.py --check            # exit 1, saying which target was missed

A seeded synthetic network (``sim_world.py``: every circle, family, two years of
history with drifting and quiet ties, thin ties, birthdays, open promises and
needs, people who always call first, people reached mostly by text) lives one
year day by day (``sim_drive.py``): each morning ``net due --json`` through the
real command layer, the user acting on it, life going on regardless, a 4-week
break. A naive fixed-cadence reminder runs on the same world for comparison.
``sim_measure.py`` turns both runs into one Markdown table. Nothing reads the
clock; the store is a temporary file, removed afterwards. It takes a minute or two.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sim_drive import simulate
from sim_measure import failures, measure, table
from sim_world import build

START = date(2025, 7, 1)  # a Tuesday: 365 days hold 52 Mondays


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=1, help="the world and the user's choices (default 1)")
    parser.add_argument("--days", type=int, default=365, help="how long to simulate (default 365)")
    parser.add_argument("--people", type=int, default=60, help="how many people the user knows (default 60)")
    parser.add_argument(
        "--compliance", type=float, default=1.0, help="chance the user acts on a suggestion (default 1.0)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target of issue 13 is missed")
    args = parser.parse_args(argv)
    if not 0 <= args.compliance <= 1:
        parser.error("--compliance is a probability, from 0 to 1")
    if args.days < 1 or args.people < 1:
        parser.error("--days and --people are 1 or more")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    world = build(args.seed, args.people, START)
    with tempfile.TemporaryDirectory(prefix="quietnet-sim-") as folder:
        ours, naive, calls = simulate(world, args.days, args.compliance, Path(folder) / "net.db")
    mine, theirs = measure(ours), measure(naive)
    away, back = ours.pause
    print(table(mine, theirs))
    print()
    print(
        f"{len(world.people)} people, {len(world.history)} contacts of history; {args.days} days from "
        f"{START}, away {away} to {back}; seed {args.seed}, compliance {args.compliance:g}; "
        f"{calls} `net` commands in {time.perf_counter() - began:.0f} s."
    )
    if not args.check:
        return 0
    missed = failures(mine)
    for line in missed:
        print(f"Target missed: {line}", file=sys.stderr)
    if not missed:
        print("Every target of issue 13 met.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
