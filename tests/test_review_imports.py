"""What `net review` loads: the builder imports nothing heavy, and the command never loads
the ORM, in any format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import Net


def test_the_builder_is_pure() -> None:
    probe = (
        "import sys, quietnet.core.review; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'rich', 'sqlmodel', 'sqlalchemy', 'pydantic', 'sqlite3'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_the_review_never_loads_the_orm(net: Net, store: Path) -> None:
    from tests.helpers import loaded

    assert net("add", "Ana Ruiz").code == 0
    for args in (
        ("--format", "markdown"),
        ("--format", "html"),
        ("--json",),
        ("--week", "last week", "--json"),
    ):
        assert loaded(store, "review", *args) == {"code": 0, "heavy": []}, args
    assert loaded(store, "review") == {
        "code": 0,
        "heavy": [],
    }  # piped: plain lines (tests/test_review_plain.py)
