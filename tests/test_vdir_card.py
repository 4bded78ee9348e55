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
        "tel:+48-1", "tel:+48-2"
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


def test_a_text_birthday_is_replaced_by_the_date_not_doubled() -> None:
    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Old One\r\nBDAY;VALUE=text:circa 1800\r\nEND:VCARD\r\n"
    assert vdir.rewrite(card, {"birthday": "1990-01-01"}) == card.replace(
        "BDAY;VALUE=text:circa 1800", "BDAY:19900101"
    )


def test_a_tel_uri_stays_a_valid_uri() -> None:
    changed = vdir.rewrite(V4, {"phone": "+1 555 0199"})
    assert "TEL;VALUE=uri;PREF=1:tel:+1-555-0199\r\n" in changed
    read = vdir.read_one(changed, "ola.vcf", today=date(2025, 6, 19))
    assert isinstance(read, Contact)
    assert vdir.same("phone", vdir.owned(read)["phone"], "+1 555 0199")


def test_a_changed_21_line_that_is_not_ascii_says_its_charset() -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nowak;=C5=81ucja;;;\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=81ucja Nowak\r\nTEL;CELL:+48 1\r\nEND:VCARD\r\n"
    )
    assert vdir.rewrite(card, {"name": "Łucja Kowalska", "phone": "+48 2"}) == (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Kowalska;Łucja;;;\r\n"
        "FN;CHARSET=UTF-8:Łucja Kowalska\r\nTEL;CELL:+48 2\r\nEND:VCARD\r\n"
    )


def test_removing_a_grouped_email_removes_its_label() -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nitem1.EMAIL;TYPE=INTERNET:a@b.org\r\n"
        "item1.X-ABLabel:_$!<Work>!$_\r\nitem2.URL:https://b.org\r\nitem2.X-ABLabel:site\r\nEND:VCARD\r\n"
    )
    assert vdir.rewrite(card, {"email": None}) == card.replace(
        "item1.EMAIL;TYPE=INTERNET:a@b.org\r\nitem1.X-ABLabel:_$!<Work>!$_\r\n", ""
    )


def test_a_card_with_a_rev_gets_the_new_one() -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A B\r\nREV:2020-01-01T00:00:00Z\r\nEND:VCARD\r\n"
    changed = vdir.rewrite(card, {"role": "Pilot"}, rev="20261206T230000Z")
    assert changed == card.replace("REV:2020-01-01T00:00:00Z", "REV:20261206T230000Z").replace(
        "END:", "TITLE:Pilot\r\nEND:"
    )
    assert vdir.rewrite(card, {}, rev="20261206T230000Z") == card  # nothing changed: REV neither
    assert "REV" not in vdir.rewrite(V4, {"role": "Pilot"}, rev="20261206T230000Z")  # none: none added


def test_a_rename_keeps_a_double_surname_and_a_middle_name() -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gabriel García Márquez\r\n"
        "N:García Márquez;Gabriel;;Dr.;\r\nEND:VCARD\r\n"
    )
    assert vdir.rewrite(card, {"name": "Gabo García Márquez"}) == card.replace("Gabriel", "Gabo")
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Maria Lima\r\nN:Lima;Ana;Maria;;\r\nEND:VCARD\r\n"
    assert vdir.rewrite(card, {"name": "Ana Maria Costa"}) == card.replace("Lima", "Costa")
    assert vdir.rewrite(card, {"name": "Bea Lima"}) == card.replace("Ana Maria", "Bea").replace(
        "Ana;Maria", "Bea;"
    )
    assert vdir.rewrite(card, {"name": "Zoe Quinn"}) == card.replace("Ana Maria Lima", "Zoe Quinn").replace(
        "Lima;Ana;Maria", "Quinn;Zoe;"
    )
