"""The coverage model: data/coverage.csv from declared and measured coverage, and the one aggregation layer
that says which sources stand behind each period (silence is never zero)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from app.charts import common
from app.prep import coverage as coverage_layer
from app.prep import timeseries
from collectors import coverage

REPO = Path(__file__).resolve().parent.parent


def _record(source, list_kind, as_of, measured):
    return {"source": source, "list_kind": list_kind, "as_of": as_of, "coverage": measured}


def _months(counts: dict[str, int]) -> dict:
    months = sorted(counts)
    return {"first": f"{months[0]}-01", "last": f"{months[-1]}-28", "months": counts,
            "countries": {"FR": [f"{months[2]}-05", f"{months[-1]}-20"]}}


def test_a_collection_is_complete_only_where_it_collected_systematically():
    # Two back-dated items, then a real collection of ~80 a month; the export ends on the 28th.
    counts = {"2021-06": 1, "2021-07": 0, "2021-08": 2, "2021-09": 80, "2021-10": 90, "2021-11": 85, "2021-12": 70}
    table = coverage.coverage_table([_record("ransomware_live", "press", "2021-12-28", _months(counts))])
    world = table[table["scope"] == "*"].set_index("month")
    assert world.loc["2021-06", "reason"] == "sparse" and world.loc["2021-08", "status"] == "partial"
    assert (world.loc["2021-09":"2021-11", "status"] == "complete").all()
    assert world.loc["2021-12", "reason"] == "window_edge"  # the export stops on the 28th
    assert "2021-07" in world.index  # inside the window: looked, found nothing, partly
    france = table[table["scope"] == "FR"]["month"].tolist()
    assert france[0] == "2021-08" and france[-1] == "2021-12"  # from its first French item, not before


def test_hhs_complete_gap_and_posting_lag():
    records = [_record("hhs_ocr", "archive", "2024-06-28", {"first": "2009-10-21"}),
               _record("hhs_ocr", "under_investigation", "2025-12-31", {"first": "2023-02-17"})]
    table = coverage.coverage_table(records).set_index("month")
    assert table.loc["2009-10", "status"] == "complete"
    assert table.loc["2022-05", "reason"] == "archive_complete"  # archive minus 24 months: 2022-06-28
    assert table.loc["2022-06", "reason"] == "closed_cases_gap"
    assert table.loc["2025-12", "reason"] == "posting_lag" and table.loc["2025-10", "reason"] == "closed_cases_gap"
    assert "2009-09" not in table.index and set(table["scope"]) == {"US"}


def test_a_sampled_pull_covers_only_its_months_and_never_completely():
    records = [_record("ransomware_live", "victims", "2024-06-16",
                       {"first": "2024-06-08", "last": "2024-06-16", "months": {"2024-06": 100}, "countries": {}})]
    table = coverage.coverage_table(records)
    assert table[["scope", "month", "status", "reason"]].values.tolist() == [["*", "2024-06", "partial",
                                                                               "sampled_window"]]


@pytest.fixture()
def table():
    records = [
        _record("hhs_ocr", "archive", "2024-06-28", {"first": "2009-10-21"}),
        _record("curated_fr", "attacks", "2025-12-31", {"first": "2019-01-01"}),
        _record("ransomware_live", "press", "2025-08-28",
                _months({"2023-01": 50, "2023-02": 60, "2023-03": 70, "2023-04": 80, "2023-05": 80})),
    ]
    return coverage.coverage_table(records).astype(str)


def test_france_before_any_source_is_no_data_and_names_the_silent_ones(table):
    periods = timeseries.periods_between(dt.date(2017, 1, 1), dt.date(2023, 12, 31), "year")
    result = coverage_layer.period_coverage(table, periods, countries=["FR"]).set_index(periods["period_start"].dt.year)
    assert result.loc[2017, "coverage"] == "none" and result.loc[2018, "coverage"] == "none"
    assert result.loc[2019, "coverage"] == "partial"  # the curated list, but not the press index
    assert result.loc[2019, "covering"] == ("curated_fr:attacks",)
    assert result.loc[2019, "silent"] == ("ransomware_live:press",)
    assert "hhs_ocr:*" not in result.loc[2019, "silent"]  # the US regulator is out of scope, not silent
    # Only the press index selected: France in 2021 is no data, never 0.
    press = coverage_layer.period_coverage(table, periods, sources=["ransomware_live"], countries=["FR"])
    assert press.iloc[4]["coverage"] == "none"


def test_no_data_periods_get_no_bar_and_a_label(table):
    periods = timeseries.periods_between(dt.date(2017, 1, 1), dt.date(2020, 12, 31), "year")
    cov = coverage_layer.period_coverage(table, periods, countries=["FR"])
    counts = pd.DataFrame({"ransomware": [0, 0, 2, 1]}, index=pd.Index(periods["period_start"], name="period_start"))
    status = periods.assign(incomplete=False, cut=False)
    fig = common.trend_figure(counts, status, "year", "en", coverage=cov)
    bars = [t for t in fig.data if t.type == "bar" and t.showlegend is False]
    assert np.isnan(bars[0].y[0]) and np.isnan(bars[0].y[1]) and list(bars[0].y[2:]) == [2, 1]
    labels = [s.label.text for s in fig.layout.shapes if s.label and s.label.text] + [
        a.text for a in fig.layout.annotations]
    assert "no data" in labels
    masked = coverage_layer.masked_counts(counts, cov)
    assert masked["ransomware"].isna().tolist() == [True, True, False, False]


def test_the_committed_table_is_in_step_with_the_sources_and_the_readme():
    path = REPO / "data" / "coverage.csv"
    if not path.exists():
        pytest.skip("data/coverage.csv is not built")
    committed = pd.read_csv(path, dtype=str, keep_default_na=False)
    exports = json.loads((REPO / "data" / "sources.json").read_text("utf-8"))["exports"]
    rebuilt = coverage.coverage_table(exports).astype(str)
    pd.testing.assert_frame_equal(committed, rebuilt.reset_index(drop=True), check_dtype=False)
    assert set(committed["status"]) <= set(coverage.STATUSES)
    assert committed["month"].str.fullmatch(r"\d{4}-\d\d").all()
    readme = (REPO / "data" / "README.md").read_text("utf-8")
    for reason in coverage.REASONS:
        assert f"`{reason}`" in readme, f"reason {reason} is not explained in data/README.md"
    # Real statuses: the press index collects France systematically only from 2023.
    fr = committed[(committed["source_list"] == "press") & (committed["scope"] == "FR")].set_index("month")
    assert fr.loc["2023-06", "status"] == "complete" and fr.loc["2022-10", "reason"] == "sparse"
    assert "2021-12" not in fr.index


def test_every_registered_source_declares_its_coverage():
    from collectors import registry

    declared = {source for source, _ in coverage.DECLARED}
    assert set(registry.SOURCES) <= declared
    assert all(re.fullmatch(r"[a-z_]+", reason) for reason in coverage.REASONS)
