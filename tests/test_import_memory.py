"""Peak memory of an import stays under 200 MB for any input file (real processes, so slow).

Each import runs in a child process that reports its high-water mark of
resident memory (VmHWM, which starts afresh with the process) when it ends.
The inputs sit at or past the bounds of io/reading.py and io/cards.py: a
100 MB one-line vCard (refused from its size, without reading it), a 20 MB
line (refused when 16 MB of it have been read), and accepted imports as large
as the bounds allow, with photos, with long notes and with the most rows.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from quietnet.io.reading import MAX_BYTES, MAX_RECORDS
from tests.helpers import TODAY

pytestmark = pytest.mark.slow

LIMIT_MB = 200

PEAK = """
import sys
from quietnet.cli.main import main

code = 0
try:
    main()
except SystemExit as done:
    code = done.code
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
sys.stderr.write(f"\\npeak {peak // 1024}\\n")
sys.exit(code)
"""


def card(*lines: str) -> str:
    return "".join(f"{line}\r\n" for line in ("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"))


def one_line(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as f:
            f.write(
                b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Baker\r\nNOTE:" + b"x" * size + b"\r\nEND:VCARD\r\n"
            )

    return make


def photos(path: Path) -> None:
    """Cards with 400 KB photos, folded as phones write them, up to the size bound."""
    with path.open("w", newline="") as f:
        n, written = 0, 0
        while True:
            photo = base64.b64encode(os.urandom(400_000)).decode()
            folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
            text = card(f"FN:Person {n}", f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}")
            if written + len(text) > MAX_BYTES:
                return
            f.write(text)
            n, written = n + 1, written + len(text)


def notes(path: Path) -> None:
    """As many cards as one import takes, each with a long note, within the size bound."""
    note = "n" * (MAX_BYTES // MAX_RECORDS - 150)
    with path.open("w", newline="") as f:
        for n in range(MAX_RECORDS):
            f.write(card(f"FN:Person {n}", f"EMAIL:p{n}@example.com", f"NOTE:{note}"))


def rows(path: Path) -> None:
    """As many rows as one import takes, as wide as Google's export."""
    with path.open("w") as f:
        f.write("Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title,")
        f.write("Notes,Labels\n")
        for n in range(MAX_RECORDS):
            f.write(f"Person {n},p{n}@example.com,+351 555 {n:06d},Company {n % 300},Engineer,")
            f.write(f"{'a note ' * 80},friends\n")


CASES: list[tuple[str, Callable[[Path], None], str, int]] = [
    ("line-100mb.vcf", one_line(100_000_000), "vcard", 1),
    ("line-20mb.vcf", one_line(20_000_000), "vcard", 1),
    ("photos.vcf", photos, "vcard", 0),
    ("notes.vcf", notes, "vcard", 0),
    ("rows.csv", rows, "csv", 0),
]


@pytest.mark.parametrize(("name", "make", "kind", "code"), CASES, ids=[c[0] for c in CASES])
def test_peak_memory_of_an_import_stays_under_200_mb(
    store: Path, tmp_path: Path, name: str, make: Callable[[Path], None], kind: str, code: int
) -> None:
    path = tmp_path / name
    make(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "NET_TODAY": TODAY}
    run = subprocess.run(
        [sys.executable, "-c", PEAK, "import", kind, str(path)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == code, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    peak = int(run.stderr.rsplit("peak ", 1)[1])
    print(f"{name}: {path.stat().st_size / 2**20:.0f} MB file, peak {peak} MB")
    assert peak < LIMIT_MB
