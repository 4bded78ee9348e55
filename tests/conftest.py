"""Every test gets its own real SQLite store under tmp_path and a pinned today."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from quietnet.cli.app import command_of, make_app

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile("ci")

TODAY = "2025-06-19"  # a Thursday, as in scheduling.md's worked examples


@pytest.fixture(autouse=True)
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NET_DB at a fresh file and pin NET_TODAY; the user's home is never touched."""
    path = tmp_path / "net.db"
    monkeypatch.setenv("NET_DB", str(path))
    monkeypatch.setenv("NET_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NET_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return path


class Net:
    """Runs `net` in-process the way a user would, and returns the result."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        net = make_app(command_of(list(args)))  # the same lean app `net` builds
        result = self.runner.invoke(net, list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def net() -> Net:
    return Net()


def dump(path: Path) -> bytes:
    """The store's bytes (WAL checkpointed by closing), to prove nothing was written."""
    return path.read_bytes() if path.exists() else b""
