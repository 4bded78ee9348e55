"""Every test gets its own real SQLite store under tmp_path and a pinned today.

The store is a copy of a freshly migrated empty store (made once per session),
so tests don't each pay for running the migrations; tests marked ``new_store``
start with no file at all.

Tests marked ``both`` run twice: on SQLite, and on PostgreSQL (marked ``pg``)
in a schema of the ``NET_TEST_PG_URL`` database, migrated once per session and
emptied before each test. Without ``NET_TEST_PG_URL`` the PostgreSQL half skips;
with it set and the server unreachable, it fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests import pgtools
from tests.helpers import TODAY, Net, build_store, seed

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("dev", max_examples=40, deadline=None)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a new, migrated, empty store."""
    return build_store(tmp_path_factory.mktemp("template") / "net.db")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both`` run on SQLite and on PostgreSQL."""
    marked = metafunc.definition.get_closest_marker
    if marked("both") is not None and marked("sqlite_only") is None:
        backends = ["sqlite", pytest.param("pg", marks=pytest.mark.pg)]
        metafunc.parametrize("backend", backends, indirect=True)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Skips as one line per reason (the PostgreSQL half alone is about 150 tests)."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = str(longrepr[2] if isinstance(longrepr, tuple) else longrepr).removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        terminalreporter.write_line(f"{count} skipped: {reason}")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store's backend: "sqlite", or "pg" for the PostgreSQL half of a ``both`` test."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_store() -> Iterator[str]:
    """The URL of a migrated, empty store in its own schema of the NET_TEST_PG_URL database."""
    url = pgtools.need_server()
    with pgtools.schema(url, prefix="quietnet_test") as store_url, pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        result = Net()("--db", store_url, "loops")
        assert result.code == 0, result
        yield store_url


@pytest.fixture(autouse=True)
def store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, backend: str
) -> Path:
    """Point NET_DB at a fresh store and pin NET_TODAY; the user's home is never touched.

    On PostgreSQL, NET_DATABASE_URL points at the emptied test store instead.
    """
    path = tmp_path / "net.db"
    if backend == "pg":
        url = request.getfixturevalue("pg_store")
        pgtools.empty(url)
        monkeypatch.setenv("NET_DATABASE_URL", url)
    else:
        monkeypatch.delenv("NET_DATABASE_URL", raising=False)
    monkeypatch.setenv("NET_DB", str(path))
    monkeypatch.setenv("NET_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if request.node.get_closest_marker("new_store") is None and backend == "sqlite":
        seed(path, request.getfixturevalue("migrated"))
    return path


@pytest.fixture(autouse=True)
def built_in_kinds() -> Iterator[None]:
    """Each test starts and ends with only the built-in kinds in use (`net kind add` sets more)."""
    from quietnet.core import kinds

    kinds.use(())
    yield
    kinds.use(())


@pytest.fixture
def net() -> Net:
    return Net()
