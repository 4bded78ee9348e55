"""What `benchmarks/run.py` times: each row of the table, its store and its target.

A row's ``key`` names it for ``--only`` (``--only list,export`` runs every row whose key
starts with one of the words). Targets come from docs/performance.md and issue 20:
a time, a ratio to ``python -c pass`` (or, with ``versus``, to another row), a peak
memory. PostgreSQL rows need ``NET_BENCH_PG_URL``; the peers' rows need ``--peers``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

FIND_TEXT = "climbing"


@dataclass(frozen=True)
class Size:
    people: int
    interactions: int

    @property
    def label(self) -> str:
        return f"{short(self.people)} / {short(self.interactions)}"


def short(n: int) -> str:
    for unit, size in (("M", 1_000_000), ("k", 1_000)):
        if n >= size and n % (size // 10) == 0:
            return f"{n / size:g}{unit}"
    return f"{n:,}"


FULL = {"everyday": Size(5_000, 200_000), "stress": Size(50_000, 2_000_000)}
QUICK = {"everyday": Size(500, 20_000), "stress": Size(2_000, 80_000)}


@dataclass(frozen=True)
class Case:
    """One command line to time, on which store, against which target."""

    key: str  # for --only
    label: str  # as shown in the table
    args: tuple[str, ...]  # after `net`; NAME, CARDS, OUTPUT, PGURL and PGURL50K are filled in
    store: str  # "everyday", "stress", "empty" (a fresh path each run), "pg-everyday" (the server)
    target_ms: float | None = None
    ratio: float | None = None  # at most this many times `python -c pass` (or the `versus` row)
    memory_mb: float | None = None  # peak RSS at most this
    requires: tuple[str, ...] = ()  # command words that must be listed by --help
    copy: bool = False  # the command writes: a fresh copy of the store for each run
    runs: int | None = None  # fewer runs for the slow rows
    versus: str | None = None  # the ratio is to this row's median (its key), not to python
    program: tuple[str, ...] = ()  # a peer's command instead of `net` (--peers)
    before: str | None = None  # "pg-empty", "pg-empty-50k": that store on the server is emptied first
    exit_code: int = 0  # bare `net` prints its help as a usage message does: exit 2


E, S = "everyday", "stress"
CASES: tuple[Case, ...] = (
    Case("help", "net --help", ("--help",), E, 150),
    Case("bare", "net", (), E, ratio=7, exit_code=2),
    Case("today", "net today", ("today",), E, 150, ratio=15, requires=("today",)),
    Case("due", "net due", ("due",), E, 150, ratio=15, requires=("due",)),
    Case("due-json", "net due --json", ("due", "--json"), E, ratio=7, requires=("due",)),
    Case("log", "net log NAME call", ("log", "NAME", "call"), E, 200, ratio=7, requires=("log",), copy=True),
    Case(
        "helped",
        "net helped NAME advice",
        ("helped", "NAME", "CV tips", "--kind", "advice"),
        E,
        ratio=7,
        requires=("helped",),
        copy=True,
    ),
    Case("show", "net show NAME", ("show", "NAME"), E, 300, ratio=7, requires=("show",)),
    Case("why", "net why NAME", ("why", "NAME"), E, ratio=7, requires=("why",)),
    Case("list", "net list", ("list",), E, 300, requires=("list",)),
    Case("find", f"net find {FIND_TEXT}", ("find", FIND_TEXT), E, 300, ratio=7, requires=("find",)),
    Case("review", "net review", ("review",), E, 500, ratio=10, requires=("review",)),
    # A Tab: `net log a<Tab>` (about 700 names start a word with a) and `net show <Tab>` (everyone).
    Case("tab-log", "Tab after net log a", ("__complete", "log", "a"), E, 150, requires=("completion",)),
    Case("tab-show", "Tab after net show", ("__complete", "show", ""), E, 150, requires=("completion",)),
    Case(
        "export-5k",
        "net export json",
        ("export", "json", "--output", "OUTPUT", "--yes"),
        E,
        1500,
        memory_mb=120,
        requires=("export",),
        runs=3,
    ),
    Case("today-50k", "net today", ("today",), S, ratio=10, requires=("today",)),
    Case("due-50k", "net due", ("due",), S, 1000, ratio=10, memory_mb=300, requires=("due",)),
    Case("list-50k", "net list", ("list",), S, ratio=30, memory_mb=60, requires=("list",)),
    Case("review-50k", "net review", ("review",), S, ratio=20, requires=("review",)),
    Case(
        "export-50k",
        "net export json",
        ("export", "json", "--output", "OUTPUT", "--yes"),
        S,
        15_000,
        memory_mb=150,
        requires=("export",),
        runs=1,
    ),
    Case(
        "import-vcard",
        "net import vcard CARDS",
        ("import", "vcard", "CARDS"),
        "empty",
        10_000,
        requires=("import", "vcard"),
    ),
)

# The store on PostgreSQL (NET_BENCH_PG_URL): the copy first (it fills the server), then net today.
PG_CASES: tuple[Case, ...] = (
    Case(
        "pg-copy",
        "net copy --to PGURL",
        ("copy", "--to", "PGURL", "--yes"),
        E,
        30_000,
        runs=1,
        requires=("copy",),
        before="pg-empty",
    ),
    Case(
        "pg-today",
        "net today (PostgreSQL)",
        ("today",),
        "pg-everyday",
        ratio=2,
        versus="today",
        requires=("today",),
    ),
    Case(
        "pg-copy-50k",
        "net copy --to PGURL",
        ("copy", "--to", "PGURL50K", "--yes"),  # a schema of its own: pg-today keeps reading the 5k store
        S,
        300_000,
        runs=1,
        requires=("copy",),
        before="pg-empty-50k",
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


def selected(cases: tuple[Case, ...], only: str | None) -> list[Case]:
    """The rows ``--only`` asks for: every key starting with one of its comma-separated words."""
    if not only:
        return list(cases)
    words = [w.strip() for w in only.split(",") if w.strip()]
    chosen = {c.key for c in cases if any(c.key.startswith(w) for w in words)}
    chosen |= {c.versus for c in cases if c.key in chosen and c.versus}  # what a ratio is taken to
    return [c for c in cases if c.key in chosen]


def verdict(result: Result, base_ms: float, medians: dict[str, float]) -> str:
    case = result.case
    if result.skipped:
        return result.skipped
    if result.error:
        return f"error ({result.error.split(':')[0]})"
    if case.program:
        return "a peer, for comparison"
    failed = []
    if case.target_ms is not None and result.median_ms > case.target_ms:
        failed.append("time")
    reference = medians.get(case.versus) if case.versus else base_ms
    if case.ratio is not None and not reference:
        return f"not compared: no `{case.versus}` row"
    if case.ratio is not None and reference and result.median_ms > case.ratio * reference:
        failed.append("ratio")
    if case.memory_mb is not None and result.peak_mb > case.memory_mb:
        failed.append("memory")
    return "met" if not failed else "**not met** (" + ", ".join(failed) + ")"


def target_text(case: Case) -> str:
    parts = [] if case.target_ms is None else [f"≤ {case.target_ms:,.0f} ms"]
    if case.ratio is not None:
        against = f"`{case.versus}` on SQLite" if case.versus else "python"
        parts.append(f"≤ {case.ratio:g}× {against}")  # noqa: RUF001
    if case.memory_mb is not None:
        parts.append(f"≤ {case.memory_mb:g} MB")
    return ", ".join(parts)


def store_text(case: Case, sizes: dict[str, Size]) -> str:
    if case.program:
        return case.store
    if case.store == "empty":
        return f"empty ({short(sizes['everyday'].people)} cards)"
    if case.args == ("--help",):
        return "any"
    if case.store == "pg-everyday":
        return f"{sizes['everyday'].label} on PostgreSQL"
    return sizes[case.store].label
