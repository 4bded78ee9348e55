"""Time the everyday `net` commands as whole processes against their targets.

    python benchmarks/run.py                       # 7 runs each, prints a Markdown table
    python benchmarks/run.py --out docs/performance.md
    python benchmarks/run.py --quick               # small stores, 3 runs: a smoke test
    python benchmarks/run.py --explain             # the query plans of the hot queries
    python benchmarks/run.py --only list,export    # only the rows whose key starts so (bench_cases.py)
    NET_BENCH_PG_URL=postgresql://... python benchmarks/run.py --only pg   # the PostgreSQL rows
    PATH=/tmp/peers/bin:$PATH python benchmarks/run.py --peers --only peer          # khard, jrnl, todoman

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
and migrates the store too, as a first import does. ``net export json`` writes to a
file removed before each run. With ``NET_BENCH_PG_URL`` (a database the benchmark may
empty: its ``public`` schema is dropped before each `net copy`), the 5k store is
copied to the server and `net today` runs there, its ratio taken to `net today` on SQLite;
the 50k store is copied into a schema of its own (``quietnet_50k``), so `net today`'s
later runs still read the 5k store.
The rows (bench_cases.py), the stores (bench_stores.py), the peers (bench_peers.py) and
the query plans (bench_explain.py) live beside this file. A command that ``net --help``
does not list is skipped and the table says so.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import bench_peers
from bench_cases import (
    CASES,
    FULL,
    PG_CASES,
    QUICK,
    Case,
    Result,
    Size,
    selected,
    store_text,
    target_text,
    verdict,
)
from bench_explain import explain
from bench_stores import TODAY, Stores, ensure_stores, pick_name

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


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
        self.pg_url = os.environ.get("NET_BENCH_PG_URL", "")
        self.peers: dict[str, dict[str, str]] = {}  # a peer's row key -> its environment

    def argv(self, case: Case) -> list[str]:
        words = {"NAME": self.name, "CARDS": str(self.stores.cards), "OUTPUT": str(self.work / "export.json")}
        words["PGURL"] = self.pg_url
        words["PGURL50K"] = in_schema(self.pg_url, SCHEMA_50K)
        program = [bench_peers.find(case.program[0]) or case.program[0]] if case.program else [str(self.net)]
        return [*program, *(words.get(a, a) for a in case.args)]

    def prepare(self, case: Case) -> dict[str, str]:
        """The environment of one run, after copying or clearing its store (not timed)."""
        self.runs += 1
        (self.work / "export.json").unlink(missing_ok=True)
        if case.program:
            return {**self.env, **self.peers[case.key]}
        if case.before == "pg-empty":
            empty_server(self.pg_url)
        if case.before == "pg-empty-50k":
            empty_server(self.pg_url, SCHEMA_50K)
        if case.store == "pg-everyday":
            return {**self.env, "NET_DATABASE_URL": self.pg_url}
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


EMPTY = """
import sys, psycopg2
from quietnet.engine.url import parse
c = psycopg2.connect(parse(sys.argv[1]).conninfo)
c.autocommit = True
c.cursor().execute(f"DROP SCHEMA IF EXISTS {sys.argv[2]} CASCADE; CREATE SCHEMA {sys.argv[2]}")
c.close()
"""
SCHEMA_50K = "quietnet_50k"


def in_schema(url: str, schema: str) -> str:
    """``url`` working in ``schema`` of its database (libpq's ``options=-csearch_path=...``)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "options"] + [
        ("options", f"-csearch_path={schema}")
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query, quote_via=quote), ""))


def empty_server(url: str, schema: str = "public") -> None:
    """A schema of the benchmark's database on the server, emptied (dropped and made again).

    In a child process: psycopg2 imported here would grow this process, and a child's peak
    memory (``ru_maxrss``) starts from this process's size when it is spawned."""
    subprocess.run([sys.executable, "-c", EMPTY, url, schema], check=True)


def measure(
    runner: Runner, cases: Sequence[Case], runs: int, skips: dict[str, str]
) -> tuple[list[Result], Result]:
    listed = listed_commands(runner.net, runner.env, runner.stores.everyday)
    base = Result(Case("python", "python -c pass", (), "everyday"))
    pass_argv = [sys.executable, "-c", "pass"]
    results = []
    for case in cases:
        missing = [word for word in case.requires if word not in listed and not case.program]
        skipped = skips.get(case.key) or (
            f"skipped: `net --help` does not list {' '.join(missing)}" if missing else None
        )
        results.append(Result(case, skipped=skipped))
    active = [r for r in results if r.skipped is None]
    spawn(pass_argv, runner.env, runner.out)  # warm-up, and the .pyc files
    for result in active:
        if result.case.runs is not None and result.case.runs < 3:
            continue  # a slow row: no warm-up (the .pyc files are written by now)
        _, _, code = runner.run(result.case)
        if code != result.case.exit_code:
            result.error = f"exit {code}: {runner.output().strip()[-300:]}"
            print(f"{result.case.label}: {result.error}", file=sys.stderr)
    active = [r for r in active if r.error is None]
    for n in range(runs):
        print(f"run {n + 1} of {runs}", file=sys.stderr, flush=True)
        for result in active:
            if n >= min(runs, result.case.runs or runs) or result.error is not None:
                continue
            seconds, rss, _ = spawn(pass_argv, runner.env, runner.out)
            base.times.append(seconds)
            base.rss_kb.append(rss)
            seconds, rss, code = runner.run(result.case)
            if code != result.case.exit_code:
                result.error = f"exit {code}: {runner.output().strip()[-300:]}"
                print(f"{result.case.label}: {result.error}", file=sys.stderr)
            result.times.append(seconds)
            result.rss_kb.append(rss)
    return results, base


# -- the table ---------------------------------------------------------------------------


def table(results: Sequence[Result], base: Result, sizes: dict[str, Size]) -> str:
    base_ms = base.median_ms
    medians = {r.case.key: r.median_ms for r in results if r.times and not r.error and not r.case.program}
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
            lines.append(
                f"| {label} | {store} | | | | | {target_text(r.case)} | {verdict(r, base_ms, medians)} |"
            )
            continue
        ratio = f"{r.median_ms / base_ms:.1f}"
        if r.case.versus and medians.get(r.case.versus):
            ratio += f" ({r.median_ms / medians[r.case.versus]:.1f}× `{r.case.versus}`)"  # noqa: RUF001
        lines.append(
            f"| {label} | {store} | {r.median_ms:.0f} | {min(r.times) * 1000:.0f}"
            f" | {ratio} | {r.peak_mb:.0f} | {target_text(r.case)}"
            f" | {verdict(r, base_ms, medians)} |"
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
    results: Sequence[Result],
    base: Result,
    sizes: dict[str, Size],
    runs: int,
    name: str,
    load: str,
    took: float,
) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            f"Measured {when} by `python benchmarks/run.py` on {machine()}; load average {load};"
            f" the run took {took / 60:.0f} min.",
            f"Median of {runs} runs of each command as a whole process (fewer for the slow rows: 3 for"
            " `export json` at 5k, 1 at 50k and for `net copy`), each run preceded by"
            f" `python -c pass` ({base.median_ms:.0f} ms median over {len(base.times)} runs);"
            f" NET_TODAY={TODAY.isoformat()}, NAME is {name!r}; `net log` and `net helped` run on a"
            " fresh copy of the store each time.",
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
        "--only", metavar="ROWS", help="only these rows: keys or their beginnings, comma-separated"
    )
    parser.add_argument("--peers", action="store_true", help="also time khard, jrnl and todoman if installed")
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
    started = time.monotonic()
    pg = os.environ.get("NET_BENCH_PG_URL")
    skips = {c.key: "skipped: NET_BENCH_PG_URL is not set" for c in PG_CASES if not pg}
    with tempfile.TemporaryDirectory(prefix="quietnet-bench-") as work:
        runner = Runner(stores, Path(work))
        peers = bench_peers.cases(Path(work) / "peers") if args.peers else []
        for case, env, why in peers:
            if why is not None:
                skips[case.key] = why
            elif env is not None:
                runner.peers[case.key] = env
        cases = selected((*CASES, *PG_CASES, *(case for case, _, _ in peers)), args.only)
        try:
            results, base = measure(runner, cases, runs, skips)
        finally:
            runner.close()
    load = f"{before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on the machine slows every row)"
    text = report(results, base, sizes, runs, runner.name, load, time.monotonic() - started)
    print(text)
    if args.out is not None:
        write_section(args.out, text)
        print(f"\nWrote the table into {args.out}.", file=sys.stderr)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
