"""Periods (ISO weeks, months, years): counts per period, which periods are still growing, the latest complete week."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from app.prep.filtering import FilterOptions, Filters
from collectors.schema import ATTACK_TYPES, STATUSES

GRANULARITIES = ("week", "month", "year")


# Period starts: weeks run Monday to Sunday (ISO 8601), months and years start on the 1st.
_PERIOD_FREQ = {"week": "W-MON", "month": "MS", "year": "YS"}


TRAILING_WEEKS = 8


@dataclass(frozen=True)
class WeekSummary:
    week_start: pd.Timestamp
    week_end: pd.Timestamp
    breaches: int
    trailing_mean: float  # NaN when no earlier week is inside the selection
    trailing_weeks: int


def period_start(dates: pd.Series, granularity: str) -> pd.Series:
    """First day of the week (Monday), month or year each date falls in."""
    days = dates.dt.normalize()
    if granularity == "week":
        starts = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    elif granularity == "month":
        starts = days - pd.to_timedelta(days.dt.day - 1, unit="D")
    elif granularity == "year":
        starts = days - pd.to_timedelta(days.dt.day_of_year - 1, unit="D")
    else:
        raise ValueError(f"unknown granularity {granularity!r}")
    return starts.astype("datetime64[s]")


def periods_between(start: dt.date, end: dt.date, granularity: str) -> pd.DataFrame:
    """Every period that overlaps [start, end]: its first and last day."""
    first = period_start(pd.Series([pd.Timestamp(start)]), granularity).iloc[0]
    starts = pd.date_range(first, pd.Timestamp(end), freq=_PERIOD_FREQ[granularity])
    ends = starts + pd.tseries.frequencies.to_offset(_PERIOD_FREQ[granularity]) - pd.Timedelta(days=1)
    return pd.DataFrame({"period_start": starts.astype("datetime64[s]"), "period_end": ends.astype("datetime64[s]")})


def counts_by_period(frame: pd.DataFrame, granularity: str, start: dt.date, end: dt.date,
                     date_column: str = "reported_date", by: str = "attack_type") -> pd.DataFrame:
    """Breaches per period (rows, every period in [start, end], zeros included) and attack type (columns),
    or the values of another column `by` (status in the schema's order, others sorted; empty cells left out)."""
    periods = periods_between(start, end, granularity)["period_start"]
    table = (
        pd.DataFrame({"period_start": period_start(frame[date_column], granularity), by: frame[by]})
        .value_counts()
        .unstack(by, fill_value=0)
    )
    order = {"attack_type": ATTACK_TYPES, "status": STATUSES}.get(by) or sorted(table.columns)
    columns = [a for a in order if a in table.columns]
    table = table.reindex(index=pd.Index(periods, name="period_start"), columns=columns, fill_value=0)
    return table.astype("int64")


def period_status(periods: pd.DataFrame, filters: Filters, options: FilterOptions,
                  complete_through: pd.Timestamp | None) -> pd.DataFrame:
    """For each period: `incomplete` when it runs past complete_through (it may still grow),
    `cut` when the reader's date filter leaves part of it out (its bar covers fewer days).

    The data's own first and last days cut nothing: before the first report there was nothing to report.
    """
    status = periods.copy()
    if complete_through is None:
        status["incomplete"] = False
    else:
        status["incomplete"] = status["period_end"] > complete_through.normalize()
    cut_at_start = filters.start > options.first
    cut_at_end = filters.end < options.last
    status["cut"] = ((status["period_start"] < pd.Timestamp(filters.start)) & cut_at_start) | (
        (status["period_end"] > pd.Timestamp(filters.end)) & cut_at_end)
    return status


def latest_complete_week(frame: pd.DataFrame, through: pd.Timestamp, start: dt.date,
                         weeks: int = TRAILING_WEEKS) -> WeekSummary | None:
    """The last Monday-to-Sunday week that ends on or before `through` and starts on or after `start`,
    with the mean of the (up to) `weeks` weeks before it that also start on or after `start`."""
    through = through.normalize()
    week_end = through - pd.Timedelta(days=(through.day_of_week + 1) % 7)  # last Sunday on or before
    week_start = week_end - pd.Timedelta(days=6)
    if week_start < pd.Timestamp(start):
        return None
    per_week = period_start(frame["reported_date"], "week").value_counts()
    earlier = [week_start - pd.Timedelta(weeks=k) for k in range(1, weeks + 1)]
    earlier = [w for w in earlier if w >= pd.Timestamp(start)]
    trailing = [int(per_week.get(w, 0)) for w in earlier]
    return WeekSummary(
        week_start=week_start,
        week_end=week_end,
        breaches=int(per_week.get(week_start, 0)),
        trailing_mean=sum(trailing) / len(trailing) if trailing else float("nan"),
        trailing_weeks=len(trailing),
    )
