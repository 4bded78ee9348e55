"""The store's files on disk: what its write-ahead log holds, whether the disk has room, how to read it.

SQLite reads a store in WAL mode through its ``-wal`` and the ``-shm`` index of
it. Where that index can't be made (a read-only folder, a full disk), a store
whose WAL is empty can still be read as immutable (the file says it all); one
whose WAL holds commits is read through it or refused, never read around it.
"""

from __future__ import annotations

import os
from pathlib import Path

from quietnet.errors import StoreError

FULL_BELOW = 64 * 1024  # bytes free: less than SQLite needs to make a WAL index (32 KiB) and a page or two


def disk_full(path: Path) -> bool:
    """Whether the disk holding the store at ``path`` has (next to) no room left for this user."""
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return False
    free = found.f_bfree if os.geteuid() == 0 else found.f_bavail  # root may use the reserved blocks
    return free * found.f_frsize < FULL_BELOW


WAL_MAGIC = (0x377F0682, 0x377F0683)


def wal_has_commits(path: Path) -> bool:
    """Whether the store's ``-wal`` may hold committed transactions not yet in the file.

    Reads the WAL's header and frame headers (never the pages): a frame of the
    current generation (its salt matches the header's) that ends a transaction
    is a commit. A WAL that can't be read counts as holding commits.
    """
    try:
        with Path(f"{path}-wal").open("rb") as f:
            head = f.read(32)
            if len(head) < 32 or int.from_bytes(head[:4], "big") not in WAL_MAGIC:
                return False  # empty, or not a WAL SQLite would read
            page_size = int.from_bytes(head[8:12], "big")
            page_size = 65536 if page_size == 1 else page_size
            while len(frame := f.read(24)) == 24 and frame[8:16] == head[16:24]:
                if int.from_bytes(frame[4:8], "big"):  # the database size after a commit
                    return True
                f.seek(page_size, os.SEEK_CUR)
            return False
    except FileNotFoundError:
        return False
    except OSError:
        return True


def wal_unreadable(path: Path) -> StoreError:
    return StoreError(
        f"The store at {path} has recent changes in its write-ahead log ({path.name}-wal) that can't be "
        f"read while its folder is read-only, so nothing was read. Make the folder {path.parent} writable "
        "(or ask its owner to run any net command on it) and try again."
    )


def read_only_uri(path: Path, *, full: bool = False) -> str:
    """The URI that reads a store this process may not write, never reading around its WAL.

    A read-only file in a writable folder: ``mode=ro`` (SQLite reads the WAL and
    makes its index). In a read-only folder or on a full disk (``full``) SQLite
    can't make the WAL index, so a store whose WAL is empty is read as immutable
    (the file says it all), and one whose WAL holds commits with ``mode=ro``
    (which works when the index exists; otherwise the caller refuses), never as
    immutable.
    """
    if wal_has_commits(path) or (os.access(path.parent, os.W_OK) and not (full or disk_full(path))):
        return f"{path.as_uri()}?mode=ro"
    return f"{path.as_uri()}?mode=ro&immutable=1"
