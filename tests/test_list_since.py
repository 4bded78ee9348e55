"""`net list --since` and `--not-since`: who you have (not) been in touch with lately."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Net, files, ok

pytestmark = pytest.mark.both  # on SQLite and on PostgreSQL (conftest.py)


@pytest.fixture
def several(net: Net) -> None:  # today is 2025-06-19
    ok(net, "add", "Ana Ruiz", "--circle", "close", "--tag", "climbing")
    ok(net, "add", "Ben Ode", "--circle", "core")
    ok(net, "add", "Cleo Park", "--circle", "close", "--tag", "climbing")
    ok(net, "add", "Dan Wu")
    ok(net, "log", "ana", "--on", "2025-06-18")
    ok(net, "log", "ben", "--on", "2024-11-01")
    ok(net, "helped", "cleo", "lent a book", "--on", "2025-06-01")  # a help is contact too


def listed(net: Net, *args: str) -> list[str]:
    return [p["name"] for p in json.loads(ok(net, "list", *args, "--json"))]


@pytest.mark.usefixtures("several")
@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--not-since", "6 months"), ["Ben Ode", "Dan Wu"]),
        (("--not-since", "2 weeks"), ["Ben Ode", "Cleo Park", "Dan Wu"]),
        (("--not-since", "2025-06-01"), ["Ben Ode", "Dan Wu"]),  # the day itself counts as in touch
        (("--not-since", "2025-06-02"), ["Ben Ode", "Cleo Park", "Dan Wu"]),
        (("--not-since", "a month", "--circle", "close"), []),
        (("--not-since", "3 weeks ago", "--circle", "core"), ["Ben Ode"]),
        (("--since", "6 months"), ["Ana Ruiz", "Cleo Park"]),
        (("--since", "yesterday"), ["Ana Ruiz"]),
        (("--since", "2025-06-01", "--tag", "climbing", "--sort", "last"), ["Cleo Park", "Ana Ruiz"]),
        (("--since", "a year", "--not-since", "2 weeks"), ["Ben Ode", "Cleo Park"]),
        (("--since", "1 year", "--not-since", "yesterday", "--sort", "last"), ["Ben Ode", "Cleo Park"]),
        (("--not-since", "0 days"), ["Ana Ruiz", "Ben Ode", "Cleo Park", "Dan Wu"]),
    ],
)
def test_since_and_not_since_filter_by_last_contact(
    net: Net, args: tuple[str, ...], names: list[str]
) -> None:
    assert listed(net, *args) == names


@pytest.mark.usefixtures("several")
def test_not_since_prints_the_table(net: Net) -> None:
    assert ok(net, "list", "--not-since", "6 months", "--sort", "last") == (
        "id  name     circle   last contact  city  tags\n"
        "#4  Dan Wu   network  -\n"
        "#2  Ben Ode  core     7 months ago\n"
        "2 people\n"
    )


@pytest.mark.usefixtures("several")
def test_no_one_in_the_window_is_said_calmly(net: Net) -> None:
    assert ok(net, "list", "--not-since", "a month", "--circle", "close") == (
        "No one here has gone without contact since 2025-05-19.\n"
    )
    assert ok(net, "list", "--since", "3 days", "--circle", "core") == (
        "No one here has been in touch since 2025-06-16.\n"
    )
    assert ok(net, "list", "--since", "2025-05-01", "--not-since", "2025-05-31") == (
        "No one here was last in touch between 2025-05-01 and 2025-05-31.\n"
    )
    assert ok(net, "list", "--since", "3 days", "--circle", "core", "--json") == "[]\n"


@pytest.mark.usefixtures("several")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "soon"),
         "Can't read \"soon\" as a date. Try 2025-06-19, yesterday, tue, last tuesday or 3 days ago."),
        (("--not-since", "tomorrow"),
         '"tomorrow" (2025-06-20) is after today (2025-06-19); pick today or an earlier day.'),
        (("--not-since", "900 years"), '"900 years" falls outside the years 1900 to 2200; check the year.'),
        (("--since", "2 weeks", "--not-since", "a month"),
         "--since (2025-06-05) must come before --not-since (2025-05-19), "
         "or no one could be in touch in between."),
        (("--since", "today", "--not-since", "today"),
         "--since (2025-06-19) must come before --not-since (2025-06-19), "
         "or no one could be in touch in between."),
    ],
)  # fmt: skip
def test_a_day_that_cant_be_used_is_refused(
    net: Net, store: Path, args: tuple[str, ...], message: str
) -> None:
    before = files(store)
    result = net("list", *args)
    assert (result.code, result.out, result.err) == (1, "", message + "\n")
    assert files(store) == before
