"""The names a Tab may offer (cli/completing.py): one query, and only what it needs imported.

A shell waits on this at every keypress, so it reads the stored, already folded
``search_key`` (``fold(name) + "\\n" + fold(nickname)``) rather than loading the
people module and folding 5,000 names again.
"""

from __future__ import annotations

from quietnet.core.completion import Named
from quietnet.core.text import fold
from quietnet.engine.sqlite import Session
from quietnet.store.folded import pattern


def names_holding(s: Session, *, typed: str) -> list[Named]:
    """Everyone whose folded name or nickname contains ``typed`` (everyone when it is empty)."""
    sql = "SELECT name, nickname, search_key FROM person"
    rows = (
        s.all(sql + " WHERE search_key LIKE ? ESCAPE '\\'", (pattern(typed),)) if fold(typed) else s.all(sql)
    )
    return [Named(r["name"], r["nickname"], *_halves(r["search_key"])) for r in rows]


def _halves(key: str) -> tuple[str, str]:
    name, _, nickname = key.partition("\n")
    return name, nickname
