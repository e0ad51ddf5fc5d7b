"""The shape of the code: data flows one way (packs -> graph -> explorer -> exports and the CLI), no
import goes back up or circles, and no function runs over 60 lines.

Every ``import`` of an awskg module is read from the source (at any depth: the
lazy imports inside functions count), so a layer cannot reach up even where it
would only do so at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "awskg"
#: Lower layers first; the package's facade (``awskg/__init__.py``) gathers the API and is no layer.
LAYERS = {"errors": 0, "i18n": 0, "version": 0, "graph": 1, "explorer": 2, "exports": 3}
TOP = 4  # cli, terminal, output, notebook, progress: presentation and front ends


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py")}


def _layer(module: str) -> int:
    return LAYERS.get(module.split(".")[1], TOP)


def _imports(module: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "awskg":
            found |= {
                f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in MODULES else node.module for a in node.names
            }
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "awskg"}
    return found


GRAPH = nx.DiGraph((m, t) for m in MODULES if m != "awskg" for t in _imports(m) if t != m)


def test_no_module_imports_a_higher_layer():
    upward = [(m, t) for m, t in GRAPH.edges if t == "awskg" or _layer(t) > _layer(m)]
    assert GRAPH.number_of_edges() > 50  # the walk found the imports
    assert upward == []


def test_no_import_circle():
    assert list(nx.simple_cycles(GRAPH)) == []


def test_the_walk_sees_an_upward_import(tmp_path, monkeypatch):
    # the check itself can fail: a graph module that imports the explorer is caught
    fake = tmp_path / "awskg" / "graph" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from awskg.explorer.paths import relate\n", "utf-8")
    monkeypatch.setitem(MODULES, "awskg.graph.bad", fake)
    assert "awskg.explorer.paths" in _imports("awskg.graph.bad")
    assert _layer("awskg.explorer.paths") > _layer("awskg.graph.bad")


def test_no_function_is_over_60_lines():
    long = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60:
                long.append(f"{module}.{node.name}: {node.end_lineno - node.lineno + 1} lines")
    assert long == []
