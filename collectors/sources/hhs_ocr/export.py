"""One export of the HHS OCR breach portal, read: the CSV as the portal writes it (and as spreadsheet tools and
pandas re-save it), checked value by value, into rows of the tidy schema."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import datetime

import pandas as pd

from collectors import parsing, vendors
from collectors.errors import SourceFormatError
from collectors.text import normalise

SOURCE = "hhs_ocr"
PORTAL_URL = "https://ocrportal.hhs.gov/ocr/breach/breach_report_hip.jsf"
LISTS = ("under_investigation", "archive")

# The portal's column order; the exporter sometimes writes placeholder names instead (see below).
HEADER = (
    "Name of Covered Entity",
    "State",
    "Covered Entity Type",
    "Individuals Affected",
    "Breach Submission Date",
    "Type of Breach",
    "Location of Breached Information",
    "Business Associate Present",
    "Web Description",
)
_SHORT = ("name", "state", "entity_type", "individuals", "date", "breach_type", "location", "ba", "description")

# JSF's exporter sometimes writes the component's toString() instead of the column titles: for every
# column, or (live portal) for some only, e.g. the name and business-associate columns.
_PLACEHOLDER_HEADER = re.compile(r"^javax\.faces\.component\.\w+@[0-9a-f]+$", re.I)
# A re-save by pandas (the cjtorgerson list of December 2024) appended the submission year as a last column.
_YEAR_COLUMN = "Year"
# A spreadsheet re-save turned curly quotes into the bytes 0x83 "?" "?" / 0x83 "?" 0x9d / 0x83 "?" 0x9b
# (Kaycaitt archive), which read as Windows-1252 give these.
_MANGLED_QUOTES = {"ƒ??": "’", "ƒ?\ufffd": "”", "ƒ?›": "“"}
# OCR's summaries say "ransomware", "a ransom note", "demanded a ransom", "malware/ransom attack".
# Lower-case "ransom" only: the capitalised word is a name (Ransom Memorial Hospital, Ransom County).
_RANSOMWARE = re.compile(r"(?i:\bransomware\b)|\bransom\b")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Filers who do not yet know how many people are affected report 500 or 501, the threshold.
PLACEHOLDER_COUNTS = (500, 501)


def decode(raw: bytes) -> tuple[str, bool]:
    """Text of an export and whether the decoding was lossy.

    Portal exports are UTF-8. Files re-saved by spreadsheet tools are not: read them
    as Windows-1252, then repair the mangled quote sequences we know.
    """
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        for mangled, fixed in _MANGLED_QUOTES.items():
            text = text.replace(mangled, fixed)
        return text, True


def read_table(raw: bytes) -> pd.DataFrame:
    """The export as a frame of strings with our short column names; clear errors for wrong files."""
    if not raw.strip():
        raise SourceFormatError(SOURCE, "the export is empty")
    text, _ = decode(raw)
    if text.lstrip().startswith("<"):
        raise SourceFormatError(SOURCE, "expected a CSV export but got an HTML page (a failed export or a captcha)")
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise SourceFormatError(SOURCE, f"the export is not a readable CSV: {err}") from None
    if not isinstance(table.index, pd.RangeIndex):
        # A first row longer than the header makes pandas use its extra leading fields as an index,
        # shifting every column silently (found by fuzzing: a row moved up from a broken description).
        raise SourceFormatError(SOURCE, f"the first row has {table.index.nlevels} more field(s) than the header "
                                        "(a broken row or a misplaced line?)")
    header = [str(c).strip() for c in table.columns]
    if header and header[0] == "Name of Part 2 Program":
        raise SourceFormatError(SOURCE, "this is the 42 CFR Part 2 listing, not the HIPAA breach list")
    years = None
    if len(header) in (9, 10) and header[-1].casefold() == _YEAR_COLUMN.casefold():
        # Derived from the date, not data of OCR's: checked against the dates below, then dropped.
        years = table.iloc[:, -1].str.strip()
        table, header = table.iloc[:, :-1].copy(), header[:-1]
    header = _portal_header(header)
    if len(header) == 8:
        table["Web Description"] = ""  # some exports drop the empty description column
        header.append(HEADER[8])
    table.columns = _SHORT
    table = table.apply(lambda col: col.str.strip())
    if years is not None:
        _check_years(years, table)
    return table


def _portal_header(header: list[str]) -> list[str]:
    """The portal's titles for an export's header (9 columns, or 8 without Web Description).

    Each column must have its own title or a JSF placeholder: the portal's column order
    is fixed, so a placeholder stands for the title of its place, and the values are
    checked below (dates, states, counts, types). A real title out of place means
    another layout, which reading by position would silently scramble.
    """
    if len(header) not in (8, 9):
        raise SourceFormatError(SOURCE, f"unexpected columns {header!r}: {len(header)} columns; expected "
                                        f"{list(HEADER)!r}, or those 8 without Web Description "
                                        "(has the portal changed its export?)")
    expected = HEADER[: len(header)]
    home = {title.casefold(): number for number, title in enumerate(HEADER, 1)}
    problems = []
    for number, (found, wanted) in enumerate(zip(header, expected), 1):
        if found.casefold() == wanted.casefold() or _PLACEHOLDER_HEADER.match(found):
            continue
        if found.casefold() in home:
            problems.append(f"column {number} is {found!r}, which belongs in column {home[found.casefold()]} "
                            f"(expected {wanted!r} there)")
        else:
            problems.append(f"column {number} is {found!r}, not a column of the portal's export "
                            f"(expected {wanted!r} there)")
    if problems:
        raise SourceFormatError(SOURCE, f"unexpected columns: {'; '.join(problems)}; expected {list(HEADER)!r} "
                                        "(has the portal changed its export?)")
    return list(expected)


def _check_years(years: pd.Series, table: pd.DataFrame) -> None:
    """A re-saved export's Year column must be its submission dates' year, or the re-save changed rows."""
    dates = _parse_dates(table["date"])
    wrong = (years != dates.dt.strftime("%Y")).to_numpy().nonzero()[0]
    if len(wrong):
        # Rows as a spreadsheet numbers them (the header is row 1), with what identifies the filing.
        shown = "; ".join(f"row {i + 2} ({table['name'].iloc[i]!r}, submitted {dates.iloc[i]:%Y-%m-%d}): "
                          f"Year {years.iloc[i]!r}" for i in wrong[:3])
        raise SourceFormatError(SOURCE, f"the {_YEAR_COLUMN} column added by a re-save disagrees with Breach "
                                        f"Submission Date in {len(wrong)} row(s): {shown}")


def _parse_counts(values: pd.Series) -> pd.Series:
    cleaned = values.str.replace(r"[,\s]", "", regex=True)
    bad = cleaned[(cleaned != "") & ~cleaned.str.fullmatch(r"\d+")]
    if not bad.empty:
        raise SourceFormatError(SOURCE, f"Individuals Affected is not a whole number in {len(bad)} row(s): {list(bad[:3])}")
    return pd.to_numeric(cleaned.replace("", None)).astype("Int64")


def _parse_dates(values: pd.Series) -> pd.Series:
    dates = pd.to_datetime(values, format="%m/%d/%Y", errors="coerce")
    # Re-saves by data tools (pandas: the cjtorgerson list of December 2024) write ISO dates.
    iso = pd.to_datetime(values[dates.isna()], format="%Y-%m-%d", errors="coerce")
    dates = dates.fillna(iso)
    bad = values[dates.isna()]
    if not bad.empty:
        raise SourceFormatError(SOURCE, f"Breach Submission Date is not MM/DD/YYYY (nor YYYY-MM-DD) in {len(bad)} "
                                        f"row(s): {list(bad[:3])}")
    return dates.astype("datetime64[s]")


def detect_list(table: pd.DataFrame, as_of: pd.Timestamp) -> str:
    """Which list an export is: only archive rows carry OCR's Web Description."""
    if (table["description"] != "").any():
        return "archive"
    oldest = _parse_dates(table["date"]).min()
    if oldest >= as_of - pd.DateOffset(months=36):
        return "under_investigation"
    raise SourceFormatError(SOURCE, "cannot tell whether this export is the archive or the under-investigation "
                                    "list; say which with --list")


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """Rows of one HHS export in the tidy schema's columns (unfinished).

    `as_of` is when the export was taken (default: its newest submission date, a lower
    bound); `list_kind` is `under_investigation` or `archive` (default: detected).
    """
    table = read_table(raw)
    if table.empty:
        raise SourceFormatError(SOURCE, "the export has a header but no rows")
    reported = _parse_dates(table["date"])
    # Dates only: the store keeps days, and an export's as-of day is all that coverage needs.
    as_of_ts = pd.Timestamp(as_of).tz_localize(None).floor("D") if as_of is not None else reported.max()
    list_kind = list_kind or detect_list(table, as_of_ts)
    if list_kind not in LISTS:
        raise SourceFormatError(SOURCE, f"unknown list {list_kind!r}; expected one of {LISTS}")

    states = table["state"].str.upper()
    unknown_states = sorted(set(states) - normalise.known_us_states() - {""})
    if unknown_states:
        raise SourceFormatError(SOURCE, f"unknown State codes {unknown_states[:5]} (not in data/mappings/us_states.csv)")

    counts = _parse_counts(table["individuals"])
    attack = normalise.attack_types(SOURCE, table["breach_type"])
    attack = attack.mask(table["description"].str.contains(_RANSOMWARE), "ransomware")
    organisations = table["name"].map(_clean_name)
    if (organisations == "").any():
        raise SourceFormatError(SOURCE, f"{(organisations == '').sum()} row(s) have no Name of Covered Entity")

    tidy = pd.DataFrame({
        "record_id": _record_ids(organisations, states, reported, counts),
        "incident_id": None,  # set below; collectors.link may group it with other sources' reports
        "organization": organisations,
        "organization_type": normalise.lookup("organization_type", SOURCE, table["entity_type"], "organization_type"),
        "organization_type_raw": table["entity_type"].replace("", None),
        "country": "US",
        "subdivision": ("US-" + states).where(states != "", None),
        "attack_type": attack,
        "attack_type_raw": table["breach_type"].replace("", None),
        "threat_actor": None,  # OCR never names attackers
        "is_care_disrupted": pd.NA,
        "reported_date": reported,
        "incident_date": pd.NaT,
        "individuals_affected": counts,
        "is_placeholder_count": counts.isin(PLACEHOLDER_COUNTS).fillna(False).astype(bool),
        "breach_location": table["location"].str.replace(r"\s*,\s*", "; ", regex=True).replace("", None),
        "business_associate_involved": table["ba"].str.lower().map({"yes": True, "no": False}).astype("boolean"),
        # The vendor OCR's summary names ("its business associate (BA), <Name>, ..."); only the name is kept.
        "vendor": table["description"].map(vendors.vendor_from_description),
        "duplicate_of": None,  # set below
        "status": "confirmed",
        "source_list": list_kind,
        "source_url": PORTAL_URL,
        "source_snapshot": parsing.snapshot_id(raw),
        "first_seen_at": as_of_ts,
        "collected_at": as_of_ts,
    })
    tidy["duplicate_of"] = duplicate_filings(tidy)
    return tidy


# What a breach is: two rows of one export that agree on all of it (and on organisation, state, date and
# count) are one breach listed twice. The entity type is left out on purpose: Sturgis Hospital filed its
# 2025-09-18 breach once as a healthcare provider and once as a health plan, 77,771 people each time.
_FILING_FIELDS = ("attack_type", "attack_type_raw", "breach_location", "business_associate_involved")


def duplicate_filings(tidy: pd.DataFrame) -> pd.Series:
    """For each row, the record_id of the earlier row of the export it repeats (None for the first or only one).

    Rows with the same organisation, state, date and count share a record_id but for the `-2` suffix; they are
    duplicates only when every other field agrees too (West Sound Treatment Center filed a laptop theft and an
    unauthorised disclosure on one day: two filings)."""
    base = tidy["record_id"].str.replace(r"-\d+$", "", regex=True)
    keys = [base, *(tidy[column].astype("string").fillna("\0") for column in _FILING_FIELDS)]
    first = tidy["record_id"].groupby(keys, sort=False).transform("first")
    return first.where(first != tidy["record_id"], None)


def _clean_name(name: str) -> str:
    # One portal name holds U+0019 where U+2019 (’) was meant: the high byte was lost on the way.
    name = name.replace("\x19", "’")
    return " ".join(_CONTROL_CHARS.sub("", name).split())


def _record_ids(names: pd.Series, states: pd.Series, dates: pd.Series, counts: pd.Series) -> pd.Series:
    """`hhs_ocr:<12 hex>` from what identifies a filing; an exact repeat within one export gets `-2`, `-3`."""
    keys = (names.map(normalise.name_key) + "|" + states + "|" + dates.dt.strftime("%Y-%m-%d")
            + "|" + counts.astype("string").fillna(""))
    ids = keys.map(lambda k: f"{SOURCE}:{hashlib.sha1(k.encode()).hexdigest()[:12]}")
    repeat = ids.groupby(ids).cumcount()
    return ids.where(repeat == 0, ids + "-" + (repeat + 1).astype(str))
