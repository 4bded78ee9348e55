"""Bulk imports (match, plan, apply) and the rows exports read.

An import is planned first, without writing: each contact is matched to
someone you have (by vCard UID or quietnet uuid, then by email, then by exact
name, accents and case aside) or planned as someone new. Applying the plan
writes through the journal, so an import can be undone as one change.

What an update changes: contact details follow the file (company, role, city,
email, phone, birthday, nickname, and any column a CSV maps); the name only
when the card's UID matched; notes only when you have none; tags are added,
never removed; the original card and its UID are kept when the card matched
by UID or the person has no card yet.
"""

from __future__ import annotations

import uuid as uuids
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from quietnet.core.details import Contact
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.store import folded, journal, people, state
from quietnet.store.journal import stamp
from quietnet.store.settings import load

MATCHED_FIELDS = ("name", "nickname", "circle", "closeness", "kin", "cadence_days", "met_on", "how_met",
                  "origin", "company", "role", "city", "email", "phone", "birthday", "interests", "notes",
                  "snoozed_until", "card_uid", "vcard")  # fmt: skip


@dataclass(eq=False)  # compared by identity: the same person, not equal values
class Target:
    """Someone a contact may update: a stored person, or one this import adds."""

    id: int | None
    uuid: str
    name: str
    values: dict[str, Any]
    tags: list[str]
    added: bool = False  # added by this import (a later record for them only fills the plan)
    seen_at: str = ""  # the file and line of the first record of this import that matched them


@dataclass
class Step:
    contact: Contact
    action: str  # "add" | "update" | "same" | "combine" | "skip"
    target: Target | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    reason: str = ""


@dataclass
class ImportPlan:
    steps: list[Step]

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action)

    @property
    def writes(self) -> bool:
        return any(_writes(step) for step in self.steps)


def _writes(step: Step) -> bool:
    if step.action in ("add", "update"):
        return True
    target = step.target
    return (
        step.action == "combine"
        and target is not None
        and not target.added
        and bool(step.changes or step.tags)
    )


class _Index:
    def __init__(self) -> None:
        self.by_uid: dict[str, list[Target]] = {}
        self.by_email: dict[str, list[Target]] = {}
        self.by_name: dict[str, list[Target]] = {}
        self.by_nickname: dict[str, list[Target]] = {}
        self.uuids: set[str] = set()

    def add(self, t: Target) -> None:
        self.uuids.add(t.uuid)
        keys = {t.uuid, f"urn:uuid:{t.uuid}", t.values.get("card_uid")} - {None, ""}
        for key in keys:
            _put(self.by_uid, str(key), t)
        if t.values.get("email"):
            _put(self.by_email, str(t.values["email"]).casefold(), t)
        _put(self.by_name, fold(t.name), t)
        if t.values.get("nickname"):
            _put(self.by_nickname, fold(str(t.values["nickname"])), t)

    def nickname_taken(self, nickname: object, target: Target | None) -> str | None:
        """Why a nickname can't be given to ``target``: someone else uses it (None when free)."""
        if not nickname:
            return None
        others = [t for t in self.by_nickname.get(fold(str(nickname)), []) if t is not target]
        if not others:
            return None
        who = ", ".join(f"{t.name} (#{t.id})" if t.id else t.name for t in others[:4])
        return f'the nickname "{nickname}" is already used by {who}; a nickname names one person.'

    def match(self, c: Contact) -> tuple[str, list[Target]]:
        for key in (c.uid, c.uuid):
            if key and key in self.by_uid:
                return "uid", self.by_uid[key]
        for email in c.emails:
            if email.casefold() in self.by_email:
                return "email", self.by_email[email.casefold()]
        return "name", self.by_name.get(fold(c.name), [])


def _put(index: dict[str, list[Target]], key: str, target: Target) -> None:
    found = index.setdefault(key, [])
    if target not in found:
        found.append(target)


def _stored(s: Session) -> _Index:
    index = _Index()
    tags: dict[int, list[str]] = {}
    for pid, tag in s.all("SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id"):
        tags.setdefault(pid, []).append(tag)
    columns = ", ".join(MATCHED_FIELDS)
    for row in s.all(f"SELECT id, uuid, {columns} FROM person ORDER BY id"):
        values = {k: row[k] for k in MATCHED_FIELDS}
        index.add(Target(row["id"], row["uuid"], row["name"], values, tags.get(row["id"], [])))
    return index


def _new_uuid(c: Contact, taken: set[str]) -> str:
    """The contact's own quietnet uuid (or a urn:uuid UID) when free, else a new one."""
    for candidate in (c.uuid, (c.uid or "").removeprefix("urn:uuid:")):
        if not candidate:
            continue
        try:
            text = str(uuids.UUID(candidate))
        except ValueError:
            continue
        if text not in taken:
            return text
    return str(uuids.uuid4())


def plan(s: Session | None, contacts: Iterable[Contact], *, circle: str) -> ImportPlan:
    """What importing these contacts would do; writes nothing.

    A record that matches someone an earlier record of the same import already
    matched or added (a duplicate in the file) only fills the fields still
    empty, so importing the file again changes nothing. Without a session
    (a dry run before the store exists) the store counts as empty.
    """
    index = _stored(s) if s is not None else _Index()
    claimed: set[Target] = set()
    steps: list[Step] = []
    for c in contacts:
        how, found = index.match(c)
        if len(found) > 1:
            names = ", ".join(f"{t.name} (#{t.id})" if t.id else t.name for t in found[:4])
            reason = f"matches several people ({names}); merge them first with net merge, or edit one."
            steps.append(Step(c, "skip", reason=reason))
            continue
        if (taken := index.nickname_taken(c.fields.get("nickname"), found[0] if found else None)) is not None:
            steps.append(Step(c, "skip", reason=taken))
            continue
        if not found:
            values: dict[str, Any] = {"circle": circle, **c.fields, "card_uid": c.uid, "vcard": c.card}
            uuid = _new_uuid(c, index.uuids)
            target = Target(None, uuid, c.name, values, list(c.tags), added=True)
            target.seen_at = f"{c.source}, line {c.line}"
            index.add(target)
            claimed.add(target)
            steps.append(Step(c, "add", target))
            continue
        target = found[0]
        changes = _changes(c, target, by_uid=how == "uid")
        tags = [t for t in c.tags if t not in target.tags]
        if target in claimed:
            changes = {k: v for k, v in changes.items() if target.values.get(k) in (None, "") and k != "name"}
            steps.append(Step(c, "combine", target, changes, tags))
        else:
            steps.append(Step(c, "update" if changes or tags else "same", target, changes, tags))
            target.name = changes.get("name", target.name)
        target.values.update(changes)
        target.tags += tags
        if target not in claimed:
            claimed.add(target)
            target.seen_at = f"{c.source}, line {c.line}"
        index.add(target)
    return ImportPlan(steps)


def _changes(c: Contact, t: Target, *, by_uid: bool) -> dict[str, Any]:
    changes = {}
    for key, value in c.fields.items():
        if key == "notes" and t.values.get("notes"):
            continue  # your notes stay yours
        if t.values.get(key) != value:
            changes[key] = value
    if by_uid and c.name != t.name:
        changes["name"] = c.name
    if c.card is not None and (by_uid or not t.values.get("card_uid")):
        for key, value in (("vcard", c.card), ("card_uid", c.uid or t.values.get("card_uid"))):
            if t.values.get(key) != value:
                changes[key] = value
    return changes


def apply(s: Session, planned: ImportPlan, *, tick: Callable[[], None] = lambda: None) -> list[int]:
    """Write a plan (made in the same transaction); returns the ids of the people it touched."""
    now = stamp(s)
    touched: list[int] = []
    for step in planned.steps:
        target = step.target
        if step.action == "add" and target is not None:
            values = {**target.values, "uuid": target.uuid, "name": target.name}
            values.setdefault("kin", False)
            values |= {"created_at": now, "updated_at": now}
            values["search_key"] = people.search_key(target.name, values.get("nickname"))
            target.id = journal.insert(s, "person", values)
            people.change_tags(s, target.id, add=target.tags)
            touched.append(target.id)
        elif _writes(step) and target is not None and target.id is not None:
            changes = dict(step.changes)
            if "name" in changes or "nickname" in changes:
                changes["search_key"] = people.search_key(target.name, target.values.get("nickname"))
            if changes:
                journal.update(s, "person", (target.id,), {**changes, "updated_at": now})
            people.change_tags(s, target.id, add=step.tags)
            touched.append(target.id)
        tick()
    state.refresh(s, touched, load(s))
    return touched


# -- what exports read ---------------------------------------------------------------------


def person_rows(s: Session) -> list[dict[str, Any]]:
    """Every person with their tags and last contact, in id order."""
    tags: dict[int, list[str]] = {}
    for pid, tag in s.all("SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id"):
        tags.setdefault(pid, []).append(tag)
    rows = s.all(
        "SELECT p.*, st.last_touch AS last_contact FROM person p"
        " LEFT JOIN person_state st ON st.person_id = p.id ORDER BY p.id"
    )
    found = []
    for row in rows:
        data = dict(row)
        for derived in folded.DERIVED:
            data.pop(derived, None)
        data["tags"] = sorted(tags.get(row["id"], []))
        found.append(data)
    return found


def uuids_by_id(s: Session) -> dict[int, str]:
    return {r[0]: r[1] for r in s.all("SELECT id, uuid FROM person")}
