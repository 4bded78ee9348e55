"""`net capture`: match what a reader found (``core.capture.Scan``) to people, plan, then write.

Shared by mail and calendars: the command reads its files into a ``Scan`` (with
``io/mail_read.py`` or the calendar reader), ``plan`` matches it against the
store, and ``apply`` writes the plan in the command's one transaction, through
the same path as `net log` (``store/interactions.log``), so summaries, rests
and the scheduler see a captured interaction exactly as a typed one.

The rules: one interaction per person and day, started by whoever wrote first
that day; a day that already holds an interaction with that person keeps it (a
typed log wins); a (source, key, person) used once is never used again; people
are matched on any of their addresses, case-insensitively, and nobody is added.
With ``learn``, an unknown address whose display name is the full name of exactly
one person who has no address yet becomes that person's address.

Calendars (``by_name``) also match an event whose summary names someone by full
name or nickname (``core/mentions.py``); an all-day event counts only when it
names someone; and an event is one interaction with everyone matched in it
(``core.capture.together``), not one per person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from quietnet.core import fields
from quietnet.core.capture import Attached, CapturePlan, Found, Learned, Planned, Scan, Stranger, together
from quietnet.core.mentions import name_keys, named_in
from quietnet.core.text import fold, plural
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.io.mail_read import card_emails
from quietnet.store import capture, interactions, journal, people, state

DEFAULT_DAYS = 90  # how far back a first capture looks
MARGIN_DAYS = 7  # a later run looks back this far before the last one: mail synced late still counts
SAID = {"mail": "email"}  # the word an interaction of each source is logged with
TOGETHER = {"calendar"}  # sources whose record (an event) is one interaction with everyone in it
ALL_DAY_UNNAMED = "all-day naming no one"  # the reason an all-day event is left out


def since_default(s: Session | None, *, source: str, today: date) -> date:
    """Where a run starts without --since: a week before the last capture, else 90 days ago."""
    from datetime import timedelta

    last = capture.last(s, source=source) if s is not None else None
    if last is None or last > today:
        return today - timedelta(days=DEFAULT_DAYS)
    return last - timedelta(days=MARGIN_DAYS)


def addresses(s: Session) -> dict[str, set[int]]:
    """Every address stored for someone (the email field, and the vCard's others) -> their ids."""
    found: dict[str, set[int]] = {}
    for person in capture.addressed(s):
        owned = ([person.email.lower()] if person.email else []) + card_emails(person.vcard or "")
        for address in owned:
            found.setdefault(address, set()).add(person.id)
    return found


def plan(
    s: Session, scan: Scan, *, source: str, since: date, learn: bool = False, by_name: bool = False
) -> CapturePlan:
    """What `net capture` would write from ``scan`` (found on or after ``since``); ``by_name``: match
    summaries naming someone too (calendars)."""
    owners = addresses(s)
    index = name_keys(capture.known_names(s)) if by_name else {}
    skipped = dict(scan.skipped)
    kept: list[tuple[Found, set[int]]] = []  # each record and whom its title names
    for found in scan.found:
        named = named_in(found.title, index) if by_name else set()
        if found.all_day and not named:
            skipped[ALL_DAY_UNNAMED] = skipped.get(ALL_DAY_UNNAMED, 0) + 1
        else:
            kept.append((found, named))
    strangers = _strangers([found for found, _ in kept], owners)
    if by_name:  # a new address of someone known by name is not a stranger's: no `net add` for them
        strangers = [x for x in strangers if not x.name or fold(x.name) not in index]
    learned = _learnable(s, strangers) if learn else []
    for learning in learned:
        owners[learning.email] = {learning.person_id}
    strangers = [x for x in strangers if x.email not in {lrn.email for lrn in learned}]
    taken = capture.used(s, source=source, since=since)
    by_day: dict[tuple[int, date], list[Found]] = {}
    used = shared = 0
    for found, named in kept:
        here = set(named)
        for address in found.emails:
            ids = owners.get(address, set())
            if len(ids) > 1:
                shared += 1
                continue
            here |= ids
        for person_id in sorted(here):
            if (found.key, person_id) in taken:
                used += 1
            else:
                by_day.setdefault((person_id, found.day), []).append(found)
    held = capture.days_held(s, {p for p, _ in by_day}, since=since)
    names = {person_id: name for person_id, name, _, _ in capture.named(s)} if by_day else {}
    planned: list[Planned] = []
    attached: list[Attached] = []
    typed = 0
    for (person_id, day), found_that_day in by_day.items():
        ordered = sorted(found_that_day, key=lambda f: (f.moment, f.key))
        keys = tuple(dict.fromkeys(f.key for f in ordered))
        there = held.get((person_id, day))
        if there is None:
            first = ordered[0]
            planned.append(
                Planned(person_id, names[person_id], day, first.kind, not first.mine, first.title, keys,
                        first.moment, first.tentative)
            )  # fmt: skip
        elif there.captured:
            attached += [Attached(k, person_id, day, there.interaction_id) for k in keys]
        else:
            typed += 1
    planned.sort(key=lambda p: (p.name.casefold(), p.person_id, p.day))
    return CapturePlan(
        source, planned, attached, learned, strangers, used, typed, shared, len(kept), skipped, scan.problems
    )  # fmt: skip


def apply(s: Session, made: CapturePlan) -> int:
    """Write the plan in the caller's transaction (snapshot first, for a real write); the count
    of interactions added. One journal entry: `net undo` takes it all back."""
    source = made.source
    for learning in made.learned:
        people.edit(s, learning.person_id, {"email": learning.email})
    groups = together(made.planned) if source in TOGETHER else [[p] for p in made.planned]
    for group in groups:
        first = group[0]
        interaction_id = interactions.log(
            s, person_ids=[p.person_id for p in group], kind=first.kind, day=first.day,
            said=SAID.get(made.source), note=first.title or None, by_them=first.by_them, refresh=False,
        )  # fmt: skip
        for p in group:
            for key in p.keys:
                capture.record(
                    s, source=source, key=key, person_id=p.person_id, day=p.day, into=interaction_id
                )
    for a in made.attached:
        capture.record(s, source=source, key=a.key, person_id=a.person_id, day=a.day, into=a.interaction_id)
    state.refresh(s, [p.person_id for p in made.planned])
    count = len(groups)
    who = len({p.person_id for p in made.planned})
    if count:
        summary = (
            f"Captured {plural(count, 'interaction')} with {plural(who, 'person', 'people')} from {source}"
        )
    elif made.learned:
        summary = f"Learned {plural(len(made.learned), 'address', 'addresses')} from {source}"
    else:
        summary = f"Remembered {len(made.attached)} more from {source} for interactions captured before"
    journal.describe(s, summary)
    return count


def _strangers(found: Iterable[Found], owners: dict[str, set[int]]) -> list[Stranger]:
    counts: dict[str, list[object]] = {}
    for f in sorted(found, key=lambda f: f.moment):
        for address, name in zip(f.emails, f.names, strict=False):
            if address in owners or not _usable(address):
                continue
            seen = counts.setdefault(address, ["", 0, False])
            seen[0] = name or seen[0]
            seen[1] = int(str(seen[1])) + 1
            seen[2] = bool(seen[2]) or f.mine
    listed = [Stranger(a, str(n), int(str(c)), bool(w)) for a, (n, c, w) in counts.items()]
    return sorted(listed, key=lambda x: (-x.messages, x.email))


def _usable(address: str) -> bool:
    """An address `net add --email` would take (a hostile header can hold anything)."""
    try:
        return fields.email(address) == address
    except InputError:
        return False


def _learnable(s: Session, strangers: list[Stranger]) -> list[Learned]:
    """The safe guesses: a display name that is exactly one person's full name (accents and case
    aside), when that person has no address yet and no other unknown address claims them."""
    by_name: dict[str, list[tuple[int, str, str | None]]] = {}
    for person_id, name, email, _ in capture.named(s):
        by_name.setdefault(fold(name), []).append((person_id, name, email))
    guesses: dict[int, list[Learned]] = {}
    for x in strangers:
        matches = by_name.get(fold(x.name), []) if x.name.strip() else []
        if len(matches) == 1 and matches[0][2] is None:
            person_id, name, _ = matches[0]
            guesses.setdefault(person_id, []).append(Learned(person_id, name, x.email))
    return sorted((g[0] for g in guesses.values() if len(g) == 1), key=lambda g: (g.name, g.email))
