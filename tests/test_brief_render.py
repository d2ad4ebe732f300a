"""The brief's words and documents: the narrative in both languages, each export format produced and opened
(HTML parsed, Markdown tables read, PDF text extracted), reproducibility, and the command line."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from brief import render
from brief.compute import compute_brief
from brief.narrative import narrative
from tests.support.dashboard_server import needs_chromium
from tests.support.frames import brief as frames
from tests.support.frames import data_dir_fixture

NNBSP, NBSP = "\u202f", "\u00a0"
GENERATED = dt.datetime(2021, 1, 11, 8, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2021, 1, 12, 17, 45, tzinfo=dt.UTC)



@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return frames.incidents()


@pytest.fixture(scope="module")
def w53(frame):
    return compute_brief(frame, frames.COVERAGE, "2020-W53")


@pytest.fixture(scope="module")
def empty(frame):
    return compute_brief(frame, frames.COVERAGE, "2020-W50")


# --- the narrative -----------------------------------------------------------------------------

def test_narrative_in_english(w53):
    lead, composition, changes, coverage = narrative(w53, "en")
    assert lead == (
        "In week 53 of 2020 (28 December 2020 – 3 January 2021), the observatory recorded 4 reports of cyberattacks "
        "or data breaches at healthcare organisations, concerning 3 distinct incidents. That is more than the weekly "
        "average of the previous 4 weeks (1.2) and more than that of the previous 52 weeks (0.1). A year earlier, "
        "week 52 of 2019 had 2 reports.")
    assert composition == (
        "Most common attack type: Ransomware (2 of 4). Reports about healthcare providers such as hospitals: 2. "
        "Reports saying patient care was disrupted: 1. The largest count reported was 250,000 people "
        "(Organisation r07).")
    assert changes == "Added to the data during the week: 5 reports; revised: 1."
    assert coverage == (
        "These counts are lower bounds: EuRepoC has no data for this week, HHS OCR may still add reports for this "
        "week, the data of news feeds stop on 2 Jan 2021, and ransomware.live gives no date up to which it is "
        "complete.")


def test_narrative_in_french(w53):
    lead, composition, changes, coverage = narrative(w53, "fr")
    assert lead.startswith(
        "Pour la semaine 53 de 2020 (28 décembre 2020 – 3 janvier 2021), l'observatoire a recensé 4 signalements de "
        "cyberattaques ou de violations de données visant des organismes de santé, soit 3 incidents distincts.")
    assert "C'est plus que la moyenne hebdomadaire des 4 semaines précédentes (1,2)" in lead
    assert lead.endswith("Un an plus tôt, la semaine 52 de 2019 en comptait 2.")
    assert f"Type d'attaque le plus fréquent{NBSP}: Rançongiciel (2 sur 4)." in composition
    assert f"250{NNBSP}000 personnes (Organisation r07)" in composition
    assert changes == f"Ajoutés aux données pendant la semaine{NBSP}: 5 signalements{NNBSP}; révisés{NBSP}: 1."
    assert coverage.startswith(f"Ces chiffres sont des minimums{NBSP}: EuRepoC n'a aucune donnée pour cette semaine")
    assert "les données de flux d'actualité s'arrêtent le 2 janv. 2021" in coverage


def test_the_narrative_only_states_numbers_the_brief_holds(w53):
    text = " ".join(narrative(w53, "en")).replace("Organisation r07", "")  # a name, not a number
    numbers = set(re.findall(r"\d[\d,.]*\d|\d", text))
    # counts, averages, the weeks and years named, dates of the week and of the coverage, the largest count
    expected = {"4", "3", "1.2", "0.1", "53", "52", "2020", "2019", "2021", "28", "2", "1", "250,000", "5"}
    assert numbers <= expected, numbers - expected


def test_an_empty_week_says_so(empty):
    en, fr = narrative(empty, "en"), narrative(empty, "fr")
    assert en[0].startswith("In week 50 of 2020 (7–13 December 2020), the observatory recorded no report")
    assert "fewer than the weekly average of the previous 4 weeks (0.8)" in en[0]
    assert fr[0].startswith("Pour la semaine 50 de 2020 (7–13 décembre 2020), l'observatoire n'a recensé aucun")
    assert len(en) == 3  # no composition paragraph for an empty week


# --- Markdown ----------------------------------------------------------------------------------

def tables(markdown: str) -> list[list[list[str]]]:
    """The pipe tables of a Markdown text, as rows of cells (escaped pipes kept inside cells)."""
    found, current = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            current.append([c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
        elif current:
            found.append(current)
            current = []
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_has_tables_and_no_html(w53, lang):
    text = render.render(w53, lang, "md", GENERATED).decode("utf-8")
    assert not re.search(r"<[a-zA-Z/!]", text), "Markdown for email must hold no HTML"
    found = tables(text)
    assert len(found) >= 7
    for table in found:
        assert len({len(row) for row in table}) == 1  # every row has the header's columns
        assert all(re.fullmatch(r":?-{3}:?", cell) for cell in table[1])  # the separator row
    figures = next(t for t in found if t[0][0] in ("Period", "Période"))  # in the annex, after the summary
    if lang == "en":
        assert figures[2] == ["This week (28 Dec 2020 – 3 Jan 2021)", "4", "3"]
        assert figures[3] == ["Weekly average, previous 4 weeks", "1.2", "1.2"]
        assert figures[5] == ["Same week a year earlier (week 52 of 2019)", "2", "2"]
        assert text.startswith("# Cyberattacks on healthcare: weekly brief\n")
    else:
        assert figures[2] == ["Cette semaine (28 déc. 2020 – 3 janv. 2021)", "4", "3"]
        assert figures[3] == ["Moyenne hebdomadaire, 4 semaines précédentes", "1,2", "1,2"]
    notable = next(t for t in found if len(t[0]) == 7)
    assert [row[0] for row in notable[2:]] == ["Organisation r09", "Organisation r07", "Organisation r10"]
    assert f"[HHS OCR]({frames.HHS_URL})" in notable[3][6]
    assert f"[ransomware.live]({frames.url_of('r08', 'ransomware_live')})" in notable[3][6]


@pytest.mark.parametrize("lang, words", [("en", "HHS under-counts ransomware"), ("fr", "Le HHS sous-compte")])
def test_the_hhs_ransomware_caveat_goes_with_the_types_whenever_hhs_is_counted(frame, w53, lang, words):
    assert "hhs_ocr" in w53.sources
    assert words in render.render(w53, lang, "md", GENERATED).decode("utf-8")
    without_hhs = compute_brief(frame[frame["source"] != "hhs_ocr"],
                                [c for c in frames.COVERAGE if c.source != "hhs_ocr"], "2020-W53")
    assert words not in render.render(without_hhs, lang, "md", GENERATED).decode("utf-8")


def test_markdown_escapes_what_organisations_are_called(frame):
    odd = frame.copy()
    odd.loc[odd["record_id"] == frame["record_id"].iloc[6], "organization"] = "A|B *Clinic* <b>_x_</b>"
    text = render.render(compute_brief(odd, frames.COVERAGE, "2020-W53"), "en", "md", GENERATED).decode()
    assert r"A\|B \*Clinic\* \<b\>\_x\_\</b\>" in text
    assert not re.search(r"(?<!\\)<[a-zA-Z/]", text)  # every < is escaped


def test_an_empty_week_renders_in_markdown(empty):
    text = render.render(empty, "en", "md", GENERATED).decode()
    assert "No report in this week." in text and "No notable incident this week." in text


# --- HTML --------------------------------------------------------------------------------------

def assert_self_contained(soup: BeautifulSoup, allowed_links: set[str]) -> None:
    """Nothing is fetched from elsewhere: no script, stylesheet link, frame or remote image or font.
    Links (<a href>) may only cite the sources of the reports."""
    assert not soup.find_all(["script", "link", "iframe", "object", "embed", "base"])
    for tag in soup.find_all(src=True):
        assert tag["src"].startswith("data:image/"), tag["src"][:80]
    for tag in soup.find_all(srcset=True):
        raise AssertionError(f"srcset: {tag}")
    css = " ".join(s.get_text() for s in soup.find_all("style")) + " ".join(
        t["style"] for t in soup.find_all(style=True))
    assert "@import" not in css and not re.search(r"url\((?!\s*['\"]?data:)", css)
    for a in soup.find_all("a", href=True):
        assert a["href"] in allowed_links, a["href"]


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_is_self_contained_and_holds_the_numbers(w53, lang):
    text = render.render(w53, lang, "html", GENERATED).decode("utf-8")
    soup = BeautifulSoup(text, "lxml")
    sources = {s.url for n in w53.notable for s in n.sources}
    assert_self_contained(soup, sources)
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == ("Cyberattacks on healthcare: weekly brief" if lang == "en"
                                  else f"Cyberattaques contre la santé{NBSP}: note hebdomadaire")
    assert len(soup.find_all("h2")) == 4  # the summary's three sections and the annex
    assert len(soup.find_all("h3")) == 7  # the annex's sections
    images = soup.find_all("img")
    assert len(images) == 2  # the weekly history and the attack types
    for img in images:
        svg = base64.b64decode(img["src"].split(",", 1)[1])
        assert svg.startswith(b"<svg") and img["alt"]
    history = base64.b64decode(images[0]["src"].split(",", 1)[1]).decode()
    assert ("Reports per week" if lang == "en" else "Signalements par semaine") in history
    first_table = soup.select_one("section.figures table")
    cells = [td.get_text() for td in first_table.find("tbody").find("tr").find_all("td")]
    assert cells[1:] == ["4", "3"]
    assert "@media print" in soup.style.get_text() and "@page" in soup.style.get_text()
    notable_links = soup.select("section.notable a")
    assert {a["href"] for a in notable_links} == sources


@pytest.mark.browser
@needs_chromium
def test_an_empty_week_renders_in_html(empty):
    soup = BeautifulSoup(render.render(empty, "fr", "html", GENERATED), "lxml")
    assert "Aucun signalement cette semaine." in soup.get_text()
    assert len(soup.find_all("img")) == 1  # the history only: no attack-type chart for an empty week
    assert_self_contained(soup, set())


# --- PDF ---------------------------------------------------------------------------------------

def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_opens_with_text_and_chart_images(w53, lang):
    from pypdf import PdfReader

    data = render.render(w53, lang, "pdf", GENERATED)
    reader = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    squashed = re.sub(r"\s+", " ", text)
    if lang == "en":
        assert "Cyberattacks on healthcare: weekly brief" in squashed
        assert "recorded 4 reports" in squashed and "250,000" in squashed
    else:
        assert "note hebdomadaire" in squashed and "recensé 4 signalements" in squashed
    assert sum(len(page.images) for page in reader.pages) >= 2  # charts as images
    assert reader.metadata.title and reader.metadata.creation_date.date() == dt.date(2021, 1, 10)


# --- reproducible ------------------------------------------------------------------------------

def differing_lines(a: str, b: str) -> list[tuple[str, str]]:
    left, right = a.splitlines(), b.splitlines()
    assert len(left) == len(right)
    return [(x, y) for x, y in zip(left, right) if x != y]


@pytest.mark.parametrize("fmt", ["md", pytest.param("html", marks=[pytest.mark.browser, needs_chromium])])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_formats_differ_only_by_the_generated_line(frame, fmt, lang):
    first = render.render(compute_brief(frame, frames.COVERAGE, "2020-W53"), lang, fmt, GENERATED)
    again = render.render(compute_brief(frames.incidents(), list(frames.COVERAGE), "2020-W53"), lang, fmt, GENERATED)
    assert first == again
    later = render.render(compute_brief(frame, frames.COVERAGE, "2020-W53"), lang, fmt, LATER)
    [(old, new)] = differing_lines(first.decode(), later.decode())
    assert "2021-01-11 08:00" in old and "2021-01-12 17:45" in new


@pytest.mark.browser
@needs_chromium
def test_pdf_is_the_same_file_and_the_same_text_apart_from_the_generated_line(w53):
    first = render.render(w53, "fr", "pdf", GENERATED)
    assert render.render(w53, "fr", "pdf", GENERATED) == first
    later = pdf_text(render.render(w53, "fr", "pdf", LATER))
    [(old, new)] = differing_lines(pdf_text(first), later)
    assert "2021-01-11 08:00" in old and "2021-01-12 17:45" in new


# --- the command line --------------------------------------------------------------------------

data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/brief.py, written as data/

def run_cli(*argv: str) -> int:
    from brief.cli import main

    return main(list(argv))


def test_cli_writes_markdown_for_the_default_week(data_dir, tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert run_cli("--data-dir", str(data_dir), "--format", "md", "--out", str(out)) == 0
    text = out.read_text("utf-8")
    # HHS data as of Sunday 10 January, but its last 60 days are within its posting lag (coverage.csv): the
    # default week is the latest one a source covers completely and past its lag, not the last full week.
    assert "Week 52 of 2020, 21–27 December 2020" in text
    assert "2020-W52" in capsys.readouterr().err
    assert "Data as of 10 January 2021" in text


def test_cli_data_dir_before_the_command_and_a_chosen_week(data_dir, tmp_path):
    out = tmp_path / "b.md"
    code = run_cli("--data-dir", str(data_dir), "--week", "2020-W53", "--lang", "fr", "--format", "md",
                   "--out", str(out), "--generated-at", "2021-01-11T08:00")
    assert code == 0
    expected = render.render(compute_brief(frames.incidents(), frames.COVERAGE, "2020-W53", frames.coverage_table()),
                             "fr", "md", GENERATED)
    assert out.read_bytes() == expected  # the export and compute say the same


def test_cli_refuses_a_week_that_does_not_exist(data_dir, tmp_path, capsys):
    assert run_cli("--data-dir", str(data_dir), "--week", "2021-W53", "--format", "md",
                   "--out", str(tmp_path / "x.md")) == 1
    assert "2021 has no ISO week 53" in capsys.readouterr().err
    assert not (tmp_path / "x.md").exists()


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_cli_writes_html_and_pdf(data_dir, tmp_path, fmt):
    out = tmp_path / f"brief.{fmt}"
    assert run_cli("--data-dir", str(data_dir), "--week", "2020-W53", "--lang", "en", "--format", fmt,
                   "--out", str(out)) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") if fmt == "pdf" else data.startswith(b"<!DOCTYPE html>")
