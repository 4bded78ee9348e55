"""`net find`: one search over names, notes, interactions, helps, loops and dated notes.

Matching is accent- and case-insensitive and literal: the folded query is
looked up in the stored folded text (``store/folded.py``) with every LIKE
wildcard escaped, so ``%`` and ``_`` mean themselves, on every backend.
"""

from __future__ import annotations

from quietnet.core.records import Hit
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.store.folded import SOURCES, pattern
from quietnet.store.journal import to_date


def find(s: Session, query: str, *, limit: int = 200) -> list[Hit]:
    q = fold(query)
    like = pattern(query)
    hits: list[Hit] = []
    texts = SOURCES["person"]  # the columns a person's find key is folded from, in order
    people = s.all(
        f"SELECT id, {', '.join(texts)} FROM person WHERE find_key LIKE ? ESCAPE '\\' ORDER BY name, id",
        (like,),
    )
    for r in people:
        where = next((r[t] for t in texts if r[t] and q in fold(r[t])), r["name"])
        hits.append(Hit("person", r["id"], r["name"], None, where))
    rows = s.all(
        "SELECT i.day, i.kind, i.note, p.id, p.name FROM (SELECT id, day, kind, note FROM interaction"
        "  WHERE kind != 'help' AND find_key LIKE ? ESCAPE '\\' ORDER BY day DESC, id DESC LIMIT ?) i"
        " JOIN interaction_person ip ON ip.interaction_id = i.id JOIN person p ON p.id = ip.person_id"
        " ORDER BY i.day DESC, i.id DESC, p.id",
        (like, limit),
    )
    hits += [Hit("interaction", r[3], r[4], to_date(r[0]), f"{r[1]}: {r[2]}") for r in rows]
    rows = s.all(
        "SELECT h.day, h.what, h.outcome, p.id, p.name FROM help h JOIN person p ON p.id = h.person_id"
        " WHERE h.find_key LIKE ? ESCAPE '\\' ORDER BY h.day DESC, h.id DESC LIMIT ?",
        (like, limit),
    )
    hits += [Hit("help", r[3], r[4], to_date(r[0]), r[1]) for r in rows]
    rows = s.all(
        "SELECT l.opened_on, l.type, l.what, p.id, p.name FROM loop l JOIN person p ON p.id = l.person_id"
        " WHERE l.find_key LIKE ? ESCAPE '\\' ORDER BY l.opened_on DESC, l.id DESC LIMIT ?",
        (like, limit),
    )
    hits += [Hit("loop", r[3], r[4], to_date(r[0]), f"{r[1]}: {r[2]}") for r in rows]
    rows = s.all(
        "SELECT n.day, n.text, p.id, p.name FROM note n JOIN person p ON p.id = n.person_id"
        " WHERE n.find_key LIKE ? ESCAPE '\\' ORDER BY n.day DESC, n.id DESC LIMIT ?",
        (like, limit),
    )
    hits += [Hit("note", r[2], r[3], to_date(r[0]), r[1]) for r in rows]
    return hits[:limit]
