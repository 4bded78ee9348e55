"""vCard content lines (RFC 2425, 2426, 6350): read one, decode its value, write and fold one.

Read here rather than by vobject, which cuts a text value short at its first
unescaped comma (vCard 2.1 never escapes commas, and many 3.0 writers don't):
``NOTE:Kids: Ola, Kuba`` came out as ``Kids: Ola``. Each value is kept as
written (``Line.value``) and decoded only by what the property is: one text
(``text``), a list (``listed``) or a structure of parts (``parts``), so no
character of the original is lost.
"""

from __future__ import annotations

import quopri
from collections.abc import Sequence
from dataclasses import dataclass

FOLD_AT = 75  # octets per written line, the CRLF aside (RFC 6350 3.2)


class BadLine(Exception):
    """A line that is not a content line; its message says why."""


@dataclass(frozen=True)
class Line:
    """One (unfolded) content line: ``group.NAME;PARAM=value,...:value``."""

    name: str  # upper case, without its group
    value: str  # as written: escapes kept (quoted-printable already joined, not decoded)
    params: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (NAME or "" for a bare 2.1 one, values)
    group: str = ""
    number: int = 0  # its line in the file
    raw: str | None = None  # the line as read: written back as it was while nothing changed

    def values(self, name: str) -> list[str]:
        """Every value of the parameters called ``name``."""
        return [v for key, values in self.params if key == name for v in values]

    def types(self) -> list[str]:
        """TYPE values (quoted lists split) and bare 2.1 parameters, upper case."""
        found = [t.strip().upper() for v in self.values("TYPE") for t in v.split(",")]
        return found + [v.upper() for key, values in self.params if key == "" for v in values]

    def is_preferred(self) -> bool:
        return "PREF" in self.types() or bool(self.values("PREF"))

    def is_quoted_printable(self) -> bool:
        encodings = [v.upper() for v in self.values("ENCODING")] + self.types()
        return "QUOTED-PRINTABLE" in encodings


def parse(text: str, number: int = 0) -> Line:
    """A content line from its unfolded text; BadLine when it is not one."""
    head_end = 0
    while head_end < len(text) and text[head_end] not in ";:":
        head_end += 1
    group, _, name = text[:head_end].rpartition(".")
    if head_end == len(text):
        raise BadLine(f'a line without a colon: "{text[:60]}"')
    if not name.strip():
        raise BadLine(f'a line without a property name: "{text[:60]}"')
    i, params = head_end, list[tuple[str, tuple[str, ...]]]()
    while text[i] == ";":
        j = i + 1
        while j < len(text) and text[j] not in "=;:":
            j += 1
        key, i = text[i + 1 : j].strip(), j
        if i < len(text) and text[i] == "=":
            values, i = _param_values(text, i + 1)
            params.append((key.upper(), tuple(values)))
        else:
            params.append(("", (key,)))
        if i >= len(text):
            raise BadLine(f'a line without a colon: "{text[:60]}"')
    return Line(name.strip().upper(), text[i + 1 :], tuple(params), group.strip(), number, text)


def _param_values(text: str, i: int) -> tuple[list[str], int]:
    values = []
    while True:
        if i < len(text) and text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise BadLine(f'a parameter whose quote is never closed: "{text[:60]}"')
            values.append(text[i + 1 : end])
            i = end + 1
        else:
            j = i
            while j < len(text) and text[j] not in ",;:":
                j += 1
            values.append(text[i:j])
            i = j
        if i < len(text) and text[i] == ",":
            i += 1
            continue
        return values, i


def unfold(lines: Sequence[str], start: int) -> tuple[list[str], list[int]]:
    """Logical lines (folds and quoted-printable soft breaks joined) and each one's file line."""
    out: list[str] = []
    where: list[int] = []
    for i, line in enumerate(lines):
        if out and out[-1].endswith("=") and "QUOTED-PRINTABLE" in out[-1].split(":", 1)[0].upper():
            out[-1] = out[-1][:-1] + line
        elif out and line[:1] in (" ", "\t"):
            out[-1] += line[1:]
        elif line.strip():
            out.append(line)
            where.append(start + i)
    return out, where


def decoded(line: Line) -> str:
    """The value with quoted-printable decoded (in its CHARSET); escapes are kept."""
    if not line.is_quoted_printable():
        return line.value
    charset = (line.values("CHARSET") or ["utf-8"])[0]
    data = quopri.decodestring(line.value.encode("utf-8"))
    try:
        return data.decode(charset)
    except LookupError:
        raise BadLine(f'{line.name} names an encoding that does not exist: "{charset[:40]}"') from None
    except UnicodeDecodeError:
        raise BadLine(f"{line.name}: its quoted-printable text is not valid {charset[:40]}") from None


def split_on(value: str, separator: str) -> list[str]:
    """Split at each unescaped ``separator``, escapes kept."""
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def unescape(value: str) -> str:
    """``\\n`` is a new line; ``\\,`` ``\\;`` ``\\\\`` the character; any other backslash stays."""
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value) and value[i + 1] in "nN,;\\":
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def escape(text: str) -> str:
    """A text value for vCard 3.0 and 4.0."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def text(line: Line) -> str:
    """One text (NOTE, TITLE, FN...): every comma is part of it."""
    return unescape(decoded(line))


def listed(line: Line) -> list[str]:
    """A list (NICKNAME, CATEGORIES): values separated by unescaped commas."""
    return [unescape(v) for v in split_on(decoded(line), ",")]


def parts(line: Line) -> list[str]:
    """A structure (N, ADR, ORG): parts separated by unescaped semicolons; commas are text."""
    return [unescape(v) for v in split_on(decoded(line), ";")]


def written(line: Line) -> str:
    """The line as text, folded at 75 octets, with its CRLF."""
    return fold(line.raw if line.raw is not None else unfolded_text(line))


def unfolded_text(line: Line) -> str:
    head = f"{line.group}.{line.name}" if line.group else line.name
    for key, values in line.params:
        head += f";{values[0]}" if not key else f";{key}=" + ",".join(_quoted(v) for v in values)
    return f"{head}:{line.value}"


def _quoted(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(logical: str) -> str:
    """Lines of at most 75 octets, continued by a space, never splitting a character."""
    if logical.isascii():
        if len(logical) <= FOLD_AT:
            return logical + "\r\n"
        pieces = [logical[:FOLD_AT]]
        pieces += [" " + logical[i : i + FOLD_AT - 1] for i in range(FOLD_AT, len(logical), FOLD_AT - 1)]
        return "\r\n".join(pieces) + "\r\n"
    out, current, size = [], list[str](), 0
    for ch in logical:
        octets = len(ch.encode("utf-8"))
        if size + octets > FOLD_AT:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += octets
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"
