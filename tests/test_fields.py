"""One set of rules per field (quietnet/core/fields.py): what the catalogue can't hold.

Text stored by an older version with terminal escapes prints escaped; import
files are held to the command's rules (email, tags, names, nicknames); an empty
--db or NET_DB, a NET_TODAY outside 1900-2200 and a dry-run import create
nothing; a shared nickname goes through only with --yes.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from quietnet.core import text
from tests.helpers import Net, files, ok, query

ROWS = "Fix them and run again, or add --skip-bad-rows to import the rest."
CARDS = "Fix them and run again, or add --skip-bad-cards to import the rest."
EMPTY_NET_DB = "NET_DB is set but empty; name a file, or unset it to use the default store."
EMPTY_DB = "--db was given an empty path; name a file or a database URL, or leave --db out."
YEARS = "NET_TODAY must fall between the years 1900 and 2200, not"


def test_visible_and_shown_write_bad_characters_as_escapes_and_cut_long_input() -> None:
    assert text.visible("a\x1b[2J\x07b\u202ec\x9b\u2028") == "a\\x1b[2J\\x07b\\u202ec\\x9b\\u2028"
    assert text.visible("line\nnext\ttab", keep="\n") == "line\nnext\\x09tab"
    assert text.visible("Zoë 🌿 👩\u200d💻 李雷") == "Zoë 🌿 👩\u200d💻 李雷"  # joiners draw emoji
    assert text.shown("\x1b" + "y" * 100) == "\\x1b" + "y" * 38 + "…"


def test_text_an_older_version_stored_with_escapes_prints_escaped(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz", "--tag", "climbing")
    conn = sqlite3.connect(store)
    with conn:
        conn.execute(
            "UPDATE person SET email = ?, city = ? WHERE id = 1", ("a@x.io\x1b]0;owned\x07", "\x1b[2J")
        )
        conn.execute("UPDATE tag SET name = ? WHERE name = 'climbing'", ("\x1b[31mred",))
    conn.close()
    shown = ok(net, "show", "ana")
    assert "email     a@x.io\\x1b]0;owned\\x07\n" in shown
    assert "tags      \\x1b[31mred\n" in shown
    listed = ok(net, "list")
    assert "\\x1b[2J" in listed
    assert "\\x1b[31mred" in listed
    assert ok(net, "tag", "ana", "+calm") == "Ana Ruiz's tags: \\x1b[31mred, calm.\n"
    for out in (shown, listed):
        assert "\x1b" not in out


def test_every_command_prints_a_stored_escape_escaped_and_json_keeps_it_exact(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz", "--circle", "close")
    ok(net, "log", "ana", "coffee", "--on", "2025-01-02")
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE person SET name = ?, search_key = 'ana' WHERE id = 1", ("Ana\x1b[2J\x9bRuiz",))
    conn.close()
    for args in (
        ("why", "#1"),
        ("give", "#1"),
        ("due", "--all"),
        ("today",),
        ("show", "#1"),
        ("list",),
        ("review",),
    ):
        result = net(*args)
        assert result.code == 0, (args, result)
        assert "Ana\\x1b[2J\\x9bRuiz" in result.out, (args, result.out)
        assert "\x1b" not in result.out + result.err, args
        assert "\x9b" not in result.out, args
    shown = net("show", "#1", "--json")
    assert "\\u001b[2J\\u009bRuiz" in shown.out
    assert json.loads(shown.out)["person"]["name"] == "Ana\x1b[2J\x9bRuiz"  # the data itself, exactly


FILES = [
    ("email.csv", b"name,email\nTom,tom@x.io\x1b]0;owned\x07\n",
     'email.csv, line 2: Email: "tom@x.io\\x1b]0;owned\\x07" does not look like an email address. '
     f"Nothing was imported.\n{ROWS}"),
    ("long-email.csv", b"name,email\nTom," + b"a" * 300 + b"@x.io\n",
     "long-email.csv, line 2: Email: An email address can be at most 254 characters (this one has 305). "
     f"Nothing was imported.\n{ROWS}"),
    ("tags.csv", b"name,tags\nTom,\x1b[2J\n",
     'tags.csv, line 2: Tags: "\\x1b[2J" has control characters; tags are single words. '
     f"Nothing was imported.\n{ROWS}"),
    ("id.csv", b"name,email\n#7,tom@x.io\n",
     'id.csv, line 2: Name: A name can\'t start with "#" (#7): #12 is how ids are written. '
     f"Nothing was imported.\n{ROWS}"),
    ("nick.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\nNICKNAME:#2\r\nEND:VCARD\r\n",
     'nick.vcf, line 4: NICKNAME: A nickname can\'t start with "#" (#2): #12 is how ids are written. '
     f"Nothing was imported.\n{CARDS}"),
    ("bday.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\nBDAY:2030-01-01\r\nEND:VCARD\r\n",
     "bday.vcf, line 4: BDAY: A birthday can't be after today (2025-06-19); "
     '"2030-01-01" has not happened yet. '
     f"Give MM-DD if the year is unsure. Nothing was imported.\n{CARDS}"),
    ("bidi.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\u200fBaker\r\nEND:VCARD\r\n".encode(),
     "bidi.vcf, line 3: FN: A name can't contain control characters (such as tabs, newlines or NUL). "
     f"Nothing was imported.\n{CARDS}"),
    ("company.csv", b'name,company\nTom,"Acme\nlast      2020-01-01"\n',
     "company.csv, line 2: Company: It is one line: no newlines, tabs or other control "
     f"characters. Nothing was imported.\n{ROWS}"),
    ("org.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\nTITLE:dev\\nLINE:fake\r\nEND:VCARD\r\n",
     "org.vcf, line 4: TITLE: It is one line: no newlines, tabs or other control characters. "
     f"Nothing was imported.\n{CARDS}"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "err"), FILES, ids=[f[0] for f in FILES])
def test_import_files_are_held_to_the_commands_rules(
    net: Net,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    err: str,
) -> None:
    ok(net, "add", "Ana Ruiz")
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(content)
    before = files(store)
    kind = "csv" if name.endswith(".csv") else "vcard"
    result = net("import", kind, name)
    assert (result.code, result.err, result.out) == (1, err + "\n", ""), result
    assert files(store) == before


def test_an_imported_nickname_someone_else_uses_is_skipped_with_the_reason(
    net: Net, store: Path, tmp_path: Path
) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", "ani")
    path = tmp_path / "nick.csv"
    path.write_bytes(b"name,nickname\nLu Chen,ANI\nAna Ruiz,ani\nBo Li,bo\nBo Lee,bo\n")
    result = net("import", "csv", str(path))
    assert result.code == 0, result
    summary = "1 added, 0 updated, 1 already up to date, 2 skipped."
    assert result.out.splitlines()[0] == f"Imported {path}: {summary}"
    assert query(store, "SELECT name, nickname FROM person ORDER BY id") == [
        ("Ana Ruiz", "ani"), ("Bo Li", "bo")
    ]  # fmt: skip


def test_a_shared_nickname_needs_yes(net: Net, store: Path) -> None:
    ok(net, "add", "Ana Ruiz", "--nickname", "ani")
    ok(net, "add", "Ana Lima")
    assert ok(net, "edit", "ana lima", "--nickname", "ani", "--yes") == "Updated Ana Lima.\n"
    assert (
        ok(net, "add", "Ana Gil", "--nickname", "Ani", "--yes")
        == "Added Ana Gil (#3) to your network circle.\n"
    )


@pytest.mark.new_store
@pytest.mark.parametrize(
    ("env", "args", "err"),
    [
        ({"NET_DB": ""}, ("list",), EMPTY_NET_DB),
        ({"NET_DB": "  "}, ("add", "Tom"), EMPTY_NET_DB),
        ({}, ("--db", "", "list"), EMPTY_DB),
        ({"NET_TODAY": "9999-12-31"}, ("today",), f"{YEARS} 9999-12-31."),
        ({"NET_TODAY": "1899-12-31"}, ("add", "Tom"), f"{YEARS} 1899-12-31."),
        ({"NET_TODAY": "\x1b[2J"}, ("list",), "NET_TODAY must be a date like 2025-06-19, not '\\x1b[2J'."),
    ],
)  # fmt: skip
def test_an_unusable_store_location_or_today_creates_nothing(
    net: Net,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    args: tuple[str, ...],
    err: str,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = net(*args)
    assert (result.code, result.err, result.out) == (3, err + "\n", ""), result
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # no store, anywhere


@pytest.mark.new_store
@pytest.mark.parametrize(
    ("kind", "name", "content", "out"),
    [
        ("csv", "a.csv", b"name,email\nTom,tom@x.io\n",
         "Importing a.csv (dry run):\n  add      Tom  (a.csv, line 2)\n"
         "Would import: 1 added, 0 updated. Nothing was changed (dry run).\n"),
        ("vcard", "a.vcf", b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tom\r\nEND:VCARD\r\n",
         "Importing a.vcf (dry run):\n  add      Tom  (a.vcf, line 1)\n"
         "Would import: 1 added, 0 updated. Nothing was changed (dry run).\n"),
        ("json", "a.json", b'{"format": "quietnet", "schema_version": 1}',
         "Would import 0 people, 0 interactions, 0 ways you helped and 0 loops from a.json. "
         "Nothing was changed (dry run).\n"),
    ],
)  # fmt: skip
def test_a_dry_run_import_creates_no_store(
    net: Net,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    name: str,
    content: bytes,
    out: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_bytes(content)
    result = net("import", kind, name, "--dry-run")
    assert (result.code, result.out) == (0, out), result
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"settings": {"nonsense.key": 3}}, "Unknown setting 'nonsense.key'; the settings are"),
        ({"tables": {"nosuch": []}}, 'it has a table "nosuch" this quietnet does not know.'),
    ],
)
@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
def test_a_refused_json_import_creates_no_store(
    net: Net,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, Any],
    said: str,
    dry_run: tuple[str],
) -> None:
    source = tmp_path / "source.db"
    assert net("--db", str(source), "add", "Ana Ruiz").code == 0
    document = json.loads(net("--db", str(source), "export", "json").out)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "in.json").write_text(json.dumps(document | change))
    monkeypatch.chdir(folder)
    result = net("--db", "net.db", "import", "json", "in.json", *dry_run)
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(f"in.json: {said}"), result
    assert result.err.endswith(" Nothing was imported.\n"), result
    assert sorted(p.name for p in folder.iterdir()) == ["in.json"]


def test_net_copy_holds_the_source_to_the_same_rules(net: Net, store: Path, tmp_path: Path) -> None:
    ok(net, "add", "Ana Ruiz")
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE person SET email = ? WHERE id = 1", ("a@x.io\x1b[2J",))
    conn.close()
    before = files(store)
    result = net("copy", "--to", str(tmp_path / "copy.db"))
    assert (result.code, result.out) == (1, ""), result
    assert result.err == (
        'The source store, people[0]: email: "a@x.io\\x1b[2J" does not look like an email address; '
        "nothing was copied.\nFix that record in the source store (net edit, net show), then copy again.\n"
    )
    assert files(store) == before
    assert not (tmp_path / "copy.db").exists()
