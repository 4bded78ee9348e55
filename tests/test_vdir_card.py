"""io/vdir.py: a card changed only in the properties `net` owns, every other byte kept."""

from datetime import date

from quietnet.core.details import Contact
from quietnet.io import vdir

V4 = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:1\r\nFN:Ola Nowak\r\nNICKNAME:Olka,Ola\r\n"
    "ORG:Acme;Lab\r\nTEL;VALUE=uri;PREF=1:tel:+48-1\r\nBDAY:--0412\r\nEND:VCARD\r\n"
)


def test_only_the_fields_asked_change() -> None:
    changed = vdir.rewrite(
        V4, {"nickname": "Oleńka", "company": "Beta", "phone": "+48 2", "birthday": "05-01"}
    )
    assert changed == V4.replace("Olka,Ola", "Oleńka,Ola").replace("ORG:Acme;Lab", "ORG:Beta;Lab").replace(
        "tel:+48-1", "tel:+48 2"
    ).replace("--0412", "--0501")


def test_removing_a_field_removes_only_its_line() -> None:
    assert vdir.rewrite(V4, {"company": None, "phone": None}) == V4.replace("ORG:Acme;Lab\r\n", "").replace(
        "TEL;VALUE=uri;PREF=1:tel:+48-1\r\n", ""
    )


def test_a_new_field_goes_before_end_and_a_long_value_is_folded() -> None:
    role = "Chief " + "x" * 80
    changed = vdir.rewrite(V4, {"role": role, "email": "ola@example.org"})
    assert changed.endswith(
        f"TITLE:{role[:69]}\r\n {role[69:]}\r\nEMAIL;TYPE=INTERNET:ola@example.org\r\nEND:VCARD\r\n"
    )


def test_apples_birthday_without_a_year_keeps_its_form() -> None:
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12\nEND:VCARD\n"
    assert vdir.rewrite(card, {"birthday": "05-01"}) == card.replace("1604-04-12", "1604-05-01")
    assert vdir.rewrite(card, {"birthday": "1990-05-01"}) == card.replace(
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "BDAY:1990-05-01"
    )


def test_a_quoted_printable_line_that_changes_is_written_plain() -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Nowak;Ola=\r\n;;;\r\n"
        "FN:Ola Nowak\r\nEND:VCARD\r\n"
    )
    assert vdir.rewrite(card, {"name": "Ola Kowalska"}) == (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Kowalska;Ola;;;\r\nFN:Ola Kowalska\r\nEND:VCARD\r\n"
    )


def test_what_a_card_reads_back_as() -> None:
    read = vdir.read_one(V4, "ola.vcf", today=date(2025, 6, 19))
    assert isinstance(read, Contact)
    assert vdir.owned(read) == {
        "name": "Ola Nowak", "nickname": "Olka", "company": "Acme", "role": None, "email": None,
        "phone": "+48-1", "birthday": "04-12",
    }  # fmt: skip
    assert vdir.hashed("a", "phone", "1") != vdir.hashed("b", "phone", "1")  # salted with the UID
