"""What a stored name with control characters becomes in the reminder mail, the review files and today.

Every text that leaves quietnet is escaped as `net today` escapes it (``core/text.py``):
``\\x1b``, ``\\u202e`` written out, never the raw character, and a line break inside a
name read as a space, the same under every heading.
"""

from __future__ import annotations

import email
import email.policy
import socket
import sqlite3
from pathlib import Path

from aiosmtpd.controller import Controller

from tests.helpers import Net
from tests.smtp_server import Inbox

NAME = "Ana\x1b[2J\x07 R\ru\ni\x00z\x7f\x9b\u202eevil"
SHOWN = "Ana\\x1b[2J\\x07 R u i\\x00z\\x7f\\x9b\\u202eevil"  # CR and LF read as spaces, as in net today
RAW = "\x1b\x07\r\x00\x7f\x9b\u202e"


def _stored(net: Net, store: Path) -> None:
    """Ana (close, seen long ago, a promise, a help this week), her name as another program wrote it."""
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("log", "ana", "coffee", "--on", "2025-03-01").code == 0
    assert net("promise", "ana", "send the book").code == 0
    assert net("helped", "ana", "intro to Sam", "--kind", "intro").code == 0
    with sqlite3.connect(store) as db:
        db.execute("UPDATE person SET name = ?", (NAME,))


def _no_raw(text: str) -> None:
    assert not any(c in text for c in RAW), repr(text)


def test_the_mail_carries_escapes_in_both_parts(net: Net, store: Path) -> None:
    _stored(net, store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    try:
        url = f"smtp+plain://127.0.0.1:{port}"
        result = net("remind", "email", "--to", "me@example.org", "--smtp", url, "--review")
    finally:
        controller.stop()
    assert (result.code, result.err) == (0, ""), result
    message = email.message_from_bytes(inbox.received[0], policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    text, html = (str(part.get_content()).replace("\r\n", "\n") for part in message.iter_parts())
    for part in (text, html):
        _no_raw(part)
        assert SHOWN in part
    assert f"#1 {SHOWN}: send the book" in text


def test_review_files_carry_escapes_in_every_format(net: Net, store: Path, tmp_path: Path) -> None:
    _stored(net, store)
    for form in ("text", "markdown", "html"):
        target = tmp_path / f"week.{form}"
        result = net("review", "--format", form, "-o", str(target))
        assert result.code == 0, result
        written = target.read_text(encoding="utf-8")
        _no_raw(written)
        assert "x1b" in written  # Markdown escapes the backslash and [ once more


def test_today_shows_a_name_with_a_line_break_the_same_under_every_heading(net: Net, store: Path) -> None:
    _stored(net, store)
    out = net("today").out
    _no_raw(out)
    assert "\n  Ana\\x1b[2J\\x07 R u i" in out  # the suggestion (a long name cut)
    assert f"  #1 {SHOWN}: send the book" in out  # the promise, on one line too
