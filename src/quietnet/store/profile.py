"""What `net show` adds from issue 7: saved ideas, introductions, events and work."""

from __future__ import annotations

from dataclasses import dataclass

from quietnet.core.intro import Intro
from quietnet.engine.sqlite import Session
from quietnet.store import events, give, intros, work


@dataclass(frozen=True)
class Extras:
    saved: list[give.Saved]
    intros: list[Intro]
    events: list[tuple[events.Event, str, str | None]]
    work: list[work.Work]


def extras(s: Session, person_id: int) -> Extras:
    return Extras(
        saved=give.saved(s, person_id=person_id),
        intros=intros.listing(s, everything=True, person_id=person_id),
        events=events.of_person(s, person_id),
        work=work.listing(s, person_id=person_id),
    )
