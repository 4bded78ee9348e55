"""io/calendar_read.py: a path that is not a calendar is refused; a damaged one ends in no traceback."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.errors import InputError
from quietnet.io.calendar_files import MAX_FILE
from tests.calendars import HERE, SINCE, UNTIL, read, written
from tests.strategies import FEW

# Refusals: a PATH named on its own that can't be read, or is not a calendar.

TMP = "TMP"


NOT_ICS = "TMP/{}.ics is not a calendar: an .ics file holds BEGIN:VCALENDAR ... END:VCALENDAR; "
NOTHING = "nothing was captured."


@pytest.mark.parametrize(
    ("make", "message"),
    [
        ("missing", "TMP/missing.ics does not exist; nothing was captured."),
        ("broken", NOT_ICS.format("broken") + NOTHING),
        ("card", NOT_ICS.format("card") + NOTHING),
        ("empty", NOT_ICS.format("empty") + NOTHING),
        (
            "folder",
            "TMP/folder is not a calendar: no .ics file inside it (khal and vdirsyncer keep one per event); "
            + NOTHING,
        ),
        ("pipe", "TMP/pipe is not a regular file (a pipe or a device); nothing was captured."),
        (
            "huge",
            "TMP/huge.ics is larger than 32 MB, the most one calendar file may be; nothing was captured.",
        ),
        (
            "line\nbreak",
            "The path TMP/line\\x0abreak holds a line break or another control character; choose or rename "
            "it to one without. Nothing was captured.",
        ),
    ],
)
def test_a_path_that_is_not_a_calendar_is_refused(tmp_path: Path, make: str, message: str) -> None:
    path = tmp_path / (make if make in ("folder", "pipe", "line\nbreak") else f"{make}.ics")
    if make == "broken":
        shutil.copy(HERE / "broken.ics", path)
    elif make == "card":
        path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Ruiz\nEND:VCARD\n")
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "folder":
        path.mkdir()
        (path / "displayname").write_text("Work")
    elif make == "pipe":
        os.mkfifo(path)  # nobody ever writes to it: a reader that opened it would wait forever
    elif make == "huge":
        with open(path, "wb") as f:
            f.truncate(MAX_FILE + 1)  # sparse: refused on its size, never read
    with pytest.raises(InputError) as refused:
        read(path)
    assert refused.value.message == message.replace(TMP, str(tmp_path))


def test_a_file_that_is_not_a_calendar_inside_a_folder_is_counted(tmp_path: Path) -> None:
    shutil.copy(HERE / "broken.ics", tmp_path / "broken.ics")
    shutil.copy(HERE / "video.ics", tmp_path / "video.ics")
    (tmp_path / "odd.ics").write_bytes(b"<html>Sign in\xe9</html>\n")
    result = read(tmp_path)
    assert len(result.found) == 6
    assert result.skipped == {"unreadable": 2}


@FEW
@given(data=st.data())
def test_a_damaged_calendar_never_ends_in_a_traceback(data: st.DataObject) -> None:
    """Lines dropped, cut or doubled anywhere in real files: found, skipped, or refused in words."""
    name = data.draw(st.sampled_from(["weekly-call.ics", "declined.ics", "google-export.ics", "video.ics"]))
    lines = (HERE / name).read_bytes().splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        how = data.draw(st.sampled_from(["drop", "cut", "double", "junk"]))
        if how == "drop":
            del lines[i]
        elif how == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        elif how == "double":
            lines.insert(i, lines[i])
        else:
            lines[i] = data.draw(st.sampled_from([b"DTSTART:2025\n", b"RRULE:FREQ=DAILY;COUNT=x\n", b":\n"]))
        if not lines:
            break
    text = [line.decode("utf-8", "replace").rstrip("\r\n") for line in lines]
    with tempfile.TemporaryDirectory() as folder:
        try:
            days = {f.day for f in read(written(Path(folder), text, name="damaged.ics")).found}
            refusal = ""
        except InputError as refused:
            days, refusal = set(), refused.message
    assert all(SINCE <= day <= UNTIL for day in days)
    assert refusal in ("", NOT_ICS.replace(TMP, folder).format("damaged") + NOTHING)
