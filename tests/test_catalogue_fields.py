"""The bad-input catalogue, part 4: one set of rules for every field, on every path.

The rules live in quietnet/core/fields.py; each entry here feeds a value that breaks
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

from tests.cases import CATALOGUE
from tests.catalogue import Refusal, build_seeded, check_refused, export, ids
from tests.helpers import Net, seed


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
    ("company-lines", _person(0, company="Acme\nlast      2020-01-01"),
     "people[0]: company: the text is one line: no newlines, tabs or other control characters"),
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
