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
