"""app/ui/memo.py: results cached by their inputs must be exactly what the uncached call gives, for every input,
and never shared between two inputs that differ."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest

from app.charts import common
from app.prep import filtering, timeseries
from app.ui import memo
from tests.support.apptest import open_app
from tests.support.frames import dashboard as frames
from tests.support.frames import data_dir_fixture

data_dir = data_dir_fixture(frames)


def _sum_column(frame: pd.DataFrame, column: str) -> int:
    return int(frame[column].sum())


def _total(values) -> float:
    return float(np.sum(values))


def test_keys_see_every_row_even_of_big_frames():
    """Streamlit's own hasher samples 10k rows of a frame of 50k or more: two frames differing in one row could
    share a result. memo hashes all of them."""
    big = pd.DataFrame({"n": np.arange(60_000)})
    changed = big.copy()
    changed.loc[59_999, "n"] = -1
    assert memo.frame(_sum_column, big, "n") == int(big["n"].sum())
    assert memo.frame(_sum_column, changed, "n") == int(changed["n"].sum())


def test_keys_tell_values_and_types_apart():
    assert memo._key(_total, ([1, 2],), {}) != memo._key(_total, ([1, 3],), {})
    assert memo._key(_total, (1,), {}) != memo._key(_total, ("1",), {})
    assert memo._key(_total, (np.array([1, 2]),), {}) != memo._key(_total, (np.array([1.0, 2.0]),), {})
    assert memo._key(_total, (pd.Timestamp("2024-01-01"),), {}) != memo._key(_total, (pd.Timestamp("2024-01-02"),), {})
    # Same frame content, other column names: another key.
    assert (memo._key(_total, (pd.DataFrame({"a": [1]}),), {})
            != memo._key(_total, (pd.DataFrame({"b": [1]}),), {}))


def test_a_keyed_value_is_hashed_by_its_key_alone():
    frame = pd.DataFrame({"n": [1, 2, 3]})
    assert memo.frame(_sum_column, memo.keyed(frame, ("k", 1)), "n") == 6
    # Same key, other content: the key is a promise, so the cached result comes back (what a wrong key would do).
    assert memo.frame(_sum_column, memo.keyed(frame.assign(n=[10, 20, 30]), ("k", 1)), "n") == 6
    assert memo.frame(_sum_column, memo.keyed(frame.assign(n=[10, 20, 30]), ("k", 2)), "n") == 60


def test_functions_must_have_a_name_of_their_own():
    with pytest.raises(TypeError, match="module-level"):
        memo.frame(lambda frame: frame, pd.DataFrame())
    with pytest.raises(TypeError, match="cannot key"):
        memo.frame(_total, object())


def test_cached_frames_are_copies_and_figures_are_shared():
    frame = pd.DataFrame({"period_start": pd.to_datetime(["2024-01-01"]), "attack_type": ["ransomware"]})
    first = memo.frame(timeseries.counts_by_period, frame, "month", pd.Timestamp("2024-01-01").date(),
                       pd.Timestamp("2024-02-29").date(), date_column="period_start")
    first.iloc[0, 0] = 99  # a caller changing its copy
    again = memo.frame(timeseries.counts_by_period, frame, "month", pd.Timestamp("2024-01-01").date(),
                       pd.Timestamp("2024-02-29").date(), date_column="period_start")
    assert again.iloc[0, 0] == 1
    fig = memo.figure(_bar, [1, 2])
    assert memo.figure(_bar, [1, 2]) is fig and memo.figure(_bar, [1, 3]) is not fig


def _bar(values: list[int]) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b"], y=values)).update_layout(yaxis_title="Reports")


def _streamlit_spec(figure) -> str:
    """What st.plotly_chart sends for `figure` (streamlit/elements/plotly_chart.py, 1.67)."""
    return pio.to_json(plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True), validate=False)


def test_a_serialised_figure_sends_exactly_the_figure_it_was_made_of():
    """The real trend figure of the test frame (dates, numpy arrays, object customdata, shapes, annotations),
    in both languages: Streamlit sends byte for byte the same JSON, twice in a row (nothing is consumed)."""
    frame = frames.incidents()
    for lang in ("en", "fr"):
        for granularity in ("week", "month"):
            options = filtering.filter_options(frame, frames.AS_OF)
            filters = filtering.filters_from_params({}, options)
            periods = timeseries.periods_between(filters.start, filters.end, granularity)
            status = timeseries.period_status(periods, filters, options, frames.COMPLETE_THROUGH)
            counts = timeseries.counts_by_period(frame, granularity, filters.start, filters.end)
            fig = common.trend_figure(counts, status, granularity, lang, frames.COMPLETE_THROUGH, source="S")
            serialised = memo.Serialised(fig)
            assert _streamlit_spec(serialised) == _streamlit_spec(fig)
            assert _streamlit_spec(serialised) == _streamlit_spec(serialised)
            sent = json.loads(_streamlit_spec(serialised))["data"][1]["y"]  # plotly's typed array: base64 of float64s
            assert np.frombuffer(base64.b64decode(sent["bdata"]), sent["dtype"]).tolist() == (
                counts[counts.columns[0]].astype(float).tolist())


@pytest.mark.parametrize("page", ["app/views/world.py", "app/views/overview.py", "app/views/france.py"])
def test_a_page_drawn_from_the_caches_is_the_page_drawn_without_them(data_dir, monkeypatch, page):
    """Every element (texts, metrics, tables, figures) of a page after a filter change, computed afresh, then
    again from the caches (the same change made back and forth), then with memo switched off."""
    monkeypatch.setenv("OBSERVATORY_DATA_DIR", str(data_dir))

    def drawn(**params) -> list:
        at = open_app(page, lang="fr", **params)
        assert not at.exception
        return [(node.type, getattr(node, "proto", None)) for node in at.main if node.type != "expander"]

    memo._shared.clear()
    memo._copied.clear()
    default = drawn()
    after_change = drawn(attack="ransomware", period="month")  # computed afresh, beside the default's results
    from_caches = drawn(attack="ransomware", period="month")
    monkeypatch.setattr(memo, "_shared", memo._shared.__wrapped__)
    monkeypatch.setattr(memo, "_copied", memo._copied.__wrapped__)
    uncached = drawn(attack="ransomware", period="month")
    assert after_change == from_caches == uncached
    assert after_change != default  # the filter changed what the page shows
    assert any(kind == "plotly_chart" for kind, _ in after_change)


def test_the_brief_drawn_from_the_cache_is_the_brief_drawn_without_it(monkeypatch):
    """A week's brief laid out once (app.ui.brief_page) and shared: the page from the cache, on the committed data,
    is the page computed afresh, in both languages, and another week is another page."""
    monkeypatch.delenv("OBSERVATORY_DATA_DIR", raising=False)

    def drawn(week: str, lang: str) -> list:
        at = open_app("app/views/brief.py", lang=lang, week=week, timeout=60)
        assert not at.exception
        assert any(week in str(getattr(node, "value", "")) for node in at.main)  # the week asked for
        # A download button's file is made on click, under an id new at every run: its label and key compared.
        return [(node.type, (node.proto.id, node.proto.label) if node.type == "download_button"
                 else getattr(node, "proto", None)) for node in at.main if node.type != "expander"]

    memo._shared_result.clear()
    fresh = {(w, lang): drawn(w, lang) for w in ("2025-W10", "2025-W40") for lang in ("en", "fr")}
    assert drawn("2025-W10", "fr") == fresh["2025-W10", "fr"]  # from the cache
    monkeypatch.setattr(memo, "_shared_result", memo._shared_result.__wrapped__)
    for (week, lang), page in fresh.items():
        assert drawn(week, lang) == page
    assert fresh["2025-W10", "en"] != fresh["2025-W40", "en"] and fresh["2025-W10", "en"] != fresh["2025-W10", "fr"]
    assert any(kind == "plotly_chart" for kind, _ in fresh["2025-W10", "en"])
