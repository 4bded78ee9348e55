"""The review_day and smtp_url settings and their rules: the mail server URL, the review's week."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quietnet.core.mailserver import masked, parse
from quietnet.core.remind import review_week
from quietnet.core.words import weekday
from quietnet.errors import InputError
from tests.helpers import Net, refused

# -- the word settings --------------------------------------------------------------------------


def test_review_day_is_a_setting_shown_exported_and_undone(net: Net, store: Path) -> None:
    assert net("settings", "set", "review_day", "Fri").out == "review_day is now friday.\n"
    shown = net("settings", "--all").out.split("\n")
    assert any(
        line.startswith("review_day") and "friday" in line and "(default monday)" in line for line in shown
    )
    assert json.loads(net("export", "json").out)["settings"] == {"review_day": "friday"}
    assert net("settings").code == 0  # the numeric settings still load beside it
    assert net("undo", "--yes").code == 0
    assert json.loads(net("export", "json").out)["settings"] == {}
    assert net("settings", "set", "review_day", "tue").code == 0
    assert net("settings", "reset", "review_day").out == "review_day is back to monday.\n"
    assert net("settings", "set", "review_day", "tue").code == 0
    assert net("settings", "reset", "--yes").code == 0
    assert json.loads(net("export", "json").out)["settings"] == {}


def test_word_settings_survive_export_and_import(net: Net, store: Path, tmp_path: Path) -> None:
    assert net("settings", "set", "smtp_url", "smtps://me%40x.org@smtp.x.org:465").code == 0
    assert net("settings", "set", "review_day", "sunday").code == 0
    exported = tmp_path / "out.json"
    assert net("export", "json", "--output", str(exported)).code == 0
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(exported), "--yes").code == 0, "import"
    shown = net("--db", str(other), "settings", "--all").out
    assert "smtps://me%40x.org@smtp.x.org:465" in shown
    assert "sunday" in shown


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["review_day", "blursday"],
            "review_day is a day of the week, like monday or friday, not 'blursday'.",
        ),
        (
            ["smtp_url", "smtp://me:hunter2@mail.example.org"],
            "The store keeps no passwords: set smtp_url to smtp://me@mail.example.org:587 and keep the "
            "password in NET_SMTP_PASSWORD or the system keyring (docs/reminders.md).",
        ),
        (
            ["smtp_url", "smtp+plain://mail.example.org"],
            "smtp+plain:// sends without encryption, so it is only for a relay on this machine (127.0.0.1, "
            "localhost or ::1), not mail.example.org; use smtp:// or smtps:// for mail.example.org.",
        ),
    ],
)
def test_word_settings_refuse_what_they_cannot_keep(
    net: Net, store: Path, args: list[str], said: str
) -> None:
    net("list")
    assert refused(net, store, "settings", "set", *args) == said + "\n"
    assert "hunter2" not in said


def test_the_mail_server_url_rules() -> None:
    server = parse("SMTPS://me%40x.org:p%40ss@[::1]")
    assert (server.scheme, server.host, server.port, server.user, server.password) == (
        "smtps", "::1", 465, "me@x.org", "p@ss",
    )  # fmt: skip
    assert server.shown == "smtps://me%40x.org:***@[::1]:465"
    assert "p@ss" not in repr(server)
    assert parse("smtp+plain://localhost").port == 25
    assert masked("smtp://me:pa@ss@host:25/x") == "smtp://me:***@host:25/x"
    assert masked("smtp://host") == "smtp://host"
    with pytest.raises(InputError, match="names no host"):
        parse("smtp://me@")


def test_the_review_comes_on_its_day_and_covers_the_week_so_far() -> None:
    monday, thursday = date(2025, 6, 16), date(2025, 6, 19)
    assert review_week(thursday, "monday") is None
    assert review_week(monday, "monday") == date(2025, 6, 15)  # the week just past
    assert review_week(thursday, "thursday") == date(2025, 6, 18)  # this week so far
    assert review_week(thursday, "monday", forced=True) == date(2025, 6, 18)
    assert weekday(" SUN ") == "sunday"
    with pytest.raises(InputError):
        weekday("t")  # tuesday or thursday


def test_an_import_with_a_word_setting_it_cannot_keep_is_refused(
    net: Net, store: Path, tmp_path: Path
) -> None:
    assert net("settings", "set", "review_day", "sunday").code == 0
    exported = tmp_path / "out.json"
    assert net("export", "json", "--output", str(exported)).code == 0
    document = json.loads(exported.read_text())
    document["settings"]["review_day"] = "blursday"
    exported.write_text(json.dumps(document))
    other = tmp_path / "other.db"
    result = net("--db", str(other), "import", "json", str(exported), "--yes")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"{exported}: review_day is a day of the week, like monday or friday, not 'blursday'. "
        "Nothing was imported.\n"
    )
    assert not other.exists()
