"""Invariants 15-19 of ``scheduling.md`` section 9 (model version 2), as Hypothesis properties.

15-18 are pure, like ``test_schedule_properties.py`` (whose generators they share);
19 goes through the CLI, since who started a contact is the store's to filter.
"""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.kinds import BY_NAME, KIND_NAMES
from quietnet.core.rhythm import REAL_WEIGHT
from quietnet.core.schedule import Touch, assess
from quietnet.core.settings import DEFAULT, Settings
from tests.helpers import Net
from tests.strategies import FEW, SETTINGS, SOME, TODAY, Raw, build, crowds, day, raws, run

REAL = [k for k in KIND_NAMES if BY_NAME[k].weight >= REAL_WEIGHT]
ROOMY = DEFAULT._replace(daily_max=9, weekly_energy=40)


# 15
@FEW
@given(crowds(max_size=9), st.sampled_from(SETTINGS), st.booleans())
def test_a_resting_person_is_listed_only_for_an_event_or_a_loop(
    people: list[Raw], s: Settings, show_all: bool
) -> None:
    p = run(people, s, show_all=show_all)
    for a in p.ranked:
        if a.resting:
            assert a.event is not None or a.loop is not None, a


# 16
@FEW
@given(crowds(max_size=9), st.sampled_from((*SETTINGS, ROOMY)), st.sampled_from(REAL), st.booleans())
def test_real_contact_today_takes_a_listed_person_off_the_list(
    people: list[Raw], s: Settings, other: str, suggested: bool
) -> None:
    before = run(people, s)
    for shown in before.suggestions:
        kind = shown.action if suggested else other
        after = [r.plus(Touch(TODAY, kind)) if r.id == shown.assessment.id else r for r in people]
        for plan_ in (run(after, s), run(after, s, show_all=True)):
            again = [x.assessment for x in plan_.suggestions if x.assessment.id == shown.assessment.id]
            assert not again or again[0].loop is not None, again


# 17
@SOME
@given(raws(), st.integers(0, 3), st.integers(0, 3), st.sampled_from(KIND_NAMES))
def test_any_contact_from_three_days_before_settles_a_birthday(
    r: Raw, ahead: int, back: int, kind: str
) -> None:
    birthday = day(ahead)
    when = min(0, ahead - back)  # from 3 days before the date, up to today
    person = Raw(**{**r.__dict__, "birthday": (birthday.month, birthday.day), "touches": r.touches})
    a = assess(build(person.plus(Touch(day(when), kind))), settings=DEFAULT, today=TODAY)
    assert a.event is None
    assert a.terms[2].value == 0.0


# 18
@FEW
@given(crowds(max_size=9), st.booleans(), st.sampled_from(SETTINGS))
def test_the_quiet_tie_cap_never_drops_a_loop_or_a_near_event(
    people: list[Raw], reconnected: bool, s: Settings
) -> None:
    p = run(people, s, show_all=True, reconnected=reconnected)
    ranked = {a.id for a in p.ranked}
    for r in people:
        a = assess(build(r, s), settings=s, today=TODAY)
        if a.eligible and (a.loop is not None or a.event is not None):
            assert a.id in ranked, a


# 19
THEM = st.lists(st.tuples(st.sampled_from(KIND_NAMES), st.integers(0, 10)), max_size=6)


@hsettings(max_examples=8, deadline=None)
@given(THEM, THEM)
def test_contacts_they_start_never_change_energy_spent(
    migrated: bytes, mine: list[tuple[str, int]], theirs: list[tuple[str, int]]
) -> None:
    net = Net()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "net.db"
        path.write_bytes(migrated)
        path.chmod(0o600)

        def spent() -> int:
            result = net("--db", str(path), "due", "--json")
            assert result.code == 0, result
            return int(json.loads(result.out)["energy"]["spent"])

        assert net("--db", str(path), "add", "Ana", "--circle", "close").code == 0
        for kind, days in mine:
            on = (TODAY - timedelta(days=days)).isoformat()
            assert net("--db", str(path), "log", "ana", kind, "--on", on).code == 0
        before = spent()
        for kind, days in theirs:
            on = (TODAY - timedelta(days=days)).isoformat()
            assert net("--db", str(path), "log", "ana", kind, "--on", on, "--them").code == 0
        assert spent() == before
