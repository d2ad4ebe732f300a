"""CIPHER: patient harms that followed hospital cyberattacks -> data/patient_harms.csv.

CIPHER (The CIPHER Platform; I. Straw, J. Tully, C. Dameff, UC San Diego; data CC BY 4.0) lists
*harms to patients* reported after cyberattacks on hospitals, each backed by one piece of evidence:
a paper or a social-media post. It is not a list of incidents: it has no attack date, no country and
no hospital, so it never goes into incidents.csv. It has a small tidy schema of its own (`COLUMNS`).

Decisions:
- The source's `Description of Patient Harm` and `Direct Quote` columns are long narrative text
  copied from papers and posts: they are read (for the harm's id) but never stored.
- One row = one harm record as CIPHER has it. Many rows share a description (several posts reporting
  the same harm, e.g. 22 posts about billing costs) and some descriptions differ only by typos, but each
  row carries its own evidence (its quote), so none are merged: counts are of *records* (evidence),
  not of distinct harms or of attacks. Only rows identical in every source column are dropped.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from collectors.errors import SourceFormatError
from collectors.files import write_atomic
from collectors.schema import Column

if TYPE_CHECKING:
    import pandera.pandas as pa

SOURCE = "cipher"
OUTPUT_FILE = "patient_harms.csv"
SNAPSHOT_FILE = "cipher-project/v1_cipherdata_latest.csv"  # under the shared snapshots folder

TIME_POINTS = ("first_hour", "first_day", "first_week", "week_2", "first_month")  # in time order
SPECIALTIES = ("all", "cardiology", "emergency_acute_medicine", "ent", "gastroenterology", "general_medicine",
               "general_surgery", "haematology", "neurology", "obstetrics", "oncology", "orthopaedics",
               "paediatrics", "psychiatry")
TECHNICAL_DOMAINS = ("eprescribing", "health_records", "hospital_infrastructure", "laboratory_systems", "imaging",
                     "booking_systems", "admin_billing", "communications", "operating_rooms", "telemetry", "all")
REFERENCE_KINDS = ("publication", "social_media")

COLUMNS: tuple[Column, ...] = (
    Column("harm_id", "str", "Stable id of the record: `cipher:<12 hex>`, a hash of the source row's reference, "
           "short title, description and quote (typographic quotes and spacing ignored).", nullable=False),
    Column("source_row", "int64", "Row of the record in the CIPHER file we read (1 = first data row), to find "
           "its description and quote there.", nullable=False),
    Column("short_title", "str", "CIPHER's short name of the harm (English).", nullable=False),
    Column("time_point", "str", "When the harm appeared after the attack.", nullable=False, allowed=TIME_POINTS),
    Column("specialty", "str", "Clinical specialties affected, codes of `SPECIALTIES` `; `-joined in that order; "
           "`all` is CIPHER's `All` (a harm not specific to one specialty).", nullable=False),
    Column("technical_domain", "str", "Which hospital system's failure caused the harm.", nullable=False,
           allowed=TECHNICAL_DOMAINS),
    Column("clinical_impact_score", "int64", "CIPHER's clinical impact score, 1 (least) to 10 (most severe).",
           nullable=False),
    Column("reference_kind", "str", "Kind of evidence: a paper or article (`publication`) or a social-media post.",
           nullable=False, allowed=REFERENCE_KINDS),
    Column("reference_title", "str", "Title of the publication; empty for social-media posts."),
    Column("reference_link", "str", "Link to the evidence; empty when CIPHER's file says `Removed` "
           "(every social-media post in v1.0.1)."),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
DTYPES = {c.name: c.dtype for c in COLUMNS}

# Source headers (the file's own spelling, e.g. `Speciality`).
_TITLE, _LINK, _SHORT, _DESCRIPTION, _QUOTE = ("Reference Title", "Reference Link", "Short Title",
                                               "Description of Patient Harm", "Direct Quote")
_TIME, _SPECIALTY, _DOMAIN, _SCORE = "Time Point", "Speciality", "Technical Domain", "Clinical Impact Score"
SOURCE_COLUMNS = (_TITLE, _LINK, _SHORT, _DESCRIPTION, _QUOTE, _TIME, _SPECIALTY, _DOMAIN, _SCORE)

# Source labels (compared case-insensitively, spacing collapsed) -> our codes.
_TIME_CODES = {"first hour": "first_hour", "first day": "first_day", "firsy day": "first_day",  # typo in v1.0.1
               "first week": "first_week", "week 2": "week_2", "first month": "first_month"}
_SPECIALTY_CODES = {
    "all": "all", "cardiology": "cardiology", "emergency & acute medicine": "emergency_acute_medicine",
    "ent": "ent", "gastroenterology": "gastroenterology", "general medicine": "general_medicine",
    "general surgery": "general_surgery", "haematology": "haematology", "heamatology": "haematology",  # typo
    "neurology": "neurology", "obstetrics": "obstetrics", "oncology": "oncology",
    "cancer": "oncology",  # 2 rows say `Cancer` where the others say `Oncology`
    "orthopaedics": "orthopaedics", "paediatrics": "paediatrics", "psychiatry": "psychiatry",
}
_DOMAIN_CODES = {
    "eprescribing": "eprescribing", "health records": "health_records",
    "hospital infrastructure": "hospital_infrastructure", "laboratory systems": "laboratory_systems",
    "imaging": "imaging", "booking systems": "booking_systems", "admin and billing": "admin_billing",
    "communications": "communications", "operating rooms": "operating_rooms", "telemetry": "telemetry", "all": "all",
}
# Several specialties share one cell, mostly `; `-separated, once `;` alone and once `, `.
_SPECIALTY_SEPARATOR = re.compile(r"\s*[;,]\s*")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})
_SPACE = re.compile(r"\s+")  # \s includes the U+2028 line separators some quotes hold
_SOCIAL_MEDIA = "social media"  # `Reference Title` of posts
_REMOVED = "removed"  # `Reference Link` of posts


def _clean(text: str) -> str:
    """Straight quotes, one space between words (the file mixes curly and straight quotes)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def _key(text: str) -> str:
    return _clean(text).casefold()


def _specialties(cell: str) -> str | None:
    codes = {_SPECIALTY_CODES.get(_key(part)) for part in _SPECIALTY_SEPARATOR.split(cell.strip()) if part}
    if not codes or None in codes:
        return None
    return "; ".join(code for code in SPECIALTIES if code in codes)


def _harm_id(row: pd.Series) -> str:
    identity = "\x1f".join(_key(row[c]) for c in (_TITLE, _LINK, _SHORT, _DESCRIPTION, _QUOTE))
    return f"{SOURCE}:{hashlib.sha256(identity.encode('utf-8')).hexdigest()[:12]}"


def _read(raw: bytes) -> pd.DataFrame:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceFormatError(SOURCE, f"the file is not UTF-8 ({err})") from None
    if not text.strip():
        raise SourceFormatError(SOURCE, "the file is empty")
    try:
        # CRLF line endings, and CR/LF inside quoted quotes: the C parser handles both.
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise SourceFormatError(SOURCE, f"not a readable CSV: {err}") from None
    table.columns = [_clean(str(c)) for c in table.columns]
    missing = [c for c in SOURCE_COLUMNS if c not in table.columns]
    if missing:
        raise SourceFormatError(SOURCE, f"expected CIPHER's columns {list(SOURCE_COLUMNS)}; missing: {missing}")
    return table.loc[:, list(SOURCE_COLUMNS)]


def parse(raw: bytes) -> pd.DataFrame:
    """The harm records of a CIPHER CSV export, in the schema of `COLUMNS` (source order kept).

    Raises SourceFormatError listing every value it cannot recode, or every schema failure, at once.
    """
    table = _read(raw)
    table = table.assign(source_row=range(1, len(table) + 1))
    table = table.loc[~table.duplicated(subset=list(SOURCE_COLUMNS), keep="first")]  # none in v1.0.1

    problems: list[str] = []

    def recode(column: str, values: pd.Series) -> None:
        bad = table.loc[values.isna(), ["source_row", column]]
        if len(bad):
            examples = ", ".join(f"row {r}: {v!r}" for r, v in bad.head(3).itertuples(index=False))
            problems.append(f"{column}: {len(bad)} value(s) not in our vocabulary, e.g. {examples}")

    time_point = table[_TIME].map(lambda v: _TIME_CODES.get(_key(v)))
    specialty = table[_SPECIALTY].map(_specialties)
    domain = table[_DOMAIN].map(lambda v: _DOMAIN_CODES.get(_key(v)))
    score = table[_SCORE].map(lambda v: int(v.strip()) if v.strip().isdigit() else None)
    for column, values in ((_TIME, time_point), (_SPECIALTY, specialty), (_DOMAIN, domain), (_SCORE, score)):
        recode(column, values)
    if problems:
        raise SourceFormatError(SOURCE, "cannot recode:\n  " + "\n  ".join(problems))

    is_post = table[_TITLE].map(_key) == _SOCIAL_MEDIA
    link = table[_LINK].map(_clean)
    frame = pd.DataFrame({
        "harm_id": table.apply(_harm_id, axis=1),
        "source_row": table["source_row"],
        "short_title": table[_SHORT].map(_clean),
        "time_point": time_point,
        "specialty": specialty,
        "technical_domain": domain,
        "clinical_impact_score": score,
        "reference_kind": is_post.map({True: "social_media", False: "publication"}),
        "reference_title": table[_TITLE].map(_clean).where(~is_post, None),
        "reference_link": link.where((link != "") & (link.str.casefold() != _REMOVED), None),
    }).replace({"short_title": {"": None}, "reference_title": {"": None}})
    return validate(frame.astype(DTYPES).reset_index(drop=True))


def _one_specialty_each(values: pd.Series) -> pd.Series:
    return values.map(lambda v: all(part in SPECIALTIES for part in v.split("; ")))


@functools.cache
def _pandera_schema() -> pa.DataFrameSchema:
    """Built on first use, like collectors.schema's: app.data imports this module, and pandera's import (about
    0.3 s) should not delay the dashboard's first chart."""
    import pandera.pandas as pa

    schema = pa.DataFrameSchema(
        {c.name: pa.Column(c.dtype, nullable=c.nullable, checks=[pa.Check.isin(c.allowed)] if c.allowed else [])
         for c in COLUMNS},
        strict=True, ordered=True, unique=["harm_id"],
    )
    schema.columns["clinical_impact_score"].checks.append(pa.Check.in_range(1, 10))
    schema.columns["specialty"].checks.append(pa.Check(_one_specialty_each, error="specialty codes"))
    return schema


def validate(frame: pd.DataFrame) -> pd.DataFrame:
    """Check `frame` against `COLUMNS`; raise one SourceFormatError listing every failure."""
    import pandera.pandas as pa

    try:
        return _pandera_schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        lines = []
        for (column, check), group in err.failure_cases.groupby(["column", "check"], dropna=False, sort=False):
            examples = ", ".join(repr(v) for v in group["failure_case"].head(3))
            lines.append(f"{column}: {check} failed in {len(group)} row(s), e.g. {examples}")
        raise SourceFormatError(SOURCE, "records do not fit the schema:\n  " + "\n  ".join(lines)) from None


def to_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def read_patient_harms(path: Path | str) -> pd.DataFrame:
    """data/patient_harms.csv with the schema's dtypes (empty cells read as missing)."""
    frame = pd.read_csv(path, dtype={c: "str" for c in COLUMN_NAMES if DTYPES[c] == "str"})
    return validate(frame.astype(DTYPES))


def build_patient_harms(snapshot_path: Path | str, out_path: Path | str) -> pd.DataFrame:
    """Parse the CIPHER snapshot and replace `out_path` atomically; return the records written."""
    frame = parse(Path(snapshot_path).read_bytes())
    write_atomic(Path(out_path), to_csv(frame))
    return frame
