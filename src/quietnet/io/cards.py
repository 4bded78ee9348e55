"""Splitting a vCard file into cards, as streams of lines, within bounds.

Each card keeps its line number and its original text (stored with the person,
so an export writes back what quietnet does not model). Only the properties
quietnet reads are parsed (``modelled``), each within a bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from quietnet.io.contact import Problem

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"^[ \t]*BEGIN:VCARD[ \t]*\r?\n?$", re.IGNORECASE)
MAX_CARD = 16 * 1024 * 1024  # characters in one card: a large photo fits
MAX_PROPERTY = 64 * 1024  # characters in one property quietnet reads (a note holds at most 10,000)
READ = frozenset(("BEGIN", "END", "VERSION", "FN", "N", "NICKNAME", "ORG", "TITLE", "EMAIL", "TEL", "ADR",
                  "BDAY", "NOTE", "CATEGORIES", "UID", "X-ABSHOWAS",
                  "KIND", "MEMBER", "X-ADDRESSBOOKSERVER-KIND", "X-ADDRESSBOOKSERVER-MEMBER"))  # fmt: skip
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


def modelled(logical: list[str], where: list[int]) -> tuple[list[str], list[int]]:
    """Only the (unfolded) properties quietnet reads (the whole card is kept as it was).

    Photos, logos, sounds and keys are left out of the parse, and a property
    quietnet reads that is longer than ``MAX_PROPERTY`` (far more than any
    field holds) is a problem of its card.
    """
    kept: list[tuple[str, int]] = []
    for line, number in zip(logical, where, strict=True):
        name = re.split(r"[;:]", line, maxsplit=1)[0].split(".")[-1].strip().upper()
        if name not in READ and ":" in line:  # a line without a colon refuses its card
            continue
        if len(line) > MAX_PROPERTY:
            raise TooLong(number)
        kept.append((line, number))
    return [line for line, _ in kept], [number for _, number in kept]


class TooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line
