"""``render/people.cells``: the listing counts cells as Rich does, without Rich for plain letters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from quietnet.render.people import ONE_CELL, cells


def test_every_character_counted_one_cell_is_one_cell_to_rich() -> None:
    assert len(ONE_CELL) == 1486
    assert [c for c in ONE_CELL if cell_len(c) != 1] == []
    assert [c for c in "\xad\u0301\x1b\x7f\x85界" if c in ONE_CELL] == []


@given(st.text(alphabet=st.sampled_from([*sorted(ONE_CELL), "\x1b", "\u0301", "界", "\xad", "a", "é"])))
def test_cells_is_len_for_ascii_and_rich_cell_len_otherwise(text: str) -> None:
    assert cells(text) == (len(text) if text.isascii() else cell_len(text))
