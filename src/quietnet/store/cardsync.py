"""The sync state of address-book folders (`net sync vdir`): one ``card_sync`` row per card.

Each row says which person a card of a folder belongs to (none once they were
forgotten), the card's file name and UID, a hash per field `net` owns as last
synced and a hash of the file as last read or written. Every write goes through
the journal, so `net undo` takes a sync's store side back whole.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store.journal import stamp


@dataclass(frozen=True)
class CardState:
    """One card of a folder as last synced."""

    id: int
    person_id: int | None  # None: the person was forgotten
    href: str
    uid: str
    fields: dict[str, str] | None  # field -> hash of its value as last synced; None once forgotten
    card_hash: str


def rows(s: Session, *, vdir: str) -> list[CardState]:
    """Every card of one folder as last synced, in file-name order."""
    return [
        CardState(
            r["id"],
            r["person_id"],
            r["href"],
            r["uid"],
            json.loads(r["fields"]) if r["fields"] else None,
            r["card_hash"],
        )
        for r in s.all("SELECT * FROM card_sync WHERE vdir = ? ORDER BY href", (vdir,))
    ]


def synced_before(s: Session, *, vdir: str) -> bool:
    """Whether this folder was synced with this store before (the first run asks)."""
    return s.one("SELECT 1 FROM card_sync WHERE vdir = ? LIMIT 1", (vdir,)) is not None


def record(
    s: Session,
    *,
    vdir: str,
    href: str,
    uid: str,
    person_id: int,
    fields: dict[str, str],
    card_hash: str,
    row_id: int | None = None,
) -> None:
    """Remember a card as synced now (a new row, or the row ``row_id`` updated)."""
    values: dict[str, Any] = {
        "person_id": person_id,
        "vdir": vdir,
        "href": href,
        "uid": uid,
        "fields": json.dumps(fields, sort_keys=True),
        "card_hash": card_hash,
    }
    if row_id is None:
        journal.insert(s, "card_sync", {**values, "synced_at": stamp(s)})
    elif journal.update(s, "card_sync", (row_id,), values):
        journal.update(s, "card_sync", (row_id,), {"synced_at": stamp(s)})


def drop(s: Session, row_id: int) -> None:
    """Forget a card's row (its file was removed, or its person archived when it went)."""
    journal.delete(s, "card_sync", "id = ?", (row_id,))


def unlinked(s: Session, *, vdir: str) -> list[dict[str, Any]]:
    """People not archived who have no card in this folder, in id order."""
    return [
        dict(r)
        for r in s.all(
            "SELECT * FROM person WHERE archived_at IS NULL AND id NOT IN"
            " (SELECT person_id FROM card_sync WHERE vdir = ? AND person_id IS NOT NULL) ORDER BY id",
            (vdir,),
        )
    ]


def person_rows(s: Session, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The person rows of these ids (the forgotten ones simply absent)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {r["id"]: dict(r) for r in s.all(f"SELECT * FROM person WHERE id IN ({marks})", ids)}


def sealed(uid: str, salt: str | None = None) -> str:
    """A forgotten person's card UID as the sync state keeps it: salted and hashed (``salt$hash``)."""
    salt = salt if salt is not None else secrets.token_hex(8)
    digest = hashlib.sha256(f"{salt}\x00{uid}".encode()).hexdigest()
    return f"{salt}${digest}"


def is_sealed(kept: str, uid: str) -> bool:
    """Whether a card with this UID is the forgotten card ``kept`` (from ``sealed``) stands for."""
    salt, _, digest = kept.partition("$")
    return bool(digest) and sealed(uid, salt) == kept


def seal(s: Session, person_id: int) -> None:
    """A person is forgotten: their cards' rows keep only a salted hash of the UID (never the file
    name, the card's hash or the fields), enough to know the card and never bring it in again."""
    for row_id, uid in s.all("SELECT id, uid FROM card_sync WHERE person_id = ?", (person_id,)):
        s.execute(
            "UPDATE card_sync SET fields = NULL, card_hash = '', href = ?, uid = ? WHERE id = ?",
            (f"forgotten:{row_id}", sealed(uid), row_id),
        )
