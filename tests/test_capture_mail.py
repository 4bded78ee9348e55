"""`net capture mail`: fixtures in the real formats (tests/fixtures/capture/), plan, write, undo."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Net, files, ok, query, refused, seed

FIXTURES = Path(__file__).parent / "fixtures" / "capture"

READ = "Read 13 messages; left out 5 (2 mailing list or bulk, 1 more than 8 recipients, 1 no usable date, "
PLAN = (
    READ
    + """1 spam or trash).
To add: 5 interactions, one per person and day.
  Ana Reyes
    2025-06-16  they wrote first (+2)  Lunch on Tuesday?
    2025-06-17  you wrote first  Your talk
    2025-06-18  they wrote first  Café tomorrow
  Jörg Müller
    2025-06-18  they wrote first  Grüße aus Köln
  Tomás Ruiz
    2025-06-17  you wrote first (+1)  Your talk
You wrote to 1 person you have not added (1 message):
  net add 'Sam Lee' --email sam@example.com   (1)
"""
)


pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

TOMAS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomás Ruiz\r\nN:Ruiz;Tomás;;;\r\n"
    "EMAIL;TYPE=home:tomas.home@example.com\r\nitem1.EMAIL:Tomas@Example.com\r\nEND:VCARD\r\n"
)


def _setup(net: Net, folder: Path, *db: str) -> None:
    """Ana and Jörg (an address each), Tomás (his addresses only in his vCard), and my_emails."""
    card = folder / "tomas.vcf"
    card.write_text(TOMAS, encoding="utf-8")
    for args in (
        ("add", "Ana Reyes", "--email", "ana@example.org"),
        ("import", "vcard", str(card)),
        ("add", "Jörg Müller", "--email", "Jorg@Example.de"),
        ("settings", "set", "my_emails", "Me@Example.net, me.too@example.net"),
    ):
        assert net(*db, *args).code == 0


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("template") / "net.db"
    _setup(Net(), tmp_path_factory.mktemp("cards"), "--db", str(path))
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(
    store: Path, known: bytes, monkeypatch: pytest.MonkeyPatch, backend: str, net: Net, tmp_path: Path
) -> Iterator[None]:
    """The template store; the fixtures' days are UTC days, so read them in UTC."""
    if backend == "sqlite":
        seed(store, known)
    else:
        _setup(net, tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def mail(tmp_path: Path) -> tuple[str, str]:
    """A copy of the Maildir folders (INBOX and Sent, as mbsync leaves them) and the Takeout mbox."""
    shutil.copytree(FIXTURES / "maildir", tmp_path / "Mail")
    shutil.copy(FIXTURES / "takeout.mbox", tmp_path / "All.mbox")
    return str(tmp_path / "Mail"), str(tmp_path / "All.mbox")


def capture(net: Net, *args: str) -> str:
    """`net capture mail ARGS`, which must succeed; its stdout (stderr names the snapshot, if any)."""
    result = net("capture", "mail", *args)
    assert result.code == 0, result
    assert result.err == "" or result.err.startswith("A snapshot of the store before this capture: "), result
    return result.out


def interactions(store: Path) -> list[tuple[object, ...]]:
    return query(
        store,
        "SELECT p.name, i.day, i.kind, i.said, i.by_them, i.note FROM interaction i"
        " JOIN interaction_person ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id"
        " ORDER BY p.name, i.day",
    )


def test_a_dry_run_shows_the_plan_and_writes_nothing(net: Net, store: Path, mail: tuple[str, str]) -> None:
    before = files(store)
    out = capture(net, *mail, "--dry-run")
    assert out == PLAN + "A dry run: nothing was written.\n"
    assert files(store) == before


def test_capture_writes_one_interaction_per_person_and_day(
    net: Net, store: Path, mail: tuple[str, str], backend: str
) -> None:
    result = net("capture", "mail", *mail, "--yes")
    assert result.out == PLAN + "Added 5 interactions with 3 people from mail. net undo takes it back.\n"
    assert result.err.startswith("A snapshot of the store before this capture: ") or backend == "pg"
    assert interactions(store) == [
        ("Ana Reyes", "2025-06-16", "message", "email", 1, "Lunch on Tuesday?"),
        ("Ana Reyes", "2025-06-17", "message", "email", 0, "Your talk"),
        ("Ana Reyes", "2025-06-18", "message", "email", 1, "Café tomorrow"),
        ("Jörg Müller", "2025-06-18", "message", "email", 1, "Grüße aus Köln"),
        ("Tomás Ruiz", "2025-06-17", "message", "email", 0, "Your talk"),
    ]
    # the thread of three messages on the 16th is one interaction, and every message is remembered
    assert query(store, "SELECT count(*) FROM captured WHERE day = '2025-06-16'") == [(3,)]
    # a captured message rests the person as a typed one does
    assert query(store, "SELECT last_touch FROM person_state WHERE person_id = 1") == [("2025-06-18",)]


def test_a_second_run_adds_nothing(net: Net, store: Path, mail: tuple[str, str]) -> None:
    capture(net, *mail, "--yes")
    before = interactions(store)
    out = capture(net, *mail, "--yes", "--since", "2025-06-01")
    assert "Nothing new to add.\n" in out
    assert "Captured before: 8 messages.\n" in out
    assert "Added" not in out
    assert interactions(store) == before


def test_a_typed_log_that_day_wins(net: Net, store: Path, mail: tuple[str, str]) -> None:
    ok(net, "log", "ana", "coffee", "--on", "2025-06-18")
    out = capture(net, *mail, "--yes")
    assert "Left as logged: 1 day that already had an interaction.\n" in out
    assert [r for r in interactions(store) if r[0] == "Ana Reyes" and r[1] == "2025-06-18"] == [
        ("Ana Reyes", "2025-06-18", "meet", "coffee", 0, None)
    ]


def test_undo_takes_the_whole_capture_back(net: Net, store: Path, mail: tuple[str, str]) -> None:
    capture(net, *mail, "--yes")
    out = ok(net, "undo", "--yes")
    assert "Undid: Captured 5 interactions with 3 people from mail.\n" in out
    assert interactions(store) == []
    assert query(store, "SELECT count(*) FROM captured") == [(0,)]
    assert query(store, "SELECT last_touch FROM person_state WHERE person_id = 1") == [(None,)]


def test_capture_on_two_days_adds_only_what_is_new(
    net: Net, store: Path, mail: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NET_TODAY", "2025-06-17")
    capture(net, *mail, "--yes")
    assert [r[1] for r in interactions(store)] == ["2025-06-16", "2025-06-17", "2025-06-17"]
    monkeypatch.setenv("NET_TODAY", "2025-06-19")
    out = capture(net, *mail, "--yes", "--since", "2025-06-10")
    assert "To add: 2 interactions, one per person and day.\n" in out
    assert [r[1] for r in interactions(store)] == [
        "2025-06-16",
        "2025-06-17",
        "2025-06-18",
        "2025-06-18",
        "2025-06-17",
    ]


def test_learn_keeps_an_address_only_for_exactly_one_person_named_so(
    net: Net, store: Path, mail: tuple[str, str]
) -> None:
    ok(net, "add", "Sam Lee")
    out = capture(net, *mail, "--dry-run", "--learn")
    assert "sam@example.com becomes Sam Lee's address (--learn).\n" in out
    assert query(store, "SELECT email FROM person WHERE name = 'Sam Lee'") == [(None,)]
    capture(net, *mail, "--yes", "--learn")
    assert query(store, "SELECT email FROM person WHERE name = 'Sam Lee'") == [("sam@example.com",)]
    assert ("Sam Lee", "2025-06-17", "message", "email", 0, "The photos") in interactions(store)


def test_learn_leaves_a_name_shared_by_two_people(net: Net, store: Path, mail: tuple[str, str]) -> None:
    ok(net, "add", "Sam Lee")
    ok(net, "add", "Sam Lee", "--nickname", "sammy", "--yes")
    out = capture(net, *mail, "--dry-run", "--learn")
    assert "becomes" not in out
    assert "  net add 'Sam Lee' --email sam@example.com   (1)\n" in out


def test_json_plan(net: Net, store: Path, mail: tuple[str, str]) -> None:
    plan = json.loads(capture(net, *mail, "--dry-run", "--json"))
    assert plan["written"] is False
    assert [(i["name"], i["day"], i["by_them"]) for i in plan["interactions"]][:2] == [
        ("Ana Reyes", "2025-06-16", True),
        ("Ana Reyes", "2025-06-17", False),
    ]
    assert plan["skipped"] == {
        "mailing list or bulk": 2, "more than 8 recipients": 1, "no usable date": 1, "spam or trash": 1,
    }  # fmt: skip
    written = json.loads(capture(net, *mail, "--yes", "--json"))  # checked against its schema by Net
    assert written == {**plan, "written": True}
    assert written["interactions"][0]["keys"] == [
        "<lunch-1@example.org>", "<lunch-2@example.net>", "<lunch-3@example.org>",
    ]  # fmt: skip


def test_me_overrides_the_setting(net: Net, store: Path, mail: tuple[str, str]) -> None:
    out = capture(net, mail[0], "--dry-run", "--me", "nobody@example.org")
    # every message now comes from someone to someone else: Ana's are "theirs", Sent ones are from Me
    assert "you wrote first" not in out


# -- refusals: the message, the exit code, and nothing written --------------------------------


def test_refused_without_an_address_of_your_own(net: Net, store: Path, mail: tuple[str, str]) -> None:
    ok(net, "settings", "reset", "my_emails")
    assert refused(net, store, "capture", "mail", mail[0], "--yes") == (
        "Your own addresses are not set, so capture can't tell which messages you wrote;"
        " nothing was captured.\n"
        'Set them with: net settings set my_emails "you@example.org" (or give --me).\n'
    )


def test_refused_for_a_path_that_does_not_exist(net: Net, store: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert refused(net, store, "capture", "mail", str(missing), "--yes") == (
        f"{missing} does not exist; nothing was captured.\n"
    )


def test_refused_for_a_file_that_is_not_a_mailbox(net: Net, store: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("Dear diary\n", encoding="utf-8")
    assert refused(net, store, "capture", "mail", str(other), "--yes") == (
        f'{other} is not a mailbox: an mbox file starts with a "From " line; nothing was captured.\n'
    )


def test_refused_for_a_folder_without_a_maildir(net: Net, store: Path, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    assert refused(net, store, "capture", "mail", str(tmp_path / "photos"), "--yes") == (
        f"{tmp_path / 'photos'} is not a mailbox: no Maildir (cur/ and new/) inside it, and it is not an mbox"
        " file; nothing was captured.\n"
    )


def test_refused_for_a_file_that_cannot_be_read(net: Net, store: Path, mail: tuple[str, str]) -> None:
    import os

    Path(mail[1]).chmod(0)
    if os.access(mail[1], os.R_OK):
        pytest.skip("running as root: every file can be read")
    assert refused(net, store, "capture", "mail", mail[1], "--yes") == (
        f"{mail[1]} can't be read (permission denied); nothing was captured.\n"
    )


def test_refused_without_a_terminal_and_without_yes(net: Net, store: Path, mail: tuple[str, str]) -> None:
    before = files(store)
    result = net("capture", "mail", *mail)
    assert result.code == 1
    assert result.out == PLAN
    assert result.err == "Add these to your store? Nothing was changed; run again with --yes to go ahead.\n"
    assert files(store) == before


def test_merging_two_people_captured_from_one_message_keeps_one_capture(
    net: Net, store: Path, mail: tuple[str, str]
) -> None:
    capture(net, *mail, "--yes")
    assert net("merge", "tomas", "ana", "--yes").code == 0  # (it names its snapshot on stderr)
    assert query(store, "SELECT count(*) FROM captured WHERE key = '<CAB=takeout-1@mail.gmail.com>'") == [
        (1,)
    ]
    assert "Nothing new to add." in capture(net, *mail, "--yes", "--since", "2025-06-01")


def test_refused_before_there_is_a_store_which_it_does_not_create(
    net: Net, tmp_path: Path, mail: tuple[str, str]
) -> None:
    new = tmp_path / "new.db"
    result = net("--db", str(new), "capture", "mail", mail[0], "--me", "me@example.net", "--dry-run")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "There is no store here yet, so no one to match; add people first (net add, net import).\n",
    )
    assert not new.exists()


def test_a_late_message_for_a_captured_day_writes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    box = tmp_path / "box"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    head = (
        "From: ana@example.org\nTo: me@example.net\nDate: Mon, 16 Jun 2025 {} +0000\nMessage-ID: <{}@x>\n\n"
    )
    (box / "cur" / "1:2,S").write_text(head.format("09:00:00", "morning"), encoding="utf-8")
    capture(net, str(box), "--yes")
    (box / "new" / "2").write_text(head.format("18:00:00", "evening"), encoding="utf-8")
    before = files(store)
    result = net("capture", "mail", str(box))  # nothing new: no question, and nothing written
    assert (result.code, result.out, result.err) == (
        0,
        "Read 2 messages.\nNothing new to add.\nCaptured before: 2 messages.\n",
        "",
    )
    assert files(store) == before
    (box / "new" / "3").write_text(
        head.format("10:00:00", "tuesday").replace("16 Jun", "17 Jun"), encoding="utf-8"
    )
    out = capture(net, str(box), "--yes")  # a new day: the late message is remembered with it
    assert out.splitlines()[-1] == "Added 1 interaction with 1 person from mail. net undo takes it back."
    assert len(interactions(store)) == 2
    assert query(store, "SELECT key FROM captured ORDER BY id") == [
        ("<morning@x>",), ("<tuesday@x>",), ("<evening@x>",)
    ]  # fmt: skip
    assert "Undid: Captured 1 interaction with 1 person from mail." in ok(net, "undo", "--yes")
    assert query(store, "SELECT key FROM captured ORDER BY id") == [("<morning@x>",)]


def test_the_plan_shows_someone_s_latest_five_days(net: Net, store: Path, tmp_path: Path) -> None:
    box = tmp_path / "box"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    for day in range(10, 17):
        (box / "cur" / f"{day}:2,S").write_text(
            f"From: ana@example.org\nTo: me@example.net\nSubject: day {day}\n"
            f"Date: {day} Jun 2025 12:00:00 +0000\nMessage-ID: <{day}@x>\n\n",
            encoding="utf-8",
        )
    assert capture(net, str(box), "--dry-run").splitlines()[1:9] == [
        "To add: 7 interactions, one per person and day.",
        "  Ana Reyes",
        "    (2 earlier days; --json lists every one)",
        "    2025-06-12  they wrote first  day 12",
        "    2025-06-13  they wrote first  day 13",
        "    2025-06-14  they wrote first  day 14",
        "    2025-06-15  they wrote first  day 15",
        "    2025-06-16  they wrote first  day 16",
    ]


def test_my_emails_and_the_capture_ledger_travel_with_net_copy(
    net: Net, store: Path, tmp_path: Path, mail: tuple[str, str]
) -> None:
    capture(net, *mail, "--yes")
    other = str(tmp_path / "copy.db")
    assert net("copy", "--to", other).code == 0
    copied = net("--db", other, "capture", "mail", *mail, "--dry-run", "--since", "2025-06-01")
    assert copied.code == 0
    assert "Nothing new to add.\nCaptured before: 8 messages.\n" in copied.out
    assert json.loads(ok(net, "--db", other, "export", "json"))["settings"]["my_emails"] == [
        "me@example.net", "me.too@example.net",
    ]  # fmt: skip


def test_an_address_no_one_could_add_is_not_listed(net: Net, store: Path, tmp_path: Path) -> None:
    box = tmp_path / "box"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    for n, address in enumerate(("x" * 300 + "@example.org", "a\x07b@example.org", "sam@example.com")):
        (box / "cur" / f"{n}:2,S").write_text(
            f"From: me@example.net\nTo: Someone <{address}>\nDate: 16 Jun 2025 12:00:00 +0000\n"
            f"Message-ID: <{n}@x>\n\n",
            encoding="utf-8",
        )
    out = capture(net, str(box), "--dry-run", "--learn")
    assert out.splitlines()[2:] == [
        "You wrote to 1 person you have not added (1 message):",
        "  net add Someone --email sam@example.com   (1)",
        "A dry run: nothing was written.",
    ]
