"""The JSON Schemas in docs/schemas/, checked against what `net` prints (issue 16).

``Net`` (tests/helpers.py) calls ``conform`` after every successful command, so
every `net export json`, `due --json`, `today --json`, `why --json`,
`review --json` and `capture mail --json` the test suite runs is checked against its published schema.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

FOLDER = Path(__file__).resolve().parent.parent / "docs" / "schemas"
NAMES = ("export", "due", "today", "why", "review", "capture")  # docs/schemas/<name>.schema.json
FLAGGED = ("due", "today", "why", "review")  # commands whose --json output has the schema of their name


def load(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((FOLDER / f"{name}.schema.json").read_text(encoding="utf-8"))
    return document


@cache
def validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator  # local: only tests that print JSON pay for it

    schema = load(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_for(args: list[str]) -> str | None:
    """Which schema the output of ``net ARGS`` follows, or None when it is not one of ours."""
    words = [a for a in args if not a.startswith("-")]
    if "--db" in args:  # a global option's value is not a command word
        words.remove(args[args.index("--db") + 1])
    if words[:2] == ["export", "json"]:
        return "export"
    if words[:1] == ["capture"] and "--json" in args:
        return "capture"
    if words and words[0] in FLAGGED and "--json" in args:
        return words[0]
    return None


def conform(args: list[str], out: str) -> None:
    """Fail when ``out``, the standard output of ``net ARGS``, breaks its published schema."""
    name = schema_for(args)
    if name is None or not out.startswith("{"):  # -o FILE: the document went to the file
        return
    errors = sorted(validator(name).iter_errors(json.loads(out)), key=lambda e: list(e.path))
    assert not errors, f"net {' '.join(args)} breaks docs/schemas/{name}.schema.json: " + "; ".join(
        f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message[:200]}" for e in errors[:5]
    )
