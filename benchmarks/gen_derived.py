"""The generator's derived rows: ``person_state`` and the find keys, as the store computes them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

from gen_people import Person

from quietnet.core.rhythm import clock_start, rest_days, time_window
from quietnet.core.schedule import summarise
from quietnet.core.settings import Settings
from quietnet.store.folded import SOURCES, find_key


def state_rows(
    people: list[Person], settings: Settings, closeness: dict[int, int | None]
) -> Iterator[tuple[object, ...]]:
    """``person_state`` rows, as ``store/state.py`` ``refresh`` computes and stores them."""
    for p in people:
        start = clock_start(p.met_on, p.created, min((t.on for t in p.touches), default=None))
        today = max([start, *(t.on for t in p.touches)])
        summary = summarise(
            p.touches,
            met=start,
            circle=p.circle,
            kin=p.kin,
            has_override=p.cadence_days is not None,
            settings=settings,
            today=today,
        )
        window = time_window(summary, met=start, circle=p.circle, kin=p.kin, closeness=closeness[p.id],
                             override=p.cadence_days, settings=settings)  # fmt: skip
        last_real = summary.last_real
        yield (
            p.id,
            summary.eff,
            _iso(summary.last_touch),
            summary.last_touch_kind,
            p.last_said,
            _iso(summary.last_full),
            summary.last_full_kind,
            summary.full_days,
            ",".join(d.isoformat() for d in summary.episodes),
            _iso(summary.reconnected),
            window.start,
            window.end,
            window.cadence,
            window.source,
            start.isoformat(),
            _iso(last_real),
            summary.last_real_kind,
            (last_real or start).toordinal() + settings.dormant_days,
            None if last_real is None else last_real.toordinal() + rest_days(window.cadence, settings),
        )


def fill_find_keys(conn: sqlite3.Connection) -> None:
    """The folded ``find_key`` of every searchable row, as ``store/journal.py`` writes it."""
    for table, columns in SOURCES.items():
        known: dict[tuple[object, ...], str | None] = {}  # notes repeat: fold each text once
        updates = []
        for row_id, *values in conn.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall():
            text = tuple(values)
            if text not in known:
                known[text] = find_key(table, dict(zip(columns, values, strict=True)))
            updates.append((known[text], row_id))
        conn.executemany(f"UPDATE {table} SET find_key = ? WHERE id = ?", updates)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()
