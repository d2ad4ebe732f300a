"""Pure aggregates of the France page: attacks by year, région and type of establishment, the official yearly
figures beside them, and the numbers of the "what the sources say" panel. No streamlit, no file reading.

An attack here is an incident (`incident_id`): the curated list's row and the press or research reports
that collectors/link.py joined to it count once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from app.prep import coverage as coverage_layer
from app.prep import filtering, timeseries
from app.prep import world as world_prep

CURATED = "curated_fr"
# Grid positions (column, row) of the régions on the tile map, roughly where they lie; overseas on a row
# of their own. A tile map needs no boundary file: every région is a square of the same size.
TILES = {
    "FR-HDF": (2, 0), "FR-BRE": (0, 1), "FR-NOR": (1, 1), "FR-IDF": (2, 1), "FR-GES": (3, 1),
    "FR-PDL": (1, 2), "FR-CVL": (2, 2), "FR-BFC": (3, 2), "FR-NAQ": (1, 3), "FR-ARA": (3, 3),
    "FR-OCC": (2, 4), "FR-PAC": (3, 4), "FR-20R": (4, 5),
    "FR-971": (0, 6), "FR-972": (1, 6), "FR-973": (2, 6), "FR-974": (3, 6), "FR-976": (4, 6),
}
ESTABLISHMENT_ORDER = ("chu_ch", "clinique", "ehpad_medico_social", "laboratoire", "imagerie",
                       "cabinet_centre_sante", "prestataire", "assurance", "agence_publique", "autre")


def french_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.loc[(frame["country"] == "FR").fillna(False).astype(bool)]


def attack_list(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per attack, its curated-list report first (its name and place are checked by hand), newest first."""
    incidents = (frame.assign(_other=frame["source"] != CURATED)
                 .sort_values(["_other", "reported_date"], kind="stable").drop_duplicates("incident_id"))
    return incidents.drop(columns="_other").sort_values("reported_date", ascending=False)


def headline(frame: pd.DataFrame) -> tuple[int, int, int, int]:
    """Attacks in the curated list, other reports' attacks not matched to it, ransomware attacks, attacks that
    disrupted care (each attack counted once)."""
    curated_ids = set(frame.loc[frame["source"] == CURATED, "incident_id"])
    attacks = frame["incident_id"].nunique(dropna=False)
    return (len(curated_ids), attacks - len(curated_ids),
            int(frame.loc[frame["attack_type"] == "ransomware", "incident_id"].nunique()),
            int(frame.loc[frame["is_care_disrupted"].fillna(False).astype(bool), "incident_id"].nunique()))


def yearly(frame: pd.DataFrame, table: pd.DataFrame | None, first: int, last: int,
           sources: tuple[str, ...] = ()) -> pd.DataFrame:
    """Per year: attacks (incidents) and reports in the selection, of which in the curated list, and the
    year's coverage for France (no data / partial / complete, and which sources)."""
    # Attacks are placed in the year they happened (the article about one may come a year later).
    dated = frame.assign(attack_date=frame["incident_date"].fillna(frame["reported_date"]))
    rows = world_prep.incident_rows(dated, "attack_date") if len(dated) else dated
    years = pd.Series(rows["attack_date"].dt.year if len(rows) else [], dtype="int64")
    attacks = years.value_counts()
    curated_ids = set(frame.loc[frame["source"] == CURATED, "incident_id"])
    in_list = (years[rows["incident_id"].isin(curated_ids).to_numpy()].value_counts() if len(rows)
               else pd.Series(dtype="int64"))
    periods = pd.DataFrame({"period_start": pd.to_datetime([f"{y}-01-01" for y in range(first, last + 1)]),
                            "period_end": pd.to_datetime([f"{y}-12-31" for y in range(first, last + 1)])})
    if table is not None and not table.empty:
        cov = coverage_layer.period_coverage(table, periods, sources=sources, countries=["FR"])
    else:
        cov = periods.assign(coverage="partial", covering=[()] * len(periods), partly=[()] * len(periods),
                             silent=[()] * len(periods), filling=False)
    out = cov.assign(year=range(first, last + 1))
    out["attacks"] = [int(attacks.get(y, 0)) for y in out["year"]]
    out["in_curated_list"] = [int(in_list.get(y, 0)) for y in out["year"]]
    # Reports of other sources that linking did not match to a curated attack: some are attacks the list
    # misses, some repeat its attacks under another name (CISSM's "Dax Hospital").
    out["others"] = out["attacks"] - out["in_curated_list"]
    # Rows exist, so someone looked: never "no data" where the data hold attacks.
    out.loc[(out["coverage"] == "none") & (out["attacks"] > 0), "coverage"] = "partial"
    return out.reset_index(drop=True)


def trend_counts(frame: pd.DataFrame, granularity: str, start, end, date_column: str) -> pd.DataFrame:
    """Attacks (one row per incident) per period by attack type; dated to the day only for weeks."""
    counted = filtering.day_precise(frame) if granularity == "week" else frame
    return timeseries.counts_by_period(counted.drop_duplicates("incident_id"), granularity, start, end,
                                       date_column=date_column)


def by_region(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Attacks per région (every région, zeros included) and how many attacks have no région."""
    rows = frame.drop_duplicates("incident_id")
    codes = rows["subdivision"].where(rows["subdivision"].isin(list(TILES)))
    counts = codes.value_counts()
    table = pd.DataFrame({"subdivision": list(TILES), "attacks": [int(counts.get(c, 0)) for c in TILES]})
    return table, int(codes.isna().sum())


def by_establishment(frame: pd.DataFrame) -> pd.Series:
    """Attacks of the curated list per type of establishment (its own vocabulary), in a fixed order."""
    rows = frame.loc[frame["source"] == CURATED].drop_duplicates("incident_id")
    counts = rows["organization_type_raw"].value_counts()
    return pd.Series({k: int(counts.get(k, 0)) for k in ESTABLISHMENT_ORDER}, dtype="int64")


@dataclass(frozen=True)
class Figure:
    value: float
    url: str
    publisher: str
    note: str


def official(stats: pd.DataFrame, measure: str, period: str, publisher_contains: str = "") -> Figure | None:
    """One official figure of data/official_statistics.csv for France (the first, non-preliminary row)."""
    rows = stats[(stats["area"] == "FR") & (stats["measure"] == measure) & (stats["period"] == period)]
    if publisher_contains:
        rows = rows[rows["publisher"].str.contains(publisher_contains, regex=False)]
    if rows.empty:
        return None
    final = rows[~rows["note"].str.startswith("preliminary")]
    row = (final if len(final) else rows).iloc[0]
    return Figure(float(row["value"]), row["url"], row["publisher"], row["note"])


def declared_by_year(stats: pd.DataFrame, years: range) -> pd.DataFrame:
    """The ANS / CERT Santé yearly figures: incidents declared, share of malicious origin, ransomware cases."""
    out = []
    for year in years:
        declared = official(stats, "incidents_declared", str(year))
        malicious = official(stats, "share_malicious", str(year))
        ransomware = official(stats, "ransomware_incidents", str(year), "Agence du Numérique")
        out.append({"year": year,
                    "declared": declared.value if declared else None, "declared_url": declared.url if declared else "",
                    "share_malicious": malicious.value if malicious else None,
                    "ransomware": ransomware.value if ransomware else None,
                    "ransomware_url": ransomware.url if ransomware else ""})
    return pd.DataFrame(out)
