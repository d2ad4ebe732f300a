"""Every number of the methodology page that reads the whole dataset, computed in one pass (pure).

At a million reports these take seconds (counting facts, reporting lags, completeness by year, the vendor
clusters, the weekly histories the unusual-week rule is tested on): app.data computes them once per version of the files and every session
shares the result; the view only words and lays them out. Nothing here depends on the reader's language or
widgets (the lag chart's grouping is one of LAG_BYS: both are computed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from app.prep import counting, lag
from app.prep import coverage as coverage_layer
from collectors import SourceCoverage, vendors

LAG_BYS = ("year", "source")
# The histories the unusual-week rule is tested on: source, first Monday, last day (None: complete-through).
FLAG_TESTS = (("hhs_ocr", "2010-01-04", None), ("curated_fr", "2019-01-07", "2025-12-22"))


@dataclass(frozen=True)
class SourceSpan:
    reports: int
    first: pd.Timestamp | None  # None: the source has no report
    last: pd.Timestamp | None


@dataclass(frozen=True, eq=False)
class FlagHistory:
    """A history the unusual-week rule (brief/unusual.py) is tested on: reports per week, first to last."""

    source: str
    first: str
    last: str
    weekly: pd.Series  # weekly_series()


@dataclass(frozen=True)
class StreamCoverage:
    key: str  # coverage_layer.Stream.key
    scopes: int  # countries (or worldwide)
    first_month: str
    last_month: str
    complete: str  # "first – last" of its complete months, "–" when none


@dataclass(frozen=True, eq=False)
class Numbers:
    rows_by_source: dict[str, int]
    spans: dict[str, SourceSpan]  # every source of the coverage records
    completeness: pd.DataFrame  # counting.completeness_table()
    facts: counting.CountingFacts
    undated_sources: tuple[str, ...]  # sorted
    lags: dict[str, dict[str, pd.DataFrame]]  # by -> {"reporting", "filing"} -> lag.summarise()
    sources: tuple[str, ...]  # every source of the rows, sorted
    clusters: pd.DataFrame  # vendors.possible_clusters()
    flag_histories: tuple[FlagHistory, ...]
    streams: tuple[StreamCoverage, ...]  # of the coverage table (empty without one)


def source_spans(frame: pd.DataFrame, coverage: Iterable[SourceCoverage]) -> dict[str, SourceSpan]:
    """Reports per source and the first and last date reported (one group-by, not one scan per source)."""
    grouped = frame.groupby("source", sort=False)["reported_date"].agg(["size", "min", "max"])
    out = {}
    for cov in coverage:
        if cov.source in grouped.index and grouped.at[cov.source, "size"]:
            row = grouped.loc[cov.source]
            out[cov.source] = SourceSpan(int(row["size"]), row["min"], row["max"])
        else:
            out[cov.source] = SourceSpan(0, None, None)
    return out


def weekly_series(dates: pd.Series, first: pd.Timestamp, last: pd.Timestamp) -> pd.Series:
    """Reports per ISO week (Monday starts) from the week of `first` to the week of `last`, zeros included."""
    starts = (dates.dt.normalize() - pd.to_timedelta(dates.dt.day_of_week, unit="D")).value_counts()
    first = first - pd.Timedelta(days=first.day_of_week)
    return starts.reindex(pd.date_range(first, last, freq="W-MON"), fill_value=0).astype("int64")


def flag_histories(frame: pd.DataFrame, complete_through: pd.Timestamp | None) -> tuple[FlagHistory, ...]:
    """The weekly histories of FLAG_TESTS' sources (none for a source absent from `frame`)."""
    out = []
    exact_day = frame["date_precision"].ne("month").fillna(True).astype(bool)
    for source, first, last in FLAG_TESTS:
        last = last or str(complete_through or "2022-06-27")[:10]
        dates = frame.loc[(frame["source"] == source) & exact_day, "reported_date"]
        if dates.empty:
            continue
        out.append(FlagHistory(source, first, last, weekly_series(dates, pd.Timestamp(first), pd.Timestamp(last))))
    return tuple(out)


def stream_coverage(table: pd.DataFrame | None) -> tuple[StreamCoverage, ...]:
    if table is None or table.empty:
        return ()
    out = []
    for stream in coverage_layer.streams(table):
        mine = table[(table["source"] == stream.source) & (table["source_list"] == stream.source_list)]
        complete = mine.loc[mine["status"] == "complete", "month"]
        out.append(StreamCoverage(stream.key, mine["scope"].nunique(), mine["month"].min(), mine["month"].max(),
                                  f"{complete.min()} – {complete.max()}" if len(complete) else "–"))
    return tuple(out)


def numbers(frame: pd.DataFrame, coverage: Iterable[SourceCoverage], withdrawn: int, members: pd.DataFrame,
            complete_through: pd.Timestamp | None, coverage_table: pd.DataFrame | None) -> Numbers:
    """Everything the methodology page counts over `frame` (the counted reports), `members` being
    collectors.vendors.rollup()'s."""
    coverage = tuple(coverage)
    lags = {"reporting": lag.reporting_lags(frame), "filing": lag.filing_lags(frame)}
    return Numbers(
        rows_by_source=frame["source"].value_counts().to_dict(),
        spans=source_spans(frame, coverage),
        completeness=counting.completeness_table(counting.completeness_by_year(frame, coverage)),
        facts=counting.counting_facts(frame, withdrawn, members),
        undated_sources=tuple(sorted(lag.undated_sources(frame))),
        lags={by: {kind: lag.summarise(lags_, by) for kind, lags_ in lags.items()} for by in LAG_BYS},
        sources=tuple(sorted(frame["source"].unique())),
        clusters=vendors.possible_clusters(frame, members),
        flag_histories=flag_histories(frame, complete_through),
        streams=stream_coverage(coverage_table),
    )
