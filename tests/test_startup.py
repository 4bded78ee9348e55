"""The everyday commands stay lean: no SQLAlchemy, SQLModel, pydantic or Rich on their path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Net

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "rich", "dateutil", "psycopg")

PROBE = """
import json, os, sys
from quietnet.cli.main import main
sys.argv = ["net", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(os.environ["HEAVY"])))
sys.stderr.write("HEAVY=" + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def loaded(store: Path, *args: str, heavy: tuple[str, ...] = HEAVY) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "HEAVY": json.dumps(heavy)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    result: dict[str, object] = json.loads(line.removeprefix("HEAVY="))
    return result


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [("today",), ("due",), ("due", "--json"), ("log", "ana", "call"), ("helped", "ana", "lent a book")],
)
def test_everyday_commands_load_nothing_heavy(net: Net, store: Path, args: tuple[str, ...]) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01").code == 0
    assert loaded(store, *args) == {"code": 0, "heavy": []}


@pytest.mark.slow
def test_looking_someone_up_loads_nothing_heavy(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz", "--interests", "climbing").code == 0
    for args in (("show", "ana"), ("find", "climbing")):
        assert loaded(store, *args) == {"code": 0, "heavy": []}, args


@pytest.mark.slow
@pytest.mark.parametrize("command", ["today", "due"])
def test_the_bare_morning_commands_do_not_load_typer(net: Net, store: Path, command: str) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01").code == 0
    assert loaded(store, command, heavy=(*HEAVY, "typer", "click")) == {"code": 0, "heavy": []}
    assert loaded(store, command, "--json", heavy=("typer",)) == {"code": 0, "heavy": ["typer"]}
