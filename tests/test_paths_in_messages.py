"""Paths the user gives come back escaped and counted in good grammar; a bad path is refused calmly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Net, files, ok

ESC = "\x1b[31m"


@pytest.fixture(autouse=True)
def ana(net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok(net, "add", "Ana Ruiz")
    monkeypatch.chdir(tmp_path)


def test_an_export_names_its_file_and_counts_in_the_singular(net: Net, tmp_path: Path) -> None:
    result = net("export", "json", "--output", "a b.json")
    assert (result.code, result.out, result.err) == (0, "Wrote 1 person and their history to a b.json.\n", "")
    assert (tmp_path / "a b.json").read_text().startswith("{")


def test_a_card_folder_is_counted_in_the_singular(net: Net, tmp_path: Path) -> None:
    result = net("export", "vcard", "--folder", "cards")
    assert (result.code, result.out) == (0, "Wrote 1 card to cards.\n")
    assert len(list((tmp_path / "cards").iterdir())) == 1


def test_a_backup_and_a_copy_name_their_target_in_full(net: Net, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    backed = net("backup", "--to", "b")
    assert backed.code == 0, backed
    assert backed.out.startswith(f"Backed up to {tmp_path}/b/net-")
    copied = net("copy", "--to", "c.db")
    assert copied.code == 0, copied
    assert copied.err == f"Created a new quietnet store at {tmp_path}/c.db\n"
    assert copied.out == (
        f"Copied 1 person (1 record) to {tmp_path}/c.db; its export matches this store's exactly.\n"
    )


def test_a_file_where_the_card_folder_should_be_is_refused(net: Net, store: Path, tmp_path: Path) -> None:
    (tmp_path / "cards").write_text("mine")
    before = files(store)
    result = net("export", "vcard", "--folder", "cards")
    assert (result.code, result.out) == (1, "")
    assert result.err == "cards is not a folder; nothing was written. Give a folder to write into.\n"
    assert (tmp_path / "cards").read_text() == "mine"
    assert files(store) == before


TOO_LONG = "x" * 300 + ".vcf"


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("vcard", f"{TOO_LONG} is too long for the file system; choose a shorter name."),
        ("csv", f"{TOO_LONG} could not be read: File name too long."),
        ("json", f"{TOO_LONG} could not be read: File name too long."),
    ],
)
def test_a_file_name_too_long_for_the_file_system_is_refused(
    net: Net, store: Path, kind: str, message: str
) -> None:
    before = files(store)
    result = net("import", kind, TOO_LONG)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before


@pytest.mark.parametrize("kind", ["vcard", "csv", "json", "linkedin"])
def test_standard_input_is_not_an_import_file(net: Net, store: Path, kind: str) -> None:
    before = files(store)
    result = net("import", kind, "-")
    message = "An import reads a file, not standard input; save the data to a file and import that.\n"
    assert (result.code, result.out, result.err) == (1, "", message)
    assert files(store) == before


LINE_BREAK = "holds a line break or another control character; choose or rename it to one without."


@pytest.mark.parametrize(
    ("args", "shown", "after"),
    [
        (
            ("export", "json", "-o", "x\nDeleted everything.json"),
            "x\\x0aDeleted everything.json",
            " Nothing was written.",
        ),
        (("review", "-o", "r\t.txt"), "r\\x09.txt", " Nothing was written."),
        (("export", "vcard", "--folder", "c\nd"), "c\\x0ad", " Nothing was written."),
        (("backup", "--to", "b\n.db"), "b\\x0a.db", " Nothing was written."),
        (("copy", "--to", "c\n.db"), "c\\x0a.db", " Nothing was written."),
        (("restore", "r\n.db", "--yes"), "r\\x0a.db", " Nothing was written."),
        (("import", "csv", "i\n.csv"), "i\\x0a.csv", ""),
        (("export", "json", "-o", f"a{ESC}.json"), "a\\x1b[31m.json", " Nothing was written."),
        (("export", "vcard", "--folder", f"cards{ESC}"), "cards\\x1b[31m", " Nothing was written."),
    ],
)
def test_a_path_with_a_line_break_is_refused_before_anything_is_written(
    net: Net, store: Path, tmp_path: Path, args: tuple[str, ...], shown: str, after: str
) -> None:
    before, listing = files(store), sorted(p.name for p in tmp_path.iterdir())
    result = net(*args)
    assert (result.code, result.out, result.err) == (1, "", f"The path {shown} {LINE_BREAK}{after}\n")
    assert files(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
