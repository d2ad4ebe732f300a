"""Aggregates of the CIPHER patient-harm page: harm records by time point, specialty and technical domain."""

from __future__ import annotations

import pandas as pd

from collectors.cipher import SPECIALTIES, TECHNICAL_DOMAINS, TIME_POINTS


def _summary(codes: pd.Series, scores: pd.Series) -> pd.DataFrame:
    grouped = pd.DataFrame({"code": codes, "score": scores}).groupby("code", sort=False)["score"]
    return pd.DataFrame({"harms": grouped.size(), "mean_score": grouped.mean()}).rename_axis("code")


def harms_by_time_point(frame: pd.DataFrame) -> pd.DataFrame:
    """Records and mean clinical impact score per time point, in time order (every time point, zeros kept)."""
    table = _summary(frame["time_point"], frame["clinical_impact_score"]).reindex(list(TIME_POINTS))
    return table.assign(harms=table["harms"].fillna(0).astype("int64"))


def _largest_first(table: pd.DataFrame, vocabulary: tuple[str, ...]) -> pd.DataFrame:
    order = {code: i for i, code in enumerate(vocabulary)}
    ranked = table.assign(rank=[order[c] for c in table.index]).sort_values(["harms", "rank"],
                                                                             ascending=[False, True])
    return ranked.drop(columns="rank").astype({"harms": "int64"})


def harms_by_specialty(frame: pd.DataFrame) -> pd.DataFrame:
    """Records and mean score per specialty, largest first; a record naming several counts in each."""
    parts = frame.assign(code=frame["specialty"].str.split("; ")).explode("code")
    return _largest_first(_summary(parts["code"], parts["clinical_impact_score"]), SPECIALTIES)


def harms_by_domain(frame: pd.DataFrame) -> pd.DataFrame:
    """Records and mean score per technical domain, largest first."""
    return _largest_first(_summary(frame["technical_domain"], frame["clinical_impact_score"]), TECHNICAL_DOMAINS)


def headline(frame: pd.DataFrame) -> dict[str, float]:
    """Records, distinct publications, records from social media, mean clinical impact score."""
    publications = frame.loc[frame["reference_kind"] == "publication", "reference_title"]
    return {
        "records": len(frame),
        "publications": publications.nunique(),
        "posts": int((frame["reference_kind"] == "social_media").sum()),
        "mean_score": float(frame["clinical_impact_score"].mean()) if len(frame) else float("nan"),
    }
