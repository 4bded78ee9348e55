"""A table's records read as tuples, with their keys given once (``net export json``'s large tables).

``store.dump.document`` makes them from a cursor; iterated, they are the records as
dicts (``store.dump.dump``, ``net copy``); ``io.jsontext`` writes them a batch at a
time without making the dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

BATCH = 1000  # rows read and written at once


class Rows(Iterator[dict[str, Any]]):
    """A table's records as tuples of plain values under ``keys``, read once.

    ``flags``: the positions of 0/1 columns, which the records hold as booleans;
    ``tail``: the key of a last member (a person's tags, an interaction's people) and
    what makes it for a batch of rows, given each batch once and in order. Iterating
    gives each record as a dict.
    """

    def __init__(
        self,
        keys: Sequence[str],
        rows: Iterable[Sequence[Any]],
        *,
        flags: Iterable[int] = (),
        tail: tuple[str, Callable[[list[Sequence[Any]]], list[list[Any]]]] | None = None,
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
        while batch := self.batch():
            yield from self.records(batch)

    def batch(self) -> list[Sequence[Any]]:
        """The next rows, up to ``BATCH`` of them (none at the end)."""
        return list(islice(self.rows, BATCH))

    def records(self, batch: list[Sequence[Any]]) -> list[dict[str, Any]]:
        """A batch of rows as their records (their tails made: call once per batch, in order)."""
        keys, flags, tail = self.keys, self.flags, self.tail
        records = [dict(zip(keys, row, strict=True)) for row in batch]
        for i in flags:
            for record, row in zip(records, batch, strict=True):
                record[keys[i]] = bool(row[i])
        if tail is not None:
            for record, made in zip(records, tail[1](batch), strict=True):
                record[tail[0]] = made
        return records
