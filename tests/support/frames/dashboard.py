"""A small hand-made incident frame for the dashboard's tests, with its hand-computed facts.

Ten HHS-like reports around the turn of 2024 (2024-01-01 is a Monday), chosen to sit on
week, month and year boundaries. Coverage: data as of Sunday 2024-03-10, complete through
Thursday 2024-02-15.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from collectors import SourceCoverage
from collectors.schema import COLUMN_NAMES
from tests.support.frames import blank_row, frame_of, write_store

AS_OF = pd.Timestamp("2024-03-10")
COMPLETE_THROUGH = pd.Timestamp("2024-02-15")
COVERAGE = [SourceCoverage("hhs_ocr", AS_OF, COMPLETE_THROUGH, exports=2)]

# record, reported, subdivision, attack_type, organization_type, individuals, placeholder
ROWS = [
    ("r01", "2023-12-31", "US-CA", "hacking", "healthcare_provider", 1_000, False),  # a Sunday
    ("r02", "2024-01-01", "US-CA", "ransomware", "healthcare_provider", 250_000, False),  # a Monday
    ("r03", "2024-01-07", "US-TX", "ransomware", "health_plan", 500, True),  # Sunday, same week as r02
    ("r04", "2024-01-08", "US-TX", "theft", "healthcare_provider", None, False),  # no count
    ("r05", "2024-01-15", "US-NY", "hacking", "business_associate", 3_000, False),
    ("r06", "2024-01-21", "US-CA", "unauthorized_disclosure", "healthcare_provider", 501, True),
    ("r07", "2024-02-01", "US-CA", "hacking", "business_associate", 12_000, False),
    ("r08", "2024-02-29", "US-PR", "loss", "healthcare_provider", 700, False),  # a territory
    ("r09", "2024-03-04", None, "hacking", "health_plan", 2_000_000, False),  # no state
    ("r10", "2024-03-05", "US-NY", "ransomware", "healthcare_provider", 45_000, False),
]
TOTAL_INDIVIDUALS = 2_312_701  # every count but r04's, placeholders included


def _row(record, reported, subdivision, attack, org_type, individuals, placeholder) -> dict:
    row = blank_row(
        record_id=f"hhs_ocr:{int(record[1:]):012x}", incident_id=f"inc:{int(record[1:]):012x}", source="hhs_ocr", organization=f"Organisation {record}",
        organization_type=org_type, organization_type_raw=org_type, country="US", subdivision=subdivision,
        region="Americas", subregion="Northern America", attack_type=attack, attack_type_raw=attack,
        reported_date=pd.Timestamp(reported), individuals_affected=individuals, is_placeholder_count=placeholder,
        business_associate_involved=False, status="confirmed", source_list="archive",
        source_url="https://example.org/breach", source_snapshot="0123456789ab",
        first_seen_at=AS_OF, collected_at=AS_OF,
    )
    if "is_removed_by_source" in COLUMN_NAMES:
        row["is_removed_by_source"] = False
    return row


def incidents() -> pd.DataFrame:
    return frame_of(_row(*r) for r in ROWS)


def write_data_dir(folder: Path) -> Path:
    """Write the frame as the collectors' store would (data/incidents.csv, data/sources.json)."""
    # An under-investigation list of 2024-02-15 plus a later archive: complete through 2024-02-15.
    exports = [
        {"source": "hhs_ocr", "snapshot_id": "0123456789ab", "list_kind": "under_investigation",
         "as_of": COMPLETE_THROUGH.date().isoformat(), "rows": 4},
        {"source": "hhs_ocr", "snapshot_id": "ba9876543210", "list_kind": "archive",
         "as_of": AS_OF.date().isoformat(), "rows": 10},
    ]
    write_store(folder, incidents(), exports)
    json.loads((folder / "sources.json").read_text())  # written and readable
    return folder
