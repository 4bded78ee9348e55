"""A person's summary of touches (sections 3 and 4): its fields, its episodes, the learned
cadence, and properties (order, future touches, backfill).

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.kinds import KIND_NAMES
from quietnet.core.schedule import Touch, learned_cadence, summarise
from quietnet.core.settings import CIRCLES, DEFAULT
from tests.schedule_people import TODAY, ago

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
