"""`net export json|vcard|csv|ics`: leaving with everything, in open formats, and coming back exactly."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import APPLE, TODAY, Net, dump, people, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

FORMULA = '=HYPERLINK("http://evil.example")'
RICH: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close", "--closeness", "4", "--kin",
     "--cadence", "every 6 weeks", "--met", "2019-05-01", "--how-met", "design meetup",
     "--origin", "colleague",
     "--company", "Fabrikam", "--role", "Designer", "--city", "Lisbon", "--email", "ana@example.com",
     "--phone", "+351 912 345 678", "--birthday", "1992-02-29", "--interests", "type, ceramics",
     "--note", 'likes "quotes", commas;\nand new lines', "--tag", "climbing", "--tag", "novel"),
    ("add", "Zoë 🌿 O'Brien", "--birthday", "06-21", "--circle", "friends"),
    ("add", "李雷", "--circle", "friends", "--met", "2024-02-01"),
    ("add", FORMULA, "--phone", "-1"),
    ("log", "ana", "zoe", "coffee", "--on", "2025-06-01", "--note", "her new studio"),
    ("log", "李雷", "call", "--them", "--on", "2025-05-20"),
    ("helped", "ana", "intro to Sam", "--kind", "intro"),
    ("promise", "zoe", "send the article"),
    ("need", "李雷", "a flat in Lisbon"),
    ("done", "2", "--helped", "sent three listings", "--kind", "resource"),
    ("snooze", "李雷", "--for", "2 weeks"),
    ("archive", "#4"),
    ("settings", "set", "weekly_energy", "6"),
)  # fmt: skip

NOBODY = "00000000-0000-4000-8000-000000000000"  # a UUID no one in the file has


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("rich")
    path = folder / "net.db"
    card = folder / "apple.vcf"
    card.write_text(APPLE, encoding="utf-8", newline="")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NET_TODAY", TODAY)
        for args in (*RICH, ("import", "vcard", str(card), "--circle", "network")):
            result = Net()("--db", str(path), *args)
            assert result.code == 0, result
        _add_extra_rows(path)
    return path.read_bytes()


def _add_extra_rows(path: Path) -> None:
    """A row in each table other features add (issue 7), filled generically from the schema."""
    from datetime import UTC, datetime

    from quietnet.engine.opening import open_database
    from quietnet.store import dump as dumping

    database = open_database(path, now=lambda: datetime.now(UTC))
    try:
        with database.write("test") as s:
            for table in dumping.extra_tables(s):
                refs = {r["from"]: r["table"] for r in s.all(f"PRAGMA foreign_key_list({table})")}
                row: dict[str, Any] = {}
                for col in s.all(f"PRAGMA table_info({table})"):
                    name, kind, required, is_key = col["name"], col["type"].upper(), col["notnull"], col["pk"]
                    if name in refs:
                        row[name] = s.scalar(f"SELECT min(rowid) FROM {refs[name]}")
                    elif is_key and kind == "INTEGER":
                        continue
                    elif required:
                        row[name] = {"DATE": "2025-06-01", "DATETIME": "2025-06-01 08:00:00+00:00"}.get(
                            kind,
                            1
                            if kind in ("INTEGER", "FLOAT", "BOOLEAN")
                            else "06-01"
                            if name == "day"
                            else "x",
                        )
                s.insert(
                    f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                    list(row.values()),
                )
    finally:
        database.close()


@pytest.fixture
def filled(store: Path, rich: bytes) -> Path:
    seed(store, rich)
    return store


def test_json_export_import_export_is_identical(net: Net, filled: Path, tmp_path: Path) -> None:
    first = net("export", "json")
    assert first.code == 0, first
    document = json.loads(first.out)
    assert (document["format"], document["schema_version"]) == ("quietnet", document["schema_version"])
    assert len(document["people"]) == 5
    assert len(document["interactions"]) == 4
    assert document["interactions"][0]["people"] == [
        document["people"][0]["uuid"],
        document["people"][1]["uuid"],
    ]
    assert all(rows for rows in document["tables"].values())  # the other features' rows are there too
    (tmp_path / "quietnet.json").write_text(first.out, encoding="utf-8")
    other = tmp_path / "other.db"
    result = net("--db", str(other), "import", "json", str(tmp_path / "quietnet.json"))
    assert result.code == 0, result
    assert result.out == f"Imported 5 people and everything about them from {tmp_path / 'quietnet.json'}.\n"
    again = net("--db", str(other), "export", "json")
    assert again.out == first.out
    for args in (("due", "--all", "--json"), ("show", "ana", "--json"), ("list", "--archived", "--json")):
        assert net("--db", str(other), *args).out == net(*args).out
    assert net("--db", str(other), "doctor").code == 0


def test_json_export_is_written_as_it_is_read_with_the_bytes_of_the_whole_document(
    net: Net, filled: Path, tmp_path: Path
) -> None:
    from quietnet.cli.context import location, now
    from quietnet.engine.opening import open_database
    from quietnet.engine.server import open_pg
    from quietnet.io import jsonfile
    from quietnet.store import dump as documents

    net("log", "ana", "bo", "coffee")  # a second interaction of several people, listed by id
    written = tmp_path / "out.json"
    result = net("export", "json", "--output", str(written))
    assert result.code == 0, result
    assert result.out == f"Wrote 5 people and their history to {written}.\n"
    url = os.environ.get("NET_DATABASE_URL")
    where = location(url) if url else filled
    database = open_database(where, now=now) if isinstance(where, Path) else open_pg(where, now=now)
    try:
        with database.read() as s:
            whole = jsonfile.render(documents.dump(s))  # json.dumps of the document held in memory
    finally:
        database.close()
    assert written.read_text(encoding="utf-8") == whole
    assert net("export", "json").out == whole


@pytest.mark.sqlite_only
def test_json_import_is_journalled_as_one_change(net: Net, filled: Path, tmp_path: Path) -> None:
    (tmp_path / "q.json").write_text(net("export", "json").out, encoding="utf-8")
    other = tmp_path / "other.db"
    net("--db", str(other), "import", "json", str(tmp_path / "q.json"))
    conn = sqlite3.connect(other)
    summaries = conn.execute("SELECT summary FROM change").fetchall()
    conn.close()
    assert summaries == [(f"Imported 5 people from {tmp_path / 'q.json'}",)]


@pytest.mark.sqlite_only  # looks for the SQLite snapshot taken first
def test_json_import_into_a_store_with_data_needs_replace(net: Net, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    path.write_text(net("export", "json").out, encoding="utf-8")
    net("add", "Extra Person")
    before = dump(filled)
    refused = net("import", "json", str(path))
    assert refused.code == 1
    assert refused.err.splitlines() == [
        "The store already holds 6 people and 4 interactions; net import json only fills an empty store."
        " Nothing was imported.",
        "Use an empty store (net --db NEW.db import json FILE), or add --replace to replace everything in"
        " this one with the file (a snapshot is taken first).",
    ]
    unasked = net("import", "json", str(path), "--replace")
    assert unasked.code == 1
    assert "run again with --yes" in unasked.err
    assert dump(filled) == before
    replaced = net("import", "json", str(path), "--replace", "--yes")
    assert replaced.code == 0, replaced
    assert "Extra Person" not in people(filled)
    assert net("export", "json").out == path.read_text(encoding="utf-8")
    assert any(p.name.endswith("before-import.db") for p in (tmp_path / "backups").iterdir())


def _document(net: Net) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(net("export", "json").out)
    return result


BROKEN_JSON: list[tuple[str, Any, str]] = [
    ("syntax", '{"format": "quietnet",\n  "people": [\n}', "{path}, line 3: this is not valid JSON"),
    ("foreign", {"contacts": []}, '{path} is not a quietnet export (it has no "format": "quietnet")'),
    ("newer", lambda d: d | {"schema_version": 99}, "{path} was written by a newer quietnet (schema 99;"),
    ("newer-format", lambda d: d | {"format_version": 10**12},
     "{path} was written by a newer quietnet (format 1000000000000; this one knows up to 1)"),
    ("huge-format", lambda d: d | {"format_version": 10**400},
     "{path} was written by a newer quietnet (format 1000000000000000000…; this one knows up to 1)"),
    ("format-text", lambda d: d | {"format_version": "2"},
     '{path}: "format_version" is missing or not a whole number from 1 on'),
    ("ref", lambda d: d | {"interactions": [d["interactions"][0] | {"people": [NOBODY]}]},
     f"{{path}}, interactions[0]: the person {NOBODY} is not in the file"),
    ("field", lambda d: d | {"people": [d["people"][0] | {"shoe": 38}]},
     '{path}, people[0]: unknown field "shoe"'),
    ("date", lambda d: d | {"people": [d["people"][0] | {"met_on": "May 2019"}]},
     '{path}, people[0]: met_on: "May 2019" is not a date (YYYY-MM-DD)'),
    ("twice", lambda d: d | {"people": [d["people"][0], d["people"][0]]},
     "{path}, people[1]: id 1 appears twice"),
    ("setting", lambda d: d | {"settings": {"weekly_energy": "lots"}}, "{path}: "),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "message"), BROKEN_JSON, ids=[b[0] for b in BROKEN_JSON])
def test_broken_json_is_refused_and_nothing_is_written(
    net: Net, filled: Path, tmp_path: Path, name: str, change: Any, message: str
) -> None:
    document = _document(net)
    if isinstance(change, str):
        text = change
    elif callable(change):
        text = json.dumps(change(document))
    else:
        text = json.dumps(change)
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    other = tmp_path / "empty.db"
    net("--db", str(other), "list")
    before = dump(other)
    result = net("--db", str(other), "import", "json", str(path))
    assert result.code == 1, result
    assert result.err.startswith(message.format(path=path))
    assert "Nothing was imported" in result.err or "nothing was imported" in result.err
    assert dump(other) == before


def test_vcard_export_is_read_back_identically(net: Net, filled: Path, tmp_path: Path) -> None:
    import vobject  # type: ignore[import-untyped]

    first = net("export", "vcard")
    assert first.code == 0
    cards = list(vobject.readComponents(first.out))
    assert len(cards) == 5
    assert {c.version.value for c in cards} == {"3.0"}
    assert {c.fn.value for c in cards} == {"Ana Ruiz", "Zoë 🌿 O'Brien", "李雷", FORMULA, "Siobhán O'Brien"}
    ana = next(c for c in cards if c.fn.value == "Ana Ruiz")
    assert (ana.nickname.value, ana.title.value, ana.bday.value, ana.adr.value.city) == (
        "ani", "Designer", "1992-02-29", "Lisbon"
    )  # fmt: skip
    assert ana.note.value == 'likes "quotes", commas;\nand new lines'
    assert sorted(ana.categories.value) == ["climbing", "novel"]
    sio = next(c for c in cards if c.fn.value == "Siobhán O'Brien")
    assert "X-SOCIALPROFILE" in first.out  # what quietnet does not model comes back
    assert "PHOTO" in first.out
    assert sio.uid.value == "2B7E3F4A-1C9D-4E5F-8A6B-7C8D9E0F1A2B"
    path = tmp_path / "all.vcf"
    path.write_text(first.out, encoding="utf-8", newline="")
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "vcard", str(path)).code == 0
    assert net("--db", str(other), "export", "vcard").out == first.out


def test_vcard_export_keeps_your_edits_over_the_original_card(net: Net, filled: Path) -> None:
    net("edit", "siobhan", "--company", "Northwind", "--birthday", "1985-04-12", "--phone", "")
    out = net("export", "vcard").out
    card = out[out.index("FN:Siobhán") : out.index("UID:2B7E3F4A")]
    assert "ORG:Northwind;Design" in card
    assert "BDAY:1985-04-12" in card
    assert "+353 87 123 4567" not in card


def test_vcard_folder_export_writes_one_private_file_per_person(
    net: Net, filled: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cards"
    result = net("export", "vcard", "--folder", str(folder))
    assert result.out == f"Wrote 5 cards to {folder}.\n"
    uuids = {p["uuid"] for p in people(filled).values()}
    assert {p.name for p in folder.iterdir()} == {f"{u}.vcf" for u in uuids}
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()} == {0o600}
    again = net("export", "vcard", "--folder", str(folder))
    assert again.code == 0
    assert len(list(folder.iterdir())) == 5
    assert net("export", "vcard", "--folder", str(tmp_path / "no" / "such")).code == 1


def test_csv_export_is_spreadsheet_safe(net: Net, filled: Path) -> None:
    out = net("export", "csv").out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 5
    by_name = {r["name"]: r for r in rows}
    assert f"'{FORMULA}" in by_name
    assert by_name[f"'{FORMULA}"]["phone"] == "'-1"
    ana = by_name["Ana Ruiz"]
    assert (ana["phone"], ana["kin"], ana["tags"], ana["last_contact"]) == (
        "'+351 912 345 678",
        "yes",
        "climbing, novel",
        "2025-06-19",
    )
    assert ana["notes"] == 'likes "quotes", commas;\nand new lines'
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_csv_export_imports_back_into_a_new_store(net: Net, filled: Path, tmp_path: Path) -> None:
    first = net("export", "csv").out
    path = tmp_path / "people.csv"
    path.write_text(first, encoding="utf-8", newline="")
    other = tmp_path / "other.db"
    result = net("--db", str(other), "import", "csv", str(path))
    assert result.code == 0, result
    assert "Columns not imported" not in result.out

    def without_history(text: str) -> list[dict[str, str]]:
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        return [{k: v for k, v in r.items() if k not in ("archived_at", "last_contact")} for r in rows]

    assert without_history(net("--db", str(other), "export", "csv").out) == without_history(first)


def test_ics_export_has_yearly_birthdays_and_the_coming_check_ins(net: Net, filled: Path) -> None:
    from icalendar import Calendar

    out = net("export", "ics").out
    assert out == net("export", "ics").out  # the same data and day give the same file
    events = Calendar.from_ical(out).walk("VEVENT")
    birthdays = {str(e["SUMMARY"]): e for e in events if str(e["UID"]).startswith("birthday-")}
    assert set(birthdays) == {
        "Ana Ruiz's birthday",
        "Zoë 🌿 O'Brien's birthday",
        "Siobhán O'Brien's birthday",
    }
    ana = birthdays["Ana Ruiz's birthday"]
    assert ana.decoded("DTSTART").isoformat() == "1992-02-29"
    assert "RRULE:FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2" in out
    assert birthdays["Zoë 🌿 O'Brien's birthday"].decoded("DTSTART").isoformat() == "2025-06-21"
    checkins = [e for e in events if str(e["UID"]).startswith("check-in-")]
    due = json.loads(net("due", "--all", "--json").out)["suggestions"]
    assert [str(e["SUMMARY"]).split(":")[0] for e in checkins] == [s["name"] for s in due]
    assert {e.decoded("DTSTART").isoformat() for e in checkins} == {TODAY}
    assert all("RRULE" not in e for e in checkins)
    only = net("export", "ics", "--birthdays-only").out
    assert "check-in-" not in only
    assert only.count("BEGIN:VEVENT") == 4  # the three birthdays and the yearly date (net date)
    assert only.count("UID:date-") == 1


def test_output_files_are_private_and_written_atomically(net: Net, filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    result = net("export", "json", "--output", str(target), "--yes")  # replacing a file takes a yes
    assert result.code == 0
    assert result.out == f"Wrote 5 people and their history to {target}.\n"
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "quietnet"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    missing = net("export", "csv", "-o", str(tmp_path / "nowhere" / "x.csv"))
    assert (missing.code, missing.err) == (
        1,
        f"The folder {tmp_path / 'nowhere'} does not exist; nothing was written.\n",
    )


def test_a_phone_card_comes_back_as_clean_3_0_and_then_byte_for_byte(
    net: Net, store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "apple.vcf"
    path.write_text(APPLE, encoding="utf-8", newline="")
    net("import", "vcard", str(path))
    out = tmp_path / "out.vcf"
    assert net("export", "vcard", "--output", str(out)).code == 0
    clean = (
        APPLE.replace("PRODID:-//Apple Inc.//iPhone OS 17.5//EN", "PRODID:-//quietnet//quietnet//EN")
        .replace("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "BDAY:--04-12")  # khard read year 1604
        .replace(
            "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8M\r\n"
            " CgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/\r\n",
            "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgID\r\n"
            " AwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/\r\n",
        )
    )
    assert out.read_bytes() == clean.encode()  # every line at most 75 octets, nothing else touched
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "vcard", str(out)).code == 0
    again = tmp_path / "again.vcf"
    assert net("--db", str(other), "export", "vcard", "--output", str(again)).code == 0
    assert again.read_bytes() == clean.encode()  # a clean 3.0 card comes back byte for byte
    net("tag", "siobhan", "+sea-swimming")
    changed = net("export", "vcard").out
    assert changed != APPLE
    assert "CATEGORIES:book-club,friends,sea-swimming" in changed
    assert "PRODID:-//quietnet//quietnet//EN" in changed
