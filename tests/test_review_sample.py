"""`net review` on the sample week (tests/review_week.py): pinned in text and Markdown, read
from any of its days or from a past Sunday; HTML, JSON, files written privately, bad input
refused with nothing written, 80 columns, no guilt words, the store reading a past day as
the scheduler does, and the docs showing it as it prints.

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
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quietnet.engine.opening import open_database
from quietnet.engine.sqlite import Session
from quietnet.store import journal
from tests.helpers import BANNED, Net, build_store, dump, seed
from tests.pages import parse
from tests.review_week import MARKDOWN, OUTCOMES, SAMPLE, TEXT


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


def test_the_docs_show_the_sample_as_it_prints() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "review.md"
    assert f"$ net review\n{TEXT}```" in doc.read_text(encoding="utf-8")
