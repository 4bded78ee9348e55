"""The scheduler, its settings and its wording: worked examples and unit tests.

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.kinds import KIND_NAMES
from quietnet.core.schedule import (
    TERM_NAMES,
    Assessment,
    Candidate,
    DuePlan,
    Term,
    Touch,
    assess,
    energy_spent,
    learned_cadence,
    plan,
    summarise,
    week_start,
)
from quietnet.core.settings import CIRCLES, DEFAULT, KEYS, SIVERS, Settings, preset
from quietnet.errors import InputError
from quietnet.render import wording

TODAY = date(2025, 6, 19)  # a Thursday


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def person(
    pid: int,
    name: str,
    circle: str,
    touches: list[tuple[str, int]],
    *,
    met: int = 400,
    settings: Settings = DEFAULT,
    **fields: object,
) -> Candidate:
    """A candidate met ``met`` days ago with touches given as (kind, days ago)."""
    base: dict[str, object] = {
        "closeness": None,
        "kin": False,
        "cadence_override": None,
        "birthday": None,
        "novel": False,
        "snoozed_until": None,
        "archived": False,
        "promise": None,
        "need": None,
    }
    base.update(fields)
    summary = summarise(
        [Touch(ago(d), k) for k, d in touches],
        met=ago(met),
        circle=circle,
        kin=bool(base["kin"]),
        has_override=base["cadence_override"] is not None,
        settings=settings,
        today=TODAY,
    )
    return Candidate(id=pid, name=name, circle=circle, met=ago(met), summary=summary, **base)  # type: ignore[arg-type]


def listed(p: DuePlan) -> list[tuple[str, str]]:
    return [(s.assessment.name, s.action) for s in p.suggestions]


def scores(p: DuePlan) -> dict[str, float]:
    return {a.name: round(a.score, 3) for a in p.ranked}


# -- section 10: the worked examples -----------------------------------------------------


def test_week_of_the_examples() -> None:
    assert week_start(TODAY) == date(2025, 6, 16)
    assert week_start(date(2025, 6, 16)) == date(2025, 6, 16)
    assert week_start(date(2025, 6, 22)) == date(2025, 6, 16)


def test_example_a_strength_and_rhythm_not_counts() -> None:
    people = [
        person(1, "Ana", "close", [("meet", 45)]),
        person(2, "Xia", "close", [("call", 40)]),
        person(3, "Abe", "close", [("call", 40)]),
        person(4, "Bo", "network", [("message", 400)]),
        person(5, "Dee", "network", [("meet", 10), ("message", 8), ("message", 5), ("text", 2)],
               met=10),
    ]  # fmt: skip
    p = plan(people, settings=DEFAULT._replace(daily_max=5), today=TODAY, spent=0)
    assert [s.assessment.name for s in p.suggestions] == ["Ana", "Abe", "Xia", "Bo"]
    ana, abe, xia, bo = p.ranked
    assert round(ana.score, 3) == 7.000
    assert round(abe.score, 3) == round(xia.score, 3) == 6.167
    assert (abe.score, abe.ratio) == (xia.score, xia.ratio)  # the name decides
    # The table prints Bo as 1.980: 1.5 + 10 * (400/365 - 1) / 2 = 1.97945..., which is
    # 1.98 to two places (1.979 to three).
    assert bo.score == pytest.approx(1.5 + 10 * (400 / 365 - 1) / 2)
    assert round(bo.score, 2) == 1.98
    actions = dict(listed(p))
    assert actions["Ana"] == "call"
    assert actions["Bo"] == "message"
    assert "Dee" not in scores(p)


def test_example_b_a_like_is_not_a_check_in() -> None:
    people = [
        person(1, "Fay", "close", [("meet", 60), ("call", 10)]),
        person(2, "Gus", "close", [("meet", 60), ("text", 2)]),
        person(3, "Eve", "close", [("meet", 60), ("react", 2)]),
    ]
    p = plan(people, settings=DEFAULT, today=TODAY, spent=0)
    eve, gus = p.ranked
    assert (eve.name, round(eve.score, 3), eve.gap) == ("Eve", 8.292, 52.75)
    assert (gus.name, round(gus.score, 3), gus.gap) == ("Gus", 5.875, 38.25)
    assert [s.assessment.name for s in p.suggestions] == ["Eve", "Gus"]


def meetings(gaps: list[int], last: int) -> list[tuple[str, int]]:
    """Meetings with these gaps (oldest first), the last one ``last`` days ago."""
    days = [last]
    for g in reversed(gaps):
        days.append(days[-1] + g)
    return [("meet", d) for d in days]


def test_example_c_learned_rhythm() -> None:
    people = [
        person(1, "Kai", "close", meetings([58, 62, 60, 61, 59], 35), met=800),
        person(2, "Mo", "close", [], met=35),
        person(3, "Lia", "close", meetings([20, 22, 21, 21, 20], 35), met=800),
    ]
    p = plan(people, settings=DEFAULT, today=TODAY, spent=0)
    lia, mo = p.ranked
    assert lia.name == "Lia"
    assert lia.cadence is not None
    assert (round(lia.cadence, 1), lia.cadence_source, round(lia.score, 3)) == (
        24.0,
        "learned",
        6.790,
    )
    assert (mo.name, mo.cadence, mo.cadence_source, round(mo.score, 3)) == (
        "Mo",
        30.0,
        "circle",
        5.333,
    )
    kai = assess(people[0], settings=DEFAULT, today=TODAY)
    assert (kai.cadence, kai.cadence_source, kai.eligible) == (45.0, "learned", False)


def example_d() -> list[Candidate]:
    return [
        person(1, "Nia", "close", [("meet", 70)]),
        person(2, "Pia", "friends", [("message", 200)]),
        person(3, "Oli", "close", [("call", 50)]),
        person(4, "Sol", "core", [("call", 9)]),
        person(5, "Raj", "friends", [("message", 120)]),
        person(6, "Zed", "close", [("meet", 5)]),
    ]


@pytest.mark.parametrize(
    ("this_week", "expected"),
    [
        ([], [("Nia", "call"), ("Pia", "message"), ("Oli", "call")]),
        (["meet", "call", "call"], [("Nia", "message"), ("Pia", "message"), ("Oli", "message")]),
        (["meet", "call", "call", "call"], [("Nia", "message")]),
        (["meet", "call", "call", "call", "help"], []),
    ],
)
def test_example_d_energy_budget(this_week: list[str], expected: list[tuple[str, str]]) -> None:
    spent = energy_spent(this_week)
    assert spent == {0: 0, 3: 7, 4: 9, 5: 10}[len(this_week)]
    p = plan(example_d(), settings=DEFAULT, today=TODAY, spent=spent)
    assert scores(p) == {"Nia": 11.167, "Pia": 9.111, "Oli": 7.833, "Sol": 7.429, "Raj": 4.667}
    assert [a.name for a in p.ranked] == ["Nia", "Pia", "Oli", "Sol", "Raj"]
    assert listed(p) == expected
    assert p.remaining == 10 - spent
    assert p.rest is (spent >= 10)
    if p.rest:
        assert wording.plan_lines(p) == [wording.REST_LINE]


def test_show_all_ignores_the_budget() -> None:
    p = plan(example_d(), settings=DEFAULT, today=TODAY, spent=10, show_all=True)
    assert listed(p) == [
        ("Nia", "call"),
        ("Pia", "message"),
        ("Oli", "call"),
        ("Sol", "call"),
        ("Raj", "message"),
    ]
    assert [s.rank for s in p.suggestions] == [1, 2, 3, 4, 5]


# -- sections 5-7: single rules ------------------------------------------------------------


def test_event_window_and_marking() -> None:
    soon = (TODAY + timedelta(days=3)).month, (TODAY + timedelta(days=3)).day
    a = assess(person(1, "Ana", "network", [], birthday=soon), settings=DEFAULT, today=TODAY)
    assert a.event == ("birthday", 3)
    assert a.reason == "event"
    assert a.terms[2].points == pytest.approx(8 * (1 - 3 / 4))
    assert a.eligible
    # Any contact from 3 days before the date on settles it; earlier contact does not.
    early = person(1, "Ana", "network", [("message", 1)], birthday=(6, 22))
    assert assess(early, settings=DEFAULT, today=TODAY).event == ("birthday", 3)
    marked = person(1, "Ana", "network", [("react", 0)], birthday=(6, 22))
    assert assess(marked, settings=DEFAULT, today=TODAY).event is None
    ahead = person(1, "Ana", "network", [], birthday=(6, 23))  # 4 days: a heads-up, not a suggestion
    assert assess(ahead, settings=DEFAULT, today=TODAY).event is None
    far = person(1, "Ana", "network", [], birthday=(7, 4))
    assert assess(far, settings=DEFAULT, today=TODAY).event is None
    today = person(1, "Ana", "network", [], birthday=(6, 19))
    assert assess(today, settings=DEFAULT, today=TODAY).event == ("birthday", 0)


def test_february_29_counts_as_february_28() -> None:
    leapling = person(1, "Ana", "network", [], birthday=(2, 29))
    assert assess(leapling, settings=DEFAULT, today=date(2025, 2, 26)).event == ("birthday", 2)
    assert assess(leapling, settings=DEFAULT, today=date(2028, 2, 26)).event == ("birthday", 3)


def test_loops_promise_before_need() -> None:
    both = person(1, "Ana", "acquaintance", [], promise="intro to Sam", need="job-hunting")
    a = assess(both, settings=DEFAULT, today=TODAY)
    assert (a.loop, a.terms[3].value, a.reason, a.eligible) == (
        ("promise", "intro to Sam"),
        1.0,
        "loop",
        True,
    )
    need = assess(person(1, "Ana", "acquaintance", [], need="job"), settings=DEFAULT, today=TODAY)
    assert (need.terms[3].value, need.terms[3].points) == (0.6, 3.0)
    p = plan([both], settings=DEFAULT, today=TODAY, spent=0)
    assert listed(p) == [("Ana", "help")]


def test_dormant_real_tie_and_novelty() -> None:
    old = 1200
    tie = person(1, "Ana", "friends", [("meet", old)], met=2000, novel=True)
    a = assess(tie, settings=DEFAULT, today=TODAY)
    assert (a.dormant, a.eligible, a.reason) == (True, True, "dormant")
    assert [t.points for t in a.terms] == [0.0, 3.0, 0.0, 0.0, 4.0, 2.0]
    # Not a real tie: one full check-in and closeness 2.
    loose = person(2, "Bob", "network", [("meet", old)], met=2000, novel=True)
    b = assess(loose, settings=DEFAULT, today=TODAY)
    assert (b.dormant, b.eligible, b.score) == (True, False, 1.5)
    twice = person(3, "Cy", "network", [("meet", old), ("message", old + 40)], met=2000)
    assert assess(twice, settings=DEFAULT, today=TODAY).eligible


def test_at_most_one_dormant_and_none_after_a_reconnection() -> None:
    quiet = [person(i, n, "friends", [("meet", 1500)], met=2000) for i, n in enumerate("ABC")]
    p = plan(quiet, settings=DEFAULT, today=TODAY, spent=0)
    assert [a.name for a in p.ranked] == ["A"]
    assert listed(p) == [("A", "message")]
    # Reconnecting on Tuesday with another quiet tie: no dormant suggestion this week.
    back = person(9, "Dan", "network", [("meet", 1500), ("react", 2)], met=2000)
    assert back.summary.reconnected == ago(2)
    p = plan([*quiet, back], settings=DEFAULT, today=TODAY, spent=0)
    assert p.ranked == ()
    # Last week's reconnection does not count.
    earlier = person(9, "Dan", "network", [("meet", 1500), ("react", 4)], met=2000)
    assert len(plan([*quiet, earlier], settings=DEFAULT, today=TODAY, spent=0).ranked) == 1


def test_drifting_and_actions_by_circle() -> None:
    cases = [
        ("core", 20, "time_apart", "call"),
        ("core", 30, "drifting", "meet"),
        ("close", 89, "time_apart", "call"),
        ("close", 90, "drifting", "meet"),
        ("friends", 200, "time_apart", "message"),
        ("friends", 365, "drifting", "call"),
        ("network", 1000, "time_apart", "message"),
    ]
    for circle, days, reason, action in cases:
        p = plan([person(1, "Ana", circle, [("meet", days)], met=days)], settings=DEFAULT,
                 today=TODAY, spent=0)  # fmt: skip
        assert (p.ranked[0].reason, listed(p)) == (reason, [("Ana", action)]), circle


def test_kin_override_and_acquaintance_cadences() -> None:
    kin = assess(person(1, "Ana", "close", [("meet", 40)], kin=True), settings=DEFAULT,
                 today=TODAY)  # fmt: skip
    assert (kin.cadence, kin.cadence_source, kin.eligible) == (45.0, "circle", False)
    own = person(1, "Ana", "close", [("meet", 40)], cadence_override=42, kin=True)
    assert assess(own, settings=DEFAULT, today=TODAY).cadence == 42.0
    acq = assess(person(1, "Ana", "acquaintance", [("meet", 900)]), settings=DEFAULT,
                 today=TODAY)  # fmt: skip
    assert (acq.cadence, acq.cadence_source, acq.ratio, acq.eligible) == (None, "none", 0, False)


def test_archived_and_snoozed() -> None:
    gone = person(1, "Ana", "close", [("meet", 90)], archived=True)
    assert not assess(gone, settings=DEFAULT, today=TODAY).eligible
    nap = person(1, "Ana", "close", [("meet", 90)], snoozed_until=ago(-1))
    assert not assess(nap, settings=DEFAULT, today=TODAY).eligible
    awake = person(1, "Ana", "close", [("meet", 90)], snoozed_until=TODAY)
    assert assess(awake, settings=DEFAULT, today=TODAY).eligible


def test_energy_spent_reads_the_kinds_table() -> None:
    assert energy_spent(["meet", "video", "call", "help", "message", "text", "react"]) == 9
    assert energy_spent(["coffee"]) == 3
    with pytest.raises(ValueError, match="unknown"):
        energy_spent(["telepathy"])


# -- section 3 and 4: summaries ---------------------------------------------------------

touch_st = st.builds(
    Touch,
    on=st.integers(-1500, 20).map(lambda n: TODAY + timedelta(days=n)),
    kind=st.sampled_from(KIND_NAMES),
)


def summary_of(touches: list[Touch], circle: str = "close") -> object:
    return summarise(touches, met=ago(1600), circle=circle, kin=False, has_override=False,
                     settings=DEFAULT, today=TODAY)  # fmt: skip


@hsettings(max_examples=150, deadline=None)
@given(st.lists(touch_st, max_size=15), st.randoms(), st.sampled_from(CIRCLES))
def test_summary_ignores_input_order(touches: list[Touch], rnd: random.Random, c: str) -> None:
    shuffled = touches[:]
    rnd.shuffle(shuffled)
    assert summary_of(touches, c) == summary_of(shuffled, c)


@hsettings(max_examples=150, deadline=None)
@given(
    st.lists(touch_st, max_size=15),
    st.lists(st.builds(Touch, on=st.integers(-30, -1).map(ago), kind=st.sampled_from(KIND_NAMES))),
)
def test_summary_skips_touches_after_today(touches: list[Touch], future: list[Touch]) -> None:
    assert summary_of(touches) == summary_of(touches + future)


@hsettings(max_examples=150, deadline=None)
@given(st.lists(touch_st, max_size=15), touch_st, st.sampled_from(CIRCLES))
def test_backfill_never_moves_eff_back(touches: list[Touch], extra: Touch, c: str) -> None:
    before = summarise(touches, met=ago(1600), circle=c, kin=False, has_override=False,
                       settings=DEFAULT, today=TODAY)  # fmt: skip
    after = summarise([*touches, extra], met=ago(1600), circle=c, kin=False, has_override=False,
                      settings=DEFAULT, today=TODAY)  # fmt: skip
    assert after.eff >= before.eff


def test_summary_fields() -> None:
    s = summarise(
        [Touch(ago(10), "react"), Touch(ago(30), "meet"), Touch(ago(30), "call"),
         Touch(ago(50), "call"), Touch(ago(-3), "meet")],
        met=ago(100), circle="close", kin=False, has_override=False, settings=DEFAULT,
        today=TODAY,
    )  # fmt: skip
    assert s.last_touch == ago(10)
    assert s.last_touch_kind == "react"
    assert (s.last_full, s.last_full_kind, s.full_days) == (ago(30), "meet", 2)
    assert s.episodes == (ago(50), ago(30))
    assert s.eff == pytest.approx(TODAY.toordinal() - 30 + 20 * 0.125)
    assert s.reconnected is None


def test_episodes_merge_close_check_ins_and_keep_the_last_nine() -> None:
    days = [300, 296, 290, 200]  # 296 is within a quarter of 30 days of 300: same episode
    s = summary_of([Touch(ago(d), "meet") for d in days])
    assert s.episodes == (ago(300), ago(290), ago(200))  # type: ignore[attr-defined]
    many = summary_of([Touch(ago(d), "meet") for d in range(30, 800, 30)])
    assert len(many.episodes) == 9  # type: ignore[attr-defined]
    assert many.episodes[-1] == ago(30)  # type: ignore[attr-defined]


def test_learned_cadence_blend() -> None:
    eps = tuple(ago(d) for d in (139, 119, 97, 76, 55, 35))
    assert learned_cadence(eps, 30.0, DEFAULT) == pytest.approx(30 ** (3 / 8) * 21 ** (5 / 8))
    fast = tuple(ago(d) for d in (45, 37, 30, 22, 15))  # every week against a monthly prior
    assert learned_cadence(fast, 30.0, DEFAULT) == pytest.approx(22.5)  # clamped to 0.75 times
    assert learned_cadence(eps[-2:], 30.0, DEFAULT) is None
    even = tuple(ago(d) for d in (100, 90, 70, 40))  # gaps 10, 20, 30: median 20
    assert learned_cadence(even, 30.0, DEFAULT) == pytest.approx(30 ** (3 / 6) * 20 ** (3 / 6))
    four = tuple(ago(d) for d in (100, 90, 70, 40, 30))  # gaps 10 20 30 10: median 15
    assert learned_cadence(four, 30.0, DEFAULT) == pytest.approx(22.5)  # 30^(3/7) 15^(4/7), clamped


# -- settings ------------------------------------------------------------------------------


def test_settings_defaults_and_derived_drifting() -> None:
    assert [DEFAULT.cadence(c) for c in CIRCLES] == [7, 30, 90, 365, None]
    assert [DEFAULT.drifting_after(c) for c in CIRCLES] == [30, 90, 365, None, None]
    assert [SIVERS.drifting_after(c) for c in CIRCLES] == [60, 180, 365, None, None]
    assert preset("sivers") is SIVERS
    assert DEFAULT.prior("close", kin=True) == 45.0
    assert DEFAULT.prior("acquaintance", kin=False) is None
    with pytest.raises(InputError):
        preset("abc")


def test_settings_round_trip_and_values() -> None:
    d = SIVERS.to_dict()
    assert d["cadence.close"] == 60
    assert d["cadence.acquaintance"] is None
    assert d["coefficient.time_apart"] == 10.0
    assert d["weekly_energy"] == 10
    assert d["daily_max"] == 3
    assert list(d) == [k for k, _ in KEYS]
    assert Settings.from_dict(d) == SIVERS
    assert Settings.from_dict({}) == DEFAULT
    s = DEFAULT.with_value("cadence.close", "21").with_value("coefficient.loop", "2.5")
    assert (s.cadence("close"), s.coef_loop) == (21, 2.5)
    assert DEFAULT.with_value("cadence.network", "never").cadence("network") is None
    assert DEFAULT.with_value("daily_max", " 5 ").daily_max == 5


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("cadence.close", "0"),
        ("cadence.close", "1.5"),
        ("cadence.close", "soon"),
        ("weekly_energy", "-1"),
        ("daily_max", "0"),
        ("coefficient.time_apart", "-0.1"),
        ("coefficient.time_apart", "nan"),
        ("closeness.core", "6"),
    ],
)
def test_settings_refuse_bad_values(key: str, raw: str) -> None:
    with pytest.raises(InputError, match=re.escape(key)):
        DEFAULT.with_value(key, raw)


def test_settings_refuse_unknown_keys_helpfully() -> None:
    with pytest.raises(InputError) as err:
        DEFAULT.with_value("cadense.close", "3")
    assert "cadence.close" in err.value.message
    assert "daily_max" in err.value.message
    assert err.value.hint == "Did you mean cadence.close?"
    with pytest.raises(InputError):
        Settings.from_dict({"nope": 1})
    with pytest.raises(InputError):
        Settings.from_dict({"daily_max": True})
    assert all(desc and "\n" not in desc for _, desc in KEYS)


# -- section 8: wording --------------------------------------------------------------------


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


def test_an_assessment_is_built_field_by_field_in_order() -> None:
    """core/schedule._evaluate builds an Assessment from a plain tuple: this is the order it follows."""
    assert Assessment._fields == (
        "id", "name", "circle", "gap", "cadence", "cadence_source", "ratio", "terms", "score", "eligible",
        "dormant", "drifting", "reason", "event", "closeness", "loop", "last_full_days", "last_full_kind",
        "met_days", "met_known", "last_real_days", "last_real_kind", "last_real_on", "last_touch_kind",
        "resting_until", "real_tie", "archived", "snoozed_until", "listed_from",
    )  # fmt: skip
