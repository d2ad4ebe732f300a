"""Is this week unusual? The EARS C2 rule of public-health surveillance, on weekly counts.

EARS (the CDC's Early Aberration Reporting System) compares a count with the mean and standard deviation of
a short baseline that ends a little before it, so that the start of an outbreak does not raise its own
baseline. C2, on weekly counts here: the baseline is the BASELINE_WEEKS weeks that end GUARD_WEEKS weeks
before the week; the week is flagged when its count exceeds mean + THRESHOLD x sd. A small floor on sd
(the Poisson sd, sqrt(mean), and at least MIN_SD) keeps a flat baseline of zeros from flagging a single
report.

The rule is only applied where it means something: every week of the baseline and the week itself must be
covered completely, by the same sources, past their posting lag (brief/compute.py picks those sources);
otherwise there is no flag, and the brief says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

BASELINE_WEEKS = 8
GUARD_WEEKS = 1  # weeks between the baseline and the week (EARS C2: a lag of two periods, so one gap week)
THRESHOLD = 3.0
MIN_SD = 0.5


@dataclass(frozen=True)
class Flag:
    count: int
    expected: float  # the baseline's mean
    upper: float  # above this the week is unusual
    is_unusual: bool


def sd_floor(mean: float, sd: float) -> float:
    return max(sd, math.sqrt(max(mean, 0.0)), MIN_SD)


def c2(counts: pd.Series) -> pd.DataFrame:
    """For each week of a weekly series (index: week starts, consecutive): the baseline mean, the upper limit
    and the flag; NaN / False where fewer than BASELINE_WEEKS earlier weeks exist."""
    values = counts.to_numpy(dtype="float64")
    n = len(values)
    expected = np.full(n, np.nan)
    upper = np.full(n, np.nan)
    for i in range(BASELINE_WEEKS + GUARD_WEEKS, n):
        base = values[i - GUARD_WEEKS - BASELINE_WEEKS:i - GUARD_WEEKS]
        mean, sd = float(base.mean()), float(base.std(ddof=1))
        expected[i] = mean
        upper[i] = mean + THRESHOLD * sd_floor(mean, sd)
    flag = np.where(np.isnan(upper), False, values > upper)
    return pd.DataFrame({"count": values, "expected": expected, "upper": upper, "is_unusual": flag},
                        index=counts.index)


def flag_week(baseline: list[int], count: int) -> Flag | None:
    """The C2 flag of one week from its BASELINE_WEEKS baseline counts (None when the baseline is short)."""
    if len(baseline) < BASELINE_WEEKS:
        return None
    base = np.asarray(baseline[-BASELINE_WEEKS:], dtype="float64")
    mean, sd = float(base.mean()), float(base.std(ddof=1))
    upper = mean + THRESHOLD * sd_floor(mean, sd)
    return Flag(count=int(count), expected=mean, upper=upper, is_unusual=count > upper)


def false_alarm_rate(counts: pd.Series) -> tuple[float, int]:
    """Share of the weeks of a history that C2 flags, and how many weeks were tested. On a history with no
    known outbreak every flag is a false alarm, so this is an upper bound of the false-alarm rate."""
    result = c2(counts).dropna(subset=["upper"])
    return (float(result["is_unusual"].mean()) if len(result) else math.nan), len(result)

