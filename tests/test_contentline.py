"""io/contentline.py: any text survives escaping, any line survives folding, within 75 octets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.io import contentline
from quietnet.io.contentline import BadLine

TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r"), max_size=300)


@given(TEXT)
def test_any_text_reads_back_whole(text: str) -> None:
    line = contentline.parse("NOTE:" + contentline.escape(text))
    assert contentline.text(line) == text
    assert contentline.parts(contentline.parse("ORG:" + contentline.escape(text))) == [text]


@given(TEXT)
def test_folding_keeps_every_character_within_75_octets(text: str) -> None:
    logical = "NOTE:" + contentline.escape(text)
    folded = contentline.fold(logical)
    physical = folded.removesuffix("\r\n").split("\r\n")
    assert all(len(p.encode()) <= 75 for p in physical)
    assert contentline.unfold(physical, 1)[0] == [logical]


def test_parameters_quoted_bare_and_listed() -> None:
    line = contentline.parse('item1.TEL;TYPE="voice,cell";PREF=1;HOME:+1 555')
    assert (line.group, line.name, line.value) == ("item1", "TEL", "+1 555")
    assert line.types() == ["VOICE", "CELL", "HOME"]
    assert line.is_preferred()
    adr = contentline.parse("ADR;TYPE=home,work:;;1 Main St\\, Flat 2;Paris")
    assert adr.values("TYPE") == ["home", "work"]
    assert contentline.parts(contentline.parse("ADR:;;1 Main St\\, Flat 2;Paris"))[2] == "1 Main St, Flat 2"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no colon here", 'a line without a colon: "no colon here"'),
        (":value", 'a line without a property name: ":value"'),
        ('TEL;TYPE="cell:+1', 'a parameter whose quote is never closed: "TEL;TYPE="cell:+1"'),
    ],
)
def test_what_is_not_a_content_line_says_why(text: str, reason: str) -> None:
    with pytest.raises(BadLine) as caught:
        contentline.parse(text)
    assert str(caught.value) == reason
