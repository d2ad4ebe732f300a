"""A hand-curated list of publicly reported cyberattacks on French health and médico-social organisations.

data/curated/fr_attacks.csv is kept by hand, like the trackers that list every source of every attack:
one row per attacked organisation and attack, each with at least one URL of a public press article or
official statement that was read when the row was written (data/README.md says how the list is compiled
and what it misses). This module reads it like any other source: every row is checked (a bad row is
named by its line number and what is wrong, all at once), then turned into the tidy schema; the runner
links its rows to other sources' reports of the same attack.

"fetch" reads the committed file: no network. `python -m collectors update --source curated_fr` picks
up an edited list.
"""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from collectors import coverage, parsing, schema
from collectors.errors import SourceFormatError
from collectors.raw import RawExport
from collectors.text import normalise
from collectors.text.translatable import N_
from collectors.text.urls import canonical_url

SOURCE = "curated_fr"
CURATED_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "curated" / "fr_attacks.csv"
INFO = {
    "name": SOURCE,
    "title": N_("Curated list of publicly reported cyberattacks on French health organisations"),
    "publisher": N_("this observatory (compiled from public press and official statements; every row cites its "
                    "pages)"),
    "url": "data/curated/fr_attacks.csv",
    "licence": N_("CC BY 4.0 (our compilation; the cited articles belong to their publishers)"),
    "status": "reported",
    "lists": ("attacks",),
    "counts": N_("Cyberattacks on French health and médico-social organisations (hospitals, clinics, care "
                 "homes, labs, and the vendors and intermediaries serving them) that the press or an official "
                 "statement reported, 2019-2025: one row per attacked organisation and attack, with its "
                 "sources."),
    "biases": (
        N_("Only what was publicly reported and could be found in stored press pages: large hospitals make the "
           "news, small clinics, practices and care homes much less."),
        N_("Thin for 2020 (the press of the first Covid year) and for attacks that were repelled or kept quiet."),
        N_("Not a count of incidents: the official declarations to CERT Santé (hundreds a year) are another "
           "measure, shown beside it on the France page."),
    ),
}
LISTS = ("attacks",)
NETWORK = False  # fetch() reads the committed file: the network fault suite does not apply
SNAPSHOT_FILES: tuple[str, ...] = ()
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
FETCH = True
MATCH_ON_CONTENT = False
measure_coverage = None
removed_reports = None
# Part of the committed repository rather than of the shared snapshots: `python -m collectors build` reads it.
REPOSITORY_FILES = ("data/curated/fr_attacks.csv",)

COLUMNS = ("attack_id", "incident_date", "date_precision", "reported_date", "organization", "establishment_type",
           "commune", "departement", "region", "attack_type", "care_effects", "patients_affected", "threat_actor",
           "source_url", "source_url_2", "source_url_3", "checked_on")
REQUIRED = ("attack_id", "incident_date", "date_precision", "organization", "establishment_type", "attack_type",
            "source_url", "checked_on")
# Our establishment types -> the schema's organisation types.
ESTABLISHMENT_TYPES = {
    "chu_ch": "healthcare_provider",  # public hospitals: CHU, CHR, CH, GHT, AP-HP hospitals
    "clinique": "healthcare_provider",  # private clinics and hospitals
    "ehpad_medico_social": "healthcare_provider",  # care homes, disability and social-care structures
    "laboratoire": "healthcare_provider",  # medical biology labs
    "imagerie": "healthcare_provider",  # radiology and imaging centres
    "cabinet_centre_sante": "healthcare_provider",  # practices, health centres, pharmacies
    "prestataire": "business_associate",  # software vendors and intermediaries (Dedalus, tiers payant)
    "assurance": "health_plan",  # insurers, mutuelles, Assurance Maladie
    "agence_publique": "public_health",  # ARS, ministry, national agencies
    "autre": "unknown",
}
CARE_EFFECTS = ("diversion", "downtime", "data_theft")
_ID = re.compile(r"fr-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)*")
_DEPARTEMENT = re.compile(r"(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])")
_LEAK_SITE = re.compile(r"\.onion(\b|/|$)", re.IGNORECASE)


def fetch(session=None, path: Path = CURATED_FILE) -> list[RawExport]:
    """The committed list itself (no network): an edited list is a new export."""
    return [RawExport(SOURCE, path.read_bytes(), origin=str(path.name), list_kind="attacks",
                      fetched_at=datetime.now(UTC))]


def read_table(raw: bytes) -> pd.DataFrame:
    if not raw.strip():
        raise SourceFormatError(SOURCE, "the curated list is empty")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceFormatError(SOURCE, f"the curated list is not UTF-8 ({err.reason} at byte {err.start})") from None
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise SourceFormatError(SOURCE, f"the curated list is not a readable CSV: {err}") from None
    if tuple(table.columns) != COLUMNS:
        missing = [c for c in COLUMNS if c not in table.columns]
        extra = [c for c in table.columns if c not in COLUMNS]
        raise SourceFormatError(SOURCE, f"the header must be {','.join(COLUMNS)}; missing {missing or 'none'}, "
                                        f"unexpected {extra or 'none'}")
    return table.apply(lambda col: col.str.strip())


def row_problems(row: dict, regions: set[str]) -> list[str]:
    """Everything wrong with one row of the list, in words a curator can act on."""
    problems = [f"{c} is empty" for c in REQUIRED if not row[c]]
    if row["attack_id"] and not _ID.fullmatch(row["attack_id"]):
        problems.append(f"attack_id {row['attack_id']!r} is not fr-YYYY-slug")
    precision, date = row["date_precision"], row["incident_date"]
    if precision not in schema.DATE_PRECISIONS:
        problems.append(f"date_precision {precision!r} is not day or month")
    elif date and not re.fullmatch(r"\d{4}-\d\d-\d\d" if precision == "day" else r"\d{4}-\d\d", date):
        problems.append(f"incident_date {date!r} does not match date_precision {precision} "
                        f"({'YYYY-MM-DD' if precision == 'day' else 'YYYY-MM'})")
    elif date and pd.isna(pd.to_datetime(date, format="%Y-%m-%d" if precision == "day" else "%Y-%m", errors="coerce")):
        problems.append(f"incident_date {date!r} is not a date")
    for column in ("reported_date", "checked_on"):
        if row[column] and pd.isna(pd.to_datetime(row[column], format="%Y-%m-%d", errors="coerce")):
            problems.append(f"{column} {row[column]!r} is not YYYY-MM-DD")
    if row["establishment_type"] and row["establishment_type"] not in ESTABLISHMENT_TYPES:
        problems.append(f"establishment_type {row['establishment_type']!r} is not one of "
                        f"{', '.join(ESTABLISHMENT_TYPES)}")
    if row["attack_type"] and row["attack_type"] not in schema.ATTACK_TYPES:
        problems.append(f"attack_type {row['attack_type']!r} is not one of {', '.join(schema.ATTACK_TYPES)}")
    if row["region"] and row["region"] not in regions:
        problems.append(f"region {row['region']!r} is not an ISO 3166-2 code of data/mappings/fr_regions.csv")
    if row["departement"] and not _DEPARTEMENT.fullmatch(row["departement"]):
        problems.append(f"departement {row['departement']!r} is not an INSEE code (01-95, 2A, 2B, 971-976)")
    effects = [e for e in row["care_effects"].split(";") if e.strip()]
    problems += [f"care_effects has {e.strip()!r}, not one of {', '.join(CARE_EFFECTS)}"
                 for e in effects if e.strip() not in CARE_EFFECTS]
    if row["patients_affected"] and not row["patients_affected"].isdigit():
        problems.append(f"patients_affected {row['patients_affected']!r} is not a whole number")
    for column in ("source_url", "source_url_2", "source_url_3"):
        url = row[column]
        if url and not url.startswith(("https://", "http://")):
            problems.append(f"{column} {url!r} is not an http(s) URL")
        elif url and _LEAK_SITE.search(url):
            problems.append(f"{column} points into a leak site; cite press or official pages only")
    return problems


def validate_rows(table: pd.DataFrame) -> None:
    """Raise one SourceFormatError naming every bad row by its line in the file (the header is line 1)."""
    regions = set(normalise.mapping("fr_regions")["subdivision"])
    lines = []
    for i, row in enumerate(table.to_dict("records")):
        lines += [f"line {i + 2} ({row['attack_id'] or 'no attack_id'}): {p}" for p in row_problems(row, regions)]
    repeated = table.loc[table["attack_id"].duplicated() & (table["attack_id"] != ""), "attack_id"]
    lines += [f"attack_id {a!r} appears more than once" for a in repeated]
    if lines:
        raise SourceFormatError(SOURCE, f"{len(lines)} problem(s) in the curated list:\n  " + "\n  ".join(lines))


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """Every row of the curated list as rows of the tidy schema, unfinished (after validate_rows())."""
    if list_kind not in (None, *LISTS):
        raise SourceFormatError(SOURCE, f"unknown list {list_kind!r}; expected one of {LISTS}")
    table = read_table(raw)
    if table.empty:
        raise SourceFormatError(SOURCE, "the curated list has a header but no rows")
    validate_rows(table)
    checked = pd.to_datetime(table["checked_on"], format="%Y-%m-%d").max()
    # The list says nothing past the months it was compiled for (collectors/coverage.py), whenever checked.
    window = coverage.DECLARED[(SOURCE, "attacks")].window
    assert window is not None, "collectors/coverage.py declares the months the curated list searched"
    searched_to = pd.Period(window[1], "M").end_time.normalize()
    as_of_day = pd.Timestamp(as_of).tz_localize(None).floor("D") if as_of is not None else min(checked, searched_to)
    day = table["date_precision"] == "day"
    incident = pd.to_datetime(table["incident_date"].where(day, table["incident_date"] + "-01"), format="%Y-%m-%d")
    reported = pd.to_datetime(table["reported_date"].replace("", None), format="%Y-%m-%d")
    # The article's date when the curator saw it; else the attack's own date (French press reports attacks
    # within days), with its precision.
    precision = table["date_precision"].where(reported.isna(), "day")
    effects = table["care_effects"].str.split(";")
    care = effects.map(lambda e: True if {"diversion", "downtime"} & {x.strip() for x in e} else pd.NA)
    tidy = pd.DataFrame({
        "record_id": table["attack_id"].map(lambda a: f"{SOURCE}:{hashlib.sha1(a.encode()).hexdigest()[:12]}"),
        "incident_id": None,
        "organization": table["organization"],
        "organization_type": table["establishment_type"].map(ESTABLISHMENT_TYPES),
        "organization_type_raw": table["establishment_type"],
        "country": "FR",
        "subdivision": table["region"].replace("", None),
        "locality": table["commune"].replace("", None),
        "attack_type": table["attack_type"],
        "attack_type_raw": table["attack_type"],
        "threat_actor": table["threat_actor"].replace("", None),
        "is_care_disrupted": care.astype("boolean"),
        "reported_date": reported.fillna(incident),
        "reported_date_basis": pd.Series("event_only", index=table.index).where(reported.isna(), None),
        "incident_date": incident,
        "date_precision": precision,
        "individuals_affected": pd.to_numeric(table["patients_affected"].replace("", None)).astype("Int64"),
        "status": "reported",
        "source_list": "attacks",
        "source_url": table["source_url"].map(canonical_url),
        "source_snapshot": parsing.snapshot_id(raw),
        "first_seen_at": as_of_day,
        "collected_at": as_of_day,
    })
    return tidy
