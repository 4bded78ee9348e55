"""Settings stored in the database, so every machine sharing it agrees."""

from __future__ import annotations

import json

from quietnet.db import Session
from quietnet.settings import Settings
from quietnet.store import journal


def load(s: Session) -> Settings:
    rows = s.all("SELECT name, value FROM setting")
    return Settings.from_dict({r["name"]: json.loads(r["value"]) for r in rows})


def save(s: Session, settings: Settings) -> None:
    """Store every value that differs from the default; forget the rest."""
    wanted = {k: v for k, v in settings.to_dict().items() if Settings().to_dict().get(k) != v}
    stored = {r["name"]: r["value"] for r in s.all("SELECT name, value FROM setting")}
    for name in stored.keys() - wanted.keys():
        journal.delete(s, "setting", "name = ?", (name,))
    for name, value in wanted.items():
        text = json.dumps(value)
        if name not in stored:
            journal.insert(s, "setting", {"name": name, "value": text})
        elif stored[name] != text:
            journal.update(s, "setting", (name,), {"value": text})
