"""A read-only store, and a store in a read-only folder: reading works, writing says why.

Permissions mean nothing to root, so as root the commands run as `nobody`
(through setpriv); as anyone else, as themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Net

pytestmark = pytest.mark.slow


def _as_reader() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared(net: Net) -> Iterator[Path]:
    """A store with one person, in a folder others can read (not under pytest's private tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="quietnet-ro-"))
    try:
        folder.chmod(0o755)
        path = folder / "net.db"
        assert net("--db", str(path), "add", "Ana Ruiz").code == 0
        path.chmod(0o644)
        yield path
    finally:
        for p in folder.iterdir():
            p.chmod(0o644)
        folder.chmod(0o755)
        shutil.rmtree(folder)


def run(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        "NET_DB": str(path),
        "NET_TODAY": "2025-06-19",
        "HOME": str(path.parent),
        "NO_COLOR": "1",
    }
    command = [*_as_reader(), sys.executable, "-m", "quietnet", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)


def _readable_by_reader(path: Path) -> None:
    probe = run(path, "--version")
    if probe.returncode != 0:
        pytest.skip(f"the test user cannot run this Python: {probe.stderr.strip()[:200]}")


def test_a_read_only_store_can_be_read_but_not_written(shared: Path) -> None:
    if os.geteuid() != 0:
        shared.chmod(0o444)
    _readable_by_reader(shared)
    before = shared.read_bytes()
    listed = run(shared, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert '"name": "Ana Ruiz"' in listed.stdout
    logged = run(shared, "log", "ana", "coffee")
    assert logged.returncode == 3
    assert logged.stderr.strip().endswith("is read-only, so nothing can be changed; reading still works.")
    assert "Traceback" not in logged.stderr
    assert shared.read_bytes() == before


def test_a_store_in_a_read_only_folder_can_be_read_but_not_written(shared: Path) -> None:
    if os.geteuid() != 0:
        shared.chmod(0o444)
        shared.parent.chmod(0o555)
    _readable_by_reader(shared)
    before = shared.read_bytes()
    shown = run(shared, "show", "ana")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Ana Ruiz")
    assert run(shared, "today").returncode == 0
    added = run(shared, "add", "Tom")
    assert added.returncode == 3
    assert "read-only" in added.stderr
    assert shared.read_bytes() == before
    assert sorted(p.name for p in shared.parent.iterdir()) == ["net.db"]


@pytest.fixture
def logged(net: Net, shared: Path) -> Iterator[Path]:
    """A store whose write-ahead log holds a committed "Tom Baker" not yet in the file itself.

    A second connection keeps the WAL from being folded in when `net add` closes;
    the store, its -wal and its -shm are then copied as they are at that moment
    (a copy without -shm is the store as a crashed writer or an rsync leaves it).
    """
    import sqlite3

    keep = sqlite3.connect(shared)
    try:
        keep.execute("SELECT count(*) FROM person").fetchone()
        assert net("--db", str(shared), "add", "Tom Baker").code == 0
        folder = Path(tempfile.mkdtemp(prefix="quietnet-wal-"))
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{shared}{suffix}", folder / f"net.db{suffix}")
            (folder / f"net.db{suffix}").chmod(0o644)
    finally:
        keep.close()
    folder.chmod(0o755)
    try:
        yield folder / "net.db"
    finally:
        shutil.rmtree(folder)


def _read_only(path: Path) -> None:
    if os.geteuid() != 0:
        for p in path.parent.iterdir():
            p.chmod(0o444)
        path.parent.chmod(0o555)
    _readable_by_reader(path)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_read_only_folder_never_hides_what_its_wal_holds(logged: Path) -> None:
    from quietnet.engine.disk import wal_has_commits

    assert wal_has_commits(logged)
    _read_only(logged)
    before = _files(logged.parent)
    shown = run(logged, "show", "tom")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Tom Baker")
    exported = run(logged, "export", "json")
    assert exported.returncode == 0, exported.stderr
    assert '"name": "Tom Baker"' in exported.stdout
    doctor = run(logged, "doctor", "--json")
    assert '"people": 2' in doctor.stdout
    assert '"check": "wal"' not in doctor.stdout
    assert _files(logged.parent) == before


def test_a_wal_that_cant_be_read_is_refused_and_doctor_says_why(logged: Path) -> None:
    Path(f"{logged}-shm").unlink()  # without its index, a read-only folder can't read the WAL
    _read_only(logged)
    before = _files(logged.parent)
    message = (
        f"The store at {logged} has recent changes in its write-ahead log (net.db-wal) that can't be "
        f"read while its folder is read-only, so nothing was read. Make the folder {logged.parent} writable "
        "(or ask its owner to run any net command on it) and try again.\n"
    )
    for args in (("show", "tom"), ("export", "json"), ("list",), ("today",)):
        result = run(logged, *args)
        assert (result.returncode, result.stdout, result.stderr) == (3, "", message), args
    doctor = run(logged, "doctor")
    assert doctor.returncode == 1
    assert (
        "  - The store's write-ahead log (net.db-wal) holds recent changes that can't be read while its "
        "folder is read-only.\n"
        f"    What to do: Make the folder {logged.parent} writable (or ask its owner to run any net command "
        "on it), then run net doctor again. Don't restore a backup: the log holds your latest changes.\n"
    ) in doctor.stdout
    assert "All is well" not in doctor.stdout
    assert "net restore" not in doctor.stdout
    assert _files(logged.parent) == before
