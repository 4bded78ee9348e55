"""Imports are read as bounded streams: no input can hang an import or exhaust memory.

A pipe or a device is refused before it is opened; a file over the size bound,
a line over the line bound, a card over the card bound, a property quietnet
reads over its bound and a file with too many records are refused with their
file (and line), and the store is left exactly as it was. A vCard's original
text is stored once. Peak memory is measured in test_import_memory.py (slow).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quietnet.io.cards import MAX_CARD, MAX_PROPERTY
from quietnet.io.reading import MAX_BYTES, MAX_LINE, MAX_RECORDS
from tests.catalogue import Refusal, build_seeded, check_refused, ids
from tests.helpers import Net, ok, seed

CARDS = "Fix them and run again, or add --skip-bad-cards to import the rest."
NOT_REGULAR = (
    "is not a regular file (a pipe or a device), so it can't be imported; "
    "save what it holds to a file and import that."
)
SPLIT = "nothing was imported. Split it and import the parts one after another."


def card(*lines: str) -> str:
    return "".join(f"{line}\r\n" for line in ("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"))


def _huge(path: Path) -> None:
    path.write_bytes(b"BEGIN:VCARD\r\n")
    os.truncate(path, MAX_BYTES + 1)  # sparse: takes no room, and is never read


def _long_line(path: Path) -> None:
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:")
    os.truncate(path, MAX_LINE + 100)  # one line of NULs, longer than any line may be


def _big_card(path: Path) -> None:
    fold = " " + "x" * 73 + "\r\n"
    head = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Baker\r\nPHOTO;ENCODING=b;TYPE=JPEG:xx\r\n"
    path.write_text(head + fold * (MAX_CARD // len(fold) + 1) + "END:VCARD\r\n", newline="")


def _long_note(path: Path) -> None:
    path.write_text(card("FN:Tom Baker", "NOTE:" + "n" * MAX_PROPERTY), newline="")


def _many_rows(path: Path) -> None:
    path.write_text("name\n" + "".join(f"P{i}\n" for i in range(MAX_RECORDS + 1)))


def _many_cards(path: Path) -> None:
    path.write_text("".join(card(f"FN:P{i}") for i in range(MAX_RECORDS + 1)), newline="")


MAKE = {
    "many.vcf": _many_cards,
    "huge.vcf": _huge,
    "long.vcf": _long_line,
    "big.vcf": _big_card,
    "note.vcf": _long_note,
    "many.csv": _many_rows,
}

BOUNDS = [
    Refusal(("import", "vcard", "pipe"), f"pipe {NOT_REGULAR}"),
    Refusal(("import", "csv", "pipe"), f"pipe {NOT_REGULAR}"),
    Refusal(("import", "linkedin", "pipe"), f"pipe {NOT_REGULAR}"),
    Refusal(("import", "json", "pipe"), f"pipe {NOT_REGULAR}"),
    Refusal(("import", "vcard", "/dev/zero"), f"/dev/zero {NOT_REGULAR}"),
    Refusal(("import", "csv", "/dev/zero"), f"/dev/zero {NOT_REGULAR}"),
    Refusal(
        ("import", "vcard", "huge.vcf"), f"huge.vcf is 32 MB, more than the 32 MB one import reads; {SPLIT}"
    ),
    Refusal(
        ("import", "csv", "huge.vcf"), f"huge.vcf is 32 MB, more than the 32 MB one import reads; {SPLIT}"
    ),
    Refusal(
        ("import", "vcard", "long.vcf"),
        "long.vcf, line 3: this line is longer than 16 MB, too long for any record; nothing was imported.",
    ),
    Refusal(
        ("import", "vcard", "big.vcf"),
        "big.vcf, line 1: This card is larger than 16 MB (a photo that big?), too large to import. "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "note.vcf"),
        "note.vcf, line 4: This property is longer than 65,536 characters, too long for any field. "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "many.vcf"),
        f"many.vcf has 25,001 cards, more than the 25,000 one import takes; {SPLIT}",
    ),
    Refusal(
        ("import", "csv", "many.csv"),
        f"many.csv has 25,002 rows, more than the 25,000 one import takes; {SPLIT}",
    ),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name, make in MAKE.items():
        make(folder / name)
    os.mkfifo(folder / "pipe")  # nobody ever writes to it: an import that opened it would wait forever
    return folder


@pytest.mark.parametrize("case", BOUNDS, ids=ids(BOUNDS))
def test_an_input_past_a_bound_is_refused_and_nothing_changes(
    net: Net, store: Path, seeded: bytes, inputs: Path, monkeypatch: pytest.MonkeyPatch, case: Refusal
) -> None:
    seed(store, seeded)
    monkeypatch.chdir(inputs)
    before = sorted(p.name for p in inputs.iterdir())
    check_refused(net, store, case)
    assert sorted(p.name for p in inputs.iterdir()) == before


def test_a_folder_of_cards_shares_one_bound(net: Net, store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "a.vcf").write_text(card("FN:Tom Baker"), newline="")
    (folder / "b.vcf").write_bytes(b"BEGIN:VCARD\r\n")
    os.truncate(folder / "b.vcf", MAX_BYTES - 10)
    result = net("import", "vcard", str(folder))
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f"{folder / 'b.vcf'} is 32 MB, and with the files before it this import reads more than 32 MB; "
        f"{SPLIT}\n"
    )


def test_a_photo_is_stored_once_and_given_back_as_it_was(net: Net, store: Path, tmp_path: Path) -> None:
    """A card's original text is in the person's row; the change journal does not hold it again."""
    import base64

    photo = base64.b64encode(os.urandom(600_000)).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    text = card("FN:Tom Baker", "EMAIL:tom@example.com", f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}")
    path = tmp_path / "tom.vcf"
    path.write_text(text, newline="")
    ok(net, "add", "Ana Ruiz")
    before = len(store.read_bytes())
    result = net("import", "vcard", str(path))
    assert result.code == 0, result
    grown = len(store.read_bytes()) - before
    assert 0.9 * len(text) < grown < 1.25 * len(text), (grown, len(text))  # once, not twice
    assert ok(net, "export", "vcard") == ok(net, "export", "vcard")  # stable
    exported = ok(net, "export", "vcard").replace("\r\n", "\n")
    assert max(len(line) for line in exported.split("\n")) <= 75  # folded, photo and all
    assert photo in exported.replace("\n ", "")
    undone = net("undo", "--yes")
    assert undone.code == 0, undone
    assert "Tom Baker" not in ok(net, "list")
    redone = net("undo", "--yes")  # undoing the undo brings Tom back, card and all
    assert redone.code == 0, redone
    exported = ok(net, "export", "vcard").replace("\r\n", "\n")
    assert max(len(line) for line in exported.split("\n")) <= 75  # folded, photo and all
    assert photo in exported.replace("\n ", "")
