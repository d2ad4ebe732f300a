"""Source text is shown as text: organisation names (and any other text from a source) that hold HTML,
<script> or Markdown render literally, never as markup, and no view passes data through
`unsafe_allow_html=True`.

AppTest runs every view on a small dataset of hostile names (OBSERVATORY_DATA_DIR); one real
Chromium run checks that a `<script>` / `<img onerror>` organisation name is displayed as text
and runs nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import data
from collectors import link, schema
from collectors.store import Store
from tests.support.apptest import open_app
from tests.support.dashboard_server import CHROMIUM, READY, launch, serve

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")


def dashboard_pages() -> list[tuple[str, str]]:
    """(script, url path) of every page dashboard.py navigates to, so a new page is covered at once."""
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("Page") and node.args:
            script = node.args[0].value if isinstance(node.args[0], ast.Constant) else None
            url_path = next((k.value.value for k in node.keywords if k.arg == "url_path"), None)
            if isinstance(script, str):
                found.append((script, url_path or Path(script).stem))
    return found


PAGES = dashboard_pages()

# Each one runs script or renders markup if a view ever treats it as HTML or Markdown.
HOSTILE = (
    "<script>window.__pwned = 'script'; alert(1)</script>Evil Clinic",
    "<img src=x onerror=\"window.__pwned = 'img'\">Image Hospital",
    "**Bold** _Care_ [click me](javascript:window.__pwned='link') <b>b</b>",
    "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>Frame Health",
    "Ünïcödé & Söns {lang} {0} %s <!-- comment -->",
)


# (source, status, list, country, region, subregion, subdivision): one report of each kind, so that every view
# (the US pages, the worldwide ones, cross-source timings) has something to draw.
KINDS = (
    ("hhs_ocr", "confirmed", "archive", "US", "Americas", "Northern America", "US-CA"),
    ("ransomware_live", "claimed", "victims", "FR", "Europe", "Western Europe", None),
    ("news_feeds", "reported", "databreaches_net", "GB", "Europe", "Northern Europe", None),
)


def hostile_incidents() -> pd.DataFrame:
    rows = []
    for i, name in enumerate(HOSTILE):
        for k, (source, status, source_list, country, region, subregion, subdivision) in enumerate(KINDS):
            record = {column: None for column in schema.COLUMN_NAMES}
            record_id = f"{source}:{i + 1:012x}"
            record.update(
                record_id=record_id, incident_id=link.own_incident_id(record_id), source=source, organization=name,
                organization_type="healthcare_provider", organization_type_raw=f"<b>{name}</b>", country=country,
                subdivision=subdivision, region=region, subregion=subregion, attack_type="ransomware",
                attack_type_raw="<script>raw</script>", threat_actor="<script>window.__pwned='actor'</script>",
                reported_date=pd.Timestamp(f"2024-01-{i * 3 + k + 2:02d}"),
                incident_date=pd.Timestamp(f"2023-12-{i * 3 + k + 2:02d}") if status != "confirmed" else None,
                individuals_affected=100_000 - i if status == "confirmed" else None, is_placeholder_count=False,
                is_removed_by_source=False, business_associate_involved=False if status == "confirmed" else None,
                status=status, source_list=source_list, breach_location="<img src=x onerror=alert(1)>",
                source_url="javascript:alert(1)", source_snapshot="0123456789ab",
                first_seen_at=pd.Timestamp("2024-03-10"), collected_at=pd.Timestamp("2024-03-10"),
            )
            rows.append(record)
    frame = pd.DataFrame(rows)
    for name, dtype in schema.DTYPES.items():
        if dtype == "bool":
            frame[name] = frame[name].fillna(False)
    return schema.coerce(frame)


def write_hostile_data_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    exports = [{"source": source, "snapshot_id": "0123456789ab", "sha256": "0" * 64, "list_kind": source_list,
                "as_of": "2024-03-10", "rows": len(HOSTILE), "origin": "<script>origin</script>"}
               for source, _, source_list, *_ in KINDS]
    with Store(folder).locked():
        Store(folder).write(hostile_incidents(), {"exports": exports, "runs": {}})
    harms = ROOT / "data" / "patient_harms.csv"
    if harms.exists():  # the CIPHER page's data, with its text columns made hostile
        table = pd.read_csv(harms, dtype=str, keep_default_na=False).head(len(HOSTILE))
        for column in ("short_title", "reference_title"):
            if column in table.columns:
                table[column] = list(HOSTILE[: len(table)])
        if "reference_link" in table.columns:
            table["reference_link"] = "javascript:window.__pwned='cipher link'"
        table.to_csv(folder / harms.name, index=False)
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return write_hostile_data_dir(tmp_path_factory.mktemp("hostile") / "data")


def run_page(data_dir: Path, monkeypatch, script: str, lang: str = "en") -> AppTest:
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))
    return open_app(script, lang=lang)


def all_elements(at: AppTest):
    def walk(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)
    for root in (at.main, at.sidebar):
        yield from walk(root)


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize("script", [script for script, _ in PAGES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hostile_source_text_is_never_rendered_as_markup(data_dir, monkeypatch, script, lang):
    at = run_page(data_dir, monkeypatch, script, lang)
    assert not at.exception, at.exception
    for element in all_elements(at):
        proto = getattr(element, "proto", None)
        if proto is None or not hasattr(proto, "allow_html"):
            continue
        # Markdown-like elements (markdown, caption, title, headers ...): never HTML, never source text.
        assert not proto.allow_html, f"{element.type} renders HTML: {proto.body[:200]!r}"
        body = getattr(proto, "body", "")
        assert not any(name in body for name in HOSTILE), f"source text in a {element.type}: {body[:200]!r}"


@pytest.mark.slow  # runs the dashboard in AppTest
def test_organisation_names_reach_the_table_verbatim(data_dir, monkeypatch):
    at = run_page(data_dir, monkeypatch, "app/views/overview.py")
    table = at.dataframe[-1]  # the largest breaches (the trend's count table comes first)
    assert set(table.value["Organization"]) == set(HOSTILE)


def _app_files() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py")) + [ROOT / "dashboard.py"]


def _risky_calls(path: Path) -> list[str]:
    """Calls that can render non-constant text as HTML: unsafe_allow_html=<not False> with a non-constant
    body, and st.html / components.html / st.components.v1.html with a non-constant argument."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        constant_args = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        for keyword in node.keywords:
            if keyword.arg == "unsafe_allow_html":
                is_false = isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                if not is_false and not constant_args:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(..., unsafe_allow_html=...)")
        if not constant_args and (name.endswith(("st.html", "components.html", "v1.html")) or name == "html"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(<non-constant>)")
    return found


def test_no_view_passes_data_through_unsafe_html():
    risky = [call for path in _app_files() for call in _risky_calls(path)]
    assert risky == [], "HTML rendering of non-constant text:\n" + "\n".join(risky)


def test_the_html_check_catches_what_it_should(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import streamlit as st\nname = 'x'\n"
                      "st.markdown('<br>', unsafe_allow_html=True)\n"  # constant: allowed
                      "st.markdown(name, unsafe_allow_html=True)\n"
                      "st.markdown(f'<b>{name}</b>', unsafe_allow_html=True)\n"
                      "st.write(name, unsafe_allow_html=1)\n"
                      "st.html(name)\n"
                      "st.markdown(name, unsafe_allow_html=False)\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = _risky_calls(sample)
    finally:
        ROOT = saved
    assert [f.split()[0] for f in found] == ["sample.py:4", "sample.py:5", "sample.py:6", "sample.py:7"]


# --- the real thing, in Chromium -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_server(data_dir):
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with serve({data.DATA_DIR_ENV: str(data_dir)}) as url:
        yield url


@pytest.mark.browser
def test_a_script_organisation_name_shows_as_text_and_runs_nothing(hostile_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            dialogs, outside = [], []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(hostile_server)
                       else (outside.append(route.request.url), route.abort()))
            incident_pages = {f"/{url_path}?incident={link.own_incident_id(f'ransomware_live:{i + 1:012x}')}": name
                              for _, url_path in PAGES if url_path == "incident"
                              for i, name in enumerate(HOSTILE[:2])}  # the <script> and <img onerror> names
            for path in ["/"] + [f"/{url_path}" for _, url_path in PAGES] + list(incident_pages):
                page.goto(hostile_server + path)
                page.wait_for_selector(READY, timeout=60_000)
                page.wait_for_timeout(300)  # let the data grid draw
                assert page.evaluate("window.__pwned") is None, f"a hostile name ran script on {path}"
                # No element the names describe was created: they were never parsed as HTML.
                injected = page.evaluate("""() => [...document.querySelectorAll(
                    'img[onerror], iframe[srcdoc], script:not([src]), a[href^="javascript:"]')]
                    .filter(e => e.tagName !== 'SCRIPT' || e.textContent.includes('__pwned'))
                    .map(e => e.outerHTML.slice(0, 120))""")
                assert injected == [], f"{path}: {injected}"
                name = incident_pages.get(path, "")
                if "<script>" in name or "onerror" in name:  # named in the heading: shown as text
                    assert name in page.inner_text("main"), f"{path}: {name!r} is not shown as text"
            # The overview's table holds the names as text (its accessible grid mirrors the canvas).
            page.goto(hostile_server + "/overview")
            page.wait_for_selector(READY, timeout=60_000)
            grid = page.locator('[data-testid="stDataFrame"]').last  # the first is the trend's folded count table
            grid.wait_for(timeout=30_000)
            grid.scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            cells = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stDataFrame"] td, '
                + '[data-testid="stDataFrame"] [role="gridcell"]')].map(c => c.textContent)""")
            assert any(HOSTILE[0] in cell for cell in cells), cells[:20]
            assert any(HOSTILE[1] in cell for cell in cells), cells[:20]
            assert dialogs == [], f"alert() ran: {dialogs}"
            assert outside == [], f"the page asked the outside network for {outside}"
        finally:
            browser.close()


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_incident_page_shows_hostile_names_as_text(data_dir, monkeypatch, lang):
    """The incident page (?incident=inc:…) names the organisation in its heading."""
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))
    pages = [script for script, _ in PAGES if script.endswith("incident.py")]
    if not pages:
        pytest.skip("no incident page in dashboard.py")
    for i, name in enumerate(HOSTILE):
        at = AppTest.from_file(DASHBOARD, default_timeout=30)
        at.query_params["lang"] = lang
        at.query_params["incident"] = link.own_incident_id(f"ransomware_live:{i + 1:012x}")
        at.run()
        at.switch_page(pages[0]).run()
        assert not at.exception, at.exception
        for element in all_elements(at):
            proto = getattr(element, "proto", None)
            body = getattr(proto, "body", "") if proto is not None else ""
            assert not getattr(proto, "allow_html", False), f"{element.type} renders HTML: {body[:200]!r}"
            assert name not in body, f"an organisation name is rendered as Markdown in a {element.type}: {body!r}"
