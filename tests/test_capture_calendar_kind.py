"""io/calendar_read.py: the kind of an event, from a conference link or the words of its summary."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quietnet.io.calendar_read import kind_of
from tests.strategies import SOME

# The kind: a conference link, else the word call or phone in the summary, else a meeting.

LINKS = [
    "https://us02web.zoom.us/j/85123456789?pwd=abc",
    "zoom.us/j/1",
    "https://meet.google.com/abc-defg-hij",
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
    "meet.jit.si/QuietRoom",
    "https://jitsi.example.org/room",
]
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
SEPARATORS = [" ", "", ": ", "-", "(", ")", ", ", "\n"]


@SOME
@given(summary=words, before=words, link=st.sampled_from(LINKS), after=words)
def test_a_conference_link_anywhere_means_video(summary: str, before: str, link: str, after: str) -> None:
    assert kind_of(summary, ["", f"{before} {link} {after}"]) == "video"


@SOME
@given(
    before=st.sampled_from(SEPARATORS),
    word=st.sampled_from(["call", "Call", "CALL", "phone", "Phone", "calls"]),
    after=st.sampled_from(SEPARATORS),
    left=st.sampled_from(["", "Weekly ", "Ana ", "Søren: "]),
    right=st.sampled_from(["", " with Ana", " Mei", "?"]),
)
def test_the_word_call_or_phone_means_a_call(
    before: str, word: str, after: str, left: str, right: str
) -> None:
    summary = f"{left}{before}{word}{after}{right}"
    assert kind_of(summary, ["Room 4", "https://example.org/call"]) == "call"


@SOME
@given(
    prefix=st.sampled_from(["", "re", "Re", "pay", "ø", "_", "2"]),
    word=st.sampled_from(["call", "phone"]),
    suffix=st.sampled_from(["", "back", "er", "é", "_x", "s1", "ed"]),
)
def test_call_inside_another_word_is_a_meeting(prefix: str, word: str, suffix: str) -> None:
    if not prefix and suffix in ("",):
        return  # the word itself
    assert kind_of(f"Lunch {prefix}{word}{suffix} list", ["notzoom.us", "zoom.usa.example"]) == "meet"
