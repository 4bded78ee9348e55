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

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cases_files import FILES, STORES
from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import Net, seed


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
    "quoted.vcf": card("FN:Tom", 'TEL;TYPE="voice,cell:+1 555 0100', "END:VCARD"),
    "charset.vcf": card("FN;CHARSET=KLINGON;ENCODING=QUOTED-PRINTABLE:Tom=20Baker", "END:VCARD"),
    "qp.vcf": card("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=E9", "END:VCARD"),
    "group.vcf": card("FN:Book\x1b[2JClub", "X-ADDRESSBOOKSERVER-KIND:group", "END:VCARD"),
    "quote.csv": b'name,email\n"Tom,tom@example.com\nAna,ana@example.com\n',
    "ragged.csv": b"name,email\nTom,tom@example.com,extra,more\nAna\n",
    "nonames.csv": b"email,phone\ntom@example.com,123\n",
    "latin1.csv": b"name,email\nJos\xe9,jose@example.com\n",
    "nul.csv": b"name,email\nTo\x00m,tom@example.com\n",
    "escape.csv": b"name,email\n\x1b[31mTom,tom@example.com\n",
    "empty.csv": b"",
    "circle.csv": b"name,circle\nTom,best\n",
    "outlook.csv": b'"Title","First Name","Last Name","Job Title","E-mail Address","Business City",'
    b'"Home City","Birthday"\r\n"Mr.","Tom","Baker","","","","","13/25/1985"\r\n',
    "huge.csv": b"name,notes\nTom," + b"n" * 200_000 + b"\n",
    "ok.csv": b"name,email\nTom,tom@example.com\n",
    "broken.json": b'{"format": "quietnet", ',
    "contacts.json": b'{"contacts": []}',
    "empty.md": b"",
    "shopping.md": b"# Shopping\n- milk\n- tea\n",
    "escape.md": b"### Friends:\n- Tom\x1b]0;owned\x07\n",
    "future.md": b"### Activities:\n- 2025-06-20: Dinner with **Tom**.\n",
    "heading.md": b"### Friends:\n- Tom\n## Family:\n- Ana\n",
}


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
