"""The core (``nextgen_tui``) never imports Textual; only ``app.py`` and ``screens/`` do.

Checked two ways: statically (no module of the core names textual in an import), and at
run time (importing the whole core and running a gap analysis loads no textual module).
The one exception: the ``room`` subcommand starts the room view's app (a second
composition root, in ``screens/room/``), importing it inside the function that runs it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

CORE = Path(__file__).resolve().parents[2] / "nextgen_tui"
UI_MODULES = {"app.py"}
#: Core module (relative path) -> the app module it may start, imported in a function only.
LAUNCHERS = {"cli/room.py": "screens.room.app"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _top_level_imports(path: Path) -> set[str]:
    """The modules imported at module level (so loaded when the module is imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_do_not_import_textual_or_screens() -> None:
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        if path.name in UI_MODULES:
            continue
        allowed = LAUNCHERS.get(path.relative_to(CORE).as_posix())
        bad = {
            name
            for name in _imported_modules(path)
            if name.split(".")[0] in {"textual", "screens"} and name != allowed
        }
        if bad:
            offenders[path.name] = sorted(bad)
    assert offenders == {}


def test_launchers_import_their_app_only_when_run() -> None:
    for relative, app_module in LAUNCHERS.items():
        path = CORE / relative
        assert app_module in _imported_modules(path)
        assert app_module not in _top_level_imports(path)


def test_importing_the_core_loads_no_textual() -> None:
    modules = sorted(
        ".".join(("nextgen_tui", *p.relative_to(CORE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in CORE.rglob("*.py")
        if p.name not in UI_MODULES and p.stem != "__main__"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_the_way_to_the_first_paint_imports_no_models() -> None:
    """The command line, the app and its opening screen load without pydantic (the models,
    and pydantic-core's JSON parser) or TinyDB, so the first frame does not wait for them
    (benchmarks/startup.py)."""
    code = (
        "import sys\n"
        "import nextgen_tui.cli.main, nextgen_tui.app, nextgen_tui.store.opening\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in"
        " ('pydantic', 'pydantic_core', 'tinydb')"
        " or n.startswith(('nextgen_tui.models', 'screens.commands'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), imports inside functions
    included: any such group is an import cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_not_even_through_imports_inside_functions() -> None:
    graph = grimp.build_graph("nextgen_tui", "screens", exclude_type_checking_imports=True)
    assert _cycles(graph) == []
