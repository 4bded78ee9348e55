"""The Rich console every renderer prints through.

``markup=False`` and ``emoji=False``: user text is always printed as typed
(a name like ``Eve [/]`` or ``:wave:`` stays itself); styling is applied with
``Text`` objects instead. Rich honours ``NO_COLOR`` and the terminal's width.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(data: Any) -> str:
    """The JSON every `--json` prints: UTF-8 as typed, two-space indent, dates and times in ISO 8601."""
    import json

    from quietnet.core.text import json_escaped

    # json escapes C0 controls itself; C1 and bidirectional ones would reach the terminal raw.
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2, default=_iso))
