"""Every number of the scheduling model in one frozen object (``scheduling.md``).

``DEFAULT`` holds the documented defaults; ``with_value`` parses what a user types
for one dotted key (``net settings cadence.close 21``); ``to_dict``/``from_dict``
round-trip the flat form that is stored and exported. Pure: stdlib only.
"""

import math
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from quietnet.core.records import CIRCLES as CIRCLES  # one list: the circles a person is in
from quietnet.core.text import shown
from quietnet.errors import InputError

NEVER_WORDS: frozenset[str] = frozenset({"never", "none", "off", "-"})


class Settings(NamedTuple):
    """The scheduling defaults; per-circle tuples follow the order of ``CIRCLES``."""

    cadences: tuple[int | None, ...] = (7, 30, 90, 365, None)
    full_weights: tuple[float, ...] = (0.8, 0.8, 0.5, 0.5, 0.5)
    closenesses: tuple[int, ...] = (5, 4, 3, 2, 1)
    kin_factor: float = 1.5
    prior_weight: float = 3.0
    episode_fraction: float = 0.25
    max_gaps: int = 8
    clamp_low: float = 0.75
    clamp_high: float = 1.5
    time_apart_span: float = 2.0
    coef_time_apart: float = 10.0
    coef_strength: float = 6.0
    coef_event: float = 8.0
    coef_loop: float = 5.0
    coef_dormant: float = 4.0
    coef_novelty: float = 2.0
    loop_promise: float = 1.0
    loop_need: float = 0.6
    event_window: int = 3
    event_logged_before: int = 3
    heads_up: int = 14
    dormant_days: int = 1095
    tie_days: int = 2
    tie_closeness: int = 3
    rest_share: float = 0.5
    rest_min_days: int = 2
    weekly_energy: int = 10
    daily_max: int = 3

    # -- per-circle lookups -------------------------------------------------

    def cadence(self, circle: str) -> int | None:
        """Days between check-ins for a circle; None when it has no rhythm."""
        return self.cadences[_circle_index(circle)]

    def full_weight(self, circle: str) -> float:
        """The weight that counts as a full check-in in this circle."""
        return self.full_weights[_circle_index(circle)]

    def default_closeness(self, circle: str) -> int:
        return self.closenesses[_circle_index(circle)]

    def drifting_after(self, circle: str) -> int | None:
        """Gap (days) from which a tie past its rhythm counts as drifting: the next circle's cadence.

        Derived, so changing cadences keeps it consistent; None means never.
        """
        i = _circle_index(circle)
        return self.cadences[i + 1] if i + 1 < len(CIRCLES) else None

    def prior(self, circle: str, kin: bool) -> float | None:
        """The rhythm expected before any history: the circle cadence, times the kin factor."""
        base = self.cadence(circle)
        if base is None:
            return None
        return base * self.kin_factor if kin else float(base)

    # -- flat form -----------------------------------------------------------

    def to_dict(self) -> dict[str, object]:
        """Flat dotted keys to plain values (ints, floats, None), in ``KEYS`` order."""
        return {spec.key: _get(self, spec) for spec in _SPECS}

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> "Settings":
        """Defaults overridden by the keys present; unknown keys or bad values raise InputError."""
        result = DEFAULT
        for key, value in d.items():
            spec = _find(key)
            result = _set(result, spec, _coerce(spec, value))
        return result

    def number(self, key: str) -> float:
        """The value of one numeric dotted key (``coefficient.loop``), as stored."""
        value = _get(self, _find(key))
        assert isinstance(value, (int, float))
        return value

    def with_value(self, key: str, raw: str) -> "Settings":
        """A copy with one key set from what a user typed (``"21"``, ``"never"``, ``"0.5"``)."""
        spec = _find(key)
        return _set(self, spec, _coerce(spec, raw))


def _circle_index(circle: str) -> int:
    try:
        return CIRCLES.index(circle)
    except ValueError:
        raise InputError(f"Unknown circle '{shown(circle)}'; the circles are {', '.join(CIRCLES)}.") from None


# -- keys, their parsers and descriptions -------------------------------------------


class _Spec(NamedTuple):
    key: str
    field: str
    slot: int | None  # position in a per-circle tuple, or None for a plain field
    parse: Callable[[str, object], object]
    description: str


def _said(value: object) -> str:
    """A refused value as a message repeats it (quoted, cut, escapes visible)."""
    return f"'{shown(value)}'" if isinstance(value, str) else shown(repr(value))


def _as_number(key: str, value: object, *, whole: bool, what: str) -> float:
    if isinstance(value, bool):
        raise InputError(f"{key} must be {what}, not {_said(value)}.")
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(int(text)) if whole else float(text)
        except ValueError:
            raise InputError(f"{key} must be {what}, not {_said(value)}.") from None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise InputError(f"{key} must be {what}, not {_said(value)}.")
    if not math.isfinite(number) or (whole and not number.is_integer()):
        raise InputError(f"{key} must be {what}, not {_said(value)}.")
    return number


def _whole(low: int, high: int | None, what: str) -> Callable[[str, object], object]:
    def parse(key: str, value: object) -> object:
        n = _as_number(key, value, whole=True, what=what)
        if n < low or (high is not None and n > high):
            raise InputError(f"{key} must be {what}, not {_said(value)}.")
        return int(n)

    return parse


def _real(
    low: float, high: float | None, what: str, *, open_low: bool = False
) -> Callable[[str, object], object]:
    def parse(key: str, value: object) -> object:
        n = _as_number(key, value, whole=False, what=what)
        if n < low or (open_low and n == low) or (high is not None and n > high):
            raise InputError(f"{key} must be {what}, not {_said(value)}.")
        return n

    return parse


def _cadence(key: str, value: object) -> object:
    what = "a whole number of days above 0, or 'never'"
    if value is None or (isinstance(value, str) and value.strip().casefold() in NEVER_WORDS):
        return None
    n = _as_number(key, value, whole=True, what=what)
    if n < 1:
        raise InputError(f"{key} must be {what}, not {_said(value)}.")
    return int(n)


_ABOUT = {"core": "about 5", "close": "about 15", "friends": "about 50", "network": "about 150"}


def _circle_specs() -> list[_Spec]:
    specs: list[_Spec] = []
    for i, circle in enumerate(CIRCLES):
        about = _ABOUT.get(circle, "any number of")
        specs.append(
            _Spec(
                f"cadence.{circle}",
                "cadences",
                i,
                _cadence,
                f"days between check-ins with {circle} ({about} people); 'never' for no rhythm",
            )
        )
    for i, circle in enumerate(CIRCLES):
        specs.append(
            _Spec(
                f"full_weight.{circle}",
                "full_weights",
                i,
                _real(0.0, 1.0, "a number above 0 and at most 1", open_low=True),
                f"weight of a kind that counts as a full check-in with {circle}",
            )
        )
    for i, circle in enumerate(CIRCLES):
        specs.append(
            _Spec(
                f"closeness.{circle}",
                "closenesses",
                i,
                _whole(1, 5, _ONE_TO_FIVE),
                f"closeness (1-5) for {circle} when a person has none of their own",
            )
        )
    return specs


_COUNT = "a whole number of 1 or more"
_DAYS = "a whole number of days, 0 or more"
_COEF = "a number of 0 or more"
_SHARE = "a number from 0 to 1"
_ONE_TO_FIVE = "a whole number from 1 to 5"

# fmt: off
_SPECS: tuple[_Spec, ...] = (
    *_circle_specs(),
    _Spec("kin_factor", "kin_factor", None, _real(0.0, None, "a number above 0", open_low=True),
          "family rhythms are this many times longer (1.5: family survives gaps better)"),
    _Spec("rhythm.prior_weight", "prior_weight", None, _real(0.0, None, _COEF),
          "how many observed gaps the circle rhythm counts as when learning a rhythm"),
    _Spec("rhythm.episode_fraction", "episode_fraction", None, _real(0.0, 1.0, _SHARE),
          "check-ins closer than this share of the rhythm belong to one episode"),
    _Spec("rhythm.max_gaps", "max_gaps", None, _whole(1, None, _COUNT),
          "how many recent gaps between episodes a learned rhythm looks at"),
    _Spec("rhythm.clamp_low", "clamp_low", None,
          _real(0.0, 1.0, "a number above 0 and at most 1", open_low=True),
          "a learned rhythm is never shorter than this times the circle rhythm"),
    _Spec("rhythm.clamp_high", "clamp_high", None, _real(1.0, None, "a number of 1 or more"),
          "a learned rhythm is never longer than this times the circle rhythm"),
    _Spec("time_apart.span", "time_apart_span", None,
          _real(0.0, None, "a number above 0", open_low=True),
          "how many rhythms past due the time-apart term reaches its full value"),
    _Spec("coefficient.time_apart", "coef_time_apart", None, _real(0.0, None, _COEF),
          "points for time apart beyond the rhythm"),
    _Spec("coefficient.strength", "coef_strength", None, _real(0.0, None, _COEF),
          "points for closeness"),
    _Spec("coefficient.event", "coef_event", None, _real(0.0, None, _COEF),
          "points for a birthday or yearly date coming up"),
    _Spec("coefficient.loop", "coef_loop", None, _real(0.0, None, _COEF),
          "points for an open promise to help or a need they have"),
    _Spec("coefficient.dormant", "coef_dormant", None, _real(0.0, None, _COEF),
          "points for a real tie that has gone quiet for years"),
    _Spec("coefficient.novelty", "coef_novelty", None, _real(0.0, None, _COEF),
          "extra points when a quiet tie is tagged 'novel'"),
    _Spec("loop.promise", "loop_promise", None, _real(0.0, 1.0, _SHARE),
          "value of an open promise to help (times coefficient.loop)"),
    _Spec("loop.need", "loop_need", None, _real(0.0, 1.0, _SHARE),
          "value of an open need they have (times coefficient.loop)"),
    _Spec("event.window", "event_window", None, _whole(0, None, _DAYS),
          "days ahead a birthday or yearly date starts to count"),
    _Spec("event.logged_before", "event_logged_before", None, _whole(0, None, _DAYS),
          "contact from this many days before a date on settles it"),
    _Spec("event.heads_up", "heads_up", None, _whole(0, None, _DAYS),
          "days ahead a birthday shows as a heads-up line in net today (no action)"),
    _Spec("dormant.days", "dormant_days", None, _whole(1, None, _COUNT),
          "days without a real contact (a message or more) after which a tie counts as quiet"),
    _Spec("dormant.tie_days", "tie_days", None, _whole(1, None, _COUNT),
          "full check-ins on this many distinct days make a real tie"),
    _Spec("dormant.tie_closeness", "tie_closeness", None, _whole(1, 5, _ONE_TO_FIVE),
          "closeness from which a tie counts as real"),
    _Spec("rest.share", "rest_share", None, _real(0.0, None, _COEF),
          "after a real contact a person rests for this share of their rhythm"),
    _Spec("rest.min_days", "rest_min_days", None, _whole(0, None, _DAYS),
          "after a real contact a person rests for at least this many days"),
    _Spec("weekly_energy", "weekly_energy", None, _whole(0, None, "a whole number, 0 or more"),
          "energy for reaching out in a week (a meeting costs 3, a call 2, a message 1)"),
    _Spec("daily_max", "daily_max", None, _whole(1, None, _COUNT),
          "at most this many suggestions a day"),
)
# fmt: on

_BY_KEY: dict[str, _Spec] = {spec.key: spec for spec in _SPECS}

KEYS: tuple[tuple[str, str], ...] = tuple((s.key, s.description) for s in _SPECS)
"""Every setting key with a one-line description, for ``net settings`` help."""


def _find(key: object) -> _Spec:
    spec = _BY_KEY.get(key) if isinstance(key, str) else None
    if spec is None:
        import difflib

        from quietnet.core.words import WORDS  # the settings that are words, kept beside these

        names = [*_BY_KEY, *WORDS]
        close = difflib.get_close_matches(str(key), names, n=1)
        raise InputError(
            f"Unknown setting '{shown(str(key))}'; the settings are {', '.join(names)}.",
            hint=f"Did you mean {close[0]}?" if close else None,
        )
    return spec


def _coerce(spec: _Spec, value: object) -> object:
    return spec.parse(spec.key, value)


def _get(settings: Settings, spec: _Spec) -> object:
    value: object = getattr(settings, spec.field)
    if spec.slot is not None:
        assert isinstance(value, tuple)
        return value[spec.slot]
    return value


def _set(settings: Settings, spec: _Spec, value: object) -> Settings:
    changes: dict[str, Any] = {spec.field: value}
    if spec.slot is not None:
        items = list(getattr(settings, spec.field))
        items[spec.slot] = value
        changes[spec.field] = tuple(items)
    return settings._replace(**changes)


DEFAULT = Settings()
SIVERS = DEFAULT._replace(cadences=(21, 60, 180, 365, None))
PRESETS: dict[str, Settings] = {"default": DEFAULT, "sivers": SIVERS}


def preset(name: str) -> Settings:
    """A named preset (``default``, ``sivers``); InputError for any other name."""
    try:
        return PRESETS[name.strip().casefold()]
    except KeyError:
        raise InputError(f"Unknown preset '{shown(name)}'; the presets are {', '.join(PRESETS)}.") from None
