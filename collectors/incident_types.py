"""The attack type of an incident: the most specific one that any of its reports states.

HHS's open cases say only "Hacking/IT Incident" (the word ransomware is in OCR's closing summaries, which open
cases lack), while the press report of the same attack says ransomware: Change Healthcare's 192.7 M-people filing
is one such. So every report of an incident takes the incident's type for counting (`incident_attack_type`),
with `incident_attack_type_from` naming where it comes from: the record_id of the report that states it, or
the address of the public page a curated label rests on. `attack_type` stays the report's own.

Curated labels (data/curated/attack_types.csv) are for attacks whose type is public but stated in no report we
hold (Ascension, May 2024: ransomware, said in every account of it, but not in the one press item the index
has). Each names the report it qualifies by record_id, the type, and the page read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from collectors import schema
from collectors.errors import SourceFormatError

CURATED = Path(__file__).resolve().parent.parent / "data" / "curated" / "attack_types.csv"
CURATED_COLUMNS = ("record_id", "attack_type", "source_url", "checked_on", "note")

# Most specific first: what was done (ransomware, an intrusion) before what was lost (a stolen laptop, a
# misdirected letter), before the vague. A DDoS comes after hacking: a filing says data was reached, which
# a flood of traffic alone does not do, so a press item's "DDoS" does not relabel a breach.
SPECIFICITY = ("ransomware", "hacking", "ddos", "theft", "loss", "improper_disposal", "unauthorized_disclosure",
               "other", "unknown")
assert set(SPECIFICITY) == set(schema.ATTACK_TYPES)


def read_curated(path: Path = CURATED) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=list(CURATED_COLUMNS))
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(table.columns) != CURATED_COLUMNS:
        raise SourceFormatError("curated attack types", f"{path.name}: columns must be {CURATED_COLUMNS}, "
                                                        f"found {tuple(table.columns)}")
    bad = sorted(set(table["attack_type"]) - set(schema.ATTACK_TYPES))
    if bad:
        raise SourceFormatError("curated attack types", f"{path.name}: unknown attack types {bad}")
    if not table["source_url"].str.match(r"https?://").all():
        raise SourceFormatError("curated attack types", f"{path.name}: every label needs the URL of the page read")
    return table


def label_incidents(frame: pd.DataFrame, curated: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frame with incident_attack_type and incident_attack_type_from set on every row."""
    curated = read_curated() if curated is None else curated
    rank = {kind: i for i, kind in enumerate(SPECIFICITY)}
    statements = pd.DataFrame({
        "incident_id": frame["incident_id"].to_numpy(),
        "attack_type": frame["attack_type"].to_numpy(),
        "origin": frame["record_id"].to_numpy(),
        "reported_date": frame["reported_date"].to_numpy(),
    })
    if len(curated):
        incident_of = dict(zip(frame["record_id"], frame["incident_id"]))
        known = curated[curated["record_id"].isin(incident_of)]
        date_of = dict(zip(frame["record_id"], frame["reported_date"]))
        statements = pd.concat([statements, pd.DataFrame({
            "incident_id": known["record_id"].map(incident_of).to_numpy(),
            "attack_type": known["attack_type"].to_numpy(),
            "origin": known["source_url"].to_numpy(),
            "reported_date": known["record_id"].map(date_of).to_numpy(),
        })], ignore_index=True)
    statements["_rank"] = statements["attack_type"].map(rank)
    # The most specific statement; among equals, the earliest report (then the record_id, for stable output).
    best = (statements.sort_values(["incident_id", "_rank", "reported_date", "origin"], kind="stable")
            .drop_duplicates("incident_id").set_index("incident_id"))
    derived = ("incident_attack_type", "incident_attack_type_from")
    return frame.assign(**{column: frame["incident_id"].map(best[name]).astype(schema.DTYPES[column])
                           for column, name in zip(derived, ("attack_type", "origin"))})


def for_counting(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame the dashboard and the brief count: `attack_type` is the incident's (so filtering ransomware
    keeps the filing of a ransomware attack), the report's own kept as `report_attack_type`."""
    if "incident_attack_type" not in frame.columns or frame["incident_attack_type"].isna().all():
        return frame
    return frame.assign(report_attack_type=frame["attack_type"],
                        attack_type=frame["incident_attack_type"].fillna(frame["attack_type"]))
