"""The whole store as one document (``net export json``) and back (``net import json``).

``dump`` reads every person, tag, interaction, help, loop and setting, keeping
ids and timestamps as stored; ``load`` writes such a document into a store that
has none of those rows, through the journal, then rebuilds each person's
scheduling summary. Export, import into an empty store, export again: the two
documents are identical.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, islice
from operator import eq, itemgetter
from typing import Any

from quietnet.core.records import FORMAT, FORMAT_VERSION
from quietnet.core.rows import Rows
from quietnet.engine.constants import SCHEMA_VERSION
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import folded, journal, kinds, people, state

# Tables with their own shape in the document; every other journalled table is
# exported row by row under "tables" (ids kept, so their links stay valid).
CORE = ("person", "tag", "person_tag", "interaction", "interaction_person", "help", "loop", "setting")


def extra_tables(s: Session) -> list[str]:
    """The other journalled tables of this store, each after the tables it refers to."""
    present = s.tables()
    pending = [t for t in journal.KEYS if t not in CORE and t in present]
    ordered: list[str] = []
    while pending:
        for table in pending:
            refers = s.references(table) - {table}
            if not refers & set(pending):
                ordered.append(table)
                pending.remove(table)
                break
        else:  # a cycle (none today): keep the declared order
            ordered += pending
            break
    return ordered


def counts(s: Session) -> dict[str, int]:
    """How many rows each table of user data holds."""
    tables = ["person", "interaction", "help", "loop", "setting", *extra_tables(s)]
    return {t: int(s.scalar(f"SELECT count(*) FROM {t}")) for t in tables}


def people_count(s: Session) -> int:
    """How many people the store holds (archived ones too)."""
    return int(s.scalar("SELECT count(*) FROM person"))


def dump(s: Session) -> dict[str, Any]:
    """The whole document in memory (``net copy`` compares two of them)."""
    return {
        key: {t: list(rows) for t, rows in value.items()} if key == "tables" else _listed(value)
        for key, value in document(s).items()
    }


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, Iterator) else value


def document(s: Session) -> dict[str, Any]:
    """The document with each table's records as an iterator over a cursor, read as it is written.

    ``io.jsontext.chunks`` writes it a batch of records at a time (``net export json``);
    the iterators read ``s``, so write it before the session ends, and only once.
    People and interactions are ``core.rows.Rows`` (tuples with their keys given once).
    """
    tags: dict[int, list[str]] = {}
    for pid, tag in s.all("SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id"):
        tags.setdefault(pid, []).append(tag)
    uuid_of: dict[int, str] = {r[0]: r[1] for r in s.all("SELECT id, uuid FROM person")}
    columns = [c for c in s.columns("person") if c not in folded.DERIVED]
    at = columns.index("id")
    people = Rows(
        columns,
        s.each(f"SELECT {', '.join(columns)} FROM person ORDER BY id"),
        flags=[columns.index("kin")],
        tail=("tags", lambda rows: [sorted(tags.get(row[at], [])) for row in rows]),
    )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "people": people,
        "interactions": _interactions(s, uuid_of),
        "helps": (
            {
                "id": r["id"], "day": r["day"], "person": uuid_of[r["person_id"]], "kind": r["kind"],
                "what": r["what"], "outcome": r["outcome"], "outcome_on": r["outcome_on"],
                "interaction": r["interaction_id"], "created_at": r["created_at"],
            }
            for r in s.each("SELECT * FROM help ORDER BY id")
        ),
        "loops": (
            {
                "id": r["id"], "person": uuid_of[r["person_id"]], "type": r["type"], "what": r["what"],
                "opened_on": r["opened_on"], "closed_on": r["closed_on"], "help": r["help_id"],
                "created_at": r["created_at"],
            }
            for r in s.each("SELECT * FROM loop ORDER BY id")
        ),
        "settings": {r[0]: json.loads(r[1]) for r in s.all("SELECT name, value FROM setting ORDER BY name")},
        "tables": {
            t: (
                {c: v for c, v in dict(r).items() if c not in folded.DERIVED}
                for r in s.each(f"SELECT * FROM {t} ORDER BY {', '.join(journal.KEYS[t])}")
            )
            for t in extra_tables(s)
        },
    }  # fmt: skip


def _interactions(s: Session, uuid_of: dict[int, str]) -> Iterator[dict[str, Any]]:
    """Each interaction with the uuids of its people (by id), the links read alongside in step."""
    columns = [c for c in s.columns("interaction") if c not in folded.DERIVED]
    # The table scanned and sorted (its interaction_id index lacks person_id): faster, and in order
    by_interaction = "ORDER BY +interaction_id, person_id"
    links = iter(s.each(f"SELECT interaction_id, person_id FROM interaction_person {by_interaction}"))
    at = columns.index("id")
    held: list[Sequence[Any]] = []  # links read but not yet used

    def people(rows: list[Sequence[Any]]) -> list[list[str]]:
        """The people of a batch of interactions: their links cut from the stream by bisection."""
        nonlocal held
        last, ids = rows[-1][at], list(map(itemgetter(at), rows))
        while True:
            keys = list(map(itemgetter(0), held))
            cut = bisect_right(keys, last)
            if cut < len(held) or not (more := list(islice(links, len(rows) + 64))):
                break
            held += more
        taken, held, keys = held[:cut], held[cut:], keys[:cut]
        tails = list(map(list, zip(map(uuid_of.__getitem__, map(itemgetter(1), taken)))))
        # The few interactions of several people: each link after the first joins the one before.
        for i in reversed(list(compress(range(1, cut), map(eq, keys[1:], keys[:-1])))):
            tails[i - 1] += tails.pop(i)
            del keys[i]
        if keys == ids:  # everyone's interactions have people, as they must
            return tails
        by_id = dict(zip(keys, tails, strict=True))
        return [by_id.get(i, []) for i in ids]

    return Rows(
        columns,
        s.each(f"SELECT {', '.join(columns)} FROM interaction ORDER BY id"),
        flags=[columns.index("by_them")],
        tail=("people", people),
    )


def clear(s: Session) -> None:
    """Delete every row of user data, through the journal (``net import json --replace``)."""
    later = ("loop", "help", "interaction_person", "interaction", "person_tag", "tag", "person", "setting")
    for table in [*reversed(extra_tables(s)), *later]:
        journal.delete(s, table, "1 = 1")


def load(s: Session, document: dict[str, Any]) -> int:
    """Write a checked document (``io.jsonfile.parse``) into a store with no user data."""
    columns = [c for c in s.columns("person") if c != "search_key"]
    id_of: dict[str, int] = {}
    for record in document.get("people", []):
        values = {c: record.get(c) for c in columns}
        values["kin"] = bool(values["kin"])
        values["search_key"] = people.search_key(record["name"], record.get("nickname"))
        id_of[record["uuid"]] = journal.insert(s, "person", values)
        people.change_tags(s, id_of[record["uuid"]], add=record["tags"])
    for record in document.get("interactions", []):
        row = {k: record.get(k) for k in ("id", "day", "kind", "said", "note", "by_them", "created_at")}
        interaction_id = journal.insert(s, "interaction", row)
        for uuid in dict.fromkeys(record["people"]):
            journal.insert(
                s, "interaction_person", {"person_id": id_of[uuid], "interaction_id": interaction_id}
            )
    for record in document.get("helps", []):
        journal.insert(
            s,
            "help",
            {
                "id": record["id"], "day": record["day"], "person_id": id_of[record["person"]],
                "kind": record["kind"], "what": record["what"], "outcome": record.get("outcome"),
                "outcome_on": record.get("outcome_on"), "interaction_id": record.get("interaction"),
                "created_at": record["created_at"],
            },
        )  # fmt: skip
    for record in document.get("loops", []):
        journal.insert(
            s,
            "loop",
            {
                "id": record["id"], "person_id": id_of[record["person"]], "type": record["type"],
                "what": record["what"], "opened_on": record["opened_on"],
                "closed_on": record.get("closed_on"), "help_id": record.get("help"),
                "created_at": record["created_at"],
            },
        )  # fmt: skip
    for name, value in sorted(document.get("settings", {}).items()):
        journal.insert(s, "setting", {"name": name, "value": json.dumps(value)})
    _load_tables(s, document.get("tables", {}))
    kinds.use(s)  # the document's own kinds weigh its interactions
    state.refresh_all(s)
    return len(id_of)


def check_tables(tables: dict[str, Any], known: Iterable[str] | None = None) -> None:
    """Refuse a table this quietnet does not keep (``known``: this store's, else any store's)."""
    kept = set(known if known is not None else (t for t in journal.KEYS if t not in CORE))
    for table in tables:
        if table not in kept:
            raise InputError(f'it has a table "{table}" this quietnet does not know.')


def _load_tables(s: Session, tables: dict[str, list[dict[str, Any]]]) -> None:
    known = extra_tables(s)
    check_tables(tables, known)
    for table in known:
        columns = set(s.columns(table))
        for n, row in enumerate(tables.get(table, [])):
            unknown = sorted(set(row) - columns)
            if unknown:
                raise InputError(f'tables.{table}[{n}]: unknown field "{unknown[0]}".')
            try:
                journal.insert(s, table, row)
            except s.IntegrityError as exc:
                raise InputError(f"tables.{table}[{n}]: {str(exc).splitlines()[0]}.") from None
