"""What `net due` and `net today` do, without Typer.

The Typer commands in ``cli/due.py`` call these; so does ``cli/main.py`` for a
bare `net today` or `net due` (the forms a shell alias runs every morning),
which skips building a command line at all: importing Typer alone takes longer
than the rest of the command (docs/performance.md).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from quietnet.cli import context
from quietnet.cli.context import say

if TYPE_CHECKING:
    from quietnet.core.schedule import DuePlan
    from quietnet.core.settings import Settings
    from quietnet.engine.sqlite import Session


def make_plan(s: Session, *, today: date, show_all: bool = False) -> tuple[DuePlan, Settings]:
    """Gather what the scheduler needs in a handful of queries and run it."""
    from quietnet.core.schedule import energy_spent, plan, week_start
    from quietnet.store import settings as stored
    from quietnet.store import state

    settings = stored.load(s)
    people = state.eligible_candidates(s, settings, today=today)
    monday = week_start(today)
    spent = energy_spent(state.kinds_between(s, monday, today))
    back = state.reconnected_between(s, monday, today)
    made = plan(people, settings=settings, today=today, spent=spent, show_all=show_all, reconnected=back)
    return made, settings


def due(c: context.Context, *, as_of: str | None = None, all_: bool = False, json_: bool = False) -> None:
    from quietnet.render import due as render

    day = context.as_of(as_of)
    with c.read() as s:
        result, _ = make_plan(s, today=day, show_all=all_)
    say(render.plan_json(result) if json_ else render.plan_text(result))


def today(c: context.Context, *, as_of: str | None = None, json_: bool = False) -> None:
    from quietnet.render import due as render
    from quietnet.store import events, intros, loops, state

    day = context.as_of(as_of)
    with c.read() as s:
        result, settings = make_plan(s, today=day)
        ahead = settings.heads_up
        found = render.upcoming(state.yearly_dates(s, today=day, days=ahead), today=day, days=ahead)
        birthdays = render.heads_up(found, result, window=settings.event_window)
        empty = not state.anyone(s)
        follow_ups = tuple(events.follow_ups(s, today=day))
        from_events = {f.loop_id for f in follow_ups}  # shown under "After events" instead
        promises = [
            loop for loop in loops.open_loops(s) if loop.type == "promise" and loop.id not in from_events
        ]
        snoozes = state.snoozes_ending(s, day)
        waiting = tuple(intros.waiting(s, today=day))
    morning = render.Morning(result, birthdays, promises, snoozes, waiting, follow_ups, empty)
    say(render.morning_json(morning) if json_ else render.morning_text(morning))


def bare(command: str) -> int:
    """Run `net today` or `net due` with no options, behind the same error boundary as Typer's."""
    from quietnet.cli.boundary import EXPECTED, calm

    c = context.Context()
    run = today if command == "today" else due
    try:
        run(c)
    except EXPECTED as exc:
        return calm(exc)
    finally:
        c.close()
    return 0
