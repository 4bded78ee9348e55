"""`net copy`'s load: the export document written a table at a time, not journalled.

``dump.load`` writes a document through the journal one row at a time (`net import
json` is one change `net undo` can take back). `net copy` puts the source's own
journal in place of whatever a load records, so it writes the same rows (the same
ids, the same derived keys) with ``Session.bulk``: ``executemany`` on SQLite,
``COPY`` on PostgreSQL. Then the server gathers statistics on the tables just
filled (``Session.analyze``) before each person's summary is computed from them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from quietnet.core.rhythm import Touch
from quietnet.engine.sqlite import Session
from quietnet.store import dump, folded, kinds, people
from quietnet.store.settings import load as load_settings
from quietnet.store.state import state_row, summarised

# The tables the per-person summaries read, and the ones the check after a copy reads.
ANALYZED = ("person", "tag", "person_tag", "interaction", "interaction_person", "help", "loop", "setting")


def load(s: Session, document: Mapping[str, Any]) -> int:
    """Write a checked document into a store with no user data and its tags already in
    place (``net copy`` copies them first, ids kept); how many people it held."""
    columns = [c for c in s.columns("person") if c not in folded.DERIVED]
    tag_ids = {r[1]: r[0] for r in s.all("SELECT id, name FROM tag")}
    persons, tagged, id_of = [], [], {}
    for record in document["people"]:
        values = {c: record.get(c) for c in columns}
        values["kin"] = bool(values["kin"])
        values["search_key"] = people.search_key(record["name"], record.get("nickname"))
        persons.append(folded.with_key("person", values))
        id_of[record["uuid"]] = record["id"]
        tagged += [{"person_id": record["id"], "tag_id": tag_ids[t]} for t in dict.fromkeys(record["tags"])]
    s.bulk("person", persons)
    s.bulk("person_tag", tagged)
    interactions, links = [], []
    for record in document["interactions"]:
        row = {k: record.get(k) for k in ("id", "day", "kind", "said", "note", "by_them", "created_at")}
        interactions.append(folded.with_key("interaction", row))
        links += [
            {"person_id": id_of[u], "interaction_id": record["id"]} for u in dict.fromkeys(record["people"])
        ]
    s.bulk("interaction", interactions)
    s.bulk("interaction_person", links)
    s.bulk(
        "help",
        [
            folded.with_key("help", {
                "id": r["id"], "day": r["day"], "person_id": id_of[r["person"]], "kind": r["kind"],
                "what": r["what"], "outcome": r.get("outcome"), "outcome_on": r.get("outcome_on"),
                "interaction_id": r.get("interaction"), "created_at": r["created_at"],
            })
            for r in document["helps"]
        ],
    )  # fmt: skip
    s.bulk(
        "loop",
        [
            folded.with_key("loop", {
                "id": r["id"], "person_id": id_of[r["person"]], "type": r["type"], "what": r["what"],
                "opened_on": r["opened_on"], "closed_on": r.get("closed_on"), "help_id": r.get("help"),
                "created_at": r["created_at"],
            })
            for r in document["loops"]
        ],
    )  # fmt: skip
    settings = document.get("settings", {})
    s.bulk("setting", [{"name": n, "value": json.dumps(settings[n])} for n in sorted(settings)])
    tables = document.get("tables", {})
    dump.check_tables(tables, dump.extra_tables(s))
    for table in dump.extra_tables(s):
        s.bulk(table, [folded.with_key(table, row) for row in tables.get(table, [])])
    kinds.use(s)  # the document's own kinds weigh its interactions
    s.analyze(ANALYZED)
    s.bulk("person_state", list(summaries(s)))
    return len(id_of)


def summaries(s: Session) -> Iterator[dict[str, Any]]:
    """Every person's ``person_state`` row, as ``state.expected_row`` makes it, from two reads
    of the whole store instead of three queries per person (tests/test_copy_bulk.py compares)."""
    settings = load_settings(s)
    touched: dict[int, list[tuple[str, int, str, str | None]]] = {}
    for person_id, day, interaction_id, kind, said in s.each(
        "SELECT ip.person_id, i.day, i.id, i.kind, i.said"
        " FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id"
    ):
        touched.setdefault(person_id, []).append((day, interaction_id, kind, said))
    for r in s.all("SELECT id, circle, kin, closeness, cadence_days, met_on, created_at FROM person"):
        rows = sorted(touched.pop(r["id"], []), key=lambda t: t[1])  # by id, as state.touches reads them
        found = [Touch(date.fromisoformat(day), kind) for day, _, kind, _ in rows]
        summary, window, met = summarised(r, found, settings)
        last = max(rows, default=None)  # the latest day, and of that day the latest interaction
        yield {
            "person_id": r["id"],
            **state_row(summary, window, met, None if last is None else last[3], settings),
        }
