"""The brief's first page is the whole summary, the rest an annex (issue #15 item 3), and its charts are legible.

- Reordered, nothing lost: the Markdown and the HTML of the hand-made weeks hold the same sentences, table rows
  and numbers as before the reordering (tests/fixtures/brief_before_onepage/, written by the layout of commit
  107acd7, with one fix since: HHS's "complete only through" caveat names its date, 31 Dec 2020, where that
  layout printed a dash), plus only the summary's short list of notable incidents, whose every cell is in the
  annex's table.
- Page 1 of the PDF, for real weeks of data/ in both languages and for the fullest summary of 2024-2025,
  holds the headline, the unusual-week flag, the notable incidents and what the figures may miss; the annex
  starts on page 2.
- Charts: tick labels and axis titles never overlap and stay inside the picture, whichever plotly template
  is the process's default (Streamlit's, once streamlit is imported, set neither automargin nor standoff).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from brief import charts, narrative, render
from brief.compute import compute_brief
from tests.support.frames import brief as frames

# Subprocesses, servers or rendered PDFs: out of the fast loop (conftest.py explains the markers).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BEFORE = Path(__file__).resolve().parent / "fixtures" / "brief_before_onepage"
GENERATED = dt.datetime(2021, 1, 11, 8, 0, tzinfo=dt.UTC)
# (week, with data/coverage.csv's table): the table brings the like-for-like comparison and the flag.
FRAME_WEEKS = [("2020-W53", False), ("2020-W53", True), ("2020-W52", True), ("2020-W50", True), ("2021-W01", True)]
CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not (CHROMIUM.exists() or shutil.which("chromium")),
    reason="charts are exported by kaleido, which drives Chromium: `apt-get install chromium`")
NUMBER = re.compile(r"\d(?:[\d,.\u202f\u00a0]*\d)?")


# --- what a document says, in any order ------------------------------------------------------------------

def _sentences(text: str) -> list[str]:
    # The same split on both sides is all the comparison needs (it also cuts after "Inc." or "1.").
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def markdown_items(markdown: str) -> Counter:
    """Table rows whole; other lines as sentences, heading marks, bullets and rules dropped."""
    items: list[str] = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line == "---":
            continue
        if line.startswith("|"):
            items.append(line)
        else:
            items += _sentences(re.sub(r"^(#+|-) ", "", line))
    return Counter(items)


def html_items(page: str) -> Counter:
    """Headings, paragraphs and list items as sentences; table rows as their cells; each chart as the texts it
    draws (titles, tick labels, legend) and its alternative text; the <title>."""
    soup = BeautifulSoup(page, "lxml")
    items: list[str] = ["title: " + soup.title.get_text()]
    for el in soup.select("h1, h2, h3, p, li, tr, img"):
        if el.name == "tr":
            items.append(" | ".join(c.get_text(" ", strip=True) for c in el.find_all(["th", "td"])))
        elif el.name == "img":
            svg = base64.b64decode(el["src"].split(",", 1)[1]).decode("utf-8")
            texts = sorted(t.get_text() for t in BeautifulSoup(svg, "xml").find_all("text"))
            items += ["alt: " + el["alt"], "chart: " + json.dumps(texts, ensure_ascii=False)]
        else:
            items += _sentences(el.get_text())
    return Counter(items)


def numbers(items: Counter) -> Counter:
    found: Counter = Counter()
    for item, count in items.items():
        for n in NUMBER.findall(item):
            found[n] += count
    return found


def frame_brief(week: str, with_table: bool):
    return compute_brief(frames.incidents(), frames.COVERAGE, week, frames.coverage_table() if with_table else None)


def before_name(week: str, with_table: bool, lang: str, fmt: str) -> Path:
    return BEFORE / f"{week}{'-table' if with_table else ''}-{lang}.{fmt}.txt"


def summary_additions(doc: render.Document, as_md: bool) -> Counter:
    """What the summary adds: the annex's and the detail table's headings, and the short notable list."""
    notable = next(s for s in doc.sections if s.key == "notable")
    added = [doc.annex_heading] + [s.heading for s in doc.annex if s.key == "notable-details"]
    for block in notable.blocks[1:]:
        if isinstance(block, render.Table):
            if as_md:
                added += render.md_table(block)
            else:
                added += [" | ".join(block.headers)] + [" | ".join(
                    " ".join(link.text for link in cell) if isinstance(cell, tuple) else str(cell)
                    for cell in row) for row in block.rows]
        else:
            added += _sentences(block)
    return Counter(added)


def assert_only_reordered(before: Counter, after: Counter, doc: render.Document, brief, as_md: bool) -> None:
    lost = before - after
    if not brief.caveats:  # the summary says "every source is complete" once, not twice
        lost -= Counter({narrative.coverage(brief, doc.lang): 1})
    assert not lost, f"dropped by the reordering: {lost}"
    added = after - before
    allowed = summary_additions(doc, as_md)
    assert added == allowed, f"added: {added - allowed}; expected but missing: {allowed - added}"
    # And so the numbers: those of before, plus those in the short list's names (and its "N more").
    assert numbers(after) - numbers(before) == numbers(allowed)
    assert not numbers(before) - numbers(after)


def test_the_summary_list_says_nothing_the_annex_does_not():
    brief = frame_brief("2020-W53", True)
    doc = render.document(brief, "en")
    [short] = [b for b in next(s for s in doc.sections if s.key == "notable").blocks if isinstance(b, render.Table)]
    [full] = next(s for s in doc.annex if s.key == "notable-details").blocks
    assert short.headers == (full.headers[0], full.headers[1], full.headers[2], full.headers[6])
    assert [(r[0], r[1], r[2], r[6]) for r in full.rows][:len(short.rows)] == list(short.rows)
    assert len(short.rows) == min(len(brief.notable), render.SUMMARY_NOTABLE)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("week", "with_table"), FRAME_WEEKS)
def test_markdown_holds_what_it_held_before_only_reordered(week, with_table, lang):
    brief = frame_brief(week, with_table)
    doc = render.document(brief, lang)
    text = render.to_markdown(doc, GENERATED)
    before = markdown_items(before_name(week, with_table, lang, "md").read_text("utf-8"))
    assert_only_reordered(before, markdown_items(text), doc, brief, as_md=True)
    # The summary first, then the annex.
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [f"## {s.heading}" for s in doc.sections] + [f"## {doc.annex_heading}"]
    assert text.index(f"## {doc.annex_heading}") > text.index(f"## {doc.sections[-1].heading}")
    assert all(f"### {s.heading}" in text.split(f"## {doc.annex_heading}", 1)[1] for s in doc.annex)


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("week", "with_table"), FRAME_WEEKS[:3])
def test_html_holds_what_it_held_before_only_reordered(week, with_table, lang):
    brief = frame_brief(week, with_table)
    doc = render.document(brief, lang)
    page = render.to_html(doc, GENERATED)
    before = Counter(json.loads(before_name(week, with_table, lang, "html").read_text("utf-8")))
    assert_only_reordered(before, html_items(page), doc, brief, as_md=False)
    soup = BeautifulSoup(page, "lxml")
    assert [h.get_text() for h in soup.select(".onepage > section > h2")] == [s.heading for s in doc.sections]
    assert soup.select_one(".annex > h2").get_text() == doc.annex_heading
    assert [h.get_text() for h in soup.select(".annex > section > h3")] == [s.heading for s in doc.annex]
    css = soup.style.get_text()
    assert re.search(r"@media print \{[^@]*\.annex \{ break-before: page; \}", css)


# --- page 1 of the PDF -------------------------------------------------------------------------------------

# From data/ (real): a summer week with HHS filings and French reports, a December week, a March week.
REAL_WEEKS = ["2025-W31", "2025-W50", "2024-W10"]
# The fullest page 1 of 2024-2025 in each language (scripts/brief_page_fit.py renders every week): ten notable
# incidents with long names and several sources, three caveats, a two-source like-for-like comparison.
FULLEST = {"en": "2024-W42", "fr": "2024-W42"}


@pytest.fixture(scope="module")
def real():
    from collectors import DATA_DIR, incident_types, load_coverage, load_coverage_table, load_incidents

    if not (DATA_DIR / "incidents.csv").exists():
        pytest.skip("data/incidents.csv is not built yet")
    incidents = incident_types.for_counting(load_incidents(DATA_DIR))
    coverage, table = load_coverage(DATA_DIR), load_coverage_table(DATA_DIR)
    return lambda week: compute_brief(incidents, coverage, week, table)


def squash(text: str) -> str:
    """Without any white space: a PDF's text breaks lines where the page does, and French spaces vary."""
    return re.sub(r"\s+", "", text)


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def assert_page_one_is_the_summary(brief, lang: str, pages: list[str]) -> None:
    doc = render.document(brief, lang)
    first = squash(pages[0])
    summary = doc.sections[0].blocks  # the data's age, the lead, the flag, the composition, what was added
    for paragraph in summary:
        assert squash(paragraph) in first, paragraph
    flag = narrative._flag(brief, lang)
    assert flag and squash(flag) in first
    for n in brief.notable[:render.SUMMARY_NOTABLE]:
        assert squash(n.organization) in first, n.organization
    caveats = next(s for s in doc.sections if s.key == "caveats")
    assert squash(caveats.heading) in first
    for block in caveats.blocks:
        for line in (block if isinstance(block, tuple) else (block,)):
            assert squash(line) in first, line
    lines = [line.strip() for line in pages[0].splitlines()]
    assert doc.annex_heading not in lines  # the annex is not on page 1, nor any of its headings ...
    assert not set(lines) & {s.heading for s in doc.annex}
    assert pages[1].strip().startswith(doc.annex_heading)  # ... it starts page 2


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("week", REAL_WEEKS)
def test_page_one_of_the_pdf_is_the_whole_summary(real, week, lang):
    brief = real(week)
    assert_page_one_is_the_summary(brief, lang, pdf_pages(render.render(brief, lang, "pdf", GENERATED)))


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_fullest_summary_of_two_years_still_fits_page_one(real, lang):
    brief = real(FULLEST[lang])
    assert len(brief.notable) == render.SUMMARY_NOTABLE and len(brief.caveats) >= 3
    assert_page_one_is_the_summary(brief, lang, pdf_pages(render.render(brief, lang, "pdf", GENERATED)))


def test_a_longer_list_than_the_summary_holds_points_to_the_annex(monkeypatch):
    brief = frame_brief("2020-W53", True)
    assert len(brief.notable) == 3
    monkeypatch.setattr(render, "SUMMARY_NOTABLE", 2)
    for lang, more in (("en", "And 1 more in the annex."), ("fr", "Et 1 autre dans l'annexe.")):
        doc = render.document(brief, lang)
        notable = next(s for s in doc.sections if s.key == "notable").blocks
        assert len(notable[1].rows) == 2 and notable[-1] == more
        assert len(next(s for s in doc.annex if s.key == "notable-details").blocks[0].rows) == 3


# --- legible charts ----------------------------------------------------------------------------------------

def test_every_brief_chart_makes_room_for_its_labels_and_keeps_titles_clear():
    brief = frame_brief("2020-W53", True)
    for lang in ("en", "fr"):
        for name, fig in charts.figures(brief, lang).items():
            for axis in (fig.layout.xaxis, fig.layout.yaxis):
                assert axis.automargin is True, (name, axis.plotly_name)
                assert axis.title.standoff == charts.TITLE_STANDOFF, (name, axis.plotly_name)


BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const all = s => [...document.querySelectorAll(s)].filter(e => e.textContent.trim()).map(box);
  const svg = document.querySelector('svg').getBoundingClientRect();
  return {svg: [svg.left, svg.top, svg.right, svg.bottom], xticks: all('.xtick text'), yticks: all('.ytick text'),
          xtitle: all('.g-xtitle text'), ytitle: all('.g-ytitle text')};
}"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def svg_page():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    from tests.support.dashboard_server import CHROMIUM_ARGS

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser.new_page()
        browser.close()


@needs_chromium
@pytest.mark.parametrize("template", ["plotly", "none", "streamlit"])
def test_chart_labels_and_titles_do_not_overlap_in_the_exported_svg(real, svg_page, template, monkeypatch):
    """kaleido's SVG drawn by Chromium: every tick label's box is clear of its axis title's and inside the
    picture, for the template the PDF uses, for plotly.js's bare defaults and for Streamlit's."""
    import plotly.io as pio

    monkeypatch.setattr(pio.templates, "default", pio.templates.default)  # put back after the test
    if template == "streamlit":
        import streamlit.elements.plotly_chart  # noqa: F401  (registers the "streamlit" template)
    assert template in pio.templates
    brief = real("2024-W10")
    for lang in ("en", "fr"):
        for name, fig in charts.figures(brief, lang).items():
            svg_page.set_content(render.chart_image(fig, "svg", template=template).decode("utf-8"))
            boxes = svg_page.evaluate(BOXES)
            for axis in ("x", "y"):
                for title in boxes[f"{axis}title"]:
                    for tick in boxes[f"{axis}ticks"]:
                        assert not _overlap(tick, title), (template, lang, name, axis, tick, title)
            left, top, right, bottom = boxes["svg"]
            for box in boxes["xticks"] + boxes["yticks"] + boxes["xtitle"] + boxes["ytitle"]:
                assert left <= box[0] and box[2] <= right and top <= box[1] and box[3] <= bottom, (name, box)
            assert boxes["yticks"] and (boxes["ytitle"] or name == "attack_types")
