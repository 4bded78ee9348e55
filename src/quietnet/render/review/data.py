"""The weekly review as JSON (`net review --json`): the same content as data, dates in ISO 8601.

The shape is a contract for scripts; tests pin it.
"""

from __future__ import annotations

from typing import Any

from quietnet.core.review import Count, Next, Review
from quietnet.render.console import to_json
from quietnet.render.review import words


def _counts(counts: tuple[Count, ...]) -> dict[str, int]:
    return {c.name: c.count for c in counts}


def _next(n: Next) -> dict[str, Any]:
    return {"id": n.id, "name": n.name, "circle": n.circle, "action": n.action, "why": words.why(n)}


def review_dict(r: Review) -> dict[str, Any]:
    n = r.numbers
    return {
        "week": {"start": r.start, "end": r.end, "as_of": r.as_of},
        "quiet": r.quiet,
        "gave": {
            "helps": [g._asdict() for g in r.gave],
            "recent": {"since": r.recent_since, "helps": r.recent_helps, "people": r.recent_helped},
        },
        "came_back": [x._asdict() for x in r.came_back],
        "noted": [n._asdict() for n in r.noted],
        "promises": [o._asdict() for o in r.promises],
        "needs": [o._asdict() for o in r.needs],
        "next_week": {"from": r.next_start, "people": [_next(p) for p in r.next_week]},
        "numbers": {
            "interactions": n.interactions,
            "people": n.people,
            "by_kind": _counts(n.by_kind),
            "by_circle": _counts(n.by_circle),
            "energy": {"spent": n.energy_spent, "weekly": n.energy_weekly},
            "capacity": None if n.capacity is None else n.capacity._asdict(),
            "chart": [{"week": w.start, "touches": _counts(w.touches), "total": w.total} for w in n.chart],
        },
        "dates_next_week": [d._asdict() for d in r.dates_ahead],
    }


def render(r: Review) -> str:
    return to_json(review_dict(r))
