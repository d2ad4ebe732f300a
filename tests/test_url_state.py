"""Shareable views: for every view, a link's parameters set the view (URL -> widgets), and changing the
widgets writes the parameters back (widgets -> URL), so that opening the written link reproduces the view."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app import data
from app.prep import filtering
from app.prep.filtering import FilterOptions, Filters, filters_from_params, filters_to_params
from tests.support.frames import data_dir_fixture
from tests.support.frames import journalist as frames

ROOT = Path(__file__).resolve().parent.parent


data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/journalist.py, written as data/ (open_page: tests/conftest.py)


def params_of(at: AppTest, with_lang: bool = False) -> dict[str, list[str]]:
    """The URL's parameters; ?lang= (always there: a shared link carries the language) only when asked."""
    return {key: (value if isinstance(value, list) else [value]) for key, value in at.query_params.items()
            if with_lang or key != "lang"}


def reopened(open_page, page: str, first: AppTest) -> AppTest:
    return open_page(page, **params_of(first, with_lang=True))


# --- the filters' own round trip, with the new dimensions ---------------------------------------------

def test_new_filter_dimensions_round_trip_through_params():
    options = FilterOptions(first=dt.date(2020, 1, 1), last=dt.date(2024, 6, 30), states=("US-CA",),
                            attack_types=("ransomware",), organization_types=("healthcare_provider",),
                            sources=("eurepoc", "hhs_ocr"), statuses=("confirmed", "claimed"),
                            countries=("FR", "US"), regions=("Americas", "Europe"))
    chosen = Filters(start=dt.date(2024, 1, 1), end=options.last, sources=("hhs_ocr",), statuses=("claimed",),
                     countries=("FR",), regions=("Europe",), date_basis="incident")
    params = filters_to_params(chosen, options)
    assert params == {"from": ["2024-01-01"], "source": ["hhs_ocr"], "status": ["claimed"], "country": ["FR"],
                      "region": ["Europe"], "basis": ["incident"]}
    assert filters_from_params(params, options) == chosen
    bad = filters_from_params({"country": ["XX", "FR"], "basis": ["tomorrow"], "source": ["nope"]}, options)
    assert (bad.countries, bad.date_basis, bad.sources) == (("FR",), "reported", ())


# --- every view ---------------------------------------------------------------------------------------

@pytest.mark.slow  # runs the dashboard in AppTest
def test_world_round_trip_with_worldwide_filters(open_page):
    # The worldwide filters live on the World page (the US page shows HHS filings only).
    at = open_page("world", country="FR", source="ransomware_live", basis="incident", period="month")
    assert not at.exception
    assert at.multiselect(key="f_countries").value == ["FR"]
    assert at.multiselect(key="f_sources").value == ["ransomware_live"]
    assert at.radio(key="f_basis").value == "incident"
    assert {m.label: m.value for m in at.metric}["Reports"] == "2"  # fr01 fr02: dated attacks in FR
    at.multiselect(key="f_statuses").set_value(["claimed"]).run()
    at.radio(key="f_basis").set_value("reported").run()
    assert params_of(at)["country"] == ["FR"] and params_of(at)["status"] == ["claimed"]
    assert "basis" not in params_of(at)  # the default is not written into the link
    again = reopened(open_page, "world", at)
    assert {m.label: m.value for m in again.metric} == {m.label: m.value for m in at.metric}


@pytest.mark.slow  # runs the dashboard in AppTest
def test_the_us_page_counts_hhs_filings_only(open_page):
    rows = frames.incidents()
    hhs_filings = int(((rows["source"] == "hhs_ocr") & ~rows["is_removed_by_source"]).sum())
    assert 0 < hhs_filings < len(rows)  # the frame mixes sources, so the test can tell
    at = open_page("overview")
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Breaches reported"] == str(hhs_filings)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_explorer_round_trip(open_page):
    at = open_page("explorer", q="lab", state="US-NY", sort="individuals_affected", order="asc", size="25")
    assert not at.exception
    assert (at.text_input(key="x_q").value, at.selectbox(key="x_sort").value, at.toggle(key="x_desc").value,
            at.selectbox(key="x_size").value) == ("lab", "individuals_affected", False, 25)
    assert at.dataframe[0].value["Organization"].tolist() == ["North Lab", "East Lab"]  # 5,000 then 7,000
    at.text_input(key="x_q").set_value("hôpital").run()
    at.multiselect(key="f_states").set_value([]).run()
    at.multiselect(key="f_countries").set_value(["FR"]).run()
    at.toggle(key="x_desc").set_value(True).run()
    assert params_of(at) == {"q": ["hôpital"], "country": ["FR"], "sort": ["individuals_affected"],
                             "size": ["25"]}
    again = reopened(open_page, "explorer", at)
    assert again.dataframe[0].value.equals(at.dataframe[0].value)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_explorer_page_number_round_trip(open_page):
    at = open_page("explorer", size="25", page="1")
    at.number_input(key="x_page").set_value(1).run()
    assert "page" not in params_of(at)  # the default is left out
    # A page past the end (a link made when more rows matched) opens on the last page.
    at = open_page("explorer", size="25", page="9")
    assert at.number_input(key="x_page").value == 1 and not at.exception


@pytest.mark.slow  # runs the dashboard in AppTest
def test_incident_round_trip(open_page):
    at = open_page("incident", incident=frames.US_INCIDENT)
    assert at.text_input(key="i_id").value == frames.US_INCIDENT
    at.text_input(key="i_id").set_value(frames.FR_INCIDENT).run()
    assert params_of(at) == {"incident": [frames.FR_INCIDENT]}
    assert reopened(open_page, "incident", at).header[0].value == at.header[0].value
    vendor = data.vendor_rollup()[1]["vendor_event_id"].iloc[0]
    at.text_input(key="i_id").set_value(vendor).run()
    assert params_of(at) == {"vendor": [vendor]}


@pytest.mark.slow  # runs the dashboard in AppTest
def test_methodology_round_trip(open_page):
    at = open_page("methodology", lag="source")
    assert at.radio(key="m_lag").value == "source"
    at.radio(key="m_lag").set_value("year").run()
    assert "lag" not in params_of(at)
    at.radio(key="m_lag").set_value("source").run()
    assert params_of(at) == {"lag": ["source"]}


@pytest.mark.slow  # runs the dashboard in AppTest
def test_a_bad_value_in_the_link_falls_back_to_the_default_and_leaves_the_address(open_page):
    at = open_page("world", count="bogus", period="fortnight")
    assert not at.exception
    assert at.radio(key="w_count").value == "reports" and at.radio(key="f_period").value == "year"
    assert "count" not in params_of(at) and "period" not in params_of(at)
    methodology = open_page("methodology", lag="nonsense")
    assert methodology.radio(key="m_lag").value == "year" and "lag" not in params_of(methodology)


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize("page", [p for p in ("world", "overview", "patient_impact", "explorer", "incident",
                                              "methodology", "about") if (ROOT / "app" / "views" / f"{p}.py").exists()])
def test_language_round_trip_on_every_view(open_page, page):
    at = open_page(page, lang="fr")
    assert not at.exception
    assert at.radio(key="f_lang").value == "fr" and params_of(at, with_lang=True).get("lang") == ["fr"]
    at.radio(key="f_lang").set_value("en").run()
    assert params_of(at, with_lang=True).get("lang") == ["en"]  # the link says English too, whatever the browser


def _brief_names() -> tuple[str, str] | None:
    """The brief view's URL parameter and widget key (another view, read from its source, not run twice)."""
    path = ROOT / "app" / "views" / "brief.py"
    if not path.exists():
        return None
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple) and [
                getattr(t, "id", "") for t in getattr(node.targets[0], "elts", [])] == ["WEEK_PARAM", "WEEK_KEY"]:
            return tuple(c.value for c in node.value.elts)
    return None


@pytest.mark.slow  # runs the dashboard in AppTest
def test_brief_round_trip(open_page):
    names = _brief_names()
    if names is None:
        pytest.skip("app/views/brief.py declares no WEEK_PARAM, WEEK_KEY (the weekly brief is being written)")
    param, key = names
    at = open_page("brief")
    if at.exception or not at.get("selectbox"):
        pytest.skip("the weekly brief view does not run on this hand-made data yet")
    weeks = at.selectbox(key=key).options
    if len(weeks) < 2:
        pytest.skip("the hand-made data give the brief a single week")
    at.selectbox(key=key).select_index(1).run()
    chosen = at.selectbox(key=key).value
    assert params_of(at)[param] == [chosen]
    assert reopened(open_page, "brief", at).selectbox(key=key).value == chosen


# --- a link with values the page does not know ------------------------------------------------------

def test_unknown_params_names_every_value_a_link_cannot_use():
    options = FilterOptions(first=dt.date(2020, 1, 1), last=dt.date(2024, 6, 30), states=(),
                            attack_types=("ransomware",), organization_types=(), countries=("FR", "US"))
    params = {"country": ["FR", "XX"], "attack": ["ransomwre"], "from": ["2024-13-01"], "to": ["2024-02-01"]}
    assert filtering.unknown_params(params, options) == [("attack", "ransomwre"), ("country", "XX"),
                                                         ("from", "2024-13-01")]
    assert filtering.unknown_params({"country": ["FR"]}, options) == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_link_with_unknown_values_says_so_and_drops_them_from_the_address(open_page, lang):
    at = open_page("world", lang=lang, country=["FR", "XX"], count="everything")
    warnings = " ".join(w.value for w in at.warning)
    assert "`country=XX`" in warnings and "`count=everything`" in warnings
    assert ("left out" if lang == "en" else "ignorées") in warnings
    params = params_of(at)
    assert params.get("country") == ["FR"] and "count" not in params  # the address keeps what was understood
    again = reopened(open_page, "world", at)
    assert not [w for w in again.warning if "`country=" in w.value]  # the rewritten link is clean
