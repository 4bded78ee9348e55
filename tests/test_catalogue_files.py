"""The bad-input catalogue, part 3: hostile files.

Broken vCard, CSV and JSON files to import, and output paths that can't be
written: refused calmly, the store's export and bytes unchanged. Then files
that are not a usable store at all (text, cut short, another program's
SQLite file, a newer quietnet's store): there is no export to compare, so the
file's bytes must be exactly as they were and no -wal or -shm file appears.
Files are written in the test's own folder and named relatively, as a user
types them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from quietnet.db import SCHEMA_VERSION
from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.conftest import Net, seed

CARDS = "Fix them and run again, or add --skip-bad-cards to import the rest."
ROWS = "Fix them and run again, or add --skip-bad-rows to import the rest."
UTF8 = (
    "Save it as UTF-8 (most tools offer it under Save as or Export), or name its encoding with --encoding, "
    "e.g. --encoding cp1252 or --encoding latin-1."
)
CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."


def card(*lines: str) -> bytes:
    return "".join(f"{line}\r\n" for line in ("BEGIN:VCARD", "VERSION:3.0", *lines)).encode()


# File name -> content, written in the test's folder before each case.
CONTENT: dict[str, bytes] = {
    "ok.vcf": card("FN:Tom Baker", "END:VCARD"),
    "cut.vcf": card("FN:Tom Baker", "EMAIL:tom@example.com"),
    "noname.vcf": card("EMAIL:tom@example.com", "END:VCARD"),
    "blank.vcf": card("FN:", "N:;;;;", "END:VCARD"),
    "latin1.vcf": card("FN:José", "END:VCARD").replace("é".encode(), b"\xe9"),
    "utf16.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\nEND:VCARD\r\n".encode("utf-16"),
    "escape.vcf": card("FN:Tom\x1b[2J", "END:VCARD"),
    "nul.vcf": card("FN:Tom\x00Baker", "END:VCARD"),
    "garbage.vcf": b"\x00\x01\x02 not a card",
    "empty.vcf": b"",
    "bday.vcf": card("FN:Tom", "BDAY:2025-02-30", "END:VCARD"),
    "quote.csv": b'name,email\n"Tom,tom@example.com\nAna,ana@example.com\n',
    "ragged.csv": b"name,email\nTom,tom@example.com,extra,more\nAna\n",
    "nonames.csv": b"email,phone\ntom@example.com,123\n",
    "noname.csv": b"name,email\n,tom@example.com\n",
    "spaces.csv": b"name,email\n   ,tom@example.com\n",
    "latin1.csv": b"name,email\nJos\xe9,jose@example.com\n",
    "nul.csv": b"name,email\nTo\x00m,tom@example.com\n",
    "escape.csv": b"name,email\n\x1b[31mTom,tom@example.com\n",
    "empty.csv": b"",
    "circle.csv": b"name,circle\nTom,best\n",
    "huge.csv": b"name,notes\nTom," + b"n" * 200_000 + b"\n",
    "ok.csv": b"name,email\nTom,tom@example.com\n",
    "broken.json": b'{"format": "quietnet", ',
    "contacts.json": b'{"contacts": []}',
}

FILES = [
    Refusal(
        ("import", "vcard", "cut.vcf"),
        "cut.vcf, line 1: This card has no END:VCARD line (is the file cut short?). "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "noname.vcf"),
        f"noname.vcf, line 1: This card has no name (no FN or N). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "blank.vcf"),
        f"blank.vcf, line 3: This card has no name (no FN or N). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "latin1.vcf"),
        f"latin1.vcf, line 3: byte 0xE9 is not valid utf-8; nothing was imported. {UTF8}",
    ),
    Refusal(
        ("import", "vcard", "utf16.vcf"),
        "utf16.vcf, line 1: byte 0xFF is not valid utf-8; nothing was imported. "
        "It starts with a UTF-16 byte-order mark: run again with --encoding utf-16.",
    ),
    Refusal(
        ("import", "vcard", "escape.vcf"), f"escape.vcf, line 3: FN: {CONTROL} Nothing was imported.\n{CARDS}"
    ),
    Refusal(("import", "vcard", "nul.vcf"), f"nul.vcf, line 3: FN: {CONTROL} Nothing was imported.\n{CARDS}"),
    Refusal(
        ("import", "vcard", "garbage.vcf"),
        "garbage.vcf is not a vCard file (it has no BEGIN:VCARD line); nothing was imported.",
    ),
    Refusal(("import", "vcard", "empty.vcf"), "empty.vcf is empty; nothing was imported."),
    Refusal(
        ("import", "vcard", "bday.vcf"),
        'bday.vcf, line 4: BDAY: "2025-02-30" does not exist: there is no day 30 in February 2025, '
        f"whose days run from 01 to 28 (try 2025-02-28). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "ok.vcf", "--circle", "best"),
        '"best" is not a circle; choose one of core, close, friends, network, acquaintance.',
    ),
    Refusal(
        ("import", "vcard", "ok.vcf", "--encoding", "klingon"),
        '"klingon" is not an encoding Python knows; try utf-8, utf-16, cp1252 or latin-1.',
    ),
    Refusal(("import", "vcard", "missing.vcf"), "missing.vcf does not exist."),
    Refusal(
        ("import", "csv", "quote.csv"),
        "quote.csv, line 2: A quoted cell that starts here is never closed (a missing closing quote). "
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ragged.csv"),
        "2 rows could not be read, so nothing was imported:\n"
        "  ragged.csv, line 2: It has 4 cells where the header has 2.\n"
        f"  ragged.csv, line 3: It has 1 cells where the header has 2.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "nonames.csv"),
        "nonames.csv: no column holds names (looked for Name, Full Name, First Name, Last Name...). "
        'Name it with --map "COLUMN=name".',
    ),
    Refusal(
        ("import", "csv", "noname.csv"), f"noname.csv, line 2: It has no name. Nothing was imported.\n{ROWS}"
    ),
    Refusal(
        ("import", "csv", "spaces.csv"), f"spaces.csv, line 2: It has no name. Nothing was imported.\n{ROWS}"
    ),
    Refusal(
        ("import", "csv", "latin1.csv"),
        f"latin1.csv, line 2: byte 0xE9 is not valid utf-8; nothing was imported. {UTF8}",
    ),
    Refusal(("import", "csv", "nul.csv"), f"nul.csv, line 2: Name: {CONTROL} Nothing was imported.\n{ROWS}"),
    Refusal(
        ("import", "csv", "escape.csv"), f"escape.csv, line 2: Name: {CONTROL} Nothing was imported.\n{ROWS}"
    ),
    Refusal(("import", "csv", "empty.csv"), "empty.csv is empty; nothing was imported."),
    Refusal(
        ("import", "csv", "circle.csv"),
        'circle.csv, line 2: Circle: "best" is not a circle; choose one of core, close, friends, network, '
        f"acquaintance. Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "huge.csv"),
        "huge.csv, line 2: A cell holds more than 131,072 characters, too many for one field. "
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--map", "Nope=name"),
        'ok.csv has no column "Nope"; its columns are: name, email.',
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--delimiter", "xx"),
        'The delimiter is one character such as , ; | or the word tab, not "xx".',
    ),
    Refusal(
        ("import", "json", "broken.json"),
        "broken.json, line 1: this is not valid JSON (Expecting property name enclosed in double quotes); "
        "nothing was imported.",
    ),
    Refusal(
        ("import", "json", "contacts.json"),
        'contacts.json is not a quietnet export (it has no "format": "quietnet"); nothing was imported.',
    ),
    Refusal(("export", "json", "--output", "folder"), "folder is a folder; give a file name to write to."),
    Refusal(
        ("export", "csv", "--output", "missing/people.csv"),
        "The folder missing does not exist; nothing was written.",
    ),
    Refusal(("review", "--output", "folder"), "folder is a folder; give a file name to write to."),
    Refusal(
        ("backup", "--to", "ok.csv"), "ok.csv already exists; choose another name (nothing was written)."
    ),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's folder as the working directory, with every hostile file in it."""
    folder = tmp_path / "files"
    (folder / "folder").mkdir(parents=True)
    for name, content in CONTENT.items():
        (folder / name).write_bytes(content)
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("case", FILES, ids=ids(FILES))
def test_a_hostile_file_is_refused_and_nothing_changes(
    net: Net, store: Path, seeded: bytes, here: Path, case: Refusal
) -> None:
    seed(store, seeded)
    check_refused(net, store, case)
    assert sorted(p.name for p in here.iterdir()) == sorted([*CONTENT, "folder"])  # nothing new beside them
    assert list((here / "folder").iterdir()) == []


def _text(path: Path, seeded: bytes) -> None:
    path.write_bytes(b"my notes\n" * 50)


def _cut_in_the_header(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded[:60])


def _cut_after_the_header(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded[:8192])


def _another_program(path: Path, seeded: bytes) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()


def _newer(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


NOT_SQLITE = "{path} is not a quietnet store (it is not an SQLite database); it was left untouched."
STORES: list[tuple[str, Callable[[Path, bytes], None], str]] = [
    ("notes.txt", _text, NOT_SQLITE),
    ("cut.db", _cut_in_the_header, NOT_SQLITE),
    ("cut-later.db", _cut_after_the_header,
     "The store at {path} is damaged (database disk image is malformed). Run net doctor for help."),
    ("photos.db", _another_program,
     "{path} is an SQLite database from another program, not a quietnet store; it was left untouched."),
    ("newer.db", _newer,
     f"{{path}} was written by a newer quietnet (schema {SCHEMA_VERSION + 1}; this one knows up to "
     f"{SCHEMA_VERSION}). Upgrade quietnet to use it; it was left untouched."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "message"), STORES, ids=[s[0] for s in STORES])
@pytest.mark.parametrize("args", [("list",), ("log", "ana", "call")], ids=["read", "write"])
def test_a_file_that_is_not_a_usable_store_is_left_untouched(
    net: Net,
    seeded: bytes,
    here: Path,
    name: str,
    make: Callable[[Path, bytes], None],
    message: str,
    args: tuple[str, ...],
) -> None:
    make(here / name, seeded)
    before = (here / name).read_bytes()
    result = net("--db", name, *args)  # relative, as typed
    assert (result.code, result.out) == (3, ""), result
    assert result.err == message.format(path=here / name) + "\n"
    assert (here / name).read_bytes() == before
    wal = Path(f"{here / name}-wal")
    if name == "cut-later.db":  # a WAL store that opens, then fails: SQLite may leave an empty WAL
        assert not wal.exists() or wal.read_bytes() == b""
    else:
        assert not wal.exists()
        assert not Path(f"{here / name}-shm").exists()
