"""Methodology numbers on the hand-made frame (counted by hand from journalist_frames.ROWS), the corrections
log read from data/README.md, the reporting lags, the source line on every figure, and the view itself."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app import data, i18n
from app.charts import common
from app.charts import methodology as methodology_charts
from app.charts import us as us_charts
from app.prep import counting, lag
from app.prep import coverage as coverage_layer
from app.prep import methodology as methodology_prep
from app.prep import us as us_prep
from collectors import DATA_DIR, incident_types, load_coverage, load_coverage_table, load_incidents, registry, vendors
from tests.support.frames import data_dir_fixture
from tests.support.frames import journalist as frames

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")


def test_completeness_by_year_marks_years_after_complete_through_partial():
    by_year = counting.completeness_by_year(frames.incidents(), frames.COVERAGE)
    hhs = by_year.loc[by_year["source"] == "hhs_ocr"].set_index("year")
    assert hhs["reports"].to_dict() == {2019: 4, 2020: 0, 2021: 0, 2022: 0, 2023: 1, 2024: 1}
    assert hhs.loc[2023, "state"] == "complete"  # ends on 2023-12-31, the complete-through date
    assert hhs.loc[2024, "state"] == "partial"
    claims = by_year.loc[by_year["source"] == "ransomware_live"].set_index("year")
    assert claims.loc[2024, "reports"] == 2 and set(claims["state"]) == {"unknown"}
    table = counting.completeness_table(by_year)
    assert table.loc[2019, "hhs_ocr"] == 4 and table.loc[2019, "eurepoc"] == 0


def test_counting_facts():
    frame = frames.incidents()
    facts = counting.counting_facts(frame, withdrawn=3, vendor_members=vendors.rollup(frame))
    assert facts == counting.CountingFacts(
        reports=12, incidents=9, linked_incidents=2, reports_in_linked=5, with_incident_date=4, with_attack_date=6,
        placeholder_counts=2, missing_counts=7, withdrawn=3, vendor_events=1, reports_in_vendor_events=4)


def test_reporting_and_filing_lags():
    frame = frames.incidents()
    assert lag.undated_sources(frame) == {"eurepoc"}  # it dates reports by the start of the incident
    reporting = lag.reporting_lags(frame).set_index("record_id")["lag_days"].to_dict()
    # Claims 6 and 3 days after the attack, the press 8 days, the HHS filing 63 days (dated by the claim).
    assert reporting == {"ransomware_live:fr01": 6, "ransomware_live:fr02": 8, "ransomware_live:us01": 3,
                         "hhs_ocr:us02": 63}
    assert lag.filing_lags(frame)["lag_days"].tolist() == [60]  # claim 1 Oct -> filing 30 Nov
    # A press item dated only by its attack (`event_only`) has no lag to tell: it is left out.
    press = frame["record_id"] == "ransomware_live:fr02"
    undated = frame.assign(reported_date_basis=frame["reported_date_basis"].where(~press, "event_only"))
    assert "ransomware_live:fr02" not in set(lag.reporting_lags(undated)["record_id"])
    by_source = lag.summarise(lag.reporting_lags(frame), "source").set_index("group")
    assert by_source.loc["ransomware_live", "median_days"] == 6
    assert (by_source.loc["ransomware_live", "q1_days"], by_source.loc["ransomware_live", "q3_days"]) == (4.5, 7)


def test_corrections_log_from_the_readme():
    readme = Path(DATA_DIR / "README.md").read_text(encoding="utf-8")
    log = counting.corrections_log(readme)
    assert len(log) >= 1 and list(log.columns) == ["date", "what_changed", "rows_affected"]
    assert all(len(d) == 10 and d[4] == "-" for d in log["date"])  # dated, ISO
    hand_made = "## Corrections log\n\n| date | what changed | rows affected |\n|---|---|---|\n| 2024-01-02 | a | b |\n"
    assert counting.corrections_log(hand_made).values.tolist() == [["2024-01-02", "a", "b"]]
    assert counting.corrections_log("# no log here").empty


def test_every_source_module_says_what_it_counts_and_its_biases_in_both_languages():
    for name, module in registry.SOURCES.items():
        for key in ("title", "publisher", "counts", "biases", "licence"):
            assert module.INFO.get(key), f"{name} INFO lacks {key}"
        english, french = i18n.source_description(name, "en"), i18n.source_description(name, "fr")
        assert english.counts == module.INFO["counts"] and english.biases == tuple(module.INFO["biases"])
        # Translated through the catalog (tests/test_catalog.py checks every entry is), never left in English.
        for field in ("title", "licence", "counts"):
            assert getattr(french, field) != getattr(english, field) or name == "ransomware_live", (name, field)
        assert len(french.biases) == len(english.biases) and set(french.biases).isdisjoint(english.biases), name


def test_every_figure_carries_its_source_line():
    line = common.source_line(["HHS OCR"], pd.Timestamp("2024-06-30"), "fr")
    assert line == "Source : HHS OCR. Observatoire des cyberattaques contre la santé, données au 30 juin 2024."
    frame = frames.incidents()
    figures = [
        us_charts.organization_type_figure(us_prep.organization_type_counts(frame), "en", source=line),
        us_charts.state_map_figure(us_prep.state_counts(frame), "en", source=line),
        methodology_charts.lag_figure({"reporting": lag.summarise(lag.reporting_lags(frame), "year")}, "year", "en",
                                 source=line),
    ]
    for figure in figures:
        assert common.source_of(figure) == line
    # A builder called without one still names the observatory.
    bare = us_charts.organization_type_figure(us_prep.organization_type_counts(frame), "en")
    assert common.source_of(bare).startswith("Source: Healthcare cyberattack observatory")


data_dir = data_dir_fixture(frames)  # the frame of tests/support/frames/journalist.py, written as data/

@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_methodology_view_shows_sources_counts_lags_and_the_log(data_dir, monkeypatch, lang):
    monkeypatch.setenv(data.DATA_DIR_ENV, str(data_dir))
    at = AppTest.from_file(DASHBOARD, default_timeout=30)
    at.query_params["lang"] = lang
    at.switch_page("app/views/methodology.py")
    at.run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert ("12 reports are counted" if lang == "en" else "12 signalements sont comptés") in text
    assert ("9 distinct incidents" if lang == "en" else "9 incidents distincts") in text
    assert ("public domain" if lang == "en" else "domaine public") in text  # licences in the page's language
    assert ("Known biases" if lang == "en" else "Biais connus") in text
    completeness = at.dataframe[0].value
    assert completeness.loc["2024"].str.contains("partial|partielle").any()
    lag_chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [a["text"] for a in lag_chart["layout"]["annotations"] if a.get("name") == "source"][0].startswith("Source")
    log = at.dataframe[-1].value
    assert log.iloc[0].tolist() == ["2024-07-01", "Fixed a name.", "1 row"]


def test_filing_lags_of_a_selection_with_filings_only_is_empty_not_an_error():
    from tests.support.frames import dashboard as dashboard_frames

    only_filings = dashboard_frames.incidents()  # the overview's hand-made HHS frame: every report confirmed
    assert lag.filing_lags(only_filings).empty
    assert lag.summarise(lag.filing_lags(only_filings), "year").empty


def _filing_lags_plain(frame: pd.DataFrame) -> pd.DataFrame:
    """lag.filing_lags() as first written, on whole rows: what the column-only one must equal."""
    public = frame.loc[frame["status"] != "confirmed"]
    first_public = public.groupby("incident_id")["reported_date"].min()
    filings = frame.loc[(frame["status"] == "confirmed") & frame["incident_id"].isin(first_public.index)]
    lag_days = (filings["reported_date"] - filings["incident_id"].map(first_public)).dt.days
    return pd.DataFrame({"record_id": filings["record_id"], "source": filings["source"],
                         "year": filings["reported_date"].dt.year, "lag_days": lag_days.astype("int64")
                         }).reset_index(drop=True)


def test_filing_lags_are_the_plain_computation_on_the_committed_data():
    frame = incident_types.for_counting(load_incidents(DATA_DIR))
    lags = lag.filing_lags(frame)
    assert len(lags) > 50  # HHS filings whose attack a claim or the press reported first
    pd.testing.assert_frame_equal(lags, _filing_lags_plain(frame))
    # A report without a status is a public one (not a filing), as `!= "confirmed"` had it.
    no_status = frame.assign(status=frame["status"].where(frame["source"] != "ransomware_live"))
    pd.testing.assert_frame_equal(lag.filing_lags(no_status), _filing_lags_plain(no_status))


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and (a == b or (pd.isna(a) and pd.isna(b))))


@pytest.mark.parametrize("which", ["hand-made", "committed"])
def test_methodology_numbers_computed_once_are_the_page_s_plain_computations(which):
    """What app.data caches per version for the page (app.prep.methodology) equals the calls the page made."""
    if which == "hand-made":
        frame, coverage, table, through = frames.incidents(), frames.COVERAGE, None, None
    else:
        dataset = data.build_dataset(incident_types.for_counting(load_incidents(DATA_DIR)), load_coverage(DATA_DIR),
                                     load_coverage_table(DATA_DIR))
        frame, coverage, table, through = (dataset.incidents, dataset.coverage, dataset.coverage_table,
                                           dataset.complete_through)
    members = vendors.rollup(frame)
    numbers = methodology_prep.numbers(frame, coverage, 3, members, through, table)
    assert numbers.rows_by_source == frame["source"].value_counts().to_dict()
    for cov in coverage:
        mine = frame.loc[frame["source"] == cov.source, "reported_date"]
        span = numbers.spans[cov.source]
        assert span.reports == len(mine), cov.source
        assert _same(span.first, mine.min() if len(mine) else None) and _same(span.last, mine.max() if len(mine) else None)
    pd.testing.assert_frame_equal(numbers.completeness,
                                  counting.completeness_table(counting.completeness_by_year(frame, coverage)))
    assert numbers.facts == counting.counting_facts(frame, 3, members)
    assert numbers.undated_sources == tuple(sorted(lag.undated_sources(frame)))
    for by in methodology_prep.LAG_BYS:
        pd.testing.assert_frame_equal(numbers.lags[by]["reporting"], lag.summarise(lag.reporting_lags(frame), by))
        pd.testing.assert_frame_equal(numbers.lags[by]["filing"], lag.summarise(lag.filing_lags(frame), by))
    assert numbers.sources == tuple(sorted(frame["source"].unique()))
    pd.testing.assert_frame_equal(numbers.clusters, vendors.possible_clusters(frame, members))
    for history in numbers.flag_histories:
        exact = frame.loc[(frame["source"] == history.source) & frame["date_precision"].ne("month").fillna(True)
                          .astype(bool), "reported_date"]
        weeks = exact.dt.to_period("W-SUN").dt.start_time.value_counts()  # Monday to Sunday
        assert history.weekly[history.weekly > 0].to_dict() == {
            k: v for k, v in weeks.items() if history.weekly.index[0] <= k <= history.weekly.index[-1]}
    if table is not None:
        assert [s.key for s in numbers.streams] == [s.key for s in coverage_layer.streams(table)]
        for stream in numbers.streams:
            source, source_list = stream.key.split(":", 1)
            mine = table[(table["source"] == source) & (table["source_list"] == source_list)]
            assert (stream.scopes, stream.first_month, stream.last_month) == (
                mine["scope"].nunique(), mine["month"].min(), mine["month"].max())
