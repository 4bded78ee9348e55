"""The hostile-input cases of test_catalogue_*.py, counted together by test_catalogue.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from quietnet.engine.constants import SCHEMA_VERSION
from tests.catalogue import Refusal

CIRCLES = "choose one of core, close, friends, network, acquaintance."


TRY = "Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago."


NAME_CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."


INVISIBLE = "A name can't be made only of invisible characters."


EMAIL_LONG = "a" * 250 + "@x.io"


LONG = "x" * 5000


CUT = "x" * 39 + "…"


SETTINGS = (
    "the settings are cadence.core, cadence.close, cadence.friends, cadence.network, cadence.acquaintance, "
    "full_weight.core, full_weight.close, full_weight.friends, full_weight.network, "
    "full_weight.acquaintance, "
    "closeness.core, closeness.close, closeness.friends, closeness.network, closeness.acquaintance, "
    "kin_factor, rhythm.prior_weight, rhythm.episode_fraction, rhythm.max_gaps, rhythm.clamp_low, "
    "rhythm.clamp_high, time_apart.span, coefficient.time_apart, coefficient.strength, coefficient.event, "
    "coefficient.loop, coefficient.dormant, coefficient.novelty, loop.promise, loop.need, event.window, "
    "event.logged_before, event.heads_up, dormant.days, dormant.tie_days, dormant.tie_closeness, "
    "rest.share, rest.min_days, weekly_energy, daily_max, review_day, smtp_url, my_emails."
)


TAG = "is not a usable tag; tags are single words like novel or climbing."


ASK = "Nothing was changed; run again with --yes to go ahead."


# Item 6: a refused value is repeated with its bad characters visible and cut short.
ECHOED = [
    Refusal(("log", "ana", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("log", "edit", "1", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("note", "ana", "x", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
    Refusal(("helped", "edit", "1", "--what", "\x1b[2J"),
            "What you did is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--birthday", "\x1b]0;x\x07"),
            'Can\'t read "\\x1b]0;x\\x07" as a birthday. Try 06-21, 1980-06-21 or June 21.'),
    Refusal(("add", "Tom", "--circle", "\x1b[2J"), f'"\\x1b[2J" is not a circle; {CIRCLES}'),
    Refusal(("list", "--circle", LONG), f'"{CUT}" is not a circle; {CIRCLES}'),
    Refusal(("edit", "ana", "--origin", "\x9b2J"),
            '"\\x9b2J" is not an origin; choose one of colleague, client, shared-interest, friend, family, '
            "event, online, other."),
    Refusal(("list", "--sort", "\x1b[2J"), 'Sort by "name" or "last", not "\\x1b[2J".'),
    Refusal(("helped", "ana", "x", "--kind", "\x1b[2J" + LONG),
            f'"\\x1b[2J{"x" * 35}…" is not a kind of help; '
            "choose one of intro, advice, referral, resource, recommendation, favor, other."),
    Refusal(("settings", "set", "\x1b[2J", "3"), f"Unknown setting '\\x1b[2J'; {SETTINGS}"),
    Refusal(("settings", "set", "weekly_energy", "\x1b[2J"),
            "weekly_energy must be a whole number, 0 or more, not '\\x1b[2J'."),
    Refusal(("settings", "preset", LONG), f"Unknown preset '{CUT}'; the presets are default, sivers."),
    Refusal(("settings", "set", "review_day", "\x1b[2J"),
            "review_day is a day of the week, like monday or friday, not '\\x1b[2J'."),
    Refusal(("settings", "set", "smtp_url", "\x1b[2J" + LONG),
            "A mail server URL starts with smtp:// (STARTTLS), smtps:// (TLS) or smtp+plain:// "
            f"(a relay on this machine), not \\x1b[2J{'x' * 75}…."),
    Refusal(("remind", "email", "--to", "\x1b[2J@x"),
            "--to takes one email address, like you@example.org, not '\\x1b[2J@x'."),
    Refusal(("remind", "install", "--at", "\x1b[2J", "--email"),
            "--at takes a time of day as HH:MM, like 08:30 or 18:05, not '\\x1b[2J'."),
    Refusal(("settings", "set", "my_emails", "ana@x.org, \x1b[2J"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("capture", "mail", "/nowhere/\x1b[2J", "--me", "me@x.org", "--yes"),
            "The path /nowhere/\\x1b[2J holds a line break or another control character; "
            "choose or rename it to one without. Nothing was captured."),
    Refusal(("capture", "mail", "/", "--me", "\x1b[2J", "--yes"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("capture", "calendar", "/nowhere/\x1b[2J.ics", "--me", "me@x.org", "--yes"),
            "The path /nowhere/\\x1b[2J.ics holds a line break or another control character; "
            "choose or rename it to one without. Nothing was captured."),
    Refusal(("capture", "calendar", "/", "--me", "\x1b[2J", "--yes"),
            '"\\x1b[2J" does not look like an email address.'),
    Refusal(("restore", "\x1b[2J.db"),
            "The path \\x1b[2J.db holds a line break or another control character; "
            "choose or rename it to one without. Nothing was written."),
]  # fmt: skip


# Items 6 and 8: fields that stored escapes, or more than they should.
FIELDS = [
    Refusal(("add", "Tom", "--email", "tom@x.io\x1b]0;owned\x07"),
            '"tom@x.io\\x1b]0;owned\\x07" does not look like an email address.'),
    Refusal(("edit", "ana", "--email", "ana@x.io\nBcc: eve@x.io"),
            '"ana@x.io\\x0aBcc: eve@x.io" does not look like an email address.'),
    Refusal(("add", "Tom", "--email", EMAIL_LONG),
            "An email address can be at most 254 characters (this one has 255)."),
    Refusal(("add", "Tom", "--tag", "\x1b[2J"), f'"\\x1b[2J" {TAG}'),
    Refusal(("tag", "ana", "+a\x1b[31mred"), f'"a\\x1b[31mred" {TAG}'),
    Refusal(("tag", "ana", "+" + LONG), f'"{CUT}" {TAG}'),
    Refusal(("add", "Tom", "--phone", "123\n456"),
            "A phone number can't contain control characters (such as tabs, newlines or NUL)."),
    Refusal(("add", "Tom", "--city", "Lisbon\u202e"),
            "City is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--company", "Acme\nlast      2020-01-01"),
            "Company is one line: no newlines, tabs or other control characters."),
    Refusal(("edit", "ana", "--role", "dev\tx"),
            "Role is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "Tom", "--how-met", "a\nb"),
            "How met is one line: no newlines, tabs or other control characters."),
    Refusal(("promise", "ana", "a\nb"),
            "A promise is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--promise", "ana: send slides\nForged: line"),
            "Each --promise is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--met", "Cy: line\nX"),
            "Each --met is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "plan", "Party", "--goal", "two\nX"),
            "A goal is one line: no newlines, tabs or other control characters."),
    Refusal(("event", "log", "Party", "--learned", "a\tb"),
            "What you learned is one line: no newlines, tabs or other control characters."),
    Refusal(("intro", "checked", "1", "--note", "they meet\nForged"),
            "How it went is one line: no newlines, tabs or other control characters."),
    Refusal(("add", "\u200b\u2060"), INVISIBLE),
    Refusal(("add", "\u200b \ufeff \u3164"), INVISIBLE),
    Refusal(("edit", "ana", "--name", "\u2060"), INVISIBLE),
    Refusal(("add", "Ana\u200eRuiz"), NAME_CONTROL),  # LRM
    Refusal(("add", "Ana\u200fRuiz"), NAME_CONTROL),  # RLM
    Refusal(("add", "Ana\u061cRuiz"), NAME_CONTROL),  # ALM
    Refusal(("add", "\u2067Ana"), NAME_CONTROL),  # an isolate
    Refusal(("add", "Tom", "--nickname", "#7"),
            'A nickname can\'t start with "#" (#7): #12 is how ids are written.'),
    Refusal(("edit", "ana", "--nickname", "#1"),
            'A nickname can\'t start with "#" (#1): #12 is how ids are written.'),
    Refusal(("add", "Tom", "--nickname", "ANI"),
            f'Ana Ruiz (#1) already goes by "ANI". Give Tom the same nickname? {ASK}'),
    Refusal(("edit", "lena", "--nickname", "Aní"),
            f'Ana Ruiz (#1) already goes by "Aní". Give Lena Park the same nickname? {ASK}'),
    Refusal(("add", "Tom", "--birthday", "2025-06-20"),
            'A birthday can\'t be after today (2025-06-19); "2025-06-20" has not happened yet. '
            "Give MM-DD if the year is unsure."),
    Refusal(("edit", "ana", "--birthday", "2199-01-01"),
            'A birthday can\'t be after today (2025-06-19); "2199-01-01" has not happened yet. '
            "Give MM-DD if the year is unsure."),
    Refusal(("log", "ana", "--on", "1899-12-31"),
            '"1899-12-31" falls outside the years 1900 to 2200; check the year.'),
    Refusal(("log", "ana", "--on", "200 years ago"),
            '"200 years ago" falls outside the years 1900 to 2200; check the year.'),
    Refusal(("due", "--as-of", "2201-01-01"),
            '"2201-01-01" falls outside the years 1900 to 2200; check the year.'),
]  # fmt: skip


CATALOGUE = ECHOED + FIELDS


CARDS = "Fix them and run again, or add --skip-bad-cards to import the rest."


ROWS = "Fix them and run again, or add --skip-bad-rows to import the rest."


LINES = "Fix them and run again, or add --skip-bad-lines to import the rest."


UTF8 = (
    "Save it as UTF-8 (most tools offer it under Save as or Export), or name its encoding with --encoding, "
    "e.g. --encoding cp1252 or --encoding latin-1."
)


CONTROL = "A name can't contain control characters (such as tabs, newlines or NUL)."


FILES = [
    Refusal(
        ("import", "vcard", "cut.vcf"),
        "cut.vcf, line 1: This card has no END:VCARD line (is the file cut short?). "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "noname.vcf"),
        f"noname.vcf, line 1: This card has no name (no FN or N). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "blank.vcf"),
        f"blank.vcf, line 3: This card has no name (no FN or N). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "latin1.vcf"),
        f"latin1.vcf, line 3: byte 0xE9 is not valid utf-8; nothing was imported. {UTF8}",
    ),
    Refusal(
        ("import", "vcard", "utf16.vcf"),
        "utf16.vcf, line 1: byte 0xFF is not valid utf-8; nothing was imported. "
        "It starts with a UTF-16 byte-order mark: run again with --encoding utf-16.",
    ),
    Refusal(
        ("import", "vcard", "escape.vcf"), f"escape.vcf, line 3: FN: {CONTROL} Nothing was imported.\n{CARDS}"
    ),
    Refusal(("import", "vcard", "nul.vcf"), f"nul.vcf, line 3: FN: {CONTROL} Nothing was imported.\n{CARDS}"),
    Refusal(
        ("import", "vcard", "garbage.vcf"),
        "garbage.vcf is not a vCard file (it has no BEGIN:VCARD line); nothing was imported.",
    ),
    Refusal(("import", "vcard", "empty.vcf"), "empty.vcf is empty; nothing was imported."),
    Refusal(
        ("import", "vcard", "bday.vcf"),
        'bday.vcf, line 4: BDAY: "2025-02-30" does not exist: there is no day 30 in February 2025, '
        f"whose days run from 01 to 28 (try 2025-02-28). Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "quoted.vcf"),
        "quoted.vcf, line 4: This card could not be read (a parameter whose quote is never closed: "
        f'"TEL;TYPE="voice,cell:+1 555 0100"). Nothing was imported.\n{CARDS}',
    ),
    Refusal(
        ("import", "vcard", "charset.vcf"),
        "charset.vcf, line 3: This card could not be read (FN names an encoding that does not exist: "
        f'"KLINGON"). Nothing was imported.\n{CARDS}',
    ),
    Refusal(
        ("import", "vcard", "qp.vcf"),
        "qp.vcf, line 3: This card could not be read (FN: its quoted-printable text is not valid UTF-8). "
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "group.vcf"),
        'group.vcf, line 3: FN: Tags: "Book\\x1b[2JClub" has control characters; tags are single words. '
        f"Nothing was imported.\n{CARDS}",
    ),
    Refusal(
        ("import", "vcard", "ok.vcf", "--circle", "best"),
        '"best" is not a circle; choose one of core, close, friends, network, acquaintance.',
    ),
    Refusal(
        ("import", "vcard", "ok.vcf", "--encoding", "klingon"),
        '"klingon" is not an encoding Python knows; try utf-8, utf-16, cp1252 or latin-1.',
    ),
    Refusal(("import", "vcard", "missing.vcf"), "missing.vcf does not exist."),
    Refusal(
        ("import", "csv", "quote.csv"),
        "quote.csv, line 2: A quoted cell that starts here is never closed (a missing closing quote). "
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ragged.csv"),
        "2 rows could not be read, so nothing was imported:\n"
        "  ragged.csv, line 2: It has 4 cells where the header has 2.\n"
        f"  ragged.csv, line 3: It has 1 cells where the header has 2.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "nonames.csv"),
        "nonames.csv: no column holds names (looked for Name, Full Name, First Name, Last Name...). "
        'Name it with --map "COLUMN=name".',
    ),
    Refusal(
        ("import", "csv", "latin1.csv"),
        f"latin1.csv, line 2: byte 0xE9 is not valid utf-8; nothing was imported. {UTF8}",
    ),
    Refusal(("import", "csv", "nul.csv"), f"nul.csv, line 2: Name: {CONTROL} Nothing was imported.\n{ROWS}"),
    Refusal(
        ("import", "csv", "escape.csv"), f"escape.csv, line 2: Name: {CONTROL} Nothing was imported.\n{ROWS}"
    ),
    Refusal(("import", "csv", "empty.csv"), "empty.csv is empty; nothing was imported."),
    Refusal(
        ("import", "csv", "circle.csv"),
        'circle.csv, line 2: Circle: "best" is not a circle; choose one of core, close, friends, network, '
        f"acquaintance. Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "outlook.csv"),
        'outlook.csv, line 2: Birthday: "13/25/1985" is not a date read month first (month/day/year). '
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--date-order", "ymd"),
        '--date-order is mdy (4/12/1985 is 12 April) or dmy (4 December), not "ymd".',
    ),
    Refusal(
        ("import", "csv", "huge.csv"),
        "huge.csv, line 2: A cell holds more than 131,072 characters, too many for one field. "
        f"Nothing was imported.\n{ROWS}",
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--map", "Nope=name"),
        'ok.csv has no column "Nope"; its columns are: name, email.',
    ),
    Refusal(
        ("import", "csv", "ok.csv", "--delimiter", "xx"),
        'The delimiter is one character such as , ; | or the word tab, not "xx".',
    ),
    Refusal(
        ("import", "json", "broken.json"),
        "broken.json, line 1: this is not valid JSON (Expecting property name enclosed in double quotes); "
        "nothing was imported.",
    ),
    Refusal(
        ("import", "json", "contacts.json"),
        'contacts.json is not a quietnet export (it has no "format": "quietnet"); nothing was imported.',
    ),
    Refusal(("import", "friends", "empty.md"), "empty.md is empty; nothing was imported."),
    Refusal(
        ("import", "friends", "shopping.md"),
        "shopping.md doesn't look like a friends.md file (no ### Activities: or ### Friends: section); "
        "nothing was imported.",
    ),
    Refusal(
        ("import", "friends", "escape.md"),
        f"escape.md, line 2: Name: {CONTROL} Nothing was imported.\n{LINES}",
    ),
    Refusal(
        ("import", "friends", "future.md"),
        "future.md, line 2: 2025-06-20 is after today (2025-06-19); pick today or an earlier day. "
        f"Nothing was imported.\n{LINES}",
    ),
    Refusal(
        ("import", "friends", "heading.md"),
        'heading.md, line 3: "## Family:" is not a section of friends.md (### Activities:, ### Notes:, '
        f"### Friends:, ### Locations:). Nothing was imported.\n{LINES}",
    ),
    Refusal(("export", "json", "--output", "folder"), "folder is a folder; give a file name to write to."),
    Refusal(
        ("export", "csv", "--output", "missing/people.csv"),
        "The folder missing does not exist; nothing was written.",
    ),
    Refusal(("review", "--output", "folder"), "folder is a folder; give a file name to write to."),
    Refusal(
        ("backup", "--to", "ok.csv"), "ok.csv already exists; choose another name (nothing was written)."
    ),
    # net sync vdir: the folder of an address book, checked before anything is read or written
    Refusal(
        ("sync", "vdir", "ok.vcf"), "ok.vcf is not a folder; give the folder of your address book (a vdir)."
    ),
    Refusal(("sync", "vdir", "gone"), "gone does not exist; give the folder of your address book (a vdir)."),
    Refusal(
        ("sync", "vdir", "folder", "--prefer", "mine"),
        '--prefer takes store or folder, not "mine"; nothing was changed.',
    ),
    Refusal(("sync", "vdir", "folder", "--circle", "best"), f'"best" is not a circle; {CIRCLES}'),
    Refusal(
        ("sync", "vdir", "fol\x1b[2Jder"),
        "The path fol\\x1b[2Jder holds a line break or another control character; choose or rename it to one "
        "without. Nothing was written.",
    ),
]


def _text(path: Path, seeded: bytes) -> None:
    path.write_bytes(b"my notes\n" * 50)


def _cut_in_the_header(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded[:60])


def _cut_after_the_header(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded[:8192])


def _another_program(path: Path, seeded: bytes) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()


def _newer(path: Path, seeded: bytes) -> None:
    path.write_bytes(seeded)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


NOT_SQLITE = "{path} is not a quietnet store (it is not an SQLite database); it was left untouched."


STORES: list[tuple[str, Callable[[Path, bytes], None], str]] = [
    ("notes.txt", _text, NOT_SQLITE),
    ("cut.db", _cut_in_the_header, NOT_SQLITE),
    ("cut-later.db", _cut_after_the_header,
     "The store at {path} is damaged (database disk image is malformed). Run net doctor for help."),
    ("photos.db", _another_program,
     "{path} is an SQLite database from another program, not a quietnet store; it was left untouched."),
    ("newer.db", _newer,
     f"{{path}} was written by a newer quietnet (schema {SCHEMA_VERSION + 1}; this one knows up to "
     f"{SCHEMA_VERSION}). Upgrade quietnet to use it; it was left untouched."),
]  # fmt: skip


# Issue 17, item 15: a value Typer can't convert is refused input (exit 1) in one sentence,
# like every other refusal; a missing argument or an unknown option stays a usage error (2).
VALUES = [
    Refusal(("review", "--format", "pdf"), '--format must be "text", "markdown" or "html", not "pdf".'),
    Refusal(("review", "-f", "\x1b[2J"), '--format must be "text", "markdown" or "html", not "\\x1b[2J".'),
    Refusal(("done", "abc"), 'ID must be a whole number, not "abc".'),
    Refusal(("add", "Tom", "--closeness", "nine"), '--closeness must be a whole number, not "nine".'),
    Refusal(("edit", "ana", "--closeness", "2.5"), '--closeness must be a whole number, not "2.5".'),
    Refusal(("export", "ics", "--days", "400"), '--days must be a whole number from 0 to 366, not "400".'),
    Refusal(("export", "ics", "--days=-1"), '--days must be a whole number from 0 to 366, not "-1".'),
    Refusal(("backup", "--keep", "0"), '--keep must be a whole number, 1 or more, not "0".'),
    Refusal(("work", "add", "Talk", "--value", "lots"), '--value must be a number, not "lots".'),
    Refusal(("event", "budget", "two"), 'N must be a whole number, not "two".'),
    Refusal(("--debug", "event", "budget", "budget"), 'N must be a whole number, not "budget".'),
    Refusal(("give", "ana", "--done", LONG), f'--done must be a whole number, not "{CUT}".'),
]
