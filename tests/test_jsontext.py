"""io/jsontext.py writes the export piece by piece: the same text as json.dumps, for any document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
