"""The generator's interactions: planned per person along their rhythm, then streamed as rows in date
order, with the ``help`` and ``interaction_person`` rows they leave behind.
"""

from __future__ import annotations

import random
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from gen_people import Person
from gen_words import (
    BY_THEM_SHARE,
    GROUP_SHARE,
    HELP_SHARE,
    HELP_WHAT,
    HELP_WORD,
    KIND_MIX,
    NOTE_SHARE,
    NOTE_TAILS,
    NOTES,
    SAID,
    WORD_INDEX,
    WORDS,
)

from quietnet.core.kinds import HELP_KINDS
from quietnet.core.schedule import Touch


def _word_tables() -> dict[str, list[int]]:
    """Per circle, 1,000 slots of word indexes in proportion: a draw is one random index."""
    tables: dict[str, list[int]] = {}
    for circle, mix in KIND_MIX.items():
        slots: list[int] = []
        for kind, percent in mix.items():
            saids = SAID[kind]
            for n in range(percent * 10):
                slots.append(WORD_INDEX[(kind, saids[n % len(saids)])])
        assert len(slots) == 1000, circle
        tables[circle] = slots
    return tables


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights``: floors, then the largest remainders."""
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    counts = [int(q) for q in quotas]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - quotas[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


# -- interactions ------------------------------------------------------------------------


@dataclass
class Planned:
    """The interactions as parallel arrays, indexed by generation order (``seq``)."""

    keys: list[int] = field(default_factory=list)  # day ordinal << 32 | seq: sorting gives date order
    person: array[int] = field(default_factory=lambda: array("i"))
    word: array[int] = field(default_factory=lambda: array("b"))  # an index in WORDS
    note: array[int] = field(default_factory=lambda: array("i"))  # -1: none; else in NOTES or HELP_WHAT
    by_them: bytearray = field(default_factory=bytearray)
    others: dict[int, tuple[int, ...]] = field(default_factory=dict)  # seq -> other people there


def plan_interactions(rng: random.Random, people: list[Person], total: int) -> Planned:
    """Each person's interactions, spaced along their rhythm with jitter."""
    tables = _word_tables()
    counts = allocate(total, [p.weight for p in people])
    planned = Planned()
    keys, person_of, word_of, note_of = planned.keys, planned.person, planned.word, planned.note
    by_them = planned.by_them
    n = len(people)
    random_ = rng.random
    gauss = rng.gauss
    tails, help_count = len(NOTE_TAILS), len(HELP_WHAT)
    bases = len(NOTES) // tails
    seq = 0
    for p, count in zip(people, counts, strict=True):
        if count == 0:
            continue
        table = tables[p.circle]
        slots = len(table)
        helps = p.circle in ("core", "close", "friends")
        first, last = p.start.toordinal(), p.end.toordinal()
        gap = (last - first) / count
        for i in range(count):
            day = int(first + gap * (i + 0.5 + gauss(0.0, 0.3)))
            day = first if day < first else last if day > last else day
            keys.append(day << 32 | seq)
            person_of.append(p.id)
            if helps and random_() < HELP_SHARE:
                word_of.append(HELP_WORD)
                note_of.append(int(random_() * help_count))
                by_them.append(0)
            else:
                word_of.append(table[int(random_() * slots)])
                if random_() < NOTE_SHARE:  # half the notes without a tail
                    tail = 0 if random_() < 0.5 else 1 + int(random_() * (tails - 1))
                    note_of.append(int(random_() * bases) * tails + tail)
                else:
                    note_of.append(-1)
                by_them.append(random_() < BY_THEM_SHARE)
                if random_() < GROUP_SHARE:
                    size = 1 if random_() < 0.7 else 2
                    near = {min(n, max(1, p.id + rng.randint(-30, 30))) for _ in range(size)} - {p.id}
                    if near:
                        planned.others[seq] = tuple(sorted(near))
            seq += 1
    keys.sort()
    return planned


@dataclass
class Rows:
    """What the streamed interaction rows leave behind for the other tables."""

    helps: list[tuple[object, ...]] = field(default_factory=list)
    ids_of: list[array[int]] = field(default_factory=list)  # per person (id - 1): their interactions


SEQ_MASK = (1 << 32) - 1
# When an interaction was logged: an evening time picked by its generation order.
LOGGED_AT: tuple[str, ...] = tuple(f" {18 + n % 5}:{n % 60:02d}:{n // 60:02d}+00:00" for n in range(3600))


def interaction_rows(
    planned: Planned, people: list[Person], rows: Rows, rng: random.Random, today: date
) -> Iterator[tuple[object, ...]]:
    """``interaction`` rows in date order (ids follow dates, as when logged day by day).

    On the way each person's touches, latest ``said``, helps and interaction ids are
    collected, and the ``help`` rows are built.
    """
    touch_cache: dict[int, Touch] = {}
    iso_cache: dict[int, str] = {}
    words, persons, notes, by_them, others = (
        planned.word, planned.person, planned.note, planned.by_them, planned.others
    )  # fmt: skip
    rows.ids_of = ids_of = [array("i") for _ in people]
    help_kinds = len(HELP_KINDS)
    last_day = today.toordinal()
    for interaction_id, key in enumerate(planned.keys, start=1):
        seq = key & SEQ_MASK
        day = key >> 32
        iso = iso_cache.get(day)
        if iso is None:
            iso = iso_cache[day] = date.fromordinal(day).isoformat()
        word = words[seq]
        kind, said = WORDS[word]
        touch = touch_cache.get(day << 6 | word)
        if touch is None:
            touch = touch_cache[day << 6 | word] = Touch(date.fromordinal(day), kind)
        pid = persons[seq]
        created_at = iso + LOGGED_AT[seq % 3600]
        person = people[pid - 1]
        note: str | None
        if word == HELP_WORD:
            note = HELP_WHAT[notes[seq]]
            help_id = len(rows.helps) + 1
            outcome = rng.random() < 0.3
            rows.helps.append(
                (
                    help_id,
                    iso,
                    pid,
                    HELP_KINDS[seq % help_kinds],
                    note,
                    "it worked out" if outcome else None,
                    date.fromordinal(min(day + 30, last_day)).isoformat() if outcome else None,
                    interaction_id,
                    created_at,
                )
            )
            person.helps.append((help_id, touch.on))
        else:
            note = None if notes[seq] < 0 else NOTES[notes[seq]]
        person.touches.append(touch)
        person.last_said = said
        ids_of[pid - 1].append(interaction_id)
        if seq in others:
            for other in others[seq]:
                person = people[other - 1]
                person.touches.append(touch)
                person.last_said = said
                ids_of[other - 1].append(interaction_id)
        yield (interaction_id, iso, kind, said, note, by_them[seq], created_at)


def link_rows(rows: Rows) -> Iterator[tuple[int, int]]:
    """``interaction_person`` rows, in primary key order (person, interaction)."""
    for index, ids in enumerate(rows.ids_of):
        person_id = index + 1
        for interaction_id in ids:
            yield person_id, interaction_id
