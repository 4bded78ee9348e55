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
