"""A full disk is named as one: reads still work where SQLite allows, doctor never advises a restore.

A real full disk where the machine allows one (a 512 KiB tmpfs, as root), the
kernel's /dev/full for the output and for the error message itself, and faults
injected at the OS-call layer (``os.statvfs`` reporting no room) for the rest.
test_faults.py fills a store's "disk" with SQLite's max_page_count while writing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quietnet.engine.constants import SCHEMA_VERSION
from tests.helpers import TODAY, Net, files, ok, seed

FULL = "The disk is full, so this could not be finished. Free some space and try again.\n"
ADVICE = (
    "    What to do: Free some space on that disk. "
    "Don't restore a backup: a full disk doesn't damage the store.\n"
)


class NoRoom:
    """What os.statvfs says about a full disk."""

    f_frsize = 4096
    f_bfree = 0
    f_bavail = 0


@pytest.fixture
def no_room(monkeypatch: pytest.MonkeyPatch) -> None:
    def statvfs(path: Any) -> NoRoom:
        return NoRoom()

    monkeypatch.setattr(os, "statvfs", statvfs)


def test_doctor_names_a_full_disk_and_never_advises_a_restore(net: Net, store: Path, no_room: None) -> None:
    ok(net, "add", "Ana Ruiz")
    before = files(store)
    result = net("doctor")
    assert result.code == 1
    assert (
        "  - The disk holding the store is full: the store can be read, but nothing can be saved.\n" + ADVICE
    ) in result.out
    assert "net restore" not in result.out
    assert f"(schema {SCHEMA_VERSION}, 1 person)" in result.out  # it still read the store
    assert files(store) == before


def test_an_sqlite_io_error_on_a_full_disk_is_named_as_a_full_disk(store: Path, no_room: None) -> None:
    import sqlite3

    from quietnet.engine.sqlite import store_error

    error = store_error(sqlite3.OperationalError("disk I/O error"), store)
    assert (error.exit_code, error.message) == (3, f"The disk holding {store} is full; nothing was changed.")


def test_an_sqlite_io_error_with_room_left_is_not_called_a_full_disk(store: Path) -> None:
    import sqlite3

    from quietnet.engine.sqlite import store_error

    error = store_error(sqlite3.OperationalError("disk I/O error"), store)
    assert error.message == f"The store at {store} could not be used: disk I/O error."


class Full:
    """A stream on a full disk: every write fails as /dev/full's do."""

    def write(self, text: str) -> int:
        raise OSError(28, os.strerror(28))

    def flush(self) -> None:
        raise OSError(28, os.strerror(28))


def test_an_error_message_that_cant_be_written_ends_with_3(monkeypatch: pytest.MonkeyPatch) -> None:
    from quietnet.cli.boundary import calm
    from quietnet.errors import InputError

    monkeypatch.setattr(sys, "stderr", Full())
    assert calm(InputError("There is no loop with the id 999.")) == 3
    assert calm(KeyboardInterrupt()) == 3


def test_output_that_cant_be_written_is_named_calmly(capsys: pytest.CaptureFixture[str]) -> None:
    from quietnet.cli.boundary import calm

    assert calm(OSError(28, os.strerror(28))) == 3
    assert capsys.readouterr() == ("", FULL)


def net_process(*args: str, **streams: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "quietnet", *args], env=env, text=True, timeout=60, check=False, **streams
    )


@pytest.mark.slow
@pytest.mark.parametrize("args", [("list",), ("today",), ("export", "json"), ("--version",), ("--help",)])
def test_printing_to_a_full_disk_exits_3_with_one_sentence(
    net: Net, store: Path, args: tuple[str, ...]
) -> None:
    ok(net, "add", "Ana Ruiz")
    before = files(store)
    with open("/dev/full", "w") as full:
        run = net_process(*args, stdout=full, stderr=subprocess.PIPE)
    assert (run.returncode, run.stderr) == (3, FULL)
    assert files(store) == before


@pytest.mark.slow
@pytest.mark.parametrize("args", [("done", "999"), ("list",), ("export", "json", "-o", "/dev/full")])
def test_an_error_message_on_a_full_disk_exits_3_without_a_traceback(
    net: Net, store: Path, args: tuple[str, ...]
) -> None:
    ok(net, "add", "Ana Ruiz")
    before = files(store)
    with open("/dev/full", "w") as full:
        run = net_process(*args, stdout=full, stderr=full)
    assert run.returncode == 3
    assert files(store) == before


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs (root only; skipped where mounting is not allowed)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(
            f"this machine does not allow mounting a small disk: {mounted.stderr.decode().strip()[:100]}"
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(path: Path) -> None:
    """Write zeros to ``path`` until the disk refuses."""
    import shutil

    with (
        open("/dev/zero", "rb") as zero,
        path.open("wb", buffering=0) as filler,
        pytest.raises(OSError, match="No space left"),
    ):
        shutil.copyfileobj(zero, filler, 4096)


@pytest.mark.slow
def test_a_really_full_disk_still_reads_and_refuses_writes_by_name(
    net: Net, store: Path, tiny_disk: Path
) -> None:
    template, store = store, tiny_disk / "net.db"
    seed(store, template.read_bytes())  # a new, migrated store
    db = ("--db", str(store))
    ok(net, *db, "add", "Ana Ruiz", "--circle", "close")
    ok(net, *db, "log", "ana", "coffee", "--note", "new studio")
    fill(tiny_disk / "filler")
    before = store.read_bytes()
    shown = net(*db, "show", "ana")
    assert (shown.code, shown.err) == (0, ""), shown
    assert "new studio" in shown.out
    assert '"name": "Ana Ruiz"' in ok(net, *db, "export", "json")
    logged = net(*db, "log", "ana", "call")
    assert (logged.code, logged.out, logged.err) == (
        3,
        "",
        f"The disk holding {store} is full; nothing was changed.\n",
    )
    backup = net(*db, "backup")
    assert (backup.code, backup.err) == (
        3,
        f"Could not take a snapshot of {store}: the disk is full; nothing was changed.\n",
    )
    doctor = net(*db, "doctor")
    assert doctor.code == 1
    assert "The disk holding the store is full" in doctor.out
    assert "net restore" not in doctor.out
    assert store.read_bytes() == before
    (tiny_disk / "filler").unlink()
    assert "Logged" in ok(net, *db, "log", "ana", "call")  # with room again, all is as before
