"""The contract every source keeps (collectors/registry.py's Source), and the shape of collectors/ itself: no
import circle, and nothing upstream imports the dashboard (app) or the brief."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from collectors import registry, runner, schema
from tests.support.snapshots import SNAPSHOTS

REPO = Path(__file__).resolve().parent.parent
COLLECTORS = REPO / "collectors"
# A raw export of each source with some rows in it: the smallest file `build` merges, or, for the news
# feeds (none of which is part of the committed dataset), a test feed.
SAMPLE_FILES = {"news_feeds": (REPO / "tests" / "fixtures" / "feed_rss_breaches.xml",)}
MEMBERS = [name for name in vars(registry.Source) if not name.startswith("_")]
# The session methods that send a request: a source sends through collectors.http.download only.
REQUESTS = {"get", "post", "put", "head", "request", "send"}


def source_files(module) -> list[Path]:
    """The files of a source: its module, or every module of its package."""
    path = Path(inspect.getfile(module))
    return sorted(path.parent.glob("*.py")) if path.name == "__init__.py" else [path]


def test_the_protocol_names_what_the_runner_reads():
    assert {"SOURCE", "INFO", "LISTS", "fetch", "parse", "measure_coverage", "removed_reports", "MATCH_ON_CONTENT",
            "FETCH", "NETWORK", "SNAPSHOT_FILES", "REPOSITORY_FILES"} <= set(MEMBERS)


@pytest.mark.parametrize("name", list(registry.SOURCES))
def test_every_source_declares_every_part_of_the_contract(name):
    module = registry.SOURCES[name]
    missing = [member for member in MEMBERS if not hasattr(module, member)]
    assert not missing, f"{name} does not declare {missing} (declare optional parts as None, False or ())"
    assert module.SOURCE == name and module.INFO["name"] == name
    assert module.LISTS is None or (isinstance(module.LISTS, tuple) and all(isinstance(x, str) for x in module.LISTS))
    for flag in ("FETCH", "NETWORK", "MATCH_ON_CONTENT"):
        assert isinstance(getattr(module, flag), bool), f"{name}.{flag}"
    for files in ("SNAPSHOT_FILES", "REPOSITORY_FILES"):
        assert isinstance(getattr(module, files), tuple), f"{name}.{files}"
    for optional in ("measure_coverage", "removed_reports"):
        assert getattr(module, optional) is None or callable(getattr(module, optional)), f"{name}.{optional}"
    parse = inspect.signature(module.parse)
    assert list(parse.parameters)[:1] == ["raw"] and {"list_kind", "as_of"} <= set(parse.parameters)
    assert all(parse.parameters[p].kind is inspect.Parameter.KEYWORD_ONLY for p in ("list_kind", "as_of"))
    assert list(inspect.signature(module.fetch).parameters)[:1] == ["session"]


def _session_requests(tree: ast.AST) -> list[str]:
    """`session.get(...)`-like calls: a request sent by the source itself."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REQUESTS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "session":
            found.append(f"line {node.lineno}: session.{node.func.attr}(...)")
    return found


@pytest.mark.parametrize("name", list(registry.SOURCES))
def test_fetch_does_its_io_through_the_one_download_helper(name):
    module = registry.SOURCES[name]
    trees = {path.name: ast.parse(path.read_text(encoding="utf-8")) for path in source_files(module)}
    direct = {file: calls for file, tree in trees.items() if (calls := _session_requests(tree))}
    assert not direct, f"{name} sends requests itself instead of through collectors.http.download: {direct}"
    if module.FETCH and module.NETWORK:
        names = {n.id for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert "download" in names, f"{name} fetches over the network but never calls collectors.http.download"
    # fetch() gives raw exports: it never parses them into rows.
    fetch = ast.parse(inspect.getsource(module.fetch).strip())
    called = {n.func.id for n in ast.walk(fetch) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "parse" not in called, f"{name}.fetch parses: fetch returns raw exports, the runner parses them"



def _sample(module) -> Path:
    files = SAMPLE_FILES.get(module.SOURCE) or (
        [p for pattern in module.SNAPSHOT_FILES for p in SNAPSHOTS.glob(pattern)] + [REPO / f for f in module.REPOSITORY_FILES])
    files = [p for p in files if p.is_file()]
    if not files:
        pytest.skip(f"no snapshot of {module.SOURCE} in {SNAPSHOTS} (see tests/support/snapshots.py)")
    return min(files, key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("name", list(registry.SOURCES))
def test_parse_gives_the_sources_own_columns_and_the_runner_finishes_them(name):
    module = registry.SOURCES[name]
    raw = _sample(module).read_bytes()
    own = module.parse(raw)
    assert len(own), f"the sample of {name} has no rows: pick another"
    unknown = set(own.columns) - set(schema.COLUMN_NAMES)
    assert not unknown, f"{name}.parse returns columns the schema lacks: {sorted(unknown)}"
    # Regions come from the country, for every source alike: the runner adds them (collectors/parsing.py).
    assert not {"region", "subregion"} & set(own.columns), f"{name}.parse finishes its rows itself"
    finished = runner.parse_source(module, raw)
    assert list(finished.columns) == list(schema.COLUMN_NAMES) and len(finished) == len(own)
    assert (finished["source"] == name).all()


@pytest.mark.parametrize("name", list(registry.SOURCES))
def test_no_source_finishes_its_own_rows(name):
    """parsing.finish() is the runner's (runner.parse_source), applied once to what parse() returns."""
    for path in source_files(registry.SOURCES[name]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        uses = [node.lineno for node in ast.walk(tree)
                if (isinstance(node, ast.Attribute) and node.attr == "finish")
                or (isinstance(node, ast.ImportFrom) and any(a.name == "finish" for a in node.names))]
        assert not uses, f"{path.name} calls parsing.finish (line(s) {uses}): return the rows, the runner finishes them"


# --- the import graph of collectors/ --------------------------------------------------------------------------

def _module_name(path: Path) -> str:
    parts = path.relative_to(COLLECTORS.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(edges between modules of collectors/, every top-level package each module imports). Imports inside
    functions count: a circle closed at call time is still a circle."""
    files = {_module_name(p): p for p in COLLECTORS.rglob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in files}
    tops: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base
                                                                                                   else []))
                # `from collectors import store` imports the module collectors.store; `from x import name`, x.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            for target in targets:
                tops[name].add(target.split(".")[0])
                if target in files and target != name:
                    edges[name].add(target)
    return edges, tops


def _circle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_circle_finder_finds_a_circle():
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None


def test_collectors_has_no_import_circle():
    edges, _ = import_graph()
    assert "collectors.sources.hhs_ocr.portal" in edges and edges["collectors.runner"]  # the graph was read
    circle = _circle(edges)
    assert circle is None, "import circle: " + " -> ".join(circle or [])


def test_collectors_never_imports_the_dashboard_or_the_brief():
    _, tops = import_graph()
    upward = {name: sorted(found & {"app", "brief", "dashboard", "streamlit"}) for name, found in tops.items()}
    assert not {name: found for name, found in upward.items() if found}
