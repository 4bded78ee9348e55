"""The scheduler's single rules (sections 5-7): events, loops, dormant ties, drifting,
cadences by circle, archived and snoozed people, the energy of each kind; and the order of
an Assessment's fields.

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from quietnet.core.schedule import Assessment, assess, energy_spent, plan
from quietnet.core.settings import DEFAULT
from tests.schedule_people import TODAY, ago, listed, person


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


def test_an_assessment_is_built_field_by_field_in_order() -> None:
    """core/schedule._evaluate builds an Assessment from a plain tuple: this is the order it follows."""
    assert Assessment._fields == (
        "id", "name", "circle", "gap", "cadence", "cadence_source", "ratio", "terms", "score", "eligible",
        "dormant", "drifting", "reason", "event", "closeness", "loop", "last_full_days", "last_full_kind",
        "met_days", "met_known", "last_real_days", "last_real_kind", "last_real_on", "last_touch_kind",
        "resting_until", "real_tie", "archived", "snoozed_until", "listed_from",
    )  # fmt: skip
