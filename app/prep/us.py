"""Aggregates of the United States (HHS) page: headline numbers, states, organisation types, largest breaches."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.prep import filtering, timeseries


@dataclass(frozen=True)
class Headline:
    breaches: int
    individuals: int  # sum of reported counts, placeholders included, missing left out
    missing_counts: int
    placeholder_counts: int


def headline(frame: pd.DataFrame) -> Headline:
    counts = frame["individuals_affected"]
    return Headline(
        breaches=len(frame),
        individuals=int(counts.sum(skipna=True)),
        missing_counts=int(counts.isna().sum()),
        placeholder_counts=int(frame["is_placeholder_count"].sum()),
    )


US_SOURCE = "hhs_ocr"


# What the US page reads of its rows: the filters' columns (filtering.selection_mask, and `attack_date` when
# dated by the attack), the headline, trend, states, organisation types and the largest breaches. The page keeps
# its rows for each version of the files (app.data.selection): at a million reports, its HHS filings with every
# column held 0.43 GB, with these 0.21 GB; as a slice of the loaded frame (us_rows), next to nothing.
US_COLUMNS = frozenset({
    "reported_date", "attack_date", "date_precision", "subdivision", "attack_type", "organization_type", "source",
    "status", "country", "region", "incident_id", "individuals_affected", "is_placeholder_count", "organization",
    "source_url",
})


def us_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The US page's rows: HHS filings, the one source with states and counts of people (other sources' reports,
    leak-site claims and press, are on the World page); the columns the page reads (US_COLUMNS), in the frame's
    order."""
    columns = [c for c in frame.columns if c in US_COLUMNS]
    is_us = frame["source"].eq(US_SOURCE).to_numpy(dtype=bool, na_value=False)
    positions = np.flatnonzero(is_us)
    if len(positions) and positions[-1] - positions[0] + 1 == len(positions):
        # The dataset is sorted by source (collectors.store.SORT_ORDER), so the filings are one run of rows: a
        # slice shares the loaded buffers where a mask would copy them (at a million reports, 0.21 GB per version).
        return frame.iloc[positions[0]:positions[-1] + 1][columns]
    return frame.loc[is_us, columns]


def trend_counts(frame: pd.DataFrame, granularity: str, start, end, date_column: str) -> pd.DataFrame:
    """Breaches per period by attack type (timeseries.counts_by_period), reports dated to the day only for weeks."""
    counted = filtering.day_precise(frame) if granularity == "week" else frame
    return timeseries.counts_by_period(counted, granularity, start, end, date_column=date_column)


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
               "is_placeholder_count", "incident_id", "source_url"]
    # The shown columns only: taking rows from every column would read (and copy) the whole frame.
    with_count = frame.loc[keep, columns]
    ranked = with_count.sort_values(["individuals_affected", "reported_date"], ascending=[False, False],
                                    kind="stable")
    return ranked.head(n).reset_index(drop=True)
