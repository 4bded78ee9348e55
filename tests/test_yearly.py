"""Yearly dates besides a birthday: `net date add|list|remove`, counted as a birthday is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, build_store, ok, query, refused, seed

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)

# NET_TODAY is 2025-06-19 (a Thursday): the event window holds the next days, the heads-up two weeks.


@pytest.fixture(scope="module")
def people_template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ana Ruiz (#1) and Tom Hughes (#2), both seen on 2025-06-01: only a date ahead can bring them up."""
    path = tmp_path_factory.mktemp("template") / "net.db"
    commands = (
        ("add", "Ana Ruiz", "--circle", "friends"),
        ("add", "Tom Hughes", "--circle", "friends"),
        ("log", "ana", "and", "tom", "coffee", "--on", "2025-06-01"),
    )
    return build_store(path, commands)


@pytest.fixture(autouse=True)
def fresh(store: Path, people_template: bytes) -> None:
    seed(store, people_template)


def test_add_list_show_remove_and_undo(net: Net) -> None:
    assert ok(net, "date", "add", "ana", "wedding anniversary", "06-12") == (
        "Added the yearly date of Ana Ruiz: wedding anniversary, 06-12 (#1).\n"
    )
    assert ok(net, "date", "add", "tom", "Mia's birthday", "March 2 2019") == (
        "Added the yearly date of Tom Hughes: Mia's birthday, 2019-03-02 (#2).\n"
    )
    assert ok(net, "date", "add", "ana", "wedding anniversary", "June 12") == (
        "Already there: the yearly date of Ana Ruiz: wedding anniversary, 06-12.\n"
    )
    assert ok(net, "date", "list") == (
        "#2  2019-03-02  Tom Hughes: Mia's birthday\n#1       06-12  Ana Ruiz: wedding anniversary\n"
    )
    assert json.loads(ok(net, "date", "list", "ana", "--json")) == [
        {"id": 1, "person_id": 1, "person": "Ana Ruiz", "label": "wedding anniversary", "day": "06-12"}
    ]
    assert (
        ok(net, "show", "tom").split("Yearly dates\n")[1].split("\n\n")[0]
        == "  #2  2019-03-02  Mia's birthday"
    )
    assert json.loads(ok(net, "show", "tom", "--json"))["yearly_dates"] == [
        {"id": 2, "person_id": 2, "person": "Tom Hughes", "label": "Mia's birthday", "day": "2019-03-02"}
    ]
    assert ok(net, "date", "remove", "2") == (
        "Removed the yearly date of Tom Hughes: Mia's birthday, 2019-03-02. net undo brings it back.\n"
    )
    assert ok(net, "date", "list", "tom") == (
        'No yearly dates yet. Add one with: net date add ana "wedding anniversary" 06-12\n'
    )
    ok(net, "undo", "--yes")
    assert ok(net, "date", "list", "tom") == "#2  2019-03-02  Tom Hughes: Mia's birthday\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "ana", " ", "06-12"),
         'Say what the date is, e.g. net date add ana "wedding anniversary" 06-12.\n'),
        (("add", "ana", "Birthday", "06-12"),
         "Someone's own birthday is a field: net edit NAME --birthday 06-21.\n"),
        (("add", "ana", "x\ty", "06-12"),
         "A date's label is one line: no newlines, tabs or other control characters.\n"),
        (("add", "ana", "x" * 61, "06-12"),
         "A date's label can be at most 60 characters (this one has 61).\n"),
        (("add", "ana", "anniversary", "soon"),
         "Can't read \"soon\" as a yearly date. Try 06-12, 2015-06-12 or June 12.\n"),
        (("add", "ana", "anniversary", "2026-01-01"),
         "A yearly date with a year can't be after today (2025-06-19); \"2026-01-01\" has not happened yet."
         " Give MM-DD for one still to come.\n"),
        (("add", "zed", "anniversary", "06-12"), None),
        (("remove", "9"), "There is no yearly date #9. net date list shows them with their ids.\n"),
    ],
)  # fmt: skip
def test_refused_dates_change_nothing(
    net: Net, store: Path, args: tuple[str, ...], message: str | None
) -> None:
    err = refused(net, store, "date", *args)
    if message is not None:
        assert err == message
    else:
        assert err.startswith('No one called "zed".')


def test_a_yearly_date_near_brings_someone_up_as_a_birthday_does(net: Net) -> None:
    assert "Ana Ruiz" not in ok(net, "due")
    ok(net, "date", "add", "ana", "wedding anniversary", "06-22")
    assert ok(net, "due").splitlines()[1] == "  Ana Ruiz: Wedding anniversary in 3 days. A short message?"
    why = json.loads(ok(net, "why", "ana", "--json"))
    assert (why["reason"], why["why"]) == (
        "event",
        "Ana Ruiz: Wedding anniversary in 3 days. A short message?",
    )


def test_today_names_dates_ahead_beyond_the_window(net: Net) -> None:
    ok(net, "date", "add", "tom", "work anniversary", "06-30")
    assert "Dates ahead: Tom Hughes (work anniversary) on Mon 30 Jun.\n" in ok(net, "today")
    ok(net, "edit", "ana", "--birthday", "06-29")
    assert "Dates ahead: Ana Ruiz on Sun 29 Jun, Tom Hughes (work anniversary) on Mon 30 Jun.\n" in ok(
        net, "today"
    )


def test_the_review_lists_yearly_dates_next_week(net: Net) -> None:
    ok(net, "date", "add", "tom", "work anniversary", "06-24")
    ok(net, "edit", "ana", "--birthday", "06-25")
    review = ok(net, "review")
    assert "  Tue 24 Jun  Tom Hughes: work anniversary\n  Wed 25 Jun  Ana Ruiz: birthday\n" in review


def test_ics_export_carries_each_yearly_date(net: Net, tmp_path: Path) -> None:
    ok(net, "date", "add", "tom", "work anniversary", "2020-06-30")
    out = tmp_path / "dates.ics"
    assert ok(net, "export", "ics", "--birthdays-only", "--output", str(out)) == (
        f"Wrote 0 birthdays, 1 yearly date and 0 check-ins to {out}.\n"
    )
    uuid = json.loads(ok(net, "export", "json"))["people"][1]["uuid"]
    text = out.read_text().replace("\r\n", "\n")
    assert f"UID:date-1-{uuid}@quietnet\n" in text
    assert "DTSTART;VALUE=DATE:20200630\n" in text
    assert "RRULE:FREQ=YEARLY\n" in text
    assert "SUMMARY:Tom Hughes: work anniversary\n" in text


def test_vcard_carries_an_anniversary(net: Net) -> None:
    ok(net, "date", "add", "ana", "Wedding anniversary", "2015-06-12")
    ok(net, "date", "add", "tom", "Mia's birthday", "03-02")
    lines = [line for line in ok(net, "export", "vcard").splitlines() if "ANNIVERSARY" in line]
    assert lines == ["X-ANNIVERSARY:2015-06-12"]


def test_json_export_import_merge_and_forget_carry_yearly_dates(
    net: Net, store: Path, tmp_path: Path
) -> None:
    ok(net, "date", "add", "ana", "wedding anniversary", "06-12")
    ok(net, "date", "add", "tom", "Mia's birthday", "03-02")
    out = tmp_path / "export.json"
    ok(net, "export", "json", "--output", str(out))
    rows = json.loads(out.read_text())["tables"]["yearly_date"]
    assert [(r["person_id"], r["label"], r["day"]) for r in rows] == [
        (1, "wedding anniversary", "06-12"), (2, "Mia's birthday", "03-02"),
    ]  # fmt: skip
    other = tmp_path / "other.db"
    assert net("--db", str(other), "import", "json", str(out), "--yes").code == 0
    assert ok(net, "--db", str(other), "date", "list") == (
        "#2       03-02  Tom Hughes: Mia's birthday\n#1       06-12  Ana Ruiz: wedding anniversary\n"
    )
    assert net("merge", "ana", "tom", "--yes").code == 0
    assert query(store, "SELECT person_id, label FROM yearly_date ORDER BY id") == [
        (1, "wedding anniversary"), (1, "Mia's birthday"),
    ]  # fmt: skip
    assert net("forget", "ana", "--yes").code == 0
    assert query(store, "SELECT count(*) FROM yearly_date") == [(0,)]
    journal = query(store, "SELECT old, new FROM change_row WHERE table_name = 'yearly_date'")
    assert "wedding anniversary" not in str(journal)  # Tom's own, from before the merge, stays his


def test_an_import_refuses_a_yearly_date_not_written_as_stored(net: Net, store: Path, tmp_path: Path) -> None:
    ok(net, "date", "add", "ana", "wedding anniversary", "06-12")
    out = tmp_path / "export.json"
    ok(net, "export", "json", "--output", str(out))
    document = json.loads(out.read_text())
    document["tables"]["yearly_date"][0]["day"] = "June 12"
    out.write_text(json.dumps(document))
    other = tmp_path / "other.db"
    result = net("--db", str(other), "import", "json", str(out), "--yes")
    assert result.code == 1
    assert result.err == (
        f'{out}, tables.yearly_date[0]: day: "June 12" is not written as quietnet stores it (06-12);'
        " nothing was imported.\n"
    )


def test_show_lines_up_dates_with_and_without_a_year(net: Net) -> None:
    ok(net, "date", "add", "tom", "Mia's birthday", "2019-03-02")
    ok(net, "date", "add", "tom", "name day", "11-02")
    assert ok(net, "show", "tom").split("Yearly dates\n")[1].split("\n\n")[0] == (
        "  #1  2019-03-02  Mia's birthday\n  #2       11-02  name day"
    )
