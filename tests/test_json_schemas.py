"""The JSON Schemas in docs/schemas/ (issue 16): valid, in step with the code, and followed.

``Net`` checks every JSON output of the suite against its schema (tests/schemas.py);
here a store with a row in every table is checked on purpose, the schemas' lists
are compared with the code's, and a broken document is shown to be caught.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quietnet.core.intro import STATES
from quietnet.core.kinds import HELP_KINDS, KIND_NAMES
from quietnet.core.records import CIRCLES, ORIGINS
from quietnet.core.schedule import REASONS
from quietnet.core.why import NOT_LISTED
from quietnet.io import calendar_read, mail_read
from quietnet.io.jsonfile import LOOP_TYPES, SHAPES
from quietnet.ops.capture import ALL_DAY_UNNAMED
from quietnet.store.folded import DERIVED
from tests.helpers import APPLE, Net, ok
from tests.schemas import FOLDER, NAMES, load, validator

EVERYTHING: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--nickname", "ani", "--circle", "close", "--closeness", "4", "--kin",
     "--cadence", "every 6 weeks", "--met", "2019-05-01", "--how-met", "design meetup",
     "--origin", "colleague", "--company", "Fabrikam", "--role", "Designer", "--city", "Lisbon",
     "--email", "ana@example.com", "--phone", "+351 912 345 678", "--birthday", "1992-06-25",
     "--interests", "type, ceramics", "--note", "likes tea", "--tag", "climbing", "--tag", "novel"),
    ("add", "Tom Berg", "--circle", "friends", "--birthday", "06-24"),
    ("add", "Søren Lund", "--circle", "network"),
    ("add", "Rui Costa", "--circle", "acquaintance", "--birthday", "06-23"),
    ("log", "ana", "tom", "coffee", "--on", "2025-03-01", "--note", "her new studio"),
    ("log", "søren", "call", "--them", "--on", "2025-06-17"),
    ("helped", "ana", "intro to Sam", "--kind", "intro"),
    ("promise", "tom", "send the article", "--on", "2025-06-10"),
    ("need", "søren", "a flat in Lisbon"),
    ("give", "ana", "--save", "the pricing article"),
    ("add", "Mia Holt", "--circle", "acquaintance", "--birthday", "06-22"),
    ("intro", "ana", "mia", "both are into type design"),
    ("intro", "ask", "1", "--who", "ana"), ("intro", "ask", "1", "--who", "mia"),
    ("intro", "accepted", "1", "--who", "ana"), ("intro", "accepted", "1", "--who", "mia"),
    ("event", "consider", "Lisbon a11y meetup", "--interest", "3", "--size", "small", "--knows", "ana",
     "--on", "2025-06-17"),
    ("event", "log", "Lisbon a11y meetup", "--met", "Lena Park: runs the meetup", "--energy", "3",
     "--worth", "yes", "--promise", "lena: send the slides", "--on", "2025-06-17"),
    ("work", "add", "Contoso redesign", "--from", "tom", "--via", "ana", "--path", "referral",
     "--value", "4000", "--on", "2025-06-16"),
    ("note", "ana", "her daughter started school", "--on", "2025-06-18"),
    ("relate", "ana", "tom", "--as", "partner"),
    ("date", "add", "ana", "wedding anniversary", "06-21"),
    ("kind", "add", "bouldering", "--like", "meet"),
    ("log", "mia", "bouldering", "--on", "2025-06-18"),
    ("snooze", "søren", "--for", "2 weeks"),
    ("settings", "set", "weekly_energy", "6"),
)  # fmt: skip


@pytest.fixture
def everything(net: Net, tmp_path: Path) -> None:
    card = tmp_path / "apple.vcf"
    card.write_text(APPLE, encoding="utf-8", newline="")
    for args in EVERYTHING:
        ok(net, *args)
    assert net("import", "vcard", str(card), "--circle", "network").code == 0  # (it names its snapshot)
    ok(net, "archive", "tom")
    book = tmp_path / "book"  # an address-book folder synced once (card_sync)
    book.mkdir()
    (book / "ida.vcf").write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ida\r\nFN:Ida Berg\r\nEND:VCARD\r\n")
    assert net("sync", "vdir", str(book), "--yes").code == 0  # (it names its snapshot)
    mbox = tmp_path / "mail.mbox"
    mbox.write_text(
        "From x Tue Jun 17 10:00:00 2025\nFrom: Mia Holt <mia@example.org>\nTo: me@example.net\n"
        "Date: Tue, 17 Jun 2025 12:00:00 +0000\nMessage-ID: <hello@example.org>\nSubject: Hello\n\nhi\n",
        encoding="utf-8",
    )
    ok(net, "settings", "set", "my_emails", "me@example.net")
    assert net("capture", "mail", str(mbox), "--learn", "--yes").code == 0  # (it names its snapshot)


def errors(name: str, document: Any) -> list[str]:
    found = validator(name).iter_errors(document)
    return [f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}" for e in found]


@pytest.mark.parametrize("name", NAMES)
def test_each_schema_is_a_valid_2020_12_schema_with_a_title(name: str) -> None:
    schema = load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]
    assert schema["description"]
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(f"{n}.schema.json" for n in NAMES)


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
@pytest.mark.usefixtures("everything")
def test_a_store_with_a_row_in_every_table_exports_what_the_schema_says(net: Net) -> None:
    document = json.loads(ok(net, "export", "json"))
    assert all(document[k] for k in ("people", "interactions", "helps", "loops", "settings"))
    assert all(document["tables"].values()), document["tables"]  # every extra table has a row
    assert errors("export", document) == []


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
@pytest.mark.usefixtures("everything")
@pytest.mark.parametrize(
    ("name", "args"),
    [("due", ("due",)), ("due", ("due", "--all")), ("today", ("today",)), ("why", ("why", "ana")),
     ("why", ("why", "søren")), ("why", ("why", "tom")), ("review", ("review",)),
     ("review", ("review", "--week", "2025-06-09"))],
)  # fmt: skip
def test_the_everyday_json_outputs_follow_their_schemas(net: Net, name: str, args: tuple[str, ...]) -> None:
    assert errors(name, json.loads(ok(net, *args, "--json"))) == []


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
@pytest.mark.usefixtures("everything")
def test_today_and_review_fill_every_list_their_schemas_describe(net: Net) -> None:
    today = json.loads(ok(net, "today", "--json"))
    assert [k for k, v in today.items() if isinstance(v, list) and not v] == ["snoozes_ending"]
    review = json.loads(ok(net, "review", "--json"))
    assert all(review[k] for k in ("came_back", "promises", "needs", "dates_next_week"))
    assert review["gave"]["helps"]


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
def test_an_empty_store_follows_the_schemas_too(net: Net) -> None:
    for name, args in (("export", ("export", "json")), ("due", ("due", "--json")),
                       ("today", ("today", "--json")), ("review", ("review", "--json"))):  # fmt: skip
        assert errors(name, json.loads(ok(net, *args))) == []


@pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)
@pytest.mark.usefixtures("everything")
def test_the_schemas_catch_a_broken_document(net: Net) -> None:
    document = json.loads(ok(net, "export", "json"))
    document["people"][0]["circle"] = "inner"
    del document["interactions"][0]["day"]
    document["loops"][0]["extra"] = 1
    document["tables"]["work"][0]["value"] = "4000"
    assert errors("export", document) == [
        "people/0/circle: 'inner' is not one of ['core', 'close', 'friends', 'network', 'acquaintance']",
        "interactions/0: 'day' is a required property",
        "loops/0: Additional properties are not allowed ('extra' was unexpected)",
        "tables/work/0/value: '4000' is not of type 'number', 'null'",
    ]
    why = json.loads(ok(net, "why", "ana", "--json"))
    del why["terms"]
    assert errors("why", why) == ["(top): 'terms' is a required property"]


def test_the_export_schema_names_every_field_and_table_the_code_writes() -> None:
    from sqlmodel import SQLModel

    import quietnet.engine.schema  # noqa: F401  (registers the tables: the columns of the rows in "tables")

    export = load("export")
    defined = {"people": "person", "interactions": "interaction", "helps": "help", "loops": "loop"}
    assert list(SHAPES) == list(defined)
    for key, shape in SHAPES.items():  # what net import json reads back
        assert export["properties"][key]["items"] == {"$ref": f"#/$defs/{defined[key]}"}
        assert list(export["$defs"][defined[key]]["properties"]) == list(shape), key
    tables = export["properties"]["tables"]["properties"]
    for table in tables:
        columns = [c.name for c in SQLModel.metadata.tables[table].columns if c.name not in DERIVED]
        assert list(export["$defs"][table]["properties"]) == columns, table


def test_the_schemas_lists_are_the_codes() -> None:
    export, due, today, why, review, capture = (load(n) for n in NAMES)
    person, interaction = (export["$defs"][t]["properties"] for t in ("person", "interaction"))
    assert person["circle"]["enum"] == list(CIRCLES)
    assert person["origin"]["enum"] == [*ORIGINS, None]
    assert interaction["kind"]["anyOf"][0]["enum"] == list(KIND_NAMES)  # then your own kinds
    assert export["$defs"]["help"]["properties"]["kind"]["enum"] == list(HELP_KINDS)
    assert export["$defs"]["loop"]["properties"]["type"]["enum"] == list(LOOP_TYPES)
    for document in (due, today):
        assert document["$defs"]["suggestion"]["properties"]["reason"]["enum"] == list(REASONS)
    assert why["properties"]["not_listed"]["enum"] == [*NOT_LISTED, None]
    assert today["properties"]["introductions"]["items"]["properties"]["state"]["enum"] == list(STATES)
    numbers = review["properties"]["numbers"]["properties"]
    assert numbers["by_kind"]["propertyNames"]["anyOf"][0]["enum"] == list(KIND_NAMES)
    assert numbers["by_circle"]["propertyNames"]["enum"] == list(CIRCLES)
    assert capture["properties"]["skipped"]["propertyNames"]["enum"] == [
        *mail_read.REASONS,
        *calendar_read.REASONS,
        ALL_DAY_UNNAMED,
    ]


def test_moving_in_links_every_schema() -> None:
    text = (FOLDER.parent / "moving-in.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"(schemas/{name}.schema.json)" in text


@pytest.mark.parametrize(
    ("args", "name"),
    [(["export", "json"], "export"), (["--db", "x.db", "export", "json", "-o", "-"], "export"),
     (["due", "--json"], "due"), (["--db", "due", "today", "--json"], "today"),
     (["why", "ana", "--json"], "why"),
     (["review", "--json", "--week", "2025-06-09"], "review"), (["due"], None), (["export", "csv"], None),
     (["list", "--json"], None), (["capture", "mail", "x", "--dry-run", "--json"], "capture"),
     (["capture", "mail", "x", "--dry-run"], None)],
)  # fmt: skip
def test_the_runner_knows_which_outputs_have_a_schema(args: list[str], name: str | None) -> None:
    from tests.schemas import schema_for

    assert schema_for(args) == name
