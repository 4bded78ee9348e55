"""Your own kinds: `net kind add|list|remove`, used by log, the scheduler, the review and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture(scope="module")
def climbing(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Chloe (#1, close) and Tom (#2); the kind climbing (like meet); a coffee with Tom on 2025-05-05."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    for args in (
        ("add", "Chloe Martin", "--circle", "close"),
        ("add", "Tom Baker", "--circle", "close"),
        ("kind", "add", "climbing", "--like", "meet"),
        ("log", "tom", "coffee", "--on", "2025-05-05"),
    ):
        assert Net()("--db", str(path), *args).code == 0
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh(store: Path, climbing: bytes, backend: str, net: Net) -> None:
    if backend == "sqlite":
        seed(store, climbing)
    else:
        ok(net, "add", "Chloe Martin", "--circle", "close")
        ok(net, "add", "Tom Baker", "--circle", "close")
        ok(net, "kind", "add", "climbing", "--like", "meet")
        ok(net, "log", "tom", "coffee", "--on", "2025-05-05")


def test_kind_add_like_a_built_in_kind_and_log_with_it(net: Net) -> None:
    assert ok(net, "kind", "add", "Choir", "--like", "call") == (
        "Added the kind choir (like call: weight 0.8, energy 2). Try: net log NAME choir\n"
    )
    assert ok(net, "log", "chloe", "climbing") == "Logged a climbing catch-up with Chloe Martin today.\n"
    assert ok(net, "log", "chloe", "tom", "choir", "yesterday") == (
        "Logged a choir catch-up with Chloe Martin and Tom Baker on 2025-06-18 (yesterday).\n"
    )
    assert ok(net, "show", "chloe").split("Timeline\n")[1] == (
        "  2025-06-19  #2  climbing\n  2025-06-18  #3  choir · with Tom Baker\n"
    )


def test_kind_add_with_weight_and_energy_given(net: Net) -> None:
    assert ok(net, "kind", "add", "archery", "--weight", "0.6", "--energy", "1") == (
        "Added the kind archery (as given: weight 0.6, energy 1). Try: net log NAME archery\n"
    )
    assert ok(net, "log", "tom", "archery", "--on", "2025-06-16") == (
        "Logged an archery catch-up with Tom Baker on 2025-06-16 (3 days ago).\n"
    )


def test_kind_list_shows_built_in_and_own_kinds(net: Net) -> None:
    ok(net, "kind", "add", "voice-note", "--like", "message", "--weight", "0.4")
    assert ok(net, "kind", "list") == (
        "meet         weight 1    energy 3  (coffee, lunch, dinner, walk, visit, meeting)\n"
        "video        weight 0.9  energy 2\n"
        "call         weight 0.8  energy 2  (phone)\n"
        "help         weight 0.8  energy 1\n"
        "message      weight 0.5  energy 1  (email, letter, dm, note)\n"
        "text         weight 0.3  energy 0  (sms, chat)\n"
        "greeting     weight 0.3  energy 0  (birthday, holiday)\n"
        "react        weight 0.1  energy 0  (like, comment, emoji)\n"
        "\n"
        "Your own:\n"
        "climbing     weight 1    energy 3  (like meet)\n"
        "voice-note   weight 0.4  energy 1  (like message)\n"
    )
    kinds = json.loads(ok(net, "kind", "list", "--json"))["kinds"]
    assert kinds[0] == {
        "name": "meet", "weight": 1.0, "energy": 3, "own": False, "like": None,
        "aliases": ["coffee", "lunch", "dinner", "walk", "visit", "meeting"],
    }  # fmt: skip
    assert kinds[8:] == [
        {"name": "climbing", "weight": 1.0, "energy": 3, "aliases": [], "own": True, "like": "meet"},
        {"name": "voice-note", "weight": 0.4, "energy": 1, "aliases": [], "own": True, "like": "message"},
    ]


def test_kind_list_with_no_own_kinds_says_how_to_add_one(net: Net) -> None:
    ok(net, "kind", "remove", "climbing", "--yes")
    assert ok(net, "kind", "list").split("\n\n")[1] == (
        "No kinds of your own yet; add one with net kind add climbing --like meet.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("coffee", "--like", "meet"), '"coffee" is already a kind (meet); net kind list shows them all.'),
        (("Meet", "--like", "call"), '"meet" is already a kind (meet); net kind list shows them all.'),
        (("climbing", "--like", "meet"),
         '"climbing" is already one of your kinds; net kind list shows them all.'),
        (("and", "--like", "meet"), '"and" can\'t name a kind: net log reads it as part of the sentence.'),
        (("baker", "--like", "meet"),
         '"baker" is a name of someone you know, so net log would read it as them; '
         "choose another word for the kind. Nothing was changed."),
        (("Friday", "--like", "meet"),
         '"friday" can\'t name a kind: net log reads it as part of the sentence.'),
        (("yesterday", "--like", "meet"),
         '"yesterday" can\'t name a kind: net log reads it as part of the sentence.'),
        (("rock climbing", "--like", "meet"),
         '"rock climbing" can\'t name a kind: use one word of letters (digits and - may follow), up to 30 '
         "characters, e.g. climbing."),
        (("\x1b[31mred", "--like", "meet"),
         '"\\x1b[31mred" can\'t name a kind: use one word of letters (digits and - may follow), up to 30 '
         "characters, e.g. climbing."),
        (("choir",), "Say what choir is like (--like meet) or give both --weight and --energy."),
        (("choir", "--weight", "0.5"),
         "Say what choir is like (--like meet) or give both --weight and --energy."),
        (("choir", "--like", "soup"),
         '"soup" is not a kind; --like takes one of meet, video, call, help, message, text, greeting, react, '
         "climbing."),
        (("choir", "--like", "call", "--weight", "2"),
         "--weight is how much choir counts as a catch-up: from 0.1 to 1.0 (meet is 1.0)."),
        (("choir", "--like", "call", "--weight", "nan"),
         "--weight is how much choir counts as a catch-up: from 0.1 to 1.0 (meet is 1.0)."),
        (("choir", "--like", "call", "--energy", "9"),
         "--energy is what choir costs you: from 0 to 5 (meet is 3)."),
    ],
)  # fmt: skip
def test_kind_add_refuses_bad_input_and_writes_nothing(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    assert refused(net, store, "kind", "add", *args) == message + "\n"


def test_kind_remove_refuses_a_kind_in_use_or_unknown(net: Net, store: Path) -> None:
    ok(net, "log", "chloe", "climbing")
    assert refused(net, store, "kind", "remove", "climbing", "--yes") == (
        "climbing is the kind of 1 logged contact, so it stays. Change them with net log edit ID --kind.\n"
    )
    assert refused(net, store, "kind", "remove", "coffee", "--yes") == (
        '"coffee" is a built-in kind; only your own kinds can be removed.\n'
    )
    assert refused(net, store, "kind", "remove", "knitting", "--yes") == (
        '"knitting" is not one of your kinds; net kind list shows them.\n'
    )


def test_kind_remove_and_undo(net: Net) -> None:
    assert (
        ok(net, "kind", "remove", "climbing", "--yes")
        == "Removed the kind climbing. net undo brings it back.\n"
    )
    assert net("log", "chloe", "climbing").code == 1
    ok(net, "undo", "--yes")
    assert ok(net, "log", "chloe", "climbing") == "Logged a climbing catch-up with Chloe Martin today.\n"


def test_log_names_own_kinds_when_a_word_is_neither(net: Net, store: Path) -> None:
    assert refused(net, store, "log", "chloe", "tom", "bouldering") == (
        '"bouldering" is neither someone you know nor a kind of contact. Kinds: meet (coffee, lunch, '
        "dinner, walk, visit, meeting); video; call (phone); help; message (email, letter, dm, note); text "
        "(sms, chat); greeting (birthday, holiday); react (like, comment, emoji); climbing; add your own "
        "with net kind add.\n"
    )


def test_an_own_kind_weighs_for_the_scheduler_like_the_kind_it_is_like(net: Net) -> None:
    ok(net, "log", "chloe", "climbing", "--on", "2025-05-05")
    chloe, tom = (json.loads(ok(net, "why", who, "--json")) for who in ("chloe", "tom"))
    assert chloe["gap_days"] == tom["gap_days"] == 45
    assert ok(net, "today").splitlines()[3:] == [
        "  Chloe Martin: 45 days since a climbing catch-up (monthly rhythm). A call?",
        "  Tom Baker: 45 days since a meeting (monthly rhythm). A call?",
    ]


def test_a_light_own_kind_moves_the_clock_by_its_weight(net: Net) -> None:
    ok(net, "kind", "add", "wave", "--weight", "0.1", "--energy", "0")
    ok(net, "log", "tom", "wave")
    # 0.1 of the 0.8 a close tie's full check-in weighs: an eighth of the 45 days made up
    assert json.loads(ok(net, "why", "tom", "--json"))["gap_days"] == 39.38


def test_net_log_edit_takes_an_own_kind(net: Net) -> None:
    assert (
        ok(net, "log", "edit", "1", "--kind", "climbing")
        == "Changed the climbing catch-up with Tom Baker on 2025-05-05 (#1).\n"
    )
    assert query_kind(net) == "climbing"


def query_kind(net: Net) -> str:
    return str(json.loads(ok(net, "show", "tom", "--json"))["interactions"][0]["kind"])


def test_the_review_counts_own_kinds_and_their_energy(net: Net) -> None:
    ok(net, "kind", "add", "voice-note", "--weight", "0.6", "--energy", "1")
    ok(net, "log", "chloe", "climbing", "--on", "2025-06-17")
    ok(net, "log", "tom", "voice-note", "--on", "2025-06-18")
    ok(net, "log", "tom", "voice-note", "--on", "2025-06-18")
    ok(net, "log", "tom", "coffee", "--on", "2025-06-16")
    out = ok(net, "review")
    assert (
        "  4 interactions with 2 people: 1 meeting, 1 climbing catch-up, 2 voice-note\n  catch-ups.\n" in out
    )
    assert "  Energy: 8 of 10 used.\n" in out
    numbers = json.loads(ok(net, "review", "--json"))["numbers"]
    assert numbers["by_kind"] == {"meet": 1, "climbing": 1, "voice-note": 2}


def test_export_and_import_carry_own_kinds(net: Net, store: Path, tmp_path: Path) -> None:
    ok(net, "log", "chloe", "climbing", "--on", "2025-06-17")
    text = ok(net, "export", "json")
    document = json.loads(text)
    assert [(r["name"], r["based_on"], r["weight"], r["energy"]) for r in document["tables"]["kind"]] == [
        ("climbing", "meet", 1.0, 3)
    ]
    assert document["interactions"][1]["kind"] == "climbing"
    (tmp_path / "out.json").write_text(text, encoding="utf-8")
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(tmp_path / "out.json"), "--yes").code == 0
    assert ok(net, "--db", str(other), "export", "json") == text
    assert ok(net, "--db", str(other), "log", "tom", "climbing") == (
        "Logged a climbing catch-up with Tom Baker today.\n"
    )


def test_import_refuses_an_interaction_of_an_unknown_kind(net: Net, store: Path, tmp_path: Path) -> None:
    ok(net, "log", "chloe", "climbing", "--on", "2025-06-17")
    document = json.loads(ok(net, "export", "json"))
    document["tables"]["kind"] = []
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other.db"
    result = net("--db", str(other), "import", "json", str(tmp_path / "bad.json"), "--yes")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        f'{tmp_path / "bad.json"}, interactions[1]: kind: "climbing" is not one of meet, video, call, help, '
        "message, text, greeting, react; nothing was imported.\n"
    )
    document["tables"]["kind"] = [
        {
            "id": 1,
            "name": "Meet",
            "based_on": None,
            "weight": 1,
            "energy": 3,
            "created_at": "2025-06-19 08:00:00+00:00",
        }
    ]
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    result = net("--db", str(other), "import", "json", str(tmp_path / "bad.json"), "--yes")
    assert result.err == (
        f'{tmp_path / "bad.json"}, tables.kind[0]: "meet" is already a kind (meet); net kind list shows '
        "them all; nothing was imported.\n"
    )


def test_copy_carries_own_kinds(net: Net, tmp_path: Path, backend: str) -> None:
    ok(net, "log", "chloe", "climbing", "--on", "2025-06-17")
    target = tmp_path / "copy.db"
    assert net("copy", "--to", str(target), "--yes").code == 0
    assert query(target, "SELECT name, based_on, weight, energy FROM kind") == [("climbing", "meet", 1.0, 3)]
    assert ok(net, "--db", str(target), "export", "json") == ok(net, "export", "json")


def test_doctor_weighs_the_summaries_with_own_kinds(net: Net) -> None:
    ok(net, "log", "chloe", "climbing", "--on", "2025-05-05")
    result = net("doctor")
    assert result.err == ""
    assert "don't match" not in result.out
    assert result.code == 0, result
    assert "scheduling summaries and search keys checked" in result.out  # on a file and on a server


def test_undo_takes_back_a_new_kind(net: Net, store: Path) -> None:
    ok(net, "kind", "add", "choir", "--like", "call")
    assert ok(net, "undo", "--yes").endswith("Undoing it will remove 1 kind of contact.\nUndid: kind add.\n")
    assert refused(net, store, "log", "chloe", "choir").startswith('"choir" is neither someone you know')
