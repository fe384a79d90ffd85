"""The layout's rules, checked from the source (see docs/architecture.md).

Each folder under ``src/eventwire`` is a room: one step of the data flow or one face.
A room may import only the rooms its rule names; module-level imports form no cycle; no
module is over 600 lines; at most 8 modules lie loose at the top of the package; the
store is the only room that speaks SQL.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventwire"

# Modules loose at the top of the package that every room may use.
BASE = frozenset({"model", "errors", "datafiles", "geodesy"})

# room -> the rooms it may import (besides itself and BASE). Keep in step with
# docs/architecture.md.
ALLOWED: dict[str, frozenset[str]] = {
    "base": frozenset(),
    "knowledge": frozenset(),
    "timex": frozenset(),
    "articles": frozenset({"timex"}),
    "sources": frozenset({"version", "articles"}),
    "store": frozenset(),
    "gazetteer": frozenset({"knowledge"}),
    "coding": frozenset({"knowledge", "gazetteer", "timex"}),
    "detection": frozenset({"evaluate"}),
    "stages": frozenset({"knowledge", "gazetteer", "timex", "coding", "articles", "detection"}),
    "run": frozenset({"sources", "articles", "stages", "store", "gazetteer"}),
    "export": frozenset({"store", "coding"}),
    "api": frozenset({"store", "export", "run", "sources", "stages", "gazetteer", "version"}),
    "evaluate": frozenset({"knowledge", "gazetteer", "timex", "coding", "articles"})
    | {"stages", "run", "store", "export"},
    "cli": frozenset(
        {"api", "evaluate", "export", "run", "store", "sources", "stages", "knowledge", "coding"}
    ),
    "top": frozenset({"run", "sources", "stages", "version"}),
}

MAX_LINES = 600
MAX_TOP_MODULES = 8

# A string literal holding a statement: upper-case keywords, as the project writes SQL.
SQL_STATEMENT = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b", re.DOTALL)
# The rooms that may hold SQL: the store, and the gazetteer, which builds and reads its
# own GeoNames database file (not the event store).
SQL_ROOMS = frozenset({"store", "gazetteer"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _room(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "top"
    if parts[1] in BASE:
        return "base"
    if parts[1] == "__version__":
        return "version"
    return parts[1]


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield _module_name(path), path


def _imports(path: Path, *, top_level_only: bool) -> Iterator[tuple[int, str]]:
    """(line, module) of every ``eventwire`` import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "eventwire":
                for alias in node.names:
                    yield node.lineno, f"eventwire.{alias.name}"
            elif node.module.startswith("eventwire."):
                yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("eventwire."):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            yield node.lineno, "<relative>"


def test_every_room_has_a_rule() -> None:
    rooms = {_room(module) for module, _ in _modules()}
    assert rooms - set(ALLOWED) == set(), "add the new room to ALLOWED and the docs"


def test_rooms_import_only_what_their_rule_allows() -> None:
    broken = []
    for module, path in _modules():
        room = _room(module)
        allowed = ALLOWED[room] | {room, "base"}
        for line, target in _imports(path, top_level_only=False):
            if target == "<relative>":
                broken.append(f"{path.name}:{line}: relative import (use eventwire.…)")
                continue
            target_room = _room(target)
            if target_room not in allowed:
                rel = path.relative_to(PACKAGE)
                broken.append(f"{rel}:{line}: {room} may not import {target} ({target_room})")
    assert broken == []


def _module_graph() -> dict[str, set[str]]:
    """module -> the package modules it imports at module level."""
    modules = dict(_modules())
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        deps = set()
        for _, target in _imports(path, top_level_only=True):
            # "from eventwire.x import y" may name a submodule y or a name in x.
            deps.add(target if target in modules else target.rsplit(".", 1)[0])
        graph[module] = {d for d in deps if d in modules and d != module}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[str]:
    """Cycles found by a depth-first walk. A package's ``__init__`` importing its own
    submodules is the usual re-export, not a cycle."""
    cycles: list[str] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if dep.startswith(node + "."):
                continue
            if state.get(dep) == 1:
                cycles.append(" -> ".join([*stack[stack.index(dep) :], dep]))
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    return cycles


def test_no_import_cycle_between_modules() -> None:
    """Module-level imports form no cycle (imports inside functions may break one)."""
    graph = _module_graph()
    assert len(graph) > 100 and sum(map(len, graph.values())) > 200
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "p": {"p.x"}, "p.x": set()}
    assert _cycles(graph) == ["a -> b -> c -> a"]


def test_no_module_is_too_long() -> None:
    long = {}
    for module, path in _modules():
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_LINES:
            long[module] = lines
    assert long == {}, "split these modules by concern"


def test_few_modules_at_the_top() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_the_rule_catches_a_broken_import(tmp_path: Path) -> None:
    """The checker itself: a store module importing the API is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("from eventwire.api import create_app\nimport eventwire.cli.main\n")
    targets = [t for _, t in _imports(bad, top_level_only=False)]
    assert targets == ["eventwire.api", "eventwire.cli.main"]
    assert {_room(t) for t in targets} - (ALLOWED["store"] | {"store", "base"}) == {"api", "cli"}


def _sql_literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal in the file that holds an SQL statement; an
    f-string is read with its replacement fields as ``{}``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    parts = {id(part) for node in strings for part in node.values}
    for node in ast.walk(tree):
        if id(node) in parts:
            continue  # read with its f-string
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if SQL_STATEMENT.search(text):
            yield node.lineno, text


def test_only_the_store_speaks_sql() -> None:
    found = []
    for module, path in _modules():
        if _room(module) in SQL_ROOMS:
            continue
        for line, text in _sql_literals(path):
            found.append(f"{path.relative_to(PACKAGE)}:{line}: {text[:60]!r}")
    assert found == [], "move the SQL into store/ (store/read/ for what the API reads)"


def test_the_sql_check_catches_a_planted_statement(tmp_path: Path) -> None:
    """The checker itself: statements in plain strings, implicit concatenations and
    f-strings are found; prose with lower-case words is not."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def rows(conn, table, limit):\n"
        '    conn.execute("SELECT source, count(*) AS n "\n'
        '                 "FROM articles GROUP BY source")\n'
        '    conn.execute(f"DELETE FROM {table} WHERE id > {limit}")\n'
        '    conn.execute("""\nUPDATE events\n   SET dead = 0""")\n'
        '    conn.execute("INSERT INTO meta VALUES (?, ?)", (1, 2))\n'
        '    return "select the rows from the table, then update the set"\n',
        encoding="utf-8",
    )
    assert sorted(line for line, _ in _sql_literals(bad)) == [2, 4, 5, 8]
