"""The bad-input catalogue, part 6: a value an option or argument can't take (issue 17, item 15).

Typer calls such a value a usage error (exit 2, its own box of text); here it is
refused input like any other: one sentence naming the option, what it takes and
what was typed, exit 1, nothing written. Every typed parameter of the whole app
is tried, so a new one can't slip back to exit 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cases import VALUES
from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import Net, files, seed


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.mark.parametrize("case", VALUES, ids=ids(VALUES))
def test_a_value_that_cannot_be_converted_is_refused_input(
    net: Net, store: Path, seeded: bytes, case: Refusal
) -> None:
    seed(store, seeded)
    check_refused(net, store, case)


PLAIN = {"StringParamType", "BoolParamType", "TyperPath"}  # taken as typed (paths are checked when used)


def _typed_parameters() -> Iterator[tuple[tuple[str, ...], Any]]:
    """(command words, parameter) for every parameter of the app whose type converts what is typed."""
    from typer.main import get_command

    from quietnet.cli.app import make_app

    def walk(command: Any, words: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
        for param in command.params:
            if type(param.type).__name__ not in PLAIN:
                yield words, param
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, (*words, name))

    yield from walk(get_command(make_app()), ())


TYPED = list(_typed_parameters())


def test_the_walk_finds_every_kind_of_typed_parameter() -> None:
    assert {type(p.type).__name__ for _, p in TYPED} == {
        "IntParamType", "IntRange", "FloatParamType", "FloatRange", "TyperChoice",
    }  # fmt: skip
    assert len(TYPED) >= 12


@pytest.mark.parametrize(("words", "param"), TYPED, ids=[" ".join(w) + f" {p.name}" for w, p in TYPED])
def test_every_typed_parameter_refuses_a_word_with_exit_1(
    net: Net, store: Path, words: tuple[str, ...], param: Any
) -> None:
    net("list")  # the store exists, so "nothing written" compares its bytes
    before = files(store)
    given = (param.opts[0], "many") if param.param_type_name == "option" else ("many",)
    result = net(*words, *given)
    name = max(param.opts, key=len) if param.param_type_name == "option" else param.metavar.strip("[].")
    assert result.code == 1, result
    assert result.err.startswith(f"{name} must be "), result
    assert result.err.endswith(', not "many".\n'), result
    assert result.err.count("\n") == 1
    assert result.out == ""
    assert files(store) == before
