"""Settings stored in the database, so every machine sharing it agrees."""

from __future__ import annotations

from quietnet.core.me import MY_EMAILS
from quietnet.core.settings import DEFAULT, Settings
from quietnet.engine.sqlite import Session
from quietnet.store import journal

# Other features keep their settings in the same table under their own prefix
# (`net event budget` stores `events.monthly_budget`, your addresses are `my_emails`): the
# scheduler skips them.
OTHER_PREFIXES: tuple[str, ...] = ("events.", MY_EMAILS)


def _rows(s: Session) -> list[tuple[str, str]]:
    rows = s.all("SELECT name, value FROM setting")
    return [(r["name"], r["value"]) for r in rows if not r["name"].startswith(OTHER_PREFIXES)]


def load(s: Session) -> Settings:
    rows = _rows(s)
    if not rows:
        return DEFAULT  # the usual case: nothing tuned, no JSON to read
    import json

    return Settings.from_dict({name: json.loads(value) for name, value in rows})


def save(s: Session, settings: Settings) -> None:
    """Store every value that differs from the default; forget the rest."""
    import json

    wanted = {k: v for k, v in settings.to_dict().items() if Settings().to_dict().get(k) != v}
    stored = dict(_rows(s))
    for name in stored.keys() - wanted.keys():
        journal.delete(s, "setting", "name = ?", (name,))
    for name, value in wanted.items():
        text = json.dumps(value)
        if name not in stored:
            journal.insert(s, "setting", {"name": name, "value": text})
        elif stored[name] != text:
            journal.update(s, "setting", (name,), {"value": text})
