"""The calm human line for each suggestion (``scheduling.md`` section 8).

Pure functions from scheduler results to short sentences that state facts and end
with one small action, phrased as a question:
``Ana Ruiz: 45 days since a meeting (monthly rhythm). A call?``
The reason codes (``time_apart``...) are data; these lines never say them.
"""

from __future__ import annotations

import re

from quietnet.core.capacity import WEEKS, Capacity
from quietnet.core.kinds import BY_NAME, article
from quietnet.core.schedule import Assessment, DuePlan, Suggestion
from quietnet.core.terms import FIRST_REASON

# Words no line may contain (checked by the tests on generated lines).
BANNED: tuple[str, ...] = (
    "overdue",
    "neglected",
    "failed",
    "should",
    "behind",
    "streak",
    "lead",
    "prospect",
)

QUESTIONS: dict[str, str] = {
    "meet": "Coffee or a walk?",
    "video": "A video call?",
    "call": "A call?",
    "help": "A small help?",
    "message": "A short message?",
    "text": "A quick text?",
    "greeting": "A warm wish?",
    "react": "A friendly wave?",
}

REST_LINE = "The week was full of people already; rest is fine. Nothing more to plan today."
EMPTY_LINE = "No one to suggest today; enjoy the quiet."

MAX_LINE = 100
MAX_NAME = 40
_MIN_TEXT = 12
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NAMED_RHYTHMS = {
    7: "weekly",
    14: "every 2 weeks",
    30: "monthly",
    60: "every 2 months",
    90: "every 3 months",
    180: "every 6 months",
    365: "yearly",
}
_ADJECTIVES = frozenset({"daily", "weekly", "monthly", "yearly"})


def rhythm_phrase(cadence: float | None) -> str:
    """``weekly``, ``monthly``, ``every 3 months``, ``yearly``, ``every 24 days``..."""
    if cadence is None:
        return "no set rhythm"
    d = round(cadence)
    if d in _NAMED_RHYTHMS:
        return _NAMED_RHYTHMS[d]
    if d <= 1:
        return "daily"
    if d % 7 == 0 and d <= 91:
        return f"every {d // 7} weeks"
    if d < 70:
        return f"every {d} days"
    if d < 120:
        return f"every {round(d / 7)} weeks"
    if d < 700:
        return f"every {round(d / 30.44)} months"
    return f"every {round(d / 365.25)} years"


def span_phrase(days: float) -> str:
    """A length of time in plain words: ``45 days``, ``4 months``, ``3 years``."""
    n = max(0, round(days))
    if n < 60:
        return "1 day" if n == 1 else f"{n} days"
    if n < 730:
        return f"{round(n / 30.44)} months"
    return f"{n // 365} years"


def question(action: str) -> str:
    """The small action as a question: ``A call?``."""
    return QUESTIONS.get(action, "A short message?")


def _tidy(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip() + "…"


def _start(a: Assessment) -> str:
    """Where the clock started, for a person with no full check-in (section 3)."""
    return "you met" if a.met_known else "you started keeping track"


def _since(a: Assessment) -> str:
    if a.last_full_days is None:
        return f"{span_phrase(a.met_days)} since {_start(a)}"
    kind = BY_NAME.get(a.last_full_kind or "")
    what = (
        "you helped" if a.last_full_kind == "help" else article(kind.noun) if kind else "you last caught up"
    )
    return f"{span_phrase(a.last_full_days)} since {what}"


def _years(a: Assessment) -> str:
    """A quiet tie: the time since the last real contact, named, with its month (section 8)."""
    days = a.met_days if a.last_real_days is None else a.last_real_days
    years = days // 365
    if years <= 1:
        words = "A year"
    elif years < len(_NUMBER_WORDS):
        words = f"{_NUMBER_WORDS[years].capitalize()} years"
    else:
        words = f"{years} years"
    if a.last_real_on is None:
        light = BY_NAME.get(a.last_touch_kind or "")
        tail = f", with only {article(light.noun)} since" if light else ""
        return f"{words} since {_start(a)}{tail}"
    kind = BY_NAME.get(a.last_real_kind or "")
    noun = kind.noun if kind else "catch-up"
    last = "you last helped" if a.last_real_kind == "help" else f"your last {noun}"
    return f"{words} since {last}, in {a.last_real_on:%B %Y}"


def _event(a: Assessment) -> str:
    label, ahead = a.event or ("birthday", 0)
    label = label.capitalize()
    if ahead == 0:
        return f"{label} today"
    if ahead == 1:
        return f"{label} tomorrow"
    return f"{label} in {ahead} days"


def _loop(a: Assessment, room: int) -> str:
    kind, text = a.loop or ("promise", "")
    head = "You offered to help" if kind == "promise" else "They mentioned a need"
    if not text.strip():
        return head
    return f"{head} ({_tidy(text, max(_MIN_TEXT, room - len(head) - 3))})"


def _rhythm(a: Assessment) -> str:
    phrase = rhythm_phrase(a.cadence)
    return f"({phrase} rhythm)" if phrase in _ADJECTIVES else f"({phrase})"


def _shown_reason(a: Assessment) -> str:
    if a.reason == FIRST_REASON and a.ratio < 1:
        # Nothing scored: say what made the person eligible.
        if a.event is not None:
            return "event"
        if a.loop is not None:
            return "loop"
        if a.dormant:
            return "dormant"
    return a.reason


def fact(a: Assessment, *, room: int = MAX_LINE) -> str:
    """The facts behind a suggestion, without the name or the action."""
    reason = _shown_reason(a)
    if reason == "event":
        return _event(a)
    if reason == "loop":
        return _loop(a, room)
    if reason == "dormant":
        return _years(a)
    if reason == "drifting":
        return f"It has been a while ({_since(a)})"
    return f"{_since(a)} {_rhythm(a)}"


def shown_name(a: Assessment) -> str:
    """The name as a suggestion line starts with (a very long one is cut)."""
    return _tidy(a.name, MAX_NAME)


def line(a: Assessment, action: str) -> str:
    """``Name: facts. Question?`` in about 100 characters."""
    name = _tidy(a.name, MAX_NAME)
    ask = question(action)
    room = MAX_LINE - len(name) - len(ask) - 4
    facts = fact(a, room=room)
    if action == "message" and _shown_reason(a) == "dormant":
        return f"{name}: {facts}; a no-ask hello?"
    return f"{name}: {facts}. {ask}"


def suggestion_line(s: Suggestion) -> str:
    """The line for one suggestion of a plan."""
    return line(s.assessment, s.action)


def plan_lines(p: DuePlan) -> list[str]:
    """One line per suggestion, or the kind line for a full week or a quiet day."""
    if p.suggestions:
        return [suggestion_line(s) for s in p.suggestions]
    return [REST_LINE if p.rest else EMPTY_LINE]


def capacity_lines(c: Capacity) -> list[str]:
    """What the circles ask for against the week's energy, and what follows when it is more (section 11)."""
    asks = f"Your circles ask for about {c.asks_per_week} a week and your week holds {c.weekly_energy}"
    lines = [f"{asks}."]
    if c.over:
        lines = [
            f"{asks}: people will come round a little slower than their rhythm.",
            f"To change that: net settings set weekly_energy {c.asks_per_week}, or move a few people to a"
            " slower circle.",
        ]
    median = f"{c.median_spent:g}"
    return [*lines, f"Lately you used about {median} a week (the median of the last {WEEKS} full weeks)."]
