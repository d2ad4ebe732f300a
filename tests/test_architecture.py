"""The layers of the code, checked: each package imports only from the layers below it, nothing imports in a
circle, and only the dashboard's top layers call Streamlit.

    collectors            data: sources, schema, linking, the tidy dataset (imports neither app nor brief)
    api                   the open data API (SQLite + Datasette): imports collectors only
    app.i18n              languages: catalogs, names of codes, number and date formats
    app.prep              pure aggregates          app.charts    pure figure builders
    app.exports           downloads, citations     app.data      the cached loaders (the only reader of files),
                                                                 and what is built from them once per version
    brief                 the weekly brief (numbers, words, layout), beside the pages that show it
    app.ui, app.views     Streamlit: widgets bound to the URL, the pages
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("collectors", "app", "brief", "api")

# What each layer may import from the project (besides itself and the standard and third-party libraries).
ALLOWED = {
    "collectors": {"collectors"},
    "api": {"api", "collectors"},  # the open data API: the dataset as SQLite for Datasette
    "app.i18n": {"app.i18n", "collectors"},
    "app.prep": {"app.prep", "app.i18n", "collectors"},
    "app.charts": {"app.charts", "app.prep", "app.i18n", "collectors"},
    "app.exports": {"app.exports", "app.prep", "app.i18n", "collectors"},
    "app.data": {"app.data", "app.prep", "collectors"},  # app/data/derived.py builds on the loaders
    "brief": {"brief", "app.charts", "app.prep", "app.i18n", "collectors"},
    "app.ui": {"app.ui", "app.data", "app.exports", "app.charts", "app.prep", "app.i18n", "collectors", "brief"},
    "app.views": {"app.ui", "app.data", "app.exports", "app.charts", "app.prep", "app.i18n", "collectors", "brief"},
}
CALLS_STREAMLIT = {"app.ui", "app.views", "app.data"}  # app.data: its st.cache_resource loaders


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    for layer in sorted(ALLOWED, key=len, reverse=True):
        if module == layer or module.startswith(layer + "."):
            return layer
    return module.split(".")[0]


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _project_modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}


MODULES = _project_modules()


def _resolve(name: str) -> str | None:
    """The project module an imported name is (`from app import i18n` names the module app.i18n)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_from_the_layers_below(module):
    layer = _layer(module)
    wrong = sorted(target for target in (_resolve(n) for n in _imports(MODULES[module], top_level_only=False))
                   if target and _layer(target) not in ALLOWED.get(layer, {layer}) and target != "app")
    assert not wrong, f"{module} ({layer}) imports {wrong}"


def test_only_the_top_layers_call_streamlit():
    calling = sorted(m for m, p in MODULES.items()
                     if any(n == "streamlit" or n.startswith("streamlit.") for n in _imports(p, top_level_only=False))
                     and _layer(m) not in CALLS_STREAMLIT)
    assert not calling, calling


def test_there_is_no_import_circle():
    graph = {m: {t for t in (_resolve(n) for n in _imports(p, top_level_only=True)) if t and t != m}
             for m, p in MODULES.items()}
    # A package's __init__ importing its own submodules is how a package is built, not a circle.
    graph = {m: {t for t in targets if not t.startswith(m + ".")} for m, targets in graph.items()}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                raise AssertionError("import circle: " + " -> ".join([*path, module, target]))
            if not state.get(target):
                visit(target, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if not state.get(module):
            visit(module, [])


def test_no_view_reads_a_file():
    for path in (REPO / "app" / "views").glob("*.py"):
        text = path.read_text()
        assert "open(" not in text and "read_text(" not in text and "read_csv(" not in text, path.name


def test_no_module_is_long():
    """A module a newcomer reads in one sitting: split by meaning past ~300 lines."""
    long = {str(p.relative_to(REPO)): n for p in [*(REPO / "app").rglob("*.py"), *(REPO / "collectors").rglob("*.py")]
            if (n := len(p.read_text().splitlines())) > 320}
    assert not long, long
