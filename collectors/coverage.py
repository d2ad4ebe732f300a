"""Which reporting periods each source covers completely, given the exports we used.

HHS OCR: a breach report sits on the "under investigation" list while OCR works
on it, then moves to the archive when resolved or after about 24 months. An
archive taken at date A therefore holds every report submitted up to A minus 24
months; a report submitted later is only certain to be held if we also have the
under-investigation list of the same day (or an earlier one paired with a later
archive). Everything after `complete_through` may still grow.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# How long HHS reports may stay on the under-investigation list before the archive holds them.
HHS_ARCHIVE_LAG = pd.DateOffset(months=24)


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    data_as_of: pd.Timestamp  # as-of date of the newest export used
    complete_through: pd.Timestamp | None  # reports dated on or before this are all in the data
    exports: int  # how many raw exports were merged


def hhs_complete_through(inputs: list[dict]) -> pd.Timestamp | None:
    """Newest date up to which the HHS exports used hold every report.

    `inputs` are the export records of data/sources.json (list_kind, as_of).
    """
    archives = [pd.Timestamp(i["as_of"]) for i in inputs if i["list_kind"] == "archive"]
    open_lists = [pd.Timestamp(i["as_of"]) for i in inputs if i["list_kind"] == "under_investigation"]
    candidates = [a - HHS_ARCHIVE_LAG for a in archives]
    # An under-investigation list of day U plus an archive of a day >= U holds every report up to U:
    # open cases are on the list, closed ones in the archive (which only ever grows).
    candidates += [u for u in open_lists if any(a >= u for a in archives)]
    return max(candidates) if candidates else None


_RULES = {"hhs_ocr": hhs_complete_through}


def coverage_of(source: str, inputs: list[dict]) -> SourceCoverage:
    mine = [i for i in inputs if i["source"] == source]
    rule = _RULES.get(source)
    return SourceCoverage(
        source=source,
        data_as_of=max(pd.Timestamp(i["as_of"]) for i in mine),
        complete_through=rule(mine) if rule else None,
        exports=len(mine),
    )
