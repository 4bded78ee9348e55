"""`net remind install | uninstall`: the systemd units and the cron line, and their refusals.

The unit files are checked with `systemd-analyze verify` where it is installed. No systemctl.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest

from quietnet.core import timer
from tests.helpers import Net, refused

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
