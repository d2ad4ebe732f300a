"""A small hand-made frame for the weekly brief's tests, with its coverage.

Reports around ISO week 2020-W53 (Monday 28 December 2020 to Sunday 3 January 2021, a week that crosses
the new year; 2019 has no week 53, so its "same week a year earlier" is 2019-W52), from four sources.

    ISO week   days                      reports
    2019-W52   Mon 23 - Sun 29 Dec 2019  r01 (Mon), r02 (Sun)           <- the data begin here
    2020-W01   Mon 30 Dec 2019 - 5 Jan   r03 (Mon 30 Dec 2019: ISO year 2020)
    2020-W49   Mon 30 Nov - Sun 6 Dec    r14 (Mon), r13 (Wed), r04 (Sun)
    2020-W50   Mon 7 - Sun 13 Dec        none: the empty week
    2020-W51   Mon 14 - Sun 20 Dec       r05
    2020-W52   Mon 21 - Sun 27 Dec       r06 (Sun)
    2020-W53   Mon 28 Dec - Sun 3 Jan    r07 (Mon), r08 (Wed), r09 (Fri), r10 (Sun), r11 (Sun, withdrawn)
    2021-W01   Mon 4 - Sun 10 Jan        r12 (Mon)

r07 (an HHS filing) and r08 (a leak-site claim) are one incident (inc:b). Coverage: HHS data as of Sunday
10 January 2021, complete through 31 December 2020; news feeds as of Saturday 2 January (inside W53);
ransomware.live as of 6 January, completeness unknown; EuRepoC as of 30 June 2020 (absent from W53).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from collectors import SourceCoverage
from tests.support.frames import REGIONS, blank_row, frame_of, write_store

COVERAGE = [
    SourceCoverage("eurepoc", pd.Timestamp("2020-06-30"), None, exports=1),
    SourceCoverage("hhs_ocr", pd.Timestamp("2021-01-10"), pd.Timestamp("2020-12-31"), exports=2),
    SourceCoverage("news_feeds", pd.Timestamp("2021-01-02"), None, exports=1),
    SourceCoverage("ransomware_live", pd.Timestamp("2021-01-06"), None, exports=1),
]
HHS_URL = "https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf"

# record, reported, source, incident, country, subdivision, attack, organization type, individuals, care,
# status, removed, first_seen (default: the reported day), collected (default: first_seen)
ROWS = [
    ("r01", "2019-12-23", "hhs_ocr", "a01", "US", "US-CA", "ransomware", "healthcare_provider", 1_000, None,
     "confirmed", False, None, None),
    ("r02", "2019-12-29", "hhs_ocr", "a02", "US", "US-TX", "hacking", "health_plan", 200, None,
     "confirmed", False, None, None),
    ("r03", "2019-12-30", "hhs_ocr", "a03", "US", "US-TX", "hacking", "healthcare_provider", 300, None,
     "confirmed", False, None, None),
    ("r04", "2020-12-06", "hhs_ocr", "a04", "US", "US-NY", "theft", "healthcare_provider", None, None,
     "confirmed", False, None, None),
    ("r05", "2020-12-14", "news_feeds", "a05", "FR", None, "ransomware", "healthcare_provider", None, True,
     "reported", False, None, None),
    ("r06", "2020-12-27", "hhs_ocr", "a06", "US", "US-CA", "hacking", "business_associate", 50_000, None,
     "confirmed", False, None, None),
    ("r07", "2020-12-28", "hhs_ocr", "b", "US", "US-CA", "ransomware", "healthcare_provider", 250_000, False,
     "confirmed", False, "2020-12-31", None),
    ("r08", "2020-12-30", "ransomware_live", "b", "US", None, "ransomware", "healthcare_provider", None, None,
     "claimed", False, None, None),
    ("r09", "2021-01-01", "news_feeds", "c", "DE", None, "ddos", "public_health", None, True,
     "reported", False, None, None),
    ("r10", "2021-01-03", "hhs_ocr", "a10", "US", "US-NY", "unauthorized_disclosure", "health_plan", 501, None,
     "confirmed", False, None, None),
    ("r11", "2021-01-03", "hhs_ocr", "a11", "US", "US-NY", "hacking", "healthcare_provider", 9_999_999, None,
     "confirmed", True, None, None),  # withdrawn by the source: never counted
    ("r12", "2021-01-04", "hhs_ocr", "a12", "US", "US-CA", "hacking", "healthcare_provider", 700, None,
     "confirmed", False, None, None),
    ("r13", "2020-12-02", "hhs_ocr", "a13", "US", "US-NY", "hacking", "healthcare_provider", 400, None,
     "confirmed", False, "2020-12-29", None),  # first seen in W53, about W49: a late addition
    ("r14", "2020-11-30", "hhs_ocr", "a14", "US", "US-TX", "loss", "health_plan", 600, None,
     "confirmed", False, "2020-12-01", "2021-01-02"),  # revised in W53
]


def _hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def url_of(record: str, source: str) -> str:
    if source == "hhs_ocr":
        return HHS_URL
    if source == "news_feeds":
        return f"https://news.example.org/{record}"
    return f"https://www.ransomware.live/id/{record}"


def _row(record, reported, source, incident, country, subdivision, attack, org_type, individuals, care, status,
         removed, first_seen, collected) -> dict:
    first_seen = pd.Timestamp(first_seen or reported)
    region, subregion = REGIONS[country]
    return blank_row(
        record_id=f"{source}:{_hex(record)}", incident_id=f"inc:{_hex(incident)}", source=source,
        organization=f"Organisation {record}", organization_type=org_type, organization_type_raw=org_type,
        country=country, subdivision=subdivision, region=region, subregion=subregion, attack_type=attack,
        attack_type_raw=attack, is_care_disrupted=care, reported_date=pd.Timestamp(reported),
        individuals_affected=individuals, is_placeholder_count=individuals in (500, 501),
        is_removed_by_source=removed, status=status, source_list="test", source_url=url_of(record, source),
        source_snapshot="0123456789ab", first_seen_at=first_seen,
        collected_at=pd.Timestamp(collected) if collected else first_seen,
    )


def incident_of(record: str) -> str:
    return f"inc:{_hex(next(r[3] for r in ROWS if r[0] == record))}"


def incidents() -> pd.DataFrame:
    return frame_of(_row(*r) for r in ROWS)


EXPORTS = [  # HHS: an under-investigation list of 31 Dec plus a later archive -> complete through 31 Dec
    {"source": "hhs_ocr", "snapshot_id": "0123456789ab", "list_kind": "under_investigation",
     "as_of": "2020-12-31", "rows": 5},
    {"source": "hhs_ocr", "snapshot_id": "ba9876543210", "list_kind": "archive", "as_of": "2021-01-10",
     "rows": 10},
    # What each export shows of its coverage (collectors/coverage.py measures it at ingest): a feed and a
    # leak-site pull see a few days; the research release stops in June.
    {"source": "news_feeds", "snapshot_id": "111111111111", "list_kind": "feed", "as_of": "2021-01-02",
     "rows": 2, "coverage": {"first": "2020-12-28", "last": "2021-01-02", "months": {"2020-12": 2}, "countries": {}}},
    {"source": "ransomware_live", "snapshot_id": "222222222222", "list_kind": "victims", "as_of": "2021-01-06",
     "rows": 1, "coverage": {"first": "2020-12-30", "last": "2021-01-06", "months": {"2020-12": 1},
                             "countries": {}}},
    {"source": "eurepoc", "snapshot_id": "333333333333", "list_kind": "incidents", "as_of": "2020-06-30",
     "rows": 0, "coverage": {"first": "2019-01-03", "last": "2020-06-30",
                             "months": {f"{m}": 3 for m in __import__("pandas").period_range("2019-01", "2020-06",
                                                                                             freq="M")},
                             "countries": {"US": ["2019-01-03", "2020-06-30"]}}},
]


def coverage_table():
    """data/coverage.csv as the store writes it for EXPORTS (collectors/coverage.py)."""
    from collectors.coverage import coverage_table as build

    return build([dict(e) for e in EXPORTS]).astype(str)


def write_data_dir(folder: Path) -> Path:
    """The frame and its coverage as the collectors' store writes them (incidents.csv, sources.json)."""
    return write_store(folder, incidents(), EXPORTS)
