"""The CIPHER "impact on patients" page: pure aggregates and figures on a hand-made frame with
hand-computed values, and the page itself through AppTest in both languages."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import data
from app.charts import impact as impact_charts
from app.prep import impact as impact_prep
from collectors import cipher
from tests.support.apptest import open_app

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
PAGE = "app/views/patient_impact.py"

# harm, time point, specialty, domain, score, kind, reference title, link
ROWS = [
    ("h1", "first_day", "oncology", "imaging", 8, "publication", "Paper A", "https://example.org/a"),
    ("h2", "first_day", "oncology; paediatrics", "imaging", 6, "publication", "Paper A", "https://example.org/a"),
    ("h3", "first_week", "all", "eprescribing", 4, "social_media", None, None),
    ("h4", "first_week", "psychiatry", "eprescribing", 5, "social_media", None, None),
    ("h5", "first_month", "all", "health_records", 9, "publication", "Paper B", "https://example.org/b"),
]


def harms_frame() -> pd.DataFrame:
    frame = pd.DataFrame([
        {"harm_id": f"cipher:{i:012x}", "source_row": i, "short_title": f"Harm {name}", "time_point": time,
         "specialty": specialty, "technical_domain": domain, "clinical_impact_score": score, "reference_kind": kind,
         "reference_title": title, "reference_link": link}
        for i, (name, time, specialty, domain, score, kind, title, link) in enumerate(ROWS, start=1)
    ])
    return cipher.validate(frame.astype(cipher.DTYPES))


# --- aggregates --------------------------------------------------------------------------------

def test_by_time_point_keeps_every_time_point_in_order():
    table = impact_prep.harms_by_time_point(harms_frame())
    assert list(table.index) == ["first_hour", "first_day", "first_week", "week_2", "first_month"]
    assert list(table["harms"]) == [0, 2, 2, 0, 1]
    means = list(table["mean_score"])
    assert math.isnan(means[0]) and means[1:3] == [7.0, 4.5] and math.isnan(means[3]) and means[4] == 9.0


def test_by_specialty_counts_a_record_in_each_of_its_specialties():
    table = impact_prep.harms_by_specialty(harms_frame())
    # Ties are broken by the vocabulary's order (all, ..., oncology, paediatrics, psychiatry).
    assert list(table.index) == ["all", "oncology", "paediatrics", "psychiatry"]
    assert list(table["harms"]) == [2, 2, 1, 1]
    assert list(table["mean_score"]) == [6.5, 7.0, 6.0, 5.0]


def test_by_domain_largest_first():
    table = impact_prep.harms_by_domain(harms_frame())
    assert list(table.index) == ["eprescribing", "imaging", "health_records"]
    assert list(table["harms"]) == [2, 2, 1] and list(table["mean_score"]) == [4.5, 7.0, 9.0]


def test_headline():
    assert impact_prep.headline(harms_frame()) == {"records": 5, "publications": 2, "posts": 2, "mean_score": 6.4}


# --- figures and table -------------------------------------------------------------------------

def test_count_and_score_figure_in_french():
    fig = impact_charts.count_and_score_figure(impact_prep.harms_by_time_point(harms_frame()), "time", "fr")
    bars, dots = fig.data
    assert list(bars.y) == ["Première heure", "Premier jour", "Première semaine", "Deuxième semaine", "Premier mois"]
    assert list(bars.x) == [0, 2, 2, 0, 1] and list(bars.text) == ["0", "2", "2", "0", "1"]
    assert list(dots.text) == ["–", "7,0", "4,5", "–", "9,0"]
    assert fig.layout.xaxis.title.text == "Enregistrements de préjudices CIPHER"
    assert fig.layout.xaxis2.title.text == "Score d'impact clinique moyen (1 à 10)"
    assert fig.layout.separators == ",\u202f"
    assert "Enregistrements de préjudices" in bars.hovertemplate


def test_count_and_score_figure_in_english():
    fig = impact_charts.count_and_score_figure(impact_prep.harms_by_domain(harms_frame()), "domain", "en")
    bars, dots = fig.data
    assert list(bars.y) == ["ePrescribing", "Imaging", "Health records"]
    assert list(dots.x) == [4.5, 7.0, 9.0] and list(dots.text) == ["4.5", "7.0", "9.0"]
    assert fig.layout.xaxis.title.text == "CIPHER harm records"
    assert fig.layout.yaxis.autorange == "reversed"  # the largest on top


def test_harms_table_most_severe_first_with_links():
    table = impact_charts.harms_table(harms_frame(), "en")
    assert list(table.columns) == ["Harm", "Impact (1–10)", "Time since the attack", "Evidence", "Link",
                                   "Specialty", "Technical domain"]
    assert list(table["Harm"]) == ["Harm h5", "Harm h1", "Harm h2", "Harm h4", "Harm h3"]
    assert list(table["Impact (1–10)"]) == [9, 8, 6, 5, 4]
    assert table["Specialty"].iloc[2] == "Oncology, Paediatrics"
    assert list(table["Evidence"]) == ["Paper B", "Paper A", "Paper A", "Social-media post", "Social-media post"]
    assert list(table["Link"]) == ["https://example.org/b", "https://example.org/a", "https://example.org/a", "", ""]
    french = impact_charts.harms_table(harms_frame(), "fr")
    assert french["Délai après l'attaque"].iloc[0] == "Premier mois"
    assert french["Source"].iloc[-1] == "Message sur un réseau social"


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("observatory") / "data"
    folder.mkdir()
    (folder / cipher.OUTPUT_FILE).write_bytes(cipher.to_csv(harms_frame()))
    return folder


def open_page(lang: str) -> AppTest:
    return open_app(PAGE, lang=lang)


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize(("lang", "title", "metrics", "axis", "licence"), [
    ("en", "What a cyberattack does to patient care",
     {"Harm records": "5", "Publications cited": "2", "Records from social media": "2",
      "Mean clinical impact score": "6.4"}, "CIPHER harm records", "licence CC BY 4.0"),
    ("fr", "Ce qu'une cyberattaque fait aux soins",
     {"Enregistrements de préjudices": "5", "Publications citées": "2", "Issus des réseaux sociaux": "2",
      "Score d'impact clinique moyen": "6,4"}, "Enregistrements de préjudices CIPHER", "licence CC BY 4.0"),
])
def test_page_renders_in_both_languages(data_dir, monkeypatch, lang, title, metrics, axis, licence):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))
    at = open_page(lang)
    assert not at.exception
    assert at.title[0].value == title
    assert {m.label: m.value for m in at.metric} == metrics
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(charts) == 3  # time point, specialty, technical domain
    assert all(c["layout"]["xaxis"]["title"]["text"] == axis for c in charts)
    assert charts[0]["data"][0]["text"] == ["0", "2", "2", "0", "1"]  # x itself is sent as binary
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 5
    captions = [c.value for c in at.caption]
    assert len(captions) == 4 and all(licence in c and "CIPHER" in c for c in captions)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_page_without_the_data_file_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))
    at = open_page("en")
    assert not at.exception
    assert "has not been built yet" in at.warning[-1].value
    assert not at.get("plotly_chart")


@pytest.mark.slow  # runs the dashboard in AppTest
def test_page_on_the_committed_data(monkeypatch):
    if not (ROOT / "data" / cipher.OUTPUT_FILE).exists():
        pytest.skip("data/patient_harms.csv is not built yet")
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3
    assert {m.label: m.value for m in at.metric}["Harm records"] == "316"
