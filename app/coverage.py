"""Which sources stand behind each count: the one aggregation layer for coverage (pages and brief alike).

data/coverage.csv (collectors/coverage.py) says, per source list ("stream": `hhs_ocr:*`, `ransomware_live:press`
...), country and month, whether the source looked completely, partly, or not at all. Here that table meets a
reader's selection (sources, statuses, countries or regions) and a list of periods, and each period gets:

- `coverage`: `complete` (every relevant stream looked for the whole period), `partial` (some looked, or
  looked at part of it), `none` (no selected source looked: its count is "no data", never 0);
- `covering` / `partly` / `silent`: the streams behind each case, to name in hovers, tables and the brief;
- `filling`: a covering stream is still within its posting lag, or its window ends inside the period:
  the count may still grow (the only thing the charts hatch).

A stream is *relevant* to a selection when the reader's source and status filters keep it and it covers the
selected place in at least one month; a stream that never covers the place (HHS for France) is not "silent",
just out of scope. Pure functions: no streamlit, no file reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from collectors.coverage import ANY_LIST, DECLARED, FILLING_REASONS, WORLDWIDE

_LEVEL = {"none": 0, "partial": 1, "complete": 2}
_NAME = {0: "none", 1: "partial", 2: "complete"}


@dataclass(frozen=True)
class Stream:
    source: str
    source_list: str  # `*` for every list of the source
    status: str  # the status of its rows (confirmed / reported / claimed)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.source_list}"


def streams(table: pd.DataFrame, sources: Sequence[str] = (), statuses: Sequence[str] = (),
            weekly: bool = False) -> list[Stream]:
    """The streams of the coverage table that the source and status filters keep (empty filter: all).
    `weekly`: leave out sources dated only to the month (CISSM), which never stand behind a weekly count."""
    present = table[["source", "source_list"]].drop_duplicates().itertuples(index=False)
    out = []
    for source, source_list in present:
        declared = DECLARED.get((source, source_list))
        if declared is None or (sources and source not in sources) or (statuses and declared.status not in statuses):
            continue
        if weekly and declared.date_precision == "month":
            continue
        out.append(Stream(source, source_list, declared.status))
    return sorted(out, key=lambda s: s.key)


def stream_of_rows(frame: pd.DataFrame) -> pd.Series:
    """The stream key of each dataset row (`source:list`, or `source:*` for a source declared as one list)."""
    lists = frame["source_list"].fillna("").astype(str)
    keyed = frame["source"].astype(str) + ":" + lists
    declared_any = {s for (s, lst) in DECLARED if lst == ANY_LIST}
    return keyed.where(~frame["source"].isin(declared_any), frame["source"].astype(str) + ":" + ANY_LIST)


def monthly_levels(table: pd.DataFrame, selected: list[Stream], countries: Sequence[str] = ()) -> pd.DataFrame:
    """Coverage level (0 none, 1 partial, 2 complete) per month (rows, `YYYY-MM`) and stream key (columns)
    for the selected countries (empty: the whole scope of each stream). Several countries: complete when
    complete for each, none when none for all, partial otherwise. `.attrs['filling']` holds booleans of the
    same shape: the month's reason says the count may still grow."""
    months = sorted(table["month"].unique())
    levels = pd.DataFrame(0, index=pd.Index(months, name="month"), columns=[s.key for s in selected])
    filling = pd.DataFrame(False, index=levels.index, columns=levels.columns)
    for stream in selected:
        rows = table[(table["source"] == stream.source) & (table["source_list"] == stream.source_list)]
        scopes, every = _scopes_to_read(set(rows["scope"]), countries)
        parts = [_scope_levels(rows, scope, months) for scope in scopes]
        level = pd.concat([p[0] for p in parts], axis=1)
        if every:
            levels[stream.key] = np.where(level.min(axis=1) == 2, 2, np.where(level.max(axis=1) == 0, 0, 1))
        else:
            levels[stream.key] = level.max(axis=1).to_numpy()
        filling[stream.key] = pd.concat([p[1] for p in parts], axis=1).any(axis=1).to_numpy()
    levels.attrs["filling"] = filling
    return levels


def _scopes_to_read(scopes: set[str], countries: Sequence[str]) -> tuple[list[str], bool]:
    """Which scope rows of a stream answer for the selection, and whether each of them must be covered.

    A source measured per country covers only the countries it has rows for; a worldwide pull (only `*`
    rows) looked at every country; with no country selected, a fixed-scope source (HHS: the US) answers
    for its own scope."""
    per_country = scopes - {WORLDWIDE}
    if countries:
        return (list(countries) if per_country else [WORLDWIDE]), True
    if WORLDWIDE in scopes:
        return [WORLDWIDE], True
    return sorted(scopes), False


def _scope_levels(rows: pd.DataFrame, scope: str, months: list[str]) -> tuple[pd.Series, pd.Series]:
    mine = rows[rows["scope"] == scope].set_index("month")
    level = pd.Series([_LEVEL[v] for v in mine["status"]], index=mine.index, dtype="int64")
    filling = pd.Series(mine["reason"].isin(FILLING_REASONS).to_numpy(), index=mine.index, dtype=bool)
    return level.reindex(months, fill_value=0), filling.reindex(months, fill_value=False)


def period_coverage(table: pd.DataFrame, periods: pd.DataFrame, *, sources: Sequence[str] = (),
                    statuses: Sequence[str] = (), countries: Sequence[str] = ()) -> pd.DataFrame:
    """For each period (columns `period_start`, `period_end`): its coverage, the streams behind it and
    whether it may still grow. Relevant streams only (see the module's docstring)."""
    spans = (periods["period_end"] - periods["period_start"]).dt.days if len(periods) else pd.Series([], dtype="int64")
    selected = streams(table, sources, statuses, weekly=bool(len(spans)) and bool((spans <= 6).all()))
    levels = monthly_levels(table, selected, countries)
    relevant = [s for s in selected if (levels[s.key] > 0).any()]
    out = periods.loc[:, ["period_start", "period_end"]].copy()
    if out.empty:
        return out.assign(coverage=pd.Series(dtype="str"), covering=[], partly=[], silent=[], filling=[])
    covering, partly, silent, filling, status = [], [], [], [], []
    for start, end in zip(out["period_start"], out["period_end"]):
        months = [f"{p}" for p in pd.period_range(pd.Period(start, "M"), pd.Period(end, "M"), freq="M")]
        full, part, none, grows = [], [], [], False
        for stream in relevant:
            values = levels[stream.key].reindex(months, fill_value=0)
            if (values == 2).all():
                full.append(stream.key)
            elif (values == 0).all():
                none.append(stream.key)
            else:
                part.append(stream.key)
            if values.any():
                grows |= bool(levels.attrs["filling"][stream.key].reindex(months, fill_value=False).any())
        covering.append(tuple(full))
        partly.append(tuple(part))
        silent.append(tuple(none))
        filling.append(grows)
        status.append("none" if not full and not part else ("complete" if not part and not none else "partial"))
    return out.assign(coverage=status, covering=covering, partly=partly, silent=silent, filling=filling)


def relevant_streams(table: pd.DataFrame, *, sources: Sequence[str] = (), statuses: Sequence[str] = (),
                     countries: Sequence[str] = ()) -> list[Stream]:
    """The streams that cover the selected place in at least one month."""
    selected = streams(table, sources, statuses)
    levels = monthly_levels(table, selected, countries)
    return [s for s in selected if (levels[s.key] > 0).any()]


def countries_of_regions(regions: Iterable[str], country_regions: pd.DataFrame) -> tuple[str, ...]:
    """ISO codes of the countries of UN M49 regions (data/mappings/country_region.csv)."""
    wanted = set(regions)
    return tuple(sorted(country_regions.loc[country_regions["region"].isin(wanted), "country"]))


def masked_counts(counts: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """counts_by_period()'s table with the periods no source covers set to missing (no data, not 0)."""
    none = coverage.set_index("period_start")["coverage"].reindex(counts.index).eq("none").to_numpy()
    return counts.astype("Float64").mask(pd.DataFrame(np.repeat(none[:, None], counts.shape[1], axis=1),
                                                      index=counts.index, columns=counts.columns))


def level_name(level: int) -> str:
    return _NAME[int(level)]
