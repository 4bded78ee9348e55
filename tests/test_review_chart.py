"""The review's numbers as the store sums them: the chart by day and circle, the capacity."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

from quietnet.cli.context import now
from quietnet.core.review import CircleDay
from quietnet.engine.opening import open_database
from quietnet.store.week import circle_days
from tests.helpers import Net, ok

GROUPED = (
    "SELECT i.day, p.circle, count(*) FROM interaction i"
    " JOIN interaction_person ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id"
    " WHERE i.day >= ? AND i.day <= ? GROUP BY i.day, p.circle ORDER BY i.day, p.circle"
)
PERIOD = (date(2025, 3, 31), date(2025, 6, 19))


def chart(store: Path) -> tuple[CircleDay, ...]:
    database = open_database(store, now=now)
    try:
        with database.read() as s:
            return circle_days(s, start=PERIOD[0], end=PERIOD[1])
    finally:
        database.close()


def grouped(store: Path) -> tuple[CircleDay, ...]:
    conn = sqlite3.connect(store)
    try:
        rows = conn.execute(GROUPED, [d.isoformat() for d in PERIOD]).fetchall()
    finally:
        conn.close()
    return tuple(CircleDay(date.fromisoformat(d), c, n) for d, c, n in rows)


def test_the_chart_counts_each_day_and_circle_as_grouping_by_both_does(net: Net) -> None:
    store = Path(os.environ["NET_DB"])
    for name, circle in (("Ana", "core"), ("Ben", "network"), ("Cy", "close"), ("Di", "acquaintance")):
        ok(net, "add", name, "--circle", circle)
    ok(net, "log", "ana", "ben", "cy", "call", "--on", "2025-06-02")
    ok(net, "log", "ana", "call", "--on", "2025-06-02")
    ok(net, "log", "di", "message", "--on", "2025-04-07")
    ok(net, "log", "ben", "message", "--on", "2025-03-30")  # the day before the chart
    ok(net, "log", "cy", "coffee", "--on", "2025-06-19")
    expected = (
        CircleDay(date(2025, 4, 7), "acquaintance", 1),
        CircleDay(date(2025, 6, 2), "close", 1),
        CircleDay(date(2025, 6, 2), "core", 2),
        CircleDay(date(2025, 6, 2), "network", 1),
        CircleDay(date(2025, 6, 19), "close", 1),
    )
    assert chart(store) == grouped(store) == expected


def test_a_circle_the_tool_does_not_know_is_still_counted(net: Net) -> None:
    """A store changed by hand (a circle outside the five): its day is read grouped by circle."""
    store = Path(os.environ["NET_DB"])
    ok(net, "add", "Ana", "--circle", "core")
    ok(net, "add", "Ben", "--circle", "core")
    ok(net, "log", "ana", "ben", "call", "--on", "2025-06-02")
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE person SET circle = 'club' WHERE name = 'Ben'")
    conn.close()
    assert (
        chart(store)
        == grouped(store)
        == (
            CircleDay(date(2025, 6, 2), "club", 1),
            CircleDay(date(2025, 6, 2), "core", 1),
        )
    )
