"""`net due` reads only the people who may be eligible; it must rank exactly as if it read everyone.

Random small networks are written to a real store through the store API, then
the plan built from ``state.eligible_candidates`` (the stored windows, birthdays,
open loops and snoozes, filtered in SQL) is compared with the plan built from
every candidate, on days before, on and after the history.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from quietnet.core.schedule import energy_spent, plan, week_start
from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Session
from quietnet.ops.morning import make_plan
from quietnet.store import interactions, loops, people, state
from quietnet.store import settings as stored
from quietnet.store.settings import save
from tests.helpers import seed
from tests.processes import NOW
from tests.strategies import SETTINGS, TODAY, Raw, crowds

DAYS = (-400, -45, -3, 0, 1, 9, 60, 700)


def write(s: Session, r: Raw) -> None:
    fields = {
        "circle": r.circle, "closeness": r.closeness, "kin": r.kin, "cadence_days": r.override,
        "met_on": r.met, "snoozed_until": r.snoozed_until,
        "birthday": None if r.birthday is None else f"{r.birthday[0]:02d}-{r.birthday[1]:02d}",
    }  # fmt: skip
    person_id = people.add(s, name=r.name, fields=fields, tags=["novel"] if r.novel else [])
    for t in r.touches:
        interactions.log(s, person_ids=[person_id], kind=t.kind, day=t.on)
    for type_, what in (("promise", r.promise), ("need", r.need)):
        if what is not None:
            loops.open_loop(s, person_id=person_id, type=type_, what=what, day=TODAY - timedelta(days=20))
    if r.archived:
        people.set_archived(s, person_id, True)


def full_plan(s: Session, on: date) -> object:
    settings = stored.load(s)
    spent = energy_spent(state.kinds_between(s, week_start(on), on))
    return plan(state.candidates(s, settings, today=on), settings=settings, today=on, spent=spent)


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowds(max_size=9), st.sampled_from(SETTINGS))
def test_reading_only_the_possibly_eligible_changes_no_plan(
    migrated: bytes, people_: list[Raw], chosen: object
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "net.db"
        seed(path, migrated)  # a copy of the session's migrated store: no migration per example
        db = open_database(path, now=lambda: NOW)
        try:
            with db.write("seed") as s:
                save(s, chosen)  # type: ignore[arg-type]
                state.refresh_all(s)
                for r in people_:
                    write(s, r)
            with db.read() as s:
                for ahead in DAYS:
                    on = TODAY + timedelta(days=ahead)
                    assert make_plan(s, today=on)[0] == full_plan(s, on), on
        finally:
            db.close()
