"""One incident as a reader follows it: the attack, the claim, the press, the regulator filing. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# The usual order of events on one day: the attack, then its claim, the press, the filing.
STEPS = ("attack", "claimed", "reported", "confirmed")
INCIDENT_PREFIX, VENDOR_PREFIX = "inc:", "vnd:"


@dataclass(frozen=True)
class IncidentSummary:
    reports: int
    sources: int  # distinct sources ("confirmed by N sources")
    statuses: tuple[str, ...]  # in the order confirmed, reported, claimed
    first_reported: pd.Timestamp
    last_reported: pd.Timestamp
    attack_date: pd.Timestamp | None
    largest_count: int | None  # the largest number of people a report gives (sources often differ)


def kind_of(identifier: str) -> str | None:
    """'incident', 'vendor' or None for a string that is neither id."""
    text = (identifier or "").strip()
    if text.startswith(INCIDENT_PREFIX) and len(text) > len(INCIDENT_PREFIX):
        return "incident"
    if text.startswith(VENDOR_PREFIX) and len(text) > len(VENDOR_PREFIX):
        return "vendor"
    return None


def summary(reports: pd.DataFrame) -> IncidentSummary:
    attack = reports["incident_date"].dropna()
    counts = reports["individuals_affected"].dropna()
    present = set(reports["status"])
    return IncidentSummary(
        reports=len(reports),
        sources=int(reports["source"].nunique()),
        statuses=tuple(s for s in ("confirmed", "reported", "claimed") if s in present),
        first_reported=reports["reported_date"].min(),
        last_reported=reports["reported_date"].max(),
        attack_date=attack.min() if len(attack) else None,
        largest_count=int(counts.max()) if len(counts) else None,
    )


def timeline(reports: pd.DataFrame) -> pd.DataFrame:
    """date, step (attack / claimed / reported / confirmed), source, organization (as that source names it),
    source_url, record_id: the attack dates its reports give, then each report on its reported date."""
    dated = reports.loc[reports["incident_date"].notna()]
    attacks = pd.DataFrame({
        "date": dated["incident_date"], "step": "attack", "source": dated["source"],
        "organization": dated["organization"], "source_url": dated["source_url"], "record_id": dated["record_id"],
    })
    steps = pd.DataFrame({
        "date": reports["reported_date"], "step": reports["status"], "source": reports["source"],
        "organization": reports["organization"], "source_url": reports["source_url"],
        "record_id": reports["record_id"],
    })
    both = pd.concat([attacks, steps], ignore_index=True)
    both["_order"] = both["step"].map({s: i for i, s in enumerate(STEPS)})
    both = both.sort_values(["date", "_order", "source", "record_id"], kind="stable")
    return both.drop(columns="_order").reset_index(drop=True)


def multi_source_incidents(frame: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """Incidents reported by two sources or more, most sources first then newest: entry points (named as
    their earliest report names them). Only the reports of incidents with two sources or more are sorted (a
    million reports: most incidents have one)."""
    several = _of_several_sources(frame)
    if not several.all():
        frame = frame.loc[several]
    grouped = frame.sort_values(["reported_date", "record_id"]).groupby("incident_id").agg(
        sources=("source", "nunique"), reports=("record_id", "size"),
        organization=("organization", "first"), country=("country", "first"),
        first_reported=("reported_date", "min"))
    grouped = grouped.loc[grouped["sources"] >= 2]
    return grouped.sort_values(["sources", "first_reported"], ascending=[False, False]).head(limit).reset_index()


def _of_several_sources(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose incident has two distinct sources or more (missing ids and sources not counted)."""
    incident, _ = pd.factorize(frame["incident_id"], use_na_sentinel=True)
    source, sources = pd.factorize(frame["source"], use_na_sentinel=True)
    if not len(frame):
        return np.zeros(0, dtype=bool)
    known = (incident >= 0) & (source >= 0)
    width = len(sources) + 1
    pairs = np.unique(incident[known].astype(np.int64) * width + source[known])
    per_incident = np.bincount(pairs // width, minlength=int(incident.max()) + 1)
    return (incident >= 0) & (per_incident[np.maximum(incident, 0)] >= 2)


@dataclass(frozen=True)
class AttackTypeOrigin:
    attack_type: str
    record_id: str | None  # the report that states it, or None for a curated label
    source: str | None
    reported_date: pd.Timestamp | None
    url: str | None  # the public page a curated label rests on


def attack_type_origin(reports: pd.DataFrame) -> AttackTypeOrigin | None:
    """Where the incident's attack type comes from (collectors/incident_types.py), or None when the data do
    not say (a frame built before the incident types were kept)."""
    if "incident_attack_type_from" not in reports.columns or reports["incident_attack_type_from"].isna().all():
        return None
    origin = str(reports["incident_attack_type_from"].dropna().iloc[0])
    kind = str(reports["attack_type"].iloc[0])
    stating = reports.loc[reports["record_id"] == origin]
    if len(stating):
        row = stating.iloc[0]
        return AttackTypeOrigin(kind, origin, str(row["source"]), pd.Timestamp(row["reported_date"]), None)
    return AttackTypeOrigin(kind, None, None, None, origin)
