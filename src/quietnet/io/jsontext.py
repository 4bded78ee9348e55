"""The export's JSON text written piece by piece, so a large store never sits in memory as one document.

``chunks(document)`` yields exactly the text of ``json.dumps(document,
ensure_ascii=False, indent=2) + "\\n"`` (``jsonfile.render``), but a value of
the document may be an iterator (the rows of a table, read from a cursor):
it is written as a list one record at a time. A record of plain values (its
last one may be a list: an interaction's people, a person's tags) is written
by the ``json`` module's C encoder, told to put one member on each line at its
depth; ``json.dumps`` with an indent uses the pure-Python encoder, a few times
slower. ``tests/test_jsontext.py`` compares the two on any document.

The large tables come as ``core.rows.Rows``: tuples read from a cursor with the record's
keys given once. Iterated, they are the records as dicts (``store.dump.dump``);
written, a batch of rows at a time is encoded by one call of the C encoder (its
values separated by a NUL, which no encoded value holds) and poured into a
template of the record's text, with the keys and indentation already in place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from itertools import chain, compress
from json.encoder import encode_basestring  # ensure_ascii=False's, in C
from operator import itemgetter
from typing import Any

from quietnet.core.rows import Rows

PADS = tuple("\n" + "  " * depth for depth in range(64))


def chunks(document: Mapping[str, Any]) -> Iterator[str]:
    """The document's text, the same bytes as ``jsonfile.render``, in pieces of one record or less."""
    yield from _chunks(document, 0)
    yield "\n"


def _lazy(value: Any) -> bool:
    kind = type(value)
    if kind is dict:
        return any(_lazy(item) for item in value.values())
    if kind in SCALARS or kind is list:
        return False
    return isinstance(value, Iterator) or (
        isinstance(value, Mapping) and any(_lazy(item) for item in value.values())
    )


def _chunks(value: Any, depth: int) -> Iterator[str]:
    if isinstance(value, Rows):
        yield from _rows(value, depth)
        return
    if not _lazy(value):
        yield text(value, depth)
        return
    inner, outer = _pad(depth + 1), _pad(depth)
    if isinstance(value, Mapping):
        if not value:
            yield "{}"
            return
        before = "{" + inner
        for key, item in value.items():
            yield before + _key(key)
            yield from _chunks(item, depth + 1)
            before = "," + inner
        yield outer + "}"
        return
    before = "[" + inner
    for item in value:
        if type(item) is dict:  # a record: never lazy itself
            yield before + text(item, depth + 1)
        else:
            yield before
            yield from _chunks(item, depth + 1)
        before = "," + inner
    yield "[]" if before[0] == "[" else outer + "]"


def _null(_: Any) -> str:
    return "null"


def _bool(value: bool) -> str:
    return "true" if value else "false"


# The types a record's values have, each with json's text for it.
SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    type(None): _null,
    bool: _bool,
}


def text(value: Any, depth: int = 0) -> str:
    """One value as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it at ``depth``."""
    kind = type(value)
    scalar = SCALARS.get(kind)
    if scalar is not None:
        return scalar(value)
    if kind is dict or isinstance(value, Mapping):
        if not value:
            return "{}"
        if kind is dict and (flat := _record(value, depth)) is not None:
            return flat
        inner = "," + _pad(depth + 1)
        keys, scalars = KEYS, SCALARS
        body = inner.join(
            [
                (keys.get(k) or _key(k)) + (f(v) if (f := scalars.get(type(v))) else text(v, depth + 1))
                for k, v in value.items()
            ]
        )
        return "{" + inner[1:] + body + _pad(depth) + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        if FLAT.issuperset(map(type, value)) and (encode := _encoder(depth + 1)) is not None:
            return "[" + _pad(depth + 1) + "".join(encode(value, 0))[1:-1] + _pad(depth) + "]"
        inner = "," + _pad(depth + 1)
        body = inner.join([text(v, depth + 1) for v in value])
        return "[" + inner[1:] + body + _pad(depth) + "]"
    if isinstance(value, str):
        return str(encode_basestring(value))
    if isinstance(value, int | float):
        return json.dumps(value)  # int and float subclasses, NaN and the infinities as json writes them
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


FLAT = frozenset((str, int, float, bool, type(None)))  # what the C encoder writes as json.dumps does


def _record(value: dict[Any, Any], depth: int) -> str | None:
    """A record of plain values, perhaps ending with one list or object (an interaction's people),
    written by the C encoder; None for any other shape."""
    encode = ENCODERS.get(depth + 1) or _encoder(depth + 1)
    if encode is None:
        return None
    inner, outer = _pad(depth + 1), _pad(depth)
    if FLAT.issuperset(map(type, value.values())):
        return "{" + inner + "".join(encode(value, 0))[1:-1] + outer + "}"
    last, tail = value.popitem()  # put back below, in the same place (the end)
    try:
        if not value or not FLAT.issuperset(map(type, value.values())):
            return None
        body = "".join(encode(value, 0))[1:-1]
    finally:
        value[last] = tail
    return "{" + inner + body + "," + inner + _key(last) + text(tail, depth + 1) + outer + "}"


ENCODERS: dict[int, Callable[[Any, int], list[str]] | None] = {}


def _encoder(depth: int) -> Callable[[Any, int], list[str]] | None:
    """The C encoder writing one object's members a line each at ``depth`` (None without the C part)."""
    if depth not in ENCODERS:
        make = getattr(json.encoder, "c_make_encoder", None)
        ENCODERS[depth] = (
            None
            if make is None
            else make(None, _unknown, encode_basestring, None, ": ", "," + _pad(depth), False, False, True)
        )
    return ENCODERS[depth]


def _unknown(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


KEYS: dict[str, str] = {}  # each key's text with its colon, made once


def _key(key: Any) -> str:
    """A key's text and the colon after it."""
    if isinstance(key, str):
        made = str(encode_basestring(key)) + ": "
        if type(key) is str and len(KEYS) < 10_000:
            KEYS[key] = made
        return made
    if key is None or isinstance(key, bool | int | float):
        return str(encode_basestring(json.dumps(key))) + ": "
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _pad(depth: int) -> str:
    return PADS[depth] if depth < len(PADS) else "\n" + "  " * depth


def _rows(rows: Rows, depth: int) -> Iterator[str]:
    """The list's text at ``depth`` as ``text(list(rows), depth)`` writes it, a batch at a time."""
    k, tail = len(rows.keys), rows.tail
    if not k:  # records with no key of their own: nothing to gain from a template
        yield text(list(rows), depth)
        return
    encode = _values_encoder()
    member = "," + _pad(depth + 2)
    keys = [(KEYS.get(key) or _key(key)).replace("%", "%%") for key in rows.keys]
    if tail is not None:
        keys.append(_key(tail[0]).replace("%", "%%"))
    record = "{" + _pad(depth + 2) + member.join(key + "%s" for key in keys) + _pad(depth + 1) + "}"
    between = "," + _pad(depth + 1)
    width = len(keys)
    before = "[" + _pad(depth + 1)
    while batch := rows.batch():
        flat = list(chain.from_iterable(batch))
        if len(flat) != k * len(batch):
            raise ValueError(f"each row must have {k} values")
        values = "".join(encode(flat, 0))[1:-1].split("\x00")
        if len(values) != len(flat):  # a value that is not plain (a list): records one by one
            yield before + between.join([text(record, depth + 1) for record in rows.records(batch)])
            before = between
            continue
        for i in rows.flags:
            values[i::k] = ["true" if v else "false" for v in flat[i::k]]
        if tail is not None:
            made, values = values, [""] * (width * len(batch))
            for i in range(k):
                values[i::width] = made[i::k]
            values[k::width] = _tails(tail[1](batch), depth + 2)
        yield before + between.join([record] * len(batch)) % tuple(values)
        before = between
    yield "[]" if before[0] == "[" else _pad(depth) + "]"


def _tails(lists: list[list[Any]], depth: int) -> list[str]:
    """Each list's text at ``depth``: strings (tags, uuids) joined here, anything else by ``text``."""
    start, between, end = "[" + _pad(depth + 1), "," + _pad(depth + 1), _pad(depth) + "]"
    encode = encode_basestring
    try:
        lengths = list(map(len, lists))
        # Lists of one string (most interactions' people) made without a step per list:
        single = (start + "%s" + end).__mod__
        made = list(map(single, map(encode, map(itemgetter(0), lists)))) if 0 not in lengths else []
        others = compress(range(len(lists)), map((1).__ne__, lengths)) if made else range(len(lists))
        if not made:
            made = [""] * len(lists)
        for i in others:
            items = lists[i]
            made[i] = start + between.join(map(encode, items)) + end if items else "[]"
        return made
    except TypeError:  # not all strings
        return [text(items, depth) for items in lists]


def _values_encoder() -> Callable[[Any, int], list[str]]:
    """The C encoder writing a list's values with a NUL between them (the pure one without the C part)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is not None:
        made: Callable[[Any, int], list[str]] = make(
            None, _unknown, encode_basestring, None, ": ", "\x00", False, False, True
        )
        return made
    plain = json.JSONEncoder(ensure_ascii=False, separators=("\x00", ": "), default=_unknown)
    return lambda value, _: [plain.encode(value)]
