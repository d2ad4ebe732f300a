"""Explorer and incident page: search ignoring case and accents, every filter, sort, server-side pages,
links to sources and incident pages; the incident page's reports, timeline and source count."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from app import data
from app.prep import explore, filtering, search, timeline
from app.prep.explore import ExplorerState
from app.prep.filtering import Filters
from tests.support.frames import data_dir_fixture
from tests.support.frames import journalist as frames

# --- search ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    ("hopital", {"Hôpital Saint-Jean", "Hopital Saint Jean (Perpignan)", "HÔPITAL SAINT-JEAN"}),
    ("HÔPITAL saint jean", {"Hôpital Saint-Jean", "Hopital Saint Jean (Perpignan)", "HÔPITAL SAINT-JEAN"}),
    ("saint-jean perpignan", {"Hopital Saint Jean (Perpignan)"}),
    ("chu rennes", set()),  # "de" sits between: every word must appear, in any order, but "rennes" must too
    ("rennes chu", {"CHU de Rennes"}),
    ("lakeside", {"Lakeside Clinic", "Lakeside Clinic, LLC"}),
    ("", {r[5] for r in frames.ROWS}),
])
def test_search_ignores_case_accents_and_punctuation(query, expected):
    frame = frames.incidents()
    found = frame.loc[search.matches(search.fold_series(frame["organization"]), query), "organization"]
    if query == "chu rennes":
        expected = {"CHU de Rennes"}  # words need not be adjacent
    assert set(found) == expected


@pytest.mark.parametrize(("text", "folded"), [
    ("Hôpital d’Armentières", "hopital d armentieres"), ("Œuvre Sainte-Élisabeth", "oeuvre sainte elisabeth"),
    ("Klinikum Großhadern", "klinikum grosshadern"), ("  ST. MARY'S  ", "st mary s"), (None, ""),
])
def test_fold(text, folded):
    assert search.fold(text) == folded


# --- state in the URL, selection, sort, pages -------------------------------------------------------------

def test_explorer_state_round_trips_through_url_params():
    state = ExplorerState(query="hôpital", vendor_event="vnd:0123456789ab", sort="individuals_affected",
                          descending=False, page=3, page_size=25)
    params = explore.state_to_params(state)
    assert params == {"q": ["hôpital"], "vendor": ["vnd:0123456789ab"], "sort": ["individuals_affected"],
                      "order": ["asc"], "page": ["3"], "size": ["25"]}
    assert explore.state_from_params(params) == state
    assert explore.state_to_params(ExplorerState()) == {}
    assert explore.state_from_params({"sort": ["drop table"], "page": ["-4"], "size": ["7"], "vendor": ["x"]}) == (
        ExplorerState())


def test_every_filter_dimension_selects_rows():
    ds = data.build_dataset(frames.incidents(), frames.COVERAGE)
    base = Filters(ds.options.first, ds.options.last)

    def ids(**changes) -> set[str]:
        return set(filtering.apply_filters(ds.incidents, Filters(**{**base.__dict__, **changes}))["record_id"])

    assert len(ids()) == 12
    assert ids(countries=("FR",)) == {"ransomware_live:fr01", "ransomware_live:fr02", "eurepoc:fr03",
                                      "ransomware_live:fr04"}
    assert ids(sources=("eurepoc",)) == {"eurepoc:fr03", "eurepoc:de01"}
    assert ids(statuses=("claimed",)) == {"ransomware_live:fr01", "ransomware_live:us01"}
    assert len(ids(regions=("Europe",))) == 5
    assert ids(countries=("FR",), attack_types=("ransomware",), start=dt.date(2024, 1, 1)) == {
        "ransomware_live:fr01", "ransomware_live:fr02", "eurepoc:fr03"}
    assert ids(organization_types=("health_plan",)) == {"hhs_ocr:h001"}
    assert ids(states=("US-NY",)) == {"hhs_ocr:v001", "hhs_ocr:v003"}
    # Incident basis: the date of the attack (a linked claim dates the HHS filing us02); undated reports go.
    assert ids(date_basis="incident") == {"ransomware_live:fr01", "ransomware_live:fr02", "eurepoc:fr03",
                                          "ransomware_live:us01", "hhs_ocr:us02", "eurepoc:de01"}
    assert ids(date_basis="incident", start=dt.date(2023, 9, 1), end=dt.date(2023, 9, 30)) == {
        "ransomware_live:us01", "hhs_ocr:us02"}  # filed in November, attacked on 28 September
    assert ds.options.without_incident_date == 6


def test_sort_and_pages_never_hand_over_more_than_a_page():
    frame = frames.incidents()
    state = ExplorerState(sort="individuals_affected", descending=True, page_size=25)
    ordered = explore.sort_rows(frame, state)
    assert list(ordered["record_id"][:3]) == ["hhs_ocr:us02", "hhs_ocr:v003", "hhs_ocr:v001"]
    assert ordered["individuals_affected"].iloc[-1] is pd.NA  # missing counts last, whatever the order
    big = pd.concat([frame] * 30, ignore_index=True)  # 360 rows
    assert explore.page_count(len(big), 25) == 15
    assert len(explore.page_of(big, 15, 25)) == 10 and len(explore.page_of(big, 99, 25)) == 10  # clamped
    assert len(explore.page_of(big, 1, 25)) == 25


def test_table_rows_link_to_their_source_and_incident_page():
    frame = frames.incidents()
    table = explore.display_table(frame.iloc[:2], "fr", {"ransomware_live:fr01": "Acme"})
    assert table["Incident"].tolist() == [f"./incident?incident={frames.FR_INCIDENT}&lang=fr"] * 2
    assert table["Lien source"].tolist() == ["https://example.org/ransomware_live/fr01",
                                             "https://example.org/ransomware_live/fr02"]
    assert table["Pays"].tolist() == ["France", "France"]
    assert table["Violation chez un prestataire"].tolist() == ["Acme", ""]
    assert table["Certitude"].tolist() == ["Revendiqué (site de fuite)", "Signalé (presse, recherche)"]


def test_incident_timeline_and_source_count():
    frame = frames.incidents()
    reports = frame.loc[frame["incident_id"] == frames.FR_INCIDENT]
    facts = timeline.summary(reports)
    assert (facts.reports, facts.sources, facts.statuses) == (3, 2, ("reported", "claimed"))
    assert facts.attack_date == pd.Timestamp("2024-02-25")
    steps = timeline.timeline(reports)
    assert list(zip(steps["date"].dt.strftime("%m-%d"), steps["step"], steps["source"])) == [
        ("02-25", "attack", "eurepoc"), ("02-25", "attack", "ransomware_live"), ("02-25", "reported", "eurepoc"),
        ("03-02", "claimed", "ransomware_live"), ("03-04", "reported", "ransomware_live")]
    assert timeline.kind_of("inc:00000000f001") == "incident" and timeline.kind_of("vnd:ab") == "vendor"
    assert timeline.kind_of("inc:") is None and timeline.kind_of("hello") is None


# --- the views, with AppTest ----------------------------------------------------------------------------

data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/journalist.py, written as data/ (open_page: tests/conftest.py)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_explorer_searches_filters_and_pages_from_the_link(open_page):
    at = open_page("explorer", q="hopital", country="FR", attack="ransomware")
    assert not at.exception
    assert at.text_input(key="x_q").value == "hopital"
    assert "**3** reports match" in at.markdown[0].value
    table = at.dataframe[0].value
    assert set(table["Organization"]) == {"Hôpital Saint-Jean", "Hopital Saint Jean (Perpignan)",
                                          "HÔPITAL SAINT-JEAN"}
    assert len(at.get("download_button")) == 2
    assert not any(button.proto.disabled for button in at.get("download_button"))


@pytest.mark.slow  # runs the dashboard in AppTest
def test_with_no_row_the_downloads_are_off_and_say_why(open_page):
    at = open_page("explorer", q="no organisation is called this", lang="fr")
    assert not at.exception
    buttons = at.get("download_button")
    assert len(buttons) == 2 and all(button.proto.disabled for button in buttons)
    assert any("rien à télécharger" in caption.value for caption in at.caption)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_explorer_sends_one_page_of_rows(open_page):
    at = open_page("explorer", size="25")
    assert len(at.dataframe[0].value) == 12
    at = open_page("explorer", size="25", sort="organization", order="asc")
    assert at.dataframe[0].value["Organization"].iloc[0] == frames.HOSTILE  # '=' sorts first; shown as text
    assert at.number_input(key="x_page").max == 1


@pytest.mark.slow  # runs the dashboard in AppTest
def test_incident_page_lists_every_report_its_timeline_and_sources(open_page):
    at = open_page("incident", incident=frames.FR_INCIDENT, lang="fr")
    assert not at.exception
    assert at.text_input(key="i_id").value == frames.FR_INCIDENT
    assert "Confirmé par **2 sources** (3 signalements)" in at.markdown[0].value
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Signalements"] == "3" and metrics["Sources"] == "2" and metrics["Premier signalement"] == (
        "25 févr. 2024")
    steps, reports = at.dataframe[0].value, at.dataframe[1].value
    assert steps["Ce qui s'est passé"].tolist()[0] == "Attaque"
    assert len(reports) == 3 and "Incident" not in reports.columns


@pytest.mark.slow  # runs the dashboard in AppTest
def test_incident_page_of_a_filing_names_its_vendor_breach(open_page):
    at = open_page("incident", incident="inc:00000000v002")
    assert not at.exception
    assert any("Acme Billing" in i.value for i in at.info)
    vendor_id = data.vendor_rollup()[1]["vendor_event_id"].iloc[0]
    at = open_page("incident", vendor=vendor_id)
    assert at.header[0].value == "Breach at Acme Billing"
    assert {m.label: m.value for m in at.metric}["Filings"] == "4"


@pytest.mark.slow  # runs the dashboard in AppTest
def test_incident_page_without_an_id_offers_entry_points(open_page):
    at = open_page("incident")
    assert not at.exception
    multi = at.dataframe[0].value
    assert set(multi["Organization"]) == {"HÔPITAL SAINT-JEAN", "Lakeside Clinic"}  # as the first report names it
    at = open_page("incident", incident="inc:ffffffffffff")
    assert "No report has the id" in at.warning[0].value
