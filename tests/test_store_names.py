"""A store's file name is a name, never a URL: "?" and "%2E" in it name that file and no other."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import Net


@pytest.fixture
def other(tmp_path: Path) -> Path:
    """Another program's database beside the store."""
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path


@pytest.mark.parametrize("name", ["other.db?x", "other%2Edb", "other.db#x"])
def test_a_store_named_like_a_url_is_that_file(net: Net, other: Path, tmp_path: Path, name: str) -> None:
    before = other.read_bytes()
    result = net("--db", str(tmp_path / name), "add", "Ana Ruiz")
    assert result.code == 0, result
    assert result.err == f"Created a new quietnet store at {tmp_path / name}\n"
    assert other.read_bytes() == before
    assert net("--db", str(tmp_path / name), "list", "--json").out.count('"Ana Ruiz"') == 1


def test_a_copy_to_a_name_with_a_question_mark_touches_nothing_else(
    net: Net, store: Path, tmp_path: Path
) -> None:
    assert net("add", "Ana Ruiz").code == 0
    before = store.read_bytes()
    result = net("copy", "--to", f"{store}?x")
    assert result.code == 0, result
    assert store.read_bytes() == before
    assert Path(f"{store}?x").is_file()


def test_an_sqlite_url_with_options_is_refused(net: Net, other: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir()), other.read_bytes()
    result = net("--db", f"sqlite:///{other}?mode=ro", "list")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        "An SQLite URL names a file and nothing else (no ?options); give the file's path. "
        "Nothing was opened.\n"
    )
    assert (sorted(p.name for p in tmp_path.iterdir()), other.read_bytes()) == before
