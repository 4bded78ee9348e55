"""`net list`'s rows: the people you keep, filtered and in the order shown, sorted by the store.

Both forms read the same rows in the same order: ``listed`` builds a ``Listed`` record per
person for ``--json``; ``roster`` hands the text listing the rows as the cursor gives them
(at 50,000 people a record per person cost more than the query) and each person's tags.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from quietnet.core.records import Listed, Roster
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session


class Filters(NamedTuple):
    """Whom `net list` shows (``since``: last contact on or after that day; ``not_since``: none on
    or after it, or none at all), and in which order (``sort``: "name" or "last")."""

    circle: str | None = None
    tag: str | None = None
    origin: str | None = None
    city: str | None = None  # compared folded, in Python
    archived: bool = False
    sort: str = "name"
    since: date | None = None
    not_since: date | None = None


def _chosen(s: Session, f: Filters) -> tuple[str, list[Any]]:
    """The WHERE and ORDER BY of the listing (its city is compared in ``_in_city``)."""
    where = ["(p.archived_at IS NOT NULL) = ?"]
    params: list[Any] = [f.archived]
    if f.since is not None:
        where.append("st.last_touch >= ?")
        params.append(f.since.isoformat())
    if f.not_since is not None:
        where.append("(st.last_touch IS NULL OR st.last_touch < ?)")
        params.append(f.not_since.isoformat())
    if f.circle:
        where.append("p.circle = ?")
        params.append(f.circle)
    if f.origin:
        where.append("p.origin = ?")
        params.append(f.origin)
    if f.tag:
        where.append(
            "p.id IN (SELECT pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id WHERE t.name = ?)"
        )
        params.append(f.tag)
    # By folded name (the search key up to its line break, before the nickname), then id: code-point
    # order, as Python sorts. An expression, so SQLite reads the table in order and sorts (twice as
    # fast as 50,000 lookups along the index of search_key).
    order = f"{s.FIRST_LINE.format('p.search_key')} COLLATE {s.BINARY}, p.id"
    if f.sort == "last":  # longest since last contact first, never-contacted before all
        order = f"st.last_touch IS NOT NULL, st.last_touch, {order}"
    return f"WHERE {' AND '.join(where)} ORDER BY {order}", params


FROM = "FROM person p LEFT JOIN person_state st ON st.person_id = p.id"


def _in_city(rows: list[Any], city: str | None, at: int) -> list[Any]:
    """The rows whose city (column ``at``) folds as ``city`` does; all of them when None."""
    if not city:
        return rows
    wanted = fold(city)
    kept = {c for c in set(map(itemgetter(at), rows)) if fold(c or "") == wanted}  # each city folded once
    return [r for r in rows if r[at] in kept]


def _tags(s: Session) -> dict[int, tuple[str, ...]]:
    """Everyone's tags, each person's in name order (code points, as ``ORDER BY name`` gives them):
    the links read in their key's order, and each different set of tags sorted once (one tuple
    for everyone who has it)."""
    names = dict(s.tuples("SELECT id, name FROM tag"))
    links = s.tuples("SELECT person_id, tag_id FROM person_tag ORDER BY person_id, tag_id")
    held = {person: tuple(map(itemgetter(1), group)) for person, group in groupby(links, itemgetter(0))}
    named = {ids: tuple(sorted(names[i] for i in ids)) for ids in set(held.values())}
    return {person: named[ids] for person, ids in held.items()}


def listed(s: Session, f: Filters) -> list[Listed]:
    """The people ``f`` chooses, each as a whole record (``--json``)."""
    chosen, params = _chosen(s, f)
    rows = s.tuples(
        "SELECT p.id, p.name, p.nickname, p.circle, p.city, p.origin, p.company, st.last_touch"
        f" {FROM} {chosen}",
        params,
    )
    tags = _tags(s)
    days: dict[str, date] = {}  # a few thousand different days: each parsed once
    found: list[Listed] = []
    for person_id, name, nickname, circle, city, origin, company, touched in _in_city(rows, f.city, 4):
        last = days.get(touched)
        if last is None and touched is not None:
            last = days[touched] = date.fromisoformat(str(touched)[:10])  # as journal.to_date reads it
        shown = tags.get(person_id, ())
        found.append(
            Listed(person_id, name, nickname, circle, city, origin, company, last, f.archived, shown)
        )
    return found


def roster(s: Session, f: Filters) -> Roster:
    """What the text listing shows of the people ``f`` chooses, in order: the rows as read (no
    record per person: at 50,000 people they cost more than the query), everyone's tags and the
    day of each different last contact."""
    chosen, params = _chosen(s, f)
    rows = _in_city(
        s.tuples(f"SELECT p.id, p.name, p.circle, p.city, st.last_touch {FROM} {chosen}", params), f.city, 3
    )
    days = {d: date.fromisoformat(str(d)[:10]) for d in set(map(itemgetter(4), rows)) if d is not None}
    return Roster(rows, _tags(s), days)
