"""THE tidy schema of the incident dataset, declared once.

Each row is one report of one incident by one source (a regulator filing, a press
report, a criminal group's claim). The dashboard, the brief and any notebook read
rows in this shape through `collectors.load_incidents()`.

`COLUMNS` holds, in order, every column with its dtype and meaning; `validate()`
checks a frame against it and reports every failure at once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from collectors.errors import ValidationError

if TYPE_CHECKING:
    import pandera.pandas as pa

ATTACK_TYPES = (
    "ransomware",
    "hacking",
    "unauthorized_disclosure",
    "theft",
    "loss",
    "improper_disposal",
    "ddos",
    "other",
    "unknown",
)
STATUSES = ("confirmed", "reported", "claimed")
DATE_PRECISIONS = ("day", "month")
# What `reported_date` is, where a source does not say it plainly (see the column).
REPORTED_DATE_BASES = ("article_link", "indexed", "event_only")
ORGANIZATION_TYPES = (
    "healthcare_provider",  # hospitals, clinics, practices, labs, pharmacies, care homes
    "health_plan",  # insurers and health funds
    "business_associate",  # a vendor handling health data for others
    "healthcare_clearinghouse",
    "pharmaceutical",  # drug and biotech companies
    "public_health",  # health ministries and agencies
    "unknown",
)


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # pandas dtype name as stored in memory
    meaning: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None


COLUMNS: tuple[Column, ...] = (
    Column("record_id", "str", "Stable identifier of this report: `<source>:<12 hex>`. "
           "Kept across updates even when the source revises the report.", nullable=False),
    Column("incident_id", "str", "The attack this report is about: `inc:<12 hex>`. Reports of one attack by several "
           "sources (a claim, a press report, a regulator filing) share it; see collectors/link.py.",
           nullable=False),
    Column("source", "str", "Which collector produced the row (e.g. `hhs_ocr`).", nullable=False),
    Column("organization", "str", "Name of the organisation that was attacked or reported the breach, "
           "as the source writes it (trimmed, encoding damage repaired where it can be).", nullable=False),
    Column("organization_type", "str", "Kind of organisation, in our vocabulary.", nullable=False,
           allowed=ORGANIZATION_TYPES),
    Column("organization_type_raw", "str", "The source's own words for the kind of organisation."),
    Column("country", "str", "ISO 3166-1 alpha-2 code of the country.", nullable=False),
    Column("subdivision", "str", "ISO 3166-2 code such as `US-CA`; empty when unknown."),
    Column("locality", "str", "Town or city of the organisation when the source names it (the curated French list: "
           "the commune, e.g. `Dax`); empty otherwise."),
    Column("region", "str", "UN M49 region of the country (e.g. `Americas`)."),
    Column("subregion", "str", "UN M49 sub-region of the country (e.g. `Northern America`)."),
    Column("attack_type", "str", "Kind of attack or breach, in our vocabulary.", nullable=False,
           allowed=ATTACK_TYPES),
    Column("attack_type_raw", "str", "The source's own words for the kind of attack, kept whole "
           "(e.g. `Hacking/IT Incident` or `Loss, Theft`)."),
    Column("incident_attack_type", "str", "Kind of attack of the incident this report belongs to: the most specific "
           "type any of its reports states (ransomware before hacking before a lost device ...), or a curated "
           "label (data/curated/attack_types.csv). Counts by attack type use it, so an open HHS case (`hacking`) of "
           "an attack the press reports as ransomware counts as ransomware.", allowed=ATTACK_TYPES),
    Column("incident_attack_type_from", "str", "Where `incident_attack_type` comes from: the record_id of the "
           "report that states it, or the URL of the public page a curated label rests on."),
    Column("threat_actor", "str", "Who claimed or is said to be behind the attack (e.g. a ransomware group), "
           "as the source names it."),
    Column("is_care_disrupted", "boolean", "True when the source says patient care was disrupted (cancelled "
           "operations, diverted ambulances, downtime procedures); empty when it does not say."),
    Column("reported_date", "datetime64[s]", "Date the source received or published the report "
           "(HHS: the breach submission date).", nullable=False),
    Column("incident_date", "datetime64[s]", "Date the attack happened, when the source says so."),
    Column("date_precision", "str", "How precise `reported_date` and `incident_date` are: `day`, or `month` when the "
           "source gives only the month (the date is then the 1st of that month, and weekly counts leave the row "
           "out rather than place it in the month's first week). Empty means `day`.", allowed=DATE_PRECISIONS),
    Column("reported_date_basis", "str", "Where `reported_date` comes from when it is not the source's own dated "
           "report: `article_link`, the publication date written in the article's address; `indexed`, the day the "
           "source added the article to its index (within a week of publication for 8 in 10 articles whose address "
           "is dated); `event_only`, the source gives only the date of the attack, which stands in for the report's "
           "date. Empty: the source dates the report itself (a filing, a claim, a feed item).",
           allowed=REPORTED_DATE_BASES),
    Column("individuals_affected", "Int64", "Number of people whose data was affected, as reported; "
           "empty when not reported."),
    Column("is_placeholder_count", "bool", "True when `individuals_affected` is a placeholder rather than "
           "a count (HHS: exactly 500 or 501, the values filers use when the real number is not yet known).",
           nullable=False),
    Column("breach_location", "str", "Where the breached information was (HHS: `Network Server`, `Email` ...; "
           "several values joined by `; `)."),
    Column("business_associate_involved", "boolean", "True when the source says a business associate "
           "(a vendor) was involved; empty when the source does not say."),
    Column("vendor", "str", "The vendor (business associate) whose breach the report stems from, as the source names "
           "it (HHS: taken from OCR's closing summary, which is not stored); empty when not named. "
           "collectors/vendors.py groups reports of one vendor breach."),
    Column("is_removed_by_source", "bool", "True when later exports of the source no longer list this report "
           "(HHS: OCR deleted a duplicate filing, or the filing reappeared with other details and so as another "
           "row). Kept for traceability; left out of every count.", nullable=False),
    Column("duplicate_of", "str", "The record_id of the report this row repeats word for word: HHS lists some "
           "filings twice (the same organisation, state, submission date, count, type and location of breach, e.g. "
           "Sturgis Hospital on 2025-09-18). Kept for traceability, counted once (the row it names is counted); "
           "empty for every other row."),
    Column("status", "str", "How sure the report is: `confirmed` (a regulator filing), `reported` (press), "
           "`claimed` (a criminal group's leak-site claim).", nullable=False, allowed=STATUSES),
    Column("source_list", "str", "Which list or feed of the source the row was last seen in "
           "(HHS: `under_investigation` or `archive`)."),
    Column("source_url", "str", "Where the report can be checked.", nullable=False),
    Column("source_snapshot", "str", "First 12 hex digits of the SHA-256 of the raw export the row's values "
           "come from; `data/sources.json` lists every export by this id.", nullable=False),
    Column("first_seen_at", "datetime64[s]", "As-of date of the first export that held this report.",
           nullable=False),
    Column("collected_at", "datetime64[s]", "As-of date of the export the row's current values come from "
           "(a live fetch: its UTC date; the exact time is in the raw export's sidecar).", nullable=False),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
DTYPES: dict[str, str] = {c.name: c.dtype for c in COLUMNS}
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.dtype.startswith("datetime"))


def markdown_dictionary() -> str:
    """The data dictionary table of data/README.md (a test keeps the two identical)."""
    lines = ["| column | dtype | can be empty | meaning |", "|---|---|---|---|"]
    for col in COLUMNS:
        allowed = f" One of: {', '.join(f'`{a}`' for a in col.allowed)}." if col.allowed else ""
        lines.append(f"| `{col.name}` | {col.dtype} | {'yes' if col.nullable else 'no'} | {col.meaning}{allowed} |")
    return "\n".join(lines) + "\n"


def _record_id_names_its_source(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [rid.startswith(f"{src}:") for rid, src in zip(frame["record_id"], frame["source"])], index=frame.index
    )


@functools.cache
def _pandera_schema() -> pa.DataFrameSchema:
    """The pandera schema, built on first use: pandera (and pydantic, typeguard ...) costs about 0.3 s to import,
    and only validate() needs it, not the dashboard's first chart."""
    import pandera.pandas as pa

    columns = {}
    for col in COLUMNS:
        checks = [pa.Check.isin(col.allowed)] if col.allowed else []
        columns[col.name] = pa.Column(col.dtype, checks=checks, nullable=col.nullable)
    columns["individuals_affected"].checks.append(pa.Check.ge(0))
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=["record_id"],
        checks=[pa.Check(_record_id_names_its_source, error="record_id starts with its source")],
    )


def empty_frame() -> pd.DataFrame:
    """A frame with every column and no rows."""
    return pd.DataFrame({c.name: pd.Series(dtype=c.dtype) for c in COLUMNS})


def coerce(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast the schema's columns to their dtypes and put them in order.

    A nullable column the frame lacks is added empty (a source that never fills a newer column
    need not name it); a missing required column or an unknown column is an error.
    """
    missing = [c.name for c in COLUMNS if c.name not in frame.columns and not c.nullable]
    extra = [c for c in frame.columns if c not in COLUMN_NAMES]
    if missing or extra:
        raise ValidationError("schema", f"columns missing: {missing or 'none'}; unexpected: {extra or 'none'}")
    absent = {c.name: pd.NA for c in COLUMNS if c.name not in frame.columns}
    return frame.assign(**absent).loc[:, list(COLUMN_NAMES)].astype(DTYPES)


def validate(frame: pd.DataFrame, source: str = "dataset") -> pd.DataFrame:
    """Check `frame` against the schema; raise one ValidationError listing every failure."""
    import pandera.pandas as pa

    try:
        return _pandera_schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        lines = []
        for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=False):
            examples = ", ".join(repr(v) for v in group["failure_case"].head(3))
            lines.append(f"{column}: {check} failed in {len(group)} row(s), e.g. {examples}")
        raise ValidationError(source, "rows do not fit the schema:\n  " + "\n  ".join(lines)) from None


def uncounted(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Rows kept for traceability that no count includes: (withdrawn by their source, repeats of another row)."""
    removed = frame["is_removed_by_source"].fillna(False).astype(bool) if "is_removed_by_source" in frame.columns \
        else pd.Series(False, index=frame.index)
    repeated = frame["duplicate_of"].notna() if "duplicate_of" in frame.columns \
        else pd.Series(False, index=frame.index)
    return removed, repeated & ~removed
