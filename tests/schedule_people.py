"""Hand-made candidates for the pure scheduler tests (test_schedule_examples, _rules,
_summaries and _wording).

``person`` builds a Candidate from touches given as (kind, days ago) before TODAY, a
Thursday; ``listed`` and ``scores`` read a plan back as names, actions and scores.
"""

from __future__ import annotations

from datetime import date, timedelta

from quietnet.core.schedule import Candidate, DuePlan, Touch, summarise
from quietnet.core.settings import DEFAULT, Settings

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
