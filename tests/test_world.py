"""The World page: its pure aggregations on a small hand-made frame (hand-computed values), its figures,
and the page itself through AppTest (both languages, filters, the URL), on that frame and on the real data.

The frame: ten reports of seven incidents in five countries.

    record  source           status     country  reported    incident
    r01     hhs_ocr          confirmed  US       2024-01-10  A   (A: a claim, then the HHS filing)
    r02     ransomware_live  claimed    US       2023-12-20  A
    r03     hhs_ocr          confirmed  US       2024-02-05  B
    r04     ransomware_live  reported   FR       2024-01-15  C   (C: press, then research, two sources)
    r05     eurepoc          reported   FR       2024-01-20  C
    r06     ransomware_live  claimed    FR       2024-03-01  D
    r07     ransomware_live  reported   DE       2024-02-10  E   (E: a claim and press, one source)
    r08     eurepoc          reported   SG       2023-11-05  F   (Singapore: too small for the 1:110m map)
    r09     ransomware_live  claimed    AU       2024-03-03  G
    r10     ransomware_live  claimed    DE       2024-02-08  E
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import data, i18n
from app.charts import world as world_charts
from app.prep import filtering, timeseries
from app.prep import world as world_prep
from collectors import SourceCoverage
from collectors.schema import COLUMN_NAMES, DTYPES, coerce
from tests.support.apptest import open_app
from tests.support.frames import write_store

ROOT = Path(__file__).resolve().parent.parent
NNBSP = "\u202f"
AS_OF = pd.Timestamp("2024-03-31")
HHS_THROUGH = pd.Timestamp("2024-01-31")
COVERAGE = [SourceCoverage("hhs_ocr", AS_OF, HHS_THROUGH, 2), SourceCoverage("ransomware_live", AS_OF, None, 1),
            SourceCoverage("eurepoc", AS_OF, None, 1)]
REGIONS = {"US": "Americas", "FR": "Europe", "DE": "Europe", "SG": "Asia", "AU": "Oceania"}
ROWS = [  # record, source, status, country, reported, incident
    ("r01", "hhs_ocr", "confirmed", "US", "2024-01-10", "A"),
    ("r02", "ransomware_live", "claimed", "US", "2023-12-20", "A"),
    ("r03", "hhs_ocr", "confirmed", "US", "2024-02-05", "B"),
    ("r04", "ransomware_live", "reported", "FR", "2024-01-15", "C"),
    ("r05", "eurepoc", "reported", "FR", "2024-01-20", "C"),
    ("r06", "ransomware_live", "claimed", "FR", "2024-03-01", "D"),
    ("r07", "ransomware_live", "reported", "DE", "2024-02-10", "E"),
    ("r08", "eurepoc", "reported", "SG", "2023-11-05", "F"),
    ("r09", "ransomware_live", "claimed", "AU", "2024-03-03", "G"),
    ("r10", "ransomware_live", "claimed", "DE", "2024-02-08", "E"),
]


def _row(record, source, status, country, reported, incident) -> dict:
    row = {name: None for name in COLUMN_NAMES}
    row.update(
        record_id=f"{source}:{record}", incident_id=f"inc:{incident * 12}", source=source, organization=f"Org {record}",
        organization_type="healthcare_provider", country=country, region=REGIONS[country], attack_type="ransomware",
        reported_date=pd.Timestamp(reported), is_placeholder_count=False, is_removed_by_source=False, status=status,
        source_list="archive" if source == "hhs_ocr" else "press", source_url="https://example.org/r",
        source_snapshot="0123456789ab", first_seen_at=AS_OF, collected_at=AS_OF,
    )
    return row


def frame() -> pd.DataFrame:
    rows = pd.DataFrame([_row(*r) for r in ROWS])
    for name, dtype in DTYPES.items():
        if dtype == "bool":
            rows[name] = rows[name].fillna(False).astype(bool)
    return coerce(rows)


def codes(column) -> list[str]:
    return [str(v) for v in column]


# --- pure aggregations -------------------------------------------------------------------------

def test_reports_and_incidents_and_cross_source_links():
    linked = world_prep.linking(frame())
    # 10 reports of A..G; A (HHS + claim) and C (press + research) have two sources; E has one (a claim and press).
    assert linked == world_prep.Linking(reports=10, incidents=7, linked_reports=4, linked_incidents=2)


def test_incident_rows_take_the_first_report_and_the_most_certain_status():
    rows = world_prep.incident_rows(frame()).set_index("incident_id")
    assert len(rows) == 7
    a, e = rows.loc["inc:" + "A" * 12], rows.loc["inc:" + "E" * 12]
    assert a["reported_date"] == pd.Timestamp("2023-12-20")  # the claim came first
    assert a["status"] == "confirmed" and a["reports"] == 2 and a["sources"] == 2  # then the filing confirmed it
    assert e["reported_date"] == pd.Timestamp("2024-02-08") and e["status"] == "reported" and e["sources"] == 1
    assert len(world_prep.counting_rows(frame(), "reports")) == 10
    with pytest.raises(ValueError):
        world_prep.counting_rows(frame(), "attacks")


def test_country_table_counting_reports():
    table = world_prep.country_table(frame(), "reports")
    # FR and US both have 3 reports: ties by code.
    assert codes(table["country"]) == ["FR", "US", "DE", "AU", "SG"]
    assert table.set_index("country").loc[:, ["reports", "incidents", "confirmed", "reported", "claimed"]].to_dict(
        "index") == {
        "FR": {"reports": 3, "incidents": 2, "confirmed": 0, "reported": 2, "claimed": 1},
        "US": {"reports": 3, "incidents": 2, "confirmed": 2, "reported": 0, "claimed": 1},
        "DE": {"reports": 2, "incidents": 1, "confirmed": 0, "reported": 1, "claimed": 1},
        "AU": {"reports": 1, "incidents": 1, "confirmed": 0, "reported": 0, "claimed": 1},
        "SG": {"reports": 1, "incidents": 1, "confirmed": 0, "reported": 1, "claimed": 0},
    }
    assert codes(table["region"]) == ["Europe", "Americas", "Europe", "Oceania", "Asia"]
    assert world_prep.country_rank(table, "FR") == 1 and world_prep.country_rank(table, "IT") is None


def test_country_table_counting_incidents_splits_incidents_by_their_most_certain_status():
    table = world_prep.country_table(frame(), "incidents").set_index("country")
    assert list(table.index) == ["FR", "US", "AU", "DE", "SG"]
    split = table.loc[:, ["confirmed", "reported", "claimed"]]
    assert split.loc["US"].tolist() == [2, 0, 0]  # A (claim + filing) is confirmed
    assert split.loc["FR"].tolist() == [0, 1, 1]  # C reported, D claimed
    assert split.loc["DE"].tolist() == [0, 1, 0]  # E: press beats the claim
    assert (split.sum(axis=1) == table["incidents"]).all()


def test_an_empty_selection_gives_empty_tables():
    empty = frame().iloc[0:0]
    assert world_prep.country_table(empty).empty and world_prep.incident_rows(empty).empty
    assert world_prep.linking(empty) == world_prep.Linking(0, 0, 0, 0)


def test_counts_by_period_by_region_and_by_status():
    start, end = pd.Timestamp("2023-11-01").date(), pd.Timestamp("2024-03-31").date()
    by_region = timeseries.counts_by_period(frame(), "month", start, end, by="region")
    assert list(by_region.columns) == ["Americas", "Asia", "Europe", "Oceania"]
    assert by_region.to_dict("list") == {"Americas": [0, 1, 1, 1, 0], "Asia": [1, 0, 0, 0, 0],
                                         "Europe": [0, 0, 2, 2, 1], "Oceania": [0, 0, 0, 0, 1]}
    incidents = world_prep.counting_rows(frame(), "incidents")
    by_status = timeseries.counts_by_period(incidents, "month", start, end, by="status")
    assert list(by_status.columns) == ["confirmed", "reported", "claimed"]  # the schema's order
    assert by_status.to_dict("list") == {"confirmed": [0, 1, 0, 1, 0], "reported": [1, 0, 1, 1, 0],
                                         "claimed": [0, 0, 0, 0, 2]}
    # The overview's call, without `by`, still counts attack types.
    assert list(timeseries.counts_by_period(frame(), "year", start, end).columns) == ["ransomware"]


def test_iso2_to_iso3_and_what_the_base_map_draws():
    assert [world_prep.iso3(c) for c in ("FR", "US", "SG", "fr", "XK")] == ["FRA", "USA", "SGP", "FRA", None]
    mappable = world_prep.mappable_iso3()
    assert {"FRA", "USA", "DEU", "AUS"} <= mappable and "SGP" not in mappable
    on_map, off_map = world_prep.map_rows(world_prep.country_table(frame()), "reports")
    assert codes(on_map["iso3"]) == ["FRA", "USA", "DEU", "AUS"] and on_map["bin"].tolist() == [1, 1, 1, 0]
    assert codes(off_map["country"]) == ["SG"]


@pytest.mark.parametrize(("value", "expected"), [(1, 0), (2, 1), (4, 1), (5, 2), (9, 2), (10, 3), (49, 3),
                                                 (50, 4), (100, 5), (999, 5), (1000, 6), (6624, 6)])
def test_map_colour_classes(value, expected):
    assert world_prep.value_bin(value) == expected


@pytest.mark.parametrize(("lang", "last"), [("en", "≥ 1,000"), ("fr", f"≥ 1{NNBSP}000")])
def test_map_class_labels(lang, last):
    assert world_charts.bin_labels(lang) == ["1", "2–4", "5–9", "10–49", "50–99", "100–999", last]


def test_complete_through_only_from_the_sources_counted():
    assert world_prep.complete_through_for(COVERAGE, ["hhs_ocr", "eurepoc"]) == HHS_THROUGH
    assert world_prep.complete_through_for(COVERAGE, ["ransomware_live", "eurepoc"]) is None


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["HHS OCR breach portal (US regulator): public domain", "EuRepoC: licence not verified",
            "ransomware.live: free for research per a third-party document, not verified"]),
    ("fr", ["Portail HHS OCR (régulateur américain) : domaine public", "EuRepoC : licence non vérifiée",
            "ransomware.live : libre pour la recherche selon un document tiers, non vérifié"]),
])
def test_the_source_line_names_each_source_and_its_licence(lang, expected):
    assert world_charts.source_credits(["ransomware_live", "hhs_ocr", "eurepoc"], lang) == expected
    text = world_charts.source_text(["eurepoc", "hhs_ocr", "ransomware_live"], AS_OF, lang)
    assert text.split("<br>")[:3] == [("Sources: " if lang == "en" else "Sources : ") + expected[0], *expected[1:]]
    assert text.endswith("31 Mar 2024." if lang == "en" else "31 mars 2024.")
    assert world_charts.source_credits(["eurepoc"], lang) == expected[1:2]  # only the sources present


# --- figures -----------------------------------------------------------------------------------

def test_world_map_figure_uses_iso3_codes_classes_and_french_numbers():
    on_map, _ = world_prep.map_rows(world_prep.country_table(frame()), "reports")
    source = world_charts.source_text(["hhs_ocr"], AS_OF, "fr")
    fig = world_charts.world_map_figure(on_map, "reports", "fr", source)
    [trace] = fig.data
    assert trace.locationmode == "ISO-3" and list(trace.locations) == ["FRA", "USA", "DEU", "AUS"]
    assert list(trace.z) == [1, 1, 1, 0] and trace.zmin == -0.5 and trace.zmax == 6.5
    assert list(trace.colorbar.ticktext)[-1] == f"≥ 1{NNBSP}000"
    assert trace.customdata[0][0] == "France" and trace.customdata[0][3] == (
        "Signalements confirmés 0 · signalés 2 · revendiqués 1")
    assert "Signalements" in trace.hovertemplate
    assert fig.layout.geo.scope == "world" and fig.layout.geo.projection.type == "natural earth"
    # The sources, inside the figure (wrapped to a phone's width: the same words).
    assert [a.text.replace("<br>", " ") for a in fig.layout.annotations] == [source.replace("<br>", " ")]


def test_trend_by_region_figure_names_regions_and_marks_incomplete_periods():
    f = frame()
    filters = data.Filters(pd.Timestamp("2023-11-01").date(), pd.Timestamp("2024-03-31").date())
    options = filtering.filter_options(f, AS_OF)
    periods = timeseries.periods_between(filters.start, filters.end, "month")
    status = timeseries.period_status(periods, filters, options, HHS_THROUGH)
    counts = timeseries.counts_by_period(f, "month", filters.start, filters.end, by="region")
    fig = world_charts.trend_by_figure(counts, status, "region", "reports", "month", "fr", HHS_THROUGH, "Sources : x")
    bars = [t for t in fig.data if t.showlegend is False]
    assert [b.name for b in bars] == ["Amériques", "Asie", "Europe", "Océanie"]
    assert list(bars[2].marker.pattern.shape) == ["", "", "", "/", "/"]  # February and March may still grow
    assert fig.layout.yaxis.title.text == "Signalements"
    assert [a.text for a in fig.layout.annotations if a.text == "Sources : x"] == ["Sources : x"]


def test_country_table_for_display_in_french():
    shown = world_charts.country_table_display(world_prep.country_table(frame()), "fr")
    assert list(shown.columns) == ["#", "Pays", "Région", "Signalements", "Incidents", "Confirmés", "Signalés",
                                   "Revendiqués"]
    assert shown.iloc[0].tolist() == [1, "France", "Europe", "3", "2", "0", "2", "1"]


# --- the page (AppTest) on the hand-made frame --------------------------------------------------

@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("world") / "data"
    exports = [
        {"source": "hhs_ocr", "snapshot_id": "0123456789ab", "list_kind": "under_investigation",
         "as_of": HHS_THROUGH.date().isoformat(), "rows": 1},
        {"source": "hhs_ocr", "snapshot_id": "ba9876543210", "list_kind": "archive", "as_of": AS_OF.date().isoformat(),
         "rows": 2},
        {"source": "ransomware_live", "snapshot_id": "abcdefabcdef", "list_kind": "press",
         "as_of": AS_OF.date().isoformat(), "rows": 6},
        {"source": "eurepoc", "snapshot_id": "fedcbafedcba", "list_kind": "incidents",
         "as_of": AS_OF.date().isoformat(), "rows": 2},
    ]
    return write_store(folder, frame(), exports)


@pytest.fixture
def world(data_dir, monkeypatch):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))

    def open_(**params) -> AppTest:
        return open_app(**params)  # the World page is the landing page

    return open_


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def url(at: AppTest) -> dict:
    """The URL's parameters but ?lang= (always there; tests/test_url_state.py checks it)."""
    return {key: value for key, value in at.query_params.items() if key != "lang"}


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize(("lang", "title", "labels", "france"), [
    ("en", "Cyberattacks on healthcare worldwide", ("Reports", "Incidents", "Countries",
                                                   "Incidents confirmed by 2+ sources"),
     ("**France**: 3 reports, 2 incidents. Of its reports: confirmed 0, reported 2, claimed 1. Rank 1 of 5 "
      "countries by number of reports.")),
    ("fr", "Cyberattaques contre la santé dans le monde", ("Signalements", "Incidents", "Pays",
                                                          "Incidents confirmés par 2 sources ou +"),
     ("**France** : 3 signalements, 2 incidents. Parmi ses signalements : confirmés 0, signalés 2, revendiqués 1. "
      "Rang 1 sur 5 pays par nombre de signalements.")),
])
def test_the_world_page_is_the_landing_page_in_both_languages(world, lang, title, labels, france):
    at = world(lang=lang)
    assert not at.exception
    assert at.title[0].value == title
    assert metrics(at) == dict(zip(labels, ("10", "7", "5", "2")))
    assert any(m.value == france for m in at.markdown)
    assert len(at.get("plotly_chart")) == 3  # map, by region, by status
    map_, by_region, by_status = figures(at)
    assert map_["data"][0]["locations"] == ["FRA", "USA", "DEU", "AUS"]
    for fig in (map_, by_region, by_status):  # each names the three sources and their licences
        [source] = [a["text"] for a in fig["layout"]["annotations"] if a["text"].startswith("Sources")]
        assert all(name in source for name in ("HHS OCR", "EuRepoC", "ransomware.live"))
    assert any(("Singapore (1)" if lang == "en" else "Singapour (1)") in c.value for c in at.caption)
    assert any("2 incidents" in c.value and "4" in c.value for c in at.caption)  # linked: 4 reports, 2 incidents
    assert "2" in at.warning[0].value  # the US note counts the 2 HHS filings
    assert at.dataframe[-1].value.iloc[0, 1] == "France"  # the countries table (count tables come first)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_a_region_filter_changes_the_headline_and_the_url(world):
    at = world()
    at.multiselect(key="f_regions").set_value(["Europe"]).run()
    # r04 r05 r06 (FR) and r07 r10 (DE): incidents C, D, E; only C has two sources.
    assert metrics(at) == {"Reports": "5", "Incidents": "3", "Countries": "2", "Incidents confirmed by 2+ sources": "1"}
    assert url(at) == {"region": "Europe"}
    assert not at.warning  # no HHS filing left: no US note


@pytest.mark.slow  # runs the dashboard in AppTest
def test_counting_incidents_changes_the_table_and_the_charts(world):
    at = world()
    at.radio(key="w_count").set_value("incidents").run()
    assert url(at) == {"count": "incidents"}
    assert any(m.value.endswith("Rank 1 of 5 countries by number of incidents.") for m in at.markdown)
    by_status = figures(at)[2]
    claimed = [t for t in by_status["data"] if t.get("name") == "Claimed (leak site)" and t.get("showlegend") is False]
    # D and G; A's claim counts as confirmed, E's as reported (customdata: the counts as the reader reads them).
    # Periods no source covers carry no count at all ("no data"), not "0".
    assert sum(int(point[2]) for point in claimed[0]["customdata"] if point[2]) == 2


@pytest.mark.slow  # runs the dashboard in AppTest
def test_the_map_without_hhs_button_sets_the_source_filter(world):
    at = world()
    at.button(key="w_without_hhs").click().run()
    assert at.multiselect(key="f_sources").value == ["eurepoc", "ransomware_live"]
    assert metrics(at)["Reports"] == "8" and url(at) == {"source": ["eurepoc", "ransomware_live"]}


@pytest.mark.slow  # runs the dashboard in AppTest
def test_url_round_trip_reproduces_the_world_view(world):
    first = world(lang="fr")
    first.multiselect(key="f_sources").set_value(["ransomware_live"]).run()
    first.multiselect(key="f_statuses").set_value(["claimed"]).run()
    first.radio(key="w_count").set_value("incidents").run()
    first.radio(key="f_period").set_value("month").run()
    shared = dict(first.query_params.items())  # the whole link, its language included
    assert shared == {"lang": "fr", "source": "ransomware_live", "status": "claimed", "count": "incidents",
                      "period": "month"}
    second = world(**shared)
    assert second.radio(key="w_count").value == "incidents"
    assert second.multiselect(key="f_statuses").value == ["claimed"]
    assert metrics(second) == metrics(first)
    assert metrics(second)["Signalements"] == "4"  # r02 r06 r09 r10
    assert [f["data"] for f in figures(second)] == [f["data"] for f in figures(first)]


@pytest.mark.slow  # runs the dashboard in AppTest
def test_filters_survive_a_switch_to_the_us_view_and_back(world):
    at = world(source="eurepoc")
    at.switch_page("app/views/overview.py").run()
    assert "Breaches reported" not in metrics(at)  # the US page counts HHS filings only: none here
    at.switch_page("app/views/world.py").run()
    assert metrics(at)["Reports"] == "2" and url(at)["source"] == "eurepoc"


@pytest.mark.slow  # runs the dashboard in AppTest
def test_bad_count_param_falls_back_to_reports(world):
    at = world(count="attacks")
    assert not at.exception and at.radio(key="w_count").value == "reports"


# --- the page on the committed data ------------------------------------------------------------

@pytest.fixture
def real(monkeypatch):
    if not (ROOT / "data" / "incidents.csv").exists():
        pytest.skip("data/incidents.csv is not built yet")
    monkeypatch.delenv(data.DATA_DIR_ENV, raising=False)

    def open_(**params) -> AppTest:
        return open_app(timeout=90, **params)

    return open_


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_committed_data_in_both_languages(real, lang):
    from collectors import load_incidents

    kept = load_incidents(ROOT / "data").loc[lambda f: ~f["is_removed_by_source"] & f["duplicate_of"].isna()]
    at = real(lang=lang)
    assert not at.exception
    values = list(metrics(at).values())
    expected = (len(kept), kept["incident_id"].nunique(), kept["country"].nunique())
    assert values[:3] == [i18n.format_int(v, lang) for v in expected]
    assert len(at.get("plotly_chart")) == 3
    assert len(figures(at)[0]["data"][0]["locations"]) >= 20
    assert any(m.value.startswith("**France**") for m in at.markdown)


@pytest.mark.slow  # runs the dashboard in AppTest
def test_the_committed_data_filtered_to_eurepoc(real):
    at = real(source="eurepoc")
    # data/README.md: 53 EuRepoC rows, in 19 countries.
    assert metrics(at)["Reports"] == "53" and metrics(at)["Countries"] == "19"
    assert not at.warning  # no HHS filing: no US note
