"""`net review`: the weekly review of a sample week, pinned in text and Markdown; HTML, JSON, edges.

The sample week is built through the CLI (Thursday 2025-06-19, the week of
Monday 2025-06-16). No command records what came of a help yet, so the two
outcomes are written through the store, as such a command would.
"""

# The review writes each week with an en dash between its days, as typeset.
# ruff: noqa: RUF001

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from tests.helpers import BANNED, Net, build_store, dump, seed
from tests.pages import parse

SAMPLE: tuple[tuple[str, ...], ...] = (
    ("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01"),
    ("add", "Tom Baker", "--circle", "friends", "--birthday", "06-28", "--met", "2024-03-01"),
    ("add", "Mei Chen", "--circle", "core", "--met", "2023-05-01"),
    ("add", "Sam Okafor", "--circle", "network", "--met", "2022-01-01"),
    ("add", "Lia Wong", "--circle", "acquaintance", "--birthday", "1990-06-23", "--met", "2025-01-10"),
    ("log", "ana", "coffee", "--on", "2025-05-05"),
    ("log", "mei", "tom", "dinner", "--on", "2025-06-16", "--note", "Mei's new flat"),
    ("log", "ana", "call", "--them", "--on", "2025-06-18", "--note", "her new job"),
    ("log", "sam", "like", "--them"),
    ("helped", "tom", "intro to Sam", "--kind", "intro", "--on", "2025-06-17"),  # help 1
    ("helped", "sam", "sent the pricing article", "--kind", "resource", "--on", "2025-06-02"),  # help 2
    ("helped", "mei", "reviewed her portfolio", "--kind", "favor", "--on", "2025-04-14"),  # help 3
    ("promise", "mei", "lend the pottery book", "--on", "2025-06-01"),  # loop 1
    ("promise", "ana", "intro to a designer", "--on", "2025-06-18"),  # loop 2
    ("need", "tom", "a flat in Lisbon", "--on", "2025-06-10"),  # loop 3
    ("promise", "sam", "send the slides", "--on", "2025-06-05"),  # loop 4, kept today
    ("done", "4"),
)
OUTCOMES = (
    (1, "they met for lunch", "2025-06-18"),  # this week's help, and what came of it
    (3, "she got the commission", "2025-06-17"),  # an April help that bore fruit this week
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("review") / "net.db"
    build_store(path, SAMPLE)
    database = open_database(path, now=lambda: datetime(2025, 6, 19, 9, tzinfo=UTC))
    with database.write("outcome") as s:
        for help_id, outcome, on in OUTCOMES:
            journal.update(s, "help", (help_id,), {"outcome": outcome, "outcome_on": on})
    database.close()
    return path.read_bytes()


@pytest.fixture
def week(store: Path, sample: bytes) -> Path:
    seed(store, sample)
    return store


TEXT = """\
Weekly review: 16–22 June 2025
The week so far, up to Thursday 19 June 2025.

What you gave
  Tue 17 Jun  Tom Baker: intro to Sam (intro)
              What came of it: they met for lunch (Wed 18 Jun)
  3 helps in the last 12 weeks (since 31 Mar), for 3 people.

What came back
  Tue 17 Jun  What came of your help for Mei Chen (reviewed her portfolio): she
              got the commission
              A short note to hear how it is going?
  Wed 18 Jun  Ana Ruiz reached out (call): her new job
              A short message to say thanks for the call?
  Thu 19 Jun  Sam Okafor reached out (like)
              A friendly wave back?

Promises still open
  Your promises:
    Mei Chen: lend the pottery book (made 2 weeks ago)
    Ana Ruiz: intro to a designer (made yesterday)
  Needs you noted:
    Tom Baker: a flat in Lisbon (noted 9 days ago)

A few people for next week
  Mei Chen: You offered to help (lend the pottery book). A small help?
  Ana Ruiz: You offered to help (intro to a designer). A small help?
  Lia Wong: Birthday in 4 days. A short message?

Your week in numbers
  4 interactions with 4 people: 1 meeting, 1 call, 1 help, 1 reaction.
  Touches by circle: core 1, close 1, friends 2, network 1.
  Energy: 4 of 10 used.
  Your circles ask for about 3 a week and your week holds 10.
  Lately you used about 0 a week (the median of the last 8 full weeks).

  Touches by circle, last 12 weeks
  31 Mar  -
   7 Apr  -
  14 Apr  █ 1
  21 Apr  -
  28 Apr  -
   5 May  ▓ 1
  12 May  -
  19 May  -
  26 May  -
   2 Jun  ░ 1
   9 Jun  -
  16 Jun  █▓▒▒░ 5
          █ core  ▓ close  ▒ friends  ░ network  · acquaintance

Birthdays and dates next week
  Mon 23 Jun  Lia Wong: birthday
  Sat 28 Jun  Tom Baker: birthday
"""
MARKDOWN = """\
# Weekly review: 16–22 June 2025

The week so far, up to Thursday 19 June 2025.

## What you gave

| day | who | what | kind | what came of it |
|---|---|---|---|---|
| Tue 17 Jun | Tom Baker | intro to Sam | intro | they met for lunch (Wed 18 Jun) |

3 helps in the last 12 weeks (since 31 Mar), for 3 people.

## What came back

| day | what | a thank-you idea |
|---|---|---|
| Tue 17 Jun | What came of your help for Mei Chen (reviewed her portfolio): she got the commission | A short note to hear how it is going? |
| Wed 18 Jun | Ana Ruiz reached out (call): her new job | A short message to say thanks for the call? |
| Thu 19 Jun | Sam Okafor reached out (like) | A friendly wave back? |

## Promises still open

### Your promises

| who | what | made | how long ago |
|---|---|---|---|
| Mei Chen | lend the pottery book | 2025-06-01 | 2 weeks ago |
| Ana Ruiz | intro to a designer | 2025-06-18 | yesterday |

### Needs you noted

| who | what | noted | how long ago |
|---|---|---|---|
| Tom Baker | a flat in Lisbon | 2025-06-10 | 9 days ago |

## A few people for next week

- Mei Chen: You offered to help (lend the pottery book). A small help?
- Ana Ruiz: You offered to help (intro to a designer). A small help?
- Lia Wong: Birthday in 4 days. A short message?

## Your week in numbers

4 interactions with 4 people: 1 meeting, 1 call, 1 help, 1 reaction.

Energy: 4 of 10 used.

Your circles ask for about 3 a week and your week holds 10. Lately you used about 0 a week (the median of the last 8 full weeks).

| kind | count |
|---|---:|
| meet | 1 |
| call | 1 |
| help | 1 |
| react | 1 |

| circle | touches |
|---|---:|
| core | 1 |
| close | 1 |
| friends | 2 |
| network | 1 |

### Touches by circle, last 12 weeks

| week of | core | close | friends | network | acquaintance | all |
|---|---:|---:|---:|---:|---:|---:|
| 31 Mar | 0 | 0 | 0 | 0 | 0 | 0 |
| 7 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 14 Apr | 1 | 0 | 0 | 0 | 0 | 1 |
| 21 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 28 Apr | 0 | 0 | 0 | 0 | 0 | 0 |
| 5 May | 0 | 1 | 0 | 0 | 0 | 1 |
| 12 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 19 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 26 May | 0 | 0 | 0 | 0 | 0 | 0 |
| 2 Jun | 0 | 0 | 0 | 1 | 0 | 1 |
| 9 Jun | 0 | 0 | 0 | 0 | 0 | 0 |
| 16 Jun | 1 | 1 | 2 | 1 | 0 | 5 |

## Birthdays and dates next week

| day | who | what |
|---|---|---|
| Mon 23 Jun | Lia Wong | birthday |
| Sat 28 Jun | Tom Baker | birthday |
"""  # noqa: E501


def test_the_sample_week_in_text(net: Net, week: Path) -> None:
    result = net("review")
    assert result.code == 0, result
    assert result.out == TEXT
    assert result.err == ""


def test_the_sample_week_in_markdown(net: Net, week: Path) -> None:
    result = net("review", "--week", "2025-06-16", "--format", "markdown")
    assert result.code == 0, result
    assert result.out == MARKDOWN


def test_any_day_names_its_week(net: Net, week: Path) -> None:
    for day in ("2025-06-16", "2025-06-22", "today", "mon", "next sunday"):
        assert net("review", "--week", day).out == TEXT, day
    assert net("review", "--week", "last week").out.startswith("Weekly review: 9–15 June 2025\n")


def test_html_is_one_self_contained_printable_page(net: Net, week: Path) -> None:
    page = net("review", "--format", "html").out
    assert page.startswith("<!DOCTYPE html>\n")
    parsed = parse(page)
    assert parsed.tags["html"] == parsed.tags["head"] == parsed.tags["body"] == 1
    assert parsed.tags["svg"] == 6  # the chart, and a swatch for each circle in its legend
    assert parsed.tags["rect"] >= 5  # the chart's bars and its legend
    assert parsed.tags["style"] == 1
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form"):
        assert parsed.tags[tag] == 0, tag
    # Nothing fetched: the only url() is the chart's reference to its own patterns, url(#q-core).
    assert not re.search(r"https?:|//|url\((?!#q-)|@import|javascript:", page, re.I)
    assert not any(v.lower().startswith("on") for v in parsed.values)
    assert "@media print" in page
    assert "@page" in page
    text = " ".join(" ".join(parsed.text).split())
    for seen in (
        "Weekly review: 16–22 June 2025",
        "Tom Baker intro to Sam intro they met for lunch (Wed 18 Jun)",
        "Ana Ruiz reached out (call): her new job A short message to say thanks for the call?",
        "Mei Chen: You offered to help (lend the pottery book). A small help?",
        "Energy: 4 of 10 used.",
        "Sat 28 Jun Tom Baker birthday",
    ):
        assert seen in text


def test_json_gives_the_same_content(net: Net, week: Path) -> None:
    data = json.loads(net("review", "--json").out)
    assert list(data) == [
        "week", "quiet", "gave", "came_back", "noted", "promises", "needs", "next_week", "numbers",
        "dates_next_week",
    ]  # fmt: skip
    assert data["week"] == {"start": "2025-06-16", "end": "2025-06-22", "as_of": "2025-06-19"}
    assert data["quiet"] is False
    assert data["gave"]["helps"] == [
        {"id": 1, "day": "2025-06-17", "person_id": 2, "person": "Tom Baker", "kind": "intro",
         "what": "intro to Sam", "outcome": "they met for lunch", "outcome_on": "2025-06-18"},
    ]  # fmt: skip
    assert data["gave"]["recent"] == {"since": "2025-03-31", "helps": 3, "people": 3}
    assert [(x["day"], x["source"], x["people"], x["how"], x["what"]) for x in data["came_back"]] == [
        ("2025-06-17", "outcome", ["Mei Chen"], None, "she got the commission"),
        ("2025-06-18", "reached_out", ["Ana Ruiz"], "call", "her new job"),
        ("2025-06-19", "reached_out", ["Sam Okafor"], "like", None),
    ]
    assert all(x["thanks"].endswith("?") for x in data["came_back"])
    assert [(p["person"], p["opened_on"], p["days"]) for p in data["promises"]] == [
        ("Mei Chen", "2025-06-01", 18),
        ("Ana Ruiz", "2025-06-18", 1),
    ]
    assert [(p["person"], p["what"]) for p in data["needs"]] == [("Tom Baker", "a flat in Lisbon")]
    assert data["next_week"]["from"] == "2025-06-23"
    assert [(p["name"], p["action"]) for p in data["next_week"]["people"]] == [
        ("Mei Chen", "help"),
        ("Ana Ruiz", "help"),
        ("Lia Wong", "message"),
    ]
    numbers = data["numbers"]
    assert numbers["by_kind"] == {"meet": 1, "call": 1, "help": 1, "react": 1}
    assert numbers["by_circle"] == {"core": 1, "close": 1, "friends": 2, "network": 1}
    assert numbers["energy"] == {"spent": 4, "weekly": 10}  # Ana called: hers cost nothing
    assert [w["week"] for w in numbers["chart"]][::11] == ["2025-03-31", "2025-06-16"]
    assert numbers["chart"][-1]["touches"] == {
        "core": 1,
        "close": 1,
        "friends": 2,
        "network": 1,
        "acquaintance": 0,
    }
    assert data["dates_next_week"] == [
        {"person_id": 5, "name": "Lia Wong", "label": "birthday", "day": "2025-06-23"},
        {"person_id": 2, "name": "Tom Baker", "label": "birthday", "day": "2025-06-28"},
    ]


def every_format(net: Net, *args: str) -> dict[str, str]:
    found = {}
    for name, extra in (("text", ()), ("markdown", ("--format", "markdown")), ("html", ("--format", "html"))):
        found[name] = net("review", *args, *extra).out
    found["json"] = net("review", *args, "--json").out
    return found


def test_the_text_fits_80_columns_without_trailing_spaces(net: Net, week: Path) -> None:
    assert net("add", "Wen " + "Longname " * 12, "--circle", "close").code == 0
    assert net("log", "wen", "call", "--them", "--note", "a very long note " * 10).code == 0
    for line in net("review").out.splitlines():
        assert len(line) <= 80, line
        assert line == line.rstrip(), line


def test_no_guilt_words_in_any_format(net: Net, week: Path, tmp_path: Path) -> None:
    from quietnet.ops.demo import build

    texts = [*every_format(net).values(), *every_format(net, "--week", "2025-06-09").values()]
    demo = tmp_path / "demo.db"
    database = open_database(demo, now=lambda: datetime(2025, 6, 19, tzinfo=UTC))
    with database.write("demo") as s:
        build(s, today=date(2025, 6, 19))
    database.close()
    for week_of in ("today", "2025-01-01"):
        texts += every_format(net, "--week", week_of, "--db", str(demo)).values()
    assert BANNED.findall("\n".join(texts)) == []


def test_an_empty_week_says_so_calmly(net: Net) -> None:
    result = net("review")
    assert result.code == 0, result
    assert result.out == EMPTY
    markdown = net("review", "--format", "markdown").out
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "# Weekly review: 16–22 June 2025",
        "## What you gave",
        "## What came back",
        "## Promises still open",
        "## A few people for next week",
        "## Your week in numbers",
        "## Birthdays and dates next week",
    ]
    page = net("review", "--format", "html").out
    parse(page)
    assert "A quiet week: nothing was logged, and that is fine." in page
    data = json.loads(net("review", "--json").out)
    assert data["quiet"] is True
    assert data["numbers"]["interactions"] == 0


EMPTY = """\
Weekly review: 16–22 June 2025
The week so far, up to Thursday 19 June 2025.
A quiet week: nothing was logged, and that is fine.

What you gave
  No helps logged this week.
  No helps logged in the last 12 weeks (since 31 Mar).

What came back
  Nothing came back this week.

Promises still open
  No open promises or needs: nothing is waiting on you.

A few people for next week
  No one is waiting for a hello next week; enjoy the quiet.

Your week in numbers
  No interactions logged this week.
  Energy: 0 of 10 used. A restful week.
  Your circles ask for about 0 a week and your week holds 10.
  Lately you used about 0 a week (the median of the last 8 full weeks).

  No one was logged in the last 12 weeks.

Birthdays and dates next week
  No birthdays or yearly dates next week.
"""


def test_a_single_interaction(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--met", "2025-01-01").code == 0
    assert net("log", "ana", "call", "--on", "2025-06-17").code == 0
    out = net("review").out
    assert "  1 interaction with 1 person: 1 call.\n  Touches by circle: network 1.\n" in out
    assert "  Energy: 2 of 10 used.\n" in out
    assert "  16 Jun  ░ 1\n" in out
    assert "  No helps logged this week.\n" in out
    assert "A quiet week" not in out


def test_a_week_across_the_new_year(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close", "--met", "2024-01-01", "--birthday", "01-07").code == 0
    assert (
        net("add", "Tom Baker", "--circle", "friends", "--met", "2024-01-01", "--birthday", "01-02").code == 0
    )
    assert net("log", "ana", "coffee", "--on", "2024-12-31").code == 0
    assert net("log", "ana", "tom", "call", "--them", "--on", "2025-01-02", "--note", "new year").code == 0
    assert net("helped", "tom", "lent my tent", "--on", "2025-01-05").code == 0
    assert net("log", "tom", "text", "--on", "2025-01-06").code == 0  # the next week: not in this one
    out = net("review", "--week", "2025-01-01").out
    assert out.startswith("Weekly review: 30 December 2024 – 5 January 2025\n\nWhat you gave\n")
    assert "  Sun 5 Jan   Tom Baker: lent my tent (other)\n" in out
    assert "  Thu 2 Jan   Ana Ruiz and Tom Baker reached out (call): new year\n" in out
    assert "  3 interactions with 2 people: 1 meeting, 1 call, 1 help.\n" in out
    assert "  Touches by circle: close 2, friends 2.\n" in out
    assert "  14 Oct  -\n" in out
    assert "  30 Dec  ▓▓▒▒ 4\n" in out
    assert out.endswith("Birthdays and dates next week\n  Tue 7 Jan   Ana Ruiz: birthday\n")
    data = json.loads(net("review", "--week", "2025-01-01", "--json").out)
    assert data["week"] == {"start": "2024-12-30", "end": "2025-01-05", "as_of": "2025-01-05"}
    assert data["next_week"]["from"] == "2025-01-06"
    assert data["numbers"]["chart"][0]["week"] == "2024-10-14"
    # A birthday early in January is "next week" for the last week of December.
    before = json.loads(net("review", "--week", "2024-12-25", "--json").out)
    assert [(d["name"], d["day"]) for d in before["dates_next_week"]] == [("Tom Baker", "2025-01-02")]


def test_a_leap_day_birthday_falls_on_feb_28(net: Net) -> None:
    assert net("add", "Lee Park", "--birthday", "02-29").code == 0
    data = json.loads(net("review", "--week", "2025-02-19", "--json").out)
    assert data["dates_next_week"] == [
        {"person_id": 1, "name": "Lee Park", "label": "birthday", "day": "2025-02-28"}
    ]


def test_a_past_week_looks_from_its_sunday(net: Net, week: Path) -> None:
    out = net("review", "--week", "2025-06-11").out
    assert out.startswith(
        "Weekly review: 9–15 June 2025\nA quiet week: nothing was logged, and that is fine.\n"
    )
    assert "  2 helps in the last 12 weeks (since 24 Mar), for 2 people.\n" in out
    # Open on that Sunday: the slides promise (kept on the 19th), not the one made on the 18th.
    assert (
        "  Your promises:\n"
        "    Mei Chen: lend the pottery book (made 2 weeks ago)\n"
        "    Sam Okafor: send the slides (made 10 days ago)\n"
        "  Needs you noted:\n"
        "    Tom Baker: a flat in Lisbon (noted 5 days ago)\n"
    ) in out
    assert "reached out" not in out
    assert "they met for lunch" not in out


def test_names_print_as_typed_and_are_escaped_in_markdown_and_html(net: Net) -> None:
    name = 'Eve <b>&amp; [x]|*y* "z"'
    assert net("add", name).code == 0
    assert net("helped", "eve", "<script>alert(1)</script> | ok", "--kind", "favor").code == 0
    assert f"  Thu 19 Jun  {name}: <script>alert(1)</script> | ok (favor)\n" in net("review").out
    markdown = net("review", "--format", "markdown").out
    assert r'| Eve \<b\>\&amp; \[x\]\|\*y\* "z" | \<script\>alert(1)\</script\> \| ok | favor |' in markdown
    page = net("review", "--format", "html").out
    parse(page)
    assert "<script" not in page
    assert "<b>" not in page
    assert "Eve &lt;b&gt;&amp;amp; [x]|*y* &quot;z&quot;" in page


def test_output_is_written_privately_and_whole(net: Net, week: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    target = folder / "week.md"
    target.write_text("old notes")
    target.chmod(0o644)
    result = net("review", "--format", "markdown", "--output", str(target), "--yes")
    assert result.code == 0, result
    assert result.out == f"Saved the review of the week of 2025-06-16 to {target}.\n"
    assert target.read_text(encoding="utf-8") == MARKDOWN
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["week.md"]
    assert net("review", "-o", str(folder / "week.txt")).code == 0
    assert (folder / "week.txt").read_text(encoding="utf-8") == TEXT
    assert net("review", "--json", "-o", str(folder / "week.json")).code == 0
    assert json.loads((folder / "week.json").read_text(encoding="utf-8"))["week"]["start"] == "2025-06-16"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--week", "nonsense"), 1, 'Can\'t read "nonsense" as a date.'),
        (("--week", "2025-06-23"), 1, "The week of 2025-06-23 has not begun yet (today is 2025-06-19)"),
        (("--format", "pdf"), 1, '--format must be "text", "markdown" or "html", not "pdf".'),
        (("--json", "--format", "html"), 1, "Choose one: --json, or --format text, markdown or html."),
        (("--output", "{missing}/week.md"), 1, "does not exist; nothing was written."),
        (("--output", "{folder}"), 1, "is a folder; give a file name to write to."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    net: Net, week: Path, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    missing = tmp_path / "missing"
    args = tuple(a.format(missing=missing, folder=folder) for a in args)
    if "--output" not in args:
        args = (*args, "--output", str(folder / "week.md"))
    before = dump(week)
    result = net("review", *args)
    assert result.code == code, result
    assert message in " ".join(result.err.split()), result.err
    assert result.out == ""
    assert list(folder.iterdir()) == []
    assert not missing.exists()
    assert dump(week) == before


def test_the_store_reads_a_past_day_like_the_scheduler(week: Path) -> None:
    """Summaries recomputed for a past day (in one query) equal those of the raw interactions."""
    from quietnet.core.schedule import Candidate
    from quietnet.store import candidates, settings, state

    def recomputed(s: Session, c: Candidate, day: date) -> Candidate:
        return c._replace(summary=state.compute(s, c.id, loaded, today=day), rhythm=None)

    database = open_database(week, now=lambda: datetime(2025, 6, 19, tzinfo=UTC))
    with database.read() as s:
        loaded = settings.load(s)
        for day in (date(2025, 5, 1), date(2025, 6, 16), date(2025, 6, 23)):
            found = candidates.candidates(s, loaded, today=day)
            assert any(c.rhythm is None for c in found) == (day < date(2025, 6, 19))
            assert found == [recomputed(s, c, day) if c.rhythm is None else c for c in found]
    database.close()


def test_the_builder_is_pure() -> None:
    probe = (
        "import sys, quietnet.core.review; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'typer', 'rich', 'sqlmodel', 'sqlalchemy', 'pydantic', 'sqlite3'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_demo_ends_with_the_review_of_its_week(net: Net) -> None:
    out = net("demo").out
    _, review = out.split("$ net review --week today\n")
    assert review.startswith("Weekly review: 16–22 June 2025\n")
    assert "What you gave\n  Thu 19 Jun  Priya Nair: sent her my accountant's details (referral)\n" in review
    assert review.endswith(
        'That store is gone now. To start your own: net add "Your first person" --circle close\n'
    )


def test_the_docs_show_the_sample_as_it_prints() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "review.md"
    assert f"$ net review\n{TEXT}```" in doc.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_review_never_loads_the_orm(net: Net, store: Path) -> None:
    from tests.helpers import loaded

    assert net("add", "Ana Ruiz").code == 0
    for args in (
        ("--format", "markdown"),
        ("--format", "html"),
        ("--json",),
        ("--week", "last week", "--json"),
    ):
        assert loaded(store, "review", *args) == {"code": 0, "heavy": []}, args
    assert loaded(store, "review") == {
        "code": 0,
        "heavy": [],
    }  # piped: plain lines (tests/test_review_plain.py)


def test_work_that_came_in_appears_under_what_came_back(net: Net) -> None:
    assert net("add", "Ana Ruiz", "--circle", "close").code == 0
    assert net("add", "Tom Baker").code == 0
    added = net(
        "work",
        "add",
        "Pricing workshop",
        "--from",
        "tom",
        "--via",
        "ana",
        "--path",
        "referral",
        "--on",
        "2025-06-17",
    )
    assert added.code == 0, added
    text = net("review", "--format", "markdown").out
    came_back = text.split("## What came back")[1].split("## ")[0]
    assert "Ana Ruiz" in came_back
    assert "Pricing workshop" in came_back
