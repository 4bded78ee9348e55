"""`net import friends`: the friends.md of the friends tool (JacobEvelyn/friends), as that tool writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quietnet.core.kinds import guess
from tests.helpers import Net, dump, files, ok, people, records

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

FIXTURE = Path(__file__).parent / "fixtures" / "friends" / "friends.md"
INTERACTIONS = (
    "SELECT i.day, i.kind, i.said, i.note, p.name FROM interaction i"
    " JOIN interaction_person ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id"
    " ORDER BY i.day, p.name"
)


def copy(folder: Path, text: str | None = None, name: str = "friends.md") -> Path:
    path = folder / name
    path.write_text(FIXTURE.read_text(encoding="utf-8") if text is None else text, encoding="utf-8")
    return path


def imports(net: Net, *args: str) -> str:
    """Run ``net import friends ARGS`` (which notes its snapshot on stderr); its stdout."""
    result = net("import", "friends", *args)
    assert result.code == 0, result
    return result.out


def logged(store: Path) -> list[tuple[str, str, str | None, str, str]]:
    return [(r["day"], r["kind"], r["said"], r["note"], r["name"]) for r in records(store, INTERACTIONS)]


def test_friends_activities_and_notes_come_in(net: Net, store: Path, tmp_path: Path) -> None:
    path = copy(tmp_path)
    result = net("import", "friends", str(path))
    assert result.code == 0, result
    assert result.out == (
        f"Imported {path}: 4 added, 0 updated, 4 interactions logged, 2 notes added, 1 line skipped.\n"
        f"  skip     the line of 2025-01-05: it names no one in **bold**.  ({path}, line 6)\n"
    )
    found = people(store)
    ana = found["Ana Ruiz"]
    assert {k: ana[k] for k in ("nickname", "city", "circle", "tags", "notes")} == {
        "nickname": "Annie",
        "city": "Lisbon",
        "circle": "acquaintance",
        "tags": ["climbing", "design"],
        "notes": "Also known as AR.\n2025-04-20: Ana Ruiz is moving to Lisbon in the autumn.",
    }
    assert found["Kofi Mensah"]["tags"] == ["music:jazz"]
    assert (
        found["Tomasz Berg"]["notes"]
        == "2025-03-02: Kofi Mensah and Tomasz Berg both started learning Portuguese."
    )
    assert found["Ines Duarte"]["notes"] is None
    lunch = "Got lunch with Ana Ruiz and Tomasz Berg at Café Nero. @food"
    party = "Celebrated Kofi Mensah's birthday in Lisbon with Ana Ruiz. @partying"
    assert logged(store) == [
        ("2025-02-14", "meet", None, "Went to the climbing gym with Annie. @climbing", "Ana Ruiz"),
        ("2025-03-01", "meet", None, party, "Ana Ruiz"),
        ("2025-03-01", "meet", None, party, "Kofi Mensah"),
        ("2025-04-12", "call", "phone", "Talked to Tomasz Berg on the phone for an hour about his new job.",
         "Tomasz Berg"),
        ("2025-05-30", "meet", "lunch", lunch, "Ana Ruiz"),
        ("2025-05-30", "meet", "lunch", lunch, "Tomasz Berg"),
    ]  # fmt: skip
    assert records(store, "SELECT COUNT(*) AS n FROM interaction")[0]["n"] == 4  # the lunch is one, with both
    assert "2025-05-30 (2 weeks ago)" in ok(net, "show", "tomasz")


def test_a_dry_run_shows_the_plan_and_changes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    path = copy(tmp_path)
    before = files(store)
    result = net("import", "friends", str(path), "--dry-run")
    assert result.code == 0, result
    where = f"{path}, line"
    assert result.out == (
        f"Importing {path} (dry run):\n"
        f"  add      Ana Ruiz  ({where} 13)\n"
        f"  add      Kofi Mensah  ({where} 14)\n"
        f"  add      Tomasz Berg  ({where} 15)\n"
        f"  add      Ines Duarte  ({where} 16)\n"
        f"  log      meet (lunch) with Ana Ruiz, Tomasz Berg on 2025-05-30  ({where} 2)\n"
        f"  log      call (phone) with Tomasz Berg on 2025-04-12  ({where} 3)\n"
        f"  log      meet with Kofi Mensah, Ana Ruiz on 2025-03-01  ({where} 4)\n"
        f"  log      meet with Ana Ruiz on 2025-02-14  ({where} 5)\n"
        f"  skip     the line of 2025-01-05: it names no one in **bold**.  ({where} 6)\n"
        f"  note     for Ana Ruiz of 2025-04-20  ({where} 9)\n"
        f"  note     for Kofi Mensah, Tomasz Berg of 2025-03-02  ({where} 10)\n"
        "Would import: 4 added, 0 updated, 4 interactions logged, 2 notes added, 1 line skipped. "
        "Nothing was changed (dry run).\n"
    )
    assert files(store) == before


def test_importing_the_same_file_again_changes_nothing(net: Net, store: Path, tmp_path: Path) -> None:
    path = copy(tmp_path)
    imports(net, str(path))
    before = dump(store)
    result = net("import", "friends", str(path))
    assert result.code == 0, result
    assert result.out.splitlines()[0] == (
        f"Imported {path}: 0 added, 0 updated, 4 already up to date, 6 lines already there, 1 line skipped."
    )
    assert dump(store) == before


def test_a_later_file_brings_only_what_is_new(net: Net, store: Path, tmp_path: Path) -> None:
    imports(net, str(copy(tmp_path)))
    ok(net, "edit", "ana", "--city", "Porto")  # what you changed since stays yours where the file is silent
    call = "Video call with **Kofi Mensah** and **Lena Park** about the tour."
    later = FIXTURE.read_text(encoding="utf-8")
    later = later.replace("### Activities:\n", f"### Activities:\n- 2025-06-18: {call}\n")
    later = later.replace("### Notes:\n", "### Notes:\n- 2025-06-01: **Ana Ruiz** found a flat in Lisbon.\n")
    path = copy(tmp_path, later, "later.md")
    result = net("import", "friends", str(path))
    assert result.code == 0, result
    assert result.out.splitlines()[0] == (
        f"Imported {path}: 1 added, 1 updated, 3 already up to date, 1 interaction logged, 1 note added, "
        "6 lines already there, 1 line skipped."
    )
    found = people(store)
    assert found["Ana Ruiz"]["city"] == "Lisbon"  # the file names her place: an import follows the file
    assert found["Ana Ruiz"]["notes"].splitlines()[-2:] == [
        "2025-04-20: Ana Ruiz is moving to Lisbon in the autumn.",
        "2025-06-01: Ana Ruiz found a flat in Lisbon.",
    ]
    assert found["Lena Park"]["circle"] == "acquaintance"  # named in bold, not listed: added all the same
    words = call.replace("**", "")
    assert [row for row in logged(store) if row[0] == "2025-06-18"] == [
        ("2025-06-18", "video", "video", words, "Kofi Mensah"),
        ("2025-06-18", "video", "video", words, "Lena Park"),
    ]


def test_someone_you_have_is_matched_by_name_and_keeps_your_notes(
    net: Net, store: Path, tmp_path: Path
) -> None:
    ok(net, "add", "Tomasz Berg", "--circle", "close", "--note", "Met at the jazz club.")
    result = net("import", "friends", str(copy(tmp_path)), "--circle", "friends")
    assert result.code == 0, result
    tomasz = people(store)["Tomasz Berg"]
    assert tomasz["circle"] == "close"  # --circle is for people the file adds
    assert tomasz["nickname"] == "Tom"
    assert tomasz["notes"] == (
        "Met at the jazz club.\n2025-03-02: Kofi Mensah and Tomasz Berg both started learning Portuguese."
    )
    assert people(store)["Kofi Mensah"]["circle"] == "friends"
    assert len(people(store)) == 4


def test_a_friend_written_in_bold_is_named_without_the_stars(net: Net, store: Path, tmp_path: Path) -> None:
    text = (
        "### Activities:\n- 2025-03-01: Coffee with **Bold Friend**.\n\n"
        "### Friends:\n- **Bold Friend** [Porto]\n"
    )
    result = net("import", "friends", str(copy(tmp_path, text)))
    assert result.code == 0, result
    assert list(people(store)) == ["Bold Friend"]
    assert people(store)["Bold Friend"]["city"] == "Porto"


def test_a_friend_who_cannot_come_in_takes_their_lines_along(net: Net, store: Path, tmp_path: Path) -> None:
    ok(net, "add", "Tom Baker", "--nickname", "Tom")  # Tomasz Berg's nickname names someone else
    path = copy(tmp_path)
    result = net("import", "friends", str(path))
    assert result.code == 0, result
    taken = 'the nickname "Tom" is already used by Tom Baker (#1); a nickname names one person'
    assert result.out == (
        f"Imported {path}: 3 added, 0 updated, 1 skipped, 2 interactions logged, 1 note added, "
        "4 lines skipped.\n"
        f"  skip     Tomasz Berg: {taken}.  ({path}, line 15)\n"
        f"  skip     the line of 2025-05-30: Tomasz Berg is not imported ({taken}).  ({path}, line 2)\n"
        f"  skip     the line of 2025-04-12: Tomasz Berg is not imported ({taken}).  ({path}, line 3)\n"
        f"  skip     the line of 2025-01-05: it names no one in **bold**.  ({path}, line 6)\n"
        f"  skip     the line of 2025-03-02: Tomasz Berg is not imported ({taken}).  ({path}, line 10)\n"
    )
    assert "Tomasz Berg" not in people(store)


BAD = (
    "### Activities:\n- lunch with **Tom**\n- 2025-06-20: Dinner with **Tom**.\n"
    "\n### Friends:\n- Tom\n- Ana\x00Ruiz\n"
)


def test_bad_lines_stop_the_import_with_their_line(net: Net, store: Path, tmp_path: Path) -> None:
    path = copy(tmp_path, BAD)
    before = files(store)
    result = net("import", "friends", str(path))
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "3 lines could not be read, so nothing was imported:\n"
        f'  {path}, line 2: "lunch with **Tom**" does not start with a date such as 2024-05-02: ...\n'
        f"  {path}, line 3: 2025-06-20 is after today (2025-06-19); pick today or an earlier day.\n"
        f"  {path}, line 7: Name: A name can't contain control characters (such as tabs, newlines or NUL).\n"
        "Fix them and run again, or add --skip-bad-lines to import the rest.\n"
    )
    assert files(store) == before


def test_skip_bad_lines_imports_the_rest(net: Net, store: Path, tmp_path: Path) -> None:
    path = copy(tmp_path, BAD)
    result = net("import", "friends", str(path), "--skip-bad-lines")
    assert result.code == 0, result
    assert result.out.splitlines()[0] == f"Imported {path}: 1 added, 0 updated."
    assert list(people(store)) == ["Tom"]


@pytest.mark.parametrize(
    ("text", "kind", "said"),
    [
        ("Got lunch with Ana at the market.", "meet", "lunch"),
        ("Called Tom about the move.", "call", None),
        ("Talked to Tom on the phone for an hour.", "call", "phone"),
        ("Long Zoom with Ana and Tom.", "video", None),
        ("Texted Ana happy birthday.", "text", None),
        ("Emailed Kofi the photos.", "message", None),
        ("Celebrated the new year in Lisbon.", "meet", None),
    ],
)
def test_the_kind_is_guessed_from_the_words(text: str, kind: str, said: str | None) -> None:
    assert guess(text) == (kind, said)


def test_the_example_in_moving_in_md_prints_what_the_page_says(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (Path(__file__).parents[1] / "docs" / "moving-in.md").read_text(encoding="utf-8")
    section = page.split("## From the friends tool (friends.md)\n", 1)[1]
    example = section.split("```markdown\n", 1)[1].split("```\n", 1)[0]
    printed = section.split("```text\n", 1)[1].split("```\n", 1)[0]
    (tmp_path / "friends.md").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = net("import", "friends", "friends.md", "--dry-run")
    assert result.code == 0, result
    assert result.out == printed


def test_a_long_activity_keeps_every_word(net: Net, store: Path, tmp_path: Path) -> None:
    story = "Dinner with **Tom** " + "and a long story " * 200  # 3,000+ characters, as long as a note may be
    path = copy(tmp_path, f"### Activities:\n- 2025-06-01: {story}\n\n### Friends:\n- Tom\n")
    imports(net, str(path))
    assert [row[3] for row in logged(store)] == [story.replace("**", "").strip()]
