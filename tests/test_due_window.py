"""`net due` reads only the people who may be eligible; it must rank exactly as if it read everyone.

Random small networks are written to a real store through the store API, then
the plan built from ``candidates.eligible_candidates`` (the stored windows, birthdays,
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
from quietnet.store import candidates, state
from quietnet.store import settings as stored
from quietnet.store.settings import save
from tests.helpers import seed, write_raw
from tests.processes import NOW
from tests.strategies import SETTINGS, TODAY, Raw, crowds

DAYS = (-400, -45, -3, 0, 1, 9, 60, 700)


def full_plan(s: Session, on: date) -> object:
    settings = stored.load(s)
    spent = energy_spent(state.kinds_between(s, week_start(on), on))
    return plan(candidates.candidates(s, settings, today=on), settings=settings, today=on, spent=spent)


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
                    write_raw(s, r)
            with db.read() as s:
                for ahead in DAYS:
                    on = TODAY + timedelta(days=ahead)
                    assert make_plan(s, today=on)[0] == full_plan(s, on), on
        finally:
            db.close()
