"""Time the everyday `net` commands as whole processes against their targets.

    python benchmarks/run.py                       # 7 runs each, prints a Markdown table
    python benchmarks/run.py --out docs/performance.md
    python benchmarks/run.py --quick               # small stores, 3 runs: a smoke test
    python benchmarks/run.py --explain             # the query plans of the hot queries

The stores are built once by ``generate.py`` and kept in ``benchmarks/out/``
(git-ignored), named by their size and a hash of the generator and the
migrations, so they are rebuilt only when either changes.

Each command runs as its own process: the venv's ``net`` next to
``sys.executable``, with ``NET_DB`` and ``NET_TODAY`` set and
``PYTHONDONTWRITEBYTECODE`` removed, so the cached bytecode is used as on a
user's machine. Every command runs once first as a warm-up (which also writes
the ``.pyc`` files). Each timed run is preceded by a run of ``python -c pass``
in the same loop, so the ratio compares like with like on a machine whose speed
drifts. The time is the wall time from spawning to reaping the child; the peak
memory is the child's ``ru_maxrss`` from ``os.wait4``.

``net log`` writes: each run gets a fresh copy of the store (copied and synced
to disk outside the timed part), so every run logs into the same 200,000
interactions. ``net import vcard`` gets a fresh path each run, so it creates
and migrates the store too, as a first import does. A command that ``net --help`` does not list is skipped and
the table says so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TODAY = date(2025, 6, 19)  # a Thursday: the week's Monday to Wednesday are quiet in the stores
SEED = 1
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
FIND_TEXT = "climbing"


@dataclass(frozen=True)
class Size:
    people: int
    interactions: int

    @property
    def label(self) -> str:
        return f"{_short(self.people)} / {_short(self.interactions)}"


FULL = {"everyday": Size(5_000, 200_000), "stress": Size(50_000, 2_000_000)}
QUICK = {"everyday": Size(500, 20_000), "stress": Size(2_000, 80_000)}


@dataclass(frozen=True)
class Case:
    """One command line to time, on which store, against which target."""

    label: str  # as shown in the table
    args: tuple[str, ...]  # after `net`; NAME and CARDS are filled in
    store: str  # "everyday", "stress" or "empty" (a fresh path each run)
    target_ms: float
    ratio: float | None = None  # at most this many times `python -c pass`
    memory_mb: float | None = None  # peak RSS at most this
    requires: tuple[str, ...] = ()  # command words that must be listed by --help
    copy: bool = False  # the command writes: a fresh copy of the store for each run


CASES: tuple[Case, ...] = (
    Case("net --help", ("--help",), "everyday", 150),
    Case("net today", ("today",), "everyday", 150, ratio=15, requires=("today",)),
    Case("net due", ("due",), "everyday", 150, ratio=15, requires=("due",)),
    Case("net log NAME call", ("log", "NAME", "call"), "everyday", 200, requires=("log",), copy=True),
    Case("net show NAME", ("show", "NAME"), "everyday", 300, requires=("show",)),
    Case("net list", ("list",), "everyday", 300, requires=("list",)),
    Case(f"net find {FIND_TEXT}", ("find", FIND_TEXT), "everyday", 300, requires=("find",)),
    Case("net review", ("review",), "everyday", 500, requires=("review",)),
    # A Tab: `net log a<Tab>` (about 700 names start a word with a) and `net show <Tab>` (everyone).
    Case("Tab after net log a", ("__complete", "log", "a"), "everyday", 150, requires=("completion",)),
    Case("Tab after net show", ("__complete", "show", ""), "everyday", 150, requires=("completion",)),
    Case("net due", ("due",), "stress", 1000, memory_mb=300, requires=("due",)),
    Case(
        "net import vcard CARDS", ("import", "vcard", "CARDS"), "empty", 10_000, requires=("import", "vcard")
    ),
)


@dataclass
class Result:
    case: Case
    skipped: str | None = None
    times: list[float] = field(default_factory=list)  # seconds
    rss_kb: list[int] = field(default_factory=list)
    error: str | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kb) / 1024


@dataclass(frozen=True)
class Stores:
    everyday: Path
    stress: Path
    cards: Path
    sizes: dict[str, Size]


# -- stores ------------------------------------------------------------------------------


def _short(n: int) -> str:
    for unit, size in (("M", 1_000_000), ("k", 1_000)):
        if n >= size and n % (size // 10) == 0:
            return f"{n / size:g}{unit}"
    return f"{n:,}"


def cache_key() -> str:
    """Changes whenever the generator or the schema (the migrations) change."""
    digest = hashlib.sha256((HERE / "generate.py").read_bytes())
    versions = ROOT / "src" / "quietnet" / "migrations" / "versions"
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


# -- running -----------------------------------------------------------------------------


def net_executable() -> Path:
    net = Path(sys.executable).parent / "net"
    if not net.exists():
        raise SystemExit(f"There is no net next to {sys.executable}; run this with the venv's python.")
    return net


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NET_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NET_TODAY"] = TODAY.isoformat()
    return env


def spawn(argv: Sequence[str], env: dict[str, str], out: IO[bytes]) -> tuple[float, int, int]:
    """Run one process; (wall seconds, peak RSS in KB, exit code)."""
    out.seek(0)
    out.truncate()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def listed_commands(net: Path, env: dict[str, str], store: Path) -> set[str]:
    """The command words `net --help` lists (first word of each row of its Commands panel)."""
    text = subprocess.run(
        [str(net), "--help"], env={**env, "NET_DB": str(store), "COLUMNS": "200"},
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = set(re.findall(r"^[\s│|]*([a-z][a-z-]*)\s{2,}\S", text, flags=re.MULTILINE))
    if "import" in found:  # `net import vcard`: the subcommands of import
        sub = subprocess.run(
            [str(net), "import", "--help"], env={**env, "NET_DB": str(store), "COLUMNS": "200"},
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        found |= set(re.findall(r"^[\s│|]*([a-z][a-z-]*)\s{2,}\S", sub, flags=re.MULTILINE))
    return found


class Runner:
    def __init__(self, stores: Stores, work: Path) -> None:
        self.stores = stores
        self.work = work
        self.net = net_executable()
        self.env = base_env()
        self.name = pick_name(stores.everyday)
        self.out: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        self.runs = 0

    def argv(self, case: Case) -> list[str]:
        words = {"NAME": self.name, "CARDS": str(self.stores.cards)}
        return [str(self.net), *(words.get(a, a) for a in case.args)]

    def prepare(self, case: Case) -> dict[str, str]:
        """The environment of one run, after copying or clearing its store (not timed)."""
        self.runs += 1
        if case.store == "empty":
            folder = self.work / f"empty-{self.runs}"
            folder.mkdir()
            return {**self.env, "NET_DB": str(folder / "net.db")}
        source = self.stores.everyday if case.store == "everyday" else self.stores.stress
        if not case.copy:
            return {**self.env, "NET_DB": str(source)}
        target = self.work / "copy.db"
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, target)
        # On disk before the timed run: otherwise the command's first checkpoint pays to flush
        # the whole copy (tens of MB of dirty pages), which a store in daily use never has.
        with target.open("rb+") as f:
            os.fsync(f.fileno())
        return {**self.env, "NET_DB": str(target)}

    def run(self, case: Case) -> tuple[float, int, int]:
        return spawn(self.argv(case), self.prepare(case), self.out)

    def close(self) -> None:
        self.out.close()

    def output(self) -> str:
        self.out.seek(0)
        return self.out.read().decode(errors="replace")


def measure(runner: Runner, cases: Sequence[Case], runs: int) -> tuple[list[Result], Result]:
    listed = listed_commands(runner.net, runner.env, runner.stores.everyday)
    baseline = Case("python -c pass", (), "everyday", 0)
    base = Result(baseline)
    pass_argv = [sys.executable, "-c", "pass"]
    results = []
    for case in cases:
        missing = [word for word in case.requires if word not in listed]
        skipped = f"skipped: `net --help` does not list {' '.join(missing)}" if missing else None
        results.append(Result(case, skipped=skipped))
    active = [r for r in results if r.skipped is None]
    spawn(pass_argv, runner.env, runner.out)  # warm-up, and the .pyc files
    for result in active:
        _, _, code = runner.run(result.case)
        if code != 0:
            result.error = f"exit {code}: {runner.output().strip()[-300:]}"
            print(f"{result.case.label}: {result.error}", file=sys.stderr)
    active = [r for r in active if r.error is None]
    for n in range(runs):
        print(f"run {n + 1} of {runs}", file=sys.stderr, flush=True)
        for result in active:
            seconds, rss, _ = spawn(pass_argv, runner.env, runner.out)
            base.times.append(seconds)
            base.rss_kb.append(rss)
            seconds, rss, code = runner.run(result.case)
            if code != 0 and result.error is None:
                result.error = f"exit {code}: {runner.output().strip()[-300:]}"
            result.times.append(seconds)
            result.rss_kb.append(rss)
    return results, base


# -- the table ---------------------------------------------------------------------------


def verdict(result: Result, base_ms: float) -> str:
    case = result.case
    if result.skipped:
        return result.skipped
    if result.error:
        return f"error ({result.error.split(':')[0]})"
    failed = []
    if result.median_ms > case.target_ms:
        failed.append("time")
    if case.ratio is not None and result.median_ms > case.ratio * base_ms:
        failed.append("ratio")
    if case.memory_mb is not None and result.peak_mb > case.memory_mb:
        failed.append("memory")
    return "pass" if not failed else "**FAIL** (" + ", ".join(failed) + ")"


def target_text(case: Case) -> str:
    parts = [f"≤ {case.target_ms:,.0f} ms"]
    if case.ratio is not None:
        parts.append(f"≤ {case.ratio:g}× python")  # noqa: RUF001
    if case.memory_mb is not None:
        parts.append(f"≤ {case.memory_mb:g} MB")
    return ", ".join(parts)


def store_text(case: Case, sizes: dict[str, Size]) -> str:
    if case.store == "empty":
        return f"empty ({_short(sizes['everyday'].people)} cards)"
    if case.args == ("--help",):
        return "any"
    return sizes[case.store].label


def table(results: Sequence[Result], base: Result, sizes: dict[str, Size]) -> str:
    base_ms = base.median_ms
    lines = [
        "| command | store (people / interactions) | median ms | min ms | ratio to `python -c pass`"
        " | peak RSS MB | target | result |",
        "|---|---|---:|---:|---:|---:|---|---|",
        f"| `python -c pass` | none | {base_ms:.0f} | {min(base.times) * 1000:.0f} | 1.0"
        f" | {base.peak_mb:.0f} | | baseline |",
    ]
    for r in results:
        label = f"`{r.case.label}`"
        store = store_text(r.case, sizes)
        if r.skipped or not r.times:
            lines.append(f"| {label} | {store} | | | | | {target_text(r.case)} | {verdict(r, base_ms)} |")
            continue
        lines.append(
            f"| {label} | {store} | {r.median_ms:.0f} | {min(r.times) * 1000:.0f}"
            f" | {r.median_ms / base_ms:.1f} | {r.peak_mb:.0f} | {target_text(r.case)}"
            f" | {verdict(r, base_ms)} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import typer

    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, SQLite"
        f" {sqlite3.sqlite_version}, Typer {typer.__version__}"
    )


def report(
    results: Sequence[Result], base: Result, sizes: dict[str, Size], runs: int, name: str, load: str
) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"Measured {when} by `python benchmarks/run.py` on {machine()}; load average {load}.",
            f"Median of {runs} runs of each command as a whole process, each run preceded by"
            f" `python -c pass` ({base.median_ms:.0f} ms median over {len(base.times)} runs);"
            f" NET_TODAY={TODAY.isoformat()}, NAME is {name!r}; `net log` runs on a fresh copy"
            " of the store each time.",
            "",
            table(results, base, sizes),
        ]
    )


def write_section(path: Path, text: str) -> None:
    """Replace what lies between the bench markers in ``path`` (adding them when missing)."""
    block = f"{START}\n{text}\n{END}"
    current = path.read_text() if path.exists() else ""
    if START in current and END in current:
        head, rest = current.split(START, 1)
        _, tail = rest.split(END, 1)
        updated = head + block + tail
    else:
        updated = current.rstrip("\n") + ("\n\n" if current else "") + block + "\n"
    path.write_text(updated)


# -- query plans -------------------------------------------------------------------------


def explain(store: Path) -> str:
    """EXPLAIN QUERY PLAN of every statement the hot store functions run, captured as run."""
    from quietnet.core.schedule import week_start
    from quietnet.engine.opening import open_database
    from quietnet.store import interactions, people, search, state
    from quietnet.store import settings as stored

    name = pick_name(store)
    work = Path(tempfile.mkdtemp(prefix="quietnet-explain-"))
    copy = work / "net.db"
    shutil.copyfile(store, copy)
    database = open_database(copy, now=lambda: datetime.now(UTC))
    statements: list[str] = []
    out: list[str] = []
    try:
        with database.read() as s:
            person_id = people.resolve_id(s, name)
            settings = stored.load(s)
            calls: dict[str, Callable[[], object]] = {
                "name resolution (people.name_keys)": lambda: people.resolve_id(s, name),
                "state.eligible_candidates (net due)": lambda: state.eligible_candidates(
                    s, settings, today=TODAY
                ),
                "state.reconnected_between (net due)": lambda: state.reconnected_between(
                    s, week_start(TODAY), TODAY
                ),
                "search.find (net find)": lambda: search.find(s, FIND_TEXT),
                "state.kinds_between": lambda: state.kinds_between(s, week_start(TODAY), TODAY),
                "interactions.timeline": lambda: interactions.timeline(s, person_id),
                "state.said_of_last (each write)": lambda: state.said_of_last(s, person_id),
                "state.touches (each write)": lambda: state.touches(s, person_id),
                "people.same_name (net add)": lambda: people.same_name(s, name),
            }
            for title, call in calls.items():
                statements.clear()
                database.conn.set_trace_callback(statements.append)
                call()
                database.conn.set_trace_callback(None)
                out.append(f"### {title}\n")
                for sql in dict.fromkeys(x for x in statements if x.lstrip().upper().startswith("SELECT")):
                    out.append("    " + " ".join(sql.split()))
                    depth: dict[int, int] = {}
                    for node, parent, _, detail in database.conn.execute(f"EXPLAIN QUERY PLAN {sql}"):
                        depth[node] = depth.get(parent, -1) + 1
                        out.append(f"      {'  ' * depth[node]}{detail}")
                out.append("")
    finally:
        database.close()
        shutil.rmtree(work, ignore_errors=True)
    return "\n".join(out)


# -- main --------------------------------------------------------------------------------


def wait_idle(seconds: float) -> None:
    """Other work on a 2-core machine slows every command: give it a chance to finish."""
    deadline = time.monotonic() + seconds
    while os.getloadavg()[0] >= 0.5 and time.monotonic() < deadline:
        print(f"waiting for an idle machine (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
        time.sleep(15)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the everyday net commands against their targets.")
    parser.add_argument("--runs", type=int, help="timed runs of each command (default 7; 3 with --quick)")
    parser.add_argument("--out", type=Path, help="rewrite the table between the bench markers of this file")
    parser.add_argument("--quick", action="store_true", help="small stores, for a smoke test")
    parser.add_argument("--fresh", action="store_true", help="regenerate the cached stores")
    parser.add_argument("--explain", action="store_true", help="print the query plans of the hot queries")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="SECONDS",
        help="first wait up to this long for the 1-minute load average to fall below 0.5",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    runs: int = args.runs or (3 if args.quick else 7)
    stores = ensure_stores(sizes, fresh=args.fresh)
    if args.explain:
        print(explain(stores.everyday))
        return 0
    wait_idle(args.wait_idle)
    before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="quietnet-bench-") as work:
        runner = Runner(stores, Path(work))
        try:
            results, base = measure(runner, CASES, runs)
        finally:
            runner.close()
    load = f"{before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on the machine slows every row)"
    text = report(results, base, sizes, runs, runner.name, load)
    print(text)
    if args.out is not None:
        write_section(args.out, text)
        print(f"\nWrote the table into {args.out}.", file=sys.stderr)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
