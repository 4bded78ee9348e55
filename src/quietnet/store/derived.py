"""Columns the store derives from others, checked and rebuilt from scratch.

- ``person.search_key``: the folded name and nickname (``people.search_key``);
- ``find_key`` on ``person``, ``interaction``, ``help``, ``loop`` and ``note``: their text
  folded (``folded.find_key``);
- ``person_state``: each person's summary and the window in which time alone
  makes them eligible (``state.expected_row``).

Every write keeps them current. A migration only adds such a column; right
after migrating, in the same transaction, ``engine/migrate.py`` calls
``rebuild``, so no migration runs live code (an old migration does what it did
when it was written) and the values always come from the code that reads them.
`net doctor` reports stale ones (``stale``) and ``--fix`` rebuilds them.
"""

from __future__ import annotations

from quietnet.engine.sqlite import Session
from quietnet.store import kinds, state
from quietnet.store.folded import SOURCES, find_key
from quietnet.store.people import search_key
from quietnet.store.settings import load


def _keys(s: Session) -> list[tuple[str, str, int, str | None]]:
    """(table, column, id, value it should hold) for every key column that differs from its text."""
    wrong: list[tuple[str, str, int, str | None]] = []
    for r in s.all("SELECT id, name, nickname, search_key FROM person ORDER BY id"):
        folded = search_key(r["name"], r["nickname"])
        if r["search_key"] != folded:
            wrong.append(("person", "search_key", r["id"], folded))
    for table, sources in SOURCES.items():
        for r in s.all(f"SELECT id, find_key, {', '.join(sources)} FROM {table} ORDER BY id"):
            key = find_key(table, dict(r))
            if r["find_key"] != key:
                wrong.append((table, "find_key", r["id"], key))
    return wrong


def stale_summaries(s: Session) -> list[int]:
    """The people whose stored scheduling summary differs from one recomputed now."""
    kinds.use(s)  # weighed with this store's own kinds (doctor and migrations open no command's session)
    settings = load(s)
    stored = {r["person_id"]: r for r in s.all("SELECT * FROM person_state")}
    stale = []
    for (person_id,) in s.all("SELECT id FROM person ORDER BY id"):
        row = stored.get(person_id)
        expected = state.expected_row(s, person_id, settings)
        if row is None or any(row[k] != v for k, v in expected.items()):
            stale.append(person_id)
    return stale


def stale_keys(s: Session) -> int:
    """How many search and find keys differ from the text they are folded from."""
    return len(_keys(s))


def rebuild_keys(s: Session) -> int:
    """Rewrite the search and find keys that differ from their text; how many there were."""
    wrong = _keys(s)
    for table, column, row_id, key in wrong:
        s.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (key, row_id))
    return len(wrong)


def rebuild(s: Session) -> None:
    """Bring every derived column in line with the rows it is derived from."""
    rebuild_keys(s)
    state.refresh(s, stale_summaries(s))
