"""The review laid out without Rich (render/review/lines.py) is byte for byte what Rich prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from quietnet.render.review import lines, text
from tests.helpers import Net, loaded
from tests.strategies import SOME

ONE_CELL = [chr(c) for c in range(0x30000) if re.fullmatch(f"[{lines.ONE_CELL}]", chr(c))]


def test_every_character_taken_as_one_cell_is_one_cell_for_rich() -> None:
    assert len(ONE_CELL) > 1_500
    assert [c for c in ONE_CELL if cell_len(c) != 1] == []
    assert cell_len("".join(ONE_CELL)) == len(ONE_CELL)  # not shortened by combining with each other


WORDS = st.text(
    alphabet=st.sampled_from(["a", "é", "Я", "ễ", "\u2013", "\u2026", " ", " ", "\xa0", "-", "."]),
    max_size=30,
)
TEXTS = st.lists(st.one_of(WORDS, st.just("x" * 95), st.just("y" * 70 + " z")), max_size=8).map("".join)
LEADS = st.sampled_from(["", "  ", "    ", "  Thu 19 Jun  ", "  " + " " * 10 + "  "])
STYLES = st.sampled_from(["", "bold", "dim", "magenta"])
LINES = st.builds(
    lines.Line,
    LEADS,
    st.lists(st.tuples(TEXTS, STYLES), min_size=0, max_size=3).map(tuple),
    st.booleans(),
)


@SOME
@given(st.lists(LINES, max_size=5))
def test_any_lines_lay_out_as_rich_lays_them_out(found: list[lines.Line]) -> None:
    assert lines.laid(found) == text.printed(found)


@pytest.mark.parametrize("wide", ["李小龍", "Zoë 👋", "e\u0301", "tab\tbed", "\u200bzero"])
def test_a_character_that_may_not_be_one_cell_is_left_to_rich(wide: str) -> None:
    line = lines.Line("  ", ((f"Lunch with {wide}", ""),))
    assert lines.laid([line]) is None


def test_the_review_of_a_wide_name_prints_as_rich_prints_it(net: Net) -> None:
    assert net("add", "李小龍 Bruce", "--circle", "close", "--met", "2024-01-01").code == 0
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    assert (
        net("helped", "李小龍", "lent a very long book about the history of climbing in the Alps").code == 0
    )
    assert net("helped", "ana", "lent a very long book about the history of climbing in the Alps").code == 0
    printed = net("review").out
    assert (  # Rich measures the name as six cells wide
        "  Thu 19 Jun  李小龍 Bruce: lent a very long book about the history of climbing\n"
        "              in the Alps (other)\n"
        "  Thu 19 Jun  Ana Ruiz: lent a very long book about the history of climbing in\n"
        "              the Alps (other)\n"
    ) in printed
    saved = net("review", "--format", "text").out
    assert saved == printed


def test_in_a_terminal_rich_draws_the_review(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    drawn = net("review").out
    assert "\x1b[1mWeekly review: 16\u201322 June 2025\x1b[0m\n" in drawn
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b" not in net("review").out


def test_a_narrow_console_is_left_to_rich(net: Net, monkeypatch: pytest.MonkeyPatch) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01").code == 0
    assert (
        net("promise", "ana", "send the long list of climbing gyms in the south of France, with prices").code
        == 0
    )
    wide = net("review").out
    monkeypatch.setenv("COLUMNS", "60")
    narrow = net("review").out
    assert max(len(line) for line in narrow.splitlines()) <= 60 < max(len(line) for line in wide.splitlines())


@pytest.mark.slow
def test_the_review_piped_loads_neither_typer_nor_rich(net: Net, store: Path) -> None:
    assert net("add", "Ana Ruiz").code == 0
    heavy = ("typer", "click", "rich")
    assert loaded(store, "review", heavy=heavy) == {"code": 0, "heavy": []}
    assert loaded(store, "review", "--week", "last week", heavy=heavy) == {"code": 0, "heavy": []}
    assert net("add", "李小龍").code == 0
    assert net("helped", "李小龍", "a lift").code == 0  # Rich measures what it draws
    assert loaded(store, "review", heavy=heavy) == {"code": 0, "heavy": ["rich"]}
