"""vCards as producers write them (tests/fixtures/): no text lost, clean 3.0 out, groups as tags."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.helpers import Net, dump, people

FIXTURES = Path(__file__).parent / "fixtures"
ANDROID = FIXTURES / "android" / "contacts-commas.vcf"
OUTLOOK = FIXTURES / "outlook" / "ewa-work.vcf"
GOOGLE = FIXTURES / "google" / "contacts.vcf"
NEXTCLOUD = FIXTURES / "nextcloud" / "lea.vcf"
NEXTCLOUD_GROUP = FIXTURES / "nextcloud" / "walkers-group.vcf"
ICLOUD = FIXTURES / "icloud" / "book-club.vcf"
ALL = (ANDROID, OUTLOOK, GOOGLE, NEXTCLOUD, NEXTCLOUD_GROUP, ICLOUD)


def _export(net: Net, folder: Path, *db: str) -> str:
    """`net export vcard` exactly as written (CR LF line ends and all)."""
    path = folder / "export.vcf"
    assert net(*db, "export", "vcard", "--output", str(path), "--yes").code == 0
    return path.read_bytes().decode("utf-8")


def _cards(text: str) -> list[str]:
    return [c + "END:VCARD\r\n" for c in text.split("END:VCARD\r\n") if c.strip()]


def test_unescaped_commas_keep_every_character(net: Net, store: Path) -> None:
    assert net("import", "vcard", str(ANDROID)).code == 0
    assert net("import", "vcard", str(OUTLOOK)).code == 0
    found = people(store)
    ewa = found["Ewa Kowalska"]
    assert (ewa["role"], ewa["company"]) == ("Head of Sales, EMEA", "Smith, Jones & Co")
    assert ewa["notes"] == "Kids: Ola, Kuba. Likes tea, not coffee; lód latem."
    assert found["Michał Nowak"]["notes"] == "Kids: Ola, Kuba. Likes tea"
    tom = found["Tom Harris"]
    assert (tom["role"], tom["company"], tom["city"]) == (
        "Director, Partner Programs",
        "Contoso, Ltd.",
        "Redmond",
    )


def test_the_export_writes_back_what_was_read(net: Net, store: Path, tmp_path: Path) -> None:
    import vobject  # type: ignore[import-untyped]

    net("import", "vcard", str(ANDROID))
    net("import", "vcard", str(OUTLOOK))
    out = _export(net, tmp_path)
    cards = {c.fn.value: c for c in vobject.readComponents(out)}
    ewa, tom = cards["Ewa Kowalska"], cards["Tom Harris"]
    assert ewa.title.value == "Head of Sales, EMEA"
    assert ewa.note.value == "Kids: Ola, Kuba. Likes tea, not coffee; lód latem."
    assert ewa.org.value == ["Smith, Jones & Co", "Sales, North"]
    assert tom.label.value == "1 Microsoft Way\nRedmond, WA 98052\nUnited States of America"
    assert (
        "LABEL;TYPE=WORK;TYPE=PREF:1 Microsoft Way\\nRedmond\\, WA 98052\\nUnited State\r\n s of America\r\n"
        in out
    )


def test_every_card_is_written_as_one_consistent_vcard_3_0(net: Net, store: Path, tmp_path: Path) -> None:
    import vobject

    for path in ALL:
        assert net("import", "vcard", str(path)).code == 0
    out = _export(net, tmp_path)
    physical = out.split("\r\n")
    assert max(len(line.encode()) for line in physical) <= 75  # folded at 75 octets, photos too
    assert {c.version.value for c in vobject.readComponents(out)} == {"3.0"}
    for name in ("KIND", "GENDER", "ANNIVERSARY", "MEMBER", "X-ADDRESSBOOKSERVER-KIND"):
        assert not re.search(rf"^(\w+\.)?{name}[;:]", out, re.M), name
    for param in ("PREF=", '"', "CHARSET", "QUOTED-PRINTABLE"):
        assert param not in out
    lea = next(c for c in _cards(out) if "FN:Léa Martin" in c)
    assert "\r\nX-GENDER:F\r\nBDAY:--04-12\r\nX-ANNIVERSARY:20150620\r\n" in lea
    assert "\r\nTEL;TYPE=voice,cell;TYPE=pref:+33-6-12-34-56-78\r\n" in lea
    assert "\r\nEMAIL;TYPE=home;TYPE=pref:lea@example.fr\r\n" in lea
    assert "\r\nLABEL;TYPE=home:12 rue de la Paix\\n75002 Paris\r\n" in lea
    assert "\r\nPHOTO;ENCODING=b;TYPE=JPEG:bjQLnP" in lea
    card = vobject.readOne(lea)
    assert card.tel.params["TYPE"] == ["voice", "cell", "pref"]
    assert "item1.URL:https://priya.example.com/blog\r\n" in out  # Google's https\:// unescaped once
    saved = tmp_path / "all.vcf"
    saved.write_text(out, encoding="utf-8", newline="")
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "vcard", str(saved)).code == 0
    assert _export(net, tmp_path, "--db", str(other)) == out  # and back again, byte for byte


def test_apple_year_less_birthdays_are_written_without_a_year(net: Net, store: Path, tmp_path: Path) -> None:
    from tests.helpers import APPLE

    path = tmp_path / "apple.vcf"
    path.write_text(APPLE, encoding="utf-8", newline="")
    net("import", "vcard", str(path))
    out = _export(net, tmp_path)
    assert "\r\nBDAY:--04-12\r\n" in out
    assert "1604" not in out
    assert "X-APPLE-OMIT-YEAR" not in out


def test_a_group_card_becomes_a_tag_on_its_members(net: Net, store: Path) -> None:
    dry = net("import", "vcard", str(ICLOUD), "--dry-run")
    assert dry.out.splitlines() == [
        f"Importing {ICLOUD} (dry run):",
        f"  add      Chidi Okafor  ({ICLOUD}, line 1)",
        f"  add      Astrid Lindqvist  ({ICLOUD}, line 9)",
        'The group "Book Club" is a tag, not a person: book-club on 2 people '
        "(1 of its members is not in this file).",
        "Would import: 2 added, 0 updated. Nothing was changed (dry run).",
    ]
    result = net("import", "vcard", str(ICLOUD))
    assert result.out.splitlines() == [
        f"Imported {ICLOUD}: 2 added, 0 updated.",
        'The group "Book Club" is a tag, not a person: book-club on 2 people '
        "(1 of its members is not in this file).",
    ]
    found = people(store)
    assert sorted(found) == ["Astrid Lindqvist", "Chidi Okafor"]
    assert {p["tags"][0] for p in found.values()} == {"book-club"}
    before = dump(store)
    again = net("import", "vcard", str(ICLOUD))
    assert again.out.startswith(f"Imported {ICLOUD}: 0 added, 0 updated, 2 already up to date.\n")
    assert dump(store) == before


def test_a_vcard_4_group_in_a_folder_tags_members_from_other_files(
    net: Net, store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "nextcloud"
    folder.mkdir()
    for path in (NEXTCLOUD_GROUP, NEXTCLOUD):  # the group's file comes first
        shutil.copy(path, folder / path.name)
    result = net("import", "vcard", str(folder))
    assert result.out.splitlines() == [
        f"Imported {folder}: 1 added, 0 updated.",
        'The group "Sunday Walkers" is a tag, not a person: sunday-walkers on 1 person.',
    ]
    assert people(store)["Léa Martin"]["tags"] == ["sunday-walkers"]
    alone = net("import", "vcard", str(NEXTCLOUD_GROUP))
    assert alone.out.splitlines() == [
        f"Imported {NEXTCLOUD_GROUP}: 0 added, 0 updated.",
        'The group "Sunday Walkers" is a tag, not a person: none of its members is in this file '
        "(import it with them: one file, or one folder).",
    ]


def test_a_3_0_card_carrying_4_0_properties_is_cleaned(net: Net, store: Path, tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\nN:Lee;Sam;;;\r\nKIND:individual\r\nGENDER:M\r\n"
        'TEL;TYPE="voice,cell";PREF=1:+1 555 0100\r\nUID:sam-1\r\nEND:VCARD\r\n'
    )
    path = tmp_path / "sam.vcf"
    path.write_text(card, encoding="utf-8", newline="")
    assert net("import", "vcard", str(path)).code == 0
    assert _export(net, tmp_path) == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//quietnet//quietnet//EN\r\nFN:Sam Lee\r\nN:Lee;Sam;;;\r\n"
        "X-GENDER:M\r\nTEL;TYPE=voice,cell;TYPE=pref:+1 555 0100\r\nUID:sam-1\r\nEND:VCARD\r\n"
    )


ODDITIES = FIXTURES / "apple" / "companies-and-oddities.vcf"
CUSTOM_LABEL = FIXTURES / "android" / "custom-label.vcf"


def test_company_cards_are_left_out_and_counted_and_odd_lines_never_block_a_move(
    net: Net, store: Path, tmp_path: Path
) -> None:
    result = net("import", "vcard", str(ODDITIES))
    assert result.code == 0, result
    assert result.out == (
        f"Imported {ODDITIES}: 1 added, 0 updated.\n"
        "Left out 3 cards without a person's name: lines 1, 8, 13.\n"
    )
    circa = people(store)["Circa Person"]
    assert circa["birthday"] is None  # "circa 1980" is no date; the line stays in the card
    assert "BDAY;VALUE=text:circa 1980\r\n" in circa["vcard"]
    assert "X-CUSTOM:raw[2Jxyz\r\n" in circa["vcard"]  # control characters left out
    assert "LABEL;HOME:Main St 1Apt 2\r\n" in circa["vcard"]
    exported = tmp_path / "all.json"
    assert net("export", "json", "--output", str(exported)).code == 0
    moved = net("--db", str(tmp_path / "moved.db"), "import", "json", str(exported))
    assert moved.code == 0, moved  # the store's own export always comes back
    assert "\x1b" not in _export(net, tmp_path)


def test_a_parameter_3_0_cannot_name_is_left_out_of_the_export(net: Net, store: Path, tmp_path: Path) -> None:
    import vobject

    assert net("import", "vcard", str(CUSTOM_LABEL)).code == 0
    text = _export(net, tmp_path)
    assert "\r\nTEL:+48 111\r\n" in text
    assert [c.fn.value for c in vobject.readComponents(text)] == ["Anna Nowak"]
