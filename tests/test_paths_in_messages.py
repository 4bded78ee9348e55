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


def test_an_export_names_its_file_with_control_characters_escaped(net: Net, tmp_path: Path) -> None:
    result = net("export", "json", "--output", f"a{ESC}.json")
    assert (result.code, result.out, result.err) == (
        0,
        "Wrote 1 person and their history to a\\x1b[31m.json.\n",
        "",
    )
    assert (tmp_path / f"a{ESC}.json").read_text().startswith("{")


def test_a_card_folder_is_named_escaped_and_counted_in_the_singular(net: Net, tmp_path: Path) -> None:
    result = net("export", "vcard", "--folder", f"cards{ESC}")
    assert (result.code, result.out) == (0, "Wrote 1 card to cards\\x1b[31m.\n")
    assert len(list((tmp_path / f"cards{ESC}").iterdir())) == 1


def test_a_backup_and_a_copy_name_their_target_escaped(net: Net, tmp_path: Path) -> None:
    (tmp_path / f"b{ESC}").mkdir()
    backed = net("backup", "--to", f"b{ESC}")
    assert backed.code == 0, backed
    assert backed.out.startswith(f"Backed up to {tmp_path}/b\\x1b[31m/")
    copied = net("copy", "--to", f"c{ESC}.db")
    assert copied.code == 0, copied
    assert "\x1b" not in copied.out + copied.err
    assert copied.err == f"Created a new quietnet store at {tmp_path}/c\\x1b[31m.db\n"
    assert copied.out == (
        f"Copied 1 person (1 record) to {tmp_path}/c\\x1b[31m.db; its export matches this store's exactly.\n"
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
