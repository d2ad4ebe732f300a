"""Every page on a phone (390 x 844) in French, in a real Chromium: nothing runs past the screen's right edge
(except inside a box that scrolls sideways, as wide tables do), no English is left on the page, and the browser
tab's title is French.

"English left on the page" is measured against the catalog itself: every English message whose French differs
must not appear in the French page's text, plus Streamlit's own English texts the dashboard avoids.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages import pofile

from tests.support.dashboard_server import CHROMIUM, READY

if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed: `apt-get install chromium`",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
PAGES = ("", "france", "overview", "patient-impact", "brief", "explorer", "incident", "methodology", "about")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}  # the sidebar (filters) shows: its texts are checked there
# Streamlit's own English texts that the dashboard keeps off its pages (README, "French everywhere").
STREAMLIT_ENGLISH = ("Select all", "Page not found", "No results", "Running...")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not (ROOT / "data" / "incidents.csv").exists(),
                                 reason="data/incidents.csv is not built yet")]

# Elements past the right edge that no horizontally scrolling box (other than the page itself) contains.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const page = new Set(['HTML', 'BODY']);
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = el.parentElement, scrolls = false;
    while (parent && !page.has(parent.tagName)) {
      const id = parent.getAttribute('data-testid') || '';
      const style = getComputedStyle(parent);
      if (['auto', 'scroll'].includes(style.overflowX) && parent.getBoundingClientRect().right <= width + 1
          && !id.startsWith('stMain') && id !== 'stAppViewContainer') { scrolls = true; break; }
      parent = parent.parentElement;
    }
    if (!scrolls) out.push((el.getAttribute('data-testid') || el.tagName) + ' ends at ' + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, overflowing: out.slice(0, 10)};
}"""


def _english_only_messages() -> list[str]:
    """English messages of the catalog that French writes otherwise, long enough not to be a proper name or a
    word both languages share ('Incidents', 'Source'), without placeholders."""
    with (ROOT / "locales" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = pofile.read_po(handle, locale="fr")
    found = []
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for english in ids:
            if english and len(english) >= 14 and "{" not in english and english not in strings and "*" not in english:
                found.append(english)
    return found


ENGLISH = _english_only_messages()


def _open_french(browser, base_url: str, viewport: dict, name: str) -> dict[str, dict]:
    """Each page opened once in French at `viewport`: its measures, visible text and title."""
    seen = {}
    for page_path in PAGES:
        context = browser.new_context(viewport=viewport, locale="fr-FR")
        page = context.new_page()
        page.goto(f"{base_url}/{page_path}?lang=fr")
        page.wait_for_selector(READY, timeout=90_000)
        page.wait_for_timeout(1500)  # charts finish drawing after the script
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{name}-fr-{page_path or 'world'}.png")
        seen[page_path] = {**page.evaluate(OVERFLOW_JS), "text": page.inner_text("body"), "title": page.title()}
        context.close()
    return seen


@pytest.fixture(scope="module")
def french_phone_pages(base_url, browser):
    return _open_french(browser, base_url, PHONE, "phone")


@pytest.fixture(scope="module")
def french_desktop_pages(base_url, browser):
    return _open_french(browser, base_url, DESKTOP, "desktop")


def test_the_catalog_gives_english_phrases_to_look_for():
    assert len(ENGLISH) > 300 and "Largest breaches" in ENGLISH


@pytest.mark.parametrize("page_path", PAGES)
def test_no_page_runs_past_a_phone_screen(french_phone_pages, page_path):
    seen = french_phone_pages[page_path]
    assert seen["scrollWidth"] <= seen["width"], seen
    assert not seen["overflowing"], seen["overflowing"]


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_is_french(request, size, page_path):
    seen = request.getfixturevalue(f"french_{size}_pages")[page_path]
    text = seen["text"]
    left = [phrase for phrase in (*ENGLISH, *STREAMLIT_ENGLISH) if phrase in text]
    assert not left, f"English on /{page_path}?lang=fr: {left[:10]}"
    assert seen["title"] == "Observatoire des cyberattaques contre la santé"
