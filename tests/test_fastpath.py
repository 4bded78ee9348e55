"""The everyday commands without Typer (cli/fastpath.py): the same bytes, the same exit, the same store.

Every command line here runs twice on copies of one store: through Typer (the
test runner) and through `net`'s entry point, which takes the fast path when
it can. A line the fast path must leave to Typer is checked to go there.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import pytest
import typer

from quietnet.cli import fastpath
from quietnet.cli.app import make_app
from quietnet.cli.main import main
from quietnet.cli.signatures import ARGUMENTS, OPTIONS
from tests.helpers import Net, build_store, query, seed

SETUP = (
    ("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01", "--birthday", "06-21",
     "--interests", "climbing"),
    ("add", "Bo Chen", "--circle", "core", "--met", "2023-05-01", "--nickname", "bobo"),
    ("add", "Anabel Ito", "--circle", "friends", "--met", "2020-01-01"),
    ("add", "Eve [/]", "--circle", "network", "--note", "likes [bold]red[/bold]"),
    ("log", "bo", "coffee", "--on", "2025-06-02", "--note", "new job at the climbing gym"),
    ("promise", "ana ruiz", "send the climbing guide"),
    ("helped", "bo", "read his CV", "--kind", "advice", "--on", "2025-06-10"),
)  # fmt: skip

# Command lines the fast path runs: both paths must print and write the same.
FAST = [
    ("today",), ("today", "--json"), ("today", "--as-of", "2025-06-01"), ("today", "--as-of", "someday"),
    ("due",), ("due", "--json"), ("due", "--all"), ("due", "--all", "--json", "--as-of", "last monday"),
    ("due", "--json", "--json"), ("due", "--as-of", "2025-06-01", "--as-of", "2025-06-10"),
    ("why", "bo"), ("why", "#1", "--json"), ("why", "bobo", "--as-of", "2025-06-01"), ("why", "nobody"),
    ("why", "ana"), ("why", ""), ("--db", "", "why", "bo"),
    ("show", "ana ruiz"), ("show", "--json", "bo"), ("show", "#99"), ("show", "eve"), ("show", "x\x1b[31m"),
    ("show", ""), ("show", "-"),
    ("find", "climbing"), ("find", "job", "--json"), ("find", ""), ("find", "%"), ("find", "zzz"),
    ("log", "bo", "coffee"), ("log", "ana", "ruiz", "and", "bo", "lunch", "yesterday"),
    ("log", "bo", "call", "--note", "new job", "--them"), ("log", "bo", "-k", "call", "-n", "-x", "--me"),
    ("log", "bo", "--on", "last tue"), ("log", "zed", "coffee"), ("log", "bo", "--with", "ana ruiz"),
    ("log", "bo", "--yes"), ("log", "bo", "-y"), ("log", "bo", "--kind", "video", "--on", "2025-06-18"),
    ("log", "bo", "coffee", "--on", "2030-01-01"), ("log", "bo", "--them", "--me"),
    ("log", "ana", "coffee"), ("log", "bo", "knitting"), ("log", "bo", "--note", ""), ("log", "bo", "-"),
    ("helped",), ("helped", "--json"), ("helped", "--since", "2025-01-01"), ("helped", "--since", "nope"),
    ("helped", "bo", "lent a book"), ("helped", "ana ruiz", "intro to Sam", "--kind", "intro"),
    ("helped", "bo"), ("helped", "bo", "x", "-k", "nope"), ("helped", "--what", "x"), ("helped", "-y"),
    ("helped", "--yes"),
    ("helped", "bo", "x", "--on", "yesterday"), ("helped", "bo", "\n"),
    ("list",), ("list", "--json"), ("list", "--circle", "close", "--sort", "last"),
    ("list", "--tag", "climbing"), ("list", "--origin", "friend", "--city", "LISBON"), ("list", "--archived"),
    ("list", "--since", "2 weeks"),
    ("list", "--not-since", "2025-06-12", "--json"), ("list", "--sort", "nope"), ("list", "--circle", "x"),
    ("list", "--since", "2025-06-10", "--not-since", "2025-06-01"), ("list", "--since", "2030-01-01"),
    ("review",), ("review", "--json"), ("review", "--week", "last week"), ("review", "--week", "2030-01-01"),
    ("review", "--yes"), ("review", "-y", "--week", "2025-06-16", "--json"),
    ("due", "--as-of", "--json"), ("log", "bo", "--note", "--them"), ("log", "", "call"), ("helped", "", ""),
    ("--db", "", "today"),
]  # fmt: skip

# Command lines the fast path leaves to Typer: help, usage errors, converted values, questions.
TYPER = [
    (), ("--help",), ("--version",), ("--debug", "today"), ("--db=x.db", "today"), ("--db",),
    ("list", "extra"), ("log",), ("show",), ("show", "ana", "bo"), ("show", "ana", "--help"), ("show", "-h"),
    ("why",),
    ("find", "--", "-x"), ("today", "--"), ("due", "--as-of=2025-06-01"), ("due", "--as-of"),
    ("log", "bo", "--bogus"), ("log", "bo", "--note"), ("log", "bo", "-kcall"), ("log", "bo", "-3"),
    ("log", "edit", "1", "--on", "yesterday"), ("log", "delete", "1", "--yes"), ("log", "Delete", "#1"),
    ("helped", "delete", "1", "--yes"), ("helped", "edit", "1", "--what", "x"), ("helped", "a", "b", "c"),
    ("log", "bo\udcff"), ("due", "--all", "extra"), ("today", "--db", "x.db"), ("log", "edit"),
    ("helped", "bo", "x", "--kind"), ("review", "--format", "markdown"), ("review", "-o", "week.txt"),
    ("review", "-f", "text"),
]  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_store(tmp_path_factory.mktemp("fast") / "net.db", SETUP)


def _fast(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch
) -> tuple[object, str, str]:
    capsys.readouterr()
    mp.setattr(sys, "argv", ["net", *args])
    with pytest.raises(SystemExit) as ended:
        main()
    out, err = capsys.readouterr()
    return ended.value.code or 0, out, err


def _written(store: Path) -> list[object]:
    """What a command may write, without the times it was written at."""
    return [
        query(store, "SELECT id, day, kind, said, note, by_them FROM interaction ORDER BY id"),
        query(store, "SELECT * FROM interaction_person ORDER BY 1, 2"),
        query(store, "SELECT id, person_id, day, kind, what FROM help ORDER BY id"),
        query(store, "SELECT * FROM person_state ORDER BY person_id"),
    ]


@pytest.mark.parametrize("args", FAST, ids=repr)
def test_both_paths_print_the_same_and_write_the_same(
    net: Net, template: bytes, tmp_path: Path, args: tuple[str, ...],
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert fastpath.parse(list(args)) is not None, "the fast path should take this line"
    typer_store, fast_store = tmp_path / "typer.db", tmp_path / "fast.db"
    seed(typer_store, template)
    seed(fast_store, template)
    monkeypatch.setenv("NET_DB", str(typer_store))
    typer_path = net(*args)
    monkeypatch.setenv("NET_DB", str(fast_store))
    assert _fast(args, capsys, monkeypatch) == (typer_path.code, typer_path.out, typer_path.err)
    assert _written(fast_store) == _written(typer_store)


def test_the_table_tries_every_fast_command_and_every_option() -> None:
    assert {a[0] if a[0] != "--db" else a[2] for a in FAST} == set(fastpath.FAST)
    for name, options in OPTIONS.items():
        for opt in options:
            assert any(opt in a and (not name or name in a) for a in FAST), (name, opt)


@pytest.mark.parametrize("args", TYPER, ids=repr)
def test_anything_else_goes_to_typer(args: tuple[str, ...]) -> None:
    assert fastpath.parse(list(args)) is None


def test_a_question_goes_to_typer_and_is_asked_there(
    net: Net,
    template: bytes,
    store: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed(store, template)
    code, out, err = _fast(("log", "delete", "1"), capsys, monkeypatch)
    assert (code, out) == (1, "")
    assert err.startswith("Remove ")
    assert err.rstrip().endswith("run again with --yes to go ahead.")
    assert query(store, "SELECT count(*) FROM interaction") == [(2,)]


def _command(name: str) -> typer.core.TyperCommand:
    group = typer.main.get_command(make_app(name))
    found = group.commands[name]  # type: ignore[attr-defined]
    assert isinstance(found, typer.core.TyperCommand)
    return found


@pytest.mark.parametrize("name", sorted(fastpath.FAST))
def test_every_option_the_fast_path_takes_is_typers(name: str) -> None:
    """Each option as typed sets the parameter Typer sets, the same way; arguments likewise."""
    params = {p.name: p for p in _command(name).params}
    for opt, (param, takes) in OPTIONS[name].items():
        found = params[param]
        assert isinstance(found, typer.core.TyperOption)
        assert opt in (found.opts if takes != "off" else found.secondary_opts), (name, opt)
        assert found.is_flag == (takes in ("on", "off")), (name, opt)
        assert found.multiple == (takes == "many"), (name, opt)
    arguments = [(p.name, p.nargs, p.required) for p in params.values() if p.param_type_name == "argument"]
    assert list(ARGUMENTS[name]) == arguments
    flags_and_texts = {p for p, _ in OPTIONS[name].values()}
    assert flags_and_texts | {a for a, _, _ in ARGUMENTS[name]} <= set(params)


def test_the_options_before_a_command_are_typers() -> None:
    group = typer.main.get_command(make_app())
    params = {p.name: p for p in group.params}
    assert OPTIONS[""] == {"--db": ("db", "value")}
    assert "--db" in params["db"].opts


@pytest.mark.parametrize("name", sorted(fastpath.FAST))
def test_the_fast_path_runs_what_the_typer_command_runs(name: str) -> None:
    """The function the fast path calls takes the Typer command's parameters, by name and default."""
    command = _command(name).callback
    assert command is not None
    module = __import__(f"quietnet.cli.{fastpath.FAST[name]}", fromlist=[name])
    work = getattr(module, name)
    typer_side = [(p.name, p.default) for p in inspect.signature(command).parameters.values()][1:]  # ctx
    fast_side = [(p.name, p.default) for p in inspect.signature(work).parameters.values()][1:]  # Context
    assert sorted(fast_side, key=str) == sorted(typer_side, key=str)
    assert name in inspect.getsource(command)  # the Typer command calls it
    assert f"{fastpath.FAST[name]}.{name}(" in inspect.getsource(command)


def test_the_store_named_before_the_command_is_the_one_read(
    net: Net,
    template: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = tmp_path / "named.db"
    seed(store, template)
    monkeypatch.setenv("NET_DB", str(tmp_path / "elsewhere" / "net.db"))
    for args in (("--db", str(store), "show", "bo"), ("--db", str(store), "log", "bo", "call")):
        assert fastpath.parse(list(args)) is not None
        typer_path = net(*args)
        assert typer_path.code == 0
        assert _fast(args, capsys, monkeypatch) == (0, typer_path.out, typer_path.err)
    assert query(store, "SELECT count(*) FROM interaction") == [(4,)]  # the two of SETUP, one each
    assert not (tmp_path / "elsewhere").exists()
