"""CSV files as Outlook, Google (2024 and older headers) and LinkedIn write them (tests/fixtures/).

Outlook's header is recognised (Title is the name prefix, Job Title the role,
cities from any address, month-first dates, 0/0/00 empty); rows without a
person's name are left out and counted; Google's starred label is a tag from
CSV as from vCard; `--dry-run --json` gives the plan.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, dump, people

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

FIXTURES = Path(__file__).parent / "fixtures"
OUTLOOK = FIXTURES / "outlook" / "outlook-2016.csv"  # Outlook desktop, Windows-1252, every cell quoted
GOOGLE = FIXTURES / "google" / "contacts-2024.csv"  # Google Contacts' CSV since 2024
LEGACY = FIXTURES / "google" / "contacts-legacy.csv"  # the older "Given Name, Family Name" one
LINKEDIN = FIXTURES / "linkedin" / "Connections-hidden.csv"  # two members whose names LinkedIn hides
MONTH_FIRST = (
    'Dates were read month first, as Outlook writes them ("4/12/1985" is 1985-04-12); '
    "if this file has them day first, import it with --date-order dmy."
)


def test_outlook_export(net: Net, store: Path) -> None:
    result = net("import", "csv", str(OUTLOOK), "--encoding", "cp1252")
    assert result.code == 0, result
    assert result.out.splitlines() == [
        f"Imported {OUTLOOK}: 3 added, 0 updated.",
        MONTH_FIRST,
        "Left out 1 row without a person's name: line 4.",
    ]
    found = people(store)
    assert sorted(found) == ["Andrés Ruiz", "John Smith", "Mei Chen"]
    shown = ("role", "company", "city", "email", "phone", "birthday", "notes", "tags")
    assert {k: found["John Smith"][k] for k in shown} == {
        "role": "Head of Sales, EMEA",  # Job Title; Title ("Mr.") is the name prefix
        "company": "Contoso Ltd.",
        "city": "Seattle",  # Business City
        "email": "john.smith@contoso.example",
        "phone": "(206) 555-0142",  # the mobile number before the business one
        "birthday": "1985-04-12",  # 4/12/1985, month first
        "notes": None,
        "tags": ["clients", "golf"],  # Outlook's categories, split by semicolons
    }
    assert {k: found["Andrés Ruiz"][k] for k in shown} == {
        "role": None,
        "company": None,
        "city": "Valencia",  # Home City
        "email": "andres@example.es",
        "phone": "+34 963 000 111",
        "birthday": None,  # 0/0/00: Outlook's empty date
        "notes": "Kids: Ola, Kuba. Likes tea",
        "tags": [],
    }
    mei = found["Mei Chen"]
    assert (mei["role"], mei["city"], mei["phone"], mei["birthday"]) == (
        "Architect", "Taipei", "+886 2 0000 0000", "1990-12-25",
    )  # fmt: skip
    again = net("import", "csv", str(OUTLOOK), "--encoding", "cp1252")
    assert again.out.splitlines()[0] == f"Imported {OUTLOOK}: 0 added, 0 updated, 3 already up to date."


def test_outlook_dates_day_first_when_told(net: Net, store: Path, tmp_path: Path) -> None:
    text = OUTLOOK.read_bytes().replace(b'"12/25/1990"', b'"25/12/1990"')
    path = tmp_path / "outlook-uk.csv"
    path.write_bytes(text)
    before = dump(store)
    refused = net("import", "csv", str(path), "--encoding", "cp1252")
    assert refused.code == 1
    assert refused.err.splitlines()[0] == (
        f'{path}, line 5: Birthday: "25/12/1990" is not a date read month first (month/day/year). '
        "Nothing was imported."
    )
    assert dump(store) == before
    result = net("import", "csv", str(path), "--encoding", "cp1252", "--date-order", "dmy")
    assert result.code == 0, result
    assert result.out.splitlines()[1:] == ["Left out 1 row without a person's name: line 4."]
    found = people(store)
    assert (found["John Smith"]["birthday"], found["Mei Chen"]["birthday"]) == ("1985-12-04", "1990-12-25")


def test_date_order_for_any_csv_and_its_refusal(net: Net, store: Path, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"name,birthday,met_on\r\nAna,03/02/1990,0/0/00\r\n")
    before = dump(store)
    refused = net("import", "csv", str(path), "--date-order", "ymd")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == '--date-order is mdy (4/12/1985 is 12 April) or dmy (4 December), not "ymd".\n'
    assert dump(store) == before
    assert net("import", "csv", str(path), "--date-order", "dmy").code == 0
    ana = people(store)["Ana"]
    assert (ana["birthday"], ana["met_on"]) == ("1990-02-03", None)


def test_google_rows_with_only_a_company_are_left_out(net: Net, store: Path) -> None:
    for path, lines in ((GOOGLE, "2 rows without a person's name: lines 3, 5"),
                        (LEGACY, "1 row without a person's name: line 3")):  # fmt: skip
        result = net("import", "csv", str(path))
        assert result.code == 0, result
        assert result.out.splitlines()[1:] == [f"Left out {lines}."]
    found = people(store)
    assert sorted(found) == ["Kofi Mensah", "Olu Adeyemi", "Priya Nair", "Zoë Martin"]
    priya = found["Priya Nair"]
    assert (priya["company"], priya["role"], priya["city"], priya["email"]) == (
        "Infosys", "Engineer", "Kochi", "priya@example.in",
    )  # fmt: skip


def test_linkedin_rows_with_hidden_names_are_left_out(net: Net, store: Path) -> None:
    dry = net("import", "linkedin", str(LINKEDIN), "--dry-run")
    assert dry.out.splitlines() == [
        f"Importing {LINKEDIN} (dry run):",
        f"  add      Ingrid Halvorsen  ({LINKEDIN}, line 5)",
        f"  add      Tomás Álvarez  ({LINKEDIN}, line 7)",
        "Left out 2 rows without a person's name: lines 6, 8.",
        "Would import: 2 added, 0 updated. Nothing was changed (dry run).",
    ]
    result = net("import", "linkedin", str(LINKEDIN))
    assert result.out == (
        f"Imported {LINKEDIN}: 2 added, 0 updated.\nLeft out 2 rows without a person's name: lines 6, 8.\n"
    )
    assert people(store)["Tomás Álvarez"]["company"] == "Grupo Norte, S.A."


def test_many_nameless_rows_are_counted_and_the_first_ten_named(net: Net, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(("name,company\r\nAna,A\r\n" + ",Firm\r\n" * 12).encode())
    result = net("import", "csv", str(path))
    assert result.out.splitlines()[1] == (
        "Left out 12 rows without a person's name: lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 2 more."
    )


def test_a_malformed_row_still_stops_the_import(net: Net, store: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"name,company\r\nAna,A\r\n,Firm\r\nTom,B,extra\r\n")
    before = dump(store)
    refused = net("import", "csv", str(path))
    assert refused.code == 1
    assert refused.err.splitlines()[0] == (
        f"{path}, line 4: It has 3 cells where the header has 2. Nothing was imported."
    )
    assert dump(store) == before
    skipped = net("import", "csv", str(path), "--skip-bad-rows")
    assert skipped.out.splitlines() == [
        f"Imported {path}: 1 added, 0 updated.",
        "Left out 1 row without a person's name: line 3.",
        "Not imported (1 could not be read):",
        f"  {path}, line 4: It has 3 cells where the header has 2.",
    ]


def test_starred_is_a_tag_by_one_rule_for_csv_and_vcard(net: Net, store: Path, tmp_path: Path) -> None:
    csv = tmp_path / "google.csv"
    csv.write_bytes(b"First Name,Last Name,Labels\r\nAna,Ruiz,* myContacts ::: * starred ::: Book Club\r\n")
    card = tmp_path / "google.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom Baker\r\nN:Baker;Tom;;;\r\n"
        b"CATEGORIES:myContacts,starred,Book Club\r\nEND:VCARD\r\n"
    )
    assert net("import", "csv", str(csv)).code == 0
    assert net("import", "vcard", str(card)).code == 0
    found = people(store)
    assert found["Ana Ruiz"]["tags"] == found["Tom Baker"]["tags"] == ["book-club", "starred"]


def test_dry_run_json_gives_the_plan(net: Net, store: Path, tmp_path: Path) -> None:
    net("add", "Zoë Martin", "--circle", "close")
    before = dump(store)
    result = net("import", "csv", str(GOOGLE), "--dry-run", "--json")
    assert result.code == 0, result
    assert dump(store) == before
    plan = json.loads(result.out)
    assert {k: plan[k] for k in ("source", "dry_run", "counts", "bad", "nameless", "notes", "snapshot")} == {
        "source": str(GOOGLE),
        "dry_run": True,
        "counts": {"add": 1, "update": 1, "same": 0, "combine": 0, "skip": 0, "bad": 0, "nameless": 2},
        "bad": [],
        "nameless": [{"source": str(GOOGLE), "line": 3}, {"source": str(GOOGLE), "line": 5}],
        "notes": [],
        "snapshot": None,
    }
    assert "Photo" in plan["ignored_columns"]
    assert plan["steps"] == [
        {
            "action": "update",
            "source": str(GOOGLE),
            "line": 2,
            "name": "Zoë Martin",
            "person": {"id": 1, "name": "Zoë Martin"},
            "changes": {
                "company": "Fabrikam",
                "role": "Designer",
                "email": "zoe@example.com",
                "phone": "+33 6 12 34 56 78",
                "city": "Paris",
            },
            "tags": ["starred", "climbing"],
            "card": False,
            "reason": None,
        },
        {
            "action": "add",
            "source": str(GOOGLE),
            "line": 4,
            "name": "Kofi Mensah",
            "person": {"id": None, "name": "Kofi Mensah"},
            "changes": {
                "circle": "acquaintance",
                "birthday": "1988-02-29",
                "email": "kofi@example.gh",
            },
            "tags": ["book-club"],
            "card": False,
            "reason": None,
        },
    ]


@pytest.mark.sqlite_only  # a server takes no snapshot (one transaction is all or nothing)
def test_json_after_a_real_import_names_the_snapshot(net: Net, store: Path) -> None:
    net("add", "Someone Else")
    result = net("import", "linkedin", str(LINKEDIN), "--json")
    assert result.code == 0, result
    done = json.loads(result.out)
    assert (done["dry_run"], done["counts"]["add"], done["counts"]["nameless"]) == (False, 2, 2)
    assert done["snapshot"] is not None
    assert result.err == f"A snapshot of the store before this import: {done['snapshot']}\n"
    assert [s["person"]["id"] for s in done["steps"]] == [2, 3]


def test_outlook_com_export(net: Net, store: Path) -> None:
    path = FIXTURES / "outlook" / "outlook-com.csv"  # Outlook.com: UTF-8 with a byte-order mark
    result = net("import", "csv", str(path))
    assert result.code == 0, result
    assert result.out.splitlines() == [
        f"Imported {path}: 2 added, 0 updated.",
        'Dates were read month first, as Outlook writes them ("7/3/1991" is 1991-07-03); '
        "if this file has them day first, import it with --date-order dmy.",
        "Left out 1 row without a person's name: line 3.",
    ]
    found = people(store)
    shown = ("nickname", "role", "company", "city", "email", "phone", "birthday", "notes")
    assert {k: found["Siobhán Kelly"][k] for k in shown} == {
        "nickname": "Shiv",
        "role": "Product Lead",
        "company": "Contoso",
        "city": "Bray",  # the home address first
        "email": "shiv@example.ie",  # the second address when the first is empty
        "phone": "+353 1 555 0100",
        "birthday": "1991-07-03",
        "notes": "Met at the PyCon sprint; runs, bakes",
    }
    ravi = found["Ravi Shah"]
    assert (ravi["city"], ravi["phone"], ravi["birthday"]) == ("Leeds", "+44 7700 900123", None)


def test_json_of_a_refused_import_is_the_usual_refusal(net: Net, store: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"name,email\r\nAna,ana@example.com,extra\r\n")
    before = dump(store)
    result = net("import", "csv", str(path), "--dry-run", "--json")
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines()[0] == (
        f"{path}, line 2: It has 3 cells where the header has 2. Nothing was imported."
    )
    assert dump(store) == before
    skipped = json.loads(net("import", "csv", str(path), "--dry-run", "--json", "--skip-bad-rows").out)
    assert (skipped["steps"], skipped["bad"]) == (
        [], [{"source": str(path), "line": 2, "reason": "It has 3 cells where the header has 2."}],
    )  # fmt: skip


def test_a_classic_mac_csv_with_cr_line_ends_is_read(net: Net, store: Path, tmp_path: Path) -> None:
    (tmp_path / "mac.csv").write_bytes(b'name,notes\rAna Ruiz,"two\rlines"\rTom Baker,x\r')
    result = net("import", "csv", str(tmp_path / "mac.csv"), "--dry-run")
    assert result.out == (
        f"Importing {tmp_path / 'mac.csv'} (dry run):\n"
        f"  add      Ana Ruiz  ({tmp_path / 'mac.csv'}, line 2)\n"
        f"  add      Tom Baker  ({tmp_path / 'mac.csv'}, line 4)\n"
        "Would import: 2 added, 0 updated. Nothing was changed (dry run).\n"
    )
