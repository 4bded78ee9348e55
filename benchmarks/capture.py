"""Time `net capture mail` on a generated mailbox of 50,000 messages (issue 18: under 30 s).

    python benchmarks/capture.py                 # a Maildir of 50,000 messages, then an mbox of as many
    python benchmarks/capture.py --messages 5000 # smaller, as a smoke test
    python benchmarks/capture.py --format mbox

The mail is generated into a temporary folder (removed afterwards): a year of
messages between you and 2,000 correspondents, 500 of whom the store knows,
with mailing-list mail, bulk mail, big announcements and a few messages
without a date mixed in, each message a few hundred bytes of headers and a
body of about 2 kB (which the reader must skip, never parse). Each run is one
`net` process, timed from spawn to exit: the dry run, then the real capture
(`--yes`), then a second capture that finds everything already captured.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

TODAY = "2025-06-19"
ME = "me@example.net"
KNOWN = 500
CORRESPONDENTS = 2000
STAMP = "%a, %d %b %Y %H:%M:%S +0000"
BODY = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 36 + "\n") * 1


def _net() -> str:
    return str(Path(sys.executable).with_name("net"))


def _message(rng: random.Random, n: int, start: datetime) -> bytes:
    who = rng.randrange(CORRESPONDENTS)
    other = f"Friend {who} <friend{who}@example.org>"
    moment = start + timedelta(seconds=rng.randrange(365 * 86400))
    mine = rng.random() < 0.4
    lines = [
        f"Return-Path: <{'me' if mine else f'friend{who}'}@example.org>",
        "Received: from mail.example.org by mx.example.net; "
        + moment.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        f"From: {'Me <' + ME + '>' if mine else other}",
        f"To: {other if mine else 'Me <' + ME + '>'}",
        f"Subject: Message number {n} =?utf-8?q?caf=C3=A9?=",
        f"Message-ID: <m{n}@example.org>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    roll = rng.random()
    if roll < 0.15:
        lines.append("List-Id: <news.lists.example.com>")
    elif roll < 0.2:
        lines.append("Precedence: bulk")
    elif roll < 0.22:
        lines.append("Cc: " + ", ".join(f"p{i}@example.com" for i in range(9)))
    if rng.random() > 0.002:
        lines.append("Date: " + moment.strftime(STAMP))
    return ("\n".join(lines) + "\n\n" + BODY).encode("utf-8")


def generate(folder: Path, count: int, fmt: str) -> Path:
    rng = random.Random(18)
    start = datetime(2024, 6, 19, tzinfo=UTC)
    if fmt == "maildir":
        box = folder / "Mail" / "INBOX"
        for sub in ("cur", "new", "tmp"):
            (box / sub).mkdir(parents=True)
        for n in range(count):
            sub = "new" if n % 10 == 0 else "cur"
            name = f"{1700000000 + n}.M{n}P1.bench" + ("" if sub == "new" else ":2,S")
            (box / sub / name).write_bytes(_message(rng, n, start))
        return folder / "Mail"
    path = folder / "All.mbox"
    with open(path, "wb") as out:
        for n in range(count):
            out.write(b"From 1%018d@xxx Mon Jun 16 12:00:00 +0000 2025\n" % n)
            out.write(_message(rng, n, start).replace(b"\nFrom ", b"\n>From ") + b"\n")
    return path


def store(folder: Path, env: dict[str, str], *, domain: str = "example.org") -> None:
    """A store knowing 500 of the correspondents, with your address set (built by `net import csv`)."""
    csv = folder / "people.csv"
    csv.write_text(
        "name,email\n" + "".join(f"Friend {i},friend{i}@{domain}\n" for i in range(KNOWN)),
        encoding="utf-8",
    )
    for args in (["import", "csv", str(csv)], ["settings", "set", "my_emails", ME]):
        subprocess.run([_net(), *args], env=env, check=True, capture_output=True)


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run([_net(), *args], env=env, capture_output=True, text=True)
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"net {' '.join(args)} ended with {done.returncode}: {done.stderr}")
    lines = done.stdout.splitlines()
    said = [line for line in lines if line.startswith(("Added", "Nothing", "To add"))]
    return took, said[-1] if said else ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--format", choices=("maildir", "mbox", "both"), default="both")
    given = parser.parse_args()
    formats = ("maildir", "mbox") if given.format == "both" else (given.format,)
    for fmt in formats:
        folder = Path(tempfile.mkdtemp(prefix="quietnet-capture-"))
        try:
            env = {**os.environ, "NET_DB": str(folder / "net.db"), "NET_TODAY": TODAY, "NO_COLOR": "1"}
            began = time.perf_counter()
            mail = generate(folder, given.messages, fmt)
            print(f"{fmt}: {given.messages:,} messages generated in {time.perf_counter() - began:.1f} s")
            store(folder, env)
            args = ["capture", "mail", str(mail), "--since", "2024-06-01"]
            for extra in (["--dry-run"], ["--yes"], ["--yes"]):
                took, said = timed([*args, *extra], env)
                print(f"  net capture mail {' '.join(extra):<10} {took:6.2f} s   {said}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
