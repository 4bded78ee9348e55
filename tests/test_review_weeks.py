"""`net review` on small weeks built in each test: an empty week, a single interaction, a week
across the new year, a leap-day birthday, names that need escaping, work that came in; and
the demo, which ends with the review of its week."""

# The review writes each week with an en dash between its days, as typeset.
# ruff: noqa: RUF001

from __future__ import annotations

import json

from tests.helpers import Net
from tests.pages import parse


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


def test_the_demo_ends_with_the_review_of_its_week(net: Net) -> None:
    out = net("demo").out
    _, review = out.split("$ net review --week today\n")
    assert review.startswith("Weekly review: 16–22 June 2025\n")
    assert "What you gave\n  Thu 19 Jun  Priya Nair: sent her my accountant's details (referral)\n" in review
    assert review.endswith(
        'That store is gone now. To start your own: net add "Your first person" --circle close\n'
    )


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
