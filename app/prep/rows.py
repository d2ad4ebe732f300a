"""A few rows of a large frame, fast: `take(frame, positions, columns)` is `frame.iloc[positions][columns]`, and
`is_in(values, of)` is `values.isin(of)` for Arrow text.

The loaded dataset's text columns are Arrow arrays in many chunks (the cache's batches, and the runs of rows
between withdrawn reports, app.prep.filtering.without_rows). pandas' take on such a column costs tens of
milliseconds at a million rows whatever the number of rows taken; taking each chunk's rows from that chunk
costs what the rows cost. Same values, dtypes and index as iloc (tests/test_brief_prepared.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _take_arrow(column: pd.Series, positions: np.ndarray) -> pd.Series | None:
    array = column.array
    chunked = getattr(array, "_pa_array", None)
    if not isinstance(chunked, pa.ChunkedArray) or chunked.num_chunks < 2:
        return None
    try:
        offsets = np.cumsum([0] + [len(c) for c in chunked.chunks])
        which = np.searchsorted(offsets, positions, side="right") - 1
        cuts = np.flatnonzero(np.diff(which)) + 1
        parts = [chunked.chunk(int(which[a])).take(pa.array(positions[a:b] - offsets[which[a]]))
                 for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(positions)])] if len(positions) else []
        values = type(array)(pa.chunked_array(parts, type=chunked.type), dtype=array.dtype)
    except (TypeError, ValueError):  # an Arrow type this construction does not rebuild: pandas' own take
        return None
    return pd.Series(values, index=column.index[positions], name=column.name, copy=False)


def take(frame: pd.DataFrame, positions: np.ndarray, columns: Sequence[str]) -> pd.DataFrame:
    """frame.iloc[positions][list(columns)]; `positions` ascending, as np.flatnonzero gives them."""
    positions = np.asarray(positions, dtype=np.int64)
    out = {}
    for name in columns:
        column = frame[name]
        taken = _take_arrow(column, positions)
        out[name] = column.iloc[positions] if taken is None else taken
    return pd.DataFrame(out, index=frame.index[positions], copy=False)


def is_in(values: pd.Series, of: pd.Series) -> np.ndarray:
    """values.isin(of) as a bool array. Between Arrow text columns it asks Arrow's hash set: pandas' isin
    against a million record ids took 5.4 s and 0.4 GB at its peak, Arrow's 0.3 s (a missing value matches a
    missing value in both)."""
    mine, theirs = (getattr(s.array, "_pa_array", None) for s in (values, of))
    if isinstance(mine, pa.ChunkedArray) and isinstance(theirs, pa.ChunkedArray) and mine.type == theirs.type:
        found = pc.is_in(mine, value_set=theirs.combine_chunks())
        return found.to_numpy(zero_copy_only=False).astype(bool, copy=False)
    return values.isin(of).to_numpy(dtype=bool)
