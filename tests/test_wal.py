"""db.wal_has_commits: whether a store's -wal holds committed transactions not yet in the file.

A read-only folder reads such a store through its WAL or refuses it, never as
immutable (test_readonly.py runs that as another user); these check the reading
of the WAL's headers on real files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quietnet.engine.disk import wal_has_commits


def test_commits_in_the_wal_are_seen_and_a_checkpointed_wal_holds_none(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    assert not wal_has_commits(path)  # no -wal yet, or an empty one
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN")
    writer.execute("INSERT INTO t VALUES (1)")
    assert wal_has_commits(path)  # the CREATE TABLE is committed
    writer.execute("COMMIT")
    assert wal_has_commits(path)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert Path(f"{path}-wal").stat().st_size == 0
    assert not wal_has_commits(path)
    writer.close()


def test_an_uncommitted_or_foreign_wal_holds_no_commits(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    Path(f"{path}-wal").write_bytes(b"not a write-ahead log at all" * 10)
    assert not wal_has_commits(path)
    writer = sqlite3.connect(tmp_path / "y.db", isolation_level=None)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE t (x)")
    wal = Path(f"{tmp_path / 'y.db'}-wal").read_bytes()
    writer.close()
    Path(f"{path}-wal").write_bytes(wal[:32])  # the header alone: no frame
    assert not wal_has_commits(path)
    Path(f"{path}-wal").write_bytes(
        wal[:32] + wal[32:40] + bytes(16) + wal[56:]
    )  # frames of another generation
    assert not wal_has_commits(path)
    Path(f"{path}-wal").write_bytes(wal)
    assert wal_has_commits(path)


def test_reads_through_the_memory_map_see_what_another_writer_committed(tmp_path: Path) -> None:
    """The morning's reads map the store (mmap_size); a write from another connection, checkpointed into the
    file and growing it past what was mapped, is seen by the next read, and nothing is lost."""
    from datetime import datetime

    from quietnet.engine.opening import open_database
    from quietnet.engine.sqlite import MMAP_BYTES

    path = tmp_path / "net.db"
    reader = open_database(path, now=datetime.now)
    with reader.read(mapped=True) as s:
        assert s.scalar("PRAGMA mmap_size") == MMAP_BYTES
        assert s.scalar("SELECT count(*) FROM person") == 0
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    for n in range(2000):  # a few hundred pages: the file grows
        writer.execute(
            "INSERT INTO person (uuid, name, search_key, circle, kin, created_at, updated_at)"
            " VALUES (?, ?, ?, 'network', 0, '2025-06-19 08:00:00', '2025-06-19 08:00:00')",
            (f"u{n}", f"Person {n} " + "x" * 200, f"person {n}"),
        )
    writer.execute("COMMIT")
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    writer.close()
    with reader.read(mapped=True) as s:
        assert s.scalar("SELECT count(*) FROM person") == 2000
        assert s.scalar("SELECT name FROM person WHERE uuid = 'u1999'") == "Person 1999 " + "x" * 200
    with reader.read() as s:  # a pass over everyone (net list) reads unmapped
        assert s.scalar("PRAGMA mmap_size") == 0
        assert s.scalar("SELECT count(*) FROM person") == 2000
    reader.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
