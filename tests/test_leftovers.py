"""Copies a killed backup, snapshot or restore leaves behind: private from the first byte, then tidied.

A snapshot's temporary file is created empty with mode 0600 and locked before
``VACUUM INTO`` fills it; a temp file nobody holds is a leftover, removed (with
the -journal SQLite writes beside it) at the next backup, snapshot, restore,
`net forget` or `net doctor`, and never listed as a backup. A temp file a
running copy still holds is left alone.
"""

from __future__ import annotations

import fcntl
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Net, ok

STAMPED = "net-20250101-000000-backup.db"


@pytest.fixture
def left(net: Net, store: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A store with one real backup and the leftovers of three killed copies (and a card to import)."""
    monkeypatch.chdir(store.parent)
    (store.parent / "tom.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Baker\r\nEND:VCARD\r\n")
    ok(net, "add", "Ana Ruiz")
    ok(net, "backup")
    backups = store.parent / "backups"
    made = [
        backups / f".{STAMPED}.tmp",
        backups / f".{STAMPED}.tmp-journal",
        backups / ".net-20250102-000000-before-import.db.tmp-journal",  # its temp already gone
        store.parent / ".net.db.restore.tmp",
    ]
    for path in made:
        path.write_bytes(store.read_bytes())
        path.chmod(0o644)  # as VACUUM INTO used to make them
    return made


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    "args", [("backup",), ("import", "vcard", "tom.vcf"), ("forget", "ana", "--yes"), ("doctor",)]
)
def test_leftovers_are_removed_by_the_next_backup_forget_or_doctor(
    net: Net, store: Path, left: list[Path], args: tuple[str, ...]
) -> None:
    result = net(*args)
    assert result.code == 0, result
    assert not any(p.exists() for p in left)
    assert [n for n in names(store.parent / "backups") if n.startswith(".")] == []
    assert [n for n in names(store.parent) if n.startswith(".")] == []


def test_doctor_says_what_it_removed_and_is_well(net: Net, store: Path, left: list[Path]) -> None:
    result = net("doctor")
    assert result.code == 0, result
    assert (
        "Removed 4 leftover temporary files of a copy that was interrupted ("
        ".net-20250101-000000-backup.db.tmp, .net.db.restore.tmp, "
        ".net-20250102-000000-before-import.db.tmp-journal, .net-20250101-000000-backup.db.tmp-journal).\n"
    ) in result.out
    assert "All is well" in result.out
    again = net("doctor")
    assert (again.code, "Removed" in again.out) == (0, False)


def test_leftovers_are_never_listed_as_backups(net: Net, store: Path, left: list[Path]) -> None:
    (store.parent / "backups" / f".{STAMPED}").write_bytes(store.read_bytes())  # hidden, even if whole
    listed = json.loads(ok(net, "backups", "--json"))
    assert [Path(b["path"]).name.startswith("net-") for b in listed] == [True]
    assert all(p.exists() for p in left)  # listing changes nothing


@pytest.fixture
def held(store: Path, left: list[Path]) -> Iterator[Path]:
    """A temp file a running copy holds (locked), as take_snapshot holds its own."""
    temp = store.parent / "backups" / ".net-20250619-120000-backup.db.tmp"
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield temp
    finally:
        os.close(fd)


def test_a_temp_file_in_use_is_left_alone(net: Net, store: Path, held: Path) -> None:
    result = net("doctor")
    assert result.code == 0, result
    assert held.exists()
    assert ok(net, "backup").startswith("Backed up to ")
    assert held.exists()


def test_a_snapshot_temp_file_is_private_from_its_first_byte(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a permissive umask, VACUUM INTO alone made 0644 files; the temp file is 0600 before it runs."""
    ok(net, "add", "Ana Ruiz")
    seen: list[tuple[str, int]] = []
    real_open = os.open

    def watched_open(path: Any, flags: int, mode: int = 0o777, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(".tmp") and flags & os.O_CREAT:
            seen.append((Path(path).name, mode))
            assert flags & os.O_EXCL
        return real_open(path, flags, mode, *args, **kwargs)

    old = os.umask(0)
    try:
        with monkeypatch.context() as patched:
            patched.setattr(os, "open", watched_open)
            ok(net, "backup")
    finally:
        os.umask(old)
    assert [mode for _, mode in seen] == [0o600]
    assert seen[0][0].startswith(".net-")
    assert seen[0][0].endswith("-backup.db.tmp")
    backups = list((store.parent / "backups").iterdir())
    assert [stat.S_IMODE(p.stat().st_mode) for p in backups] == [0o600]


@pytest.mark.slow
def test_a_backup_killed_mid_copy_leaves_a_private_temp_that_doctor_removes(net: Net, store: Path) -> None:
    from tests.helpers import kill_at

    ok(net, "add", "Ana Ruiz")
    kill_at("fsync", 1, "backup")  # the copy is made and checked, not yet renamed
    backups = store.parent / "backups"
    temps = [p for p in backups.iterdir() if p.name.startswith(".")]
    assert [p.name.endswith("-backup.db.tmp") for p in temps] == [True]
    assert stat.S_IMODE(temps[0].stat().st_mode) == 0o600
    assert json.loads(ok(net, "backups", "--json")) == []
    result = net("doctor")
    assert result.code == 0, result
    assert names(backups) == []
