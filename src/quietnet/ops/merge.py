"""`net merge`: two records of one person become one, planned again inside the write."""

from __future__ import annotations

from quietnet.engine.sqlite import Session
from quietnet.store import journal
from quietnet.store import merge as merging


def merge(s: Session, keep_id: int, drop_id: int, *, keep: str, drop: str) -> None:
    """Move everything of ``drop_id`` to ``keep_id`` (planned against the store as it is now); remove it."""
    merging.merge(s, merging.plan_merge(s, keep_id, drop_id))
    journal.describe(s, f"Merged {drop} into {keep}", always=True)
