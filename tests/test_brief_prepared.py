"""The brief prepared once per dataset (#14: a million rows) gives the briefs computed from scratch, and each
faster piece equals the plain pandas it replaces: on the hand-made frame, on the committed data (the loaded
Arrow frame, in chunks, as the dashboard holds it) and on frames cut into many chunks on purpose."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from app import data
from app.prep import coverage as coverage_layer
from app.prep import rows
from brief import compute, render
from brief.compute import HOSPITAL_TYPE, STATUSES, IsoWeek
from collectors import DATA_DIR, incident_types, load_coverage, load_coverage_table, load_incidents
from tests.support.frames import brief as frames


def _chunked(frame: pd.DataFrame, size: int) -> pd.DataFrame:
    """The frame as runs of slices put end to end (app.prep.filtering.without_rows): Arrow columns in chunks."""
    return pd.concat([frame.iloc[i:i + size] for i in range(0, len(frame), size)])


@pytest.fixture(scope="module")
def committed() -> data.Dataset:
    incidents = incident_types.for_counting(load_incidents(DATA_DIR))
    return data.build_dataset(incidents, load_coverage(DATA_DIR), load_coverage_table(DATA_DIR))


def _weeks(weeks: tuple[IsoWeek, ...], n: int) -> list[IsoWeek]:
    picked = np.random.default_rng(14).choice(len(weeks), size=min(n, len(weeks)), replace=False)
    return [*weeks[:2], *(weeks[i] for i in sorted(picked)), weeks[-1]]


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_take_is_iloc_on_chunked_frames(size):
    frame = _chunked(frames.incidents(), size)
    for positions in ([], [0], [0, 1, 2], [1, 5, 6, 12], list(range(len(frame)))):
        expected = frame.iloc[positions]
        pd.testing.assert_frame_equal(rows.take(frame, np.array(positions, dtype=int), list(frame.columns)),
                                      expected, check_exact=True)
    pd.testing.assert_frame_equal(rows.take(frame, np.array([2, 4]), ["organization", "reported_date"]),
                                  frame.iloc[[2, 4]][["organization", "reported_date"]], check_exact=True)


def test_take_on_the_loaded_dataset(committed):
    frame = committed.incidents
    positions = np.flatnonzero((frame["reported_date"].dt.year == 2024).to_numpy())
    pd.testing.assert_frame_equal(rows.take(frame, positions, list(frame.columns)), frame.iloc[positions],
                                  check_exact=True)


def test_a_stream_still_filling_names_its_source_s_complete_through_date(committed):
    """From the coverage table, HHS is still filling in for recent weeks: the caveat names the day HHS is complete
    through (28 Jun 2022 on the committed data), never a dash; a source without such a date says it gives none."""
    prepared = compute.prepare(committed.incidents, committed.coverage, committed.coverage_table)
    brief = compute.brief_for(prepared, prepared.default_week)
    hhs = [c for c in brief.caveats if c.source.startswith("hhs_ocr")]
    through = next(c.complete_through for c in committed.coverage if c.source == "hhs_ocr")
    assert [(c.kind, c.complete_through) for c in hhs] == [(compute.MAY_GROW, pd.Timestamp(through).normalize())]
    for lang in ("en", "fr"):
        lines = render.document(brief, lang).sections[2].blocks[-1]
        assert lines and not any("–." in line or "– " in line for line in lines)
    # The same source giving no complete-through date: its filling stream's completeness is unknown.
    undated = tuple(dataclasses.replace(c, complete_through=None) if c.source == "hhs_ocr" else c
                    for c in committed.coverage)
    levels = prepared.levels
    kinds = {c.source: c.kind for c in compute.coverage_caveats(brief.week, levels, prepared.relevant, undated)}
    assert kinds["hhs_ocr:*"] == compute.COMPLETENESS_UNKNOWN


def test_is_in_is_isin_on_arrow_text_and_on_anything_else(committed):
    ids = committed.incidents["record_id"]
    some = pd.concat([ids.iloc[::97], pd.Series(["hhs_ocr:not-a-record", None], dtype="str")], ignore_index=True)
    assert isinstance(ids.array._pa_array, pa.ChunkedArray)  # the loaded text: Arrow's hash set is asked
    for values, of in ((some, ids), (some, ids.iloc[:100]), (ids, some), (some, some.iloc[:3])):
        np.testing.assert_array_equal(rows.is_in(values, of), values.isin(of).to_numpy(dtype=bool))
    assert 0 < rows.is_in(some, ids).sum() < len(some)  # ids found and not found
    # A missing id matches a missing id, as in pandas; object columns and numbers go through pandas.
    assert rows.is_in(some.iloc[-2:], some.iloc[-1:]).tolist() == [False, True]
    assert rows.is_in(some.astype(object).iloc[-3:], ids.iloc[:1]).tolist() == [False, False, False]
    assert rows.is_in(pd.Series([1, 2, 3]), pd.Series([3])).tolist() == [False, False, True]


@pytest.mark.parametrize("with_table", [True, False])
def test_one_prepared_dataset_gives_every_week_its_brief(with_table):
    frame, table = frames.incidents(), frames.coverage_table() if with_table else None
    prepared = compute.prepare(_chunked(frame, 2), frames.COVERAGE, table)
    assert list(prepared.weeks) == compute.available_weeks(frame, frames.COVERAGE, table)
    assert prepared.default_week == compute.default_week(frame, frames.COVERAGE, table)
    for week in [None, *prepared.weeks]:
        # repr: Averages hold NaN, which is never equal to itself
        assert repr(compute.brief_for(prepared, week)) == repr(compute.compute_brief(frame, frames.COVERAGE, week,
                                                                                      table)), week


@pytest.mark.slow  # ~60 briefs of the committed data
def test_the_prepared_dataset_on_the_committed_data(committed):
    prepared = compute.prepare(committed.incidents, committed.coverage, committed.coverage_table)
    fresh = committed.incidents.copy()  # one chunk per column: nothing shared with the prepared frame
    for week in _weeks(prepared.weeks, 25):
        assert repr(compute.brief_for(prepared, week)) == repr(compute.compute_brief(
            fresh, committed.coverage, week, committed.coverage_table)), week


def _notable_one_incident_at_a_time(week_rows: pd.DataFrame) -> list[tuple]:
    """The plain form _notable replaced: each incident's rows sorted apart, its lead report taken first."""
    rows_ = week_rows.assign(_count=week_rows["individuals_affected"].astype("Float64"),
                             _care=week_rows["is_care_disrupted"].fillna(False).astype(bool),
                             _hospital=(week_rows["organization_type"] == HOSPITAL_TYPE).fillna(False).astype(bool))
    out = []
    for incident_id, part in rows_.groupby("incident_id", sort=True):
        lead = part.assign(_has=part["_count"].notna()).sort_values(
            ["_has", "_count", "reported_date", "record_id"], ascending=[False, False, True, True], kind="stable").iloc[0]
        out.append((str(incident_id), str(lead["organization"]), None if pd.isna(lead["_count"]) else int(lead["_count"]),
                    bool(part["_care"].any()), bool(part["_hospital"].any()), part["reported_date"].min(),
                    tuple(s for s in STATUSES if s in set(part["status"]))))
    return out


@pytest.mark.slow  # ~40 weeks of the committed data, each incident sorted apart
def test_notable_incidents_ranked_with_one_sort_are_those_ranked_one_by_one(committed):
    prepared = compute.prepare(committed.incidents, committed.coverage, committed.coverage_table)
    seen = 0
    for week in _weeks(prepared.weeks, 40):
        week_rows = prepared.rows(compute._within(prepared.day, week.start, week.end))
        brief = compute.brief_for(prepared, week)
        plain = {i[0]: i for i in _notable_one_incident_at_a_time(week_rows)}
        for notable in brief.notable:
            incident_id, organization, count, care, hospital, first, statuses = plain[notable.incident_id]
            assert (notable.organization, notable.individuals_affected, notable.is_care_disrupted,
                    notable.is_hospital, notable.reported_date, notable.statuses) == (
                        organization, count, care, hospital, pd.Timestamp(first), statuses)
            seen += 1
    assert seen > 10


def test_coverage_levels_as_arrays_are_the_reindexed_frame(committed):
    table = committed.coverage_table
    frame = coverage_layer.monthly_levels(table, coverage_layer.streams(table, weekly=True))
    levels = compute._Levels.of(frame)
    columns = list(frame.columns[::2])
    for months in (["2020-12", "2021-01"], ["1990-01", "2022-06"], [frame.index[0]], ["2999-01"]):
        values, filling = levels.months(months, columns)
        assert (values == frame.reindex(months, fill_value=0)[columns].to_numpy()).all()
        assert (filling == frame.attrs["filling"].reindex(months, fill_value=False)[columns].to_numpy()).all()


def test_the_prepared_brief_is_built_once_per_version(committed):
    calls = []

    def build(dataset):
        calls.append(dataset.version)
        return compute.prepare(dataset.incidents, dataset.coverage, dataset.coverage_table)

    first = committed.__class__(**{**committed.__dict__, "data_dir": "/nowhere", "version": ("v1",)})
    again = data.per_version(first, "brief-test", build)
    assert data.per_version(first, "brief-test", build) is again and calls == [("v1",)]
    newer = committed.__class__(**{**committed.__dict__, "data_dir": "/nowhere", "version": ("v2",)})
    assert data.per_version(newer, "brief-test", build) is not again and calls == [("v1",), ("v2",)]
