"""Relationships between people: `net relate NAME OTHER --as ROLE` (and --remove)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, files, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(scope="module")
def people_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana Ruiz (#1), Tom Hughes (#2), Lena Ruiz (#3), Kenji Watanabe (#4)."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Ana Ruiz"),
        ("add", "Tom Hughes"),
        ("add", "Lena Ruiz"),
        ("add", "Kenji Watanabe", "--interests", "type design"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, people_template: bytes) -> None:
    seed(store, people_template)


def people_section(net: Net, who: str) -> str:
    return ok(net, "show", who).split("People\n")[1]


def test_relate_says_each_relationship_whole_and_both_profiles_show_it(net: Net) -> None:
    assert (
        ok(net, "relate", "ana", "tom", "--as", "partner") == "Noted: Ana Ruiz and Tom Hughes are partners.\n"
    )
    assert ok(net, "relate", "ana", "lena", "--as", "Child") == "Noted: Lena Ruiz is a child of Ana Ruiz.\n"
    assert ok(net, "relate", "lena", "kenji", "--as", "introduced by") == (
        "Noted: Kenji Watanabe introduced you to Lena Ruiz.\n"
    )
    assert ok(net, "relate", "tom", "kenji", "--as", "neighbour") == (
        "Noted: Kenji Watanabe is Tom Hughes's neighbour.\n"
    )
    assert people_section(net, "ana") == "  child: Lena Ruiz\n  partner: Tom Hughes\n"
    assert people_section(net, "lena") == "  parent: Ana Ruiz\n  introduced by: Kenji Watanabe\n"
    assert people_section(net, "kenji") == "  introduced you to: Lena Ruiz\n  neighbour of: Tom Hughes\n"
    assert people_section(net, "tom") == "  partner: Ana Ruiz\n  neighbour: Kenji Watanabe\n"
    assert json.loads(ok(net, "show", "lena", "--json"))["relationships"] == [
        {"id": 2, "other_id": 1, "other": "Ana Ruiz", "label": "parent", "role": "child"},
        {
            "id": 3,
            "other_id": 4,
            "other": "Kenji Watanabe",
            "label": "introduced by",
            "role": "introduced-by",
        },
    ]


def test_a_relationship_noted_twice_is_kept_once(net: Net, store: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    before = files(store)
    assert ok(net, "relate", "tom", "ana", "--as", "partner") == (
        "Already noted: Tom Hughes and Ana Ruiz are partners.\n"
    )
    assert ok(net, "relate", "ana", "tom", "--as", "PARTNER") == (
        "Already noted: Ana Ruiz and Tom Hughes are partners.\n"
    )
    assert files(store) == before


def test_remove_takes_one_role_or_all_and_undo_brings_them_back(net: Net) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    ok(net, "relate", "ana", "tom", "--as", "colleague")
    assert ok(net, "relate", "ana", "tom", "--remove", "--as", "colleague") == (
        "No longer noted: Ana Ruiz and Tom Hughes are colleagues. net undo brings it back.\n"
    )
    assert people_section(net, "ana") == "  partner: Tom Hughes\n"
    ok(net, "undo", "--yes")
    assert people_section(net, "ana") == "  partner: Tom Hughes\n  colleague: Tom Hughes\n"
    assert ok(net, "relate", "tom", "ana", "--remove") == (
        "No longer noted: Ana Ruiz and Tom Hughes are partners; Ana Ruiz and Tom Hughes are colleagues."
        " net undo brings it back.\n"
    )
    assert "People" not in ok(net, "show", "ana")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ana", "tom"), "Say how they are related, e.g. net relate ana tom --as partner (partner, spouse,"
                         " parent, child, sibling, colleague, friend, introduced-by, or your own word).\n"),
        (("ana", "ana", "--as", "friend"),
         "A relationship needs two different people; both names are Ana Ruiz.\n"),
        (("ana", "tom", "--as", "  "), "Say how they are related, e.g. net relate ana tom --as partner"
         " (partner, spouse, parent, child, sibling, colleague, friend, introduced-by, or your own word).\n"),
        (("ana", "tom", "--as=--"), "Say how they are related, e.g. net relate ana tom --as partner"
         " (partner, spouse, parent, child, sibling, colleague, friend, introduced-by, or your own word).\n"),
        (("ana", "tom", "--as", "best\x1bfriend"),
         "A relationship is one line: no newlines, tabs or other control characters.\n"),
        (("ana", "tom", "--as", "x" * 61),
         "A relationship can be at most 60 characters (this one has 61).\n"),
        (("ana", "tom", "--remove"), "No relationship of Ana Ruiz and Tom Hughes is noted.\n"),
    ],
)  # fmt: skip
def test_refused_relationships_change_nothing(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    assert refused(net, store, "relate", *args) == message


def test_remove_of_a_role_they_do_not_have_names_it(net: Net, store: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    assert refused(net, store, "relate", "ana", "tom", "--remove", "--as", "friend") == (
        "No relationship of Ana Ruiz and Tom Hughes as friend is noted.\n"
    )


def test_intro_is_never_planned_between_partners(net: Net, store: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "spouse")
    assert refused(net, store, "intro", "tom", "ana", "both like type") == (
        "Tom Hughes and Ana Ruiz know each other already (spouses); no introduction needed.\n"
    )
    ok(net, "relate", "ana", "kenji", "--as", "colleague")  # colleagues may still meet properly
    assert net("intro", "ana", "kenji", "both like type").code == 0


def test_give_never_offers_to_introduce_partners(net: Net) -> None:
    ok(net, "edit", "tom", "--interests", "type design")
    assert "Kenji Watanabe" in ok(net, "give", "tom")
    ok(net, "relate", "kenji", "tom", "--as", "partner")
    assert "Kenji Watanabe" not in ok(net, "give", "tom")


def test_vcard_export_carries_related_where_vcard_has_the_role(net: Net) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    ok(net, "relate", "ana", "lena", "--as", "child")
    ok(net, "relate", "ana", "kenji", "--as", "introduced-by")  # vCard has no such type
    uuids = {p["name"]: p["uuid"] for p in json.loads(ok(net, "export", "json"))["people"]}
    cards = {
        card.split("FN:")[1].split("\n")[0]: [line for line in card.split("\n") if "RELATED" in line]
        for card in ok(net, "export", "vcard").split("END:VCARD")[:-1]
    }
    assert cards == {
        "Ana Ruiz": [
            f"X-RELATED;TYPE=sweetheart:urn:uuid:{uuids['Tom Hughes']}",
            f"X-RELATED;TYPE=child:urn:uuid:{uuids['Lena Ruiz']}",
        ],
        "Tom Hughes": [f"X-RELATED;TYPE=sweetheart:urn:uuid:{uuids['Ana Ruiz']}"],
        "Lena Ruiz": [f"X-RELATED;TYPE=parent:urn:uuid:{uuids['Ana Ruiz']}"],
        "Kenji Watanabe": [],
    }


def test_json_export_and_import_carry_relationships(net: Net, tmp_path: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    ok(net, "relate", "lena", "kenji", "--as", "mentor")
    out = tmp_path / "export.json"
    ok(net, "export", "json", "--output", str(out))
    rows = json.loads(out.read_text())["tables"]["relationship"]
    assert [(r["person_id"], r["other_id"], r["role"]) for r in rows] == [(1, 2, "partner"), (3, 4, "mentor")]
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(out), "--yes").code == 0
    shown = ok(net, "--db", str(other), "show", "kenji")
    assert shown.split("People\n")[1] == "  mentor of: Lena Ruiz\n"


def test_merge_moves_relationships_and_drops_one_with_oneself(net: Net, store: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    ok(net, "relate", "ana", "lena", "--as", "sibling")
    ok(net, "relate", "tom", "lena", "--as", "sibling")  # the same as Ana's once merged
    ok(net, "relate", "tom", "kenji", "--as", "friend")
    assert net("merge", "ana", "tom", "--yes").code == 0
    assert people_section(net, "ana") == "  friend: Kenji Watanabe\n  sibling: Lena Ruiz\n"
    assert query(store, "SELECT person_id, other_id, role FROM relationship ORDER BY id") == [
        (1, 3, "sibling"), (1, 4, "friend"),
    ]  # fmt: skip


def test_forget_removes_their_relationships_and_every_trace(net: Net, store: Path) -> None:
    ok(net, "relate", "ana", "tom", "--as", "partner")
    ok(net, "relate", "lena", "tom", "--as", "friend")
    ok(net, "relate", "ana", "lena", "--as", "child")
    assert net("forget", "tom", "--yes").code == 0
    assert query(store, "SELECT person_id, other_id, role FROM relationship") == [(1, 3, "child")]
    rows = query(store, "SELECT old, new FROM change_row WHERE table_name = 'relationship'")
    assert all("Tom" not in str(r) and '"other_id": 2' not in str(r) for r in rows)
    assert len(rows) == 1
