"""``render/people.cells``: the listing counts cells as Rich does, without Rich for plain letters;
the piped listing (each different cell measured once) lays out what the measured one does."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from quietnet.core.records import Roster
from quietnet.render.people import ONE_CELL, _odd, _one, cells, listing_text

# letters of every kind the listing pads differently: ASCII, accented, Vietnamese (not in Rich's
# one-cell table), CJK (two cells), combining marks (none), a soft hyphen, an emoji, a line break
LETTERS = st.sampled_from(["a", "Z", " ", "é", "ł", "ễ", "界", "\u0301", "\xad", "😀", "\n", "-"])
CELL = st.text(alphabet=LETTERS, min_size=1, max_size=12)


def test_every_character_counted_one_cell_is_one_cell_to_rich() -> None:
    assert len(ONE_CELL) == 1486
    assert [c for c in ONE_CELL if cell_len(c) != 1] == []
    assert [c for c in "\xad\u0301\x1b\x7f\x85界" if c in ONE_CELL] == []


@given(st.text(alphabet=st.sampled_from([*sorted(ONE_CELL), "\x1b", "\u0301", "界", "\xad", "a", "é"])))
def test_cells_is_len_for_ascii_and_rich_cell_len_otherwise(text: str) -> None:
    assert cells(text) == (len(text) if text.isascii() else cell_len(text))


@given(st.lists(st.text(alphabet=LETTERS, max_size=8), max_size=30))
def test_the_odd_names_are_those_cells_counts_with_rich(names: list[str]) -> None:
    assert _odd(names) == {n for n in names if not _one(n)}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["core", "close", "network"]),
            CELL,
            st.none() | CELL,
            st.none() | st.integers(0, 4000),
            st.lists(CELL, max_size=3, unique=True),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_the_piped_listing_is_the_measured_one(
    people: list[tuple[str, str, str | None, int | None, list[str]]],
) -> None:
    """Piped (no width), each different cell is measured once and the names all at once; at a
    width nothing is left out of, every row is measured: the same table, byte for byte."""
    today = date(2025, 6, 19)
    rows = [
        (n * 37 + 1, name, circle, city, None if ago is None else (today - timedelta(days=ago)).isoformat())
        for n, (circle, name, city, ago, _) in enumerate(people)
    ]
    days = {r[4]: date.fromisoformat(r[4]) for r in rows if r[4] is not None}
    tags = {r[0]: tuple(sorted(t)) for r, (*_, t) in zip(rows, people, strict=True) if t}
    found = Roster(rows, tags, days)
    assert listing_text(found, today=today) == listing_text(found, today=today, width=100_000)
