"""`net sync vdir DIR`: what a reviewer found, each kept fixed (private fields, edits while asking,
file names, fields that can't go out, two cards of one person, REV)."""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.helpers import Net, files, ok, people
from tests.test_sync_vdir import ANA, BEN, book, cards, synced

__all__ = ["book"]  # the fixture, shared with test_sync_vdir.py


def test_a_new_card_carries_only_the_fields_net_owns(net: Net, store: Path, book: Path) -> None:
    private = ("--note", "going through a divorce", "--tag", "therapy-referral", "--city", "Oslo")
    owned = ("--email", "sp@example.org", "--role", "Pilot", "--birthday", "1990-04-12")
    ok(net, "add", "Secret Person", *private, *owned)
    synced(net, book, "--yes")
    synced(net, book, "--export-new")
    (new,) = set(cards(book)) - {"ana.vcf", "ben.vcf"}
    text = (book / new).read_bytes().decode()
    uid = new.removesuffix(".vcf")
    assert re.fullmatch(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//quietnet//quietnet//EN\r\nN:Person;Secret;;;\r\n"
        f"FN:Secret Person\r\nUID:{uid}\r\nTITLE:Pilot\r\nEMAIL;TYPE=INTERNET:sp@example.org\r\n"
        "BDAY:1990-04-12\r\nREV:\\d{8}T\\d{6}Z\r\nEND:VCARD\r\n",
        text,
    ), text
    for word in ("divorce", "therapy", "Oslo", "NOTE", "CATEGORIES", "ADR"):
        assert word not in text


def test_a_card_edited_or_removed_while_net_asks_is_left_for_the_next_run(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quietnet.cli import sync

    ok(net, "add", "Cleo Park")
    edited = BEN.replace("ben@example.org", "ben@ode.net")

    def meanwhile(question: str, *, yes: bool) -> None:  # the user edits the folder while net waits
        (book / "ben.vcf").write_text(edited, newline="")
        (book / "ana.vcf").unlink()

    monkeypatch.setattr(sync, "confirm", meanwhile)
    out = synced(net, book, "--export-new")
    changed = "it changed while we were asking; run net sync vdir again"
    assert out.endswith(f"Not synced: ana.vcf: {changed}\nNot synced: ben.vcf: {changed}\n"
                        "1 person has no card in the folder (--export-new writes one each).\n")  # fmt: skip
    assert sorted(people(store)) == ["Cleo Park"]
    assert cards(book) == {"ben.vcf": edited.encode()}  # not overwritten, ana.vcf not recreated


def test_a_card_edited_while_a_conflict_is_asked_is_not_overwritten(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quietnet.cli import sync

    synced(net, book, "--yes")
    ok(net, "edit", "ana", "--phone", "+48 5")
    ok(net, "edit", "ben", "--role", "Pilot")
    (book / "ana.vcf").write_text(ANA.replace("+48 600 100 200", "+48 6"), newline="")
    edited = ANA.replace("+48 600 100 200", "+48 7")

    def meanwhile(conflicts: object) -> dict[tuple[str, str], str]:
        (book / "ana.vcf").write_text(edited, newline="")
        return {("ana.vcf", "phone"): "store"}

    monkeypatch.setattr(sync, "ask", meanwhile)
    monkeypatch.setattr(sync, "sys", SimpleNamespace(stdin=SimpleNamespace(isatty=lambda: True)))
    out = synced(net, book)
    assert out == (
        f'Synced {book}: 1 card updated.\n  out      Ben Ode (ben.vcf): role "Pilot"\n'
        "Not synced: ana.vcf: it changed while we were asking; run net sync vdir again\n"
    )
    assert (book / "ana.vcf").read_bytes() == edited.encode()
    assert people(store)["Ana Lima"]["phone"] == "+48 5"


def test_a_file_name_that_is_not_utf8_is_left_alone(net: Net, store: Path, book: Path) -> None:
    latin = book / os.fsdecode(b"latin\xe9.vcf")
    latin.write_bytes(BEN.replace("ben-2", "lat").replace("Ben Ode", "Lat In").encode())
    before = cards(book)
    out = synced(net, book, "--yes")
    assert out == (
        f"Synced {book}: 2 people added.\n  new      Ana Lima (ana.vcf)\n  new      Ben Ode (ben.vcf)\n"
        "Left as it is: latin\\xe9.vcf (its name is not UTF-8; rename it to sync it).\n"
    )
    assert sorted(people(store)) == ["Ana Lima", "Ben Ode"]
    assert cards(book) == before


def test_every_line_naming_a_file_escapes_its_control_characters(net: Net, store: Path, book: Path) -> None:
    (book / "evil\n\x1b[31mred\t.vcf").write_bytes(
        BEN.replace("ben", "eve").replace("Ben Ode", "Eve").encode()
    )
    (book / "bad\n.vcf").write_bytes(b"BEGIN:VCARD\r\n")
    out = synced(net, book, "--dry-run", "--skip-bad-cards")
    assert "  new      Eve (evil\\x0a\\x1b[31mred\\x09.vcf)\n" in out
    assert "\x1b" not in out
    assert "\t" not in out
    assert len(out.splitlines()) == 6, out
    assert "\nLeft alone: bad\\x0a.vcf, line 1: " in out


TWO = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:two\r\nFN:Tom Two\r\nNICKNAME:Tommy,TT\r\n"
    "EMAIL;TYPE=pref:tom@one.org\r\nEMAIL:tom@two.org\r\nTITLE:Clerk\r\nEND:VCARD\r\n"
)


def test_a_field_cleared_here_that_the_card_holds_twice_does_not_stop_the_rest(
    net: Net, store: Path, book: Path
) -> None:
    (book / "two.vcf").write_bytes(TWO.encode())
    synced(net, book, "--yes")
    ok(net, "edit", "tom", "--email", "", "--role", "Boss", "--nickname", "")
    out = synced(net, book)
    assert out == (
        f"Synced {book}: 1 card brought details in, 1 card updated.\n"
        '  in       Tom Two (two.vcf): nickname "TT", email "tom@two.org"\n'
        '  out      Tom Two (two.vcf): nickname nothing, role "Boss", email nothing\n'
        'two.vcf: its next NICKNAME "TT" is the one net keeps now; remove it there to have none\n'
        'two.vcf: its next EMAIL "tom@two.org" is the one net keeps now; remove it there to have none\n'
    )
    assert (book / "two.vcf").read_bytes().decode() == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:two\r\nFN:Tom Two\r\nNICKNAME:TT\r\n"
        "EMAIL:tom@two.org\r\nTITLE:Boss\r\nEND:VCARD\r\n"
    )
    tom = people(store)["Tom Two"]
    assert (tom["email"], tom["nickname"], tom["role"]) == ("tom@two.org", "TT", "Boss")
    assert synced(net, book) == f"Nothing to sync: {book} and the store agree.\n"


def test_a_field_that_would_not_read_back_is_named_and_the_others_go_out(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quietnet.io import vdir

    synced(net, book, "--yes")
    ok(net, "edit", "ben", "--email", "ben@new.org", "--role", "Pilot")
    broken = dict(vdir._CHANGE, email=lambda items, value, version: None)  # an EMAIL that can't be written
    monkeypatch.setattr(vdir, "_CHANGE", broken)
    out = synced(net, book)
    assert out == (
        f"Synced {book}: 1 card updated.\n"
        '  out      Ben Ode (ben.vcf): role "Pilot"\n'
        "Not synced: ben.vcf: its EMAIL would not read back as sent; change it in the card\n"
    )
    assert b"TITLE:Pilot\r\n" in (book / "ben.vcf").read_bytes()


def test_after_a_merge_two_cards_of_one_person_are_never_overwritten_without_a_pick(
    net: Net, store: Path, book: Path
) -> None:
    other = BEN.replace("ben-2", "ben-3").replace("Ben Ode", "Benjamin Ode").replace("ben@", "benj@")
    (book / "benj.vcf").write_bytes(other.encode())
    synced(net, book, "--yes")
    assert net("merge", "ben ode", "benjamin", "--yes").code == 0
    before = cards(book)
    out = synced(net, book)
    assert cards(book) == before
    listed = (
        "Changed on both sides since the last sync, left as they are (--prefer store or --prefer folder "
        'picks a side):\n  Ben Ode (benj.vcf), name: here "Ben Ode", in the card "Benjamin Ode"\n'
        '  Ben Ode (benj.vcf), email: here "ben@example.org", in the card "benj@example.org"\n'
    )
    assert out == f"Synced {book}: the sync state brought up to date.\n" + listed
    assert synced(net, book) == f"Nothing to sync in {book} but what is listed below.\n" + listed
    (book / "benj.vcf").write_bytes(other.replace("benj@", "b@").encode())
    out = synced(net, book)
    assert '  Ben Ode (benj.vcf), email: here "ben@example.org", in the card "b@example.org"\n' in out
    assert people(store)["Ben Ode"]["email"] == "ben@example.org"


def test_a_rewritten_card_gets_a_new_rev(net: Net, store: Path, book: Path) -> None:
    (book / "ben.vcf").write_bytes(BEN.replace("END:", "REV:20200101T000000Z\r\nEND:").encode())
    synced(net, book, "--yes")
    ok(net, "edit", "ben", "--role", "Pilot")
    synced(net, book)
    text = (book / "ben.vcf").read_bytes().decode()
    assert re.search("\r\nREV:\\d{8}T\\d{6}Z\r\nTITLE:Pilot\r\nEND:VCARD\r\n$", text), text
    assert "REV:20200101T000000Z" not in text


def test_ctrl_d_at_the_question_says_nothing_was_changed(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer

    from quietnet.cli import sync

    def ctrl_d(question: str, *, yes: bool) -> None:
        raise typer.Abort

    monkeypatch.setattr(sync, "confirm", ctrl_d)
    ok(net, "add", "Cleo Park")
    before, stored = cards(book), files(store)
    result = net("sync", "vdir", str(book))  # the plan is shown, then the question
    assert (result.code, result.err) == (1, "Nothing was changed.\n")
    assert (cards(book), files(store)) == (before, stored)


def test_undo_list_says_what_a_sync_did(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    (book / "ben.vcf").unlink()
    ok(net, "add", "Cleo Park")
    synced(net, book, "--archive-missing", "--export-new")
    assert f"Synced the cards in {book} (1 new card, 1 archived)" in ok(net, "undo", "--list")


def test_the_store_keeps_a_card_without_its_photo(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    kept = people(store)["Ana Lima"]["vcard"]
    assert "PHOTO" not in kept
    assert "/9j/" not in kept
    assert "NOTE:Met at the climbing wall" in kept
    assert b"PHOTO;ENCODING=b;TYPE=JPEG:/9j/" in (book / "ana.vcf").read_bytes()  # the folder keeps it
