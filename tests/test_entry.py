"""`net today`, `net due`, `net --help` and `net` alone skip Typer (cli/main.py) and print what Typer does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tools import reference

from quietnet.cli.main import main
from tests.helpers import Net

BARE = ("today", "due")


def bare(
    command: str | None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[object, str, str]:
    monkeypatch.setattr(sys, "argv", ["net"] if command is None else ["net", command])
    with pytest.raises(SystemExit) as ended:
        main()
    out, err = capsys.readouterr()
    return ended.value.code, out, err


@pytest.mark.parametrize("command", BARE)
def test_the_bare_command_prints_what_the_typer_command_prints(
    net: Net, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for args in (
        ("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01", "--birthday", "06-21"),
        ("add", "Bo Chen", "--circle", "core", "--met", "2023-05-01"),
        ("add", "Cy Park", "--circle", "friends", "--met", "2020-01-01"),
        ("log", "bo", "coffee", "--on", "2025-06-02"),
        ("promise", "cy", "send the climbing guide"),
    ):
        assert net(*args).code == 0
    capsys.readouterr()
    typer_path = net(command)
    assert "Bo Chen" in typer_path.out
    assert bare(command, capsys, monkeypatch) == (0, typer_path.out, typer_path.err)


@pytest.mark.parametrize("command", BARE)
def test_the_bare_command_refuses_a_foreign_store_in_the_same_words(
    net: Net, store: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write_bytes(b"not a database, just some notes\\n" * 10)
    before = store.read_bytes()
    typer_path = net(command)
    assert typer_path.code == 3
    assert "is not a quietnet store" in typer_path.err
    assert bare(command, capsys, monkeypatch) == (typer_path.code, typer_path.out, typer_path.err)
    assert store.read_bytes() == before


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_in_a_wide_terminal_is_typers_help_without_typer(
    net: Net, flag: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typer_path = reference._typer_prints(flag)  # a real process: Click's test runner lays help out wider
    assert typer_path.stdout.startswith("Usage: net [OPTIONS] COMMAND [ARGS]...")
    assert bare(flag, capsys, monkeypatch) == (0, typer_path.stdout, "")


def test_net_alone_in_a_wide_terminal_is_typers_answer_without_typer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typer_path = reference._typer_prints()
    assert typer_path.returncode == 2
    assert typer_path.stderr.startswith("Usage: net [OPTIONS] COMMAND [ARGS]...")
    assert bare(None, capsys, monkeypatch) == (2, "", typer_path.stderr)
    monkeypatch.setenv("COLUMNS", "60")  # narrower: Typer lays it out
    code, out, err = bare(None, capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert max(len(line) for line in err.splitlines()) <= 60


def test_help_in_a_narrow_terminal_goes_through_typer(
    net: Net, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = net("--help").out
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = bare("--help", capsys, monkeypatch)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 60 < max(len(line) for line in wide.splitlines())
    assert out.split() != wide.split()  # the commands' summaries are cut to fit
    assert out.split()[:20] == wide.split()[:20]


@pytest.mark.parametrize("program", ["quietnet", "/usr/local/bin/quietnet", "net"])
def test_help_names_the_program_it_was_run_as(
    net: Net, program: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`quietnet --help` says `Usage: quietnet`, in a wide terminal and a narrow one (issue 17, item 8)."""
    name = Path(program).name
    wide = reference._typer_prints("--help").stdout.replace("Usage: net ", f"Usage: {name} ", 1)
    monkeypatch.setattr(sys, "argv", [program, "--help"])
    with pytest.raises(SystemExit):
        main()
    assert capsys.readouterr().out == wide
    assert wide.startswith(f"Usage: {name} [OPTIONS] COMMAND [ARGS]...\n")
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main()
    assert capsys.readouterr().out.startswith(f"Usage: {name} [OPTIONS] COMMAND [ARGS]...\n")


def test_a_usage_error_names_the_program_it_was_run_as(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["quietnet", "list", "--bogus"])
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code == 2
    assert capsys.readouterr().err == (
        "Usage: quietnet list [OPTIONS]\nTry 'quietnet list -h' for help.\n\nError: No such option: --bogus\n"
    )
