"""When did the attack happen, and how long until it was reported? Pure functions on the tidy frame.

- The **date of the attack** of a report is its own `incident_date` when its source gives one, else the
  earliest `incident_date` of another report of the same incident (a leak-site claim dated the attack that a
  regulator filing, linked to it, does not date). Reports of incidents nobody dates have none.
- The **reporting lag** of a report is its `reported_date` minus the date of the attack. A source whose
  reported date *is* the date of the attack (EuRepoC codes only the start of an incident) says nothing about
  lags, so its rows are left out of lag figures (found from the data: every dated row has a lag of 0).
- The **lag to filing** of a regulator filing linked to earlier claims or press reports is the time from the
  first public report of the attack to the filing: the only lag the HHS portal, which never dates attacks,
  lets us measure.
"""

from __future__ import annotations

import pandas as pd

LAG_COLUMNS = ["group", "reports", "median_days", "q1_days", "q3_days"]


def attack_dates(frame: pd.DataFrame) -> pd.Series:
    """Date of the attack of each report (NaT when neither it nor a linked report dates the attack)."""
    own = frame["incident_date"]
    if own.notna().all() or own.isna().all():
        return own.copy()
    earliest = own.groupby(frame["incident_id"]).transform("min")
    return own.fillna(earliest).astype("datetime64[s]")


def undated_sources(frame: pd.DataFrame) -> set[str]:
    """Sources whose every dated report was 'reported' on the day of the attack: no lag information."""
    dated = frame.loc[frame["incident_date"].notna(), ["source", "reported_date", "incident_date"]]
    same_day = (dated["reported_date"] == dated["incident_date"]).groupby(dated["source"]).all()
    return set(same_day.index[same_day])


def reporting_lags(frame: pd.DataFrame) -> pd.DataFrame:
    """Reports whose attack is dated, from sources that date reports and attacks apart:
    source, year (of the report), lag_days (may be negative: a report dated before the attack it names)."""
    attack = attack_dates(frame)
    keep = attack.notna() & ~frame["source"].isin(undated_sources(frame))
    if "reported_date_basis" in frame.columns:  # a report dated by its attack says nothing of the lag
        keep &= frame["reported_date_basis"].ne("event_only").fillna(True).astype(bool)
    lag = (frame.loc[keep, "reported_date"] - attack.loc[keep]).dt.days
    return pd.DataFrame({
        "record_id": frame.loc[keep, "record_id"],
        "source": frame.loc[keep, "source"],
        "year": frame.loc[keep, "reported_date"].dt.year,
        "lag_days": lag.astype("int64"),
    }).reset_index(drop=True)


def filing_lags(frame: pd.DataFrame) -> pd.DataFrame:
    """Regulator filings (status confirmed) linked to an earlier claim or press report: days from the first
    public report of the attack to the filing, by year of filing."""
    # Only the columns it reads: a million reports' every column, copied for the filings, held half a gigabyte.
    confirmed = frame["status"].eq("confirmed").to_numpy(dtype=bool, na_value=False)
    frame = frame[["record_id", "source", "incident_id", "reported_date"]]
    public = frame.loc[~confirmed, ["incident_id", "reported_date"]]
    if public.empty:  # an HHS-only selection: no public report to measure a filing's lag from
        return pd.DataFrame({"record_id": pd.Series(dtype="str"), "source": pd.Series(dtype="str"),
                             "year": pd.Series(dtype="int32"), "lag_days": pd.Series(dtype="int64")})
    first_public = public.groupby("incident_id")["reported_date"].min()
    filings = frame.loc[confirmed & frame["incident_id"].isin(first_public.index).to_numpy(dtype=bool)]
    lag = (filings["reported_date"] - filings["incident_id"].map(first_public)).dt.days
    return pd.DataFrame({
        "record_id": filings["record_id"],
        "source": filings["source"],
        "year": filings["reported_date"].dt.year,
        "lag_days": lag.astype("int64"),
    }).reset_index(drop=True)


def summarise(lags: pd.DataFrame, by: str) -> pd.DataFrame:
    """Median and quartiles of lag_days per value of `by` ('year' or 'source'), in that order."""
    if lags.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c.endswith("days") else "object")
                             for c in LAG_COLUMNS})
    grouped = lags.groupby(by, sort=True)["lag_days"]
    table = pd.DataFrame({
        "reports": grouped.size(),
        "median_days": grouped.median(),
        "q1_days": grouped.quantile(0.25),
        "q3_days": grouped.quantile(0.75),
    })
    return table.rename_axis("group").reset_index()
