"""The bad-input catalogue, part 4: one set of rules for every field, on every path.

The rules live in quietnet/fields.py; each entry here feeds a value that breaks
one of them through a command, an import file or a JSON document, and checks
the calm sentence (bad characters shown as escapes such as \\x1b, long input
cut), the exit code, and that the store's export and bytes are unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.catalogue import Refusal, build_seeded, check_refused, export, ids
from tests.conftest import Net, seed

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
    "rest.share, rest.min_days, weekly_energy, daily_max."
)
TAG = "is not a usable tag; tags are single words like novel or climbing."
ASK = "Nothing was changed; run again with --yes to go ahead."

# Item 6: a refused value is repeated with its bad characters visible and cut short.
ECHOED = [
    Refusal(("log", "ana", "--on", "\x1b[2J"), f'Can\'t read "\\x1b[2J" as a date. {TRY}'),
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
    Refusal(("restore", "\x1b[2J.db"), "{here}/\\x1b[2J.db does not exist."),
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
            "City can't contain control characters other than newlines and tabs."),
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


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return build_seeded(tmp_path_factory.mktemp("catalogue"))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("case", CATALOGUE, ids=ids(CATALOGUE))
def test_a_field_breaking_its_rule_is_refused_calmly(
    net: Net, store: Path, seeded: bytes, here: Path, case: Refusal
) -> None:
    seed(store, seeded)
    check_refused(net, store, Refusal(case.args, case.err.replace("{here}", str(here)), case.code))


def _person(n: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["people"][n].update(changes)

    return change


def _interaction(n: int, **changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["interactions"][n].update(changes)

    return change


def _nested(d: dict[str, Any]) -> str:
    return '{"format": "quietnet", "schema_version": 1, "settings": ' + "[" * 100_000 + "]" * 100_000 + "}"


# Item 7: `net import json` holds a document to the same rules; the first bad record is named.
JSON: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("long-name", _person(0, name="n" * 100_000),
     "people[0]: name: A name can be at most 200 characters (this one has 100,000)"),
    ("id-name", _person(1, name="#7"),
     'people[1]: name: A name can\'t start with "#" (#7): #12 is how ids are written'),
    ("invisible", _person(0, name="\u200b"),
     "people[0]: name: A name can't be made only of invisible characters"),
    ("nickname", _person(0, nickname="#1"),
     'people[0]: nickname: A nickname can\'t start with "#" (#1): #12 is how ids are written'),
    ("huge-note", _person(2, notes="n" * 5_000_000),
     "people[2]: notes: the text can be at most 10,000 characters (this one has 5,000,000)"),
    ("birthday", _person(0, birthday="02-30"),
     'people[0]: birthday: "02-30" does not exist: there is no day 30 in February, '
     "whose days run from 01 to 29 (try 02-29)"),
    ("future-birthday", _person(0, birthday="2025-06-20"),
     "people[0]: birthday: A birthday can't be after today (2025-06-19); "
     '"2025-06-20" has not happened yet. Give MM-DD if the year is unsure'),
    ("birthday-form", _person(0, birthday="June 21"),
     'people[0]: birthday: "June 21" is not written as quietnet stores it (06-21)'),
    ("email", _person(0, email="ana@x.io\x1b[2J"),
     'people[0]: email: "ana@x.io\\x1b[2J" does not look like an email address'),
    ("tag-space", _person(0, tags=["two words"]),
     'people[0]: tags: "two words" is not written as quietnet stores it (two-words)'),
    ("tag-empty", _person(0, tags=[""]),
     'people[0]: tags: "" is not a usable tag; tags are single words like novel or climbing'),
    ("uuid", _person(0, uuid="not-a-uuid"),
     'people[0]: uuid: "not-a-uuid" is not a UUID (such as 0b6f1c1e-8d0a-4c4e-9d2b-5f0e1a2b3c4d)'),
    ("year-1", _interaction(0, day="0001-01-01"),
     "interactions[0]: day: 0001-01-01 falls outside the years 1900 to 2200"),
    ("year-9999", _interaction(1, day="9999-12-31"),
     "interactions[1]: day: 9999-12-31 falls outside the years 1900 to 2200"),
    ("no-people", _interaction(0, people=[]),
     "interactions[0]: people: no one is named; each needs at least one person"),
    ("huge-id", _person(0, id=10**20),
     "people[0]: id: expected a whole number from 1 to 9223372036854775807, got 100000000000000000000"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "reason"), JSON, ids=[j[0] for j in JSON])
def test_a_json_import_holds_every_record_to_the_same_rules(
    net: Net, store: Path, seeded: bytes, here: Path, name: str, change: Any, reason: str
) -> None:
    seed(store, seeded)
    document = json.loads(export(net))
    change(document)
    (here / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
    err = f"{name}.json, {reason}; nothing was imported."
    check_refused(net, store, Refusal(("import", "json", f"{name}.json"), err))


def test_json_nested_without_end_or_with_a_giant_number_ends_in_a_sentence(
    net: Net, store: Path, seeded: bytes, here: Path
) -> None:
    seed(store, seeded)
    (here / "deep.json").write_text(_nested({}), encoding="utf-8")
    (here / "digits.json").write_text('{"format": "quietnet", "schema_version": ' + "9" * 5000 + "}")
    check_refused(
        net,
        store,
        Refusal(
            ("import", "json", "deep.json"),
            "deep.json is nested too deeply to be a quietnet export; nothing was imported.",
        ),
    )
    check_refused(
        net,
        store,
        Refusal(
            ("import", "json", "digits.json"),
            "digits.json: this is not usable JSON "
            "(Exceeds the limit (4300 digits) for integer string conversion); nothing was imported.",
        ),
    )
