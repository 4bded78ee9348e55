"""The PATHs `net capture mail` and `net capture calendar` are given: checked the same way, and
their refusals and the folders below them that can't be read said in the same words."""

from __future__ import annotations

import os
from pathlib import Path

from quietnet.core.text import path_problem
from quietnet.errors import InputError


def looked_up(path: Path) -> os.stat_result:
    """What ``path`` is (``os.stat``), or refused: a name that can't be shown, missing, unreadable."""
    if (problem := path_problem(str(path))) is not None:
        raise InputError(f"{problem} Nothing was captured.")
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist; nothing was captured.") from None
    except OSError as exc:
        raise unreadable(path, exc) from None


def unreadable(path: Path, exc: OSError) -> InputError:
    why = (exc.strerror or "an error").lower()
    return InputError(f"{path} can't be read ({why}); nothing was captured.")


def could_not_read(exc: OSError) -> str:
    """One sentence for a folder below a PATH that can't be read (os.walk's onerror)."""
    why = (exc.strerror or "an error").lower()
    return f"Could not read {exc.filename}: {why}; what it holds was left out."
