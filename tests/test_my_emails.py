"""`net settings set my_emails`: your own addresses (core/me.py, store/me.py), kept as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, ok, refused

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(autouse=True)
def addresses(net: Net) -> None:
    ok(net, "settings", "set", "my_emails", "Me@Example.net, me.too@example.net")


def test_my_emails_are_checked_lower_cased_and_shown(net: Net, store: Path) -> None:
    assert (
        ok(net, "settings", "set", "my_emails", "A@X.org;b@y.com  a@x.org")
        == "my_emails is now a@x.org, b@y.com.\n"
    )
    assert ok(net, "settings", "--all").splitlines()[-1] == (
        "my_emails: a@x.org, b@y.com (your own addresses, for net capture mail)"
    )
    assert refused(net, store, "settings", "set", "my_emails", "a@x.org, nope") == (
        '"nope" does not look like an email address.\n'
    )
    assert ok(net, "settings", "reset", "my_emails") == "my_emails is now empty.\n"
    assert ok(net, "settings", "--all").splitlines()[-1].startswith("my_emails: none yet")
    assert "Undid: Reset my_emails." in ok(net, "undo", "--yes")


def test_my_emails_travel_with_an_export(net: Net, store: Path, tmp_path: Path) -> None:
    document = json.loads(ok(net, "export", "json"))
    assert document["settings"] == {"my_emails": ["me@example.net", "me.too@example.net"]}
    (tmp_path / "out.json").write_text(json.dumps(document), encoding="utf-8")
    other = str(tmp_path / "other.db")
    assert net("--db", other, "import", "json", str(tmp_path / "out.json")).code == 0
    assert json.loads(ok(net, "--db", other, "export", "json"))["settings"] == document["settings"]
    document["settings"] = {"my_emails": ["not an address"]}
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    result = net("--db", str(tmp_path / "third.db"), "import", "json", str(tmp_path / "bad.json"))
    assert (result.code, result.err) == (
        1,
        f'{tmp_path / "bad.json"}: "not an address" does not look like an email address.'
        " Nothing was imported.\n",
    )
