"""`net remind notify`, and `net remind email` up to the server: its dry run, its refusals.

Notifications go to a fake `notify-send` on PATH that writes its arguments to a file.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import sys
from pathlib import Path

import pytest

from quietnet.ops.notify import arguments, clean
from tests.helpers import Net, files, refused

SEP = "\x1f"  # the fake notifier writes its arguments separated by this


@pytest.fixture
def news(net: Net, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("NET_SMTP_URL", raising=False)
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    assert net("promise", "ana", "send the book").code == 0
    today = net("today")
    assert today.code == 0
    return today.out


@pytest.fixture
def notifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake notify-send, alone on PATH: it records its argv (one file) and exits 0."""
    folder = tmp_path / "bin"
    folder.mkdir()
    record = tmp_path / "argv"
    script = folder / "notify-send"
    script.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"open({str(record)!r}, 'w', encoding='utf-8').write({SEP!r}.join(sys.argv[1:]))\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return record


def test_notify_passes_today_as_arguments(net: Net, news: str, notifier: Path) -> None:
    result = net("remind", "notify")
    assert (result.code, result.err) == (0, "")
    assert result.out == "Shown with notify-send.\n"
    title, _, body = news.rstrip("\n").partition("\n")
    assert notifier.read_text(encoding="utf-8").split(SEP) == ["--app-name=quietnet", title, body.strip("\n")]


def test_notify_strips_control_characters(net: Net, store: Path, notifier: Path) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    with sqlite3.connect(store) as db:  # what an older version or another program may have stored
        db.execute("UPDATE person SET name = 'Ana\x1b[2J\tRuiz\x07'")
    assert net("remind", "notify").code == 0
    shown = notifier.read_text(encoding="utf-8")
    assert "Ana[2J Ruiz:" in shown
    assert not any(ord(c) < 32 and c != "\n" for c in shown.replace(SEP, ""))


def test_clean_removes_every_control_character_but_line_breaks() -> None:
    assert clean("a\x1b[31mb\x07\tc\nd\x00") == "a[31mb c\nd"
    program = Path("/usr/bin/osascript")
    said = arguments(program, "Title", 'say "hi" \\ & end')
    assert said[-2:] == ["Title", 'say "hi" \\ & end']  # arguments of the script, never its source


def test_a_quiet_day_shows_nothing_unless_always(net: Net, notifier: Path) -> None:
    result = net("remind", "notify")
    assert (result.code, result.out) == (0, "A quiet day: nothing to show (--always shows it anyway).\n")
    assert not notifier.exists()
    assert net("remind", "notify", "--always").code == 0
    assert notifier.read_text(encoding="utf-8").split(SEP)[1] == "Thursday 19 June 2025"


def test_no_notifier_says_so_and_suggests_email(
    net: Net, store: Path, news: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert refused(net, store, "remind", "notify") == (
        "No desktop notifier was found (notify-send on Linux, from libnotify; osascript on macOS); "
        "net remind email sends the same list by email.\n"
    )


def test_a_notifier_that_ends_badly_is_exit_3(net: Net, news: str, notifier: Path) -> None:
    script = Path(os.environ["PATH"]) / "notify-send"
    script.write_text("#!/bin/sh\nexit 4\n")
    result = net("remind", "notify")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        "notify-send could not show the notification (it ended with status 4); "
        "net remind email sends the same list.\n"
    )


def test_nothing_is_written_by_a_dry_run(net: Net, store: Path, news: str) -> None:
    before = files(store)
    assert net("remind", "email", "--to", "me@example.org", "--dry-run").code == 0
    assert files(store) == before


def test_notify_dry_run_shows_the_command_and_runs_nothing(net: Net, news: str, notifier: Path) -> None:
    result = net("remind", "notify", "--dry-run")
    assert result.code == 0, result
    program = Path(os.environ["PATH"]) / "notify-send"
    assert result.out.startswith(f"{program} --app-name=quietnet 'Thursday 19 June 2025' 'A few people")
    assert not notifier.exists()


def test_notify_dry_run_is_shell_quoted(net: Net, store: Path, notifier: Path) -> None:
    assert net("add", "Ana $(rm -rf ~) Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    result = net("remind", "notify", "--dry-run")
    assert result.code == 0, result
    words = shlex.split(result.out)
    assert words[1:3] == ["--app-name=quietnet", "Thursday 19 June 2025"]
    assert "Ana $(rm -rf ~) Ruiz" in words[3]
    assert len(words) == 4
    assert not notifier.exists()


def test_notify_send_body_is_markup_escaped_and_bidi_free(net: Net, store: Path, notifier: Path) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    with sqlite3.connect(store) as db:  # what an older version or another program may have stored
        db.execute("UPDATE person SET name = ?", ("Ana <b>&</b> \"R\u202eiz\u2066\u2069'",))
    assert net("remind", "notify").code == 0
    body = notifier.read_text(encoding="utf-8").split(SEP)[2]
    assert "Ana &lt;b&gt;&amp;&lt;/b&gt; &quot;Riz&#39;:" in body
    assert not any(c in body for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069<>")


def test_clean_removes_bidi_controls_and_osascript_gets_no_entities() -> None:
    assert clean("a\u202eb\u2067c\u202ad") == "abcd"
    said = arguments(Path("/usr/bin/osascript"), "T", "a & <b>")
    assert said[-1] == "a & <b>"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--smtp", "smtp+plain://127.0.0.1:25"],
            "Who is the reminder for? Give --to you@example.org, or keep your address with "
            "net settings set my_emails you@example.org.",
        ),
        (
            ["--to", "me@example.org"],
            "No mail server is set: give --smtp smtps://you@host:465, set NET_SMTP_URL, or keep it with "
            "net settings set smtp_url smtps://you@host:465.",
        ),
        (
            ["--to", "me@example.org", "--smtp", "smtp+plain://mail.example.org:25"],
            "smtp+plain:// sends without encryption, so it is only for a relay on this machine (127.0.0.1, "
            "localhost or ::1), not mail.example.org; use smtp:// or smtps:// for mail.example.org.",
        ),
        (
            ["--to", "me@example.org", "--smtp", "https://mail.example.org"],
            "A mail server URL starts with smtp:// (STARTTLS), smtps:// (TLS) or smtp+plain:// "
            "(a relay on this machine), not https://mail.example.org.",
        ),
        (["--to", "nobody"], "--to takes one email address, like you@example.org, not 'nobody'."),
        (
            ["--to", "a@x.org,b@y.org"],
            "--to takes one email address, like you@example.org, not 'a@x.org,b@y.org'.",
        ),
        (["--to", "@"], "--to takes one email address, like you@example.org, not '@'."),
        (["--to", "me@example"], "--to takes one email address, like you@example.org, not 'me@example'."),
        (
            ["--to", "Ana <a@x.org>"],
            "--to takes one email address, like you@example.org, not 'Ana <a@x.org>'.",
        ),
        (["--to", "a..b@x.org"], "--to takes one email address, like you@example.org, not 'a..b@x.org'."),
        (
            ["--to", "me@example.org", "--from", "me@x.org;b@y.org"],
            "--from takes one email address, like you@example.org, not 'me@x.org;b@y.org'.",
        ),
        (
            ["--to", "me@example.org", "--from", "me\x1b[31m@x"],
            "--from takes one email address, like you@example.org, not 'me\\x1b[31m@x'.",
        ),
    ],
)
def test_email_refusals_say_one_sentence_and_change_nothing(
    net: Net, store: Path, news: str, args: list[str], said: str
) -> None:
    assert refused(net, store, "remind", "email", *args) == said + "\n"


def test_one_address_is_accepted_with_localhost_and_letters_beyond_ascii() -> None:
    from quietnet.core.mailaddress import address

    assert address(" me@localhost ", what="--to") == "me@localhost"
    assert address("søren@bücher.example", what="--to") == "søren@bücher.example"
    assert address("a.b+tag@sub.example.org", what="--to") == "a.b+tag@sub.example.org"
