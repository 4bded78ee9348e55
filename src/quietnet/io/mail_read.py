"""Mail folders and files in, ``core.capture.Scan`` out: the headers of each message, never a body.

A path is a Maildir (``cur/`` and ``new/``, as mbsync and offlineimap keep
one per folder), a folder holding Maildirs at any depth (an mbsync account),
or an mbox file (Google Takeout, Thunderbird, mutt). The standard library's
``mailbox`` lists the messages; each one is read only up to the blank line
that ends its headers (an mbox is scanned once for its ``From`` lines), and
only the headers a capture needs are split out (``_fields``: measured about
twice as fast as ``email.parser``, which builds every header of every message).

What is left out is counted by reason: no usable Date, a mailing list
(``List-Id``, ``Precedence: bulk|list|junk``), more than ``MAX_RECIPIENTS``
recipients, Gmail's spam and trash. Messages before ``since`` or after
``until`` are left out without a word, as are notes to yourself.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date, datetime
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from quietnet.core.capture import Found, Scan
from quietnet.errors import InputError
from quietnet.io.capture_paths import could_not_read, looked_up, unreadable

MAX_RECIPIENTS = 8  # more than this on To and Cc: an announcement, not a conversation
MAX_HEAD = 256 * 1024  # headers longer than this are cut (a message is not read further)
MAX_TITLE = 200  # a subject is kept to this many characters
LIST_PRECEDENCE = {"bulk", "list", "junk"}
GMAIL_LEFT_OUT = {"spam", "trash"}  # Takeout's X-Gmail-Labels that are not conversations

NO_DATE = "no usable date"
MAILING_LIST = "mailing list or bulk"
MANY = f"more than {MAX_RECIPIENTS} recipients"
SPAM = "spam or trash"
UNREADABLE = "could not be read"
NOT_REGULAR = "not a regular file"  # a pipe or a device where a message should be: never opened
TRASHED = "deleted"  # marked trashed (Maildir flag T) or deleted (Thunderbird), not yet expunged
COPY = "found twice"  # the same message in two folders (INBOX and All Mail): read, counted once
# every reason a message is left out
REASONS = (NO_DATE, MAILING_LIST, MANY, SPAM, UNREADABLE, NOT_REGULAR, TRASHED, COPY)


def scan(paths: Sequence[Path], *, me: Collection[str], since: date, until: date) -> Scan:
    """Every message under ``paths`` from ``since`` to ``until`` (local days) that you wrote to
    someone, or someone wrote to you; ``me``: your addresses, lower-case."""
    mine = {m.lower() for m in me}
    found: list[Found] = []
    skipped: dict[str, int] = {}
    problems: list[str] = []
    # Message-ID -> the addresses it was found with: the same message in two folders (INBOX and All
    # Mail) counts once, but another message reusing its id (to someone else) still counts for them,
    # as the ledger keeps (id, person).
    seen: dict[str, set[str]] = {}
    for head in _heads(paths, problems):
        outcome = head if isinstance(head, str) else _read(head, mine, since=since, until=until)
        if isinstance(outcome, str):
            skipped[outcome] = skipped.get(outcome, 0) + 1
        elif outcome is not None:
            known = seen.setdefault(outcome.key, set())
            new = [(e, n) for e, n in zip(outcome.emails, outcome.names, strict=True) if e not in known]
            if new:
                known.update(e for e, _ in new)
                emails, names = zip(*new, strict=True)
                found.append(outcome._replace(emails=emails, names=names))
            else:
                skipped[COPY] = skipped.get(COPY, 0) + 1
    return Scan(found, skipped, tuple(problems))


# -- where the messages are -------------------------------------------------------------------


def _heads(paths: Sequence[Path], problems: list[str]) -> Iterator[bytes | str]:
    """The header block of each message, or the reason it can't be read; every path is checked
    before any is read. A folder below a path that can't be read goes to ``problems``."""
    boxes: list[Path] = [box for path in paths for box in _boxes(path, problems)]
    for box in boxes:
        yield from _maildir(box, problems) if os.path.isdir(box) else _mbox(box)


def _boxes(path: Path, problems: list[str]) -> list[Path]:
    """The Maildirs below ``path``, or ``path`` itself when it is an mbox file; refused otherwise."""
    found = looked_up(path)
    if stat.S_ISDIR(found.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError(f"{path} can't be read (permission denied); nothing was captured.")
        folders = sorted(_maildirs(path, problems))
        if not folders:
            raise InputError(
                f"{path} is not a mailbox: no Maildir (cur/ and new/) inside it, "
                "and it is not an mbox file; nothing was captured."
            )
        return folders
    if not stat.S_ISREG(found.st_mode):
        raise InputError(f"{path} is not a regular file (a pipe or a device); nothing was captured.")
    try:
        with open(path, "rb") as handle:
            start = handle.read(5)
    except OSError as exc:
        raise unreadable(path, exc) from None
    if start and start != b"From ":
        raise InputError(
            f'{path} is not a mailbox: an mbox file starts with a "From " line; nothing was captured.'
        )
    return [path]


def _maildirs(top: Path, problems: list[str]) -> Iterator[Path]:
    """``top`` when it is a Maildir, and every Maildir below it (mbsync's folders, offlineimap's)."""
    for folder, dirs, _ in os.walk(top, onerror=lambda exc: problems.append(could_not_read(exc))):
        if "cur" in dirs and "new" in dirs:
            yield Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in ("cur", "new", "tmp"))


def _mbox(path: Path) -> Iterator[bytes | str]:
    import mailbox

    box = mailbox.mbox(path, factory=None, create=False)
    for key in box.iterkeys():
        try:
            with box.get_file(key) as handle:
                yield _head(handle)
        except OSError:
            yield UNREADABLE


def _maildir(folder: Path, problems: list[str]) -> Iterator[bytes | str]:
    """Each message file in new/ and cur/ (names starting with a dot and folders passed over);
    only regular files are opened (a pipe would wait forever), a trashed one (flag T) is left out."""
    for sub in ("new", "cur"):
        where = folder / sub
        try:
            names = sorted(os.listdir(where))
        except OSError as exc:
            problems.append(could_not_read(exc))
            continue
        for name in names:
            if name.startswith("."):
                continue
            if sub == "cur" and "T" in name.rpartition(":2,")[2] and ":2," in name:
                yield TRASHED
                continue
            head = _file_head(where / name)
            if head is not None:
                yield head


def _file_head(path: Path) -> bytes | str | None:
    """The headers of one message file, the reason it is left out, or None for a folder or a file
    gone since it was listed (a running sync moved it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        return None
    except OSError:  # no permission, a link that loops
        return UNREADABLE
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            return None
        if not stat.S_ISREG(mode):
            return NOT_REGULAR
        try:
            return _head(handle)
        except OSError:
            return UNREADABLE


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


WANTED = frozenset(
    {"from", "to", "cc", "date", "subject", "message-id", "list-id", "precedence", "x-gmail-labels"}
    | {"x-mozilla-status"}
)


def _fields(head: bytes) -> dict[str, list[str]]:
    """The headers a capture reads (lower-case name -> values, folded lines joined), as text:
    UTF-8, or Latin-1 for a value in another 8-bit charset (RFC 2047 words stay encoded)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t"):
            if current is not None:
                current[-1] += " " + _text(line.strip())
            continue
        name, colon, value = line.partition(b":")
        key = name.strip().lower().decode("latin-1") if colon else ""
        if key in WANTED:
            current = found.setdefault(key, [])
            current.append(_text(value.strip()))
        else:
            current = None
    return found


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _read(head: bytes, mine: set[str], *, since: date, until: date) -> Found | str | None:
    """The message as a Found, the reason it is left out, or None when it goes unsaid."""
    fields = _fields(head)

    def one(name: str) -> str:
        return fields[name][0] if name in fields else ""

    moment = _moment(one("date"))
    if moment is None:
        return NO_DATE
    day = moment.date()
    if not since <= day <= until:
        return None  # outside the days asked for: not counted as left out
    if "list-id" in fields or one("precedence").lower() in LIST_PRECEDENCE:
        return MAILING_LIST
    if {label.strip().lower() for label in one("x-gmail-labels").split(",")} & GMAIL_LEFT_OUT:
        return SPAM
    if _deleted(one("x-mozilla-status")):
        return TRASHED
    recipients = fields.get("to", []) + fields.get("cc", [])
    if (
        sum(value.count("@") for value in recipients) > MAX_RECIPIENTS
        and len(_pairs(recipients)) > MAX_RECIPIENTS
    ):
        return MANY
    senders = _pairs(fields.get("from", []))
    from_me = any(a in mine for a, _ in senders)
    others = _pairs(recipients) if from_me else senders[:1]
    side = {a: _title(_decoded(n)) for a, n in others if a not in mine}
    if not side:
        return None  # a note to yourself, or a message without a sender
    return Found(
        source="mail",
        key=_key(fields),
        day=day,
        moment=moment.timestamp(),
        kind="message",
        mine=from_me,
        emails=tuple(side),
        names=tuple(side.values()),
        title=_title(_decoded(one("subject"))),
    )


def _deleted(status: str) -> bool:
    """Thunderbird's mark on a message deleted but not yet compacted away (X-Mozilla-Status 0x0008)."""
    try:
        return bool(int(status.strip() or "0", 16) & 0x0008)
    except ValueError:
        return False


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


def _key(fields: dict[str, list[str]]) -> str:
    found = fields["message-id"][0].strip() if "message-id" in fields else ""
    if found and len(found) <= 500:
        return found
    digest = hashlib.sha256()
    for name in ("from", "to", "cc", "date", "subject"):
        digest.update("\n".join(fields.get(name, [])).encode("utf-8") + b"\0")
    return "sha256:" + digest.hexdigest()[:32]


def _pairs(values: list[str]) -> list[tuple[str, str]]:
    """(address lower-case, display name as written) for each address of these header values."""
    return [(a.strip().lower(), n) for n, a in getaddresses(values) if "@" in a]


def _decoded(value: str) -> str:
    """A header with RFC 2047 encoded words (``=?iso-8859-1?q?J=F6rg?=``) as text; an unknown
    charset or broken bytes never stop the scan."""
    text = value
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
