"""`net import csv`: Google Contacts' export and any CSV with a header, strictly read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Net, dump, people

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,"
    "Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,"
    "Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,"
    "Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value"
)
GOOGLE_ROWS = [
    'Zoë,,Martin,,,,,,zoe,,Fabrikam,Designer,,--04-12,"Loves ceramics, climbs on Tuesdays",,'
    "* myContacts ::: Climbing ::: Book Club,* Home,zoe@example.com ::: zoe.m@work.example,,,Mobile,"
    '+33 6 12 34 56 78,Home,"12 Rue des Fleurs\nParis",12 Rue des Fleurs,Paris,,,75001,France,,,',
    "Seán,,O'Brien,,,,,,,,,,,1979-08-30,,,* myContacts,,,,,,,,,,Cork,,,,,,,",
    "李,,雷,,,,,,,,,,,,,,* starred ::: Work,* Work,li.lei@example.cn,,,,,,,,,,,,,,,",
]
GOOGLE = GOOGLE_HEADER + "\r\n" + "\r\n".join(GOOGLE_ROWS) + "\r\n"


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_google_contacts_export_with_a_byte_order_mark(net: Net, store: Path, tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOGLE.encode())
    result = net("import", "csv", str(path))
    assert result.code == 0, result
    assert result.out == f"Imported {path}: 3 added, 0 updated.\n"
    found = people(store)
    assert sorted(found) == ["Seán O'Brien", "Zoë Martin", "李 雷"]
    zoe = found["Zoë Martin"]
    assert {
        k: zoe[k] for k in ("nickname", "company", "role", "birthday", "email", "phone", "city", "notes")
    } == {
        "nickname": "zoe",
        "company": "Fabrikam",
        "role": "Designer",
        "birthday": "04-12",
        "email": "zoe@example.com",
        "phone": "+33 6 12 34 56 78",
        "city": "Paris",
        "notes": "Loves ceramics, climbs on Tuesdays",
    }
    assert zoe["tags"] == ["book-club", "climbing"]
    assert found["Seán O'Brien"]["birthday"] == "1979-08-30"
    assert found["李 雷"]["tags"] == ["starred", "work"]  # Google's starred, as from vCard


def test_reimporting_a_google_export_changes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "contacts.csv", GOOGLE)
    net("import", "csv", str(path))
    before = dump(store)
    result = net("import", "csv", str(path))
    assert result.out == f"Imported {path}: 0 added, 0 updated, 3 already up to date.\n"
    assert dump(store) == before


def test_dry_run_lists_columns_left_out(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "Name,Shoe size,Email\r\nAna Ruiz,38,ana@example.com\r\n")
    before = dump(store)
    result = net("import", "csv", str(path), "--dry-run")
    assert result.out.splitlines() == [
        f"Importing {path} (dry run):",
        f"  add      Ana Ruiz  ({path}, line 2)",
        "Columns not imported: Shoe size.",
        "Would import: 1 added, 0 updated. Nothing was changed (dry run).",
    ]
    assert dump(store) == before


def test_map_delimiter_and_encoding(net: Net, store: Path, tmp_path: Path) -> None:
    text = "Vollständiger Name;Firma;Stadt;Kreis\r\nJürgen Müller;Müller & Söhne;Köln;close\r\n"
    path = write(tmp_path, "de.csv", text, "cp1252")
    refused = net("import", "csv", str(path), "--delimiter", ";")
    assert refused.code == 1
    assert refused.err.startswith(f"{path}, line 1: byte 0xE4 is not valid utf-8")
    result = net(
        "import", "csv", str(path), "--delimiter", ";", "--encoding", "cp1252",
        "--map", "Vollständiger Name=name", "--map", "Firma=company", "--map", "Stadt=city",
        "--map", "Kreis=circle",
    )  # fmt: skip
    assert result.code == 0, result
    jurgen = people(store)["Jürgen Müller"]
    assert (jurgen["company"], jurgen["city"], jurgen["circle"]) == ("Müller & Söhne", "Köln", "close")


def test_tab_separated_and_neutralised_cells(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "c.tsv", "name\tphone\tnotes\r\nAna\t'+34 600 111 222\t'=not a formula\r\n")
    assert net("import", "csv", str(path), "--delimiter", "tab").code == 0
    ana = people(store)["Ana"]
    assert (ana["phone"], ana["notes"]) == ("+34 600 111 222", "=not a formula")


def test_quietnet_fields_by_their_own_names(net: Net, store: Path, tmp_path: Path) -> None:
    text = (
        "name,circle,closeness,kin,cadence_days,met_on,origin,how_met,interests,snoozed_until,tags\r\n"
        "Ana,close,4,yes,every 6 weeks,2019-05-01,colleague,at Fabrikam,"
        '"type, ceramics",2025-07-01,"a, b"\r\n'
    )
    assert net("import", "csv", str(write(tmp_path, "q.csv", text))).code == 0
    ana = people(store)["Ana"]
    assert (ana["circle"], ana["closeness"], ana["kin"], ana["cadence_days"]) == ("close", 4, 1, 42)
    assert (ana["met_on"], ana["origin"], ana["how_met"]) == ("2019-05-01", "colleague", "at Fabrikam")
    assert (ana["snoozed_until"], ana["tags"]) == ("2025-07-01", ["a", "b"])


BAD_ROWS = [
    ("quote", 'name,email\r\nAna,ana@example.com\r\nTom,"tom@example.com\r\nLia,lia@example.com\r\n',
     "{path}, line 3: A quoted cell that starts here is never closed (a missing closing quote)."),
    ("ragged", "name,email\r\nAna,ana@example.com\r\nTom,tom@example.com,extra\r\nLia\r\n",
     "2 rows could not be read"),
    ("date", "name,met_on\r\nAna,2019-05-01\r\nTom,02/03/2025\r\n",
     '{path}, line 3: Met on: "02/03/2025" could be 3 February (--date-order mdy) or 2 March'
     " (--date-order dmy); import again with one of them. Nothing was imported."),
    ("email", "name,email\r\nAna,not an address\r\n",
     '{path}, line 2: Email: "not an address" does not look like an email address. Nothing was imported.'),
    ("circle", "name,circle\r\nAna,inner\r\n",
     '{path}, line 2: Circle: "inner" is not a circle; choose one of core, close, friends, network,'
     " acquaintance. Nothing was imported."),
    ("control", "name\r\nAna\x00\r\n",
     "{path}, line 2: Name: A name can't contain control characters (such as tabs, newlines or NUL)."
     " Nothing was imported."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "message"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_bad_rows_abort_with_their_line_numbers(
    net: Net, store: Path, tmp_path: Path, name: str, text: str, message: str
) -> None:
    net("add", "Somebody")
    before = dump(store)
    path = write(tmp_path, f"{name}.csv", text)
    result = net("import", "csv", str(path))
    assert result.code == 1, result
    assert result.err.splitlines()[0].startswith(
        message.format(path=path).removesuffix(" Nothing was imported.")
    )
    assert "--skip-bad-rows" in result.err
    assert dump(store) == before
    assert not (tmp_path / "backups").exists()


def test_ragged_rows_are_each_named(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", BAD_ROWS[1][1])
    assert net("import", "csv", str(path)).err.splitlines()[1:3] == [
        f"  {path}, line 3: It has 3 cells where the header has 2.",
        f"  {path}, line 4: It has 1 cells where the header has 2.",
    ]


def test_skip_bad_rows_imports_the_rest(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", BAD_ROWS[0][1])
    result = net("import", "csv", str(path), "--skip-bad-rows")
    assert result.code == 0
    assert result.out.splitlines() == [
        f"Imported {path}: 1 added, 0 updated.",
        "Not imported (1 could not be read):",
        f"  {path}, line 3: A quoted cell that starts here is never closed (a missing closing quote).",
    ]
    assert list(people(store)) == ["Ana"]


def test_a_file_without_a_name_column_is_refused_with_a_hint(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "Email,Phone\r\nana@example.com,1\r\n")
    result = net("import", "csv", str(path))
    assert result.code == 1
    assert result.err == (
        f"{path}: no column holds names (looked for Name, Full Name, First Name, Last Name...). "
        'Name it with --map "COLUMN=name".\n'
    )
    semi = write(tmp_path, "semi.csv", "Name;Email\r\nAna;ana@example.com\r\n")
    assert "try --delimiter ';'" in net("import", "csv", str(semi)).err


def test_utf16_is_recognised_and_refused_with_the_fix(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, "outlook.csv", "Name\r\nZoë\r\n", "utf-16")
    result = net("import", "csv", str(path))
    assert result.code == 1
    assert "It starts with a UTF-16 byte-order mark: run again with --encoding utf-16." in result.err
    assert net("import", "csv", str(path), "--encoding", "utf-16").code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "Nope=name"), 'has no column "Nope"; its columns are: Name, Email.'),
        (("--map", "Name=shoe"), '"shoe" is not a field to map to; choose one of name,'),
        (("--map", "Name"), '--map takes "COLUMN=field", such as "Full Name=name", not "Name".'),
        (("--delimiter", ";;"), 'The delimiter is one character such as , ; | or the word tab, not ";;".'),
        (("--encoding", "klingon"), '"klingon" is not an encoding Python knows'),
        (("--circle", "inner"), '"inner" is not a circle'),
    ],
)
def test_bad_options_are_refused(
    net: Net, store: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = write(tmp_path, "c.csv", "Name,Email\r\nAna,ana@example.com\r\n")
    before = dump(store)
    result = net("import", "csv", str(path), *args)
    assert result.code == 1, result
    assert message in result.err
    assert dump(store) == before


def test_an_empty_file_is_refused(net: Net, tmp_path: Path) -> None:
    path = write(tmp_path, "empty.csv", "")
    assert net("import", "csv", str(path)).err == f"{path} is empty; nothing was imported.\n"
