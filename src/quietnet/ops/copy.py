"""`net copy`: the whole store from one database to another (SQLite or PostgreSQL, either way).

The source is read in one transaction as the document `net export json`
writes (``store.dump``), plus the change journal (so `net undo` and the history
carry over). The target is written in one transaction: emptied when replacing,
loaded, and then exported again inside that same transaction; only when the two
exports are identical is it committed. Anything else rolls back, so a target is
either a faithful copy or exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quietnet.errors import InputError, StoreError

if TYPE_CHECKING:
    from quietnet.engine.postgres import PgDatabase
    from quietnet.engine.sqlite import Database, Session
    from quietnet.engine.url import ServerUrl

JOURNAL = ("change", "change_row")
KEPT = (*JOURNAL, "tag")  # copied row by row with their ids: the journal's rows name tags by id


@dataclass(frozen=True)
class Source:
    """What is copied: the export document, the journal and the tags, read in one transaction."""

    document: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]

    @property
    def people(self) -> int:
        return len(self.document["people"])


@dataclass(frozen=True)
class Copied:
    people: int
    rows: int  # every row of user data copied
    snapshot: str | None  # the SQLite target as it was, when it was replaced


def read(s: Session) -> Source:
    """The source, held to the field rules of any import: a copy stores nothing a command would refuse."""
    from quietnet.engine.constants import SCHEMA_VERSION
    from quietnet.io import jsonfile
    from quietnet.store import dump

    rows = {t: [dict(r) for r in s.all(f"SELECT * FROM {t} ORDER BY id")] for t in KEPT}
    document = dump.dump(s)
    try:
        jsonfile.check(document, "The source store", schema_version=SCHEMA_VERSION)
    except InputError as exc:
        raise InputError(
            exc.message.replace("nothing was imported", "nothing was copied"),
            hint="Fix that record in the source store (net edit, net show), then copy again.",
        ) from None
    return Source(document, rows)


def held(s: Session) -> dict[str, int]:
    """How many rows of user data a store holds, per table."""
    from quietnet.store import dump

    return dump.counts(s)


def open_target(
    target: Path | ServerUrl, *, now: Callable[[], datetime], announce: Callable[[str], None]
) -> Database | PgDatabase:
    """The target store, created (or migrated) when needed, refused untouched when not ours."""
    if isinstance(target, Path):
        from quietnet.engine.opening import open_database

        return open_database(target, now=now, announce=announce)
    from quietnet.engine.server import open_pg

    return open_pg(target, now=now, announce=announce)


def write(target: Database | PgDatabase, source: Source, *, replace: bool) -> int:
    """Fill the target from the source and verify it, all in one transaction; the rows copied."""
    from quietnet.store import bulk, dump

    with target.write("copy") as s:
        if replace:
            dump.clear(s)
        elif any(held(s).values()):  # filled since we looked: leave it as it is
            raise InputError("The target store is no longer empty; nothing was copied.")
        s.execute("DELETE FROM change_row")  # the history as it was, in place of any the target had
        s.execute("DELETE FROM change")
        s.bulk("tag", source.rows["tag"])  # first, so people's tags link to the same ids
        bulk.load(s, source.document)  # in bulk, not journalled: the source's journal follows
        for table in JOURNAL:
            s.bulk(table, source.rows[table])
        if dump.dump(s) != source.document:
            raise StoreError(
                "The copy did not export exactly as the source does, so it was not kept; "
                "the target is as it was. Run net doctor on the source."
            )
        return sum(held(s).values())
