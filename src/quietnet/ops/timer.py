"""`net remind install | uninstall`: the systemd user timer's files, written and removed.

Only files that open with ``core/timer.MARK`` are ever replaced or removed: a unit of the
same name written by hand stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from quietnet.core.timer import MARK, SERVICE, TIMER
from quietnet.errors import InputError
from quietnet.io.files import write_atomic


def _ours(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(MARK) + 1) == (MARK + "\n").encode()
    except OSError:
        return False


def install(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write each file into ``folder`` (created when missing); a file not written by us is left alone."""
    targets = [folder / name for name in files]
    foreign = [p for p in targets if p.exists() and not _ours(p)]
    if foreign:
        raise InputError(
            f"{foreign[0]} is already there and was not written by net remind install; "
            "nothing was written. Move it away first, or keep using it."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"Could not make the folder {folder}: {exc.strerror}; nothing was written."
        ) from None
    for path in targets:
        write_atomic(path, files[path.name].encode())
    return targets


def uninstall(folder: Path) -> tuple[list[Path], list[Path]]:
    """Remove the files install wrote; returns (removed, left alone because someone else wrote them)."""
    removed, kept = [], []
    for name in (TIMER, SERVICE):
        path = folder / name
        if not path.exists():
            continue
        if _ours(path):
            path.unlink()
            removed.append(path)
        else:
            kept.append(path)
    return removed, kept
