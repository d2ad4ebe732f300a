"""The explorer's and the incident page's fast paths (app/prep/explore_index.py, search.fold_rows,
timeline.multi_source_incidents) give what the plain ones give, on the committed dataset and on synthetic
reports drawn from it, in a frame of many chunks as the dashboard holds it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app import data
from app.prep import explore, explore_index, filtering, lag, search, timeline
from app.prep.explore import ExplorerState
from collectors import incident_types, load_coverage, load_incidents, vendors


def _chunked(frame: pd.DataFrame) -> pd.DataFrame:
    """Runs of rows end to end, a few left out: many Arrow chunks and an index with gaps (build_dataset's)."""
    return pd.concat([frame.iloc[i:i + 97] for i in range(0, len(frame), 100)])


@pytest.fixture(scope="module")
def frames():
    from bench import synthetic

    committed = data.build_dataset(incident_types.for_counting(load_incidents()), load_coverage()).incidents
    drawn = _chunked(incident_types.for_counting(synthetic.synthetic_incidents(10_000)))
    return {"committed": committed, "synthetic": drawn}


def _plain_fold(frame: pd.DataFrame) -> pd.Series:
    parts = [frame[c].astype("object").fillna("").astype(str) for c in ("organization", "locality", "vendor")
             if c in frame.columns]
    text = parts[0].str.cat(parts[1:], sep=" ") if len(parts) > 1 else parts[0]
    return search.fold_series(text).map(search.with_abbreviations).astype("str")


@pytest.mark.parametrize("name", ["committed", "synthetic"])
def test_fold_rows_folds_as_fold_does(frames, name):
    frame = frames[name]
    pd.testing.assert_series_equal(search.fold_rows(frame), _plain_fold(frame))


def test_fold_rows_on_awkward_names():
    names = ["", "  ", "---", "Hôpital Saint-Jean d’Angély", "CH de Dax", "centre hospitalier de Dax", "AP-HP",
             "St. Mary's", "ŒUVRE ß", "abc  DEF!!", " x ", "chu", "Ch", None, np.nan, "ÉHPAD les Lilas", "a\u0301b",
             "Tab\tNew\nline", "x" * 300, "123 Main St.", "ghtghtx ght", "hcl", "ap hm", "Klinikum Großhadern"]
    frame = pd.DataFrame({"organization": pd.Series(names, dtype="str"),
                          "locality": pd.Series(names[::-1], dtype="str"),
                          "vendor": pd.Series([None, "Dedalus"] * (len(names) // 2), dtype="str")})
    frame.index = range(100, 100 + len(frame))
    for shape in (frame, frame[["organization"]], frame.astype(object), frame.iloc[:0]):
        pd.testing.assert_series_equal(search.fold_rows(shape), _plain_fold(shape))


def _fast(frame, members, filters, state):
    """What app/views/explorer.py computes: positions, then the page, the count and the download."""
    full = frame.assign(attack_date=lag.attack_dates(frame)) if filters.date_basis == "incident" else frame
    index = explore_index.build(frame)
    where = np.flatnonzero(filtering.selection_mask(full, filters).to_numpy(dtype=bool))
    query = search.matches(search.fold_rows(frame), state.query).to_numpy() if state.query else None
    records = set(members.loc[members["vendor_event_id"] == state.vendor_event, "record_id"])
    where = explore_index.kept(full, where, query, records, state)
    keys = explore_index.order_keys(explore_index.sort_rank(frame[state.sort]), index, where, state.descending)
    page = explore_index.take_rows(full, where[explore_index.page_order(keys, state.page, state.page_size)])
    return (full.iloc[where[np.argsort(keys, kind="stable")]], page, explore_index.distinct_incidents(index, where),
            explore_index.sources_of(index, where))


@pytest.mark.slow  # a few dozen selections, each sorted both ways
@pytest.mark.parametrize("name", ["committed", "synthetic"])
def test_the_explorer_positions_give_the_rows_select_and_sort_rows_give(frames, name):
    frame = frames[name]
    members = vendors.rollup(frame)
    options = filtering.filter_options(frame)
    default = filtering.default_filters(options)
    states = [("US-CA", "US-TX")] if "US-CA" in options.states else [options.states[:2]]
    selections = [
        (default, ExplorerState()),
        (default, ExplorerState(query="hospital", page=2, page_size=25)),
        (default, ExplorerState(query="st marys medical", descending=False)),
        (default, ExplorerState(query="zzzqqq")),
        (default, ExplorerState(vendor_event=members["vendor_event_id"].iloc[0], sort="organization")),
        (filtering.Filters(default.start, default.end, states=states[0], attack_types=("ransomware",)),
         ExplorerState(page=3, page_size=25)),
        (filtering.Filters(default.start, default.end, date_basis="incident"), ExplorerState(page=10 ** 6)),
    ]
    selections += [(default, ExplorerState(sort=column, descending=descending, page=4, page_size=25))
                   for column in explore.SORT_COLUMNS for descending in (True, False)]
    for filters, state in selections:
        rows, page, incidents, sources = _fast(frame, members, filters, state)
        plain = explore.sort_rows(explore.select(filtering.apply_filters(frame, filters), search.fold_rows(frame),
                                                 state, members), state)
        pd.testing.assert_frame_equal(rows, plain)
        pd.testing.assert_frame_equal(page, explore.page_of(plain, state.page, state.page_size))
        assert incidents == plain["incident_id"].nunique()
        assert sources == sorted(plain["source"].unique())


def test_take_rows_is_iloc(frames):
    frame = frames["synthetic"]
    for positions in ([], [0], [5, 6, 7, 3, 2, 9000, 9001], list(range(len(frame) - 30, len(frame))),
                      list(range(0, len(frame), 1))):
        positions = np.array(positions, dtype=np.int64)
        pd.testing.assert_frame_equal(explore_index.take_rows(frame, positions), frame.iloc[positions])


def _plain_multi_source(frame: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    grouped = frame.sort_values(["reported_date", "record_id"]).groupby("incident_id").agg(
        sources=("source", "nunique"), reports=("record_id", "size"),
        organization=("organization", "first"), country=("country", "first"),
        first_reported=("reported_date", "min"))
    grouped = grouped.loc[grouped["sources"] >= 2]
    return grouped.sort_values(["sources", "first_reported"], ascending=[False, False]).head(limit).reset_index()


@pytest.mark.parametrize("name", ["committed", "synthetic"])
def test_multi_source_incidents_sorts_only_incidents_of_several_sources(frames, name):
    frame = frames[name]
    for limit in (0, 5, 20, 10 ** 6):
        pd.testing.assert_frame_equal(timeline.multi_source_incidents(frame, limit), _plain_multi_source(frame, limit))
    pd.testing.assert_frame_equal(timeline.multi_source_incidents(frame.iloc[:0]), _plain_multi_source(frame.iloc[:0]))
