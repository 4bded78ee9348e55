"""``core/text.visible``: which characters are escaped, whatever is kept (every code point checked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import pytest

from quietnet.core.text import BIDI_CONTROLS, _finder, escaped_all, visible
from quietnet.render.ink import MARKS


def unsafe(code: int) -> bool:
    """The definition: C0 and C1 controls, DEL, line and paragraph separators, surrogates, bidi."""
    return (
        code <= 0x1F
        or 0x7F <= code <= 0x9F
        or code in (0x2028, 0x2029)
        or 0xD800 <= code <= 0xDFFF
        or chr(code) in BIDI_CONTROLS
    )


EVERY = "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("keep", ["", "\n", "\n\t", "\n\t" + MARKS, "\x00\x01\x1f", "\u202e\ud800\udfff\x9f"])
def test_the_finder_matches_exactly_the_unsafe_characters_not_kept(keep: str) -> None:
    found = [m.start() for m in _finder(keep).finditer(EVERY)]
    assert found == [code for code in range(0x110000) if unsafe(code) and chr(code) not in keep]


def test_no_unsafe_character_is_printable_so_printable_text_is_returned_as_it_is() -> None:
    """``visible`` and ``escaped_all`` return a ``str.isprintable()`` text untouched: that is right
    only while every unsafe code point is one Python calls not printable."""
    assert [code for code in range(0x110000) if unsafe(code) and chr(code).isprintable()] == []
    text = "Zoë Ærø: café, 東京, مرحبا, emoji 🙂 and a long line " * 50
    assert text.isprintable()
    assert visible(text) is text
    assert escaped_all(text) is text


def test_visible_escapes_what_is_not_kept() -> None:
    assert visible("a\tb\nc\x1bd\u202ee\x85", keep="\n\t") == "a\tb\nc\\x1bd\\u202ee\\x85"
    assert visible("a\tb\n", keep="\n") == "a\\x09b\n"


@dataclass(frozen=True)
class Inner:
    note: str
    when: date
    count: int = 0


@dataclass(frozen=True)
class Outer:
    name: str
    inners: list[Inner]
    pair: tuple[str, int]
    hidden: str = field(init=False, default="\x1b")


class Word(StrEnum):
    CALM = "calm"


def test_escaped_all_escapes_every_string_it_reaches_and_keeps_what_needs_nothing() -> None:
    day = date(2025, 6, 19)
    inner = Inner("tea", day, 2)
    assert escaped_all(inner) is inner
    assert escaped_all(Outer("Ana", [inner], ("x", 1))) == Outer("Ana", [inner], ("x", 1))  # lists are copied
    assert type(escaped_all(Word.CALM)) is str  # as it always was: a plain string
    loud = Outer("Eve\x1b[2J", [Inner("a\nb\tc\u202e", day)], ("\x07", 1))
    assert escaped_all(loud) == Outer("Eve\\x1b[2J", [Inner("a b c\\u202e", day)], ("\\x07", 1))
    assert escaped_all({"k": ["\x00", True, None, 1.5]}) == {"k": ["\\x00", True, None, 1.5]}
