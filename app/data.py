"""The dashboard's only reader of data: load once, then pure filter and aggregate functions.

The loaded frame is shared by every session (st.cache_resource), so nothing here
may modify it: every function returns a new frame (pandas copy-on-write makes
derived frames independent of the shared one).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from app.filters import FilterOptions, Filters
from collectors import SourceCoverage, load_coverage, load_incidents
from collectors.schema import ATTACK_TYPES, ORGANIZATION_TYPES

# Lets tests and previews point the dashboard at another dataset folder.
DATA_DIR_ENV = "OBSERVATORY_DATA_DIR"

GRANULARITIES = ("week", "month", "year")
# Period starts: weeks run Monday to Sunday (ISO 8601), months and years start on the 1st.
_PERIOD_FREQ = {"week": "W-MON", "month": "MS", "year": "YS"}
TRAILING_WEEKS = 8


@dataclass(frozen=True)
class Dataset:
    incidents: pd.DataFrame
    coverage: tuple[SourceCoverage, ...]
    as_of: pd.Timestamp | None  # newest export of any source
    complete_through: pd.Timestamp | None  # every source complete up to here; None when unknown
    options: FilterOptions
    withdrawn: int = 0  # reports the source no longer lists: kept on disk, never counted


@dataclass(frozen=True)
class Headline:
    breaches: int
    individuals: int  # sum of reported counts, placeholders included, missing left out
    missing_counts: int
    placeholder_counts: int


@dataclass(frozen=True)
class WeekSummary:
    week_start: pd.Timestamp
    week_end: pd.Timestamp
    breaches: int
    trailing_mean: float  # NaN when no earlier week is inside the selection
    trailing_weeks: int


@st.cache_resource(show_spinner=False)
def _load(data_dir: str | None) -> Dataset:
    return build_dataset(load_incidents(data_dir), load_coverage(data_dir))


def load_dataset() -> Dataset:
    """The dataset, read from disk once per process and shared read-only by all sessions."""
    return _load(os.environ.get(DATA_DIR_ENV) or None)


def build_dataset(incidents: pd.DataFrame, coverage: list[SourceCoverage]) -> Dataset:
    """Reports the source has since withdrawn stay in the file for traceability but are never counted."""
    withdrawn = 0
    if "is_removed_by_source" in incidents.columns:
        removed = incidents["is_removed_by_source"].astype(bool)
        withdrawn = int(removed.sum())
        if withdrawn:  # else the frame as it is: a copy would double the memory the load needs
            incidents = incidents.loc[~removed]
    as_of = max((c.data_as_of for c in coverage), default=None)
    # Periods after the earliest known complete-through date may still grow. Sources with no such date
    # (leak-site claims, press) are never complete: the views name them in a caveat of their own.
    known = [c.complete_through for c in coverage if c.complete_through is not None]
    complete_through = min(known) if known else None
    return Dataset(incidents, tuple(coverage), as_of, complete_through, filter_options(incidents, as_of), withdrawn)


def filter_options(frame: pd.DataFrame, as_of: pd.Timestamp | None = None) -> FilterOptions:
    """What the filters can offer for this frame (codes in the schema's order)."""
    dates = frame["reported_date"].dropna()
    first = dates.min().date() if len(dates) else dt.date.today()
    last = dates.max().date() if len(dates) else first
    if as_of is not None:
        last = max(last, as_of.date())
    present_attacks = set(frame["attack_type"].dropna().unique())
    present_orgs = set(frame["organization_type"].dropna().unique())
    return FilterOptions(
        first=first,
        last=last,
        states=tuple(sorted(frame["subdivision"].dropna().loc[lambda s: s != ""].unique())),
        attack_types=tuple(a for a in ATTACK_TYPES if a in present_attacks),
        organization_types=tuple(o for o in ORGANIZATION_TYPES if o in present_orgs),
    )


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows reported between filters.start and filters.end (both included) that match every filter."""
    dates = frame["reported_date"]
    keep = (dates >= pd.Timestamp(filters.start)) & (dates < pd.Timestamp(filters.end) + pd.Timedelta(days=1))
    for column, wanted in (
        ("subdivision", filters.states),
        ("attack_type", filters.attack_types),
        ("organization_type", filters.organization_types),
    ):
        if wanted:
            keep &= frame[column].isin(wanted).fillna(False).astype(bool)
    if keep.all():  # the default view: no copy of the whole frame (copy-on-write keeps the shared one safe)
        return frame.copy(deep=False)
    return frame.loc[keep]


def headline(frame: pd.DataFrame) -> Headline:
    counts = frame["individuals_affected"]
    return Headline(
        breaches=len(frame),
        individuals=int(counts.sum(skipna=True)),
        missing_counts=int(counts.isna().sum()),
        placeholder_counts=int(frame["is_placeholder_count"].sum()),
    )


def period_start(dates: pd.Series, granularity: str) -> pd.Series:
    """First day of the week (Monday), month or year each date falls in."""
    days = dates.dt.normalize()
    if granularity == "week":
        starts = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    elif granularity == "month":
        starts = days - pd.to_timedelta(days.dt.day - 1, unit="D")
    elif granularity == "year":
        starts = days - pd.to_timedelta(days.dt.day_of_year - 1, unit="D")
    else:
        raise ValueError(f"unknown granularity {granularity!r}")
    return starts.astype("datetime64[s]")


def periods_between(start: dt.date, end: dt.date, granularity: str) -> pd.DataFrame:
    """Every period that overlaps [start, end]: its first and last day."""
    first = period_start(pd.Series([pd.Timestamp(start)]), granularity).iloc[0]
    starts = pd.date_range(first, pd.Timestamp(end), freq=_PERIOD_FREQ[granularity])
    ends = starts + pd.tseries.frequencies.to_offset(_PERIOD_FREQ[granularity]) - pd.Timedelta(days=1)
    return pd.DataFrame({"period_start": starts.astype("datetime64[s]"), "period_end": ends.astype("datetime64[s]")})


def counts_by_period(frame: pd.DataFrame, granularity: str, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Breaches per period (rows, every period in [start, end], zeros included) and attack type (columns)."""
    periods = periods_between(start, end, granularity)["period_start"]
    table = (
        pd.DataFrame({"period_start": period_start(frame["reported_date"], granularity),
                      "attack_type": frame["attack_type"]})
        .value_counts()
        .unstack("attack_type", fill_value=0)
    )
    columns = [a for a in ATTACK_TYPES if a in table.columns]
    table = table.reindex(index=pd.Index(periods, name="period_start"), columns=columns, fill_value=0)
    return table.astype("int64")


def period_status(periods: pd.DataFrame, filters: Filters, options: FilterOptions,
                  complete_through: pd.Timestamp | None) -> pd.DataFrame:
    """For each period: `incomplete` when it runs past complete_through (it may still grow),
    `cut` when the reader's date filter leaves part of it out (its bar covers fewer days).

    The data's own first and last days cut nothing: before the first report there was nothing to report.
    """
    status = periods.copy()
    if complete_through is None:
        status["incomplete"] = False
    else:
        status["incomplete"] = status["period_end"] > complete_through.normalize()
    cut_at_start = filters.start > options.first
    cut_at_end = filters.end < options.last
    status["cut"] = ((status["period_start"] < pd.Timestamp(filters.start)) & cut_at_start) | (
        (status["period_end"] > pd.Timestamp(filters.end)) & cut_at_end)
    return status


def latest_complete_week(frame: pd.DataFrame, through: pd.Timestamp, start: dt.date,
                         weeks: int = TRAILING_WEEKS) -> WeekSummary | None:
    """The last Monday-to-Sunday week that ends on or before `through` and starts on or after `start`,
    with the mean of the (up to) `weeks` weeks before it that also start on or after `start`."""
    through = through.normalize()
    week_end = through - pd.Timedelta(days=(through.day_of_week + 1) % 7)  # last Sunday on or before
    week_start = week_end - pd.Timedelta(days=6)
    if week_start < pd.Timestamp(start):
        return None
    per_week = period_start(frame["reported_date"], "week").value_counts()
    earlier = [week_start - pd.Timedelta(weeks=k) for k in range(1, weeks + 1)]
    earlier = [w for w in earlier if w >= pd.Timestamp(start)]
    trailing = [int(per_week.get(w, 0)) for w in earlier]
    return WeekSummary(
        week_start=week_start,
        week_end=week_end,
        breaches=int(per_week.get(week_start, 0)),
        trailing_mean=sum(trailing) / len(trailing) if trailing else float("nan"),
        trailing_weeks=len(trailing),
    )


def state_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Breaches per subdivision code ('US-CA'), largest first; rows without one are left out."""
    codes = frame["subdivision"].dropna()
    counts = codes.loc[codes != ""].value_counts()
    result = counts.rename_axis("subdivision").reset_index(name="breaches")
    return result.sort_values(["breaches", "subdivision"], ascending=[False, True], ignore_index=True)


def organization_type_counts(frame: pd.DataFrame) -> pd.Series:
    """Breaches per organisation type, largest first."""
    counts = frame["organization_type"].value_counts()
    return counts.sort_values(ascending=False, kind="stable")


def largest_breaches(frame: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The n reports with the most individuals affected (reports without a count are left out)."""
    counts = frame["individuals_affected"]
    keep = counts.notna()
    known = counts.loc[keep].to_numpy(dtype="int64")
    if len(known) > n > 0:
        # Only rows at least as large as the n-th largest count can be in the top n: sort those alone.
        keep &= (counts >= np.partition(known, len(known) - n)[len(known) - n]).fillna(False)
    with_count = frame.loc[keep]
    ranked = with_count.sort_values(["individuals_affected", "reported_date"], ascending=[False, False],
                                    kind="stable")
    columns = ["organization", "subdivision", "reported_date", "attack_type", "individuals_affected",
               "is_placeholder_count"]
    return ranked.head(n).loc[:, columns].reset_index(drop=True)
