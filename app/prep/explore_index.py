"""The explorer's rows as positions in the dataset: what app.prep.explore's select() and sort_rows() give, without
a sort or a copy of the whole frame on every rerun. Pure functions.

A million reports: sorting them all (sort_rows) takes seconds and copies every column; the page shows 50. Here
the dataset is read once into small arrays (codes of the incident and the source, a rank of every report by
record_id, a rank by each sort column: 4 or 8 bytes a report each), and a rerun works on positions (rows of
`dataset.incidents`, in its order): the rows kept, then only the page is placed (np.argpartition), then only
the page's rows are taken from the frame. The whole order is computed when a download asks for it.
The tests check every result against select() and sort_rows().
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from app.prep.explore import ExplorerState


@dataclass(frozen=True)
class RowIndex:
    """Built once per dataset (app.data caches it): arrays aligned with the rows of `frame`."""

    record_rank: np.ndarray  # int64: the report's place when sorted by record_id (ties: the frame's order)
    incident_codes: np.ndarray  # int32: the incident of each report (-1: none)
    incidents: int  # distinct incident ids
    source_codes: np.ndarray  # int32 codes into `sources` (-1: none)
    sources: tuple[str, ...]


def build(frame: pd.DataFrame) -> RowIndex:
    by_record = sort_rank(frame["record_id"])
    by_record = np.where(by_record < 0, len(frame), by_record)  # a missing record_id last, as sort_values puts it
    record_rank = np.empty(len(frame), dtype=np.int64)
    record_rank[np.argsort(by_record, kind="stable")] = np.arange(len(frame))
    incident_codes, incident_ids = pd.factorize(frame["incident_id"], use_na_sentinel=True)
    source_codes, sources = pd.factorize(frame["source"], use_na_sentinel=True)
    return RowIndex(record_rank, incident_codes.astype(np.int32), len(incident_ids),
                    source_codes.astype(np.int32), tuple(str(s) for s in sources))


def sort_rank(column: pd.Series) -> np.ndarray:
    """int64 rank of each value of a sort column, as sort_values orders them (equal values share a rank;
    -1 for a missing value): its distinct values sorted (in Arrow for text), not every row."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    order = np.asarray(uniques.argsort(kind="stable"))
    rank_of = np.empty(len(uniques), dtype=np.int64)
    rank_of[order] = np.arange(len(uniques))
    return np.where(codes >= 0, rank_of[np.maximum(codes, 0)], -1) if len(uniques) else np.full(len(codes), -1)


# Up to this many runs of consecutive rows, taken as slices of the frame (below); beyond, with one take.
_SLICED_RUNS = 200


def take_rows(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """frame.iloc[positions], for a few rows of a frame whose Arrow columns have many chunks (the dataset's,
    once withdrawn reports are cut out): a take from such a column joins its chunks first (a quarter of a
    second at a million rows, for any number of rows), while slices of runs of rows are only views."""
    if not len(positions):
        return frame.iloc[:0]
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    if len(breaks) >= _SLICED_RUNS:  # joining a thousand one-row frames costs more than the take
        return frame.iloc[positions]
    starts = np.r_[0, breaks]
    stops = np.r_[breaks, len(positions)]
    return pd.concat([frame.iloc[positions[a]:positions[b - 1] + 1] for a, b in zip(starts, stops)])


def text_in(column: pd.Series, wanted: set[str] | list[str]) -> np.ndarray:
    """column.isin(wanted) for a text column, computed in Arrow (bool array)."""
    values = column.array.__arrow_array__() if hasattr(column.array, "__arrow_array__") else pa.array(
        column.astype("object").tolist())
    found = pc.is_in(values.cast(pa.large_string()), value_set=pa.array(sorted(wanted), type=pa.large_string()))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def order_keys(rank: np.ndarray, index: RowIndex, positions: np.ndarray, descending: bool) -> np.ndarray:
    """One unique int64 key per row at `positions` (in the dataset): the sort column's order (missing values
    last, both ways), then record_id, then the frame's order, as sort_rows() sorts."""
    value = rank[positions]
    top = int(rank.max()) + 1 if len(rank) else 0
    key = np.where(value < 0, top + 1, (top - value) if descending else value)
    return key * (len(index.record_rank) + 1) + index.record_rank[positions]


def page_order(keys: np.ndarray, page: int, page_size: int) -> np.ndarray:
    """Which of the keyed rows make page `page` (from 1, clamped as page_of() does), in order: the rows before
    and after the page are only partitioned, not sorted."""
    count = len(keys)
    page = min(max(1, page), max(1, -(-count // page_size)))
    start, stop = (page - 1) * page_size, min(page * page_size, count)
    if stop <= start:
        return np.zeros(0, dtype=np.int64)
    if count <= 4 * page_size:
        return np.argsort(keys, kind="stable")[start:stop]
    chosen = np.argpartition(keys, sorted({start, stop - 1}))[start:stop]
    return chosen[np.argsort(keys[chosen], kind="stable")]


def distinct_incidents(index: RowIndex, positions: np.ndarray) -> int:
    """rows["incident_id"].nunique() of the rows at `positions` (in the dataset)."""
    codes = index.incident_codes[positions]
    seen = np.zeros(index.incidents, dtype=bool)
    seen[codes[codes >= 0]] = True
    return int(seen.sum())


def sources_of(index: RowIndex, positions: np.ndarray) -> list[str]:
    """sorted(rows["source"].unique()) of the rows at `positions` (in the dataset)."""
    counts = np.bincount(index.source_codes[positions] + 1, minlength=len(index.sources) + 1)[1:]
    return sorted(index.sources[i] for i in np.flatnonzero(counts))


def kept(frame: pd.DataFrame, where: np.ndarray, query_mask: np.ndarray | None, vendor_records: set[str] | None,
         state: ExplorerState) -> np.ndarray:
    """The positions of `where` (the filtered rows of `frame`) that select() keeps: `query_mask` is
    search.matches() over every row of `frame`, for state.query; `vendor_records` the vendor event's records."""
    keep = np.ones(len(where), dtype=bool)
    if state.query and query_mask is not None:
        keep &= query_mask[where]
    if state.vendor_event:
        keep &= text_in(frame["record_id"], vendor_records or set())[where]
    return where[keep]
