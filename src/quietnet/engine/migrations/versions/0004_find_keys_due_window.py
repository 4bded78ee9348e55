"""folded search keys, and when time makes someone due (issue 4)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Columns added, each filled from the rows already there:

- ``find_key`` on ``person``, ``interaction``, ``help`` and ``loop``: their text
  folded (``store/folded.py``), so `net find` matches in SQL without calling
  Python for every row;
- ``due_start``, ``due_end``, ``cadence`` and ``cadence_source`` on
  ``person_state``: the days in which time alone makes someone eligible and the
  rhythm that says so (``rhythm.time_window``), so `net due` reads only the
  people who may be due, without working out their rhythm again.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

SEARCHED = ("person", "interaction", "help", "loop")


def upgrade() -> None:
    for table in SEARCHED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("find_key", sa.String(), nullable=True))
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_start", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("due_end", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("cadence", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("cadence_source", sa.String(), nullable=True))
    bind = op.get_bind()
    for table in SEARCHED:
        _fill_find_keys(bind, table)
    _fill_windows(bind)


def _fill_find_keys(bind: sa.Connection, table: str) -> None:
    from quietnet.store.folded import SOURCES, find_key

    columns = ", ".join(("id", *SOURCES[table]))
    rows = bind.execute(sa.text(f"SELECT {columns} FROM {table}")).mappings().all()
    keys = [{"id": r["id"], "key": find_key(table, dict(r))} for r in rows]
    keys = [k for k in keys if k["key"] is not None]
    if keys:
        bind.execute(sa.text(f"UPDATE {table} SET find_key = :key WHERE id = :id"), keys)


def _day(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    return date.fromisoformat(str(value)[:10])


def _fill_windows(bind: sa.Connection) -> None:
    from quietnet.core.rhythm import Summary, time_window
    from quietnet.core.settings import Settings

    stored = bind.execute(sa.text("SELECT name, value FROM setting")).all()
    settings = Settings.from_dict({n: json.loads(v) for n, v in stored if not n.startswith("events.")})
    rows = bind.execute(
        sa.text(
            "SELECT p.id, p.circle, p.kin, p.closeness, p.cadence_days, p.met_on, p.created_at,"
            " st.eff, st.last_full, st.full_days, st.episodes FROM person p"
            " JOIN person_state st ON st.person_id = p.id"
        )
    ).mappings()
    windows = []
    for r in rows:
        summary = Summary(
            eff=r["eff"],
            last_touch=None,
            last_touch_kind=None,
            last_full=_day(r["last_full"]),
            full_days=r["full_days"],
            episodes=tuple(date.fromisoformat(d) for d in r["episodes"].split(",") if d),
            reconnected=None,
        )
        window = time_window(
            summary,
            met=_day(r["met_on"]) or date.fromisoformat(str(r["created_at"])[:10]),
            circle=r["circle"],
            kin=bool(r["kin"]),
            closeness=r["closeness"],
            override=r["cadence_days"],
            settings=settings,
        )
        windows.append(
            {"id": r["id"], "start": window.start, "end": window.end, "cadence": window.cadence,
             "source": window.source}
        )  # fmt: skip
    if windows:
        bind.execute(
            sa.text(
                "UPDATE person_state SET due_start = :start, due_end = :end, cadence = :cadence,"
                " cadence_source = :source WHERE person_id = :id"
            ),
            windows,
        )


def downgrade() -> None:
    with op.batch_alter_table("person_state", schema=None) as batch_op:
        batch_op.drop_column("cadence_source")
        batch_op.drop_column("cadence")
        batch_op.drop_column("due_end")
        batch_op.drop_column("due_start")
    for table in reversed(SEARCHED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("find_key")
