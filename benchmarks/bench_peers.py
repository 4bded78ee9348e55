"""`run.py --peers`: khard, jrnl and todoman on comparable generated data, when installed.

Each peer's everyday read is timed as `net` is: a whole process, paired with
``python -c pass``. The data is generated here, seeded: 300 and 5,000 vCards for
khard (`khard list`), a jrnl journal of 5,000 entries (`jrnl -n 10`), a todoman
vdir of 400 todos (`todo list`). A peer that is not on PATH (or next to the venv's
python) is shown as skipped. Install them apart from quietnet, for example:
``python3 -m venv /tmp/peers && /tmp/peers/bin/pip install khard jrnl todoman``
and run with ``PATH=/tmp/peers/bin:$PATH``.
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_cases import Case

FIRST = ("Ana", "Bruno", "Chen", "Dara", "Emeka", "Fatima", "Goran", "Hana", "Ines", "Jonas", "Kofi", "Lena")
LAST = ("Lima", "Okafor", "Novak", "Sato", "Diallo", "Berg", "Costa", "Meyer", "Haddad", "Kim", "Ortiz")


def find(program: str) -> str | None:
    """The peer's executable: next to this python, else on PATH."""
    beside = Path(sys.executable).parent / program
    return str(beside) if beside.exists() else shutil.which(program)


def cases(work: Path) -> list[tuple[Case, dict[str, str] | None, str | None]]:
    """Each peer's row, the environment it runs in, and why it is skipped (None: it runs)."""
    rows: list[tuple[Case, dict[str, str] | None, str | None]] = []
    khard = find("khard")
    for n in (300, 5_000):
        case = Case(f"peer-khard-{n}", "khard list", ("list",), f"{n:,} vCards", program=("khard",))
        env = _khard(work / f"khard-{n}", n) if khard else None
        rows.append((case, env, None if khard else "skipped: khard is not installed"))
    jrnl = find("jrnl")
    case = Case("peer-jrnl", "jrnl -n 10", ("-n", "10"), "5,000 entries", program=("jrnl",))
    rows.append(
        (case, _jrnl(work / "jrnl") if jrnl else None, None if jrnl else "skipped: jrnl is not installed")
    )
    todo = find("todo")
    case = Case("peer-todoman", "todo list", ("list",), "400 todos", program=("todo",))
    rows.append(
        (
            case,
            _todoman(work / "todo") if todo else None,
            None if todo else "skipped: todoman is not installed",
        )
    )
    return rows


def _names(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(FIRST)} {chr(65 + i % 26)}. {rng.choice(LAST)} {i}" for i in range(n)]


def _khard(folder: Path, n: int) -> dict[str, str]:
    rng = random.Random(n)
    book = folder / "book"
    book.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(_names(rng, n)):
        first, *_, last = name.split()
        (book / f"{i}.vcf").write_text(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:card-{i}\r\nFN:{name}\r\nN:{last};{first};;;\r\n"
            f"EMAIL:{first.lower()}{i}@example.org\r\nTEL:+44 20 7946 {i % 10000:04d}\r\nEND:VCARD\r\n",
            encoding="utf-8",
        )
    config = folder / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[book]]\npath = {book}\n\n[general]\neditor = true\nmerge_editor = true\n"
    )
    return {"KHARD_CONFIG": str(config), "XDG_CONFIG_HOME": str(folder)}


def _jrnl(folder: Path) -> dict[str, str]:
    rng = random.Random(5)
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "journal.txt"
    day = datetime(2012, 1, 1, 9, 0)
    with journal.open("w", encoding="utf-8") as f:
        for i in range(5_000):
            day += timedelta(hours=rng.randint(6, 30))
            f.write(f"[{day:%Y-%m-%d %H:%M}] Coffee with {rng.choice(FIRST)} number {i}.\n")
            f.write("We talked about climbing, work and the new flat.\n\n")
    (folder / "jrnl").mkdir(exist_ok=True)
    (folder / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: false\nindent_character: '|'\n"
        f"journals: {{default: {{journal: {journal}}}}}\nlinewrap: 79\ntagsymbols: '#@'\n"
        "template: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.1\n"
    )
    return {"XDG_CONFIG_HOME": str(folder), "XDG_DATA_HOME": str(folder)}


def _todoman(folder: Path) -> dict[str, str]:
    rng = random.Random(4)
    lists = folder / "lists" / "personal"
    lists.mkdir(parents=True, exist_ok=True)
    stamp = datetime(2025, 6, 1, tzinfo=UTC)
    for i in range(400):
        due = stamp + timedelta(days=rng.randint(-30, 60))
        (lists / f"todo-{i}.ics").write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VTODO\r\n"
            f"UID:todo-{i}\r\nDTSTAMP:{stamp:%Y%m%dT%H%M%SZ}\r\nSUMMARY:Write to {rng.choice(FIRST)} {i}\r\n"
            f"DUE:{due:%Y%m%dT%H%M%SZ}\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
            encoding="utf-8",
        )
    (folder / "todoman").mkdir(exist_ok=True)
    (folder / "todoman" / "config.py").write_text(
        f'path = "{folder / "lists" / "*"}"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
        'default_list = "personal"\n'
    )
    return {"XDG_CONFIG_HOME": str(folder), "XDG_CACHE_HOME": str(folder / "cache")}
