"""The dashboard's only reader of data: load once, then pure filter and aggregate functions.

The loaded frame is shared by every session (st.cache_resource), so nothing here
may modify it: every function returns a new frame (pandas copy-on-write makes
derived frames independent of the shared one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from app import coverage as coverage_layer
from app import lag, search
from app.filters import FilterOptions, Filters
from collectors import (
    DATA_DIR,
    SourceCoverage,
    incident_types,
    load_coverage,
    load_coverage_table,
    load_incidents,
    schema,
    vendors,
)
from collectors.schema import ATTACK_TYPES, ORGANIZATION_TYPES, STATUSES
from collectors.text import normalise

# Lets tests and previews point the dashboard at another dataset folder.
DATA_DIR_ENV = "OBSERVATORY_DATA_DIR"

GRANULARITIES = ("week", "month", "year")
# Period starts: weeks run Monday to Sunday (ISO 8601), months and years start on the 1st.
_PERIOD_FREQ = {"week": "W-MON", "month": "MS", "year": "YS"}
TRAILING_WEEKS = 8
# Above this many runs of kept rows, one copy (take) is cheaper than concatenating slices.
_MAX_SLICES = 4096


@dataclass(frozen=True)
class Dataset:
    incidents: pd.DataFrame
    coverage: tuple[SourceCoverage, ...]
    as_of: pd.Timestamp | None  # newest export of any source
    complete_through: pd.Timestamp | None  # every source complete up to here; None when unknown
    options: FilterOptions
    withdrawn: int = 0  # reports the source no longer lists: kept on disk, never counted
    coverage_table: pd.DataFrame | None = None  # data/coverage.csv (collectors/coverage.py)
    repeated: int = 0  # filings a source lists twice word for word (`duplicate_of`): counted once


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
    # Counted by the incident's attack type (collectors/incident_types.py); the report's own is kept beside it.
    return build_dataset(incident_types.for_counting(load_incidents(data_dir)), load_coverage(data_dir),
                         load_coverage_table(data_dir))


def load_dataset() -> Dataset:
    """The dataset, read from disk once per process and shared read-only by all sessions."""
    return _load(os.environ.get(DATA_DIR_ENV) or None)


def build_dataset(incidents: pd.DataFrame, coverage: list[SourceCoverage],
                  coverage_table: pd.DataFrame | None = None) -> Dataset:
    """Reports the source has since withdrawn, and repeats of a filing listed twice, stay in the file for
    traceability but are never counted."""
    removed, repeated = schema.uncounted(incidents)
    withdrawn, repeats = int(removed.sum()), int(repeated.sum())
    if withdrawn or repeats:  # else the frame as it is: a copy would double the memory the load needs
        incidents = _without_rows(incidents, (removed | repeated).to_numpy())
    as_of = max((c.data_as_of for c in coverage), default=None)
    # Periods after the earliest known complete-through date may still grow. Sources with no such date
    # (leak-site claims, press) are never complete: the views name them in a caveat of their own.
    known = [c.complete_through for c in coverage if c.complete_through is not None]
    complete_through = min(known) if known else None
    return Dataset(incidents, tuple(coverage), as_of, complete_through, filter_options(incidents, as_of), withdrawn,
                   coverage_table, repeats)


def filter_options(frame: pd.DataFrame, as_of: pd.Timestamp | None = None) -> FilterOptions:
    """What the filters can offer for this frame (codes in the schema's order)."""
    dates = frame["reported_date"].dropna()
    if "incident_date" in frame.columns:  # the incident basis reaches back to the earliest attack
        dates = pd.concat([dates, frame["incident_date"].dropna()])
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
        sources=tuple(sorted(frame["source"].dropna().unique())),
        statuses=tuple(s for s in STATUSES if s in set(frame["status"].dropna().unique())),
        countries=tuple(sorted(frame["country"].dropna().unique())),
        regions=tuple(sorted(frame["region"].dropna().unique())),
        without_incident_date=_count_undated(frame) if len(frame) else 0,
    )


def _without_rows(frame: pd.DataFrame, drop: np.ndarray) -> pd.DataFrame:
    """frame.loc[~drop]. When the dropped rows are few (withdrawn reports are), as the runs of rows between
    them put end to end: slices share the loaded Arrow buffers instead of copying every string (a million
    rows: 0.4 s and no second copy, instead of 1.4 s and 0.5 GB)."""
    dropped = np.flatnonzero(drop)
    pieces = [frame.iloc[a:b] for a, b in zip(np.r_[0, dropped + 1], np.r_[dropped, len(frame)]) if b > a]
    if not pieces or len(pieces) > _MAX_SLICES:
        return frame.loc[~drop]
    return pd.concat(pieces)


def _count_undated(frame: pd.DataFrame) -> int:
    """How many reports lag.attack_dates() leaves without a date of the attack, found without its group-by
    (a second at a million rows): a report is undated when neither it nor any report of its incident is."""
    own = frame["incident_date"]
    missing = own.isna()
    dated_incidents = frame.loc[~missing, "incident_id"].dropna().unique()
    return int((missing & ~frame["incident_id"].isin(dated_incidents)).sum())


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows reported between filters.start and filters.end (both included) that match every filter.

    On the incident basis the dates select the date of the attack (app.lag.attack_dates), reports without
    one are left out, and the result carries it as an `attack_date` column (see date_column()).
    """
    if filters.date_basis == "incident":
        frame = frame.assign(attack_date=lag.attack_dates(frame))
    dates = frame[date_column(filters)]
    keep = (dates >= pd.Timestamp(filters.start)) & (dates < pd.Timestamp(filters.end) + pd.Timedelta(days=1))
    keep = keep.fillna(False).astype(bool)
    for column, wanted in (
        ("subdivision", filters.states),
        ("attack_type", filters.attack_types),
        ("organization_type", filters.organization_types),
        ("source", filters.sources),
        ("status", filters.statuses),
        ("country", filters.countries),
        ("region", filters.regions),
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


def counts_by_period(frame: pd.DataFrame, granularity: str, start: dt.date, end: dt.date,
                     date_column: str = "reported_date", by: str = "attack_type") -> pd.DataFrame:
    """Breaches per period (rows, every period in [start, end], zeros included) and attack type (columns),
    or the values of another column `by` (status in the schema's order, others sorted; empty cells left out)."""
    periods = periods_between(start, end, granularity)["period_start"]
    table = (
        pd.DataFrame({"period_start": period_start(frame[date_column], granularity), by: frame[by]})
        .value_counts()
        .unstack(by, fill_value=0)
    )
    order = {"attack_type": ATTACK_TYPES, "status": STATUSES}.get(by) or sorted(table.columns)
    columns = [a for a in order if a in table.columns]
    table = table.reindex(index=pd.Index(periods, name="period_start"), columns=columns, fill_value=0)
    return table.astype("int64")


def selection_coverage(dataset: Dataset, filters: Filters, periods: pd.DataFrame,
                       sources: tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """app.coverage.period_coverage() for the reader's selection (None when the dataset has no coverage
    table: an old data folder). `sources` narrows the source filter (the US page counts HHS only)."""
    table = dataset.coverage_table
    if table is None or table.empty:
        return None
    countries = filters.countries or (
        coverage_layer.countries_of_regions(filters.regions, normalise.mapping("country_region"))
        if filters.regions else ())
    wanted = tuple(s for s in (filters.sources or dataset.options.sources) if sources is None or s in sources)
    return _period_coverage(table, id(table), tuple(periods["period_start"]), tuple(periods["period_end"]),
                            wanted or sources or (), tuple(filters.statuses), tuple(countries))


@st.cache_data(show_spinner=False, max_entries=512)
def _period_coverage(_table: pd.DataFrame, table_id: int, starts: tuple, ends: tuple, sources: tuple,
                     statuses: tuple, countries: tuple) -> pd.DataFrame:
    """Cached by the selection (the table is the process's loaded one, named by its id): a rerun that changes
    another widget does not recompute it."""
    periods = pd.DataFrame({"period_start": list(starts), "period_end": list(ends)})
    return coverage_layer.period_coverage(_table, periods, sources=sources, statuses=statuses, countries=countries)


def day_precise(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose date is known to the day: weekly counts leave out rows dated only to the month, which
    would otherwise all pile into the month's first week."""
    if "date_precision" not in frame.columns:
        return frame
    monthly = frame["date_precision"].eq("month").fillna(False).to_numpy(dtype=bool)
    return frame.loc[~monthly] if monthly.any() else frame


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
    columns = ["organization", "subdivision", "reported_date", "attack_type", "individuals_affected",
               "is_placeholder_count"]
    # The shown columns only: taking rows from every column would read (and copy) the whole frame.
    with_count = frame.loc[keep, columns]
    ranked = with_count.sort_values(["individuals_affected", "reported_date"], ascending=[False, False],
                                    kind="stable")
    return ranked.head(n).reset_index(drop=True)


# --- journalists' views: date basis, dataset fingerprint, search index, vendor roll-up ------------------

def date_column(filters: Filters) -> str:
    """The column apply_filters() placed each report in time by: `reported_date` or `attack_date`."""
    return "attack_date" if filters.date_basis == "incident" else "reported_date"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)


@st.cache_resource(show_spinner=False)
def _fingerprint(path: str, size: int, mtime_ns: int) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def dataset_sha256() -> str:
    """SHA-256 of data/incidents.csv as read now ('' when there is none): the version a citation names."""
    path = data_dir() / "incidents.csv"
    try:
        stat = path.stat()
    except OSError:
        return ""
    return _fingerprint(str(path), stat.st_size, stat.st_mtime_ns)


@st.cache_resource(show_spinner=False)
def _official_statistics(path: str, mtime_ns: int) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def official_statistics() -> pd.DataFrame:
    """data/official_statistics.csv: figures authorities publish, a layer of their own (never added to counts)."""
    path = data_dir() / "official_statistics.csv"
    if not path.exists():
        return pd.DataFrame(columns=["area", "period", "measure", "value", "unit", "counts_what", "publisher",
                                     "publication", "url", "read_on", "note"])
    return _official_statistics(str(path), path.stat().st_mtime_ns)


@st.cache_resource(show_spinner=False)
def _search_index(data_dir_: str | None) -> pd.Series:
    return search.fold_rows(_load(data_dir_).incidents)


def search_index() -> pd.Series:
    """Organisation, town and vendor folded for search (app.search), aligned with load_dataset().incidents."""
    return _search_index(os.environ.get(DATA_DIR_ENV) or None)


@st.cache_resource(show_spinner=False)
def _vendor_rollup(data_dir_: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    incidents = _load(data_dir_).incidents
    members = vendors.rollup(incidents)
    return members, vendors.events(incidents, members)


def vendor_rollup() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members, events) of collectors.vendors.rollup() for the loaded dataset, computed once."""
    return _vendor_rollup(os.environ.get(DATA_DIR_ENV) or None)
