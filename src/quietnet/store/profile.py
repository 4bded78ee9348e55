"""What `net show` adds: saved ideas, introductions, events, work, relationships, yearly dates."""

from __future__ import annotations

from quietnet.core.profile import Extras
from quietnet.engine.sqlite import Session
from quietnet.store import events, intros, relationships, saved, work, yearly


def extras(s: Session, person_id: int) -> Extras:
    return Extras(
        saved=saved.saved(s, person_id=person_id),
        intros=intros.listing(s, everything=True, person_id=person_id),
        events=events.of_person(s, person_id),
        work=work.listing(s, person_id=person_id),
        related=relationships.of_person(s, person_id),
        dates=yearly.listing(s, person_id=person_id),
    )
