"""`net why`: how one person's score adds up, and the one sentence that says why
they are or are not on today's list (``scheduling.md`` section 8), as text and JSON.
"""

from datetime import date
from typing import Any, NamedTuple

from quietnet.core.kinds import BY_NAME
from quietnet.core.schedule import Assessment, preferred_action
from quietnet.core.terms import LABELS
from quietnet.core.why import Place
from quietnet.render import wording
from quietnet.render.console import to_json
from quietnet.render.due import REASON_LABELS


class Why(NamedTuple):
    """One person's place in the day's plan, ready to render."""

    assessment: Assessment
    plan: Place  # their place in the day's plan
    code: str | None  # None: listed; else a code of why.NOT_LISTED
    daily_max: int


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b} {d.year}"


def _rank(w: Why) -> int | None:
    return w.plan.rank


def _listed(w: Why) -> tuple[int, str] | None:
    for s in w.plan.suggestions:
        if s.assessment.id == w.assessment.id:
            return s.rank, s.action
    return None


def _last_real(a: Assessment) -> str:
    kind = BY_NAME.get(a.last_real_kind or "")
    noun = kind.noun if kind else "catch-up"
    assert a.last_real_on is not None
    if a.last_real_kind == "help":
        return f"the last time you helped ({_day(a.last_real_on)})"
    return f"your last {noun} ({_day(a.last_real_on)})"


def sentence(w: Why) -> str:
    """The one sentence under the table: exactly why they are or are not listed today."""
    a, p, code = w.assessment, w.plan, w.code
    rank, of = _rank(w), p.of
    if code is None:
        return f"On today's list: rank {rank} of {of}, for {REASON_LABELS.get(a.reason, a.reason)}."
    head = "Not on today's list"
    if code == "archived":
        return f"{a.name} is archived, so not suggested. net unarchive brings them back."
    if code == "snoozed":
        assert a.snoozed_until is not None
        return f"Snoozed until {_day(a.snoozed_until)}, so not suggested before then."
    if code == "resting":
        assert a.resting_until is not None
        return f"{head}: resting after {_last_real(a)} until {_day(a.resting_until)}."
    if code == "no_rhythm":
        return f"{head}: acquaintances have no rhythm; only a date or an open loop brings them up."
    if code == "not_yet":
        if a.listed_from is None:
            return f"{head}: not yet time, and time alone never brings up a tie this light."
        return f"{head} yet: time alone would bring them up on {_day(a.listed_from)}."
    if code == "thin_tie":
        return f"{head}: quiet for years, but never a close tie; a date or an open loop still counts."
    if code == "quiet_tie_taken":
        if p.quiet is not None:
            return f"{head}: one quiet tie a day, and today it is {p.quiet}."
        return f"{head}: you already reconnected with a quiet tie this week; one a week is plenty."
    if code == "daily_max":
        return f"{head}: rank {rank} of {of}, after the daily maximum of {w.daily_max}."
    where = f"{head}: rank {rank} of {of}"
    if p.remaining <= 0:
        return f"{where}; this week's energy is spent ({p.spent} of {p.weekly}): rest is fine."
    return f"{where}; the energy left this week ({p.remaining}) covers fewer people."


def _rhythm_line(a: Assessment, phrase: str, source: str) -> str:
    if a.cadence is None:
        return "Rhythm: none (acquaintances are suggested only for a date or a loop)."
    shown = "" if "day" in phrase else f" ({phrase})"
    return f"Rhythm: {a.cadence:.1f} days{shown}, {source}."


def why_text(w: Why) -> str:
    a = w.assessment
    if w.code == "archived":
        return sentence(w)
    cadence = "no set rhythm" if a.cadence is None else f"{wording.rhythm_phrase(a.cadence)}"
    source = {"circle": "from the circle", "learned": "learned from your meetings",
              "override": "your own setting", "none": ""}[a.cadence_source]  # fmt: skip
    lines = [
        f"{a.name} (#{a.id}), {a.circle} circle",
        f"Gap: {a.gap:.2f} days since the effective last contact.",
        _rhythm_line(a, cadence, source),
        f"Ratio: {a.ratio:.3f}",
        "",
        f"{'term':<12}{'value':>8}{'coefficient':>13}{'points':>9}",
    ]
    for t in a.terms:
        label = LABELS[t.name]
        lines.append(f"{label:<12}{t.value:>8.3f}{t.coefficient:>13g}{t.points:>9.3f}")
    lines.append(f"{'score':<12}{'':>8}{'':>13}{a.score:>9.3f}")
    lines.append("")
    lines.append(sentence(w))
    return "\n".join(lines)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def why_dict(w: Why) -> dict[str, Any]:
    """Every field of a ``due --json`` suggestion, the terms, and ``listed``/``not_listed``."""
    a = w.assessment
    listed = _listed(w)
    action = listed[1] if listed else preferred_action(a)
    return {
        "as_of": w.plan.today.isoformat(),
        "id": a.id,
        "name": a.name,
        "circle": a.circle,
        "rank": _rank(w),
        "score": round(a.score, 3),
        "ratio": round(a.ratio, 3),
        "gap_days": round(a.gap, 2),
        "cadence_days": None if a.cadence is None else round(a.cadence, 2),
        "reason": a.reason,
        "action": action,
        "why": wording.line(a, action),
        "cadence_source": a.cadence_source,
        "terms": [
            {
                "name": t.name,
                "value": round(t.value, 3),
                "coefficient": t.coefficient,
                "points": round(t.points, 3),
            }
            for t in a.terms
        ],
        "listed": listed is not None,
        "not_listed": w.code,
        "sentence": sentence(w),
        "last_real_contact": _iso(a.last_real_on),
        "resting_until": _iso(a.resting_until),
        "snoozed_until": _iso(a.snoozed_until),
        "listed_from": _iso(a.listed_from),
    }


def why_json(w: Why) -> str:
    return to_json(why_dict(w))
