"""The unusual-week flag (EARS C2) on hand-made weekly series with a known spike and with none."""

import numpy as np
import pandas as pd

from brief import unusual


def test_a_spike_is_flagged_and_ordinary_weeks_are_not():
    counts = [10, 12, 9, 11, 10, 13, 9, 11, 10, 12, 30, 11, 10]
    result = unusual.c2(pd.Series(counts, index=pd.date_range("2021-01-04", periods=len(counts), freq="W-MON")))
    assert result["is_unusual"].tolist()[10] is True or result["is_unusual"].iloc[10]
    assert result["is_unusual"].sum() == 1
    assert np.isnan(result["upper"].iloc[0])  # no baseline yet: no flag either way


def test_a_flat_series_of_zeros_is_not_flagged_by_one_report():
    flag = unusual.flag_week([0] * 8, 1)
    assert flag is not None and not flag.is_unusual and flag.upper >= 1.5
    assert unusual.flag_week([0] * 7, 5) is None  # a short baseline gives no flag


def test_false_alarm_rate_on_a_steady_poisson_history_is_low():
    rng = np.random.default_rng(7)
    history = pd.Series(rng.poisson(12, 520))
    rate, weeks = unusual.false_alarm_rate(history)
    assert weeks == 520 - unusual.BASELINE_WEEKS - unusual.GUARD_WEEKS
    assert rate < 0.03
