"""`net backup`, `backups`, `restore`, `doctor`, and the snapshots taken before migrations."""

from __future__ import annotations

import json
import shlex
import shutil
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quietnet.engine import constants as db
from quietnet.engine.snapshot import take_snapshot
from quietnet.ops import backup, doctor
from tests.helpers import Net, dump, people


def test_backup_is_a_verified_private_copy_beside_the_store(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    result = net("backup")
    assert result.code == 0, result
    (copy,) = (tmp_path / "backups").iterdir()
    assert result.out.startswith(f"Backed up to {copy} (")
    assert copy.name.startswith("net-")
    assert copy.name.endswith("-backup.db")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert backup.verify(copy).people == 1
    listing = net("backups")
    assert listing.out.splitlines()[0] == f"Backups of {store}, newest first:"
    assert f"schema {db.SCHEMA_VERSION}  backup" in listing.out
    (entry,) = json.loads(net("backups", "--json").out)
    assert (entry["path"], entry["schema"], entry["reason"]) == (str(copy), db.SCHEMA_VERSION, "backup")


def test_backup_to_a_folder_or_a_new_file(net: Net, store: Path, tmp_path: Path) -> None:
    outside = tmp_path / "usb"
    outside.mkdir()
    assert net("backup", "--to", str(outside)).code == 0
    (copy,) = outside.iterdir()
    assert backup.verify(copy).schema == db.SCHEMA_VERSION
    named = outside / "mine.db"
    assert net("backup", "--to", str(named)).code == 0
    assert named.exists()
    again = net("backup", "--to", str(named))
    assert (again.code, again.err) == (
        1,
        f"{named} already exists; choose another name (nothing was written).\n",
    )
    nowhere = net("backup", "--to", str(tmp_path / "no" / "x.db"))
    assert nowhere.code == 1
    assert "does not exist" in nowhere.err


def _fake_backups(store: Path, stamps: list[tuple[str, str]]) -> list[Path]:
    """Copies of one real snapshot under the names rotation reads (stamp, reason)."""
    real = take_snapshot(store, now=datetime(2020, 1, 1, tzinfo=UTC), reason="seed")
    made = []
    for stamp, reason in stamps:
        path = real.with_name(f"net-{stamp}-{reason}.db")
        shutil.copyfile(real, path)
        made.append(path)
    real.unlink()
    return made


def test_rotation_keeps_the_newest_and_one_per_month_for_each_kind(store: Path) -> None:
    manual = [(f"2025{m:02d}{d:02d}-080000", "backup") for m in (3, 4, 5) for d in (1, 10, 20)]
    auto = [(f"202506{d:02d}-090000", "before-import") for d in range(1, 6)]
    _fake_backups(store, manual + auto)
    removed = backup.rotate(store, keep=2)
    kept = sorted(b.path.name for b in backup.list_backups(store))
    assert kept == [
        "net-20250320-080000-backup.db",  # the newest of March
        "net-20250420-080000-backup.db",  # the newest of April
        "net-20250510-080000-backup.db",  # the two newest
        "net-20250520-080000-backup.db",
        "net-20250604-090000-before-import.db",  # snapshots are rotated on their own
        "net-20250605-090000-before-import.db",
    ]
    assert len(removed) == 8


def test_restore_puts_a_backup_back_exactly(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    net("log", "ana", "coffee")
    net("backup", "--to", str(tmp_path / "good.db"))
    saved = net("export", "json").out
    net("add", "Tom Baker")
    net("forget", "ana", "--yes")
    result = net("restore", str(tmp_path / "good.db"), "--yes")
    assert result.code == 0, result
    assert result.out == f"Restored {store} from {tmp_path / 'good.db'} (1 person).\n"
    assert net("export", "json").out == saved
    assert not Path(f"{store}-wal").exists() or Path(f"{store}-wal").stat().st_size == 0
    (before,) = [p for p in (tmp_path / "backups").iterdir() if p.name.endswith("before-restore.db")]
    assert f"The store as it was before: {before}" in result.err
    assert sorted(sqlite3.connect(before).execute("SELECT name FROM person").fetchall()) == [("Tom Baker",)]
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert net("doctor").code == 0


def test_restore_asks_first_and_takes_a_name_from_backups(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    net("backup")
    (copy,) = (tmp_path / "backups").iterdir()
    net("add", "Tom Baker")
    before = dump(store)
    asked = net("restore", copy.name)
    assert asked.code == 1
    assert asked.err.startswith(
        f"Replace the current store (2 people) at {store} with {copy.name} (1 person)?"
    )
    assert dump(store) == before
    assert net("restore", copy.name, "--yes").code == 0
    assert list(people(store)) == ["Ana Ruiz"]


def _other_programs_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    return path


def _newer(path: Path, store: Path) -> Path:
    shutil.copyfile(store, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return path


def _damaged(path: Path, store: Path) -> Path:
    shutil.copyfile(store, path)
    data = bytearray(path.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 : page * 4096 + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p, s: (p.write_text("not a database"), p)[1],
            "is not an SQLite database, so not a quietnet backup",
        ),
        (lambda p, s: _other_programs_db(p), "is not a quietnet store (another program's database)"),
        (_newer, "was written by a newer quietnet"),
        (_damaged, "is damaged"),
        (lambda p, s: p.with_name("missing.db"), "does not exist"),
    ],
    ids=["text", "foreign", "newer", "damaged", "missing"],
)
def test_restore_refuses_what_it_cannot_trust(net: Net, store: Path, tmp_path: Path, make, message) -> None:  # type: ignore[no-untyped-def]
    net("add", "Ana Ruiz")
    source = make(tmp_path / "candidate.db", store)
    before = dump(store)
    result = net("restore", str(source), "--yes")
    assert result.code == 1, result
    assert message in result.err
    assert dump(store) == before
    assert not (tmp_path / "backups").exists()


def test_restore_onto_a_new_machine_creates_the_private_folder(
    net: Net, store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    net("add", "Ana Ruiz")
    net("backup", "--to", str(tmp_path / "carried.db"))
    monkeypatch.delenv("NET_DB")
    result = net("restore", str(tmp_path / "carried.db"))
    assert result.code == 0, result
    folder = tmp_path / "xdg-data" / "quietnet"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert list(people(folder / "net.db")) == ["Ana Ruiz"]


def test_an_older_store_is_snapshotted_then_migrated(net: Net, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from quietnet.engine.migrate import alembic_config

    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql(
            "INSERT INTO person (uuid, name, search_key, circle, kin, created_at, updated_at) VALUES"
            " ('u-1', 'Zoë', 'zoe\n', 'close', 0, '2025-01-01 00:00:00+00:00', '2025-01-01 00:00:00+00:00')"
        )
        conn.exec_driver_sql(f"PRAGMA application_id = {db.APPLICATION_ID}")
        conn.exec_driver_sql("PRAGMA user_version = 1")
    engine.dispose()
    result = net("--db", str(old), "list")
    assert result.code == 0, result
    (snap,) = (tmp_path / "backups").iterdir()
    assert snap.name.endswith(f"-before-schema-{db.SCHEMA_VERSION}.db")
    assert backup.header(snap) == (db.APPLICATION_ID, 1)
    assert backup.header(old) == (db.APPLICATION_ID, db.SCHEMA_VERSION)
    zoe = people(old)["Zoë"]
    assert (zoe["card_uid"], zoe["vcard"], zoe["circle"]) == (None, None, "close")


# -- net doctor ----------------------------------------------------------------------------


def test_doctor_says_all_is_well_on_a_healthy_store(net: Net, store: Path) -> None:
    net("add", "Ana Ruiz")
    net("log", "ana", "coffee")
    result = net("doctor")
    assert result.code == 0, result
    assert result.out.splitlines()[:2] == [
        f"Store: {store} (schema {db.SCHEMA_VERSION}, 1 person)",
        "All is well: integrity, links, permissions, location, scheduling summaries and search keys checked.",
    ]
    assert "No backups yet: net backup makes one" in result.out
    report = json.loads(net("doctor", "--json").out)
    assert (report["healthy"], report["findings"], report["people"]) == (True, [], 1)


def test_doctor_quotes_a_folder_name_for_the_shell(net: Net, tmp_path: Path) -> None:
    folder = tmp_path / "q'; echo PWNED; '"
    folder.mkdir()
    db = folder / "net.db"
    assert net("--db", str(db), "add", "Ana Ruiz").code == 0
    folder.chmod(0o755)
    result = net("--db", str(db), "doctor")
    quoted = shlex.quote(str(folder))
    assert quoted == f"'{tmp_path}/q'\"'\"'; echo PWNED; '\"'\"''"  # pasted, it runs only chmod
    assert f"    What to do: chmod 700 {quoted} (or run net doctor --fix)" in result.out, result


def test_doctor_finds_loose_permissions_and_fixes_them(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    store.chmod(0o644)
    tmp_path.chmod(0o755)
    result = net("doctor")
    assert result.code == 1
    assert "2 things to look at:" in result.out
    assert f"  - {store} can be read by other users (mode 0644)." in result.out
    assert f"    What to do: chmod 600 {store} (or run net doctor --fix)." in result.out
    assert f"The folder {tmp_path} is open to other users (mode 0755)." in result.out
    fixed = net("doctor", "--fix")
    assert fixed.code == 0, fixed
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700


def test_doctor_finds_summaries_that_drifted_from_the_interactions(net: Net, store: Path) -> None:
    net("add", "Ana Ruiz")
    net("add", "Tom Baker")
    net("log", "ana", "tom", "coffee", "--on", "2025-06-01")
    conn = sqlite3.connect(store)
    conn.execute("UPDATE person_state SET last_touch = '2020-01-01', full_days = 9 WHERE person_id = 1")
    conn.commit()
    conn.close()
    result = net("doctor")
    assert result.code == 1
    assert "The scheduling summaries of 1 person don't match their interactions (Ana Ruiz)." in result.out
    assert "What to do: Run net doctor --fix to rebuild them from the interactions." in result.out
    assert net("doctor", "--fix").code == 0
    assert net("doctor").code == 0


def test_doctor_finds_search_keys_that_drifted_from_the_text_and_rebuilds_them(net: Net, store: Path) -> None:
    net("add", "Zoë Müller", "--nickname", "Zo")
    net("log", "zoe", "coffee", "--note", "Café in Köln")
    conn = sqlite3.connect(store)
    conn.execute("UPDATE person SET search_key = 'someone else', find_key = NULL")
    conn.execute("UPDATE interaction SET find_key = 'nothing'")
    conn.commit()
    conn.close()
    assert net("find", "koln").out == 'Nothing mentions "koln".\n'
    result = net("doctor")
    assert result.code == 1
    assert result.out.splitlines()[1:4] == [
        "1 thing to look at:",
        "  - 3 search keys don't match the text they are folded from, so net find or a name lookup may"
        " miss someone.",
        "    What to do: Run net doctor --fix to rebuild them from the text.",
    ]
    assert net("doctor", "--fix").code == 0
    assert net("doctor").code == 0
    assert "Zoë Müller" in net("find", "koln").out
    assert net("show", "zo").code == 0


def test_doctor_warns_about_synced_folders(net: Net, tmp_path: Path) -> None:
    synced_folders = [
        ("Dropbox", "Dropbox"),
        ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
        ("OneDrive - Contoso", "OneDrive"),
        ("Google Drive/My Drive", "Google Drive"),
    ]
    for folder, service in synced_folders:
        path = tmp_path / folder / "net.db"
        path.parent.mkdir(parents=True, mode=0o700)
        assert net("--db", str(path), "list").code == 0
        result = net("--db", str(path), "doctor")
        assert result.code == 1
        assert f"The store is in a {service} folder; sync tools can copy a database mid-write" in result.out
        assert "net backup --to FOLDER" in result.out
    synced = tmp_path / "sync"
    (synced / "notes" / "quietnet").mkdir(parents=True, mode=0o700)
    (synced / ".stfolder").mkdir()
    assert doctor.synced_service(synced / "notes" / "quietnet" / "net.db") == "Syncthing"
    assert doctor.synced_service(tmp_path / "net.db") is None


def test_network_filesystems_are_recognised_from_the_mount_table(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "server:/export /home/ana/nfs nfs4 rw 0 0\n"
        "ana@host:/data /mnt/my\\040box fuse.sshfs rw 0 0\n"
        "/dev/sdb1 /home/ana/nfs/local ext4 rw 0 0\n",
        encoding="utf-8",
    )
    assert doctor.network_filesystem(Path("/home/ana/nfs/net.db"), mounts) == "nfs4"
    assert doctor.network_filesystem(Path("/mnt/my box/net.db"), mounts) == "fuse.sshfs"
    assert doctor.network_filesystem(Path("/home/ana/nfs/local/net.db"), mounts) is None
    assert doctor.network_filesystem(Path("/home/ana/net.db"), mounts) is None
    assert doctor.network_filesystem(Path("/x"), tmp_path / "no-mounts") is None


def test_doctor_on_a_damaged_or_missing_store(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    broken = _damaged(tmp_path / "broken.db", store)
    result = net("--db", str(broken), "doctor")
    assert result.code == 1
    assert "The store is damaged" in result.out or "could not be read" in result.out
    assert "net restore FILE puts one back" in result.out
    missing = net("--db", str(tmp_path / "none.db"), "doctor")
    assert missing.code == 1
    assert f"There is no store at {tmp_path / 'none.db'} yet." in missing.out
    assert not (tmp_path / "none.db").exists()


def test_doctor_reads_without_writing(net: Net, store: Path) -> None:
    net("add", "Ana Ruiz")
    before = dump(store)
    net("doctor")
    assert dump(store) == before


def test_restore_over_a_damaged_store_keeps_a_copy_of_it(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Ana Ruiz")
    net("backup", "--to", str(tmp_path / "good.db"))
    _damaged(tmp_path / "bad.db", store)
    shutil.copyfile(tmp_path / "bad.db", store)
    result = net("restore", str(tmp_path / "good.db"), "--yes")
    assert result.code == 0, result
    assert list(people(store)) == ["Ana Ruiz"]
    (kept,) = (tmp_path / "backups").glob("*.db")
    assert kept.name.endswith("-damaged.db")
    assert kept.read_bytes() == (tmp_path / "bad.db").read_bytes()


def test_a_store_path_with_a_line_break_is_refused_and_nothing_is_made(net: Net, tmp_path: Path) -> None:
    db = tmp_path / "n\nl.db"
    result = net("--db", str(db), "add", "Ana Ruiz")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"The path {tmp_path}/n\\x0al.db holds a line break or another control character; "
        "choose or rename it to one without.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.db"]


def test_backups_are_found_whatever_characters_the_store_name_holds(tmp_path: Path) -> None:
    from quietnet.ops.backup import list_backups

    (tmp_path / "backups").mkdir()
    made = tmp_path / "backups" / "n\nl-20250619-080000-backup.db"
    made.write_bytes(b"")
    assert [b.path for b in list_backups(tmp_path / "n\nl.db")] == [made]
