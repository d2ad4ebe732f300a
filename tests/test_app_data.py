"""app.data and app.prep.filtering' pure functions on the hand-made frame of dashboard_frames.py.

Every expected value below was counted by hand from dashboard_frames.ROWS.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from app import data
from app.prep import filtering, timeseries
from app.prep import us as us_prep
from app.prep.filtering import Filters, filters_from_params, filters_to_params
from tests.support.frames import dashboard as frames

D = dt.date


@pytest.fixture(scope="module")
def dataset() -> data.Dataset:
    return data.build_dataset(frames.incidents(), frames.COVERAGE)


@pytest.fixture(scope="module")
def frame(dataset) -> pd.DataFrame:
    return dataset.incidents


def everything(dataset, **changes) -> Filters:
    base = Filters(start=dataset.options.first, end=dataset.options.last)
    return Filters(**{**base.__dict__, **changes})


# --- loading and options ---------------------------------------------------------------------

def test_dataset_dates_and_options(dataset):
    assert dataset.as_of == frames.AS_OF
    assert dataset.complete_through == frames.COMPLETE_THROUGH
    options = dataset.options
    assert (options.first, options.last) == (D(2023, 12, 31), D(2024, 3, 10))  # last = as-of, after r10
    assert options.states == ("US-CA", "US-NY", "US-PR", "US-TX")
    assert options.attack_types == ("ransomware", "hacking", "unauthorized_disclosure", "theft", "loss")
    assert options.organization_types == ("healthcare_provider", "health_plan", "business_associate")


def test_reports_withdrawn_by_the_source_are_not_counted():
    incidents = frames.incidents()
    if "is_removed_by_source" not in incidents.columns:
        pytest.skip("the schema has no is_removed_by_source column")
    incidents.loc[incidents["record_id"] == "hhs_ocr:000000000002", "is_removed_by_source"] = True
    ds = data.build_dataset(incidents, frames.COVERAGE)
    assert len(ds.incidents) == 9 and ds.withdrawn == 1
    assert us_prep.headline(ds.incidents).individuals == frames.TOTAL_INDIVIDUALS - 250_000


def test_a_source_of_unknown_completeness_leaves_the_known_date_in_place():
    # Claims and press are never complete; the HHS date still says where its counts stop being final.
    coverage = frames.COVERAGE + [frames.SourceCoverage("press", frames.AS_OF, None, 1)]
    assert data.build_dataset(frames.incidents(), coverage).complete_through == frames.COMPLETE_THROUGH
    only_press = [frames.SourceCoverage("press", frames.AS_OF, None, 1)]
    assert data.build_dataset(frames.incidents(), only_press).complete_through is None


# --- filtering -------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "records"), [
    ({}, 10),
    ({"states": ("US-CA",)}, 4),  # r01 r02 r06 r07
    ({"attack_types": ("ransomware",)}, 3),  # r02 r03 r10
    ({"states": ("US-CA",), "attack_types": ("ransomware",)}, 1),  # r02
    ({"organization_types": ("health_plan",)}, 2),  # r03 r09
    ({"start": D(2024, 1, 7), "end": D(2024, 1, 15)}, 3),  # r03 r04 r05: both ends included
    ({"states": ("US-NY", "US-TX")}, 4),  # r03 r04 r05 r10; r09 (no state) never matches a state
])
def test_apply_filters(dataset, frame, changes, records):
    assert len(filtering.apply_filters(frame, everything(dataset, **changes))) == records


def test_filtering_and_aggregating_never_modify_the_shared_frame(dataset, frame):
    before = frame.copy(deep=True)
    selection = filtering.apply_filters(frame, everything(dataset, states=("US-CA",)))
    us_prep.headline(selection)
    timeseries.counts_by_period(selection, "week", D(2023, 12, 31), D(2024, 3, 10))
    us_prep.state_counts(frame)
    us_prep.largest_breaches(frame)
    timeseries.latest_complete_week(frame, frames.AS_OF, D(2023, 12, 31))
    pd.testing.assert_frame_equal(frame, before)


# --- headline numbers ------------------------------------------------------------------------

def test_headline_on_everything(frame):
    assert us_prep.headline(frame) == us_prep.Headline(breaches=10, individuals=2_312_701, missing_counts=1,
                                                 placeholder_counts=2)


def test_headline_on_a_selection(dataset, frame):
    selection = filtering.apply_filters(frame, everything(dataset, states=("US-CA",)))
    assert us_prep.headline(selection) == us_prep.Headline(4, 1_000 + 250_000 + 501 + 12_000, 0, 1)


# --- periods ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "granularity", "start"), [
    ("2023-12-31", "week", "2023-12-25"),  # a Sunday closes the week that began on Monday the 25th
    ("2024-01-01", "week", "2024-01-01"),  # a Monday opens its own week
    ("2024-01-07", "week", "2024-01-01"),
    ("2024-02-29", "month", "2024-02-01"),
    ("2024-12-31", "year", "2024-01-01"),
])
def test_period_start(day, granularity, start):
    assert timeseries.period_start(pd.Series([pd.Timestamp(day)]), granularity).iloc[0] == pd.Timestamp(start)


def test_periods_between_months_include_leap_day():
    periods = timeseries.periods_between(D(2024, 1, 10), D(2024, 3, 10), "month")
    assert list(periods["period_start"].dt.strftime("%Y-%m-%d")) == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert list(periods["period_end"].dt.strftime("%Y-%m-%d")) == ["2024-01-31", "2024-02-29", "2024-03-31"]


def test_weekly_counts_with_empty_weeks_and_week_boundaries(frame):
    counts = timeseries.counts_by_period(frame, "week", D(2023, 12, 31), D(2024, 3, 10))
    assert list(counts.columns) == ["ransomware", "hacking", "unauthorized_disclosure", "theft", "loss"]
    totals = counts.sum(axis=1)
    assert totals.index[0] == pd.Timestamp("2023-12-25") and totals.index[-1] == pd.Timestamp("2024-03-04")
    assert list(totals) == [1, 2, 1, 2, 0, 1, 0, 0, 0, 1, 2]  # 11 weeks, Monday 2023-12-25 to 2024-03-04
    assert counts.loc[pd.Timestamp("2024-01-01"), "ransomware"] == 2  # r02 (Mon) and r03 (Sun)


def test_monthly_and_yearly_counts(frame):
    monthly = timeseries.counts_by_period(frame, "month", D(2023, 12, 31), D(2024, 3, 10)).sum(axis=1)
    assert monthly.to_dict() == {pd.Timestamp("2023-12-01"): 1, pd.Timestamp("2024-01-01"): 5,
                                 pd.Timestamp("2024-02-01"): 2, pd.Timestamp("2024-03-01"): 2}
    yearly = timeseries.counts_by_period(frame, "year", D(2023, 12, 31), D(2024, 3, 10))
    assert yearly.sum(axis=1).to_dict() == {pd.Timestamp("2023-01-01"): 1, pd.Timestamp("2024-01-01"): 9}
    assert yearly.loc[pd.Timestamp("2024-01-01"), "hacking"] == 3  # r05 r07 r09


def test_incomplete_periods_are_those_after_complete_through(dataset):
    periods = timeseries.periods_between(D(2023, 12, 31), D(2024, 3, 10), "month")
    status = timeseries.period_status(periods, everything(dataset), dataset.options, frames.COMPLETE_THROUGH)
    assert list(status["incomplete"]) == [False, False, True, True]  # February ends after 15 Feb
    assert not status["cut"].any()  # the data's own first and last days cut nothing


def test_periods_cut_by_the_date_filter(dataset):
    filters = everything(dataset, start=D(2024, 1, 10), end=D(2024, 2, 10))
    periods = timeseries.periods_between(filters.start, filters.end, "month")
    status = timeseries.period_status(periods, filters, dataset.options, None)
    assert list(status["cut"]) == [True, True]  # January starts before the 10th, February ends after
    assert not status["incomplete"].any()  # completeness unknown: nothing claimed


# --- latest complete week --------------------------------------------------------------------

def test_latest_complete_week_against_the_8_weeks_before():
    week = timeseries.latest_complete_week(frames.incidents(), frames.AS_OF, D(2023, 12, 1))
    # AS_OF is a Sunday, so its own week (4-10 March) is complete: r09, r10.
    assert (week.week_start, week.week_end) == (pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-10"))
    assert week.breaches == 2
    # Weeks of 26 Feb .. 8 Jan: 1, 0, 0, 0, 1, 0, 2, 1.
    assert week.trailing_weeks == 8 and week.trailing_mean == pytest.approx(5 / 8)


def test_latest_complete_week_stops_at_complete_through_and_at_the_selection_start():
    # Thursday 15 Feb: the last complete week is 5-11 Feb (no report).
    week = timeseries.latest_complete_week(frames.incidents(), frames.COMPLETE_THROUGH, D(2023, 12, 31))
    assert week.week_start == pd.Timestamp("2024-02-05") and week.breaches == 0
    # Only the 5 weeks from Monday 1 Jan start inside the selection: 1+0+2+1+2 = 6.
    assert week.trailing_weeks == 5 and week.trailing_mean == pytest.approx(6 / 5)


def test_latest_complete_week_when_none_fits():
    # Saturday 6 Jan: the last complete week began on 25 Dec, before the selection.
    assert timeseries.latest_complete_week(frames.incidents(), pd.Timestamp("2024-01-06"), D(2023, 12, 31)) is None
    week = timeseries.latest_complete_week(frames.incidents(), pd.Timestamp("2024-01-07"), D(2024, 1, 1))
    assert week.breaches == 2 and week.trailing_weeks == 0 and math.isnan(week.trailing_mean)


# --- states, entity types, largest breaches ----------------------------------------------------

def test_state_counts(frame):
    states = us_prep.state_counts(frame)
    assert list(zip(states["subdivision"], states["breaches"])) == [
        ("US-CA", 4), ("US-NY", 2), ("US-TX", 2), ("US-PR", 1)]  # r09 has no state


def test_organization_type_counts(frame):
    counts = us_prep.organization_type_counts(frame)
    assert counts.index[0] == "healthcare_provider"
    assert counts.to_dict() == {"healthcare_provider": 6, "business_associate": 2, "health_plan": 2}


def test_largest_breaches(frame):
    top = us_prep.largest_breaches(frame, n=3)
    assert list(top["organization"]) == ["Organisation r09", "Organisation r02", "Organisation r10"]
    assert list(top["individuals_affected"]) == [2_000_000, 250_000, 45_000]
    assert len(us_prep.largest_breaches(frame, n=20)) == 9  # r04 has no count


# --- URL parameters --------------------------------------------------------------------------

def test_url_params_round_trip(dataset):
    chosen = everything(dataset, start=D(2024, 1, 2), states=("US-CA", "US-TX"), attack_types=("ransomware",),
                        organization_types=("health_plan",))
    params = filters_to_params(chosen, dataset.options)
    assert params == {"from": ["2024-01-02"], "state": ["US-CA", "US-TX"], "attack": ["ransomware"],
                      "org": ["health_plan"]}
    assert filters_from_params(params, dataset.options) == chosen
    assert filters_to_params(everything(dataset), dataset.options) == {}  # defaults stay out of the URL


def test_bad_url_params_fall_back_to_defaults(dataset):
    parsed = filters_from_params({"from": ["not-a-date"], "to": ["2030-01-01"], "state": ["US-ZZ", "US-CA"],
                                  "attack": ["Ransomware"]}, dataset.options)
    assert parsed == everything(dataset, states=("US-CA",))  # 2030 is clamped to the last day
    reversed_range = filters_from_params({"from": ["2024-03-01"], "to": ["2024-01-01"]}, dataset.options)
    assert (reversed_range.start, reversed_range.end) == (dataset.options.first, dataset.options.last)


@pytest.mark.parametrize("params", [{}, {"attack": ["ransomware"], "from": ["2021-01-01"]},
                                    {"basis": ["incident"]}, {"basis": ["incident"], "attack": ["ransomware"]}])
def test_a_pages_rows_filtered_are_the_filtered_rows_of_the_page(params):
    """data.selection() filters the page's own rows (made once per version) when that gives the same rows in the
    same order as filtering everything first, on the committed dataset: HHS filings take their attack date from
    linked press reports, so dated by the attack the whole frame is filtered."""
    from app.prep import france as france_prep
    from app.prep import us as us_prep

    dataset = data.load_dataset()
    chosen = filters_from_params(params, dataset.options)
    for rows in (us_prep.us_rows, france_prep.french_rows):
        expected = rows(filtering.apply_filters(dataset.incidents, chosen))
        assert len(expected)
        pd.testing.assert_frame_equal(data.selection(dataset, chosen, rows), expected)
