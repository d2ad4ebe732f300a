"""Source health: for each source, its last live success and error, rows, data as-of date and staleness.

Staleness compares the age of a source's newest export (days since its as-of date) with how
often the source is expected to refresh. A live source refreshes when `python -m collectors
update` runs; data merged from old snapshots is stale and is reported as such, whatever the
reason. A source module may declare its own `REFRESH_DAYS`; otherwise the table below applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from collectors.coverage import SourceCoverage

# Days between two expected refreshes of a source's data (a module's REFRESH_DAYS wins).
EXPECTED_REFRESH_DAYS = {
    "hhs_ocr": 7,  # the portal changes every working day; a weekly update keeps the recent weeks honest
    "ransomware_live": 2,  # leak-site claims, a daily feed
    "news_feeds": 2,  # press feeds, daily
    "eurepoc": 120,  # a research database released in versions, a few times a year
}
DEFAULT_REFRESH_DAYS = 7


@dataclass(frozen=True)
class SourceHealth:
    source: str
    rows: int | None  # rows of this source in the dataset (None: not counted)
    data_as_of: pd.Timestamp | None  # as-of date of its newest export; None: no data at all
    age_days: int | None  # days from data_as_of to today
    refresh_days: int  # expected refresh interval
    last_success: str | None = None  # ISO time of the last live update that worked
    last_error_at: str | None = None
    last_error: str | None = None

    @property
    def is_stale(self) -> bool:
        return self.age_days is None or self.age_days > self.refresh_days

    @property
    def is_failing(self) -> bool:
        """The most recent live update of this source failed."""
        return self.last_error_at is not None and (self.last_success is None or self.last_error_at > self.last_success)

    @property
    def state(self) -> str:
        if self.data_as_of is None:
            return "no data"
        problems = [p for p, bad in (("stale", self.is_stale), ("last update failed", self.is_failing)) if bad]
        return ", ".join(problems) or "ok"


def refresh_days(source: str) -> int:
    from collectors import registry

    module = registry.SOURCES.get(source)
    return int(getattr(module, "REFRESH_DAYS", EXPECTED_REFRESH_DAYS.get(source, DEFAULT_REFRESH_DAYS)))


def today_utc() -> pd.Timestamp:
    return pd.Timestamp(datetime.now(UTC).date())


def assess(coverage: Iterable[SourceCoverage], *, rows: dict[str, int] | None = None,
           runs: dict[str, dict] | None = None, sources: Iterable[str] = (),
           today: pd.Timestamp | None = None) -> list[SourceHealth]:
    """Health of every source in `coverage`, plus `sources` that have no data yet (pure)."""
    today = pd.Timestamp(today if today is not None else today_utc()).normalize()
    runs = runs or {}
    by_source = {c.source: c for c in coverage}
    out = []
    for source in list(by_source) + [s for s in sources if s not in by_source]:
        cov = by_source.get(source)
        as_of = cov.data_as_of if cov is not None else None
        run = runs.get(source, {})
        error = run.get("last_error") or {}
        out.append(SourceHealth(
            source=source,
            rows=None if rows is None else rows.get(source, 0),
            data_as_of=as_of,
            age_days=None if as_of is None else int((today - pd.Timestamp(as_of).normalize()).days),
            refresh_days=refresh_days(source),
            last_success=run.get("last_success"),
            last_error_at=error.get("at"),
            last_error=error.get("message"),
        ))
    return out


def stale_sources(coverage: Iterable[SourceCoverage], today: pd.Timestamp | None = None) -> list[SourceHealth]:
    """Sources in the dataset whose newest data is older than their expected refresh interval."""
    return [h for h in assess(coverage, today=today) if h.is_stale]


def source_health(store, today: pd.Timestamp | None = None) -> list[SourceHealth]:
    """Health of every source in the dataset and in the registry, read from a collectors.store.Store."""
    from collectors import registry

    incidents = store.read_incidents()
    sources = store.read_sources()
    return assess(store.coverage(), rows=incidents["source"].value_counts().to_dict(),
                  runs=sources.get("runs", {}), sources=registry.SOURCES, today=today)


def describe(health: SourceHealth) -> list[str]:
    """Lines for `python -m collectors status` (aligned with its other lines)."""
    if health.data_as_of is None:
        lines = ["  health             no data  (never merged)"]
    else:
        verdict = "STALE" if health.is_stale else "fresh"
        lines = [f"  health             {health.state}  ({verdict}: data {health.age_days:,} days old, "
                 f"expected every {health.refresh_days} days)"]
    if health.is_failing:
        lines.append(f"  failing since      {health.last_error_at}: {health.last_error}")
    return lines
