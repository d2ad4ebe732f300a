"""The weekly brief page through AppTest: both languages, the same numbers as brief.compute, the week in the URL,
the language per user (URL, then the browser's locale, then English) and never shared between sessions."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from app import data, i18n
from brief import render
from brief.compute import compute_brief
from tests.support.apptest import open_app
from tests.support.frames import brief as frames
from tests.support.frames import data_dir_fixture

pytestmark = pytest.mark.slow  # every test here runs the dashboard in AppTest

BRIEF_PAGE = "app/views/brief.py"


data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/brief.py, written as data/

@pytest.fixture
def session(data_dir, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))

    def open_(locale: str | None = None, brief_page: bool = True, **params) -> AppTest:
        # the default page first, as a browser would
        at = open_app(BRIEF_PAGE if brief_page else None, timeout=60, locale=locale, **params)
        if brief_page:
            assert not at.exception, at.exception
        return at

    return open_


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


TABLE = frames.coverage_table()


def expected_brief(week: str):
    return compute_brief(frames.incidents(), frames.COVERAGE, week, TABLE)


def expected_metrics(week: str, lang: str) -> list[tuple[str, str]]:
    brief = expected_brief(week)
    t = i18n.t

    def average(value, key):
        if not value.weeks:
            return t("Average: provisional", lang), "–"
        return t(key, lang, n=value.weeks), i18n.format_decimal(value.reports, lang)

    return [
        (t("Reports this week", lang), i18n.format_int(brief.counts.reports, lang)),
        (t("Distinct incidents", lang), i18n.format_int(brief.counts.incidents, lang)),
        average(brief.short_average, "{n}-week average"),
        average(brief.long_average, "{n}-week average"),
        (t("Same week in {year}", lang, year=brief.year_ago_week.year), i18n.format_int(brief.year_ago.reports, lang) if brief.year_ago else "–"),
    ]


@pytest.mark.parametrize(("lang", "title", "values"), [
    # Week 53 runs into January 2021, within HHS's posting lag: no source covers it and the weeks before it
    # completely, so the averages and the year-ago figure are provisional ("–"), with no arrow.
    ("en", "Cyberattacks on healthcare: weekly brief", ["4", "3", "–", "–", "–"]),
    ("fr", "Cyberattaques contre la santé\u00a0: note hebdomadaire", ["4", "3", "–", "–", "–"]),
])
def test_the_page_shows_the_numbers_compute_gives(session, lang, title, values):
    at = session(lang=lang, week="2020-W53")
    assert at.title[0].value == title
    assert metrics(at) == expected_metrics("2020-W53", lang)
    assert [v for _, v in metrics(at)] == values  # and those are the hand-counted ones
    brief = expected_brief("2020-W53")
    doc = render.document(brief, lang)
    # The tables are the exports' tables, cell for cell.
    figures = next(s for s in doc.annex if s.key == "figures")
    figures_table = "\n".join(render.md_table(figures.blocks[0], streamlit=True))
    assert any(m.value == figures_table for m in at.markdown)
    assert len(at.get("plotly_chart")) == 2
    for chart in at.get("plotly_chart"):  # the dashboard's charts make room for their labels, as the exports do
        layout = json.loads(chart.proto.spec)["layout"]
        for axis in ("xaxis", "yaxis"):
            assert layout[axis]["automargin"] is True and layout[axis]["title"]["standoff"] > 0
    assert len(at.warning) == len(brief.caveats) == 4  # one warning per coverage caveat, naming the source
    assert "EuRepoC" in at.warning[0].value and "HHS OCR" in at.warning[1].value
    # The summary (the PDF's first page), then the annex, as in the exports.
    assert [h.value for h in at.subheader] == [s.heading for s in doc.sections + doc.annex]
    assert [h.value for h in at.header] == [doc.annex_heading]


def test_the_default_week_is_the_latest_complete_one(session):
    at = session()
    # The last full week is 2021-W01, but January is within HHS's posting lag: the latest week a source
    # covers completely and past its lag is 2020-W52.
    assert at.selectbox(key="brief_week").value == "2020-W52"
    assert at.selectbox(key="brief_week").options[0].startswith("2021-W01")  # later weeks can still be chosen
    assert metrics(at) == expected_metrics("2020-W52", "en")
    assert "week" not in at.query_params


def test_choosing_a_week_changes_the_numbers_and_the_url(session):
    at = session(lang="fr")
    at.selectbox(key="brief_week").set_value("2020-W50").run()
    assert not at.exception
    assert metrics(at) == expected_metrics("2020-W50", "fr")
    assert at.query_params["week"] == "2020-W50"
    assert any("Aucun signalement cette semaine." in m.value for m in at.markdown)
    # Each week labelled by its dates in the reader's language: 2020-W50 is Monday 7 to Sunday 13 December.
    assert "2020-W50 · 7–13 déc. 2020" in at.selectbox(key="brief_week").options
    assert "2020-W50 · 7–13 Dec 2020" in session(lang="en").selectbox(key="brief_week").options


def test_a_bad_week_in_the_url_falls_back_to_the_default(session):
    at = session(week="2021-W53")
    assert at.selectbox(key="brief_week").value == "2020-W52"


# --- the language: per user ----------------------------------------------------------------------

@pytest.mark.parametrize(("locale", "params", "lang"), [
    ("fr-FR", {}, "fr"),  # the browser's language
    ("fr-CA", {}, "fr"),
    ("fr-FR", {"lang": "en"}, "en"),  # ?lang= wins over the browser
    ("en-GB", {"lang": "fr"}, "fr"),
    ("de-DE", {}, "en"),  # a language we do not have: English
    (None, {}, "en"),  # a client that sends no locale
])
def test_url_then_browser_then_english(session, locale, params, lang):
    at = session(locale=locale, **params)
    assert at.title[0].value == i18n.t("Cyberattacks on healthcare: weekly brief", lang)
    assert at.radio(key="f_lang").value == lang


def test_a_french_browser_gets_french_and_the_link_says_so(session):
    at = session(locale="fr-FR")
    assert at.query_params["lang"] == "fr"  # shared with an English-speaking colleague, it still opens in French
    at.radio(key="f_lang").set_value("en").run()
    assert at.query_params["lang"] == "en"  # a choice against the browser's is kept in the link


def test_two_sessions_in_two_languages_do_not_share_their_language(session):
    french = session(lang="fr", week="2020-W53")
    english = session(week="2020-W53")
    assert french.title[0].value.startswith("Cyberattaques") and english.title[0].value.startswith("Cyberattacks")
    # Each reruns after the other has run: neither picks up the other's language.
    french.run()
    english.run()
    french.selectbox(key="brief_week").set_value("2021-W01").run()
    assert metrics(french) == expected_metrics("2021-W01", "fr")
    english.run()
    assert metrics(english) == expected_metrics("2020-W53", "en")
    # The first line says how old each source's data are, then the lead.
    assert english.markdown[0].value.startswith("How old the data are") and french.markdown[0].value.startswith("Âge des données")
    assert english.markdown[1].value.startswith("In week 53 of 2020")
    assert french.markdown[1].value.startswith("Pour la semaine 1 de 2021")
