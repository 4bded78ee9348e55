"""The generator's vCards: one vCard 3.0 file per person, with ``--vcards``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gen_people import Person

from quietnet.core.text import fold

# -- vCards ------------------------------------------------------------------------------


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold_line(line: str) -> str:
    """RFC 2425 folding: lines of at most 75 octets, continued with a space."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def vcard(person: Person, row: Sequence[object], tags: Sequence[str]) -> str:
    """One vCard 3.0 for a person row (columns as in ``person``)."""
    (_, uid, name, nickname, _, _, _, _, _, _, _, _, company, role, city, email, phone, birthday,
     _, notes, *_) = row  # fmt: skip
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{uid}",
        f"FN:{_escape(str(name))}",
        f"N:{_escape(person.last)};{_escape(person.first)};;;",
    ]
    if nickname:
        lines.append(f"NICKNAME:{_escape(str(nickname))}")
    if company:
        lines.append(f"ORG:{_escape(str(company))}")
    if role:
        lines.append(f"TITLE:{_escape(str(role))}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if phone:
        lines.append(f"TEL;TYPE=CELL:{phone}")
    if birthday:
        text = str(birthday)
        lines.append(f"BDAY:{text if len(text) == 10 else '--' + text}")
    if city:
        lines.append(f"ADR;TYPE=HOME:;;;{_escape(str(city))};;;")
    if tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in tags))
    if notes:
        lines.append(f"NOTE:{_escape(str(notes))}")
    lines.append("END:VCARD")
    return "".join(_fold_line(line) + "\r\n" for line in lines)


def write_vcards(
    folder: Path,
    people: list[Person],
    person_rows: list[tuple[object, ...]],
    tags: list[tuple[int, str]],
    tag_links: list[tuple[int, int]],
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = dict(tags)
    by_person: dict[int, list[str]] = {}
    for pid, tag_id in tag_links:
        by_person.setdefault(pid, []).append(names[tag_id])
    width = len(str(len(people)))
    for person, row in zip(people, person_rows, strict=True):
        slug = fold(f"{person.first}-{person.last}").replace(" ", "-").replace("'", "")
        path = folder / f"{person.id:0{width}d}-{slug}.vcf"
        path.write_bytes(vcard(person, row, by_person.get(person.id, [])).encode())
