"""EuRepoC, the European Repository of Cyber Incidents: the health incidents of its Global Database.

EuRepoC's researchers code politically relevant cyber incidents worldwide from public
reports (news, vendor reports, government statements), one row per incident. We keep
the incidents with at least one receiver in the critical-infrastructure sector `Health`.

One raw export is one file: the release's Global Database (81 columns). It is enough on
its own: its receiver columns are Python-list strings aligned receiver by receiver
(`receiver_country[i]`, `receiver_name[i]`, `receiver_category_subcode[i]`), which is
exactly what the release's Receiver dataset spreads over rows (tests check the two agree).
The Receiver dataset alone is refused with a message saying so.
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
from datetime import UTC, datetime

import pandas as pd
import requests

from collectors import coverage, parsing
from collectors.errors import FetchError, SourceFormatError
from collectors.http import download
from collectors.raw import RawExport
from collectors.text import classify, normalise
from collectors.text.translatable import N_
from collectors.text.urls import canonical_url

SOURCE = "eurepoc"
ZENODO_RECORD = "https://zenodo.org/records/7848941"
GLOBAL_DATABASE_URL = f"{ZENODO_RECORD}/files/EuRepoC_Global_Database_1.1.csv?download=1"
INFO = {
    "name": SOURCE,
    "title": N_("EuRepoC European Repository of Cyber Incidents (health receivers)"),
    "publisher": N_("EuRepoC consortium (https://eurepoc.eu/)"),
    "url": ZENODO_RECORD,
    "licence": N_("not verified: check the Zenodo record before redistributing"),
    "status": "reported",
    "lists": ("incidents",),
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": N_("Politically relevant cyber incidents coded by EuRepoC's researchers from public reports "
                 "(state operations, hacktivism, criminal attacks on critical infrastructure) with a receiver "
                 "in the Health sector: one row per incident, dated by its start."),
    "biases": (
        N_("Selected for political relevance: espionage and hacktivist DDoS are well covered, ordinary "
           "ransomware at hospitals only sporadically."),
        N_("A multi-country campaign counts once, in the first country named."),
        N_("The reported date is the incident's start date: it says nothing about reporting lags."),
        N_("Release 1.1 stops in mid-2023."),
    ),
}
LISTS = ("incidents",)
SNAPSHOT_FILES = ("eurepoc/EuRepoC_Global_Database_1.1.csv",)
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
FETCH = True
NETWORK = True
MATCH_ON_CONTENT = False
REPOSITORY_FILES: tuple[str, ...] = ()
removed_reports = None

# The columns we read; the Global Database has 81, checked by name so a reordering is harmless.
REQUIRED = ("ID", "name", "start_date", "end_date", "incident_type", "receiver_name", "receiver_country",
            "receiver_category_subcode", "initiator_name", "attribution_date", "MITRE_impact", "sources_url")
RECEIVER_HEADER = ("ID", "receiver_country", "receiver_region", "receiver_name", "receiver_category",
                   "receiver_category_subcode")
CIT_HEADER = ("id", "receiver_subcategory", "ci_subtype")
HEALTH = "Health"
# Receiver "countries" that are regions, organisations or placeholders (every one seen in release 1.1).
# A value neither here nor a country stops the parser, so a misspelt country is never dropped quietly.
_NOT_A_COUNTRY = re.compile(
    r".*\(region\)|Unknown|Not available|Africa|Caucasus|(North|South) America|(Northern|Eastern|Western) Europe"
    r"|ISIS|Interpol|UNICEF|United Nations.*|International Association of Athletics Federations"
    r"|Organization for Security and Cooperation in Europe|World Anti-Doping Agency")
# EuRepoC's placeholders for "no name" in receiver and initiator lists.
_NO_NAME = {"", "not available", "unknown", "none", "nan"}


def fetch(session: requests.Session, url: str = GLOBAL_DATABASE_URL, *, now=None,
          timeout: tuple[float, float] | None = None) -> list[RawExport]:
    """The release's Global Database from Zenodo (one CSV of about 3.5 MB)."""
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    # Checked to be CSV: not an HTML error page or an empty body.
    _, content = download(session, url, SOURCE, kinds=("csv",), timeout=timeout)
    try:
        read_table(content)  # the header is the Global Database's and every quoted field is closed
    except SourceFormatError as err:
        raise FetchError(SOURCE, f"{url}: {err.message}") from None
    if not content.endswith(b"\n"):
        raise FetchError(SOURCE, f"{url}: the CSV does not end with a newline (truncated download?)")
    return [RawExport(SOURCE, content, origin=url, list_kind="incidents", fetched_at=fetched_at)]


def read_table(raw: bytes) -> pd.DataFrame:
    """The Global Database as a frame of strings; clear errors for other files."""
    if not raw.strip():
        raise SourceFormatError(SOURCE, "the export is empty")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceFormatError(SOURCE, f"the export is not UTF-8 ({err.reason} at byte {err.start})") from None
    if text.lstrip().startswith("<"):
        raise SourceFormatError(SOURCE, "expected a CSV export but got an HTML or XML page")
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise SourceFormatError(SOURCE, f"the export is not a readable CSV (truncated?): {err}") from None
    header = tuple(str(c).strip() for c in table.columns)
    if header == RECEIVER_HEADER:
        raise SourceFormatError(SOURCE, "this is EuRepoC's Receiver dataset; ingest the Global Database "
                                        "(EuRepoC_Global_Database_*.csv), which carries the receivers too")
    if header[:3] == CIT_HEADER:
        raise SourceFormatError(SOURCE, "this is the critical-infrastructure tracker's subtype file, not the "
                                        "Global Database")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise SourceFormatError(SOURCE, f"not EuRepoC's Global Database: columns {missing} are missing "
                                        f"(header starts {list(header[:5])})")
    return table.apply(lambda col: col.str.strip())


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """One row per incident with a health receiver, in the tidy schema's columns (unfinished).

    `as_of` defaults to the newest start or end date in the file (a lower bound of the
    release date); `list_kind` can only be `incidents`.
    """
    table = read_table(raw)
    if table.empty:
        raise SourceFormatError(SOURCE, "the export has a header but no rows")
    list_kind = list_kind or "incidents"
    if list_kind not in LISTS:
        raise SourceFormatError(SOURCE, f"unknown list {list_kind!r}; expected one of {LISTS}")
    if not table["ID"].str.fullmatch(r"\d+").all() or not table["ID"].is_unique:
        raise SourceFormatError(SOURCE, "the ID column is not a unique whole number on every row")
    newest = pd.concat([_dates(table["start_date"], "start_date"), _dates(table["end_date"], "end_date")]).max()
    as_of_ts = pd.Timestamp(as_of).tz_localize(None).floor("D") if as_of is not None else newest

    receivers = [health_receivers(row) for row in table.itertuples(index=False)]
    health = table.assign(receivers_=receivers)[[bool(r) for r in receivers]].reset_index(drop=True)
    rows = [_incident(row, as_of_ts) for row in health.itertuples(index=False)]
    rows = [r for r in rows if r is not None]  # incidents with no country or no date at all: see _incident
    tidy = pd.DataFrame(rows, columns=list(_ROW_FIELDS)) if rows else pd.DataFrame(columns=list(_ROW_FIELDS))
    attack_labels = tidy["_labels"].astype(str)
    tidy = tidy.drop(columns="_labels").assign(
        record_id=tidy["ID"].map(lambda i: f"{SOURCE}:{hashlib.sha1(i.encode()).hexdigest()[:12]}"),
        incident_id=None,
        attack_type=normalise.attack_types(SOURCE, attack_labels) if len(tidy) else attack_labels,
        subdivision=None,
        is_care_disrupted=pd.NA,  # no column says patient care was disrupted; see the README
        # The report is dated by the incident's start (the attack's date), unless EuRepoC gives none.
        reported_date_basis=pd.Series("event_only", index=tidy.index).where(tidy["incident_date"].notna(), None),
        individuals_affected=pd.NA,
        breach_location=None,
        business_associate_involved=pd.NA,
        status="reported",
        source_list=list_kind,
        source_snapshot=parsing.snapshot_id(raw),
        first_seen_at=as_of_ts,
        collected_at=as_of_ts,
    ).drop(columns="ID")
    return tidy


def measure_coverage(raw: bytes) -> dict:
    """Coverage shown by every incident of the release, any sector (collectors/coverage.py): EuRepoC's coders
    looked at a country from the first incident they coded there to the last."""
    table = read_table(raw)
    starts = _dates(table["start_date"], "start_date")
    days, countries = [], []
    for start, cell in zip(starts, table["receiver_country"]):
        for name in dict.fromkeys(split_list(cell)):
            code = normalise.country_code(name)
            if code and pd.notna(start):
                days.append(start)
                countries.append(code)
    measured = coverage.measure(pd.Series(days, dtype="datetime64[s]"), pd.Series(countries, dtype="object"))
    # The release's months are every incident's, including those with only a region as receiver.
    measured["months"] = {m: int(n) for m, n in starts.dropna().dt.strftime("%Y-%m").value_counts().sort_index().items()}
    measured["first"], measured["last"] = f"{starts.min():%Y-%m-%d}", f"{starts.max():%Y-%m-%d}"
    return measured


_ROW_FIELDS = ("ID", "organization", "organization_type", "organization_type_raw", "country", "attack_type_raw",
               "_labels", "threat_actor", "reported_date", "incident_date", "source_url")


def _incident(row, as_of: pd.Timestamp) -> tuple | None:
    receivers = row.receivers_
    countries = [code for code in (_country(r["country"]) for r in receivers) if code]
    if not countries:
        return None  # only regions ("Middle East (region)", "Unknown"): the schema needs a country
    start = _dates(pd.Series([row.start_date]), "start_date").iloc[0]
    # One incident has no start date; the day it was first attributed is the earliest date EuRepoC gives.
    fallback = _dates(pd.Series(split_list(row.end_date) + split_list(row.attribution_date)), "date").min()
    reported = start if pd.notna(start) else fallback
    if pd.isna(reported):
        return None
    names = list(dict.fromkeys(n for r in receivers for n in r["names"]))
    # A single health receiver with a name: that organisation. Otherwise EuRepoC's own title of the
    # incident ("Killnet disrupted at least 14 hospitals in the United States ..."), a label, not a name.
    organisation = names[0] if len(receivers) == 1 and len(names) == 1 else _clean(row.name)
    org_type = classify.organization_type_from_text(organisation)
    incident_type, mitre = row.incident_type, row.MITRE_impact
    labels = [x for x in split_list(incident_type) + split_list(mitre)]
    raw_type = incident_type + (f" (MITRE: {mitre})" if mitre and mitre != "Not available" else "")
    actors = [a for a in dict.fromkeys(_clean(a) for a in split_list(row.initiator_name))
              if a.casefold() not in _NO_NAME]
    urls = [u for u in split_list(row.sources_url) if u.startswith(("http://", "https://"))]
    return (row.ID, organisation, org_type, HEALTH, countries[0], raw_type or None, ", ".join(labels),
            "; ".join(actors) or None, reported, start, canonical_url(urls[0]) if urls else ZENODO_RECORD)


def health_receivers(row) -> list[dict]:
    """The receivers of one incident whose sector is Health: [{country, names}], in EuRepoC's order."""
    subcodes = parse_list(row.receiver_category_subcode, row.ID)
    if not any(HEALTH in (s if isinstance(s, list) else [s]) for s in subcodes):
        return []
    countries = parse_list(row.receiver_country, row.ID)
    names = parse_list(row.receiver_name, row.ID) or [[] for _ in countries]
    if not (len(subcodes) == len(countries) == len(names)):
        raise SourceFormatError(SOURCE, f"incident {row.ID}: receiver lists of different lengths "
                                        f"({len(countries)} countries, {len(subcodes)} sectors, {len(names)} names)")
    found = []
    for country, sectors, who in zip(countries, subcodes, names):
        if HEALTH in (sectors if isinstance(sectors, list) else [sectors]):
            who = who if isinstance(who, list) else [who]
            found.append({"country": str(country).strip(),
                          "names": [_clean(n) for n in who if _clean(n).casefold() not in _NO_NAME]})
    return found


def parse_list(value: str, incident: str = "?") -> list:
    """A cell holding a Python-list string (`"['United States', 'Japan']"`, nested or not) as a list."""
    value = value.strip()
    if not value:
        return []
    if not value.startswith("["):
        return split_list(value)
    try:
        parsed = ast.literal_eval(value)  # literals only: never evaluates code
    except (ValueError, SyntaxError):
        raise SourceFormatError(SOURCE, f"incident {incident}: cannot read the list {value[:60]!r}") from None
    if not isinstance(parsed, list):
        raise SourceFormatError(SOURCE, f"incident {incident}: expected a list, got {value[:60]!r}")
    return parsed


def split_list(value: str) -> list[str]:
    """A cell that is a Python-list string or `; `-joined values, flattened to its non-empty strings."""
    value = value.strip()
    if value.startswith("["):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            raise SourceFormatError(SOURCE, f"cannot read the list {value[:60]!r}") from None
        flat = []
        stack = [parsed]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif str(item).strip():
                flat.append(str(item).strip())
        return flat
    return [part.strip() for part in value.split(";") if part.strip()]


def _country(name: str) -> str | None:
    code = normalise.country_code(name)
    if code is None and not _NOT_A_COUNTRY.fullmatch(name):
        raise SourceFormatError(SOURCE, f"receiver country {name!r} is neither a known country nor a region "
                                        "EuRepoC uses (add it to _NOT_A_COUNTRY or to the country aliases)")
    return code


def _dates(values: pd.Series, column: str) -> pd.Series:
    cleaned = values.astype("str").str.strip().replace({"NaT": "", "nan": ""})  # pandas wrote missing dates as "NaT"
    cleaned = cleaned.str.replace(r"^(\d{4}-\d\d-\d\d)[ T][\d:.]+$", r"\1", regex=True)  # attribution dates hold a time
    dates = pd.to_datetime(cleaned.replace("", None), format="%Y-%m-%d", errors="coerce")
    bad = cleaned[dates.isna() & (cleaned != "")]
    if not bad.empty:
        raise SourceFormatError(SOURCE, f"{column} is not YYYY-MM-DD in {len(bad)} row(s): {list(bad[:3])}")
    return dates.astype("datetime64[s]")


def _clean(text: str) -> str:
    return " ".join(str(text).split())  # also turns EuRepoC's non-breaking spaces into plain ones
