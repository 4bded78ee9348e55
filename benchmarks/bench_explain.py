"""``run.py --explain``: the query plans of the hot store functions, captured as they run."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench_cases import FIND_TEXT
from bench_stores import TODAY, pick_name


def explain(store: Path) -> str:
    """EXPLAIN QUERY PLAN of every statement the hot store functions run, captured as run."""
    from quietnet.core.schedule import week_start
    from quietnet.engine.opening import open_database
    from quietnet.store import candidates, interactions, people, search, state
    from quietnet.store import settings as stored

    name = pick_name(store)
    work = Path(tempfile.mkdtemp(prefix="quietnet-explain-"))
    copy = work / "net.db"
    shutil.copyfile(store, copy)
    database = open_database(copy, now=lambda: datetime.now(UTC))
    statements: list[str] = []
    out: list[str] = []
    try:
        with database.read() as s:
            person_id = people.resolve_id(s, name)
            settings = stored.load(s)
            calls: dict[str, Callable[[], object]] = {
                "name resolution (people.name_keys)": lambda: people.resolve_id(s, name),
                "candidates.eligible_candidates (net due)": lambda: candidates.eligible_candidates(
                    s, settings, today=TODAY
                ),
                "state.reconnected_between (net due)": lambda: state.reconnected_between(
                    s, week_start(TODAY), TODAY
                ),
                "search.find (net find)": lambda: search.find(s, FIND_TEXT),
                "state.kinds_between": lambda: state.kinds_between(s, week_start(TODAY), TODAY),
                "interactions.timeline": lambda: interactions.timeline(s, person_id),
                "state.said_of_last (each write)": lambda: state.said_of_last(s, person_id),
                "state.touches (each write)": lambda: state.touches(s, person_id),
                "people.same_name (net add)": lambda: people.same_name(s, name),
            }
            for title, call in calls.items():
                statements.clear()
                database.conn.set_trace_callback(statements.append)
                call()
                database.conn.set_trace_callback(None)
                out.append(f"### {title}\n")
                for sql in dict.fromkeys(x for x in statements if x.lstrip().upper().startswith("SELECT")):
                    out.append("    " + " ".join(sql.split()))
                    depth: dict[int, int] = {}
                    for node, parent, _, detail in database.conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                        depth[node] = depth.get(parent, -1) + 1
                        out.append(f"      {'  ' * depth[node]}{detail}")
                out.append("")
    finally:
        database.close()
        shutil.rmtree(work, ignore_errors=True)
    return "\n".join(out)
