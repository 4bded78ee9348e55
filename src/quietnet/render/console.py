"""The Rich console every renderer prints through.

``markup=False`` and ``emoji=False``: user text is always printed as typed
(a name like ``Eve [/]`` or ``:wave:`` stays itself); styling is applied with
``Text`` objects instead. Rich honours ``NO_COLOR`` and the terminal's width.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def console() -> Console:
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False)


def to_json(data: Any) -> str:
    """The JSON every `--json` prints: UTF-8 as typed, two-space indent, dates as ISO."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
