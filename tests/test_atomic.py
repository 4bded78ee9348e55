"""Exports, review files and backups are written atomically and privately.

A crash while writing leaves the previous file exactly as it was, or the
complete new one; never half of one under the final name. Proven twice:

- with real processes killed by SIGKILL at each step of the write (the child
  runs the real command; thin wrappers around ``os.write``, ``os.fsync`` and
  ``os.replace`` announce each step on stdout and wait there, so the kill
  lands exactly at that step; writes go in 64 KiB pieces, so "mid-write" is
  real);
- in-process, by making the lowest-level write (``os.write``, which
  ``io.files.write_atomic`` loops over) fail after some bytes, as a full disk
  does: the old file is intact, no temporary file is left, and the user reads
  one calm sentence.

There are no settings files: settings live in the store, whose writes are
covered by test_crash.py.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import TODAY, Net, kill_at, ok, seed
from tests.processes import seed_people

PEOPLE = 1_500  # an export of about 1.5 MB: some 25 pieces of 64 KiB

# (step, which call, whether the new file is in place by then)
MOMENTS = [
    ("write", 1, False),  # the temporary file holds its first piece
    ("write", 12, False),  # about half written
    ("fsync", 1, False),  # all written and synced, not yet renamed
    ("before-replace", 1, False),
    ("replace", 1, True),  # renamed, the folder not yet synced
]


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in ``folder`` other than ``keep``: only hidden temporary files are allowed."""
    others = sorted(p.name for p in folder.iterdir() if p.name not in keep)
    assert all(name.startswith(".") and name.endswith(".tmp") for name in others), others
    return others


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("big") / "net.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        assert Net()("--db", str(path), "add", "Ana Ruiz").code == 0
    seed_people(path, PEOPLE)
    return path.read_bytes()


@pytest.fixture
def big(net: Net, store: Path, big_store: bytes) -> str:
    """A store of PEOPLE people (a copy of one built per module); its complete JSON export."""
    seed(store, big_store)
    return ok(net, "export", "json")


@pytest.mark.slow
@pytest.mark.parametrize(("step", "nth", "replaced"), MOMENTS, ids=[f"{s}-{n}" for s, n, _ in MOMENTS])
def test_an_export_killed_mid_write_leaves_the_old_file_or_the_whole_new_one(
    net: Net, tmp_path: Path, big: str, step: str, nth: int, replaced: bool
) -> None:
    out = tmp_path / "exports" / "quietnet.json"
    out.parent.mkdir()
    old = b'{"format": "quietnet", "an": "older export"}\n'
    out.write_bytes(old)
    kill_at(step, nth, "export", "json", "--output", str(out), "--yes")
    if replaced:
        assert out.read_text(encoding="utf-8") == big  # complete, and it parses
        assert json.loads(big)["people"][0]["name"] == "Ana Ruiz"
    else:
        assert out.read_bytes() == old
    leftovers(out.parent, {"quietnet.json"})  # a killed writer can't tidy up its hidden temp file
    ok(net, "export", "json", "--output", str(out), "--yes")  # the next export goes through
    assert out.read_text(encoding="utf-8") == big


@pytest.mark.slow
@pytest.mark.parametrize(("step", "replaced"), [("fsync", False), ("replace", True)])
def test_a_backup_killed_mid_write_is_absent_or_whole(
    net: Net, store: Path, tmp_path: Path, big: str, step: str, replaced: bool
) -> None:
    target = tmp_path / "usb" / "copy.db"
    target.parent.mkdir()
    kill_at(step, 1, "backup", "--to", str(target))
    assert target.exists() == replaced
    if replaced:
        conn = sqlite3.connect(target)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == PEOPLE + 1
        finally:
            conn.close()
    leftovers(target.parent, {"copy.db"})


# -- in-process: the write fails after some bytes, as on a full disk ----------------------


def full_after(limit: int) -> Callable[[int, Any], int]:
    """An ``os.write`` that takes ``limit`` bytes in all, then fails as a full disk does."""
    real = os.write
    taken = 0

    def write(fd: int, data: Any) -> int:
        nonlocal taken
        room = limit - taken
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real(fd, bytes(data[:room]))
        taken += written
        return written

    return write


FORMATS = [
    ("export", "json"),
    ("export", "vcard"),
    ("export", "csv"),
    ("export", "ics"),
    ("review", "--format", "markdown"),
]


def _seed(net: Net) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close", "--birthday", "06-21", "--email", "ana@example.com")
    ok(net, "add", "Tom Baker", "--note", "climbs on Sundays")
    ok(net, "log", "ana", "tom", "lunch", "--on", "2025-06-17", "--note", "new studio")


@pytest.mark.parametrize("limit", [0, 100])
@pytest.mark.parametrize("args", FORMATS, ids=" ".join)
def test_a_write_that_fails_midway_keeps_the_old_file_and_leaves_no_temp(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], limit: int
) -> None:
    _seed(net)
    out = tmp_path / "out" / "file"
    out.parent.mkdir()
    old = b"the previous file, which must survive\n" * 10
    out.write_bytes(old)
    with monkeypatch.context() as patched:
        patched.setattr(os, "write", full_after(limit))
        result = net(*args, "--output", str(out), "--yes")
    assert (result.code, result.out) == (1, ""), result
    assert result.err == f"Could not write {out}: the disk is full; nothing was written.\n"
    assert out.read_bytes() == old
    assert [p.name for p in out.parent.iterdir()] == ["file"]  # no temporary file left behind


@pytest.mark.parametrize("args", FORMATS, ids=" ".join)
def test_a_written_file_is_private_and_whole(net: Net, tmp_path: Path, args: tuple[str, ...]) -> None:
    _seed(net)
    out = tmp_path / "file"
    out.write_bytes(b"older")
    out.chmod(0o644)
    assert ok(net, *args, "--output", str(out), "--yes") != ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8") == ok(net, *args)  # what the command prints without --output
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backups_are_private(net: Net, store: Path, tmp_path: Path) -> None:
    _seed(net)
    ok(net, "backup")
    ok(net, "backup", "--to", str(tmp_path / "copy.db"))
    made = [*(store.parent / "backups").iterdir(), tmp_path / "copy.db"]
    assert len(made) == 2
    assert {stat.S_IMODE(p.stat().st_mode) for p in made} == {0o600}


def test_a_backup_that_fails_to_land_says_so_and_leaves_nothing(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(net)

    def no_room(src: Any, dst: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    (tmp_path / "usb").mkdir()
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", no_room)
        result = net("backup", "--to", str(tmp_path / "usb" / "copy.db"))
    assert (result.code, result.out) == (3, ""), result
    assert result.err == (f"Could not take a snapshot of {store}: the disk is full; nothing was changed.\n")
    assert list((tmp_path / "usb").iterdir()) == []
