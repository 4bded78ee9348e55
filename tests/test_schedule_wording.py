"""The wording of suggestions (section 8): the lines as printed, rhythm words, and lines
that stay calm and short for any assessment.

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.kinds import KIND_NAMES
from quietnet.core.schedule import TERM_NAMES, Assessment, Term, assess, plan
from quietnet.core.settings import CIRCLES, DEFAULT
from quietnet.render import wording
from tests.schedule_people import TODAY, person


def test_the_lines_of_section_8() -> None:
    ana = person(1, "Ana Ruiz", "close", [("meet", 45)])
    p = plan([ana], settings=DEFAULT, today=TODAY, spent=0)
    assert wording.plan_lines(p) == ["Ana Ruiz: 45 days since a meeting (monthly rhythm). A call?"]
    bday = person(2, "Bo", "network", [], birthday=(6, 22))  # in 3 days
    assert wording.line(assess(bday, settings=DEFAULT, today=TODAY), "message") == (
        "Bo: Birthday in 3 days. A short message?"
    )
    help_ = person(3, "Cy", "network", [], promise="intro to Sam")
    assert wording.line(assess(help_, settings=DEFAULT, today=TODAY), "help") == (
        "Cy: You offered to help (intro to Sam). A small help?"
    )
    drift = person(4, "Di", "close", [("call", 120)], met=130)
    assert wording.line(assess(drift, settings=DEFAULT, today=TODAY), "meet") == (
        "Di: It has been a while (4 months since a call). Coffee or a walk?"
    )
    quiet = person(5, "Ed", "friends", [("meet", 1100)], met=1500)
    assert wording.line(assess(quiet, settings=DEFAULT, today=TODAY), "message") == (
        "Ed: Three years since your last meeting, in June 2022; a no-ask hello?"
    )
    met = person(6, "Flo", "friends", [("text", 30)], met=1500)  # a text is not a real contact
    assert wording.line(assess(met, settings=DEFAULT, today=TODAY), "message") == (
        "Flo: Four years since you met, with only a text since; a no-ask hello?"
    )
    assert wording.plan_lines(plan([], settings=DEFAULT, today=TODAY, spent=0)) == [wording.EMPTY_LINE]


@pytest.mark.parametrize(
    ("days", "words"),
    [(7, "weekly"), (30, "monthly"), (90, "every 3 months"), (365, "yearly"),
     (24.0, "every 24 days"), (42, "every 6 weeks"), (45, "every 45 days"), (180, "every 6 months")],
)  # fmt: skip
def test_rhythm_words(days: float, words: str) -> None:
    assert wording.rhythm_phrase(days) == words


_BANNED = re.compile(r"\b(" + "|".join(wording.BANNED) + r")\b", re.IGNORECASE)
# User text never holds an "e" or an "l", so it cannot spell a banned word itself.
_letters = "abcdfghijkmnopqrstuvwxyz"
_names = st.builds(
    lambda first, last: f"{first} {last}".strip().title(),
    st.text(_letters, min_size=1, max_size=10),
    st.text(_letters, max_size=14),
)
_texts = st.text(_letters + " -'\n", max_size=120)


_FLOAT10 = st.floats(0, 10)
_LOOP = st.none() | st.tuples(st.sampled_from(["promise", "need"]), _texts)
_CADENCE = st.none() | st.floats(1, 2000)
_CIRCLE, _GAP, _RATIO = st.sampled_from(CIRCLES), st.floats(0, 5000), st.floats(0, 50)
_SOURCE = st.sampled_from(["circle", "learned", "override", "none"])
_REASON = st.sampled_from(["time_apart", "drifting", "event", "loop", "dormant"])
_EVENT = st.none() | st.tuples(st.just("birthday"), st.integers(0, 14))
_CLOSENESS, _MET = st.integers(1, 5), st.integers(0, 9000)
_FULL_DAYS = st.none() | st.integers(0, 5000)
_FULL_KIND = st.none() | st.sampled_from(KIND_NAMES)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    # The strategies are built once, above: rebuilding them on every draw cost most of the time.
    terms = tuple(Term(n, 0.5, 1.0, draw(_FLOAT10)) for n in TERM_NAMES)
    loop = draw(_LOOP)
    cadence = draw(_CADENCE)
    return Assessment(
        id=1, name=draw(_names), circle=draw(_CIRCLE),
        gap=draw(_GAP), cadence=cadence,
        cadence_source=draw(_SOURCE),
        ratio=draw(_RATIO), terms=terms, score=sum(t.points for t in terms),
        eligible=True, dormant=draw(st.booleans()), drifting=draw(st.booleans()),
        reason=draw(_REASON),
        event=draw(_EVENT),
        closeness=draw(_CLOSENESS), loop=loop,
        last_full_days=draw(_FULL_DAYS),
        last_full_kind=draw(_FULL_KIND),
        met_days=draw(_MET),
    )  # fmt: skip


@hsettings(max_examples=200, deadline=None)
@given(assessments(), st.sampled_from(["meet", "call", "message", "help"]))
def test_lines_are_calm_and_short(a: Assessment, action: str) -> None:
    text = wording.line(a, action)
    assert not _BANNED.search(text), text
    assert len(text) <= 110, text
    assert text.startswith(f"{a.name}: ")
    assert text.endswith("?")
    assert "\n" not in text
