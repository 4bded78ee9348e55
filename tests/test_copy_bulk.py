"""net copy loads in bulk (store/bulk.py): the same rows and summaries as the journalled paths."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from quietnet.engine.opening import open_database
from quietnet.ops.demo import build
from quietnet.store import bulk, state
from quietnet.store.settings import load
from tests.helpers import Net


def test_the_summaries_made_in_bulk_are_the_ones_each_write_keeps(tmp_path: Path) -> None:
    database = open_database(tmp_path / "net.db", now=lambda: datetime.now(UTC))
    try:
        with database.write("demo") as s:
            build(s, today=date(2025, 6, 19))
            s.execute(  # someone with no interactions yet
                "INSERT INTO person (uuid, name, circle, kin, created_at, updated_at, search_key)"
                " VALUES ('00000000-0000-4000-8000-000000000001', 'Nobody Yet', 'network', 0,"
                " '2025-01-01 08:00:00+00:00', '2025-01-01 08:00:00+00:00', 'nobody yet\n')"
            )
        with database.read() as s:
            made = list(bulk.summaries(s))
            settings = load(s)
            kept = [
                {"person_id": r[0], **state.expected_row(s, r[0], settings)}
                for r in s.all("SELECT id FROM person")
            ]
    finally:
        database.close()
    assert len(made) > 20
    assert sorted(made, key=lambda r: r["person_id"]) == sorted(kept, key=lambda r: r["person_id"])


def test_a_copy_needs_no_repair_and_keeps_the_history(net: Net, store: Path, tmp_path: Path) -> None:
    assert net("add", "Ana Lima", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--note", "climbing plans").code == 0
    target = tmp_path / "copy.db"
    result = net("copy", "--to", str(target), "--yes")
    assert result.code == 0, result
    assert net("--db", str(target), "doctor").code == 0
    assert net("--db", str(target), "find", "climbing").out == net("find", "climbing").out
    assert net("--db", str(target), "undo", "--yes").code == 0  # the source's history came along
    assert net("--db", str(target), "show", "ana").out != net("show", "ana").out
