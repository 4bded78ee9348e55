"""`net import vcard`: phones, iCloud, Google, CardDAV folders; re-imports update, bad cards are refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import APPLE, Net, dump, people

# An Android export (vCard 2.1): quoted-printable UTF-8 with soft line breaks, bare TYPE params.
ANDROID = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
    "TEL;CELL;PREF:+49 170 1234567\r\n"
    "TEL;HOME:+49 30 7654321\r\n"
    "EMAIL;HOME:juergen@example.de\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kennt sich mit Fahrr=C3=A4dern aus; hat uns beim Umz=\r\n"
    "ug gehol=\r\n"
    "fen.\r\n"
    "BDAY:1984-11-03\r\n"
    "END:VCARD\r\n"
)
# vCard 4.0 (Nextcloud, Fastmail): BDAY without a year as --MMDD, TEL as a URI.
V4 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN:李雷\n"
    "N:李;雷;;;\n"
    "BDAY:--0412\n"
    "EMAIL;TYPE=work:li.lei@example.cn\n"
    "TEL;VALUE=uri;TYPE=cell:tel:+86-10-1234-5678\n"
    "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n"
    "END:VCARD\n"
)
# Unusual names and missing fields: an emoji, a single name, nothing but a name.
SPARSE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 🌿 Martin\r\nN:Martin;Zoë;;;\r\nNICKNAME:zoe\r\n"
    "CATEGORIES:climbing\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;Prince;;;\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nEND:VCARD\r\n"
)
PHONE = APPLE + ANDROID + V4 + SPARSE
NAMES = ["Siobhán O'Brien", "Jürgen Müller", "李雷", "Zoë 🌿 Martin", "Prince", "Ana Ruiz"]


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_phone_export_comes_in_with_every_field_quietnet_keeps(
    net: Net, store: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, "contacts.vcf", PHONE)
    result = net("import", "vcard", str(path))
    assert result.code == 0, result
    assert result.out == f"Imported {path}: 6 added, 0 updated.\n"
    assert "A snapshot of the store before this import" in result.err
    found = people(store)
    assert sorted(found) == sorted(NAMES)
    sio = found["Siobhán O'Brien"]
    assert {k: sio[k] for k in ("company", "role", "email", "phone", "city", "birthday", "circle")} == {
        "company": "Fabrikam",
        "role": "Lead designer",
        "email": "siobhan@example.com",
        "phone": "+353 87 123 4567",
        "city": "Dublin",
        "birthday": "04-12",
        "circle": "acquaintance",
    }
    assert sio["notes"] == "Met at the Dublin type conference.\nLoves sea swimming."
    assert sio["tags"] == ["book-club", "friends"]
    assert sio["card_uid"] == "2B7E3F4A-1C9D-4E5F-8A6B-7C8D9E0F1A2B"
    assert "X-SOCIALPROFILE" in sio["vcard"]
    assert "PHOTO" in sio["vcard"]
    juergen = found["Jürgen Müller"]
    assert juergen["phone"] == "+49 170 1234567"
    assert juergen["notes"] == "Kennt sich mit Fahrrädern aus; hat uns beim Umzug geholfen."
    assert juergen["birthday"] == "1984-11-03"
    li = found["李雷"]
    assert (li["birthday"], li["phone"], li["email"]) == ("04-12", "+86-10-1234-5678", "li.lei@example.cn")
    assert li["uuid"] == "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"  # a urn:uuid UID is kept as the uuid
    assert found["Zoë 🌿 Martin"]["nickname"] == "zoe"
    assert found["Prince"]["email"] is None


def test_the_import_is_one_journalled_change_and_summaries_are_current(
    net: Net, store: Path, tmp_path: Path
) -> None:
    net("import", "vcard", str(write(tmp_path, "contacts.vcf", PHONE)))
    conn = sqlite3.connect(store)
    changes = conn.execute("SELECT command, summary FROM change").fetchall()
    tables = {r[0] for r in conn.execute("SELECT DISTINCT table_name FROM change_row")}
    states = conn.execute("SELECT count(*) FROM person_state").fetchone()[0]
    conn.close()
    assert changes == [("import", f"Imported 6 people from {tmp_path / 'contacts.vcf'}")]
    assert tables == {"person", "tag", "person_tag"}
    assert states == 6
    assert net("doctor").code == 0


def test_importing_the_same_cards_again_changes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "contacts.vcf", PHONE)
    net("import", "vcard", str(path))
    before = dump(store)
    snapshots = sorted((tmp_path / "backups").iterdir())
    again = net("import", "vcard", str(path))
    assert again.code == 0
    assert again.out == f"Imported {path}: 0 added, 0 updated, 6 already up to date.\n"
    assert dump(store) == before
    assert sorted((tmp_path / "backups").iterdir()) == snapshots  # nothing to write: no snapshot


def test_a_changed_card_updates_the_person_it_matches(net: Net, store: Path, tmp_path: Path) -> None:
    net("import", "vcard", str(write(tmp_path, "contacts.vcf", PHONE)))
    assert net("edit", "siobhan", "--circle", "close", "--note", "my own words").code == 0
    newer = APPLE.replace("+353 87 123 4567", "+353 86 000 0000").replace(
        "FN:Siobhán O'Brien", "FN:Siobhán Kelly"
    )
    newer = newer.replace("Friends,Book Club", "Friends,Sea Swimming")
    result = net("import", "vcard", str(write(tmp_path, "newer.vcf", newer)))
    assert result.out == f"Imported {tmp_path / 'newer.vcf'}: 0 added, 1 updated.\n"
    sio = people(store)["Siobhán Kelly"]  # matched by UID, so the new name is taken
    assert sio["phone"] == "+353 86 000 0000"
    assert sio["circle"] == "close"  # yours, untouched
    assert sio["notes"] == "my own words"  # yours, untouched
    assert sio["tags"] == ["book-club", "friends", "sea-swimming"]  # added, never removed


def test_cards_without_a_uid_match_by_email_then_by_name(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Jürgen Müller", "--email", "JUERGEN@example.de", "--city", "Berlin")
    net("add", "ana ruiz")
    result = net(
        "import", "vcard", str(write(tmp_path, "c.vcf", ANDROID.replace("Müller", "Mueller") + SPARSE))
    )
    assert result.out == f"Imported {tmp_path / 'c.vcf'}: 2 added, 2 updated.\n"
    found = people(store)
    assert found["Jürgen Müller"]["phone"] == "+49 170 1234567"  # by email; your spelling of the name kept
    assert found["Jürgen Müller"]["city"] == "Berlin"
    assert found["ana ruiz"]["vcard"] is not None  # by name
    assert len(found) == 4


def test_two_people_with_the_name_are_skipped_and_said(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    net("add", "Ana Ruiz", "--yes")
    path = write(tmp_path, "c.vcf", SPARSE)
    result = net("import", "vcard", str(path))
    assert result.code == 0
    assert "1 skipped" in result.out
    assert "skip     Ana Ruiz: matches several people (Ana Ruiz (#1), Ana Ruiz (#2))" in result.out


def test_duplicates_within_the_file_become_one_person(net: Net, store: Path, tmp_path: Path) -> None:
    twin = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nTEL:+34 600 000 000\r\nUID:other\r\nEND:VCARD\r\n"
    path = write(tmp_path, "c.vcf", SPARSE + twin)
    first = net("import", "vcard", str(path))
    assert first.out == f"Imported {path}: 3 added, 0 updated, 1 combined.\n"
    assert people(store)["Ana Ruiz"]["phone"] == "+34 600 000 000"
    before = dump(store)
    again = net("import", "vcard", str(path))
    assert again.out == f"Imported {path}: 0 added, 0 updated, 3 already up to date, 1 combined.\n"
    assert dump(store) == before


def test_dry_run_shows_the_plan_and_writes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    before = dump(store)
    path = write(tmp_path, "c.vcf", SPARSE)
    result = net("import", "vcard", str(path), "--dry-run")
    assert result.code == 0
    assert result.out.splitlines() == [
        f"Importing {path} (dry run):",
        f"  add      Zoë 🌿 Martin  ({path}, line 1)",
        f"  add      Prince  ({path}, line 8)",
        f"  update   Ana Ruiz (#1): the original card  ({path}, line 12)",
        "Would import: 2 added, 1 updated. Nothing was changed (dry run).",
    ]
    assert dump(store) == before
    assert not (tmp_path / "backups").exists()


def test_a_folder_of_cards_and_the_circle_for_new_people(net: Net, store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    write(folder, "a.vcf", APPLE)
    write(folder, "b.VCF", V4)
    write(folder, "notes.txt", "not a card")
    result = net("import", "vcard", str(folder), "--circle", "network")
    assert result.out == f"Imported {folder}: 2 added, 0 updated.\n"
    assert {p["circle"] for p in people(store).values()} == {"network"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (
        net("import", "vcard", str(empty)).err
        == f"There are no .vcf files in {empty}; nothing was imported.\n"
    )


BROKEN = [
    (
        "notes.vcf",
        "Shopping list\nmilk\n",
        "{path} is not a vCard file (it has no BEGIN:VCARD line); nothing was imported.",
    ),
    ("empty.vcf", "", "{path} is empty; nothing was imported."),
    (
        "cut.vcf",
        SPARSE + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n",
        "{path}, line 16: This card has no END:VCARD line (is the file cut short?). Nothing was imported.",
    ),
    (
        "noname.vcf",
        SPARSE + "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:who@example.com\r\nEND:VCARD\r\n",
        "{path}, line 16: This card has no name (no FN or N). Nothing was imported.",
    ),
    (
        "bday.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nBDAY:1990-13-45\r\nEND:VCARD\r\n",
        '{path}, line 4: BDAY: "1990-13-45" does not exist: there is no month 13 (months run from 01 to 12,'
        " as in 2025-06-21). Nothing was imported.",
    ),
    (
        "garbled.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nthis line has no colon\r\nEND:VCARD\r\n",
        '{path}, line 4: This card could not be read (a line without a colon: "this line has no colon"). '
        "Nothing was imported.",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_are_refused_with_file_line_and_reason(
    net: Net, store: Path, tmp_path: Path, name: str, text: str, message: str
) -> None:
    net("add", "Somebody")
    before = dump(store)
    path = write(tmp_path, name, text)
    result = net("import", "vcard", str(path))
    assert result.code == 1, result
    assert result.err.splitlines()[0] == message.format(path=path)
    assert result.out == ""
    assert dump(store) == before
    assert not (tmp_path / "backups").exists()


def test_skip_bad_cards_imports_the_rest_and_lists_the_bad(net: Net, store: Path, tmp_path: Path) -> None:
    bad = "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:who@example.com\r\nEND:VCARD\r\n"
    path = write(tmp_path, "c.vcf", bad + SPARSE + bad)
    refused = net("import", "vcard", str(path))
    assert refused.code == 1
    assert refused.err.splitlines() == [
        "2 cards could not be read, so nothing was imported:",
        f"  {path}, line 1: This card has no name (no FN or N).",
        f"  {path}, line 20: This card has no name (no FN or N).",
        "Fix them and run again, or add --skip-bad-cards to import the rest.",
    ]
    result = net("import", "vcard", str(path), "--skip-bad-cards")
    assert result.code == 0
    assert result.out.splitlines() == [
        f"Imported {path}: 3 added, 0 updated.",
        "Not imported (2 could not be read):",
        f"  {path}, line 1: This card has no name (no FN or N).",
        f"  {path}, line 20: This card has no name (no FN or N).",
    ]


def test_another_encoding_is_refused_with_a_hint_never_guessed(net: Net, store: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "latin.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n", "latin-1")
    before = dump(store)
    result = net("import", "vcard", str(path))
    assert result.code == 1
    assert result.err.startswith(f"{path}, line 3: byte 0xEB is not valid utf-8; nothing was imported.")
    assert "--encoding cp1252" in result.err
    assert dump(store) == before
    assert net("import", "vcard", str(path), "--encoding", "latin-1").code == 0
    assert "Zoë" in people(store)


def test_a_byte_order_mark_is_fine(net: Net, store: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.vcf"
    path.write_bytes(b"\xef\xbb\xbf" + SPARSE.encode())
    assert net("import", "vcard", str(path)).code == 0
    assert "Prince" in people(store)


def test_a_missing_file_is_refused(net: Net, tmp_path: Path) -> None:
    result = net("import", "vcard", str(tmp_path / "nope.vcf"))
    assert (result.code, result.err) == (1, f"{tmp_path / 'nope.vcf'} does not exist.\n")


def test_the_journal_holds_each_imported_row(net: Net, store: Path, tmp_path: Path) -> None:
    net("import", "vcard", str(write(tmp_path, "c.vcf", V4)))
    conn = sqlite3.connect(store)
    (new,) = conn.execute("SELECT new FROM change_row WHERE table_name = 'person'").fetchone()
    conn.close()
    assert json.loads(new)["name"] == "李雷"
