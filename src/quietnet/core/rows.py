"""A table's records read as tuples, with their keys given once (``net export json``'s large tables).

``store.dump.document`` makes them from a cursor; iterated, they are the records as
dicts (``store.dump.dump``, ``net copy``); ``io.jsontext`` writes them a batch at a
time without making the dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any


class Rows(Iterator[dict[str, Any]]):
    """A table's records as tuples of plain values under ``keys``, read once.

    ``flags``: the positions of 0/1 columns, which the records hold as booleans;
    ``tail``: the key and maker of a last member made from each row, once and in order
    (a person's tags, an interaction's people). Iterating gives each record as a dict.
    """

    def __init__(
        self,
        keys: Sequence[str],
        rows: Iterable[Sequence[Any]],
        *,
        flags: Iterable[int] = (),
        tail: tuple[str, Callable[[Sequence[Any]], list[Any]]] | None = None,
    ) -> None:
        self.keys = tuple(keys)
        self.rows = iter(rows)
        self.flags = tuple(flags)
        self.tail = tail
        self._dicts: Iterator[dict[str, Any]] | None = None

    def __next__(self) -> dict[str, Any]:
        if self._dicts is None:
            self._dicts = self._each()
        return next(self._dicts)

    def _each(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield self.record(row)

    def record(self, row: Sequence[Any]) -> dict[str, Any]:
        """One row as its record (its tail made: call once per row, in order)."""
        keys, flags, tail = self.keys, self.flags, self.tail
        record = dict(zip(keys, row, strict=True))
        for i in flags:
            record[keys[i]] = bool(row[i])
        if tail is not None:
            record[tail[0]] = tail[1](row)
        return record
