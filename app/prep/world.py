"""Pure aggregations for the World page: reports or incidents, by country, region and status.

A *report* is one row (one source's account of an attack); an *incident* is one attack, the reports
that collectors/link.py gave one `incident_id`. Counting incidents collapses the reports of the
selection to one row per incident (`incident_rows()`) and then counts rows, so every aggregate of
the page works the same way for both units.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from app.prep import filtering, timeseries
from collectors import SourceCoverage
from collectors.schema import STATUSES

UNITS = ("reports", "incidents")
# The base map plotly draws for scope="world" at resolution 110 (served from static/, see app/views/world.py).
WORLD_TOPOJSON = Path(__file__).resolve().parents[2] / "static" / "topojson" / "world_110m.json"
# Lower edges of the map's colour classes: the US's thousands of HHS filings get a class of their own
# instead of washing every other country out of a linear scale.
BIN_EDGES = (1, 2, 5, 10, 50, 100, 1000)


@dataclass(frozen=True)
class Linking:
    reports: int
    incidents: int
    linked_reports: int  # reports whose incident has a report from another source too
    linked_incidents: int  # incidents reported by two sources or more ("confirmed by N sources")


def incident_rows(frame: pd.DataFrame, date_column: str = "reported_date") -> pd.DataFrame:
    """One row per incident of `frame`: placed on its earliest report's date (and that report's country
    and region; linked reports always share a country), with its most certain status (confirmed, then
    reported, then claimed) and the number of reports and distinct sources behind it."""
    columns = ["incident_id", date_column, "country", "region", "status", "reports", "sources"]
    if frame.empty:
        return pd.DataFrame({c: frame[c] if c in frame.columns else pd.Series(dtype="int64") for c in columns})
    rank = frame["status"].map({s: i for i, s in enumerate(STATUSES)})
    ordered = frame.assign(_rank=rank).sort_values([date_column, "record_id"], kind="stable")
    grouped = ordered.groupby("incident_id", sort=True)
    first = grouped[[date_column, "country", "region"]].first()
    best = grouped["_rank"].min().map(dict(enumerate(STATUSES)))
    result = first.assign(status=best.astype("str"), reports=grouped.size(), sources=grouped["source"].nunique())
    return result.reset_index().loc[:, columns]


def counting_rows(frame: pd.DataFrame, unit: str, date_column: str = "reported_date") -> pd.DataFrame:
    """The rows to count for `unit`: the reports themselves, or one row per incident."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    return frame if unit == "reports" else incident_rows(frame, date_column)


def trend_counts(frame: pd.DataFrame, unit: str, date_column: str, granularity: str, start, end,
                 by: str) -> pd.DataFrame:
    """Counts per period of `unit` (reports or incidents) by `by`: timeseries.counts_by_period over
    counting_rows(), reports dated to the day only for weeks (filtering.day_precise)."""
    rows = counting_rows(filtering.day_precise(frame) if granularity == "week" else frame, unit, date_column)
    return timeseries.counts_by_period(rows, granularity, start, end, date_column=date_column, by=by)


def linking(frame: pd.DataFrame) -> Linking:
    """How many reports and incidents, and how many of them several sources report."""
    sources = frame.groupby("incident_id")["source"].nunique()
    multi = sources.index[sources >= 2]
    return Linking(reports=len(frame), incidents=len(sources),
                   linked_reports=int(frame["incident_id"].isin(multi).sum()), linked_incidents=len(multi))


def country_table(frame: pd.DataFrame, unit: str = "reports", date_column: str = "reported_date") -> pd.DataFrame:
    """Per country (ISO alpha-2): its region, reports, incidents, and the `unit` split by status
    (columns `confirmed`, `reported`, `claimed`); most `unit` first, then by code."""
    columns = ["country", "region", "reports", "incidents", *STATUSES]
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="str" if c in ("country", "region") else "int64") for c in columns})
    grouped = frame.groupby("country")
    table = pd.DataFrame({"region": grouped["region"].first(), "reports": grouped.size(),
                          "incidents": grouped["incident_id"].nunique()})
    split = counting_rows(frame, unit, date_column).groupby(["country", "status"]).size().unstack("status")
    table = table.join(split.reindex(columns=list(STATUSES))).fillna({s: 0 for s in STATUSES})
    table = table.astype({c: "int64" for c in ("reports", "incidents", *STATUSES)})
    table = table.rename_axis("country").reset_index()
    return table.sort_values([unit, "country"], ascending=[False, True], ignore_index=True).loc[:, columns]


def country_rank(table: pd.DataFrame, country: str) -> int | None:
    """1-based place of `country` in country_table()'s order (ties keep that order), None when absent."""
    where = table.index[table["country"] == country]
    return int(where[0]) + 1 if len(where) else None


@cache
def _iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def iso3(alpha2: str) -> str | None:
    """ISO 3166-1 alpha-2 -> alpha-3 (plotly's `locations`); None for a code ISO does not assign (Kosovo, XK)."""
    return _iso3().get(str(alpha2).upper())


@cache
def mappable_iso3(path: Path = WORLD_TOPOJSON) -> frozenset[str]:
    """Countries the committed world base map draws (small ones, e.g. Singapore, are not at 1:110m)."""
    with open(path, encoding="utf-8") as fh:
        geometries = json.load(fh)["objects"]["countries"]["geometries"]
    return frozenset(g["id"] for g in geometries if g.get("id"))


def map_rows(table: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(on the map, off the map) rows of country_table(), with `iso3` and the colour class `bin`
    (index into BIN_EDGES); off the map: no ISO alpha-3, or too small for the base map."""
    codes = table["country"].map(iso3)
    on = codes.isin(mappable_iso3()).fillna(False).astype(bool) & (table[unit] > 0)
    rows = table.assign(iso3=codes, bin=table[unit].map(value_bin))
    return rows.loc[on].reset_index(drop=True), rows.loc[~on & (table[unit] > 0)].reset_index(drop=True)


def value_bin(value: int) -> int:
    """Index of the colour class of `value` (>= 1): 0 for 1, 1 for 2-4, ... last for 1,000 and more."""
    return max(i for i, edge in enumerate(BIN_EDGES) if value >= edge) if value >= BIN_EDGES[0] else 0


def complete_through_for(coverage: Iterable[SourceCoverage], sources: Iterable[str]) -> pd.Timestamp | None:
    """The earliest complete-through date among `sources` that have one (as app.data.build_dataset does for
    all sources); None when none of them says up to when it is complete (claims, press, research)."""
    wanted = set(sources)
    known = [c.complete_through for c in coverage if c.source in wanted and c.complete_through is not None]
    return min(known) if known else None
