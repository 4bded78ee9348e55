"""io/mail_read.py: Maildirs and mbox files read header by header, into core.capture.Scan."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from quietnet.errors import InputError
from quietnet.io.mail_read import card_emails, scan

FIXTURES = Path(__file__).parent / "fixtures" / "capture"
ME = {"me@example.net"}
JUNE = {"since": date(2025, 6, 1), "until": date(2025, 6, 19)}
ANA = "From: ana@example.org\nTo: me@example.net\n"
MONDAY = "Date: Mon, 16 Jun 2025 12:00:00 +0000\n"


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fixtures' days are UTC days: read them in UTC, whatever this machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def message(path: Path, head: str, body: str = "Hello\n", *, raw: bytes | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw if raw is not None else (head + "\n" + body).encode("utf-8"))


def maildir(top: Path) -> Path:
    for sub in ("cur", "new", "tmp"):
        (top / sub).mkdir(parents=True, exist_ok=True)
    return top


def test_the_maildir_fixture_reads_new_and_cur_with_flags_in_file_names() -> None:
    found = scan([FIXTURES / "maildir"], me=ME, **JUNE)
    keys = sorted(f.key for f in found.found)
    assert keys == [
        "<cafe@example.org>", "<gruesse@example.de>", "<lunch-1@example.org>", "<lunch-2@example.net>",
        "<lunch-3@example.org>", "<photos@example.net>",
    ]  # fmt: skip
    assert found.skipped == {"mailing list or bulk": 1, "no usable date": 1}


def test_an_rfc_2047_name_and_a_latin_1_subject_are_decoded() -> None:
    found = {f.key: f for f in scan([FIXTURES / "maildir"], me=ME, **JUNE).found}
    jorg = found["<gruesse@example.de>"]
    assert (jorg.names, jorg.emails, jorg.title, jorg.mine) == (
        ("Jörg Müller",),
        ("jorg@example.de",),
        "Grüße aus Köln",
        False,
    )
    assert found["<cafe@example.org>"].title == "Café tomorrow"  # raw Latin-1 bytes, not encoded


def test_the_takeout_mbox_keeps_conversations_and_counts_the_rest() -> None:
    found = scan([FIXTURES / "takeout.mbox"], me=ME, **JUNE)
    assert [(f.key, f.mine, f.emails, f.names) for f in found.found] == [
        ("<CAB=takeout-1@mail.gmail.com>", True, ("tomas@example.com", "ana@example.org"),
         ("Tomás Ruiz", "Ana Reyes")),
        ("<takeout-2@example.com>", False, ("tomas@example.com",), ("Tomás Ruiz",)),
    ]  # fmt: skip
    assert found.skipped == {"mailing list or bulk": 1, "more than 8 recipients": 1, "spam or trash": 1}


def test_a_message_in_two_folders_counts_once(tmp_path: Path) -> None:
    head = ANA + MONDAY + "Message-ID: <a@x>\n"
    message(maildir(tmp_path / "acct" / "INBOX") / "cur" / "1:2,S", head)
    message(maildir(tmp_path / "acct" / "Archive" / "2025") / "cur" / "2:2,S", head)
    assert [f.key for f in scan([tmp_path / "acct"], me=ME, **JUNE).found] == ["<a@x>"]


def test_without_a_message_id_the_key_is_a_hash_of_the_headers(tmp_path: Path) -> None:
    head = ANA + MONDAY + "Subject: hi\n"
    message(maildir(tmp_path / "box") / "new" / "1", head)
    first = scan([tmp_path / "box"], me=ME, **JUNE).found[0].key
    assert first.startswith("sha256:")
    assert len(first) == 39
    assert scan([tmp_path / "box"], me=ME, **JUNE).found[0].key == first  # the same next time


def test_before_since_after_until_and_notes_to_yourself_go_unsaid(tmp_path: Path) -> None:
    box = maildir(tmp_path / "box")
    message(box / "cur" / "1", ANA + "Date: Fri, 2 May 2025 12:00:00 +0000\n")
    message(
        box / "cur" / "2",
        ANA + "Date: Fri, 20 Jun 2025 12:00:00 +0000\n",
    )
    message(box / "cur" / "3", "From: me@example.net\nTo: Me@Example.net\n" + MONDAY)
    assert scan([box], me=ME, **JUNE) == ([], {}, ())


def test_only_the_headers_are_read(tmp_path: Path) -> None:
    head = ANA + MONDAY + "Message-ID: <b@x>\n"
    body = "List-Id: <not.a.header>\nFrom: someone@else.example\n"  # looks like headers, is the body
    message(maildir(tmp_path / "box") / "cur" / "1", head, body)
    found = scan([tmp_path / "box"], me=ME, **JUNE)
    assert ([f.emails for f in found.found], found.skipped) == ([("ana@example.org",)], {})


def test_an_unknown_charset_and_broken_encoded_words_never_stop_the_scan(tmp_path: Path) -> None:
    head = (
        "From: =?x-unknown?q?Ana?= <ana@example.org>\nTo: me@example.net\n"
        "Subject: =?utf-8?b?broken\nDate: Mon, 16 Jun 2025 12:00:00 +0000\n"
    )
    message(maildir(tmp_path / "box") / "cur" / "1", head)
    (found,) = scan([tmp_path / "box"], me=ME, **JUNE).found
    assert found.emails == ("ana@example.org",)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p, "does not exist; nothing was captured."),
        (
            lambda p: (p.write_text("hello\n"), p)[1],
            'is not a mailbox: an mbox file starts with a "From " line;',
        ),
        (lambda p: (p.mkdir(), p)[1], "is not a mailbox: no Maildir (cur/ and new/) inside it"),
    ],
)
def test_refusals_name_the_path(tmp_path: Path, make: object, says: str) -> None:
    path = make(tmp_path / "thing")  # type: ignore[operator]
    with pytest.raises(InputError) as refused:
        scan([FIXTURES / "maildir", path], me=ME, **JUNE)
    assert refused.value.message.startswith(f"{path} {says}")


def test_an_empty_mbox_is_a_mailbox_with_nothing_in_it(tmp_path: Path) -> None:
    (tmp_path / "empty.mbox").write_bytes(b"")
    assert scan([tmp_path / "empty.mbox"], me=ME, **JUNE) == ([], {}, ())


def test_a_copied_maildir_without_tmp_still_reads(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "maildir" / "Sent", tmp_path / "Sent")
    assert len(scan([tmp_path / "Sent"], me=ME, **JUNE).found) == 2


def test_card_emails_reads_every_email_of_a_vcard() -> None:
    card = "BEGIN:VCARD\r\nEMAIL;TYPE=home:A@x.org\r\nitem1.EMAIL:b@y.c\r\n om\r\nNOTE:x@y\r\nEND:VCARD\r\n"
    assert card_emails(card) == ["a@x.org", "b@y.com"]


def test_a_message_that_cannot_be_read_is_counted(tmp_path: Path) -> None:
    import os

    box = maildir(tmp_path / "box")
    message(box / "cur" / "1", ANA + MONDAY)
    message(box / "cur" / "2", ANA + MONDAY + "Message-ID: <2@x>\n")
    (box / "cur" / "2").chmod(0)
    if os.access(box / "cur" / "2", os.R_OK):
        pytest.skip("running as root: every file can be read")
    assert scan([box], me=ME, **JUNE).skipped == {"could not be read": 1}
