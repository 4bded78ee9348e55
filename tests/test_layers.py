"""The package's layers: no import cycle, and each layer imports only the ones below it.

Imports are read from the source (inside functions too; those under
``if TYPE_CHECKING:`` do not run, so they do not count).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

# What each layer may import from quietnet (docs/development.md, "Layout").
ALLOWED = {
    "core": {"core", "errors"},
    # store: migrate.py rebuilds derived columns (store/derived.py); io: the one folder sync (io/files.py)
    "engine": {"engine", "errors", "store", "io"},
    "store": {"store", "engine", "core", "errors"},
    "io": {"io", "core", "errors"},
    "render": {"render", "core", "errors"},
    # the use cases: never the command line, never screen text
    "ops": {"ops", "core", "store", "engine", "io", "errors"},
}
# Arrows that still point the wrong way (issue 15); remove an entry when its import goes.
KNOWN: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return {m for m in found if m in modules and m != name and not name.startswith(m + ".")}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    cycles = []
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            current = todo.pop()
            if current == start:
                cycles.append(start)
                break
            if current not in seen:
                seen.add(current)
                todo += graph[current]
    assert cycles == []


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = set()
    for name, imported in _graph().items():
        layer = name.split(".")[1] if name.count(".") else ""
        for target in imported:
            other = target.split(".")[1] if target.count(".") else ""
            if layer in ALLOWED and other not in ALLOWED[layer] and target != "quietnet":
                wrong.add((name, target))
    assert wrong == KNOWN


SQL_CALLS = {"execute", "executemany", "all", "one", "scalar"}
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "PRAGMA ")
# cli/ modules that run SQL themselves: none (issue 15); the test keeps it so.
SQL_IN_CLI: set[str] = set()


def _runs_sql(node: ast.AST) -> bool:
    """A call like ``s.all(...)`` on a session, or a string that starts like an SQL statement."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        target = node.func.value
        return node.func.attr in SQL_CALLS and isinstance(target, ast.Name) and target.id in ("s", "session")
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(SQL_WORDS)


def test_the_command_line_runs_no_sql() -> None:
    running = {
        name
        for name, path in _modules().items()
        if name.startswith("quietnet.cli.")
        and any(_runs_sql(node) for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert running == SQL_IN_CLI
