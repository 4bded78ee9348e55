"""Text as quietnet compares and shows it: folded for search, escaped for a terminal.

Pure and at the bottom of the package: ``fields``, ``dates`` and ``names`` build
on it. ``fold`` is the search form of a text. ``visible`` and ``shown`` are for
messages: a bad character shows as ``\\x1b`` or ``\\u202e``, never raw, and a
long input is cut.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TypeVar

T = TypeVar("T")
SHOWN = 40  # how much of a refused input a message repeats

# Bidirectional marks, embeddings, overrides and isolates make text display
# differently from what is stored (U+202E turns "exe.txt" into "txt.exe").
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Every character a terminal may act on: C0 and C1 controls, DEL, line and
# paragraph separators, lone surrogates, and the bidirectional controls.
_UNSAFE = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x2028, 0x2029),
    (0xD800, 0xDFFF),
    *((ord(c), ord(c)) for c in sorted(BIDI_CONTROLS)),
)
_FIND: dict[str, re.Pattern[str]] = {}


def _finder(keep: str) -> re.Pattern[str]:
    """One character class of the unsafe characters but those in ``keep``: a class with ``keep``
    taken out (not a look-ahead at every character) scans 4 MB of `net list` in 12 ms, not 67."""
    if keep not in _FIND:
        kept = sorted({ord(c) for c in keep})
        spans: list[str] = []
        for low, high in _UNSAFE:
            for code in (*(k for k in kept if low <= k <= high), high + 1):  # each kept one splits its span
                if low < code:
                    spans.append(f"\\U{low:08x}-\\U{code - 1:08x}")
                low = code + 1
        _FIND[keep] = re.compile(f"[{''.join(spans)}]")
    return _FIND[keep]


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with every control character (but those in ``keep``) written as an escape."""
    if type(text) is str and text.isprintable():  # no unsafe character is printable (test_visible.py)
        return text  # most text, checked at C speed (a subclass, as before, comes back a plain str)
    return _finder(keep).sub(_escape, text)


def escaped_all(value: T) -> T:
    """``value`` with every string in it (through dataclasses, tuples, lists, dicts) escaped.

    For output drawn by a library that prints text as given (Rich, for the review). A review at
    50,000 people holds some 20,000 values: each is told apart by its exact type first, and each
    dataclass's fields are looked up once per class.
    """
    kind = type(value)
    if kind is str or isinstance(value, str):  # a note's line breaks and tabs read as spaces, on one line
        text: str = value  # type: ignore[assignment]
        if kind is str and text.isprintable():
            return value
        return visible(" ".join(text.split()) if "\n" in text or "\t" in text else text)  # type: ignore[return-value]
    if kind in _ATOMS:
        return value
    names = _FIELDS.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):  # an instance of a dataclass
        import dataclasses  # loaded already where dataclasses are made: not on `net today`'s path

        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value) if f.init)  # type: ignore[arg-type]
    if names is not None:
        import dataclasses

        changed = {k: new for k in names if (new := escaped_all(v := getattr(value, k))) is not v}
        return dataclasses.replace(value, **changed) if changed else value  # type: ignore[type-var]  # most reviews: nothing to escape
    if value is None or isinstance(value, int | float | date):
        return value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple
        items = [escaped_all(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(*items)
    if isinstance(value, tuple | list):
        items = [escaped_all(v) for v in value]
        same = isinstance(value, tuple) and all(a is b for a, b in zip(items, value, strict=True))
        return value if same else type(value)(items)
    if isinstance(value, dict):
        return {k: escaped_all(v) for k, v in value.items()}  # type: ignore[return-value]
    return value


_ATOMS = frozenset({type(None), int, float, bool, date})
_FIELDS: dict[type, tuple[str, ...]] = {}  # each dataclass's fields given to __init__


def json_escaped(document: str) -> str:
    """A JSON document with every control character left in its strings written as ``\\u009b``."""
    return _finder("\n").sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def path_problem(path: str) -> str | None:
    """Why a path can't be used in a message, or None: a line break or another control character."""
    if has_control(path, allow_newlines=False):
        return (
            f"The path {visible(path)} holds a line break or another control character; "
            "choose or rename it to one without."
        )
    return None


def without_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every control character (but those in ``keep``) removed."""
    return _finder(keep).sub("", text)


def has_control(text: str, *, allow_newlines: bool) -> bool:
    """Whether ``text`` holds a control character (tabs and newlines allowed in free text)."""
    return _finder("\n\t" if allow_newlines else "").search(text) is not None


def shown(text: str, *, limit: int = SHOWN) -> str:
    """An input as a message repeats it: one line, at most ``limit`` characters, escapes visible."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return visible(cut)


_LATIN: dict[str, str] = {}  # each non-ASCII character fold has met -> its search form


def _latin(char: str) -> str:
    """A Latin letter as ASCII (ø o, ł l, æ ae, ß ss, đ d, þ th; anyascii's table); any other character as is.

    Only Latin letters: 李 stays 李 (transliterated it would be "Li" and find Lia),
    and an emoji stays itself rather than becoming a word.
    """
    if char not in _LATIN:
        if unicodedata.name(char, "").startswith("LATIN "):
            from anyascii import anyascii  # local: only text with such a letter needs its tables

            _LATIN[char] = anyascii(char) or char
        else:
            _LATIN[char] = char
    return _LATIN[char]


def fold(text: str) -> str:
    """The search form of a text: accents removed, Latin letters as ASCII, casefolded, spaces collapsed.

    "Søren" and "soren", "Małgorzata" and "malgorzata", "Æsa" and "aesa" fold alike.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not stripped.isascii():
        stripped = "".join(c if c.isascii() else _latin(c) for c in stripped)
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 card``, ``2 cards``, ``1 person``, ``3 people``."""
    return f"{n} {one if n == 1 else many or one + 's'}"
