"""The scheduler's settings: defaults, presets, round trips, and the refusal of bad values
and unknown keys.

Pure: no database, no CLI. Section numbers refer to ``docs``' ``scheduling.md``.
"""

from __future__ import annotations

import re

import pytest

from quietnet.core.settings import CIRCLES, DEFAULT, KEYS, SIVERS, Settings, preset
from quietnet.errors import InputError


def test_settings_defaults_and_derived_drifting() -> None:
    assert [DEFAULT.cadence(c) for c in CIRCLES] == [7, 30, 90, 365, None]
    assert [DEFAULT.drifting_after(c) for c in CIRCLES] == [30, 90, 365, None, None]
    assert [SIVERS.drifting_after(c) for c in CIRCLES] == [60, 180, 365, None, None]
    assert preset("sivers") is SIVERS
    assert DEFAULT.prior("close", kin=True) == 45.0
    assert DEFAULT.prior("acquaintance", kin=False) is None
    with pytest.raises(InputError):
        preset("abc")


def test_settings_round_trip_and_values() -> None:
    d = SIVERS.to_dict()
    assert d["cadence.close"] == 60
    assert d["cadence.acquaintance"] is None
    assert d["coefficient.time_apart"] == 10.0
    assert d["weekly_energy"] == 10
    assert d["daily_max"] == 3
    assert list(d) == [k for k, _ in KEYS]
    assert Settings.from_dict(d) == SIVERS
    assert Settings.from_dict({}) == DEFAULT
    s = DEFAULT.with_value("cadence.close", "21").with_value("coefficient.loop", "2.5")
    assert (s.cadence("close"), s.coef_loop) == (21, 2.5)
    assert DEFAULT.with_value("cadence.network", "never").cadence("network") is None
    assert DEFAULT.with_value("daily_max", " 5 ").daily_max == 5


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("cadence.close", "0"),
        ("cadence.close", "1.5"),
        ("cadence.close", "soon"),
        ("weekly_energy", "-1"),
        ("daily_max", "0"),
        ("coefficient.time_apart", "-0.1"),
        ("coefficient.time_apart", "nan"),
        ("closeness.core", "6"),
    ],
)
def test_settings_refuse_bad_values(key: str, raw: str) -> None:
    with pytest.raises(InputError, match=re.escape(key)):
        DEFAULT.with_value(key, raw)


def test_settings_refuse_unknown_keys_helpfully() -> None:
    with pytest.raises(InputError) as err:
        DEFAULT.with_value("cadense.close", "3")
    assert "cadence.close" in err.value.message
    assert "daily_max" in err.value.message
    assert err.value.hint == "Did you mean cadence.close?"
    with pytest.raises(InputError):
        Settings.from_dict({"nope": 1})
    with pytest.raises(InputError):
        Settings.from_dict({"daily_max": True})
    assert all(desc and "\n" not in desc for _, desc in KEYS)
