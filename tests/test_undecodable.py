"""Bytes that are not UTF-8 in an argument (``$'a\\xff'`` in a shell) are refused calmly, never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Net, files, ok

BAD = "a\udcff\udcfe"  # how Python hands over the bytes a, 0xff, 0xfe from the command line
SAID = '"a\\xff\\xfe" holds bytes that are not UTF-8 text; nothing was changed.\n'


@pytest.fixture(autouse=True)
def ana(net: Net) -> None:
    ok(net, "add", "Ana Ruiz")


@pytest.mark.parametrize(
    "args",
    [
        ("show", BAD), ("why", BAD), ("archive", BAD), ("forget", BAD), ("give", BAD),
        ("merge", "ana", BAD), ("add", BAD), ("log", "ana", "call", "--note", BAD),
        ("edit", "ana", "--city", BAD), ("find", BAD), ("--db", BAD, "list"),
    ],
)  # fmt: skip
def test_undecodable_bytes_are_refused_and_nothing_is_written(
    net: Net, store: Path, args: tuple[str, ...]
) -> None:
    before = files(store)
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", SAID), result
    assert files(store) == before


def test_the_message_keeps_good_text_and_shows_only_the_bad_bytes(net: Net) -> None:
    result = net("log", "ana", "call", "--note", "café \udcff")
    assert (result.code, result.err) == (
        1,
        '"café \\xff" holds bytes that are not UTF-8 text; nothing was changed.\n',
    )


@pytest.mark.parametrize("args", [("add", "Bo"), ("backup",), ("today",), ("list",)])
def test_a_store_path_in_the_environment_that_is_not_utf8_is_refused(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("NET_DB", f"{tmp_path}/\udcfe.db")
    result = net(*args)
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The store's path {tmp_path}/\\xfe.db holds bytes that are not UTF-8, which SQLite can't open; "
        "set NET_DB (or --db) to a path in UTF-8.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.db"]


def test_the_bare_morning_path_says_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quietnet.cli.fastpath import run

    monkeypatch.setenv("NET_DB", f"{tmp_path}/\udcfe.db")
    assert run(["today"]) == 3
    assert capsys.readouterr().err.startswith(f"The store's path {tmp_path}/\\xfe.db holds bytes")
