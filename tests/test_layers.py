"""Imports flow one way, in the order of DESIGN.md's data flow.

Every ``import`` in src/dateline is read (at module level, inside functions and under
``TYPE_CHECKING`` alike: a lazy import is still a dependency) and each module's stage must be at
or above the stage of everything it imports. Services sit below the stages that use them: the
actor registry and name normalising (``resolve/``) under ``geo/``, both under annotate/extract;
evaluate/, scale/, cli/ and web/ on top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "dateline"

# (module prefix, stage): the longest prefix that matches a module gives its stage. A module may
# import modules of its own stage or lower ones, never a higher one.
STAGES: tuple[tuple[str, int], ...] = (
    ("dateline", 0),  # the package's face: __version__ and names loaded on first use
    ("dateline.errors", 0), ("dateline.config", 0), ("dateline.models", 0), ("dateline.filters", 0),
    ("dateline.budget", 0), ("dateline.data", 0),
    ("dateline.ingest", 1),
    ("dateline.resolve", 2),  # actor registry, names, relations
    ("dateline.geo", 3),
    ("dateline.annotate", 4),
    ("dateline.extract", 5),
    ("dateline.incidents", 6),
    ("dateline.merge", 7),
    ("dateline.review", 8),  # analyst decisions and how they apply: the store keeps them
    ("dateline.store", 9),
    ("dateline.query", 10),
    ("dateline.pipeline", 11), ("dateline.export", 11), ("dateline.publish", 11),
    ("dateline.users", 11),  # accounts kept in the store, for the web app's logins
    ("dateline.cli", 12), ("dateline.web", 12), ("dateline.evaluate", 12), ("dateline.scale", 12),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def stage(module: str) -> int:
    best = max((prefix for prefix, _ in STAGES if module == prefix or module.startswith(prefix + ".")), key=len)
    return dict(STAGES)[best]


def _known(name: str) -> str:
    """The module of ours that ``name`` (a module or a name inside one) is."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def imports(module: str) -> Iterator[tuple[str, int]]:
    """(imported module of ours, line) for every import statement of ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "dateline":
                    yield _known(alias.name), node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "dateline":
                continue
            for alias in node.names:  # "from . import config" imports the module dateline.config
                yield _known(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target), node.lineno


def test_every_module_has_a_stage() -> None:
    assert all(stage(m) is not None for m in MODULES)


def test_the_stage_table_knows_every_package() -> None:
    packages = {p.parent for p in PACKAGE.rglob("__init__.py")}
    top = {".".join(p.relative_to(SRC).parts) for p in packages if p.parent == PACKAGE}
    assert top <= {prefix for prefix, _ in STAGES}


def test_no_import_runs_back_up() -> None:
    back = [f"{MODULES[m].relative_to(SRC)}:{line} imports {target} (stage {stage(m)} -> {stage(target)})"
            for m in sorted(MODULES) for target, line in imports(m) if stage(target) > stage(m)]
    assert back == []


def test_no_import_cycles() -> None:
    graph = {m: {t for t, _ in imports(m) if t != m and t != "dateline"} for m in MODULES}
    cycles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert cycles == []


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components, iteratively (the graph is small, but recursion depth is not ours to spend)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component))
    return found


@pytest.mark.parametrize("graph, cycles", [
    ({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
])
def test_the_cycle_finder_finds_cycles(graph: dict[str, set[str]], cycles: list[list[str]]) -> None:
    assert [c for c in _strongly_connected(graph) if len(c) > 1] == cycles


def test_lazy_imports_are_read() -> None:
    """An import inside a function is a dependency too (``dateline places`` loads the engine lazily)."""
    assert "dateline.pipeline" in {target for target, _ in imports("dateline.cli.places")}


@pytest.mark.parametrize("package", ["dateline.annotate", "dateline.extract", "dateline.geo", "dateline.cli"])
def test_each_stage_package_has_a_public_face(package: str) -> None:
    """Every stage has an __init__.py whose __all__ names what it hands on, and each name is there."""
    import importlib

    module = importlib.import_module(package)
    assert module.__all__ and all(hasattr(module, name) for name in module.__all__)
