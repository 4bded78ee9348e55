"""Mail folders and files in, ``core.capture.Scan`` out: the headers of each message, never a body.

A path is a Maildir (``cur/`` and ``new/``, as mbsync and offlineimap keep
one per folder), a folder holding Maildirs at any depth (an mbsync account),
or an mbox file (Google Takeout, Thunderbird, mutt). The standard library's
``mailbox`` lists the messages; each one is read only up to the blank line
that ends its headers (an mbox is scanned once for its ``From`` lines).

What is left out is counted by reason: no usable Date, a mailing list
(``List-Id``, ``Precedence: bulk|list|junk``), more than ``MAX_RECIPIENTS``
recipients, Gmail's spam and trash. Messages before ``since`` or after
``until`` are left out without a word, as are notes to yourself.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from quietnet.core.capture import Found, Scan
from quietnet.errors import InputError

MAX_RECIPIENTS = 8  # more than this on To and Cc: an announcement, not a conversation
MAX_HEAD = 256 * 1024  # headers longer than this are cut (a message is not read further)
MAX_TITLE = 200  # a subject is kept to this many characters
LIST_PRECEDENCE = {"bulk", "list", "junk"}
GMAIL_LEFT_OUT = {"spam", "trash"}  # Takeout's X-Gmail-Labels that are not conversations

NO_DATE = "no usable date"
MAILING_LIST = "mailing list or bulk"
MANY = f"more than {MAX_RECIPIENTS} recipients"
SPAM = "spam or trash"

_PARSER = BytesHeaderParser(policy=compat32)


def scan(paths: Sequence[Path], *, me: Collection[str], since: date, until: date) -> Scan:
    """Every message under ``paths`` from ``since`` to ``until`` (local days) that you wrote to
    someone, or someone wrote to you; ``me``: your addresses, lower-case."""
    mine = {m.lower() for m in me}
    found: list[Found] = []
    skipped: dict[str, int] = {}
    seen: set[str] = set()  # the same message in two folders (INBOX and All Mail) counts once
    for head in _heads(paths):
        outcome = _read(head, mine, since=since, until=until)
        if isinstance(outcome, str):
            skipped[outcome] = skipped.get(outcome, 0) + 1
        elif outcome is not None and outcome.key not in seen:
            seen.add(outcome.key)
            found.append(outcome)
    return Scan(found, skipped)


# -- where the messages are -------------------------------------------------------------------


def _heads(paths: Sequence[Path]) -> Iterator[bytes]:
    """The header block of each message; every path is checked before any is read."""
    import mailbox

    boxes: list[mailbox.Mailbox] = [box for path in paths for box in _boxes(path)]
    for box in boxes:
        for key in box.iterkeys():
            try:
                with box.get_file(key) as handle:
                    yield _head(handle)
            except FileNotFoundError:  # moved by a running sync since it was listed
                continue


def _boxes(path: Path) -> list[Any]:
    import mailbox

    if not os.path.exists(path):
        raise InputError(f"{path} does not exist; nothing was captured.")
    if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
        raise InputError(f"{path} can't be read (permission denied); nothing was captured.")
    if path.is_dir():
        folders = sorted(_maildirs(path))
        if not folders:
            raise InputError(
                f"{path} is not a mailbox: no Maildir (cur/ and new/) inside it, "
                "and it is not an mbox file; nothing was captured."
            )
        return [mailbox.Maildir(folder, factory=None, create=False) for folder in folders]
    try:
        with open(path, "rb") as handle:
            start = handle.read(5)
    except OSError as exc:
        raise InputError(f"{path} can't be read ({exc.strerror}); nothing was captured.") from None
    if start and start != b"From ":
        raise InputError(
            f'{path} is not a mailbox: an mbox file starts with a "From " line; nothing was captured.'
        )
    return [mailbox.mbox(path, factory=None, create=False)]


def _maildirs(top: Path) -> Iterator[Path]:
    """``top`` when it is a Maildir, and every Maildir below it (mbsync's folders, offlineimap's)."""
    for folder, dirs, _ in os.walk(top):
        if "cur" in dirs and "new" in dirs:
            yield Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in ("cur", "new", "tmp"))


def _head(handle: Iterable[bytes]) -> bytes:
    """The message's lines up to the first empty one (its headers), and no further."""
    lines = []
    size = 0
    for line in handle:
        if line in (b"\n", b"\r\n"):
            break
        lines.append(line)
        size += len(line)
        if size > MAX_HEAD:
            break
    return b"".join(lines)


# -- one message ----------------------------------------------------------------------------


def _read(head: bytes, mine: set[str], *, since: date, until: date) -> Found | str | None:
    """The message as a Found, the reason it is left out, or None when it goes unsaid."""
    msg = _PARSER.parsebytes(head)
    if msg.get("List-Id") is not None or _plain(msg, "Precedence").lower() in LIST_PRECEDENCE:
        return MAILING_LIST
    labels = {label.strip().lower() for label in _plain(msg, "X-Gmail-Labels").split(",")}
    if labels & GMAIL_LEFT_OUT:
        return SPAM
    moment = _moment(_plain(msg, "Date"))
    if moment is None:
        return NO_DATE
    day = moment.date()
    if not since <= day <= until:
        return None
    senders = _addresses(msg, "From")
    recipients = _addresses(msg, "To") + _addresses(msg, "Cc")
    if len(recipients) > MAX_RECIPIENTS:
        return MANY
    from_me = any(a in mine for a, _ in senders)
    others = recipients if from_me else senders[:1]
    side = {a: n for a, n in others if a not in mine}
    if not side:
        return None  # a note to yourself, or a message without a sender
    return Found(
        source="mail",
        key=_key(msg, head),
        day=day,
        moment=moment.timestamp(),
        kind="message",
        mine=from_me,
        emails=tuple(side),
        names=tuple(side.values()),
        title=_title(_decoded(msg.get("Subject"))),
    )


def _moment(text: str) -> datetime | None:
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone()  # the local day
        except (OverflowError, OSError):
            return None
    return moment


def _key(msg: Message, head: bytes) -> str:
    found = _plain(msg, "Message-ID").strip()
    if found and len(found) <= 500:
        return found
    digest = hashlib.sha256()
    for name in ("From", "To", "Cc", "Date", "Subject"):
        digest.update(_plain(msg, name).encode("utf-8", "surrogateescape") + b"\0")
    return "sha256:" + digest.hexdigest()[:32]


def _plain(msg: Message, name: str) -> str:
    value = msg.get(name)
    return "" if value is None else str(value)


def _addresses(msg: Message, name: str) -> list[tuple[str, str]]:
    """(address lower-case, display name decoded) for each address of a header."""
    values = msg.get_all(name) or []
    pairs = getaddresses([_undecoded(v) for v in values])
    return [(a.strip().lower(), _title(_decoded(n))) for n, a in pairs if "@" in a]


def _undecoded(value: Any) -> str:
    """A raw header value as text; 8-bit bytes (not RFC 2047) read as UTF-8, else Latin-1."""
    text = str(value) if not hasattr(value, "_chunks") else _raw_chunks(value)
    if any("\udc80" <= c <= "\udcff" for c in text):
        raw = text.encode("ascii", "surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return text


def _raw_chunks(value: Any) -> str:
    return "".join(
        chunk.decode("utf-8", "replace") if isinstance(chunk, bytes) else str(chunk)
        for chunk, _ in value._chunks
    )


def _decoded(value: Any) -> str:
    """A header with RFC 2047 encoded words (``=?iso-8859-1?q?J=F6rg?=``) as text; an unknown
    charset or broken bytes never stop the scan."""
    if value is None:
        return ""
    text = _undecoded(value)
    if "=?" not in text:
        return text
    try:
        pieces = decode_header(text)
    except (ValueError, LookupError, AssertionError):
        return text
    try:
        return str(make_header(pieces))
    except (ValueError, LookupError, UnicodeError):  # an unknown charset, or bytes it does not hold
        return "".join(
            c if isinstance(c, str) else c.decode("latin-1" if cs is None else _known(cs), "replace")
            for c, cs in pieces
        )


def _known(charset: str) -> str:
    import codecs

    try:
        return codecs.lookup(charset).name
    except LookupError:
        return "latin-1"


def _title(text: str) -> str:
    """One line without control characters, at most ``MAX_TITLE`` characters."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= MAX_TITLE else line[: MAX_TITLE - 1] + "…"


def card_emails(card: str) -> list[str]:
    """The EMAIL values of a stored vCard (``item1.EMAIL;TYPE=work:...`` too), lower-case."""
    logical: list[str] = []
    for line in card.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        else:
            logical.append(line)
    found = []
    for line in logical:
        name, colon, value = line.partition(":")
        if colon and name.split(";")[0].rsplit(".", 1)[-1].upper() == "EMAIL" and "@" in value:
            found.append(value.strip().lower())
    return found
