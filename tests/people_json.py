"""A person as `net show --json` and `net list --json` give them, and every field of `net add`."""

from __future__ import annotations

import json
from typing import Any

from tests.helpers import Net, ok


def shown(net: Net, who: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(net, "show", who, "--json"))
    return data


def person(net: Net, who: str) -> dict[str, Any]:
    """The person part of `show --json`, without the values the clock decides."""
    data: dict[str, Any] = shown(net, who)["person"]
    for key in ("uuid", "created_at", "updated_at"):
        data.pop(key)
    return data


def listed(net: Net, *args: str) -> list[str]:
    return [p["name"] for p in json.loads(ok(net, "list", *args, "--json"))]


EVERY_FIELD = (
    "--nickname", "ani", "--circle", "close", "--closeness", "4", "--kin", "--cadence", "every 6 weeks",
    "--met", "2019-05-01", "--how-met", "at a climbing gym", "--origin", "colleague", "--company", "Acme",
    "--role", "Designer", "--city", "Lisbon", "--email", "ana@example.com", "--phone", "+351 912 345 678",
    "--birthday", "1990-06-21", "--interests", "climbing, ceramics", "--note", "Prefers mornings",
    "--tag", "Climbing", "--tag", "novel",
)  # fmt: skip

EVERY_FIELD_JSON: dict[str, Any] = {
    "id": 1,
    "name": "Ana Ruiz",
    "nickname": "ani",
    "circle": "close",
    "closeness": 4,
    "kin": True,
    "cadence_days": 42,
    "met_on": "2019-05-01",
    "how_met": "at a climbing gym",
    "origin": "colleague",
    "company": "Acme",
    "role": "Designer",
    "city": "Lisbon",
    "email": "ana@example.com",
    "phone": "+351 912 345 678",
    "birthday": "1990-06-21",
    "interests": "climbing, ceramics",
    "notes": "Prefers mornings",
    "snoozed_until": None,
    "archived_at": None,
    "tags": ["climbing", "novel"],
}

EMPTY_JSON: dict[str, Any] = {
    "id": 1,
    "name": "Ana Ruiz",
    "nickname": None,
    "circle": "network",
    "closeness": None,
    "kin": False,
    "cadence_days": None,
    "met_on": None,
    "how_met": None,
    "origin": None,
    "company": None,
    "role": None,
    "city": None,
    "email": None,
    "phone": None,
    "birthday": None,
    "interests": None,
    "notes": None,
    "snoozed_until": None,
    "archived_at": None,
    "tags": [],
}
