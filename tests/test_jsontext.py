"""io/jsontext.py writes the export piece by piece: the same text as json.dumps, for any document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quietnet.core.rows import Rows
from quietnet.io import jsonfile, jsontext

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)
records = st.dictionaries(st.text(max_size=8), scalars, max_size=6)
# The shapes the store writes: plain records, and records ending with a list (people, tags).
rows = st.lists(
    records | st.builds(lambda r, tail: {**r, "tail": tail}, records, st.lists(st.text(), max_size=3)),
    max_size=4,
)


def lazy(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every list of records as an iterator, as store.dump.document gives it."""

    def each(items: list[Any]) -> Iterator[Any]:
        yield from items

    return {k: each(v) if isinstance(v, list) else v for k, v in document.items()}


@given(st.dictionaries(st.text(max_size=5), values, max_size=5))
def test_any_document_is_written_as_json_dumps_writes_it(document: dict[str, Any]) -> None:
    assert "".join(jsontext.chunks(document)) == jsonfile.render(document)


@given(rows, rows, st.dictionaries(st.text(max_size=5), scalars, max_size=3))
def test_records_read_from_a_cursor_are_written_as_json_dumps_writes_them(
    people: list[dict[str, Any]], others: list[dict[str, Any]], settings: dict[str, Any]
) -> None:
    document: dict[str, Any] = {"format": "quietnet", "people": people, "settings": settings}
    document["tables"] = {"x": others}
    streamed = {**lazy(document), "tables": lazy(document["tables"])}
    assert "".join(jsontext.chunks(streamed)) == jsonfile.render(document)


def test_empty_lists_and_objects_and_odd_numbers_are_written_as_json_writes_them() -> None:
    document = {"a": iter([]), "b": {}, "c": [], "d": [float("nan"), float("inf"), -0.0, True, 10**30]}
    assert "".join(jsontext.chunks(document)) == jsonfile.render({**document, "a": []})


def test_a_value_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        "".join(jsontext.chunks({"a": iter([{"b": object()}])}))
    with pytest.raises(TypeError):
        json.dumps({"b": object()})


# Text as a store may hold it: control characters, quotes, backslashes, non-BMP, line and
# paragraph separators, and "%" (the record templates are %-formats). SQLite text holds no
# lone surrogate (Python's sqlite3 cannot write one), so none is drawn.
odd = st.text(st.sampled_from('\x00\x01\x1f\x7f\t\n\r"\\/%s\u2028\u2029\ufeff\U0001f600é李 a')) | st.text()
plain = st.none() | st.booleans() | st.integers() | st.floats() | odd
keyed = st.lists(odd, min_size=1, max_size=5, unique=True)


@given(keyed.flatmap(lambda keys: st.tuples(
    st.just(keys),
    st.lists(st.tuples(*[plain for _ in keys]), max_size=5),
    st.sets(st.integers(0, len(keys) - 1)),
    st.lists(st.lists(odd | st.integers(), max_size=3), min_size=5, max_size=5),
    st.booleans(),
)))  # fmt: skip
def test_rows_are_written_as_json_dumps_writes_their_records(
    drawn: tuple[list[str], list[tuple[Any, ...]], set[int], list[list[Any]], bool],
) -> None:
    keys, rows, flags, tails, tailed = drawn
    if tailed and "tail" in keys:
        return
    made = iter(tails)
    tail = ("tail", lambda batch: [next(made) for _ in batch]) if tailed else None
    records = list(Rows(keys, rows, flags=flags, tail=tail))
    made = iter(tails)
    streamed = Rows(keys, rows, flags=flags, tail=tail)
    document = {"a": {"b": streamed}, "c": iter([1])}
    assert "".join(jsontext.chunks(document)) == jsonfile.render({"a": {"b": records}, "c": [1]})
    if tailed:
        assert all(list(r)[-1] == "tail" for r in records)
    for record, row in zip(records, rows, strict=True):
        assert [type(record[keys[i]]) is bool for i in flags] == [True] * len(flags)
        assert [record[k] for n, k in enumerate(keys) if n not in flags] == [
            v for n, v in enumerate(row) if n not in flags
        ] or any(v != v for v in row)  # NaN is not equal to itself


def test_rows_in_many_batches_and_with_a_value_that_is_not_plain_are_written_as_json_writes_them() -> None:
    rows = [(n, f"n%s{n}", n % 2) for n in range(2500)] + [(1, [1, "x"], 0)]
    records = list(Rows(["id", "what", "on"], rows, flags=[2]))
    written = "".join(jsontext.chunks({"rows": Rows(["id", "what", "on"], rows, flags=[2])}))
    assert written == jsonfile.render({"rows": records})
    assert records[3] == {"id": 3, "what": "n%s3", "on": True}
