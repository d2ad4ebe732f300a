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
    whether it may still grow. Relevant streams only (see the module's docstring).

    Vectorised over periods: a weekly chart of 25 years has 1,300 periods, and this runs on every rerun."""
    out = periods.loc[:, ["period_start", "period_end"]].copy()
    if out.empty:
        return out.assign(coverage=pd.Series(dtype="str"), covering=[], partly=[], silent=[], filling=[])
    spans = (out["period_end"] - out["period_start"]).dt.days
    selected = streams(table, sources, statuses, weekly=bool((spans <= 6).all()))
    levels = monthly_levels(table, selected, countries)
    relevant = [s.key for s in selected if (levels[s.key] > 0).any()]
    first = min(pd.Period(out["period_start"].min(), "M"), pd.Period(levels.index.min(), "M")) \
        if len(levels.index) else pd.Period(out["period_start"].min(), "M")
    last = pd.Period(out["period_end"].max(), "M")
    months = [f"{p}" for p in pd.period_range(first, max(last, first), freq="M")]
    level = levels.reindex(months, fill_value=0)[relevant].to_numpy()
    growing = levels.attrs["filling"].reindex(months, fill_value=False)[relevant].to_numpy(dtype=bool) & (level > 0)
    level = level.astype("int64")
    # Month positions of each period's first and last day; sums over them by prefix sums.
    start_idx = np.array([(pd.Period(d, "M") - first).n for d in out["period_start"]])
    end_idx = np.array([(pd.Period(d, "M") - first).n for d in out["period_end"]])
    length = (end_idx - start_idx + 1)[:, None]

    def over(mask: np.ndarray) -> np.ndarray:
        prefix = np.vstack([np.zeros((1, mask.shape[1]), dtype="int64"), np.cumsum(mask, axis=0)])
        return prefix[end_idx + 1] - prefix[start_idx]

    full, none, grows = over(level == 2) == length, over(level == 0) == length, over(growing) > 0
    covering, partly, silent, status = [], [], [], []
    for i in range(len(out)):
        covering.append(tuple(k for j, k in enumerate(relevant) if full[i, j]))
        silent.append(tuple(k for j, k in enumerate(relevant) if none[i, j]))
        partly.append(tuple(k for j, k in enumerate(relevant) if not full[i, j] and not none[i, j]))
        status.append("none" if not covering[i] and not partly[i]
                      else ("complete" if not partly[i] and not silent[i] else "partial"))
    return out.assign(coverage=status, covering=covering, partly=partly, silent=silent,
                      filling=grows.any(axis=1) if relevant else False)


def countries_of_regions(regions: Iterable[str], country_regions: pd.DataFrame) -> tuple[str, ...]:
    """ISO codes of the countries of UN M49 regions (data/mappings/country_region.csv)."""
    wanted = set(regions)
    return tuple(sorted(country_regions.loc[country_regions["region"].isin(wanted), "country"]))


def masked_counts(counts: pd.DataFrame, coverage: pd.DataFrame) -> pd.DataFrame:
    """counts_by_period()'s table with the periods no source covers set to missing (no data, not 0)."""
    none = coverage.set_index("period_start")["coverage"].reindex(counts.index).eq("none").to_numpy()
    return counts.astype("Float64").mask(pd.DataFrame(np.repeat(none[:, None], counts.shape[1], axis=1),
                                                      index=counts.index, columns=counts.columns))

