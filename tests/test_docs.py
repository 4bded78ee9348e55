"""The docs are generated from the CLI or checked against it, so they cannot drift."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import typer
from tools import reference

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_reference_is_up_to_date() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference.render(), "docs/cli.md is stale: run python tools/reference.py --write"


@pytest.mark.parametrize("name", sorted(reference.commands()))
def test_every_command_has_help_and_an_example(name: str) -> None:
    text = reference.commands()[name]
    first_line = text.splitlines()[0] if text else ""
    assert len(first_line) > 10, f"net {name} has no help text"
    assert "Example" in text, f"net {name} --help shows no example"
    assert f"net {name}" in text, f"net {name}'s example does not show the command"


def test_the_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/pip install -e . && .venv/bin/net demo" in readme
    assert ".venv/bin/pip install -e '.[test,postgres]' && .venv/bin/pytest" in readme


def test_the_command_table_is_up_to_date() -> None:
    assert reference.TABLE.read_text(encoding="utf-8") == reference.table(), (
        "src/quietnet/cli/commands.py is stale: run python tools/reference.py --write"
    )


def test_every_cli_module_with_commands_is_one_the_app_is_built_from() -> None:
    from quietnet.cli.app import MODULES

    folder = ROOT / "src" / "quietnet" / "cli"
    holding = {p.stem for p in folder.glob("*.py") if "\napp = typer.Typer(" in p.read_text(encoding="utf-8")}
    assert holding == set(MODULES)


def test_a_stale_table_still_runs_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from quietnet.cli import app
    from quietnet.cli.commands import COMMANDS

    monkeypatch.setitem(COMMANDS, "add", "log")  # as if `add` had moved out of log.py
    built = typer.main.get_command(app.make_app("add"))
    assert "add" in built.commands  # type: ignore[attr-defined]
    assert "show" in built.commands  # type: ignore[attr-defined]  # the whole app, built instead
    only = typer.main.get_command(app.make_app("log"))
    assert sorted(only.commands) == ["helped", "log"]  # type: ignore[attr-defined]


def test_the_copy_of_the_top_level_help_is_up_to_date() -> None:
    assert reference.OVERVIEW.read_text(encoding="utf-8") == reference.overview(), (
        "src/quietnet/cli/overview.txt is stale: run python tools/reference.py --write"
    )


def test_the_overview_leaves_the_environment_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "133")
    before = dict(os.environ)
    text = reference.overview()
    assert dict(os.environ) == before
    assert max(len(line) for line in text.splitlines()) <= 80


def test_write_regenerates_the_reference_the_overview_and_the_table_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reference, "REFERENCE", tmp_path / "cli.md")
    monkeypatch.setattr(reference, "OVERVIEW", tmp_path / "overview.txt")
    monkeypatch.setattr(reference, "TABLE", tmp_path / "commands.py")
    assert reference.main(["--write"]) == 0
    assert (tmp_path / "commands.py").read_text(encoding="utf-8") == reference.table()
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == reference.render()
    assert (tmp_path / "overview.txt").read_text(encoding="utf-8") == reference.overview()
    assert reference.main(["--overview"]) == 2
