"""AppTest: every view runs in both languages, filters change the headline numbers to the
hand-computed values, and the URL query parameters reproduce a view.

The app reads the hand-made dataset of dashboard_frames.py, written to a temporary folder the
way the collectors write data/ and pointed at with OBSERVATORY_DATA_DIR.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app import data
from tests.support.apptest import open_app
from tests.support.frames import dashboard as frames
from tests.support.frames import data_dir_fixture

pytestmark = pytest.mark.slow  # every test here runs the dashboard in AppTest

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = str(ROOT / "dashboard.py")
OVERVIEW = "app/views/overview.py"  # the US view; the World page is the landing page (tests/test_world.py)
NNBSP = "\u202f"


data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/dashboard.py, written as data/

@pytest.fixture
def app(data_dir, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))

    def make(**params) -> AppTest:
        return open_app(OVERVIEW, **params)  # the landing page first, as a browser would

    return make


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def url(at: AppTest) -> dict:
    return {key: value for key, value in at.query_params.items()}


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


# --- smoke: every view, both languages ---------------------------------------------------------

@pytest.mark.parametrize(("lang", "title", "caveat_date", "breaches"), [
    ("en", "United States: health data breaches reported to HHS", "15 Feb 2024", "Breaches reported"),
    ("fr", "États-Unis : violations de données de santé déclarées au HHS", "15 févr. 2024", "Violations déclarées"),
])
def test_overview_renders(app, lang, title, caveat_date, breaches):
    at = app(lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert caveat_date in at.info[0].value  # the coverage caveat, with the complete-through date
    assert any(("10 Mar 2024" if lang == "en" else "10 mars 2024") in c.value for c in at.caption)  # as of
    assert len(at.metric) == 3 and metrics(at)[breaches] == "10"
    assert len(at.get("plotly_chart")) == 3  # trend, map, entity types
    # The trend's count table, then the largest breaches (r04 has no count).
    assert len(at.dataframe) == 2 and len(at.dataframe[-1].value) == 9


def test_overview_headline_numbers(app):
    values = metrics(app())
    assert values["Individuals affected"] == "2,312,701"
    # Default range ends on 10 Mar, but the data are complete only through Thu 15 Feb: week of 5 Feb.
    assert values["Week of 5 Feb 2024"] == "0"
    [week] = [m for m in app().metric if m.label.startswith("Week of")]
    assert week.delta.startswith("-1.2 vs 5-week mean (1.2)")


@pytest.mark.parametrize(("lang", "heading"), [("en", "Data & coverage"), ("fr", "Données et couverture")])
def test_about_renders(app, lang, heading):
    at = app(lang=lang)
    at.switch_page("app/views/about.py").run()
    assert not at.exception
    assert at.title[0].value == heading
    assert len(at.header) == 4
    source_line = at.markdown[0].value
    assert "HHS OCR" in source_line and ("10 Mar 2024" if lang == "en" else "10 mars 2024") in source_line


def test_an_empty_data_folder_renders_every_view(tmp_path, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(tmp_path))  # no incidents.csv, no sources.json yet
    at = AppTest.from_file(DASHBOARD, default_timeout=30).run()
    assert not at.exception
    at.switch_page(OVERVIEW).run()
    assert not at.exception
    assert at.info[-1].value == "No breach matches these filters."
    at.switch_page("app/views/about.py").run()
    assert not at.exception


def test_the_real_dataset_renders_every_view(monkeypatch):
    if not (ROOT / "data" / "incidents.csv").exists():
        pytest.skip("data/incidents.csv is not built yet")
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception
    at.switch_page(OVERVIEW).run()
    assert not at.exception and len(at.get("plotly_chart")) == 3
    at.switch_page("app/views/about.py").run()
    assert not at.exception


# --- filters change the numbers ----------------------------------------------------------------

def test_state_filter_changes_the_headline_and_the_url(app):
    at = app()
    at.multiselect(key="f_states").set_value(["US-CA"]).run()
    assert metrics(at)["Breaches reported"] == "4"  # r01 r02 r06 r07
    assert metrics(at)["Individuals affected"] == "263,501"
    assert url(at)["state"] == "US-CA"


def test_attack_filter_in_french(app):
    at = app(lang="fr")
    at.multiselect(key="f_attacks").set_value(["ransomware"]).run()
    assert metrics(at)["Violations déclarées"] == "3"  # r02 r03 r10
    assert metrics(at)["Personnes concernées"] == f"295{NNBSP}500"
    assert url(at) == {"lang": "fr", "attack": "ransomware"}


def test_date_and_organization_filters(app):
    at = app()
    at.date_input(key="f_dates").set_value((dt.date(2024, 1, 7), dt.date(2024, 1, 15))).run()
    assert metrics(at)["Breaches reported"] == "3"  # r03 r04 r05
    assert url(at)["from"] == "2024-01-07" and url(at)["to"] == "2024-01-15"
    at.multiselect(key="f_orgs").set_value(["health_plan"]).run()
    assert metrics(at)["Breaches reported"] == "1"  # r03


def test_a_selection_with_no_breach_says_so(app):
    at = app(state="US-PR", attack="ransomware")
    assert not at.exception
    assert at.info[-1].value == "No breach matches these filters."
    assert not at.metric


# --- URL query parameters ----------------------------------------------------------------------

def test_url_params_set_the_widgets_and_the_numbers(app):
    at = app(state=["US-CA", "US-TX"], attack="ransomware", period="month", **{"from": "2024-01-01"})
    assert at.multiselect(key="f_states").value == ["US-CA", "US-TX"]
    assert at.multiselect(key="f_attacks").value == ["ransomware"]
    assert at.radio(key="f_period").value == "month"
    assert metrics(at)["Breaches reported"] == "2"  # r02 r03; r01 (31 Dec) is before the start
    trend = figures(at)[0]
    assert [t["name"] for t in trend["data"] if t.get("showlegend") is False] == ["Ransomware"]


def test_url_round_trip_reproduces_the_view(app):
    first = app(lang="fr")
    first.multiselect(key="f_states").set_value(["US-NY", "US-TX"]).run()
    first.multiselect(key="f_orgs").set_value(["healthcare_provider"]).run()
    first.radio(key="f_period").set_value("week").run()
    shared = url(first)
    assert shared == {"lang": "fr", "state": ["US-NY", "US-TX"], "org": "healthcare_provider", "period": "week"}
    second = app(**shared)
    assert metrics(second) == metrics(first)
    assert metrics(second)["Violations déclarées"] == "2"  # r04 r10
    assert figures(second)[0]["data"] == figures(first)[0]["data"]


def test_bad_url_params_are_ignored(app):
    at = app(state="US-ZZ", attack="nonsense", period="decade", lang="de", **{"from": "yesterday"})
    assert not at.exception
    assert metrics(at)["Breaches reported"] == "10"
    assert at.radio(key="f_period").value == "year"
    assert at.title[0].value == "United States: health data breaches reported to HHS"


def test_language_switch_translates_and_goes_into_the_url(app):
    at = app()
    at.radio(key="f_lang").set_value("fr").run()
    assert at.title[0].value == "États-Unis : violations de données de santé déclarées au HHS"
    assert url(at) == {"lang": "fr"}
    at.radio(key="f_lang").set_value("en").run()
    assert url(at) == {"lang": "en"}  # a shared link carries the language, English too
