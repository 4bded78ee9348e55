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

from tests.conftest import Net

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
