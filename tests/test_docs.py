"""The docs are generated from the CLI or checked against it, so they cannot drift."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from tools import grammar, manpage, reference, signatures

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


def test_the_copy_of_what_net_alone_prints_is_up_to_date() -> None:
    assert reference.BARE.read_text(encoding="utf-8") == reference.bare(), (
        "src/quietnet/cli/bare.txt is stale: run python tools/reference.py --write"
    )


def test_the_fast_paths_table_is_up_to_date() -> None:
    assert signatures.SIGNATURES.read_text(encoding="utf-8") == signatures.render(), (
        "src/quietnet/cli/signatures.py is stale: run python tools/reference.py --write"
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
    monkeypatch.setattr(reference, "BARE", tmp_path / "bare.txt")
    monkeypatch.setattr(signatures, "SIGNATURES", tmp_path / "signatures.py")
    monkeypatch.setattr(reference, "TABLE", tmp_path / "commands.py")
    monkeypatch.setattr(manpage, "PAGE", tmp_path / "net.1")
    monkeypatch.setattr(manpage, "ALIAS", tmp_path / "quietnet.1")
    monkeypatch.setattr(grammar, "GRAMMAR", tmp_path / "grammar.json")
    assert reference.main(["--write"]) == 0
    assert (tmp_path / "grammar.json").read_text(encoding="utf-8") == grammar.render()
    assert (tmp_path / "net.1").read_text(encoding="utf-8") == manpage.render()
    assert (tmp_path / "quietnet.1").read_text(encoding="utf-8") == ".so man1/net.1\n"
    assert (tmp_path / "commands.py").read_text(encoding="utf-8") == reference.table()
    assert (tmp_path / "cli.md").read_text(encoding="utf-8") == reference.render()
    assert (tmp_path / "overview.txt").read_text(encoding="utf-8") == reference.overview()
    assert (tmp_path / "bare.txt").read_text(encoding="utf-8") == reference.bare()
    assert (tmp_path / "signatures.py").read_text(encoding="utf-8") == signatures.render()
    assert reference.main(["--overview"]) == 2


def test_the_manual_page_is_up_to_date() -> None:
    """docs/net.1 is generated like docs/cli.md (issue 17, item 8); docs/quietnet.1 points to it."""
    assert manpage.PAGE.read_text(encoding="utf-8") == manpage.render(), (
        "docs/net.1 is stale: run python tools/reference.py --write"
    )
    assert manpage.ALIAS.read_text(encoding="utf-8") == ".so man1/net.1\n"


def test_the_manual_page_escapes_what_roff_would_read_as_requests() -> None:
    assert manpage.escaped("--as-of C:\\x café") == "\\-\\-as\\-of C:\\ex caf\\[u00E9]"
    page = manpage.render()
    assert '.SS "net import vcard"' in page
    assert ".RS\n.nf\n  net log ana coffee\n" in page  # an example, kept as written
    assert not [line for line in page.splitlines() if line.startswith("'")]


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_groff_reads_the_manual_page_without_a_warning() -> None:
    checked = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(manpage.PAGE)], capture_output=True, text=True
    )
    assert (checked.returncode, checked.stderr) == (0, "")
    plain = ["groff", "-man", "-Tascii", "-P-cbou", "-rLL=120n", str(manpage.PAGE)]
    shown = subprocess.run(plain, capture_output=True, text=True).stdout
    assert "       net log ana coffee\n" in shown
    assert "net import vcard [OPTIONS] {FILE|FOLDER}" in shown
    assert "NET_TODAY" in shown


def test_the_package_installs_the_manual_page() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shared = project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert shared == {"docs/net.1": "share/man/man1/net.1", "docs/quietnet.1": "share/man/man1/quietnet.1"}


def test_what_completion_knows_of_the_command_line_is_up_to_date() -> None:
    assert grammar.GRAMMAR.read_text(encoding="utf-8") == grammar.render(), (
        "src/quietnet/cli/grammar.json is stale: run python tools/reference.py --write"
    )
