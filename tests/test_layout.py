"""The package's modules and folders import each other in one direction only.

Every ``import`` of a package module counts, at module level or inside a function (a lazy
import still ties the two modules together).  The module graph must be acyclic, and so
must the graph of the package's parts (its sub-packages and root modules), where
``kernel`` and ``generated`` are one part: the trusted base, whose generated arb code runs
on the kernel's ball primitives while the kernel looks that code up.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "selu_proof"

#: parts merged into one node of the part graph
SAME_PART = {"selu_proof.generated": "selu_proof.kernel"}

#: edges between parts that still climb back up, each with the module that makes it; the
#: test fails once one is gone, so that it leaves this list
PENDING: set[tuple[str, str]] = set()


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package and the package modules it imports anywhere in its code."""
    paths = {_module_name(p, package.parent): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative import
                    parts = here.split(".")[:len(here.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:  # ``from pkg import module`` names the module
                    deps.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths
                             else base)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[name] = {d for d in deps if d in paths and d != name}
    return graph


def _part(module: str) -> str:
    """``selu_proof.X`` for a module in the sub-package or root module ``X``."""
    part = ".".join(module.split(".")[:2])
    return SAME_PART.get(part, part)


def part_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph between the package's parts (minus the :data:`PENDING` edges)."""
    parts: dict[str, set[str]] = {}
    for module, deps in graph.items():
        parts.setdefault(_part(module), set()).update(
            _part(d) for d in deps if _part(d) != _part(module)
            and (module, d) not in PENDING)
    return parts


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a path ``[a, b, ..., a]``, or ``None``."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return [*path[path.index(dep):], dep] if dep in path else [*path, node, dep]
            if dep not in state and (cycle := visit(dep, [*path, dep])):
                return cycle
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node, [node])):
            return cycle
    return None


def test_the_helpers_find_a_circle_hidden_in_a_function(tmp_path):
    pkg = tmp_path / "selu_proof"
    (pkg / "low").mkdir(parents=True)
    for init in (pkg / "__init__.py", pkg / "low" / "__init__.py", pkg / "low" / "b.py"):
        init.write_text("")
    (pkg / "low" / "a.py").write_text("def f():\n    from selu_proof.high import g\n")
    (pkg / "high.py").write_text("from selu_proof.low import b\n")
    graph = import_graph(pkg)
    assert graph["selu_proof.low.a"] == {"selu_proof.high"}  # found inside the function
    assert find_cycle(graph) is None  # between modules: a -> high -> b
    assert find_cycle(part_graph(graph)) == ["selu_proof.high", "selu_proof.low",
                                             "selu_proof.high"]


def test_no_import_circles_between_modules():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_no_import_circles_between_the_package_parts():
    cycle = find_cycle(part_graph(import_graph()))
    assert cycle is None, "import circle between parts: " + " -> ".join(cycle)


def test_pending_upward_imports_are_still_there():
    """An edge listed in :data:`PENDING` that no longer exists must leave the list."""
    graph = import_graph()
    gone = [f"{module} no longer imports {dep}" for module, dep in sorted(PENDING)
            if dep not in graph[module]]
    assert not gone, "; ".join(gone) + ": drop it from PENDING"
