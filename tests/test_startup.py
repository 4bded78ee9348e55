"""The everyday commands stay lean: no SQLAlchemy, SQLModel, pydantic or Rich on their path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import HEAVY, Net, loaded


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
    # a find's hits and everything `net show` lists are NamedTuples: no dataclasses (inspect, ast,
    # dis: ~8 ms) on their paths; calendar (with locale) neither
    assert loaded(store, "find", "climbing", heavy=("dataclasses", "calendar")) == {"code": 0, "heavy": []}
    # uuid (with platform: a few ms) only where someone is added
    for line in ("show ana", "why ana", "log ana call"):
        assert loaded(store, *line.split(), heavy=("uuid", "platform")) == {"code": 0, "heavy": []}, line


@pytest.mark.slow
@pytest.mark.parametrize("command", ["today", "due"])
def test_the_bare_morning_commands_do_not_load_typer(net: Net, store: Path, command: str) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01").code == 0
    # secrets: io/files.py and the migration machinery (engine/migrate.py) stay off this path;
    # dataclasses (with inspect, ast, dis: ~8 ms): the records of this path are NamedTuples
    heavy = (*HEAVY, "typer", "click", "secrets", "dataclasses")
    assert loaded(store, command, heavy=heavy) == {"code": 0, "heavy": []}
    assert loaded(store, command, "--as-of=2025-06-01", heavy=("typer",)) == {"code": 0, "heavy": ["typer"]}


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("due", "--json"), ("today", "--as-of", "2025-06-01"), ("why", "ana", "--json"),
        ("log", "ana", "call"), ("log", "ana", "coffee", "--note", "new job", "--them"),
        ("helped", "ana", "lent a book", "-k", "favor"), ("helped",), ("show", "ana"),
        ("find", "climbing", "--json"),
    ],
)  # fmt: skip
def test_the_fast_path_loads_neither_typer_nor_rich(net: Net, store: Path, args: tuple[str, ...]) -> None:
    """The everyday command lines cli/fastpath.py runs: no Typer, no Click, nothing heavy."""
    assert (
        net("add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01", "--interests", "climbing").code
        == 0
    )
    assert loaded(store, *args, heavy=(*HEAVY, "typer", "click")) == {"code": 0, "heavy": []}


@pytest.mark.slow
def test_a_piped_review_loads_neither_typer_nor_rich_nor_dataclasses(net: Net, store: Path) -> None:
    """The review's records are NamedTuples: no dataclasses (inspect, ast, dis) on its path either."""
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2025-01-01").code == 0
    assert net("log", "ana", "call").code == 0
    heavy = (*HEAVY, "typer", "click", "rich", "dataclasses")
    assert loaded(store, "review", heavy=heavy) == {"code": 0, "heavy": []}


@pytest.mark.slow
def test_showing_someone_loads_no_dataclasses(net: Net, store: Path) -> None:
    """Every section `net show` can print, read and worded without dataclasses or calendar."""
    for line in (
        ("add", "Ana Ruiz", "--birthday", "03-02"), ("add", "Tom Hughes"), ("add", "Zoe Li"),
        ("give", "ana", "--save", "the pricing article"), ("relate", "ana", "tom", "--as", "friend"),
        ("intro", "ana", "tom", "both are into type design"), ("date", "add", "ana", "wedding", "06-12"),
        ("work", "add", "Contoso redesign", "--from", "zoe", "--via", "ana", "--path", "referral"),
        ("event", "consider", "Lisbon meetup", "--interest", "3", "--size", "small", "--knows", "ana"),
        ("log", "ana", "tom", "call"), ("note", "ana", "moving in May"),
        ("need", "ana", "a new flat"), ("helped", "ana", "lent a book"),
    ):  # fmt: skip
        assert net(*line).code == 0, line
    shown = net("show", "ana").out
    for title in ("People", "Yearly dates", "Saved for them", "Introductions", "Events", "Work", "Timeline"):
        assert f"\n{title}\n" in shown, title
    heavy = (*HEAVY, "typer", "click", "dataclasses", "calendar")
    for args in (("show", "ana"), ("show", "ana", "--json"), ("show", "zoe")):
        assert loaded(store, *args, heavy=heavy) == {"code": 0, "heavy": []}, args
