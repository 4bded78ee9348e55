"""The bad-input catalogue, part 4: numbers and days past every limit, missing extras.

Each of these once ended in a traceback: ids beyond SQLite's 64-bit integers,
an encoding that is not a text encoding, a day at the very end of the
calendar, a PostgreSQL URL without psycopg2 installed, `net edit` with nothing
to change. Each is refused with one calm sentence, and the store's export and
bytes stay as they were.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.catalogue import Refusal, build_seeded, check_refused, export, ids
from tests.helpers import Net, files, seed

HUGE = "99999999999999999999999"
LAST_DAY = (
    "That reaches past 9999-12-31, the last day the calendar holds; choose a day before 2200. "
    "Nothing was changed."
)

LIMITS = [
    Refusal(("done", HUGE), f"There is no loop with the id {HUGE}; net loops lists the open ones."),
    Refusal(("show", f"#{HUGE}"), f"No one has the id #{HUGE}."),
    Refusal(("log", f"#{HUGE}", "call"), f"No one has the id #{HUGE}."),
    Refusal(
        ("log", "edit", HUGE, "--on", "tue"),
        f"There is no interaction #{HUGE}. net show NAME lists them with their ids.",
    ),
    Refusal(
        ("helped", "delete", f"#{HUGE}", "--yes"),
        f"There is no way you helped with the id #{HUGE}. net show NAME lists them.",
    ),
    Refusal(
        ("note", "delete", HUGE, "--yes"),
        f"There is no note #{HUGE}. net show NAME lists them with their ids.",
    ),
    Refusal(
        ("intro", "ask", "99999999999999999999"),
        "There is no introduction #99999999999999999999; net intro lists the open ones.",
    ),
    Refusal(
        ("import", "vcard", "ok.vcf", "--encoding", "rot13"),
        '"rot13" is not a text encoding; try utf-8, utf-16, cp1252 or latin-1.',
    ),
    Refusal(
        ("import", "csv", "ok.vcf", "--encoding", "base64"),
        '"base64" is not a text encoding; try utf-8, utf-16, cp1252 or latin-1.',
    ),
    Refusal(
        ("edit", "ana"), "Say what to change, e.g. --circle close or --city Lisbon; nothing was changed."
    ),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture(autouse=True)
def fresh(store: Path, seeded: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(store, seeded)
    (tmp_path / "ok.vcf").write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Baker\r\nEND:VCARD\r\n")
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("case", LIMITS, ids=ids(LIMITS))
def test_refused_calmly_and_nothing_changes(net: Net, store: Path, case: Refusal) -> None:
    check_refused(net, store, case)


@pytest.mark.parametrize(
    ("today", "args"),
    [
        ("9999-12-31", ("today",)),
        ("9999-12-31", ("due",)),
        ("9999-12-25", ("snooze", "ana", "--for", "2 weeks")),
        ("9999-12-25", ("log", "ana", "call")),
    ],
)
def test_the_last_days_of_the_calendar_are_refused_calmly(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch, today: str, args: tuple[str, ...]
) -> None:
    before, before_files = export(net), files(store)
    with monkeypatch.context() as mp:
        mp.setenv("NET_TODAY", today)
        result = net(*args)
    message = f"NET_TODAY must fall between the years 1900 and 2200, not {today}.\n"
    assert (result.code, result.out, result.err) == (3, "", message), result
    assert files(store) == before_files
    assert export(net) == before


def test_a_snooze_may_not_end_after_the_last_year_kept(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Else the store would hold a day its own export could not be imported with."""
    before, before_files = export(net), files(store)
    monkeypatch.setenv("NET_TODAY", "2200-12-25")
    result = net("snooze", "ana", "--for", "2 weeks")
    message = (
        "That would end on 2201-01-08, after 2200, the last year quietnet keeps; choose a shorter span.\n"
    )
    assert (result.code, result.out, result.err) == (1, "", message), result
    assert files(store) == before_files
    assert export(net) == before
    assert net("snooze", "ana", "--for", "6 days").code == 0  # 2200-12-31 is still kept


def test_the_bare_fast_path_says_the_same(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quietnet.cli.fastpath import run

    before = files(store)
    monkeypatch.setenv("NET_TODAY", "9999-12-31")
    assert run(["today"]) == 3
    message = "NET_TODAY must fall between the years 1900 and 2200, not 9999-12-31.\n"
    assert capsys.readouterr() == ("", message)
    assert files(store) == before


def test_a_day_past_the_calendar_is_told_calmly(capsys: pytest.CaptureFixture[str]) -> None:
    """The days a user can type stop at 2200, so this is a last guard, not a path anyone takes."""
    from quietnet.cli.boundary import calm

    assert calm(OverflowError("date value out of range")) == 1
    assert capsys.readouterr() == ("", LAST_DAY + "\n")


@pytest.mark.parametrize("args", [("list",), ("add", "Ana Ruiz"), ("copy", "--to", "net.db")])
def test_a_server_url_without_psycopg2_names_the_extra(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    before = files(store)
    monkeypatch.setitem(sys.modules, "psycopg2", None)  # import psycopg2 raises ImportError, as when missing
    url = "postgresql://ana:s3cret@127.0.0.1:1/quietnet"
    result = net("--db", url, *args)
    assert (result.code, result.out) == (3, ""), result
    assert result.err == (
        "Using postgresql://ana:***@127.0.0.1:1/quietnet needs PostgreSQL support: "
        "pip install 'quietnet[postgres]'.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.db", "ok.vcf"]
    assert files(store) == before


DEVNULL = (
    "/dev/null is not a regular file (a device, a pipe or a socket), so it can't hold a store; "
    "give the path of a .db file. Nothing was written."
)


@pytest.mark.parametrize(
    "args", [("list",), ("add", "Ana Ruiz"), ("backup",), ("restore", "net.db", "--yes"), ("backups",)]
)
def test_a_device_is_never_a_store(net: Net, store: Path, args: tuple[str, ...]) -> None:
    before = files(store)
    result = net("--db", "/dev/null", *args)
    assert (result.code, result.out, result.err) == (3, "", DEVNULL + "\n"), result
    assert not Path("/dev/null-journal").exists()
    assert Path("/dev/null").is_char_device()
    assert files(store) == before


def test_doctor_names_a_device_as_no_store(net: Net) -> None:
    result = net("--db", "/dev/null", "doctor")
    assert result.code == 1
    assert f"  - {DEVNULL}\n" in result.out
    assert not Path("/dev/null-journal").exists()


def test_a_migration_error_carries_no_sqlalchemy_text(
    net: Net, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from alembic import command
    from sqlalchemy.exc import OperationalError

    def fail(*args: object, **kwargs: object) -> None:
        raise OperationalError("PRAGMA x", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(command, "upgrade", fail)
    store.unlink()  # a new store: the migration creates its tables
    result = net("list")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"Created a new quietnet store at {store}\n"
        f"Could not prepare the store at {store}: disk I/O error; nothing was changed.\n"
    )
    assert "sqlalche" not in result.err.casefold()


def test_a_reader_that_left_ends_the_command_quietly(capsys: pytest.CaptureFixture[str]) -> None:
    """`net export json | head`: the pipe closed early is no failure to report."""
    import errno

    from quietnet.cli.boundary import calm

    assert calm(BrokenPipeError(errno.EPIPE, "Broken pipe")) == 141  # as a shell reports SIGPIPE
    assert capsys.readouterr() == ("", "")
