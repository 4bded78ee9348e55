"""People: add, change, look up, list, search, tag, archive and forget."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from quietnet.core.names import NameKey, naming, resolve
from quietnet.core.names import resolve_noting as resolve_noting_keys
from quietnet.core.records import Person
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.errors import NotFoundError
from quietnet.store import journal
from quietnet.store.folded import DERIVED, containing, pattern
from quietnet.store.journal import stamp, to_date, to_stamp

DATE_FIELDS = ("met_on", "snoozed_until")
SHOWN_ALSO = 3  # people a name also matched who are named, each with how to name them
SCHEDULE_FIELDS = {"circle", "kin", "closeness", "cadence_days", "met_on"}  # what person_state depends on


def search_key(name: str, nickname: str | None) -> str:
    return f"{fold(name)}\n{fold(nickname or '')}"


def _storable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}


def _person(row: sqlite3.Row, tags: Iterable[str] = ()) -> Person:
    data = dict(row)
    for f in DATE_FIELDS:
        data[f] = to_date(data[f])
    for f in ("archived_at", "created_at", "updated_at"):
        data[f] = to_stamp(data[f])
    data["kin"] = bool(data["kin"])
    for derived in (*DERIVED, "card_uid", "vcard"):  # for lookups, imports and exports
        data.pop(derived, None)
    return Person(**data, tags=tuple(sorted(tags)))


def name_keys(s: Session, typed: str | None = None) -> list[NameKey]:
    """Everyone, or a few people that include everyone ``typed`` can name (see names.resolve).

    A typed name matches the start of a person's folded name, of a word in it,
    or of their nickname, so it is a substring of their ``search_key``: a LIKE
    on that column keeps the matches and drops almost everyone else.
    """
    sql = "SELECT id, name, nickname, archived_at FROM person"
    params: tuple[Any, ...] = ()
    text = typed.strip() if typed is not None else ""
    if text.startswith("#") and text[1:].isdigit():
        sql, params = sql + " WHERE id = ?", (int(text[1:]),)
    elif fold(text):
        sql, params = sql + " WHERE search_key LIKE ? ESCAPE '\\'", (pattern(text),)
    rows = s.all(sql, params)
    return [NameKey(r["id"], r["name"], r["nickname"], r["archived_at"] is not None) for r in rows]


def resolve_id(s: Session, typed: str) -> int:
    """The id of the one person ``typed`` names (see names.resolve)."""
    try:
        return resolve(name_keys(s, typed), typed).id
    except NotFoundError:
        return resolve(name_keys(s), typed).id  # among everyone, so the message can suggest close names


def resolve_noting(s: Session, typed: str) -> tuple[int, list[tuple[str, str]]]:
    """The id ``typed`` names, and whom else it names as a whole word (each with a name only they have)."""
    try:
        found = resolve_noting_keys(name_keys(s, typed), typed)
    except NotFoundError:
        return resolve(name_keys(s), typed).id, []  # raises, suggesting close names
    cut = len(found.also) if len(found.also) <= SHOWN_ALSO + 1 else SHOWN_ALSO  # never "and 1 more"
    shown = [(k.name, naming(k, lambda text: name_keys(s, text), besides=typed)) for k in found.also[:cut]]
    return found.key.id, shown + [(k.name, "") for k in found.also[cut:]]  # counted, not named


def same_name(s: Session, name: str) -> list[Person]:
    key = fold(name)
    rows = s.all("SELECT * FROM person WHERE search_key >= ? AND search_key < ?", (key + "\n", key + "\x0b"))
    return [_person(r) for r in rows]


def with_nickname(s: Session, nickname: str, *, besides: int | None = None) -> list[Person]:
    """The people (other than ``besides``) who already go by ``nickname``, case- and accent-insensitively."""
    key = fold(nickname)
    rows = s.all("SELECT * FROM person WHERE nickname IS NOT NULL ORDER BY id")
    return [_person(r) for r in rows if fold(r["nickname"]) == key and r["id"] != besides]


def get(s: Session, person_id: int) -> Person:
    row = s.one("SELECT * FROM person WHERE id = ?", (person_id,))
    if row is None:
        raise NotFoundError(f"No one has the id #{person_id}.")
    return _person(row, tags_of(s, person_id))


def add(
    s: Session, *, name: str, fields: Mapping[str, Any], tags: Iterable[str] = (), on: date | None = None
) -> int:
    """Add a person; ``fields`` holds already-validated Person fields.

    ``on``: the day the command ran (``NET_TODAY`` when set), recorded as the day
    they were added, where the scheduler's clock starts without a met date.
    """
    import uuid  # only here: it loads platform, a few ms on every command that reads people

    now = stamp(s)
    if on is not None and on != s.now.date():
        now = datetime.combine(on, s.now.timetz()).isoformat(sep=" ", timespec="seconds")
    values = {
        "uuid": str(uuid.uuid4()),
        "name": name,
        "nickname": None,
        "circle": "network",
        "kin": False,
        **_storable(fields),
        "created_at": now,
        "updated_at": now,
    }
    values["search_key"] = search_key(name, values.get("nickname"))
    person_id = journal.insert(s, "person", values)
    change_tags(s, person_id, add=tags)
    from quietnet.store import (
        state,
    )  # the scheduler's imports: only where someone changes (net show is timed)

    state.refresh(s, [person_id])
    return person_id


def edit(s: Session, person_id: int, fields: Mapping[str, Any]) -> bool:
    """Change some fields; returns whether anything changed."""
    current = get(s, person_id)
    values = _storable(fields)
    if "name" in values or "nickname" in values:
        values["search_key"] = search_key(
            values.get("name", current.name), values.get("nickname", current.nickname)
        )
    changed = journal.update(s, "person", (person_id,), values)
    if changed:
        journal.update(s, "person", (person_id,), {"updated_at": stamp(s)})
        if values.keys() & SCHEDULE_FIELDS:
            from quietnet.store import state  # as in add

            state.refresh(s, [person_id])
    return changed


def set_archived(s: Session, person_id: int, archived: bool) -> bool:
    if (get(s, person_id).archived_at is not None) == archived:
        return False  # archiving twice keeps the first date (and says "already archived")
    return edit(s, person_id, {"archived_at": stamp(s) if archived else None})


def forget(s: Session, person_id: int) -> None:
    """Delete a person and everything only about them, leaving no trace in the journal."""
    s.execute("PRAGMA secure_delete = ON")
    alone = [
        r[0]
        for r in s.all(
            "SELECT interaction_id FROM interaction_person WHERE person_id = ? AND interaction_id NOT IN"
            " (SELECT interaction_id FROM interaction_person WHERE person_id != ?)",
            (person_id, person_id),
        )
    ]
    name = s.scalar("SELECT name FROM person WHERE id = ?", (person_id,)) or ""
    touched = {r[0] for r in s.all("SELECT change_id FROM change_row WHERE person_id = ?", (person_id,))}
    # a synced card keeps only a salted hash of its UID: the next sync knows it, removes it only with --delete
    from quietnet.store import cardsync  # only `net forget` needs it: not on every command's start-up

    cardsync.seal(s, person_id)
    s.execute("DELETE FROM person WHERE id = ?", (person_id,))  # cascades to links, helps, loops
    for interaction_id in alone:
        s.execute("DELETE FROM interaction WHERE id = ?", (interaction_id,))
    journal.erase_person(s, person_id)
    if alone:
        s.execute(
            "DELETE FROM change_row WHERE table_name = 'interaction' AND row_key IN ("
            + ", ".join("?" for _ in alone)
            + ")",
            [f"[{i}]" for i in alone],
        )
    _scrub_summaries(s, touched, name)
    s.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM person_tag)")


def _scrub_summaries(s: Session, touched: set[int], name: str) -> None:
    """Change summaries name people ("Logged a call with Ana"): drop or reword theirs."""
    if not name:
        return
    rows = s.all(  # LIKE narrows (ignoring ASCII case on SQLite); `in` below decides, case and all
        "SELECT c.id, c.summary, EXISTS (SELECT 1 FROM change_row r WHERE r.change_id = c.id) AS kept"
        " FROM change c WHERE c.summary LIKE ? ESCAPE '\\'",
        (containing(name),),
    )
    for r in rows:
        if name not in r["summary"]:
            continue
        if not r["kept"]:  # only about them, or a no-op that names them
            s.execute("DELETE FROM change WHERE id = ?", (r["id"],))
        elif r["id"] in touched:  # shared with others (a group interaction): keep, unnamed
            summary = r["summary"].replace(name, "someone")
            s.execute("UPDATE change SET summary = ? WHERE id = ?", (summary, r["id"]))


def tags_of(s: Session, person_id: int) -> list[str]:
    rows = s.all(
        "SELECT t.name FROM tag t JOIN person_tag pt ON pt.tag_id = t.id WHERE pt.person_id = ?",
        (person_id,),
    )
    return [r[0] for r in rows]


def clean_tag(raw: str) -> str:
    from quietnet.core import fields

    return fields.tag(raw)


def change_tags(
    s: Session, person_id: int, *, add: Iterable[str] = (), remove: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """Add and remove tags; returns (added, removed) as actually changed."""
    current = set(tags_of(s, person_id))
    added, removed = [], []
    for tag in dict.fromkeys(add):
        if tag in current:
            continue
        tag_id = s.scalar("SELECT id FROM tag WHERE name = ?", (tag,))
        if tag_id is None:
            tag_id = journal.insert(s, "tag", {"name": tag})
        journal.insert(s, "person_tag", {"person_id": person_id, "tag_id": tag_id})
        added.append(tag)
    for tag in dict.fromkeys(remove):
        if tag not in current:
            continue
        journal.delete(
            s,
            "person_tag",
            "person_id = ? AND tag_id = (SELECT id FROM tag WHERE name = ?)",
            (person_id, tag),
        )
        removed.append(tag)
    return added, removed
