"""The hostile files and stores of test_catalogue_files.py, counted with the rest by test_catalogue.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from quietnet.engine.constants import SCHEMA_VERSION
from tests.cases import CIRCLES
from tests.catalogue import Refusal

CARDS = "Fix them and run again, or add --skip-bad-cards to import the rest."


ROWS = "Fix them and run again, or add --skip-bad-rows to import the rest."


LINES = "Fix them and run again, or add --skip-bad-lines to import the rest."


UTF8 = (
    "Save it as UTF-8 (most tools offer it under Save as or Export), or name its encoding with --encoding, "
    "e.g. --encoding cp1252 or --encoding latin-1."
)


CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."


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
        ("import", "vcard", "quoted.vcf"),
        "quoted.vcf, line 4: This card could not be read (a parameter whose quote is never closed: "
        f'"TEL;TYPE="voice,cell:+1 555 0100"). Nothing was imported.\n{CARDS}',
    ),
    Refusal(
        ("import", "vcard", "charset.vcf"),
        "charset.vcf, line 3: This card could not be read (FN names an encoding that does not exist: "
        f'"KLINGON"). Nothing was imported.\n{CARDS}',
    ),
    Refusal(
        ("import", "vcard", "qp.vcf"),
        "qp.vcf, line 3: This card could not be read (FN: its quoted-printable text is not valid UTF-8). "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "group.vcf"),
        'group.vcf, line 3: FN: Tags: "Book\\x1b[2JClub" has control characters; tags are single words. '
        f"Nothing was imported.\n{CARDS}",
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
        ("import", "csv", "outlook.csv"),
        'outlook.csv, line 2: Birthday: "13/25/1985" is not a date read month first (month/day/year). '
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--date-order", "ymd"),
        '--date-order is mdy (4/12/1985 is 12 April) or dmy (4 December), not "ymd".',
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
    Refusal(("import", "friends", "empty.md"), "empty.md is empty; nothing was imported."),
    Refusal(
        ("import", "friends", "shopping.md"),
        "shopping.md doesn't look like a friends.md file (no ### Activities: or ### Friends: section); "
        "nothing was imported.",
    ),
    Refusal(
        ("import", "friends", "escape.md"),
        f"escape.md, line 2: Name: {CONTROL} Nothing was imported.\n{LINES}",
    ),
    Refusal(
        ("import", "friends", "future.md"),
        "future.md, line 2: 2025-06-20 is after today (2025-06-19); pick today or an earlier day. "
        f"Nothing was imported.\n{LINES}",
    ),
    Refusal(
        ("import", "friends", "heading.md"),
        'heading.md, line 3: "## Family:" is not a section of friends.md (### Activities:, ### Notes:, '
        f"### Friends:, ### Locations:). Nothing was imported.\n{LINES}",
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
    # net sync vdir: the folder of an address book, checked before anything is read or written
    Refusal(
        ("sync", "vdir", "ok.vcf"), "ok.vcf is not a folder; give the folder of your address book (a vdir)."
    ),
    Refusal(("sync", "vdir", "gone"), "gone does not exist; give the folder of your address book (a vdir)."),
    Refusal(
        ("sync", "vdir", "folder", "--prefer", "mine"),
        '--prefer takes store or folder, not "mine"; nothing was changed.',
    ),
    Refusal(("sync", "vdir", "folder", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    Refusal(
        ("sync", "vdir", "fol\x1b[2Jder"),
        "The path fol\\x1b[2Jder holds a line break or another control character; choose or rename it to one "
        "without. Nothing was written.",
    ),
]


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
