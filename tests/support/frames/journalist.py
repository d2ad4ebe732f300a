"""A small hand-made worldwide frame for the journalists' views, with its hand-counted facts.

Twelve reports: one French hospital attack reported three ways (a leak-site claim, a press article and a
later press follow-up by another source), a US attack claimed then filed with HHS, three HHS filings about
one vendor's breach, a vendor's own filing, a hostile organisation name, and reports from Germany and the US.
Data as of 2024-06-30; HHS complete through 2023-12-31; the other sources' completeness is unknown.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from collectors import SourceCoverage
from collectors.schema import COLUMN_NAMES
from tests.support.frames import REGIONS, blank_row, frame_of, write_store

AS_OF = pd.Timestamp("2024-06-30")
HHS_THROUGH = pd.Timestamp("2023-12-31")
COVERAGE = [SourceCoverage("hhs_ocr", AS_OF, HHS_THROUGH, 2),
            SourceCoverage("ransomware_live", AS_OF, None, 1),
            SourceCoverage("eurepoc", pd.Timestamp("2024-03-01"), None, 1)]
HOSTILE = '=HYPERLINK("http://evil.example/","click")'
FR_INCIDENT = "inc:00000000f001"
US_INCIDENT = "inc:00000000u001"

# record, incident, source, list, status, organization, country, subdivision, attack, org type, reported,
# attack date, individuals, vendor, business associate involved
ROWS = [
    ("ransomware_live:fr01", FR_INCIDENT, "ransomware_live", "victims", "claimed", "Hôpital Saint-Jean", "FR",
     None, "ransomware", "healthcare_provider", "2024-03-02", "2024-02-25", None, None, None),
    ("ransomware_live:fr02", FR_INCIDENT, "ransomware_live", "press", "reported", "Hopital Saint Jean (Perpignan)",
     "FR", None, "ransomware", "healthcare_provider", "2024-03-04", None, None, None, None),
    ("eurepoc:fr03", FR_INCIDENT, "eurepoc", "incidents", "reported", "HÔPITAL SAINT-JEAN", "FR", None,
     "ransomware", "healthcare_provider", "2024-02-25", "2024-02-25", None, None, None),
    ("ransomware_live:fr04", "inc:00000000f004", "ransomware_live", "press", "reported", "CHU de Rennes", "FR",
     None, "hacking", "healthcare_provider", "2023-06-21", None, None, None, None),
    ("ransomware_live:us01", US_INCIDENT, "ransomware_live", "victims", "claimed", "Lakeside Clinic", "US", None,
     "ransomware", "healthcare_provider", "2023-10-01", "2023-09-28", None, None, None),
    ("hhs_ocr:us02", US_INCIDENT, "hhs_ocr", "archive", "confirmed", "Lakeside Clinic, LLC", "US", "US-TX",
     "ransomware", "healthcare_provider", "2023-11-30", None, 12_000, None, False),
    ("hhs_ocr:v001", "inc:00000000v001", "hhs_ocr", "archive", "confirmed", "North Lab", "US", "US-NY", "hacking",
     "healthcare_provider", "2019-07-11", None, 5_000, "Acme Billing, Inc.", True),
    ("hhs_ocr:v002", "inc:00000000v002", "hhs_ocr", "archive", "confirmed", "South Lab", "US", "US-CA", "hacking",
     "healthcare_provider", "2019-08-20", None, 501, "Acme Billing Corp (ABC)", True),
    ("hhs_ocr:v003", "inc:00000000v003", "hhs_ocr", "archive", "confirmed", "East Lab", "US", "US-NY", "hacking",
     "healthcare_provider", "2019-09-30", None, 7_000, "ABC", True),
    ("hhs_ocr:v004", "inc:00000000v004", "hhs_ocr", "archive", "confirmed", "Acme Billing", "US", "US-NJ", "hacking",
     "business_associate", "2019-10-10", None, None, None, True),
    ("hhs_ocr:h001", "inc:00000000h001", "hhs_ocr", "under_investigation", "confirmed", HOSTILE, "US", "US-FL",
     "theft", "health_plan", "2024-05-01", None, 500, None, False),
    ("eurepoc:de01", "inc:00000000de01", "eurepoc", "incidents", "reported", "Klinikum Musterstadt", "DE", None,
     "ddos", "healthcare_provider", "2023-01-15", "2023-01-15", None, None, None),
]


def _row(record, incident, source, list_kind, status, organization, country, subdivision, attack, org_type,
         reported, attack_date, individuals, vendor, ba) -> dict:
    row = blank_row(
        record_id=record, incident_id=incident, source=source, organization=organization,
        organization_type=org_type, country=country, subdivision=subdivision, region=REGIONS[country][0],
        subregion=REGIONS[country][1], attack_type=attack, reported_date=pd.Timestamp(reported),
        incident_date=pd.Timestamp(attack_date) if attack_date else pd.NaT, individuals_affected=individuals,
        is_placeholder_count=individuals in (500, 501), business_associate_involved=ba, is_removed_by_source=False,
        status=status, source_list=list_kind, source_url=f"https://example.org/{record.replace(':', '/')}",
        source_snapshot="0123456789ab", first_seen_at=AS_OF, collected_at=AS_OF,
    )
    if "vendor" in COLUMN_NAMES:
        row["vendor"] = vendor
    return row


def incidents() -> pd.DataFrame:
    return frame_of(_row(*r) for r in ROWS)


def write_data_dir(folder: Path) -> Path:
    """Write the frame as the collectors' store would, with a README holding a corrections log."""
    exports = [
        {"source": "hhs_ocr", "snapshot_id": "0123456789ab", "list_kind": "under_investigation",
         "as_of": HHS_THROUGH.date().isoformat(), "rows": 1},
        {"source": "hhs_ocr", "snapshot_id": "ba9876543210", "list_kind": "archive",
         "as_of": AS_OF.date().isoformat(), "rows": 6},
        {"source": "ransomware_live", "snapshot_id": "abcdefabcdef", "list_kind": "victims",
         "as_of": AS_OF.date().isoformat(), "rows": 4},
        {"source": "eurepoc", "snapshot_id": "fedcbafedcba", "list_kind": "incidents", "as_of": "2024-03-01",
         "rows": 2},
    ]
    write_store(folder, incidents(), exports)
    (folder / "README.md").write_text(
        "# Data\n\n## Corrections log\n\nDated, newest first.\n\n| date | what changed | rows affected |\n"
        "|---|---|---|\n| 2024-07-01 | Fixed a name. | 1 row |\n| 2024-06-30 | First release. | 12 rows |\n\n"
        "## After\n\n| not | this |\n|---|---|\n", encoding="utf-8")
    return folder
