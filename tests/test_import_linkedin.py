"""`net import linkedin`: Connections.csv as LinkedIn writes it, notes before the header and all."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Net, dump, people

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email."\r\n'
    "\r\n"
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
ROWS = (
    "Ana,Ruiz,https://www.linkedin.com/in/anaruiz,ana@example.com,Fabrikam,Product Designer,12 Mar 2021\r\n"
    'Seán,O\'Brien,https://www.linkedin.com/in/seanobrien,,"Contoso, Ltd",CTO,01 Feb 2019\r\n'
    "Zoë,🌿,https://www.linkedin.com/in/zoe,,,,28 Dec 2024\r\n"
)
CONNECTIONS = PREAMBLE + HEADER + ROWS


def write(folder: Path, text: str, name: str = "Connections.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_connections_come_in_with_the_date_you_connected(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, CONNECTIONS)
    result = net("import", "linkedin", str(path))
    assert result.code == 0, result
    assert result.out == f"Imported {path}: 3 added, 0 updated.\n"
    found = people(store)
    ana = found["Ana Ruiz"]
    assert {k: ana[k] for k in ("company", "role", "email", "met_on", "notes", "circle")} == {
        "company": "Fabrikam",
        "role": "Product Designer",
        "email": "ana@example.com",
        "met_on": "2021-03-12",
        "notes": "LinkedIn: https://www.linkedin.com/in/anaruiz",
        "circle": "acquaintance",
    }
    assert found["Seán O'Brien"]["company"] == "Contoso, Ltd"
    assert found["Zoë 🌿"]["met_on"] == "2024-12-28"


def test_a_second_download_updates_instead_of_duplicating(net: Net, store: Path, tmp_path: Path) -> None:
    net("import", "linkedin", str(write(tmp_path, CONNECTIONS)))
    net("edit", "ana", "--note", "met her at the design week")
    before = dump(store)
    assert net("import", "linkedin", str(write(tmp_path, CONNECTIONS))).out.endswith(
        "3 already up to date.\n"
    )
    assert dump(store) == before
    moved = CONNECTIONS.replace("Fabrikam,Product Designer", "Northwind,Head of Design")
    result = net("import", "linkedin", str(write(tmp_path, moved, "later.csv")))
    assert result.out == f"Imported {tmp_path / 'later.csv'}: 0 added, 1 updated, 2 already up to date.\n"
    ana = people(store)["Ana Ruiz"]
    assert (ana["company"], ana["role"], ana["notes"]) == (
        "Northwind",
        "Head of Design",
        "met her at the design week",
    )


def test_someone_you_already_have_is_matched_by_name(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz", "--circle", "close", "--met", "2015-01-01")
    net("import", "linkedin", str(write(tmp_path, CONNECTIONS)))
    ana = people(store)["Ana Ruiz"]
    assert (ana["circle"], ana["met_on"]) == ("close", "2021-03-12")
    assert len(people(store)) == 3


def test_a_row_without_a_name_is_left_out_and_counted(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, CONNECTIONS + ",,https://www.linkedin.com/in/ghost,,,,05 May 2020\r\n")
    result = net("import", "linkedin", str(path))
    assert result.code == 0, result
    assert result.out == (
        f"Imported {path}: 3 added, 0 updated.\nLeft out 1 row without a person's name: line 8.\n"
    )
    assert len(people(store)) == 3


def test_a_bad_date_names_its_line(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, PREAMBLE + HEADER + "Ana,Ruiz,,,,,someday\r\n")
    result = net("import", "linkedin", str(path))
    assert result.code == 1
    assert result.err.startswith(f'{path}, line 5: Met on: Can\'t read "someday" as a date.')


def test_other_files_are_refused_with_a_pointer_to_import_csv(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, "Name,Email\r\nAna,ana@example.com\r\n", "other.csv")
    result = net("import", "linkedin", str(path))
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{path} doesn't look like LinkedIn's Connections.csv (no \"First Name,Last Name,...\" header);"
        " nothing was imported.",
        "For other CSV files use: net import csv FILE",
    ]
