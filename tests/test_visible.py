"""``core/text.visible``: which characters are escaped, whatever is kept (every code point checked)."""

from __future__ import annotations

import pytest

from quietnet.core.text import BIDI_CONTROLS, _finder, visible
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


def test_visible_escapes_what_is_not_kept() -> None:
    assert visible("a\tb\nc\x1bd\u202ee\x85", keep="\n\t") == "a\tb\nc\\x1bd\\u202ee\\x85"
    assert visible("a\tb\n", keep="\n") == "a\\x09b\n"
