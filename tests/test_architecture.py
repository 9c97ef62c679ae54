"""The package's shape: layers imported in one direction, no import circles,
imports inside functions only to keep heavy modules off the start-up path.

Layers, top to bottom (a module imports only from its own layer or below):

    cli, commands  ->  output  ->  demo  ->  reports  ->  analysis | interchange
    ->  registry  ->  the base (models, vocabulary, i18n, errors, db, validate, clock)

``analysis`` and ``interchange`` are siblings: neither imports the other. No
command imports another command (``commands/_common`` holds what they share).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "dangdn_cli"

LAYERS: dict[str, int] = {
    "cli": 7,
    "__main__": 7,
    "commands": 7,
    "output": 6,
    "demo": 5,
    "reports": 4,
    "analysis": 3,
    "interchange": 3,
    "registry": 2,
}
BASE = 1  # every other top-level module (models, vocabulary, i18n, errors, db, ...)
SIBLINGS = {frozenset({"analysis", "interchange"})}
# Third-party modules that cost start-up time; a function may import them
# (or a module of ours that imports them) so that `--help` does not pay.
HEAVY = {
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "docx",
    "docxtpl",
    "openpyxl",
    "matplotlib",
    "python_calamine",
    "jinja2",
    "psycopg",
    "stdnum",
    "platformdirs",
    "rich",
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue  # Alembic loads these by path; they import nothing of ours
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The module of ours that ``name`` (a module or a name in one) refers to."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(path: Path) -> Iterator[tuple[str, bool, int]]:
    """(imported dotted name, inside a function?, line) for every import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, bool, int]]:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, in_function, child.lineno
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = module.split(".")
                    anchor = anchor[: len(anchor) - child.level + (1 if is_package else 0)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    yield f"{base}.{alias.name}", in_function, child.lineno
            elif isinstance(child, ast.If) and _is_type_checking(child):
                continue  # annotations only: never run
            else:
                yield from visit(child, nested)

    yield from visit(tree, False)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@cache
def _graph() -> dict[str, list[tuple[str, bool, int]]]:
    graph: dict[str, list[tuple[str, bool, int]]] = {}
    for name, path in MODULES.items():
        edges = []
        for imported, in_function, line in _imports(path):
            if imported.split(".")[0] == PACKAGE:
                target = _resolve(imported)
                if target and target != name:
                    edges.append((target, in_function, line))
            else:
                edges.append((imported, in_function, line))
        graph[name] = edges
    return graph


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(module: str) -> int:
    return LAYERS.get(_area(module), BASE)


@cache
def _heavy_modules() -> frozenset[str]:
    """Our modules that load a heavy third-party module when imported: through
    a module-level import, or through a package's ``__init__`` (importing a
    module runs its packages' ``__init__`` first)."""
    heavy = set()
    changed = True
    while changed:
        changed = False
        for module, edges in _graph().items():
            if module in heavy:
                continue
            parent = module.rpartition(".")[0]
            if (parent != PACKAGE and parent in heavy) or any(
                not inside and (t.split(".")[0] in HEAVY or t in heavy) for t, inside, _ in edges
            ):
                heavy.add(module)
                changed = True
    return frozenset(heavy)


def _heavy(module: str) -> bool:
    return module.split(".")[0] in HEAVY or module in _heavy_modules()


def _ours(target: str) -> bool:
    return target in MODULES


def test_the_layers_are_named_after_real_packages() -> None:
    areas = {_area(m) for m in MODULES}
    assert set(LAYERS) - {"cli", "__main__"} <= areas


def test_no_upward_import() -> None:
    upward = [
        f"{module} (line {line}) imports {target}"
        for module, edges in _graph().items()
        for target, _, line in edges
        if _ours(target) and _layer(target) > _layer(module)
    ]
    assert upward == []


def test_siblings_do_not_import_each_other() -> None:
    crossing = [
        f"{module} (line {line}) imports {target}"
        for module, edges in _graph().items()
        for target, _, line in edges
        if _ours(target)
        and frozenset({_area(module), _area(target)}) in SIBLINGS
        and _area(module) != _area(target)
    ]
    assert crossing == []


def test_no_command_imports_another() -> None:
    crossing = [
        f"{module} (line {line}) imports {target}"
        for module, edges in _graph().items()
        if _area(module) == "commands"
        for target, _, line in edges
        if _area(target) == "commands"
        and target not in ("dangdn_cli.commands._common",)
        and target != "dangdn_cli.commands"
    ]
    assert crossing == []


def test_no_import_circle() -> None:
    graph = {m: sorted({t for t, _, _ in edges if _ours(t)}) for m, edges in _graph().items()}
    # Tarjan's strongly connected components.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in graph:
        if node not in index:
            connect(node)
    assert circles == []


def test_imports_inside_functions_only_for_heavy_modules() -> None:
    light = [
        f"{module} (line {line}) imports {target} inside a function"
        for module, edges in _graph().items()
        for target, inside, line in edges
        if inside and not _heavy(target)
    ]
    assert light == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_is_short_enough_to_read(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 500, f"{module} has {lines} lines"


@pytest.mark.parametrize(
    "package", sorted(m for m, p in MODULES.items() if p.name == "__init__.py")
)
def test_every_package_says_what_it_owns(package: str) -> None:
    doc = ast.get_docstring(ast.parse(MODULES[package].read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 12, f"{package} needs a docstring saying what it owns"
