"""`net settings set my_emails`: your own addresses (core/me.py, store/me.py), kept as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, dump, ok, refused

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(autouse=True)
def addresses(net: Net) -> None:
    ok(net, "settings", "set", "my_emails", "Me@Example.net, me.too@example.net")


def test_my_emails_are_checked_lower_cased_and_shown(net: Net, store: Path) -> None:
    assert (
        ok(net, "settings", "set", "my_emails", "A@X.org;b@y.com  a@x.org")
        == "my_emails is now a@x.org, b@y.com.\n"
    )
    assert ok(net, "settings", "--all").splitlines()[-3:] == [  # a long value: its own line, columns kept
        "smtp_url                    none  the mail server net remind email sends through"
        " (no password in it)",
        "my_emails                         your own addresses, for net capture mail and net remind"
        "  (default none)",
        "                                  a@x.org, b@y.com",
    ]
    assert refused(net, store, "settings", "set", "my_emails", "a@x.org, nope") == (
        '"nope" does not look like an email address.\n'
    )
    assert ok(net, "settings", "reset", "my_emails") == "my_emails is back to none.\n"
    assert ok(net, "settings", "--all").splitlines()[-1] == (
        "my_emails                   none  your own addresses, for net capture mail and net remind"
    )
    assert "Undid: Reset my_emails." in ok(net, "undo", "--yes")


def test_my_emails_travel_with_an_export(net: Net, store: Path, tmp_path: Path) -> None:
    document = json.loads(ok(net, "export", "json"))
    assert document["settings"] == {"my_emails": ["me@example.net", "me.too@example.net"]}
    (tmp_path / "out.json").write_text(json.dumps(document), encoding="utf-8")
    other = str(tmp_path / "other.db")
    assert net("--db", other, "import", "json", str(tmp_path / "out.json")).code == 0
    assert json.loads(ok(net, "--db", other, "export", "json"))["settings"] == document["settings"]
    document["settings"] = {"my_emails": ["nobody"]}
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    result = net("--db", str(tmp_path / "third.db"), "import", "json", str(tmp_path / "bad.json"))
    assert (result.code, result.err) == (
        1,
        f'{tmp_path / "bad.json"}: "nobody" does not look like an email address. Nothing was imported.\n',
    )


def test_my_emails_is_a_word_setting_like_review_day_and_smtp_url(
    net: Net, store: Path, tmp_path: Path
) -> None:
    ok(net, "settings", "set", "review_day", "fri")
    shown = json.loads(ok(net, "settings", "--json"))
    assert {k: shown[k] for k in ("review_day", "smtp_url", "my_emails")} == {
        "review_day": "friday",
        "smtp_url": "",
        "my_emails": ["me@example.net", "me.too@example.net"],
    }
    assert ok(net, "settings", "reset", "--yes") == "Every setting is back to its default.\n"
    shown = json.loads(ok(net, "settings", "--json"))
    assert (shown["review_day"], shown["my_emails"]) == ("monday", ["me@example.net", "me.too@example.net"])
    result = net("settings", "set", "my_email", "a@x.org")
    assert result.code == 1
    assert "review_day, smtp_url, my_emails." in result.err
    assert "Did you mean my_emails?" in result.err
    document = json.loads(ok(net, "export", "json"))
    document["settings"] = {"my_emails": ["Me@Example.net"]}  # not as net settings set keeps it
    (tmp_path / "upper.json").write_text(json.dumps(document), encoding="utf-8")
    before = dump(store)
    result = net("import", "json", str(tmp_path / "upper.json"), "--replace", "--yes")
    assert (result.code, result.err) == (
        1,
        f"{tmp_path / 'upper.json'}: The setting my_emails holds a value net settings set my_emails would"
        " refuse. Nothing was imported.\n",
    )
    assert dump(store) == before
