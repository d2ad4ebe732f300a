"""app.prep.us.us_rows: the US page's HHS filings, as a slice of the loaded frame when they are one run of rows
(the dataset is sorted by source), else through a mask; the same rows, columns and order either way."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app import data
from app.prep import us as us_prep


def _masked(frame: pd.DataFrame) -> pd.DataFrame:
    """The plain way: every HHS row, the page's columns."""
    return frame.loc[frame["source"] == us_prep.US_SOURCE, [c for c in frame.columns if c in us_prep.US_COLUMNS]]


def test_the_committed_filings_are_a_slice_sharing_the_loaded_buffers():
    incidents = data.load_dataset().incidents
    rows = us_prep.us_rows(incidents)
    pd.testing.assert_frame_equal(rows, _masked(incidents))
    assert len(rows) > 6000 and set(rows.columns) <= us_prep.US_COLUMNS
    # No copy: the page's rows are the loaded frame's own memory (a mask would copy every column).
    assert np.shares_memory(rows["reported_date"].to_numpy(), incidents["reported_date"].to_numpy())


def test_filings_spread_among_other_reports_are_selected_by_mask_in_order():
    incidents = data.load_dataset().incidents
    shuffled = incidents.sample(frac=1, random_state=7)
    rows = us_prep.us_rows(shuffled)
    pd.testing.assert_frame_equal(rows, _masked(shuffled))
    assert not np.shares_memory(rows["reported_date"].to_numpy(), shuffled["reported_date"].to_numpy())
    # One filing between two others: still not a run, still every filing once.
    sources = pd.Series(["hhs_ocr", "cissm", "hhs_ocr", None], dtype="str")
    frame = pd.DataFrame({"source": sources, "organization": ["a", "b", "c", "d"], "narrative": ["", "", "", ""]})
    assert us_prep.us_rows(frame)["organization"].tolist() == ["a", "c"]
    assert list(us_prep.us_rows(frame).columns) == ["source", "organization"]


def test_no_filing_gives_no_row_with_the_pages_columns():
    frame = pd.DataFrame({"source": pd.Series(["cissm", None], dtype="str"), "organization": ["a", "b"]})
    rows = us_prep.us_rows(frame)
    assert rows.empty and list(rows.columns) == ["source", "organization"]
