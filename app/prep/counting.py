"""How every number is counted, in numbers: completeness by year, counting facts, the corrections log.

Pure functions on the tidy frame, the coverage records and the text of data/README.md; the methodology
view draws what they return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from app.prep import lag, world
from app.prep import rows as row_access
from collectors import SourceCoverage

COMPLETE, PARTIAL, UNKNOWN = "complete", "partial", "unknown"


def completeness_by_year(frame: pd.DataFrame, coverage: Iterable[SourceCoverage]) -> pd.DataFrame:
    """Reports per source and year (by reported date; every year of the data, zeros included), with its state: `complete` when it ends on or
    before the source's complete-through date, `partial` when it ends after it (its count may still grow),
    `unknown` for a source whose completeness nobody knows (leak-site claims, press)."""
    through = {c.source: c.complete_through for c in coverage}
    years = frame["reported_date"].dt.year
    sources = sorted(frame["source"].unique())
    grid = pd.MultiIndex.from_product([sources, range(int(years.min()), int(years.max()) + 1)] if len(frame)
                                      else [[], []], names=["source", "year"])
    counts = (frame.assign(year=years).groupby(["source", "year"]).size()
              .reindex(grid, fill_value=0).rename("reports").reset_index())
    year_end = pd.to_datetime(counts["year"].astype(str) + "-12-31")
    limit = counts["source"].map(through)
    state = pd.Series(UNKNOWN, index=counts.index, dtype="str")
    known = limit.notna()
    state.loc[known] = [COMPLETE if end <= lim else PARTIAL for end, lim in zip(year_end[known], limit[known])]
    return counts.assign(state=state).sort_values(["source", "year"], ignore_index=True)


def completeness_table(by_year: pd.DataFrame) -> pd.DataFrame:
    """Years down, sources across: reports per cell (0 when none), and the state of each cell alongside."""
    reports = by_year.pivot(index="year", columns="source", values="reports").astype("int64")
    states = by_year.pivot(index="year", columns="source", values="state")
    return reports.join(states.add_suffix("_state")).sort_index()


@dataclass(frozen=True)
class CountingFacts:
    reports: int  # rows counted (withdrawn rows already left out)
    incidents: int  # distinct incident_id
    linked_incidents: int  # incidents with reports from two sources or more (app.prep.world.linking)
    reports_in_linked: int
    with_incident_date: int  # reports whose own source dates the attack
    with_attack_date: int  # ... or whose linked reports do
    placeholder_counts: int
    missing_counts: int
    withdrawn: int  # reports the source no longer lists: kept in the file, never counted
    vendor_events: int
    reports_in_vendor_events: int


def counting_facts(frame: pd.DataFrame, withdrawn: int, vendor_members: pd.DataFrame) -> CountingFacts:
    # "Confirmed by two sources or more" means the same on every page: app.prep.world.linking decides it.
    linking = world.linking(frame)
    in_vendor = vendor_members.loc[row_access.is_in(vendor_members["record_id"], frame["record_id"])]
    return CountingFacts(
        reports=len(frame),
        incidents=linking.incidents,
        linked_incidents=linking.linked_incidents,
        reports_in_linked=linking.linked_reports,
        with_incident_date=int(frame["incident_date"].notna().sum()),
        with_attack_date=int(lag.attack_dates(frame).notna().sum()),
        placeholder_counts=int(frame["is_placeholder_count"].sum()),
        missing_counts=int(frame["individuals_affected"].isna().sum()),
        withdrawn=withdrawn,
        vendor_events=int(in_vendor["vendor_event_id"].nunique()),
        reports_in_vendor_events=len(in_vendor),
    )


_HEADING = re.compile(r"^##\s+Corrections log\s*$", re.MULTILINE)


def corrections_log(readme: str) -> pd.DataFrame:
    """The "Corrections log" table of data/README.md as a frame (date, what changed, rows affected).

    The README stays the one place the log is written (dated, newest first, by whoever changes how rows are
    made); this reads its first Markdown table after the heading. An absent or empty log gives no rows.
    """
    columns = ["date", "what_changed", "rows_affected"]
    found = _HEADING.search(readme)
    if not found:
        return pd.DataFrame(columns=columns)
    rows = []
    started = False
    for line in readme[found.end():].splitlines():
        text = line.strip()
        if text.startswith("#"):
            break
        if not text.startswith("|"):
            if started:
                break
            continue
        started = True
        cells = [c.strip() for c in text.strip("|").split("|")]
        if set("".join(cells)) <= set("-: ") or cells[0].lower() == "date":
            continue
        cells = (cells + ["", "", ""])[:3]
        rows.append(cells)
    return pd.DataFrame(rows, columns=columns)
