"""`net sync vdir DIR`: an address-book folder and the store kept in step, both ways.

Per card and per field `net` owns (``io/vdir.OWNED``), the value as last synced is
known by its hash (``store/cardsync.py``). A field changed only in the folder
comes in; changed only in the store goes out to the card; changed on both sides
to different values is a conflict: left as it is on both sides unless a side is
preferred (``prefer``, or ``choices`` picked on a terminal). A card new to the
store is matched by UID, then email, then exact name (``store/transfer.py``), or
brings someone new. Deletions never travel silently: a card gone is reported
(the person archived with ``archive_missing``); a forgotten person's card is
removed with ``delete``; people without a card get one with ``export_new``.

The store side is one transaction (journalled: `net undo` takes it back); the
card files are written inside it, last, so a failure writing one leaves the store
as it was and the cards already written equal to it.
"""

from __future__ import annotations

import uuid as uuids
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quietnet.core.details import Contact
from quietnet.core.text import plural
from quietnet.engine.sqlite import Session
from quietnet.errors import InputError
from quietnet.io import vdir
from quietnet.ops.importing import Where
from quietnet.ops.vdirfolder import Folder, FolderCard, file_name, remove_card, unchanged, write_card
from quietnet.ops.vdirplan import CHANGED, Choices, Conflict, Options, VdirPlan
from quietnet.store import cardsync, journal, people, transfer
from quietnet.store.cardsync import CardState
from quietnet.store.transfer import ImportPlan

_FAR = date(2200, 12, 31)  # cards carry no relative dates: any today will do


def sync(
    s: Session | None, folder: Folder, *, vdir_key: str, options: Options, choices: Choices, apply: bool
) -> VdirPlan:
    """Plan the sync (and with ``apply`` do it, in ``s``'s write transaction); ``s`` None: no store yet."""
    run = _Run(s, folder, vdir_key, options, choices, apply and s is not None)
    run.go()
    return run.plan


@dataclass
class _Run:
    s: Session | None
    folder: Folder
    vdir_key: str
    options: Options
    choices: Choices
    apply: bool
    plan: VdirPlan = field(default_factory=VdirPlan)
    writes: dict[str, str] = field(default_factory=dict)  # href -> text, written last
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # href -> the row to record
    claimed: set[int] = field(default_factory=set)  # people with a card in the folder after this run
    removals: list[str] = field(default_factory=list)  # cards removed last, with the writes
    shared: set[int] = field(default_factory=set)  # people linked to more than one card of the folder

    def go(self) -> None:
        s, plan = self.s, self.plan
        rows = cardsync.rows(s, vdir=self.vdir_key) if s is not None else []
        plan.first = not rows
        by_href = {r.href: r for r in rows}
        by_uid = {r.uid: r for r in rows}
        sealed = [r for r in rows if r.person_id is None and "$" in r.uid]
        persons = cardsync.person_rows(s, [r.person_id for r in rows if r.person_id]) if s is not None else {}
        self.claimed = {r.person_id for r in rows if r.person_id is not None}
        linked = Counter(r.person_id for r in rows if r.person_id is not None and r.href in self.folder.hrefs)
        self.shared = {person_id for person_id, n in linked.items() if n > 1}
        present = self.folder.hrefs
        used: set[int] = set()
        fresh: list[FolderCard] = []
        for card in self.folder.cards:
            row = by_href.get(card.href)
            if row is None and (other := by_uid.get(card.uid)) is not None and other.href not in present:
                row = other  # the file was renamed
            if row is None:  # the card of someone forgotten: known by a salted hash of its UID only
                row = next((r for r in sealed if cardsync.is_sealed(r.uid, card.uid)), None)
            if row is None:
                fresh.append(card)
                continue
            used.add(row.id)
            if row.person_id is None:
                self._forgotten(row, card)
            else:
                self._merge(card, row, persons[row.person_id], None)
        self._fresh(fresh)
        for row in rows:
            if row.id in used or row.href in present:
                continue
            if row.person_id is None:  # a forgotten person's card, gone from the folder too
                plan.state_writes += 1
                if self.apply and s is not None:
                    cardsync.drop(s, row.id)
            elif self.options.archive_missing:
                plan.archived.append((row.href, persons[row.person_id]["name"]))
                if self.apply and s is not None:
                    people.set_archived(s, row.person_id, True)
                    cardsync.drop(s, row.id)
            else:
                plan.gone.append((row.href, persons[row.person_id]["name"]))
        if s is not None:
            self._without(s)
        if self.apply and s is not None:
            read = {c.href: c for c in self.folder.cards}
            for href, text in self.writes.items():
                if href in read and not unchanged(self.folder.path, read[href]):  # in the last instant
                    raise InputError(
                        f"{file_name(href)} changed while we were writing; the store was left as it was. "
                        "Run net sync vdir again."
                    )
                self.records[href]["card_hash"] = write_card(self.folder.path, href, text)
            for href, values in self.records.items():
                cardsync.record(s, vdir=self.vdir_key, href=href, **values)
            for href in self.removals:  # the folder last: a failure before leaves it as it was
                remove_card(self.folder.path, href)

    def _forgotten(self, row: CardState, card: FolderCard) -> None:
        href = card.href
        if not self.options.delete:
            self.plan.forgotten.append(href)
            return
        if self.apply and not unchanged(self.folder.path, card):
            self.plan.skipped.append((href, CHANGED))
            return
        self.plan.removed.append(href)
        if self.apply and self.s is not None:
            cardsync.drop(self.s, row.id)
            self.removals.append(href)

    def _merge(
        self,
        card: FolderCard,
        row: CardState | None,
        person: dict[str, Any],
        base_values: dict[str, Any] | None,
    ) -> None:
        """One card and its person, field by field: what comes in, what goes out, what conflicts."""
        plan, uid = self.plan, card.uid
        if row is not None and row.fields is not None:
            base: dict[str, str] = dict(row.fields)
        else:
            base = vdir.hashes(uid, base_values) if base_values is not None else {}
        if person["id"] in self.shared:  # two cards, one person (net merge): nothing goes without a pick
            base = {}
        mine, theirs = vdir.of_person(person), vdir.owned(card.contact)
        incoming: dict[str, Any] = {}
        outgoing: dict[str, Any] = {}
        final: dict[str, str] = {}
        for key in vdir.OWNED:
            here, there = mine[key], theirs[key]
            was = base.get(key)
            if vdir.same(key, here, there):
                final[key] = vdir.hashed(uid, key, here)
                continue
            if was is not None and vdir.hashed(uid, key, here) == was:
                side = "folder"
            elif was is not None and vdir.hashed(uid, key, there) == was:
                side = "store"
            else:
                side = self.choices.get((card.href, key)) or self.options.prefer or ""
            if side == "folder" and key == "name" and not there:
                side = "store"
            nick = key == "nickname" and side == "folder" and there and self.s is not None
            if nick and (taken := people.with_nickname(self.s, there, besides=person["id"])):  # type: ignore[arg-type]
                plan.skipped.append((card.href, f'its nickname "{there}" is already {taken[0].name}\'s'))
                side = "left"
            if side == "folder":
                incoming[key] = there
                final[key] = vdir.hashed(uid, key, there)
            elif side == "store":
                outgoing[key] = here
                final[key] = vdir.hashed(uid, key, here)
            else:
                if side == "":
                    plan.conflicts.append(Conflict(card.href, person["name"], key, here, there))
                if was is not None:
                    final[key] = was
        text = card.text
        if outgoing:
            outgoing, text = self._sendable(card, outgoing, incoming, final, base)
        new_state = (
            row is None or row.fields != final or row.href != card.href or row.card_hash != card.digest
        )
        if not (new_state or outgoing):
            return
        if self.apply and not unchanged(self.folder.path, card):  # edited while we were asking
            plan.skipped.append((card.href, CHANGED))
            plan.conflicts = [c for c in plan.conflicts if c.href != card.href]
            return
        if incoming:
            plan.incoming.append((card.href, person["name"], incoming))
        if outgoing:
            plan.outgoing.append((card.href, person["name"], outgoing))
        plan.state_writes += 1
        self.claimed.add(person["id"])
        if not self.apply or self.s is None:
            return
        if incoming:
            people.edit(self.s, person["id"], incoming)
        if outgoing:
            self.writes[card.href] = text
        row_id = row.id if row is not None else None
        self.records[card.href] = {
            "uid": uid,
            "person_id": person["id"],
            "fields": final,
            "card_hash": card.digest,
            "row_id": row_id,
        }

    def _sendable(
        self,
        card: FolderCard,
        outgoing: dict[str, Any],
        incoming: dict[str, Any],
        final: dict[str, str],
        base: dict[str, str],
    ) -> tuple[dict[str, Any], str]:
        """The outgoing fields that read back as sent (each tried alone, then together), and the card.

        A field that would not read back is left out and named; a field cleared here that the
        card holds more of (a second EMAIL, NICKNAME) loses its first value, and the next one,
        which an import now reads, comes in.
        """
        sent: dict[str, Any] = {}
        for key, value in outgoing.items():
            got = _read_back(vdir.rewrite(card.text, {key: value}), card.href, key)
            if got is not _UNREAD and vdir.same(key, got, value):
                sent[key] = value
            elif value is None and got is not _UNREAD:
                sent[key] = None
                incoming[key] = got
                final[key] = vdir.hashed(card.uid, key, got)
                what = vdir.PROPERTIES[key]
                self.plan.told.append(
                    (
                        card.href,
                        f'its next {what} "{got}" is the one net keeps now; remove it there to have none',
                    )
                )
            else:
                self.plan.skipped.append(
                    (
                        card.href,
                        f"its {vdir.PROPERTIES[key]} would not read back as sent; change it in the card",
                    )
                )
                _restore(final, base, key)
        if not sent:
            return {}, card.text
        text = vdir.rewrite(card.text, sent, rev=self.options.rev)
        back = vdir.read_one(text, card.href, today=_FAR)
        wanted = {k: incoming[k] if v is None and k in incoming else v for k, v in sent.items()}
        if not isinstance(back, Contact) or any(
            not vdir.same(k, vdir.owned(back)[k], v) for k, v in wanted.items()
        ):  # the fields read back one by one, not together: none of them goes out
            self.plan.skipped.append((card.href, "its new details would not read back the same"))
            for key in sent:
                incoming.pop(key, None)
                _restore(final, base, key)
            return {}, card.text
        return sent, text

    def _fresh(self, fresh: list[FolderCard]) -> None:
        """Cards the store has no state for: matched (UID, email, exact name) or someone new."""
        if not fresh:
            return
        s, plan = self.s, self.plan
        if self.apply:  # a card edited or removed while we were asking is left for the next run
            plan.skipped += [(c.href, CHANGED) for c in fresh if not unchanged(self.folder.path, c)]
            fresh = [c for c in fresh if (c.href, CHANGED) not in plan.skipped]
            if not fresh:
                return
        planned = transfer.plan(s, [c.contact for c in fresh], circle=self.options.circle)
        adds = []
        for card, step in zip(fresh, planned.steps, strict=True):
            target = step.target
            if step.action == "skip" or target is None:
                plan.skipped.append((card.href, step.reason))
            elif step.action == "add":
                plan.added.append((card.href, card.contact.name))
                plan.state_writes += 1
                adds.append((card, step))
            elif target.added or target.id is None or target.id in self.claimed:
                plan.skipped.append((card.href, f"it is {target.name} again, who already has a card here"))
            else:
                assert s is not None
                person = _person(s, target.id)
                self.claimed.add(target.id)
                plan.linked.append((card.href, person["name"]))
                self._merge(card, None, person, _base_of(person, card))
        if self.apply and s is not None and adds:
            transfer.apply(s, ImportPlan([step for _, step in adds]))
            for card, step in adds:
                assert step.target is not None
                assert step.target.id is not None
                self.claimed.add(step.target.id)
                fields = vdir.hashes(card.uid, vdir.owned(card.contact))
                self.records[card.href] = {
                    "uid": card.uid,
                    "person_id": step.target.id,
                    "fields": fields,
                    "card_hash": card.digest,
                    "row_id": None,
                }

    def _without(self, s: Session) -> None:
        """People with no card in the folder: named, and given one with ``export_new``."""
        taken = self.folder.hrefs
        for person in cardsync.unlinked(s, vdir=self.vdir_key):
            if person["id"] in self.claimed:
                continue
            if not self.options.export_new or any(why == CHANGED for _, why in self.plan.skipped):
                # a card edited while we were asking may be theirs: no new card for anyone this run
                self.plan.without.append(person["name"])
                continue
            uid = str(uuids.uuid4())
            while f"{uid}.vcf" in taken:  # pragma: no cover - a random UUID already taken
                uid = str(uuids.uuid4())
            href = f"{uid}.vcf"
            taken.add(href)
            self.plan.exported.append((href, person["name"]))
            if self.apply:
                self.writes[href] = vdir.new_card(uid, vdir.of_person(person), rev=self.options.rev)
                fields = vdir.hashes(uid, vdir.of_person(person))
                self.records[href] = {
                    "uid": uid,
                    "person_id": person["id"],
                    "fields": fields,
                    "card_hash": "",
                    "row_id": None,
                }


_UNREAD = object()  # a card that would not read back at all


def _read_back(text: str, href: str, key: str) -> Any:
    back = vdir.read_one(text, href, today=_FAR)
    return vdir.owned(back)[key] if isinstance(back, Contact) else _UNREAD


def _restore(final: dict[str, str], base: Mapping[str, str], key: str) -> None:
    """The field's state as last synced (it did not go out)."""
    if key in base:
        final[key] = base[key]
    else:
        final.pop(key, None)


def _person(s: Session, person_id: int) -> dict[str, Any]:
    row = s.one("SELECT * FROM person WHERE id = ?", (person_id,))
    assert row is not None
    return dict(row)


def _base_of(person: Mapping[str, Any], card: FolderCard) -> dict[str, Any] | None:
    """The values of the card a person was imported from, when it is this card (a base to compare)."""
    stored, uid = person.get("vcard"), person.get("card_uid")
    if not stored or not uid or uid.strip() != card.uid:
        return None
    try:
        was = vdir.read_one(stored, card.href, today=_FAR)
    except Exception:  # an old card that no longer reads: no base, so differences are conflicts
        return None
    return vdir.owned(was) if isinstance(was, Contact) else None


def summary(plan: VdirPlan, shown: str) -> str:
    """The change's one line for `net undo --list`."""
    done = [
        f"{len(plan.incoming)} in" if plan.incoming else "",
        f"{len(plan.outgoing)} out" if plan.outgoing else "",
        f"{len(plan.added)} added" if plan.added else "",
        plural(len(plan.exported), "new card") if plan.exported else "",
        f"{len(plan.linked)} matched" if plan.linked else "",
        f"{len(plan.archived)} archived" if plan.archived else "",
        f"{len(plan.removed)} removed" if plan.removed else "",
    ]
    said = ", ".join(d for d in done if d)
    return f"Synced the cards in {shown}" + (f" ({said})" if said else "")


def write(
    where: Where, folder: Folder, *, vdir_key: str, shown: str, options: Options, choices: Choices
) -> tuple[VdirPlan, str | None]:
    """Snapshot, then the sync in one write transaction (planned again there); the plan and the snapshot."""
    snap = where.snapshot("before-sync")
    with where.write("sync") as s:
        plan = sync(s, folder, vdir_key=vdir_key, options=options, choices=choices, apply=True)
        journal.describe(s, summary(plan, shown))
    return plan, snap
