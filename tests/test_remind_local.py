"""`net remind notify | install | uninstall`, the review_day and smtp_url settings, and their rules.

Notifications go to a fake `notify-send` on PATH that writes its arguments to a file; the
unit files are checked with `systemd-analyze verify` where it is installed. No systemctl.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from quietnet.core import timer
from quietnet.core.mailserver import masked, parse
from quietnet.core.remind import review_week
from quietnet.core.words import weekday
from quietnet.errors import InputError
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


# -- install / uninstall ---------------------------------------------------------------------


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The systemd user folder, under a private XDG_CONFIG_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "systemd" / "user"


EMAIL = ("--email", "--to", "me@example.org", "--smtp", "smtp+plain://127.0.0.1:25")


def _net_path() -> str:
    return str(Path(sys.executable).parent / "net")


def test_install_writes_the_service_and_timer(net: Net, store: Path, units: Path) -> None:
    result = net("remind", "install", "--at", "8:05", *EMAIL)
    assert (result.code, result.err) == (0, "")
    service, timer_file = units / timer.SERVICE, units / timer.TIMER
    assert result.out == (
        f"Wrote {service} and {timer_file}.\n"
        "To start it: systemctl --user daemon-reload && systemctl --user enable --now quietnet-remind.timer\n"
    )
    assert service.read_text() == (
        f"{timer.MARK}\n[Unit]\nDescription=quietnet: today's list by email\n\n[Service]\nType=oneshot\n"
        f'Environment="NET_DB={store}"\nExecStart="{_net_path()}" "remind" "email" "--to" "me@example.org" '
        '"--smtp" "smtp+plain://127.0.0.1:25"\n'
    )
    assert timer_file.read_text() == (
        f"{timer.MARK}\n[Unit]\nDescription=quietnet: today's list by email at 08:05\n\n[Timer]\n"
        "OnCalendar=*-*-* 08:05:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )


def test_the_units_pass_systemd_analyze_verify(net: Net, units: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed: the unit files are checked where it is")
    assert net("remind", "install", "--at", "18:30", "--notify").code == 0
    checked = subprocess.run(
        [analyze, "verify", "--man=no", timer.TIMER, timer.SERVICE],
        cwd=units, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


def test_a_path_with_spaces_quotes_and_percent_is_escaped_for_systemd() -> None:
    written = timer.units(
        ['/opt/my "net"/100%/net', "remind", "email"], db="/a b/n%t.db", when=time(7), what="x"
    )
    service = written[timer.SERVICE]
    assert 'Environment="NET_DB=/a b/n%%t.db"\n' in service
    assert 'ExecStart="/opt/my \\"net\\"/100%%/net" "remind" "email"\n' in service
    line = timer.cron_line(["/opt/my net/net", "remind", "notify"], db="/x/100%.db", when=time(7, 45))
    assert line == "45 7 * * * NET_DB=/x/100\\%.db '/opt/my net/net' remind notify"


def test_dry_run_prints_the_files_and_writes_nothing(net: Net, units: Path) -> None:
    result = net("remind", "install", "--at", "08:30", "--notify", "--dry-run")
    assert result.code == 0, result
    assert result.out.startswith(f"Would write {units / timer.SERVICE}:\n{timer.MARK}\n")
    assert f"Would write {units / timer.TIMER}:\n" in result.out
    assert 'ExecStart="' + _net_path() + '" "remind" "notify"' in result.out
    assert result.out.endswith(f"Then: {timer.ENABLE}\n")
    assert not units.exists()


def test_cron_prints_the_line_and_writes_nothing(net: Net, store: Path, units: Path) -> None:
    result = net("remind", "install", "--at", "07:45", *EMAIL, "--cron")
    assert result.code == 0, result
    assert result.out == (
        f"45 7 * * * NET_DB={store} {_net_path()} remind email --to me@example.org "
        "--smtp smtp+plain://127.0.0.1:25\n\nAdd it to your crontab with crontab -e.\n"
    )
    assert not units.exists()


def test_uninstall_removes_only_what_install_wrote(net: Net, units: Path) -> None:
    assert net("remind", "install", "--at", "08:30", *EMAIL).code == 0
    other = units / "other.timer"
    other.write_text("[Timer]\n")
    result = net("remind", "uninstall")
    assert result.out == (
        f"Removed {units / timer.TIMER} and {units / timer.SERVICE}.\nThen: systemctl --user daemon-reload\n"
    )
    assert sorted(p.name for p in units.iterdir()) == ["other.timer"]
    again = net("remind", "uninstall")
    assert again.out == f"No reminder timer to remove (none in {units}).\n"


def test_a_unit_written_by_hand_is_never_replaced_or_removed(net: Net, store: Path, units: Path) -> None:
    units.mkdir(parents=True)
    mine = units / timer.SERVICE
    mine.write_text("[Service]\nExecStart=/bin/true\n")
    assert refused(net, store, "remind", "install", "--at", "08:30", *EMAIL) == (
        f"{mine} is already there and was not written by net remind install; nothing was written. "
        "Move it away first, or keep using it.\n"
    )
    assert not (units / timer.TIMER).exists()
    result = net("remind", "uninstall")
    assert result.out == f"Left {mine} as it is: net remind install did not write it.\n"
    assert mine.read_text() == "[Service]\nExecStart=/bin/true\n"


def test_uninstall_asks_to_disable_an_enabled_timer_first(net: Net, store: Path, units: Path) -> None:
    assert net("remind", "install", "--at", "08:30", *EMAIL).code == 0
    wants = units / "timers.target.wants"
    wants.mkdir()
    (wants / timer.TIMER).symlink_to(units / timer.TIMER)
    assert refused(net, store, "remind", "uninstall") == (
        "The reminder timer is still enabled: run systemctl --user disable --now "
        "quietnet-remind.timer first, then net remind uninstall, then systemctl --user daemon-reload.\n"
    )
    assert (units / timer.TIMER).exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--at", "8.30", "--email"], "--at takes a time of day as HH:MM, like 08:30 or 18:05, not '8.30'."),
        (
            ["--at", "24:00", "--email"],
            "--at takes a time of day as HH:MM, like 08:30 or 18:05, not '24:00'.",
        ),
        (["--at", "08:30"], "Choose one: --email or --notify."),
        (["--at", "08:30", "--email", "--notify"], "Choose one: --email or --notify."),
    ],
)
def test_install_refusals(net: Net, store: Path, units: Path, args: list[str], said: str) -> None:
    assert refused(net, store, "remind", "install", *args) == said + "\n"
    assert not units.exists()


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


def test_nothing_is_written_by_a_dry_run(net: Net, store: Path, news: str) -> None:
    before = files(store)
    assert net("remind", "email", "--to", "me@example.org", "--dry-run").code == 0
    assert files(store) == before


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


def test_a_store_on_a_server_is_not_written_into_the_service(
    net: Net, units: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NET_DATABASE_URL", "postgresql://me:secret@db.example.org/quietnet")
    result = net("remind", "install", "--at", "08:30", "--notify", "--dry-run")
    assert result.code == 0, result
    assert result.out.startswith(
        "Your store is on a database server: add NET_DATABASE_URL to the service yourself "
        "(docs/reminders.md); the timer is not given it, since it may hold a password.\n"
    )
    assert "secret" not in result.out
    assert "NET_DB" not in result.out  # that file is not the store while NET_DATABASE_URL is set


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


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--email", "--smtp", "smtp+plain://127.0.0.1:25"],
            "The timer would not know who the reminder is for: give --to you@example.org, or keep your "
            "address with net settings set my_emails you@example.org; nothing was written.",
        ),
        (
            ["--email", "--to", "me@example.org"],
            "The timer would not know which mail server to use (it does not see NET_SMTP_URL): give "
            "--smtp smtps://you@host:465, or keep it with net settings set smtp_url smtps://you@host:465; "
            "nothing was written.",
        ),
        (
            ["--email", "--to", "a@x.org,b@y.org", "--smtp", "smtp+plain://127.0.0.1:25"],
            "--to takes one email address, like you@example.org, not 'a@x.org,b@y.org'.",
        ),
        (
            ["--email", "--to", "me@example.org", "--smtp", "smtps://me:secret@mail.example.org"],
            "The store keeps no passwords: set smtp_url to smtps://me@mail.example.org:465 and keep the "
            "password in NET_SMTP_PASSWORD or the system keyring (docs/reminders.md).",
        ),
        (["--notify", "--to", "me@example.org"], "--to, --from and --smtp go with --email, not --notify."),
    ],
)
def test_install_email_refuses_a_timer_that_could_never_send(
    net: Net, store: Path, units: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    monkeypatch.setenv("NET_SMTP_URL", "smtp+plain://127.0.0.1:25")  # a timer never sees it
    assert refused(net, store, "remind", "install", "--at", "08:30", *args) == said + "\n"
    assert not units.exists()


def test_install_email_uses_the_settings_and_quotes_to_and_from(
    net: Net, store: Path, units: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert net("settings", "set", "smtp_url", "smtps://me@mail.example.org:465").code == 0
    result = net(
        "remind", "install", "--at", "08:30", "--email", "--to", "o'neil@example.org",
        "--from", "me@example.org", "--cron",
    )  # fmt: skip
    assert result.code == 0, result
    assert result.out.startswith(
        f"30 8 * * * NET_DB={store} {_net_path()} remind email --to 'o'\"'\"'neil@example.org' "
        "--from me@example.org\n"
    )


def test_install_with_to_and_smtp_opens_no_store(
    net: Net, units: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = tmp_path / "none-yet" / "net.db"
    monkeypatch.setenv("NET_DB", str(fresh))
    result = net("remind", "install", "--at", "08:30", *EMAIL, "--dry-run")
    assert (result.code, result.err) == (0, ""), result
    assert '"--to" "me@example.org" "--smtp" "smtp+plain://127.0.0.1:25"' in result.out
    assert not fresh.exists()
    assert not units.exists()
