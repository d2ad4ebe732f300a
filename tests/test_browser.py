"""The dashboard in a real headless Chromium: every view renders, charts are drawn, the US map is
filled from the topojson the dashboard serves itself (no outside network), links reproduce views.

Screenshots go to artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.support.dashboard_server import CHROMIUM, READY

if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed: `apt-get install chromium`",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not (ROOT / "data" / "incidents.csv").exists(),
                                 reason="data/incidents.csv is not built yet")]


class Visit:
    """One page load that refuses every request leaving this machine and remembers the rest."""

    def __init__(self, browser, url: str):
        self.outside: list[str] = []
        self.local: dict[str, int] = {}
        self.context = browser.new_context(viewport={"width": 1400, "height": 3000})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("response", lambda response: self.local.__setitem__(response.url, response.status))
        self.page.goto(url)
        self.page.wait_for_selector(READY, timeout=60_000)

    def _route(self, route):
        if urlparse(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_(url: str) -> Visit:
        opened.append(Visit(browser, url))
        return opened[-1]

    yield open_
    for v in opened:
        v.close()


def _filled_state_paths(page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll('.choroplethlocation')].filter(p => {
        const fill = getComputedStyle(p).fill || p.getAttribute('style') || '';
        return fill && fill !== 'none' && !fill.includes('rgba(0, 0, 0, 0)');
    }).length""")


def _metric_values(page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')]
        .map(m => [m.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
                   m.querySelector('[data-testid="stMetricValue"]').innerText.trim()]))""")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_overview_renders_charts_and_a_filled_offline_map(visit, base_url, lang):
    v = visit(f"{base_url}/overview?lang={lang}")  # the US view; the World page is the landing page
    page = v.page
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 3", timeout=30_000)
    page.wait_for_timeout(500)  # let plotly finish its transitions before the screenshot
    v.screenshot(f"overview_{lang}")

    assert page.locator('[data-testid="stException"]').count() == 0
    # The trend bars and the entity bars are drawn.
    assert page.locator(".js-plotly-plot .barlayer .point path").count() > 20
    # The map: 51 filled states over a base map whose land and state outlines come from our topojson.
    assert _filled_state_paths(page) == 51
    assert page.locator(".js-plotly-plot .geo .layer.land path, .js-plotly-plot .geo .land").count() >= 1
    assert page.locator(".js-plotly-plot .geo .layer.subunits path, .js-plotly-plot .geo .subunits").count() >= 1
    topojson = [u for u in v.local if u.endswith("usa_110m.json")]
    assert topojson and all(urlparse(u).path == "/app/static/topojson/usa_110m.json" for u in topojson)
    assert all(v.local[u] == 200 for u in topojson)
    assert v.outside == [], f"the page asked the outside network for {v.outside}"
    # Language: headline labels and the coverage caveat are in the chosen language.
    labels = _metric_values(page)
    assert ("Breaches reported" if lang == "en" else "Violations déclarées") in labels
    assert page.get_by_text("28 Jun 2022" if lang == "en" else "28 juin 2022").first.is_visible()


@pytest.mark.parametrize(("lang", "heading"), [("en", "Cyberattacks on healthcare worldwide"),
                                               ("fr", "Cyberattaques contre la santé dans le monde")])
def test_world_landing_page_draws_a_filled_offline_world_map(visit, base_url, lang, heading):
    v = visit(f"{base_url}/?lang={lang}")
    page = v.page
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 3", timeout=30_000)
    page.wait_for_timeout(500)
    v.screenshot(f"world_{lang}")
    assert page.locator('[data-testid="stException"]').count() == 0
    # Countries filled from our own world topojson (plotly binds each path to its ISO-3 code).
    assert _filled_state_paths(page) >= 20
    drawn = page.evaluate("() => [...document.querySelectorAll('.choroplethlocation')].map(p => p.__data__.loc)")
    assert "FRA" in drawn and "USA" in drawn
    assert page.locator(".js-plotly-plot .barlayer .point path").count() > 20  # the two trend charts
    topojson = [u for u in v.local if "topojson" in u]
    assert topojson and all(urlparse(u).path == "/app/static/topojson/world_110m.json" for u in topojson)
    assert all(v.local[u] == 200 for u in topojson)
    assert v.outside == [], f"the page asked the outside network for {v.outside}"


def test_about_page_renders_in_both_languages(visit, base_url):
    for lang, heading in (("en", "Data & coverage"), ("fr", "Données et couverture")):
        v = visit(f"{base_url}/about?lang={lang}")
        v.page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
        v.screenshot(f"about_{lang}")
        assert v.page.locator('[data-testid="stException"]').count() == 0
        assert v.page.get_by_text("HHS OCR").first.is_visible()
        assert v.outside == []



@pytest.mark.parametrize(("lang", "heading"), [("en", "What a cyberattack does to patient care"),
                                               ("fr", "Ce qu'une cyberattaque fait aux soins")])
def test_patient_impact_page_draws_its_charts(visit, base_url, lang, heading):
    if not (ROOT / "data" / "patient_harms.csv").exists():
        pytest.skip("data/patient_harms.csv is not built yet")
    v = visit(f"{base_url}/patient-impact?lang={lang}")
    v.page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    v.page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 3", timeout=30_000)
    v.page.wait_for_timeout(500)
    v.screenshot(f"patient_impact_{lang}")
    assert v.page.locator('[data-testid="stException"]').count() == 0
    # 5 time points + 14 specialties + 11 technical domains, each a bar and a mean-score dot.
    assert v.page.locator(".js-plotly-plot .barlayer .point path").count() == 30
    assert v.page.locator(".js-plotly-plot .scatterlayer .point").count() == 30  # a mean score for each
    assert v.outside == []

def test_a_shared_link_reproduces_the_filtered_view(visit, base_url):
    from collectors import load_incidents, schema

    frame = load_incidents(ROOT / "data")
    removed, repeated = schema.uncounted(frame)
    # Counted by the incident's attack type: a filing whose press report says ransomware is ransomware.
    kept = frame.loc[~removed & ~repeated & (frame["subdivision"] == "US-CA")
                     & (frame["incident_attack_type"] == "ransomware")]
    assert (kept["attack_type"] != "ransomware").any()
    v = visit(f"{base_url}/overview?state=US-CA&attack=ransomware&period=month")
    page = v.page
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=30_000)
    v.screenshot("overview_filtered_ca_ransomware")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _metric_values(page)["Breaches reported"] == f"{len(kept):,}"
    # The widgets show the filters from the link, and the link is still in the address bar.
    assert page.locator('[data-testid="stSidebar"]').get_by_text("California").first.is_visible()
    assert "state=US-CA" in page.url and "attack=ransomware" in page.url and "period=month" in page.url


def test_weekly_view_in_french(visit, base_url):
    v = visit(f"{base_url}/overview?lang=fr&period=week&from=2021-01-01")
    page = v.page
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=30_000)
    page.wait_for_timeout(500)
    v.screenshot("overview_weekly_fr")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".js-plotly-plot .barlayer .point path").count() > 200  # about 260 weeks drawn
    assert "Semaine du 20 juin 2022" in _metric_values(page)
    assert v.outside == []


def test_language_survives_a_page_switch(visit, base_url):
    v = visit(f"{base_url}/?lang=fr")
    v.page.get_by_role("link", name="Données et couverture").first.click()
    v.page.get_by_role("heading", name="Données et couverture").first.wait_for(timeout=30_000)
    v.page.wait_for_selector(READY, timeout=30_000)
    v.page.wait_for_function("location.search.includes('lang=fr')", timeout=10_000)
    assert "/about" in v.page.url


def test_weekly_brief_page_in_french(visit, base_url):
    from brief.compute import compute_brief
    from collectors import load_coverage, load_incidents

    brief = compute_brief(load_incidents(ROOT / "data"), load_coverage(ROOT / "data"), "2025-W31")
    v = visit(f"{base_url}/brief?lang=fr&week=2025-W31")
    page = v.page
    page.get_by_text("note hebdomadaire").first.wait_for(timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 2", timeout=30_000)
    page.wait_for_timeout(500)
    v.screenshot("brief_fr")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _metric_values(page)["Signalements cette semaine"] == str(brief.counts.reports)
    assert page.locator(".js-plotly-plot .barlayer .point path").count() >= 53  # a year of weeks, then the types
    assert v.outside == []


# --- journalists' path: explorer -> incident page (app/views/explorer.py, incident.py) --------------------

def test_explorer_filters_from_the_link_and_opens_an_incident_page(visit, base_url):
    from collectors import load_incidents

    frame = load_incidents(ROOT / "data")
    kept = frame.loc[~frame["is_removed_by_source"] & (frame["country"] == "FR")
                     & (frame["incident_attack_type"] == "ransomware")]  # the incident's type counts
    v = visit(f"{base_url}/explorer?country=FR&attack=ransomware")
    page = v.page
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    page.wait_for_timeout(800)  # the grid draws on a canvas after it appears
    v.screenshot("explorer_fr_ransomware")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text(f"{len(kept)} reports match").first.is_visible()
    assert page.get_by_role("button", name="Excel (.xlsx)").is_visible()
    assert "country=FR" in page.url and "attack=ransomware" in page.url
    # The "open" link of the first row's Incident column: after the date (100 px) and the name (260 px).
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    x = 100 + 260 + 22
    with v.context.expect_page(timeout=20_000) as opened:
        page.mouse.move(grid["x"] + x - 5, grid["y"] + 53)
        page.wait_for_timeout(300)
        page.mouse.move(grid["x"] + x, grid["y"] + 53)
        page.wait_for_timeout(300)
        page.mouse.down()
        page.mouse.up()
    incident = opened.value
    incident.wait_for_selector(READY, timeout=60_000)
    incident.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
    incident.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    incident.screenshot(path=SCREENSHOTS / "incident_page.png", full_page=True)
    assert "/incident?incident=inc:" in unquote(incident.url)
    assert incident.locator('[data-testid="stException"]').count() == 0
    assert incident.get_by_text("Every report of this incident").is_visible()


def test_vendor_breach_page_lists_the_amca_filings(visit, base_url):
    from collectors import load_incidents, vendors

    frame = load_incidents(ROOT / "data")
    frame = frame.loc[~frame["is_removed_by_source"]]
    events = vendors.events(frame, vendors.rollup(frame))
    amca = events.loc[events["vendor"] == "American Medical Collection Agency"].iloc[0]
    v = visit(f"{base_url}/incident?vendor={amca['vendor_event_id']}")
    v.page.get_by_role("heading", name="Breach at American Medical Collection Agency").wait_for(timeout=30_000)
    v.page.wait_for_timeout(800)
    v.screenshot("vendor_breach_amca")
    assert v.page.locator('[data-testid="stException"]').count() == 0
    assert _metric_values(v.page)["Filings"] == str(amca["reports"])


@pytest.mark.parametrize(("lang", "heading"), [("fr", "Cyberattaques contre les structures de santé en France"),
                                               ("en", "Cyberattacks on health organisations in France")])
def test_france_page_draws_its_regions_and_years_offline(visit, base_url, lang, heading):
    v = visit(f"{base_url}/france?lang={lang}")
    page = v.page
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 4", timeout=30_000)
    page.wait_for_timeout(500)
    v.screenshot(f"france_{lang}")
    assert page.locator('[data-testid="stException"]').count() == 0
    # The régions tile map: one square per région, coloured, with its count.
    tiles = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(p => p.data || [])
        .flat().filter(t => t.marker && t.marker.symbol === 'square').map(t => t.x.length)""")
    assert tiles == [18]
    assert page.get_by_text("Dax").first.is_visible() or page.locator("text=Dax").count() > 0
    assert v.outside == [], f"the page asked the outside network for {v.outside}"


def test_world_page_draws_france_before_any_source_as_no_data(visit, base_url):
    # Only ransomware.live selected: France before its press index and claims is "no data", not zero.
    v = visit(f"{base_url}/?country=FR&source=ransomware_live&from=2019-01-01&period=year")
    page = v.page
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 3", timeout=30_000)
    v.screenshot("world_fr_ransomware_live_no_data")
    texts = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .annotation-text')]"
                          ".map(a => a.textContent)")
    assert "no data" in texts
    assert page.locator('[data-testid="stException"]').count() == 0
