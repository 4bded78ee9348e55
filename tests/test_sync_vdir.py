"""`net sync vdir DIR`: an address-book folder and the store in step, both ways (issue 19)."""

import json
import os
from pathlib import Path

import pytest
import typer

from quietnet.ops import vdirfolder
from tests.helpers import Net, files, ok, people, query, refused

ANA = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\n"
    "UID:ana-1\r\n"
    "FN:Ana Lima\r\n"
    "N:Lima;Ana;;;\r\n"
    "NICKNAME:Ani\r\n"
    "ORG:Acme;Research\r\n"
    "TEL;TYPE=CELL;TYPE=pref:+48 600 100 200\r\n"
    "TEL;TYPE=HOME:+48 22 100 200\r\n"
    "item1.EMAIL;TYPE=INTERNET:ana@example.org\r\n"
    "item1.X-ABLabel:_$!<Work>!$_\r\n"
    "NOTE:Met at the climbing wall\\, Tuesdays.\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofH\r\n"
    " h0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIy\r\n"
    "CATEGORIES:climbing,friends\r\n"
    "X-SOCIALPROFILE;type=twitter:https://twitter.com/ana\r\n"
    "END:VCARD\r\n"
)
BEN = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ben-2\r\nFN:Ben Ode\r\nEMAIL:ben@example.org\r\nEND:VCARD\r\n"


@pytest.fixture
def book(tmp_path: Path) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "ana.vcf").write_bytes(ANA.encode())
    (folder / "ben.vcf").write_bytes(BEN.encode())
    return folder


def cards(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def synced(net: Net, book: Path, *args: str) -> str:
    result = net("sync", "vdir", str(book), *args)
    assert result.code == 0, result
    return result.out


@pytest.mark.new_store
def test_the_first_sync_shows_its_plan_asks_and_adds_the_cards(net: Net, store: Path, book: Path) -> None:
    before = cards(book)
    assert synced(net, book, "--dry-run") == (
        f"Syncing {book} (dry run):\n  new      Ana Lima (ana.vcf)\n  new      Ben Ode (ben.vcf)\n"
        f"Would sync {book}: 2 people added.\n"
    )
    assert not store.exists()  # a dry run creates nothing, not even the store
    assert net("add", "Cleo Park").code == 0
    result = net("sync", "vdir", str(book))  # no terminal, no --yes: asks, so refuses
    assert result.code == 1
    assert result.err.endswith(
        f"Sync {book} with the store as above? Nothing was changed; run again with --yes to go ahead.\n"
    )
    assert sorted(people(store)) == ["Cleo Park"]
    assert synced(net, book, "--yes") == (
        f"Synced {book}: 2 people added.\n  new      Ana Lima (ana.vcf)\n  new      Ben Ode (ben.vcf)\n"
        "1 person has no card in the folder (--export-new writes one each).\n"
    )
    ana = people(store)["Ana Lima"]
    assert (ana["phone"], ana["email"], ana["nickname"], ana["company"]) == (
        "+48 600 100 200", "ana@example.org", "Ani", "Acme",
    )  # fmt: skip
    assert cards(book) == before  # nothing went out
    changes = ok(net, "undo", "--list")
    assert synced(net, book) == (
        f"Nothing to sync: {book} and the store agree.\n"
        "1 person has no card in the folder (--export-new writes one each).\n"
    )
    assert ok(net, "undo", "--list") == changes  # a second run with no changes writes nothing


def test_a_phone_changed_here_changes_only_that_line_of_the_card(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "edit", "ana", "--phone", "+48 600 999 999")
    assert synced(net, book) == (
        f'Synced {book}: 1 card updated.\n  out      Ana Lima (ana.vcf): phone "+48 600 999 999"\n'
    )
    assert (book / "ana.vcf").read_bytes().decode() == ANA.replace("+48 600 100 200", "+48 600 999 999")
    assert synced(net, book) == f"Nothing to sync: {book} and the store agree.\n"


def test_a_card_with_bare_line_feeds_keeps_them_and_its_folding(
    net: Net, store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lf"
    folder.mkdir()
    text = ANA.replace("\r\n", "\n")
    (folder / "ana.vcf").write_bytes(text.encode())
    synced(net, folder, "--yes")
    ok(net, "edit", "ana", "--name", "Ana Maria Lima", "--role", "Guide")
    synced(net, folder)
    assert (folder / "ana.vcf").read_bytes().decode() == text.replace(
        "FN:Ana Lima", "FN:Ana Maria Lima"
    ).replace("N:Lima;Ana;;;", "N:Lima;Ana Maria;;;").replace("END:VCARD", "TITLE:Guide\nEND:VCARD")


def test_a_detail_changed_in_the_folder_comes_in(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    (book / "ben.vcf").write_text(BEN.replace("ben@example.org", "ben@ode.net"), newline="")
    assert (
        synced(net, book)
        == f'Synced {book}: 1 card brought details in.\n  in       Ben Ode (ben.vcf): email "ben@ode.net"\n'
    )
    assert people(store)["Ben Ode"]["email"] == "ben@ode.net"
    ok(net, "undo", "--yes")  # the store side goes back; the card stays as it is
    assert people(store)["Ben Ode"]["email"] == "ben@example.org"


def test_a_detail_changed_on_both_sides_is_listed_not_lost(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "edit", "ben", "--email", "ben@here.org")
    (book / "ben.vcf").write_text(BEN.replace("ben@example.org", "ben@there.org"), newline="")
    listed = (
        "Changed on both sides since the last sync, left as they are"
        " (--prefer store or --prefer folder picks a side):\n"
        '  Ben Ode (ben.vcf), email: here "ben@here.org", in the card "ben@there.org"\n'
    )
    assert synced(net, book) == f"Synced {book}: the sync state brought up to date.\n" + listed
    assert synced(net, book) == f"Nothing to sync in {book} but what is listed below.\n" + listed
    assert people(store)["Ben Ode"]["email"] == "ben@here.org"
    assert "ben@there.org" in (book / "ben.vcf").read_text()
    out = synced(net, book, "--prefer", "store")
    assert out == f'Synced {book}: 1 card updated.\n  out      Ben Ode (ben.vcf): email "ben@here.org"\n'
    assert "ben@here.org" in (book / "ben.vcf").read_text()


def test_prefer_folder_takes_the_card(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "edit", "ben", "--email", "ben@here.org")
    (book / "ben.vcf").write_text(BEN.replace("ben@example.org", "ben@there.org"), newline="")
    synced(net, book, "--prefer", "folder")
    assert people(store)["Ben Ode"]["email"] == "ben@there.org"


def test_the_first_sync_matches_people_you_have_by_uid_email_and_name(
    net: Net, store: Path, book: Path
) -> None:
    ok(net, "add", "Benjamin Ode", "--email", "BEN@example.org")
    ok(net, "add", "Ana Lima", "--phone", "+48 1")
    out = synced(net, book, "--yes", "--prefer", "store")
    assert out == (
        f"Synced {book}: 2 cards updated, 2 cards matched.\n"
        "  matched  Ana Lima (ana.vcf)\n  matched  Benjamin Ode (ben.vcf)\n"
        '  out      Ana Lima (ana.vcf): nickname nothing, company nothing, email nothing, phone "+48 1"\n'
        '  out      Benjamin Ode (ben.vcf): name "Benjamin Ode", email "BEN@example.org"\n'
    )
    assert sorted(people(store)) == ["Ana Lima", "Benjamin Ode"]


def test_without_a_base_a_first_sync_lists_differences_and_changes_nothing_of_them(
    net: Net, store: Path, book: Path
) -> None:
    ok(net, "add", "Ana Lima", "--phone", "+48 1")
    out = synced(net, book, "--yes")
    assert '  Ana Lima (ana.vcf), phone: here "+48 1", in the card "+48 600 100 200"\n' in out
    assert people(store)["Ana Lima"]["phone"] == "+48 1"
    assert (book / "ana.vcf").read_bytes().decode() == ANA


def test_a_card_gone_is_reported_and_archives_only_when_asked(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    (book / "ben.vcf").unlink()
    assert synced(net, book) == (
        f"Nothing to sync in {book} but what is listed below.\n"
        "Ben Ode's card (ben.vcf) is no longer in the folder; they stay in your store"
        " (--archive-missing archives them).\n"
    )
    assert people(store)["Ben Ode"]["archived_at"] is None
    assert synced(net, book, "--archive-missing") == (
        f"Synced {book}: 1 person archived.\n  archived Ben Ode: ben.vcf is no longer in the folder\n"
    )
    assert people(store)["Ben Ode"]["archived_at"] is not None


def test_a_forgotten_persons_card_is_removed_only_with_delete(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "forget", "ben", "--yes")
    assert [tuple(r) for r in _state(store)] == [("ana.vcf", 1), ("forgotten:2", None)]
    (kept,) = query(store, "SELECT uid, card_hash, fields FROM card_sync WHERE person_id IS NULL")
    assert (len(kept[0]), kept[1:]) == (81, ("", None))  # a salted hash of the UID, nothing else
    assert "ben" not in kept[0]
    assert synced(net, book) == (
        f"Nothing to sync in {book} but what is listed below.\n"
        "ben.vcf is the card of someone you forgot; it stays (--delete removes it).\n"
    )
    assert "Ben Ode" not in people(store)  # never brought back in
    (book / "ben.vcf").rename(book / "b.vcf")  # known by its UID's salted hash alone
    assert synced(net, book, "--delete") == (
        f"Synced {book}: 1 card removed.\n  removed  b.vcf: the card of someone you forgot\n"
    )
    assert sorted(cards(book)) == ["ana.vcf"]


def _state(store: Path) -> list[tuple[str, int | None]]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(store)) as conn:
        return conn.execute("SELECT href, person_id FROM card_sync ORDER BY href").fetchall()


def test_export_new_writes_a_card_named_for_its_new_uid(net: Net, store: Path, book: Path) -> None:
    ok(net, "add", "Cleo Park", "--email", "cleo@example.org", "--phone", "+1 555 0100")
    synced(net, book, "--yes")
    out = synced(net, book, "--export-new")
    (new,) = set(cards(book)) - {"ana.vcf", "ben.vcf"}
    uid = new.removesuffix(".vcf")
    assert out == f"Synced {book}: 1 new card.\n  card     Cleo Park: a new card, {new}\n"
    text = (book / new).read_bytes().decode()
    assert f"UID:{uid}\r\n" in text
    assert "EMAIL;TYPE=INTERNET:cleo@example.org\r\n" in text
    assert synced(net, book) == f"Nothing to sync: {book} and the store agree.\n"


def test_the_sync_state_survives_export_and_import_json(
    net: Net, store: Path, book: Path, tmp_path: Path
) -> None:
    synced(net, book, "--yes")
    document = tmp_path / "all.json"
    ok(net, "export", "json", "--output", str(document))
    assert [r["href"] for r in json.loads(document.read_text())["tables"]["card_sync"]] == [
        "ana.vcf",
        "ben.vcf",
    ]
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(document)).code == 0
    result = net("--db", str(other), "sync", "vdir", str(book))
    assert result.out == f"Nothing to sync: {book} and the store agree.\n"


def test_a_symbolic_link_is_never_followed(net: Net, store: Path, book: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.vcf"
    outside.write_text(BEN.replace("Ben Ode", "Sec Ret").replace("ben-2", "sec"))
    os.symlink(outside, book / "sec.vcf")
    out = synced(net, book, "--yes")
    assert "Left as it is: sec.vcf (it is a symbolic link, which a sync never follows).\n" in out
    assert "Sec Ret" not in people(store)


BAD = {
    "control": (
        BEN.replace("FN:Ben Ode", "FN:Ben\x1bOde"),
        "ben.vcf, line 4: FN: A name can't contain control characters (such as tabs, newlines or NUL).",
    ),
    "two cards": (BEN + BEN, "ben.vcf, line 1: It holds 2 cards; a vdir holds one card per file."),
    "not utf-8": (BEN.replace("Ben", "B\udcffn"), "ben.vcf, line 4: Byte 0xFF is not valid UTF-8."),
    "no name": (BEN.replace("FN:Ben Ode\r\n", ""), "ben.vcf, line 1: This card has no name (no FN or N)."),
    "empty": ("", "ben.vcf, line 1: It is empty."),
    "not a card": ("hello\r\n", "ben.vcf, line 1: It is not a vCard file (it has no BEGIN:VCARD line)."),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_card_that_cant_be_read_is_left_alone_and_listed(
    net: Net, store: Path, book: Path, case: str
) -> None:
    synced(net, book, "--yes")
    ok(net, "edit", "ana", "--phone", "+48 5")
    text, said = BAD[case]
    (book / "ben.vcf").write_bytes(text.encode("utf-8", "surrogateescape"))
    before = cards(book)["ben.vcf"]
    assert synced(net, book) == (
        f'Synced {book}: 1 card updated.\n  out      Ana Lima (ana.vcf): phone "+48 5"\nLeft alone: {said}\n'
    )
    assert cards(book)["ben.vcf"] == before
    assert people(store)["Ben Ode"]["email"] == "ben@example.org"
    assert synced(net, book, "--skip-bad-cards") == (  # still accepted; changes nothing
        f"Nothing to sync in {book} but what is listed below.\nLeft alone: {said}\n"
    )


def test_a_card_over_the_size_bound_is_left_alone(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vdirfolder, "MAX_CARD", 200)
    before = cards(book)
    assert synced(net, book, "--yes") == (
        f"Synced {book}: 1 person added.\n  new      Ben Ode (ben.vcf)\n"
        "Left alone: ana.vcf, line 1: This card is larger than 16 MB, too large to sync.\n"
    )
    assert sorted(people(store)) == ["Ben Ode"]
    assert cards(book) == before


def test_where_a_sync_may_not_go(net: Net, store: Path, book: Path, tmp_path: Path) -> None:
    ok(net, "add", "Cleo Park")
    assert refused(net, store, "sync", "vdir", str(tmp_path / "nope")) == (
        f"{tmp_path / 'nope'} does not exist; give the folder of your address book (a vdir).\n"
    )
    assert refused(net, store, "sync", "vdir", str(book / "ana.vcf")) == (
        f"{book / 'ana.vcf'} is not a folder; give the folder of your address book (a vdir).\n"
    )
    ok(net, "backup")
    backups = store.parent / "backups"
    assert refused(net, store, "sync", "vdir", str(backups)).startswith(
        f"{backups} is in the store's backups folder, which holds only its backups; nothing was written."
    )
    assert refused(net, store, "sync", "vdir", str(book), "--prefer", "both") == (
        '--prefer takes store or folder, not "both"; nothing was changed.\n'
    )
    assert refused(net, store, "sync", "vdir", "bo\x1bok").startswith("The path bo\\x1bok holds a line break")
    assert cards(book) == {"ana.vcf": ANA.encode(), "ben.vcf": BEN.encode()}


def test_a_dry_run_writes_nothing_anywhere(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "edit", "ana", "--phone", "+48 5")
    (book / "ben.vcf").write_text(BEN.replace("ben@example.org", "ben@ode.net"), newline="")
    before, folder = files(store), cards(book)
    out = synced(net, book, "--dry-run", "--export-new", "--delete", "--archive-missing")
    assert out == (
        f"Syncing {book} (dry run):\n"
        '  in       Ben Ode (ben.vcf): email "ben@ode.net"\n'
        '  out      Ana Lima (ana.vcf): phone "+48 5"\n'
        f"Would sync {book}: 1 card brought details in, 1 card updated.\n"
    )
    assert (files(store), cards(book)) == (before, folder)


def test_undo_takes_back_the_store_side_of_a_sync(net: Net, store: Path, book: Path) -> None:
    ok(net, "add", "Cleo Park")
    synced(net, book, "--yes", "--export-new")
    assert sorted(people(store)) == ["Ana Lima", "Ben Ode", "Cleo Park"]
    assert net("undo", "--yes").code == 0
    assert sorted(people(store)) == ["Cleo Park"]
    assert _state(store) == []
    assert len(cards(book)) == 3  # the card written for Cleo stays: the folder is not undone


def test_a_renamed_card_is_followed_by_its_uid(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    (book / "ben.vcf").rename(book / "ben-2.vcf")
    assert synced(net, book) == f"Synced {book}: the sync state brought up to date.\n"
    assert [tuple(r) for r in _state(store)] == [("ana.vcf", 1), ("ben-2.vcf", 2)]
    assert sorted(people(store)) == ["Ana Lima", "Ben Ode"]


def test_a_merge_keeps_the_card_with_the_person_kept(net: Net, store: Path, book: Path) -> None:
    synced(net, book, "--yes")
    ok(net, "add", "Benjamin", "--phone", "+1 555 0100")
    assert net("merge", "benjamin", "ben ode", "--yes").code == 0
    assert [tuple(r) for r in _state(store)] == [("ana.vcf", 1), ("ben.vcf", 3)]


def test_on_a_terminal_each_conflict_is_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quietnet.cli import sync_plan
    from quietnet.ops.vdirplan import Conflict

    answers = iter(["x", "h", "card", ""])
    monkeypatch.setattr(typer, "prompt", lambda *a, **k: next(answers) or k["default"])
    both = [
        Conflict("ana.vcf", "Ana Lima", "phone", "+48 1", "+48 2"),
        Conflict("ana.vcf", "Ana Lima", "email", None, "ana@example.org"),
        Conflict("ben.vcf", "Ben Ode", "role", "Guide", "Pilot"),
    ]
    assert sync_plan.ask(both) == {("ana.vcf", "phone"): "store", ("ana.vcf", "email"): "folder"}
    assert capsys.readouterr().out == (
        'Ana Lima (ana.vcf), phone: here "+48 1", in the card "+48 2".\n'
        'Ana Lima (ana.vcf), email: here nothing, in the card "ana@example.org".\n'
        'Ben Ode (ben.vcf), role: here "Guide", in the card "Pilot".\n'
    )


def test_a_card_that_cant_be_written_leaves_the_store_as_it_was(
    net: Net, store: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from quietnet.io.files import write_failure

    synced(net, book, "--yes")
    ok(net, "edit", "ana", "--phone", "+48 5")
    (book / "ben.vcf").write_text(BEN.replace("ben@example.org", "ben@ode.net"), newline="")

    def full(path: Path, data: bytes, *, shown: str | None = None) -> None:
        raise write_failure(OSError(errno.ENOSPC, "No space left on device"), shown or str(path))

    monkeypatch.setattr(vdirfolder, "write_atomic", full)
    before = cards(book)
    result = net("sync", "vdir", str(book))
    assert (result.code, result.out) == (1, "")
    assert result.err.endswith("Could not write ana.vcf: the disk is full; the store was left as it was.\n")
    assert people(store)["Ben Ode"]["email"] == "ben@example.org"  # the incoming change was rolled back
    assert cards(book) == before
