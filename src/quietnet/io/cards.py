"""Splitting a vCard file into cards, as streams of lines, within bounds.

Each card keeps its line number and its original text (stored with the person,
so an export writes back what quietnet does not model). vCard 2.1's
quoted-printable soft line breaks are joined (Android writes them; vobject
does not read them). Only the properties quietnet reads are handed to vobject,
which needs some 150 times a card's size in memory to parse it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from quietnet.io.contact import Problem

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"^[ \t]*BEGIN:VCARD[ \t]*\r?\n?$", re.IGNORECASE)
MAX_CARD = 16 * 1024 * 1024  # characters in one card: a large photo fits
MAX_PROPERTY = 64 * 1024  # characters in one property quietnet reads (a note holds at most 10,000)
READ = frozenset(("BEGIN", "END", "VERSION", "FN", "N", "NICKNAME", "ORG", "TITLE", "EMAIL", "TEL", "ADR",
                  "BDAY", "NOTE", "CATEGORIES", "UID"))  # fmt: skip
TOO_LONG = f"This property is longer than {MAX_PROPERTY:,} characters, too long for any field."
TOO_BIG = "This card is larger than 16 MB (a photo that big?), too large to import."


def count_cards(lines: Iterable[str]) -> int:
    """How many cards the lines hold (cheap; for the progress bar)."""
    return sum(1 for line in lines if _BEGIN.match(line))


def split(lines: Iterable[str], source: str) -> Iterator[tuple[int, list[str]] | Problem]:
    """(first line number, the card's lines) for each card, or a Problem.

    A card longer than ``MAX_CARD`` characters is a Problem, and its lines are
    not kept (so a runaway file can't fill memory).
    """
    start, depth, size, lines_of = 0, 0, 0, list[str]()
    number = 0
    for chunk in lines:  # a file's lines, each with its ending; an old Mac's bare CRs split further
        for line in LINE_BREAK.split(chunk.removesuffix("\n").removesuffix("\r")):
            number += 1
            key = line.strip().upper()
            if key == "BEGIN:VCARD":
                if depth == 0:
                    start, size, lines_of = number, 0, []
                depth += 1
            if depth:
                size += len(line) + 2
                if size <= MAX_CARD:
                    lines_of.append(line)
            if key == "END:VCARD" and depth:
                depth -= 1
                if depth == 0:
                    if size > MAX_CARD:
                        yield Problem(source, start, TOO_BIG)
                    else:
                        yield start, lines_of
                    lines_of = []
    if depth:
        yield Problem(source, start, "This card has no END:VCARD line (is the file cut short?).")


def logical_lines(lines: Sequence[str], start: int) -> tuple[list[str], list[int]]:
    """Join quoted-printable soft line breaks; returns the lines and each one's file line number."""
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(lines):
        line, first = lines[i], start + i
        if "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper():
            while line.endswith("=") and i + 1 < len(lines):
                i += 1
                line = line[:-1] + lines[i]
        out.append(line)
        where.append(first)
        i += 1
    return out, where


def modelled(logical: list[str], where: list[int]) -> tuple[list[str], list[int]]:
    """Only the properties quietnet reads, for vobject to parse (the whole card is kept as it was).

    vobject takes some 150 times a card's size in memory to parse it: a photo of
    a few megabytes needed gigabytes. Photos, logos, sounds and keys are left
    out of the parse, and a property quietnet reads that is longer than
    ``MAX_PROPERTY`` (far more than any field holds) is a problem of its card.
    """
    kept: list[tuple[str, int]] = []
    keep, size, first = True, 0, 0
    for line, number in zip(logical, where, strict=True):
        if line[:1] in (" ", "\t"):  # a folded continuation of the property before
            size += len(line)
        else:
            name = re.split(r"[;:]", line, maxsplit=1)[0].split(".")[-1].strip().upper()
            keep, size, first = (
                name in READ or ":" not in line,
                len(line),
                number,
            )  # vobject refuses a bad line
        if not keep:
            continue
        if size > MAX_PROPERTY:
            raise TooLong(first)
        kept.append((line, number))
    return [line for line, _ in kept], [number for _, number in kept]


class TooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line
