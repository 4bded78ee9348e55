"""Merging two records of one person (``net merge``): nothing about either is lost.

The second person's interactions, ways you helped, loops and tags move to the
first; details the first lacks are taken from the second; then the second is
removed. Everything goes through the journal, so a merge is one change.

How the details combine: each empty field of the first takes the second's
value; both notes are kept (the second's after a blank line); the met date is
the earlier one; the circle is the closer one, closeness the higher, kin if
either is; the first stays archived only if both were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quietnet.core.records import CIRCLES
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.store import capture, journal, people, relationships, state
from quietnet.store.journal import stamp

FILLED = ("nickname", "cadence_days", "how_met", "origin", "company", "role", "city", "email", "phone",
          "birthday", "interests", "snoozed_until", "card_uid", "vcard")  # fmt: skip


@dataclass(frozen=True)
class MergePlan:
    keep: dict[str, Any]
    drop: dict[str, Any]
    interactions: int  # the second's interactions
    shared: int  # of those, ones the first took part in too
    helps: int
    loops: int
    tags: list[str]  # the second's tags the first lacks
    fields: dict[str, Any] = field(default_factory=dict)  # what the first takes
    others: dict[str, int] = field(default_factory=dict)  # rows of other features' tables that move


HANDLED = ("person", "tag", "person_tag", "interaction", "interaction_person", "help", "loop", "setting")


def _links(s: Session) -> list[tuple[str, str]]:
    """(table, column) of every other journalled table's reference to a person."""
    found = []
    for table in journal.KEYS:
        if table in HANDLED or table not in s.tables():
            continue
        found += [(table, column) for column, target in s.foreign_keys(table) if target == "person"]
    return found


def _row(s: Session, person_id: int) -> dict[str, Any]:
    row = s.one("SELECT * FROM person WHERE id = ?", (person_id,))
    assert row is not None
    return dict(row)


def combined(keep: dict[str, Any], drop: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``keep`` that change when ``drop`` is merged into it."""
    fields: dict[str, Any] = {}
    for key in FILLED:
        if keep[key] in (None, "") and drop[key] not in (None, ""):
            fields[key] = drop[key]
    if drop["notes"] and drop["notes"] != keep["notes"]:
        fields["notes"] = f"{keep['notes']}\n\n{drop['notes']}" if keep["notes"] else drop["notes"]
    if drop["met_on"] and (not keep["met_on"] or drop["met_on"] < keep["met_on"]):
        fields["met_on"] = drop["met_on"]
    if CIRCLES.index(drop["circle"]) < CIRCLES.index(keep["circle"]):
        fields["circle"] = drop["circle"]
    if drop["closeness"] is not None and (keep["closeness"] or 0) < drop["closeness"]:
        fields["closeness"] = drop["closeness"]
    if drop["kin"] and not keep["kin"]:
        fields["kin"] = True
    if keep["archived_at"] and not drop["archived_at"]:
        fields["archived_at"] = None
    return fields


def plan_merge(s: Session, keep_id: int, drop_id: int) -> MergePlan:
    if keep_id == drop_id:
        raise InputError("Those name the same person; give two different people to merge.")
    keep, drop = _row(s, keep_id), _row(s, drop_id)
    mine = {
        r[0] for r in s.all("SELECT interaction_id FROM interaction_person WHERE person_id = ?", (keep_id,))
    }
    theirs = {
        r[0] for r in s.all("SELECT interaction_id FROM interaction_person WHERE person_id = ?", (drop_id,))
    }
    keep_tags = set(people.tags_of(s, keep_id))
    return MergePlan(
        keep=keep,
        drop=drop,
        interactions=len(theirs),
        shared=len(theirs & mine),
        helps=int(s.scalar("SELECT count(*) FROM help WHERE person_id = ?", (drop_id,))),
        loops=int(s.scalar("SELECT count(*) FROM loop WHERE person_id = ?", (drop_id,))),
        tags=sorted(t for t in people.tags_of(s, drop_id) if t not in keep_tags),
        fields=combined(keep, drop),
        others={
            table: n
            for table, column in _links(s)
            if (n := int(s.scalar(f"SELECT count(*) FROM {table} WHERE {column} = ?", (drop_id,))))
        },
    )


def _move_links(s: Session, drop_id: int, keep_id: int) -> None:
    """Point other features' rows (events, introductions, work...) at the person kept."""
    for table, column in _links(s):
        key = journal.KEYS[table]
        where = " AND ".join(f"{c} = ?" for c in key)
        for row in [dict(r) for r in s.all(f"SELECT * FROM {table} WHERE {column} = ?", (drop_id,))]:
            if column not in key:
                journal.update(s, table, [row[c] for c in key], {column: keep_id})
                continue
            journal.delete(s, table, where, [row[c] for c in key])  # the key itself changes
            moved = row | {column: keep_id}
            if s.one(f"SELECT 1 FROM {table} WHERE {where}", [moved[c] for c in key]) is None:
                journal.insert(s, table, moved)


def merge(s: Session, plan: MergePlan) -> None:
    """Move everything of ``plan.drop`` to ``plan.keep``, then remove ``plan.drop``."""
    keep_id, drop_id = plan.keep["id"], plan.drop["id"]
    mine = {
        r[0] for r in s.all("SELECT interaction_id FROM interaction_person WHERE person_id = ?", (keep_id,))
    }
    for (interaction_id,) in s.all(
        "SELECT interaction_id FROM interaction_person WHERE person_id = ? ORDER BY interaction_id",
        (drop_id,),
    ):
        journal.delete(
            s, "interaction_person", "person_id = ? AND interaction_id = ?", (drop_id, interaction_id)
        )
        if interaction_id not in mine:
            journal.insert(s, "interaction_person", {"person_id": keep_id, "interaction_id": interaction_id})
    for table in ("help", "loop"):
        for (row_id,) in s.all(f"SELECT id FROM {table} WHERE person_id = ? ORDER BY id", (drop_id,)):
            journal.update(s, table, (row_id,), {"person_id": keep_id})
    relationships.before_merge(s, keep_id, drop_id)
    capture.before_merge(s, keep_id, drop_id)
    _move_links(s, drop_id, keep_id)
    people.change_tags(s, keep_id, add=plan.tags)
    journal.delete(s, "person_tag", "person_id = ?", (drop_id,))
    journal.delete(s, "person", "id = ?", (drop_id,))
    if plan.fields:
        fields = dict(plan.fields)
        if "nickname" in fields:
            fields["search_key"] = people.search_key(plan.keep["name"], fields["nickname"])
        journal.update(s, "person", (keep_id,), {**fields, "updated_at": stamp(s)})
    state.refresh(s, [keep_id])
