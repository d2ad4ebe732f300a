"""CISSM Cyber Events Database (University of Maryland): its health-care events.

CISSM's researchers code publicly acknowledged cyber events from the press (Harry & Gallagher,
2018): one row per event, with the month it happened (`evtDate`, `YYYY Mon`), the target
(`organization`), its NAICS sector (`industry_code`), the country of impact, the threat actor,
the kind of event (`event_type` Disruptive / Exploitative / Mixed, `event_subtype` Data Attack,
External Denial of Service ...) and the link it was coded from. We keep the events of NAICS
sector 62, Health Care and Social Assistance.

The raw export is given on request by the investigators (the site, https://cissm.liquifiedapps.com/,
is a browsing interface without a download), so there is no live fetch: a file is ingested with
`python -m collectors ingest cissm FILE`. The shared snapshot is such an export re-saved as CSV
(see the snapshots' MANIFEST).

What is kept: structured fields and the link, never the coders' `description` (narrative text,
not read at all). Dates are month-precise: `reported_date` = `incident_date` = the 1st of the
month, `date_precision` = `month`. Organisation names carry encoding damage, repaired only where
the repair is certain (see `repair_mojibake`).
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from datetime import datetime

import pandas as pd
import requests

from collectors import coverage, parsing, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.text import classify, normalise
from collectors.text.mojibake import repair_mojibake
from collectors.text.translatable import N_
from collectors.text.urls import canonical_url

SOURCE = "cissm"
DATABASE_URL = "https://cissm.liquifiedapps.com/"
INFO = {
    "name": SOURCE,
    "title": N_("CISSM Cyber Events Database (health care and social assistance)"),
    "publisher": N_("Center for International and Security Studies at Maryland (CISSM), University of Maryland"),
    "url": DATABASE_URL,
    "licence": N_("none stated; cite Harry & Gallagher (2018), Classifying Cyber Events, Journal of "
                  "Information Warfare 17(3)"),
    "status": "reported",
    "lists": ("events",),
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": N_("Publicly acknowledged cyber events coded by CISSM's researchers from the press, whose target "
                 "is in NAICS sector 62 (health care and social assistance): one row per event, dated by its "
                 "month."),
    "biases": (
        N_("Coded from English-language press: events that only local-language media reported are rare."),
        N_("US-heavy: four events in five are in the United States, and many of them are the same breaches as "
           "HHS filings, coded from the press (a source to link, not to add)."),
        N_("Dates are months, not days: the rows are left out of weekly counts."),
        N_("The export stops in January 2023."),
        N_("NAICS 62 includes social assistance (social services, foster care), which is not health care."),
    ),
}
LISTS = ("events",)
FETCH = False  # no public download: `update` leaves it out; files come in through `ingest`
SNAPSHOT_FILES = ("cissm/cissm_cyber_events_*.csv",)
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
NETWORK = True
MATCH_ON_CONTENT = False
REPOSITORY_FILES: tuple[str, ...] = ()
removed_reports = None

# The columns we read, checked by name (so a reordering is harmless). `description` is not among them.
REQUIRED = ("evtDate", "actor", "actor_type", "organization", "industry_code", "industry", "event_type",
            "event_subtype", "source_url", "country")
HEALTH_CODE = "62"  # NAICS 62, Health Care and Social Assistance
_MONTHS = {m: i for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_EVT_DATE = re.compile(r"(\d{4}) (" + "|".join(_MONTHS) + r")")
# Values of `country` that say the country is not known (3 health events in the 2023-01 export, among them
# a campaign against hospitals in several countries and the Red Cross): the schema needs a country, so these
# events are left out, as other sources' events without a country are. Any other value that is not a country
# stops the parser, so a misspelt country is never dropped quietly.
NOT_A_COUNTRY = frozenset({"Undetermined", ""})
# The actor is kept only when CISSM codes it as a group: its Hobbyist and Undetermined actors are mostly
# named private persons (insiders, people in court records) and we collect no personal data.
GROUP_ACTOR_TYPES = frozenset({"Criminal", "Hacktivist", "Nation-State", "Terrorist"})
# Names that are no group: placeholders, and a person's name coded as the actor of a breach.
_NOT_A_GROUP = frozenset({"undetermined", "unknown", "", "john doe", "todd davis aka lifelock"})
# CISSM has no ransomware label: its `Data Attack` is data destroyed, altered or encrypted (ransomware and wipers
# alike). A Data Attack by one of these ransomware operations is ransomware (every name is one seen in the
# health events; the actor is a structured field, the description is never read). Extortion-only groups that
# do not encrypt (RansomHouse, Everest ...) are not in the list.
RANSOMWARE_ACTORS = frozenset(name.casefold() for name in (
    "AKO", "ALPHV", "ALPHVM", "Astro Team", "Avaddon", "Avos Locker", "AvosLocker", "Babuk", "BianLian", "BL00DY",
    "Black Basta", "BlackByte", "Conti", "Daixin Team", "DeepBlueMagic", "Egregor", "EKANS (SNAKE)", "HelloKitty",
    "Hive", "INDRIK SPIDER", "LockBit", "LockBit 3.0", "Lorenz", "MAZE", "Mespinoza", "NetWalker", "PayorGrief",
    "PHOBOS", "Pysa", "Quantum", "Ragnar Locker", "RansomExx", "REvil", "Snatch", "SunCrypt", "Venus",
    "Vice Society", "WIZARD SPIDER", "Xing Team"))
DATA_ATTACK = "Data Attack"


def fetch(session: requests.Session) -> list:
    """No live fetch: CISSM publishes no download."""
    raise FetchError(SOURCE, "CISSM has no public download: the raw export of the Cyber Events Database is given "
                             f"on request by its investigators ({DATABASE_URL}). Save the file they send and "
                             "ingest it with `python -m collectors ingest cissm FILE`.")


def measure_coverage(raw: bytes) -> dict:
    """Coverage shown by every event of the export, any industry (collectors/coverage.py): the coders looked at
    a country from the first event they coded there to the last."""
    table = read_table(raw)
    codes = table["country"].map(lambda name: normalise.country_code(name) if name else None)
    return coverage.measure(month_start(table["evtDate"]), codes)


def read_table(raw: bytes) -> pd.DataFrame:
    """The export as a frame of strings (trimmed); clear errors for other files and bad dates."""
    if not raw.strip():
        raise SourceFormatError(SOURCE, "the export is empty")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:  # a file re-saved by a spreadsheet on Windows
            text = raw.decode("cp1252")
        except UnicodeDecodeError as err:
            raise SourceFormatError(SOURCE, f"the export is neither UTF-8 nor Windows-1252 "
                                            f"({err.reason} at byte {err.start})") from None
    if text.lstrip().startswith("<"):
        raise SourceFormatError(SOURCE, "expected a CSV export but got an HTML or XML page")
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise SourceFormatError(SOURCE, f"the export is not a readable CSV (truncated?): {err}") from None
    if not isinstance(table.index, pd.RangeIndex):
        raise SourceFormatError(SOURCE, "the first row has more fields than the header (a broken row?)")
    table.columns = [str(c).strip() for c in table.columns]
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise SourceFormatError(SOURCE, f"not a CISSM Cyber Events export: columns {missing} are missing "
                                        f"(header starts {list(table.columns[:5])})")
    # The coders' narrative is dropped as soon as it is read: nothing below can use it.
    table = table.drop(columns=[c for c in table.columns if c == "description"]).apply(lambda col: col.str.strip())
    bad = ~table["evtDate"].str.fullmatch(_EVT_DATE.pattern)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise SourceFormatError(SOURCE, f"evtDate is not 'YYYY Mon' (e.g. '2022 Dec') in {int(bad.sum())} row(s); "
                                        f"first: row {row + 1} after the header, value {table['evtDate'].iloc[row]!r}")
    return table


def month_start(evt_date: pd.Series) -> pd.Series:
    """`2022 Dec` -> 2022-12-01 (CISSM gives the month only)."""
    parts = evt_date.str.extract(_EVT_DATE.pattern)
    return pd.to_datetime(pd.DataFrame({"year": parts[0].astype(int), "month": parts[1].map(_MONTHS), "day": 1}))


def health_events(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of NAICS sector 62; the code may be written `62` or, after a numeric round trip, `62.0`."""
    code = table["industry_code"].str.replace(r"\.0+$", "", regex=True)
    return table[code == HEALTH_CODE].reset_index(drop=True)


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """One row per health-care event with a country, in the tidy schema's columns (unfinished).

    `as_of` defaults to the last day of the newest month in the file (the export holds that month's
    events); `list_kind` can only be `events`.
    """
    table = read_table(raw)
    if table.empty:
        raise SourceFormatError(SOURCE, "the export has a header but no rows")
    list_kind = list_kind or "events"
    if list_kind not in LISTS:
        raise SourceFormatError(SOURCE, f"unknown list {list_kind!r}; expected one of {LISTS}")
    newest = month_start(table["evtDate"]).max()
    as_of_ts = (pd.Timestamp(as_of).tz_localize(None).floor("D") if as_of is not None
                else newest + pd.offsets.MonthEnd(0))

    health = health_events(table)
    health = health[~health["country"].isin(NOT_A_COUNTRY)].reset_index(drop=True)
    if health.empty:
        return schema.empty_frame()
    countries = health["country"].map(_country)
    organisations = health["organization"].map(clean_name)
    if (organisations == "").any():
        raise SourceFormatError(SOURCE, f"{int((organisations == '').sum())} health event(s) without an organization")
    month = month_start(health["evtDate"]).astype("datetime64[s]")
    urls = health["source_url"].map(canonical_url)
    subtype_labels = health["event_subtype"].map(_labels)
    labels = [",".join(sub + ([etype] if etype else [])) for sub, etype in zip(subtype_labels, health["event_type"])]
    attack_type = normalise.attack_types(SOURCE, pd.Series(labels, index=health.index))
    actor = health["actor"].map(clean_name)
    ransomware = pd.Series([DATA_ATTACK in sub for sub in subtype_labels], index=health.index) & \
        actor.str.casefold().isin(RANSOMWARE_ACTORS)
    attack_type = attack_type.mask(ransomware, "ransomware")
    is_group = health["actor_type"].isin(GROUP_ACTOR_TYPES) & ~actor.str.casefold().isin(_NOT_A_GROUP)

    tidy = pd.DataFrame({
        "record_id": _record_ids(*(health[c].map(_spaces) for c in _KEY_FIELDS)),
        "incident_id": None,
        "organization": organisations,
        "organization_type": organisations.map(classify.organization_type_from_text),
        "organization_type_raw": health["industry"].replace("", None),
        "country": countries,
        "subdivision": None,
        "attack_type": attack_type,
        "attack_type_raw": [_raw_type(t, s) for t, s in zip(health["event_type"], health["event_subtype"])],
        "threat_actor": actor.where(is_group, None),
        "is_care_disrupted": pd.NA,  # Disruptive says systems were disrupted, not patient care
        "reported_date": month,  # CISSM dates events by month; the press date is not given
        "incident_date": month,
        "date_precision": "month",
        "reported_date_basis": "event_only",
        "individuals_affected": pd.NA,
        "breach_location": None,
        "business_associate_involved": pd.NA,
        "vendor": None,
        "status": "reported",
        "source_list": list_kind,
        "source_url": urls.fillna(DATABASE_URL),
        "source_snapshot": parsing.snapshot_id(raw),
        "first_seen_at": as_of_ts,
        "collected_at": as_of_ts,
    })
    return tidy


def _labels(subtype: str) -> list[str]:
    return [part.strip() for part in subtype.split(",") if part.strip()]


def _raw_type(event_type: str, subtype: str) -> str | None:
    """`Mixed: Data Attack, Exploitation of Application Server`, CISSM's two columns kept whole."""
    subtype = ", ".join(_labels(subtype))
    if event_type and subtype:
        return f"{event_type}: {subtype}"
    return event_type or subtype or None


# The fields an event's record_id is made of, as the export writes them (spaces collapsed): not our repaired
# name or canonical link, so a change to our cleaning never changes an id.
_KEY_FIELDS = ("organization", "evtDate", "country", "source_url", "event_type", "event_subtype", "actor")


def _spaces(text: str) -> str:
    return " ".join(text.split())


def _record_ids(*fields: pd.Series) -> list[str]:
    """`cissm:<12 hex>` from the event's own fields (CISSM's export has no event id).

    Kept across re-exports as long as CISSM does not recode the event. Some events are listed twice with
    every field alike (34 pairs in the 2023-01 export, mostly a breach coded twice from one article): they are
    kept as CISSM lists them, and the second and later copies get an occurrence number in their key so every
    id is unique. Identical rows cannot be told apart, so which copy gets which number does not matter.
    """
    keys = pd.Series(["\x1f".join(values) for values in zip(*fields)])
    occurrence = keys.groupby(keys).cumcount()
    return [f"{SOURCE}:" + hashlib.sha1((key if n == 0 else f"{key}\x1f#{n}").encode()).hexdigest()[:12]
            for key, n in zip(keys, occurrence)]


def _country(name: str) -> str:
    code = normalise.country_code(name)
    if code is None:
        raise SourceFormatError(SOURCE, f"country {name!r} of a health event is not a country we know (add it to "
                                        "the country aliases in collectors/text/normalise.py, or to NOT_A_COUNTRY in "
                                        "collectors/sources/cissm.py if it means 'unknown')")
    return code


def clean_name(text: str) -> str:
    """A name as CISSM writes it, encoding damage repaired where certain, spaces (and NBSPs) collapsed."""
    return " ".join(unicodedata.normalize("NFC", repair_mojibake(text)).split())
