"""What a simulated year measured, and the targets of issue 13 (item 6).

Everything is computed from a ``Trace``: the mornings' lists and the contacts
logged, so the quietnet run and the naive reminder are measured the same way.

- *Repeats*: a suggestion (other than a birthday or an open loop) for someone
  with a real contact (a message or heavier, either side) in the 3 days before.
- *Birthdays*: per birthday, the mornings it was listed (reason ``event``, from
  14 days ahead), and listings after the user had been in touch since the first.
- *Gap/cadence*: every person in a rhythm circle, every day of the year (the
  break included), the gap of ``scheduling.md`` §3 (the effective last contact,
  each contact moving it by its credit) over the rhythm the circle asks for
  (times 1.5 for kin); days on which someone is a quiet tie (no real contact for
  3 years) are left out.
- *Over the limits*: mornings listing more than the daily maximum, or planning
  more energy (each suggestion at least 1) than the morning said was left.
- *Energy*: per full week (Monday to Sunday, away weeks left out), the energy of
  what the user started: everything, and what they did on a suggestion.
- *Quiet ties reconnected*: contacts 3 years or more after the person's last real contact.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sim_drive import Trace
from sim_world import Contact, Person

from quietnet.core.kinds import BY_NAME
from quietnet.core.settings import DEFAULT

QUIET_DAYS = 1095
AFTER_BREAK_DAYS = 14
CIRCLES = ("core", "close", "friends", "network")


@dataclass(frozen=True)
class Measures:
    per_day: tuple[float, int]  # mean, max
    per_week: tuple[float, int]
    mornings: int
    empty: int
    spent_out: int  # empty mornings with the week's energy spent
    repeats: tuple[int, int]  # repeats, suggestions other than birthdays and loops
    birthdays: tuple[int, float, int, int] | None  # birthdays listed, mean and max days, listed after acting
    gaps: dict[str, tuple[float, float, float]]  # circle: p50, p90, max
    over: int
    energy: tuple[float, int, float, int]  # per week: mean, max; on suggestions: mean, max
    weekly: int
    reconnected: tuple[float, int, int]  # per week: mean, max; total
    after_break: int  # the longest list in the first days back
    mondays: tuple[int, int] | None  # same answer twice, Mondays
    where: dict[str, str] = field(default_factory=dict)  # per target, where it was missed (for --check)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _effective_gaps(person: Person, contacts: list[Contact], days: list[date]) -> list[float]:
    """gap / cadence on each of ``days`` (§3), leaving out the days they are a quiet tie."""
    cadence, full = person.cadence, DEFAULT.full_weight(person.circle)
    if cadence is None:
        return []
    out: list[float] = []
    ordered = sorted(contacts, key=lambda c: c.day)
    eff: float | None = None if person.met is None else float(person.met.toordinal())
    last_real = person.met
    i = 0
    for day in days:
        while i < len(ordered) and ordered[i].day < day:  # the morning: what was logged before today
            c = ordered[i]
            at = float(c.day.toordinal())
            eff = at if eff is None else max(eff, eff + min(1.0, c.weight / full) * (at - eff))
            if c.real:
                last_real = c.day
            i += 1
        if eff is None or last_real is None or (day - last_real).days >= QUIET_DAYS:
            continue
        out.append((day.toordinal() - eff) / cadence)
    return out


def _birthdays(
    trace: Trace, by_person: dict[int, list[Contact]], where: dict[str, str]
) -> tuple[int, float, int, int]:
    listed: dict[tuple[int, date], list[date]] = {}
    people = {p.id: p for p in trace.world.people}
    for day, morning in trace.mornings.items():
        for s in morning.shown:
            md = people[s.person].birthday
            if s.reason != "event" or md is None:
                continue
            for year in (day.year, day.year + 1):
                when = date(year, *md)
                if 0 <= (when - day).days <= 14:
                    listed.setdefault((s.person, when), []).append(day)
    again = 0
    for (person, when), days in listed.items():
        first = min(days)
        if any(any(first <= c.day < d for c in by_person[person]) for d in days):
            again += 1
            where.setdefault("again", f"{people[person].name}'s birthday on {when}, listed {_days(days)}")
    counts = [len(d) for d in listed.values()] or [0]
    if listed:
        (person, when), days = max(listed.items(), key=lambda item: (len(item[1]), item[0]))
        where["birthday"] = f"{people[person].name}'s birthday on {when}, listed {_days(days)}"
    return len(listed), statistics.mean(counts), max(counts), again


def measure(trace: Trace) -> Measures:
    by_person = trace.by_person()
    mornings = [trace.mornings[d] for d in sorted(trace.mornings)]
    sizes = [len(m.shown) for m in mornings] or [0]
    weeks: Counter[date] = Counter()
    back = trace.pause[1]
    full_weeks = {m.day - timedelta(days=m.day.weekday()) for m in mornings if m.day.weekday() == 0}
    full_weeks = {w for w in full_weeks if all(w + timedelta(days=k) in trace.mornings for k in range(7))}
    for m in mornings:
        weeks[m.day - timedelta(days=m.day.weekday())] += len(m.shown)
    week_sizes = [weeks[w] for w in sorted(full_weeks)] or [0]

    names = {p.id: p.name for p in trace.world.people}
    where: dict[str, str] = {}
    repeats = counted = over = 0
    real_days = {(c.person, c.day) for c in trace.contacts if c.real}
    for m in mornings:
        planned = 0
        for s in m.shown:
            planned += max(1, BY_NAME[s.action].energy if s.action in BY_NAME else 1)
            if s.reason in ("event", "loop") or s.action == "help":
                continue
            counted += 1
            if any((s.person, m.day - timedelta(days=k)) in real_days for k in (1, 2, 3)):
                repeats += 1
                _add(where, "repeats", f"{names[s.person]} on {m.day}")
        if m.remaining is not None and (len(m.shown) > DEFAULT.daily_max or planned > max(m.remaining, 0)):
            over += 1
            _add(where, "over", f"{m.day} ({len(m.shown)} listed, {planned} planned, {m.remaining} left)")

    year = [trace.world.start + timedelta(days=n) for n in range(trace.days)]
    gaps: dict[str, tuple[float, float, float]] = {}
    for circle in CIRCLES:
        values: list[float] = []
        worst = (0.0, "")
        for p in trace.world.people:
            if p.circle == circle:
                own = _effective_gaps(p, by_person[p.id], year)
                values += own
                worst = max(worst, (_percentile(own, 0.9), f"{p.name} ({p.type})"))
        where[circle] = f"{worst[1]}, own p90 {worst[0]:.2f}"
        gaps[circle] = (_percentile(values, 0.5), _percentile(values, 0.9), max(values, default=0.0))

    spent: Counter[date] = Counter()
    prompted: Counter[date] = Counter()
    reconnected: Counter[date] = Counter()
    for person, contacts in by_person.items():
        last_real: date | None = next((p.met for p in trace.world.people if p.id == person), None)
        for c in contacts:
            monday = c.day - timedelta(days=c.day.weekday())
            if c.day >= trace.world.start and not c.them:
                spent[monday] += c.energy
                prompted[monday] += c.energy if c.prompted else 0
            if (
                c.day >= trace.world.start
                and last_real is not None
                and (c.day - last_real).days >= QUIET_DAYS
            ):
                reconnected[monday] += 1
            if c.real:
                last_real = c.day
    energy = [spent[w] for w in sorted(full_weeks)] or [0]
    on_suggestions = [prompted[w] for w in sorted(full_weeks)] or [0]
    weeks_run = max(1.0, len(mornings) / 7)  # the weeks the user was around
    back_days = [m for m in mornings if back <= m.day < back + timedelta(days=AFTER_BREAK_DAYS)]
    back_sizes = [len(m.shown) for m in back_days]
    if back_days:
        largest = max(back_days, key=lambda m: (len(m.shown), m.day))
        where["after_break"] = f"{largest.day}: {len(largest.shown)} listed"
    mondays = None
    if trace.name == "quietnet":
        mondays = (sum(same for _, same in trace.mondays), len(trace.mondays))
        for day, same in trace.mondays:
            if not same:
                _add(where, "mondays", str(day))
    return Measures(
        per_day=(statistics.mean(sizes), max(sizes)),
        per_week=(statistics.mean(week_sizes), max(week_sizes)),
        mornings=len(mornings),
        empty=sum(1 for m in mornings if not m.shown),
        spent_out=sum(1 for m in mornings if not m.shown and m.remaining is not None and m.remaining <= 0),
        repeats=(repeats, counted),
        birthdays=_birthdays(trace, by_person, where) if trace.name == "quietnet" else None,
        gaps=gaps,
        over=over,
        energy=(statistics.mean(energy), max(energy), statistics.mean(on_suggestions), max(on_suggestions)),
        weekly=DEFAULT.weekly_energy,
        reconnected=(
            sum(reconnected.values()) / weeks_run,
            max(reconnected.values(), default=0),
            sum(reconnected.values()),
        ),
        after_break=max(back_sizes, default=0),
        mondays=mondays,
        where=where,
    )


def _add(where: dict[str, str], key: str, text: str, most: int = 3) -> None:
    """Keep the first few examples of a miss."""
    seen = where.get(key, "")
    if seen.count(";") < most - 1:
        where[key] = f"{seen}; {text}" if seen else text
    elif not seen.endswith("..."):
        where[key] = f"{seen}; ..."


def _days(days: list[date]) -> str:
    return ", ".join(d.isoformat() for d in sorted(days))


def failures(m: Measures) -> list[str]:
    """The targets of issue 13 that ``m`` misses, one sentence each, with where."""
    out: list[str] = []

    def miss(text: str, key: str) -> None:
        out.append(f"{text} ({m.where[key]})" if key in m.where else text)

    repeats, counted = m.repeats
    if repeats > 0.03 * counted:
        share = _pct(repeats, counted)
        miss(
            f"repeats within 3 days of a real contact: {repeats} of {counted} ({share}), target 3%", "repeats"
        )
    if m.birthdays is not None:
        _, _, most, again = m.birthdays
        if most > 4:
            miss(f"days a birthday was listed: up to {most}, target at most 4", "birthday")
        if again:
            miss(f"birthdays listed again after the user was in touch: {again}, target 0", "again")
    if m.over:
        miss(f"mornings over the daily maximum or the energy left: {m.over}, target 0", "over")
    if m.gaps["close"][1] > 1.6:
        miss(f"close-circle gap/cadence p90: {m.gaps['close'][1]:.2f}, target at most 1.6", "close")
    if m.after_break > DEFAULT.daily_max:
        target = DEFAULT.daily_max
        miss(f"largest list after the break: {m.after_break}, target at most {target}", "after_break")
    if m.mondays is not None and m.mondays[0] != m.mondays[1]:
        miss(f"Mondays with the same answer twice: {m.mondays[0]} of {m.mondays[1]}, target all", "mondays")
    return out


def _pct(n: int, of: int) -> str:
    return f"{100 * n / of:.1f}%" if of else "0%"


def table(ours: Measures, naive: Measures) -> str:
    """One Markdown table: quietnet beside the naive reminder, with the targets."""

    def both(f: str, a: tuple[float, ...], b: tuple[float, ...]) -> tuple[str, str]:
        return f.format(*a), f.format(*b)

    rows: list[tuple[str, str, str, str]] = [
        ("suggestions per day: mean / max", *both("{:.2f} / {}", ours.per_day, naive.per_day), ""),
        ("suggestions per week: mean / max", *both("{:.1f} / {}", ours.per_week, naive.per_week), ""),
        (
            "mornings with an empty list (of them with the week's energy spent)",
            f"{ours.empty} of {ours.mornings} ({ours.spent_out})",
            f"{naive.empty} of {naive.mornings}",
            "",
        ),
        (
            "repeats within 3 days of a real contact (not birthdays, loops)",
            f"{ours.repeats[0]} of {ours.repeats[1]} ({_pct(*ours.repeats)})",
            f"{naive.repeats[0]} of {naive.repeats[1]} ({_pct(*naive.repeats)})",
            "at most 3%",
        ),
    ]
    if ours.birthdays is not None:
        n, mean, most, again = ours.birthdays
        rows.append(
            (
                "birthdays listed: how many, days each (mean / max)",
                f"{n}, {mean:.1f} / {most}",
                "-",
                "at most 4",
            )
        )
        rows.append(("birthdays listed again after the user was in touch", str(again), "-", "0"))
    for circle in CIRCLES:
        target = "p90 at most 1.6" if circle == "close" else ""
        label = f"gap/cadence, {circle}: p50 / p90 / max"
        rows.append((label, *both("{:.2f} / {:.2f} / {:.2f}", ours.gaps[circle], naive.gaps[circle]), target))
    rows += [
        ("mornings over the daily maximum or the energy left", str(ours.over), "-", "0"),
        (
            f"energy you started per week: mean / max; on suggestions (weekly energy {ours.weekly})",
            *both("{:.1f} / {}; {:.1f} / {}", ours.energy, naive.energy),
            "",
        ),
        (
            "quiet ties reconnected per week: mean / max (in all)",
            *both("{:.2f} / {} ({})", ours.reconnected, naive.reconnected),
            "",
        ),
        (
            f"largest list in the {AFTER_BREAK_DAYS} days after the 4-week break",
            str(ours.after_break),
            str(naive.after_break),
            f"at most {DEFAULT.daily_max}",
        ),
    ]
    if ours.mondays is not None:
        rows.append(
            ("Mondays with the same answer twice", f"{ours.mondays[0]} of {ours.mondays[1]}", "-", "all")
        )
    lines = ["| measure | quietnet | naive reminder | target |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)
