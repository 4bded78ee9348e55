"""The folder side of `net sync vdir`: reading its cards within bounds, writing and removing them.

Only regular ``.vcf`` files directly in the folder are read (hidden files, such as a
writer's temporary files, are not); a symbolic link is never followed, so nothing
outside the folder is read or written through one. Each file is read whole, within
the import's bounds, and decoded as UTF-8 strictly. Cards are written atomically: a
temporary file in the same folder, fsync, then a rename (vdirsyncer watches
modification times), keeping the file's mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from quietnet.core.details import Contact
from quietnet.core.text import visible
from quietnet.errors import InputError
from quietnet.io import vdir
from quietnet.io.cards import MAX_CARD
from quietnet.io.contact import Problem
from quietnet.io.files import sync_folder, write_atomic, write_failure
from quietnet.io.reading import MAX_BYTES, MAX_RECORDS


@dataclass(frozen=True)
class FolderCard:
    """One card file of the folder, as read."""

    href: str  # its file name
    uid: str  # its UID (the file name's stem when it has none)
    digest: str  # the hash of its bytes
    text: str
    contact: Contact


@dataclass
class Folder:
    """What a folder holds: readable cards, files left alone (and why), cards that can't be read."""

    path: Path
    cards: list[FolderCard] = field(default_factory=list)
    left: list[tuple[str, str]] = field(default_factory=list)  # (file, why it is left as it is)
    problems: list[Problem] = field(default_factory=list)

    @property
    def hrefs(self) -> set[str]:
        """Every card file present, read or not (a card that can't be read is not gone)."""
        return {c.href for c in self.cards} | {h for h, _ in self.left} | {p.source for p in self.problems}


def file_name(name: str) -> str:
    """A card's file name on one line: bytes that are not UTF-8 as \\xe9, control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    return visible(raw.decode("utf-8", "backslashreplace"))


def read(path: Path, *, today: date) -> Folder:
    """Every card file of the folder; refused when there are more, or more bytes, than an import takes."""
    found = Folder(path)
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"{path} could not be read: {exc.strerror}; nothing was changed.") from None
    names = [e for e in entries if e.name.casefold().endswith(".vcf") and not e.name.startswith(".")]
    if len(names) > MAX_RECORDS:
        raise InputError(
            f"{path} holds {len(names):,} cards, more than the {MAX_RECORDS:,} one sync takes; "
            "nothing was changed."
        )
    used = 0
    for entry in names:
        name = entry.name
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:  # the store keeps names as text: such a file can't be synced
            found.left.append((name, "its name is not UTF-8; rename it to sync it"))
            continue
        if entry.is_symlink():
            found.left.append((name, "it is a symbolic link, which a sync never follows"))
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            found.problems.append(Problem(name, 0, f"It could not be read: {exc.strerror}."))
            continue
        if not stat.S_ISREG(info.st_mode):
            found.left.append((name, "it is not a regular file"))
            continue
        if info.st_size > MAX_CARD:
            found.problems.append(Problem(name, 1, "This card is larger than 16 MB, too large to sync."))
            continue
        used += info.st_size
        if used > MAX_BYTES:
            raise InputError(
                f"The cards in {path} take more than {MAX_BYTES // (1024 * 1024)} MB, more than one sync "
                "takes; nothing was changed."
            )
        _read_card(found, Path(entry.path), name, today)
    return found


def _read_card(found: Folder, file: Path, name: str, today: date) -> None:
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_CARD + 1)
    except OSError as exc:
        found.problems.append(Problem(name, 0, f"It could not be read: {exc.strerror}."))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        found.problems.append(Problem(name, line, f"Byte 0x{data[exc.start]:02X} is not valid UTF-8."))
        return
    try:
        read = vdir.read_one(text, name, today=today)
    except InputError as exc:
        what = exc.message.removeprefix(f"{name} ").removesuffix("; nothing was imported.")
        found.problems.append(Problem(name, 1, f"It {what}."))  # "It is empty."
        return
    if isinstance(read, Problem):
        found.problems.append(read)
    elif read is None:
        found.left.append((name, "it is a group or a company, not a person"))
    else:
        uid = (read.uid or "").strip() or Path(name).stem
        if read.card:  # the person's card as the store keeps it: no 12 MB photo
            read.card = vdir.without_binary(read.card)
        found.cards.append(FolderCard(name, uid, vdir.digest(data), text, read))


def unchanged(folder: Path, card: FolderCard) -> bool:
    """Whether the card's file still holds the bytes read (not edited, removed or replaced since)."""
    try:
        fd = os.open(
            folder / card.href, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_CARD + 1)
    except OSError:
        return False
    return vdir.digest(data) == card.digest


def write_card(folder: Path, href: str, text: str) -> str:
    """Write one card atomically (its mode kept); returns the new file's hash."""
    data = text.encode("utf-8")
    target = folder / href
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode)
    except FileNotFoundError:
        mode = None
    try:
        write_atomic(target, data, shown=href)
    except InputError as exc:  # the store's transaction is rolled back: say that, not "nothing was written"
        raise InputError(
            exc.message.replace("nothing was written.", "the store was left as it was.")
        ) from None
    if mode is not None and mode != 0o600:
        with contextlib.suppress(OSError):
            os.chmod(target, mode)
    return vdir.digest(data)


def remove_card(folder: Path, href: str) -> None:
    try:
        os.unlink(folder / href)
    except FileNotFoundError:
        return
    except OSError as exc:
        message = write_failure(exc, href).message
        raise InputError(message.replace("nothing was written.", "the store was left as it was.")) from None
    sync_folder(folder)
