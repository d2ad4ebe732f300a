"""The reader's selection: filters as a value, their URL form, and the rows they keep. Pure functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.prep import lag
from collectors.schema import ATTACK_TYPES, ORGANIZATION_TYPES, STATUSES

# Above this many runs of kept rows, one copy (take) is cheaper than concatenating slices.
_MAX_SLICES = 4096


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


def without_rows(frame: pd.DataFrame, drop: np.ndarray) -> pd.DataFrame:
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

    On the incident basis the dates select the date of the attack (app.prep.lag.attack_dates), reports without
    one are left out, and the result carries it as an `attack_date` column (see date_column()).
    """
    if filters.date_basis == "incident":
        frame = frame.assign(attack_date=lag.attack_dates(frame))
    keep = selection_mask(frame, filters)
    if keep.all():  # the default view: no copy of the whole frame (copy-on-write keeps the shared one safe)
        return frame.copy(deep=False)
    return frame.loc[keep]


def selection_mask(frame: pd.DataFrame, filters: Filters) -> pd.Series:
    """The rows apply_filters() keeps, as a bool Series. On the incident basis `frame` must carry the
    `attack_date` column (lag.attack_dates)."""
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
    return keep


def day_precise(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose date is known to the day: weekly counts leave out rows dated only to the month, which
    would otherwise all pile into the month's first week."""
    if "date_precision" not in frame.columns:
        return frame
    monthly = frame["date_precision"].eq("month").fillna(False).to_numpy(dtype=bool)
    return frame.loc[~monthly] if monthly.any() else frame


def date_column(filters: Filters) -> str:
    """The column apply_filters() placed each report in time by: `reported_date` or `attack_date`."""
    return "attack_date" if filters.date_basis == "incident" else "reported_date"


FILTER_PARAMS = ("from", "to", "state", "attack", "org", "source", "status", "country", "region", "basis")


# Which date places a report in time: when the source reported it, or when the attack happened (where known).
DATE_BASES = ("reported", "incident")


@dataclass(frozen=True)
class FilterOptions:
    """What the data offers to filter on."""

    first: dt.date
    last: dt.date
    states: tuple[str, ...]  # ISO 3166-2 codes, e.g. 'US-CA'
    attack_types: tuple[str, ...]
    organization_types: tuple[str, ...]
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    regions: tuple[str, ...] = ()  # UN M49 regions
    without_incident_date: int = 0  # reports no date of attack places in time (left out on the incident basis)


@dataclass(frozen=True)
class Filters:
    """The reader's selection; an empty tuple means 'all'."""

    start: dt.date
    end: dt.date
    states: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    organization_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    date_basis: str = "reported"  # one of DATE_BASES


def default_filters(options: FilterOptions) -> Filters:
    return Filters(start=options.first, end=options.last)


def _parse_date(values: Sequence[str], fallback: dt.date, options: FilterOptions) -> dt.date:
    try:
        day = dt.date.fromisoformat(values[-1])
    except (IndexError, ValueError):
        return fallback
    return min(max(day, options.first), options.last)


def _known(values: Sequence[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """Values the data knows, in the data's order (typos and duplicates dropped)."""
    wanted = set(values)
    return tuple(v for v in allowed if v in wanted)


def unknown_params(params: Mapping[str, Sequence[str]], options: FilterOptions) -> list[tuple[str, str]]:
    """(parameter, value) pairs of a link that filters_from_params() cannot use: a reader who opened a mistyped
    or stale link is told what was left out, instead of silently seeing another selection."""
    allowed = {"state": options.states, "attack": options.attack_types, "org": options.organization_types,
               "source": options.sources, "status": options.statuses, "country": options.countries,
               "region": options.regions, "basis": DATE_BASES}
    unknown = [(name, value) for name, known in allowed.items() for value in params.get(name, ())
               if value not in known]
    for name in ("from", "to"):
        for value in params.get(name, ())[-1:]:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                unknown.append((name, value))
    return unknown


def filters_from_params(params: Mapping[str, Sequence[str]], options: FilterOptions) -> Filters:
    """Read the filters from URL parameters (each a list of values); bad values fall back to defaults."""
    start = _parse_date(params.get("from", ()), options.first, options)
    end = _parse_date(params.get("to", ()), options.last, options)
    if start > end:
        start, end = options.first, options.last
    return Filters(
        start=start,
        end=end,
        states=_known(params.get("state", ()), options.states),
        attack_types=_known(params.get("attack", ()), options.attack_types),
        organization_types=_known(params.get("org", ()), options.organization_types),
        sources=_known(params.get("source", ()), options.sources),
        statuses=_known(params.get("status", ()), options.statuses),
        countries=_known(params.get("country", ()), options.countries),
        regions=_known(params.get("region", ()), options.regions),
        date_basis=(_known(params.get("basis", ())[-1:], DATE_BASES) or DATE_BASES[:1])[0],
    )


def filters_to_params(filters: Filters, options: FilterOptions) -> dict[str, list[str]]:
    """The URL parameters that reproduce `filters` (defaults left out)."""
    params: dict[str, list[str]] = {}
    if filters.start != options.first:
        params["from"] = [filters.start.isoformat()]
    if filters.end != options.last:
        params["to"] = [filters.end.isoformat()]
    for name, values in (("state", filters.states), ("attack", filters.attack_types),
                         ("org", filters.organization_types), ("source", filters.sources),
                         ("status", filters.statuses), ("country", filters.countries), ("region", filters.regions)):
        if values:
            params[name] = list(values)
    if filters.date_basis != DATE_BASES[0]:
        params["basis"] = [filters.date_basis]
    return params


@dataclass(frozen=True)
class Summary:
    """What a page says of a selection before aggregating it."""

    rows: int
    countries: int  # distinct countries named
    sources: tuple[str, ...]  # sources present, sorted
    per_source: dict[str, int]

    @property
    def empty(self) -> bool:
        return self.rows == 0


def summary(frame: pd.DataFrame) -> Summary:
    per_source = frame["source"].value_counts()
    return Summary(len(frame), int(frame["country"].nunique()), tuple(sorted(per_source.index)),
                   {str(k): int(v) for k, v in per_source.items()})
