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
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from gen_derived import fill_find_keys, state_rows
from gen_history import Rows, interaction_rows, link_rows, plan_interactions
from gen_people import loop_rows, make_people, tag_rows
from gen_vcards import write_vcards

from quietnet.core.settings import DEFAULT, Settings
from quietnet.engine.opening import open_database
from quietnet.store.people import search_key

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
