"""The benchmark's stores: generated once by ``generate.py`` and kept in ``benchmarks/out/``.

They are named by their size and a hash of the generator (generate.py and its gen_*.py) and the migrations, so
they are rebuilt only when either changes.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench_cases import Size

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TODAY = date(2025, 6, 19)  # a Thursday: the week's Monday to Wednesday are quiet in the stores
SEED = 1


@dataclass(frozen=True)
class Stores:
    everyday: Path
    stress: Path
    cards: Path
    sizes: dict[str, Size]


def cache_key() -> str:
    """Changes whenever the generator (generate.py and its gen_*.py) or the schema (the migrations) change."""
    digest = hashlib.sha256((HERE / "generate.py").read_bytes())
    for path in sorted(HERE.glob("gen_*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    versions = ROOT / "src" / "quietnet" / "engine" / "migrations" / "versions"
    for path in sorted(versions.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(f"{SEED} {TODAY}".encode())
    return digest.hexdigest()[:10]


def ensure_store(size: Size, *, cards: Path | None, fresh: bool) -> Path:
    """The cached store of this size, generated first when missing or stale."""
    OUT.mkdir(exist_ok=True)
    stem = f"store-{size.people}-{size.interactions}"
    path = OUT / f"{stem}-{cache_key()}.db"
    for old in OUT.glob(f"{stem}-*.db*"):
        if fresh or not old.name.startswith(path.name):
            old.unlink()
    if cards is not None and (fresh or not path.exists()):
        shutil.rmtree(cards, ignore_errors=True)
    if path.exists():
        return path
    argv = [sys.executable, str(HERE / "generate.py"), "--people", str(size.people)]
    argv += ["--interactions", str(size.interactions), "--db", str(path), "--seed", str(SEED)]
    argv += ["--today", TODAY.isoformat()]
    if cards is not None:
        argv += ["--vcards", str(cards)]
    print(f"Generating {size.label} at {path.name} ...", file=sys.stderr, flush=True)
    subprocess.run(argv, check=True)
    return path


def ensure_stores(sizes: dict[str, Size], *, fresh: bool) -> Stores:
    everyday = sizes["everyday"]
    cards = OUT / f"vcards-{everyday.people}-{cache_key()}"
    for old in OUT.glob(f"vcards-{everyday.people}-*"):
        if old != cards:
            shutil.rmtree(old)
    small = ensure_store(everyday, cards=cards, fresh=fresh)
    if not cards.exists():  # a store kept from a run that did not write the cards
        small.unlink()
        small = ensure_store(everyday, cards=cards, fresh=True)
    big = ensure_store(sizes["stress"], cards=None, fresh=fresh)
    return Stores(small, big, cards, sizes)


def pick_name(store: Path) -> str:
    """A core person's full name that no one else shares (exact match, nothing ambiguous)."""
    conn = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT p.name, p.circle, p.archived_at IS NULL, st.full_days FROM person p"
            " JOIN person_state st ON st.person_id = p.id ORDER BY p.id"
        ).fetchall()
    finally:
        conn.close()
    counts = Counter(name.casefold() for name, *_ in rows)
    for name, circle, active, _ in sorted(rows, key=lambda r: -r[3]):
        if circle == "core" and active and counts[name.casefold()] == 1:
            return str(name)
    raise SystemExit(f"No core person with a unique name in {store}.")
