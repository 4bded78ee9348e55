"""The user's own kinds of contact (`net kind add`), written through the journal.

``use`` makes a store's own kinds the kinds in use (``core.kinds``): every command
calls it when it opens the store, so parsing, scheduling and sentences see them.
"""

from __future__ import annotations

from quietnet.core import kinds
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import journal
from quietnet.store.journal import stamp


def own(s: Session) -> list[tuple[kinds.Kind, str | None]]:
    """The store's own kinds by name, each with the kind it was modelled on (None: given weights)."""
    rows = s.all("SELECT name, weight, energy, based_on FROM kind ORDER BY name")
    return [(kinds.own(r[0], weight=float(r[1]), energy=int(r[2])), r[3]) for r in rows]


def use(s: Session) -> None:
    """Make the built-in kinds and this store's own kinds the kinds in use."""
    kinds.use(k for k, _ in own(s))


def add(s: Session, kind: kinds.Kind, *, like: str | None) -> int:
    """Keep a new own kind (checked by ``core.kinds.define``) and put it in use.

    Refused when it is someone's name or nickname (or a whole word of one): the last
    word of `net log ana bob` would then be read as the kind, not as Bob.
    """
    from quietnet.core.names import names_whole
    from quietnet.store.people import name_keys

    if names_whole(name_keys(s, kind.name), kind.name):
        raise InputError(
            f'"{kind.name}" is a name of someone you know, so net log would read it as them; '
            "choose another word for the kind. Nothing was changed."
        )
    values = {
        "name": kind.name, "based_on": like, "weight": kind.weight, "energy": kind.energy,
        "created_at": stamp(s),
    }  # fmt: skip
    kind_id = journal.insert(s, "kind", values)
    use(s)
    return kind_id


def uses(s: Session, name: str) -> int:
    """How many interactions are of the kind ``name``."""
    return int(s.scalar("SELECT count(*) FROM interaction WHERE kind = ?", (name,)))


def remove(s: Session, name: str) -> None:
    journal.delete(s, "kind", "name = ?", (name,))
    use(s)
