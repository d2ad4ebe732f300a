"""ransomware.live: ransomware groups' leak-site claims, and cyberattacks reported in the press.

Two lists. *Victims* are what a group claims on its leak site (status `claimed`: unverified;
groups lie, re-post old victims and claim other groups' victims). *Press* items are attacks that
ransomware.live found in news articles (status `reported`), linked to a claim when it found one.
Only healthcare rows are kept: victims by the site's sector label (data/mappings/sector.csv),
press items by collectors.classify on the victim's name and the summary's lead sentence.

We keep structured fields and links only. Never stored, never followed: leak-site URLs
(`post_url`, `claim_url`, anything .onion), screenshots, the groups' descriptions, infostealer
counts, and the press summary/title (used to classify, then dropped).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

import pandas as pd
import requests

from collectors import classify, coverage, normalise, parsing, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.http import download
from collectors.raw import RawExport
from collectors.urls import canonical_url, date_in_url, url_key

SOURCE = "ransomware_live"
SITE = "https://www.ransomware.live"
FREE_URL = "https://api.ransomware.live/v2/sectorvictims/Healthcare"
PRO_VICTIMS_URL = "https://api-pro.ransomware.live/victims/recent"
PRO_PRESS_URL = "https://api-pro.ransomware.live/press/all"
API_KEY_VARIABLE = "RANSOMWARE_LIVE_API_KEY"
INFO = {
    "name": SOURCE,
    "title": "ransomware.live (leak-site claims and press reports)",
    "publisher": "ransomware.live (Julien Mousqueton)",
    "url": FREE_URL,
    "licence": "free for personal/research use per a third-party document; not verified (commercial use: API PRO)",
    "status": "claimed (leak-site victims); reported (press)",
    "lists": ("victims", "press"),
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": {
        "en": "Ransomware groups' leak-site claims against healthcare organisations (claimed) and press articles "
              "about attacks on them (reported), as ransomware.live collects them, worldwide.",
        "fr": "Revendications de groupes de rançongiciel contre des organisations de santé sur leurs sites de "
              "fuite (revendiqué) et articles de presse sur ces attaques (signalé), tels que ransomware.live les "
              "collecte, dans le monde entier.",
    },
    "biases": {
        "en": ("Claims are unverified: groups lie, exaggerate and re-post old victims.",
               "Leak sites only show victims who did not pay (or not yet).",
               ("Sector labels are machine-made and 10% of claims have none; the press selection misses about "
                "3 in 10 healthcare items."),
               "Press coverage favours the US (63% of healthcare rows), then Germany and France.",
               "The committed victim lists are two one-week samples, not a time series."),
        "fr": (("Les revendications ne sont pas vérifiées : les groupes mentent, exagèrent, republient d'anciennes "
                "victimes."),
               "Les sites de fuite ne montrent que les victimes qui n'ont pas payé (ou pas encore).",
               ("Les secteurs sont attribués automatiquement et 10 % des revendications n'en ont pas ; la sélection "
                "des articles manque environ 3 articles santé sur 10."),
               "La presse couvre surtout les États-Unis (63 % des lignes santé), puis l'Allemagne et la France.",
               "Les listes de victimes publiées sont deux échantillons d'une semaine, pas une série."),
    },
}
LISTS = ("victims", "press")
# Files of ../shared/snapshots that `python -m collectors build` merges into the committed dataset.
SNAPSHOT_FILES = ("ransomware-live/*victims*.json", "ransomware-live/pro_press_all_*.json")

log = logging.getLogger(__name__)


# ---- shapes -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    name: str
    list_kind: str
    container: str | None  # the key holding the records (None: the document is the list)
    fields: tuple[str, ...]  # fields every record has
    description: str


SHAPES = (
    Shape("v1_victims", "victims", None, ("post_title", "group_name", "discovered"),
          "v1 /recentvictims: a JSON array of {post_title, group_name, discovered, country, activity ...}"),
    Shape("v2_victims", "victims", None, ("victim", "group", "discovered"),
          "free v2 /sectorvictims, /recentvictims: a JSON array of {victim, group, discovered, country, activity ...}"),
    Shape("pro_victims", "victims", "victims", ("victim", "group", "discovered"),
          "PRO /victims/recent: an object {victims: [{victim, group, discovered, country, activity, id ...}]}"),
    Shape("pro_press", "press", "results", ("date", "victim", "url"),
          "PRO /press/all: an object {results: [{date, victim, country, title, url, summary ...}]}"),
)
EXPECTED = "; or ".join(s.description for s in SHAPES)


def load(raw: bytes) -> object:
    """The export's JSON, or a clear error for an empty, HTML or truncated file."""
    text = raw.removeprefix(b"\xef\xbb\xbf").strip()
    if not text:
        raise SourceFormatError(SOURCE, f"the export is empty; expected {EXPECTED}")
    if text[:1] == b"<":
        raise SourceFormatError(SOURCE, f"expected JSON but got an HTML page (an error page or a captcha); "
                                        f"expected {EXPECTED}")
    try:
        return json.loads(text.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise SourceFormatError(SOURCE, f"the export is not UTF-8 JSON: {err}") from None
    except json.JSONDecodeError as err:
        raise SourceFormatError(SOURCE, f"the export is not valid JSON (truncated?): {err.msg} at character "
                                        f"{err.pos:,} of {len(text):,}") from None


def detect_shape(document: object) -> tuple[Shape, list[dict]]:
    """Which of the known API answers this is, and its records; an error saying what was expected otherwise."""
    for shape in SHAPES:
        if shape.container is None:
            records = document if isinstance(document, list) else None
        else:
            records = document.get(shape.container) if isinstance(document, dict) else None
        if not isinstance(records, list):
            continue
        if not records:
            raise SourceFormatError(SOURCE, f"the answer holds no records (an empty list"
                                            f"{f' under {shape.container!r}' if shape.container else ''})")
        if not all(isinstance(r, dict) for r in records):
            continue
        if all(all(f in r for f in shape.fields) for r in records):
            return shape, records
    if isinstance(document, list) and document and isinstance(document[0], dict):
        found = f"a JSON array of records with fields {sorted(document[0])[:12]}"
    elif isinstance(document, dict):
        found = f"a JSON object with keys {sorted(document)[:12]}"
    else:
        found = f"a JSON {type(document).__name__}"
    raise SourceFormatError(SOURCE, f"unexpected JSON shape: {found}; expected {EXPECTED}")


# ---- parse --------------------------------------------------------------------------------------

@dataclass
class Selection:
    """What happened to the records of one export (also logged by parse())."""
    shape: str
    rows_in: int
    counts: Counter  # reason -> records left out; "kept" -> healthcare rows returned

    def __str__(self) -> str:
        left_out = ", ".join(f"{n:,} {why}" for why, n in sorted(self.counts.items()) if why != "kept")
        return f"{self.shape}: {self.rows_in:,} records in, {self.counts['kept']:,} healthcare rows kept ({left_out})"


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """Healthcare rows of one ransomware.live export in the tidy schema.

    The shape (v1, free v2, PRO victims, PRO press) is detected from the content; `list_kind`
    (`victims` or `press`), when given, must agree with it. `as_of` is when the export was taken
    (default: the newest date in the file).
    """
    rows, selection = _select(raw, list_kind, as_of)
    log.info("%s: %s", SOURCE, selection)
    if not rows:
        return schema.empty_frame()
    tidy = pd.DataFrame(rows)
    tidy.insert(1, "incident_id", None)
    return parsing.finish(tidy, SOURCE)


def measure_coverage(raw: bytes) -> dict:
    """Coverage shown by every record of the export, any sector (collectors/coverage.py): a press index
    covers a country from its first article about it, a one-week pull covers the days it spans."""
    shape, records = detect_shape(load(raw))
    # Measured on the date the rows are counted by: a press item's report date, a claim's discovery.
    days = pd.Series([press_reported_date(r)[0] if shape.list_kind == "press" else _day(r.get("discovered"))
                      for r in records], dtype="datetime64[s]")
    countries = pd.Series([(r.get("country") or "").strip().upper() or None for r in records], dtype="object")
    return coverage.measure(days, countries.where(countries.str.fullmatch(r"[A-Z]{2}").fillna(False)))


def summarise(raw: bytes, *, list_kind: str | None = None) -> Selection:
    """How many records of an export are kept, and why the others are left out."""
    return _select(raw, list_kind, None)[1]


def _select(raw: bytes, list_kind: str | None, as_of: datetime | None) -> tuple[list[dict], Selection]:
    shape, records = detect_shape(load(raw))
    if list_kind is not None and list_kind not in LISTS:
        raise SourceFormatError(SOURCE, f"unknown list {list_kind!r}; expected one of {LISTS}")
    if list_kind is not None and list_kind != shape.list_kind:
        raise SourceFormatError(SOURCE, f"the export was given as list {list_kind!r} but holds {shape.description}")
    snapshot = parsing.snapshot_id(raw)
    sectors = _sectors() if shape.list_kind == "victims" else {}
    press = _press_context(records) if shape.list_kind == "press" else None
    as_of_day = _as_of(shape, records, as_of)
    counts: Counter = Counter()
    rows, seen = [], set()
    for record in records:
        row, why = _victim_row(shape, record, sectors) if press is None else _press_row(shape, record, press)
        if row is None:
            counts[why] += 1
            continue
        # The same claim or article listed twice in one export, also under http and https (one page).
        same_page = (url_key(row["source_url"]), row["organization"]) if shape.list_kind == "press" else None
        if row["record_id"] in seen or same_page in seen:
            counts["repeated in the export"] += 1
            continue
        seen.update({row["record_id"], same_page} - {None})
        row.update(source_snapshot=snapshot, first_seen_at=as_of_day, collected_at=as_of_day)
        rows.append(row)
    counts["kept"] = len(rows)
    return rows, Selection(shape.name, len(records), counts)


def _as_of(shape: Shape, records: list[dict], as_of: datetime | None) -> pd.Timestamp:
    if as_of is not None:  # dates only: the store keeps days
        stamp = pd.Timestamp(as_of)
        return (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo else stamp).floor("D")
    fields = ("date", "added") if shape.list_kind == "press" else ("discovered",)
    days = [day for r in records for f in fields if (day := _day(r.get(f))) is not None]
    if not days:
        raise SourceFormatError(SOURCE, f"no record has a readable {' or '.join(fields)} date")
    return max(days)


def _day(value: object) -> pd.Timestamp | None:
    """The day of `2024-06-16 16:01:57.583327`, `2025-08-28` or `2025-03-09T09:59:07Z`; None when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    day = pd.to_datetime(value.strip()[:10], format="%Y-%m-%d", errors="coerce")
    if pd.isna(day) or not (1990 <= day.year <= 2100):
        return None
    return day


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _record_id(key: str) -> str:
    return f"{SOURCE}:{hashlib.sha1(key.encode()).hexdigest()[:12]}"


def _blank_row() -> dict:
    return {
        "individuals_affected": pd.NA, "is_placeholder_count": False, "breach_location": None,
        "business_associate_involved": pd.NA, "is_removed_by_source": False, "subdivision": None,
        "attack_type_raw": None,
    }


# -- leak-site victims

@dataclass(frozen=True)
class _Sector:
    is_healthcare: str  # true / false / unknown
    organization_type: str


def _sector_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def _sectors() -> dict[str, _Sector]:
    table = normalise.mapping("sector")
    table = table[table["source"] == SOURCE]
    return {_sector_key(r.raw_value): _Sector(r.is_healthcare, r.organization_type) for r in table.itertuples()}


def _victim_row(shape: Shape, record: dict, sectors: dict[str, _Sector]) -> tuple[dict | None, str]:
    v1 = shape.name == "v1_victims"
    victim = _text(record.get("post_title" if v1 else "victim"))
    group = _text(record.get("group_name" if v1 else "group"))
    label = record.get("activity")
    label = label if isinstance(label, str) else ""
    sector = sectors.get(_sector_key(label))
    if sector is None:
        raise SourceFormatError(SOURCE, f"sector (activity) {label!r} of victim {victim!r} is not in "
                                        "data/mappings/sector.csv; add it there")
    if sector.is_healthcare == "unknown":
        # "Not Found" and blank labels: 44 in the snapshots, none of them a healthcare organisation, so a
        # name-based fallback could not be shown to be precise; such claims are left out (see data/README.md).
        return None, "sector not known"
    if sector.is_healthcare != "true":
        return None, "not healthcare"
    # The site's LLM labels veterinary practices "Healthcare"; they are not human healthcare.
    if classify.is_veterinary(victim, _text(record.get("website")), _text(record.get("domain"))):
        return None, "veterinary"
    if not victim or not group:
        raise SourceFormatError(SOURCE, f"a victim record without a victim name or group: {victim!r}/{group!r}")
    country = _country(record.get("country"))
    if country is None:
        return None, "no country" if not _text(record.get("country")) else "unknown country"
    reported = _day(record.get("discovered"))
    if reported is None:
        raise SourceFormatError(SOURCE, f"victim {victim!r}: discovered date {record.get('discovered')!r} "
                                        "is not YYYY-MM-DD")
    # ransomware.live's id is base64("victim@group"); older shapes have none, so we make the same one.
    site_id = _text(record.get("id")) or base64.b64encode(f"{victim}@{group}".encode()).decode()
    permalink = _text(record.get("permalink"))
    if not permalink.startswith(SITE + "/"):
        permalink = f"{SITE}/id/{quote(site_id, safe='=')}"
    organization_type = sector.organization_type
    if organization_type == "unknown":
        organization_type = classify.organization_type_from_text(victim)
    row = _blank_row()
    row.update({
        "record_id": _record_id(f"victim|{site_id}"),
        "source": SOURCE,
        "organization": victim,
        "organization_type": organization_type,
        "organization_type_raw": _text(label) or None,
        "country": country,
        "attack_type": "ransomware",  # a leak-site claim of a ransomware or extortion group
        "threat_actor": group,
        "is_care_disrupted": pd.NA,
        "reported_date": reported,
        # The group's own date for the attack (v1 has none); it can be years before the claim.
        "incident_date": None if v1 else _day(record.get("attackdate")),
        "status": "claimed",
        "source_list": "victims",
        "source_url": permalink,
    })
    return row, "kept"


def _country(value: object) -> str | None:
    text = _text(value)
    if not text:
        return None
    # ransomware.live writes "UK" for the United Kingdom (normalise.country_code only knows "GB").
    return normalise.country_code("GB" if text.upper() == "UK" else text)


# -- press reports

@dataclass(frozen=True)
class _PressContext:
    summary_counts: Counter  # summary text -> how many records carry it


def _press_context(records: list[dict]) -> _PressContext:
    return _PressContext(Counter(_text(r.get("summary")) for r in records))


def _summary_about(record: dict, context: _PressContext) -> str:
    """The summary's lead sentence, when the summary is about this victim.

    Round-up articles get one summary copied onto several victims (a college district carries the
    summary of a hospital's breach): a shared summary counts only where its lead names the victim.
    """
    summary = _text(record.get("summary"))
    if not summary:
        return ""
    lead = classify.lead_sentence(summary)
    if context.summary_counts[summary] == 1:
        return lead
    victim = _text(record.get("victim"))
    lead_key = normalise.name_key(lead)
    named = normalise.name_key(victim) in lead_key or any(
        normalise.name_key(w) in lead_key for w in normalise.distinctive_words(victim))
    return lead if named else ""


def _is_healthcare_press(victim: str, lead: str) -> bool:
    # Headlines are left out on purpose: a round-up headline is attached to each victim it lists.
    return bool(victim) and classify.is_healthcare(victim, lead) and not classify.is_veterinary(victim, lead)


def press_healthcare(records: list[dict]) -> list[bool]:
    """For each press record of one export: is it about a healthcare organisation? (The rule parse() applies.)"""
    context = _press_context(records)
    return [_is_healthcare_press(_text(r.get("victim")), _summary_about(r, context)) for r in records]


def press_reported_date(record: dict) -> tuple[pd.Timestamp | None, str]:
    """When the press reported it, and how we know. The index's `date` is the date of the attack (an article
    of 2024 about a 2021 attack carries 2021), so it is the report's date only when nothing better is known:
    the date in the article's address comes first, then the day the index added the article (`added`; the
    index has kept it since December 2023). A date in the address later than `added` cannot be the article's."""
    added = _day(record.get("added"))
    in_link = date_in_url(record.get("url"))
    if in_link is not None and (added is None or pd.Timestamp(in_link) <= added + pd.Timedelta(days=2)):
        return pd.Timestamp(in_link), "article_link"
    if added is not None:
        return added, "indexed"
    return _day(record.get("date")), "event_only"


def _press_row(shape: Shape, record: dict, context: _PressContext) -> tuple[dict | None, str]:
    victim = _text(record.get("victim"))
    lead = _summary_about(record, context)
    if not _is_healthcare_press(victim, lead):
        return None, "not healthcare"
    country = _country(record.get("country"))
    if country is None:
        return None, "no country" if not _text(record.get("country")) else "unknown country"
    event = _day(record.get("date"))
    if event is None:
        raise SourceFormatError(SOURCE, f"press item {victim!r}: date {record.get('date')!r} is not YYYY-MM-DD")
    reported, basis = press_reported_date(record)
    linked: dict = record["ransomware"] if isinstance(record.get("ransomware"), dict) else {}
    group = _text(linked.get("group")) or None
    article = canonical_url(record.get("url"))
    permalink = _text(linked.get("permalink"))
    source_url = article or (permalink if permalink.startswith(SITE + "/") else None)
    if source_url is None:
        return None, "no article link"
    # The article's URL is its identity, but one URL can report several victims (two Delhi hospitals).
    key = f"press|{article}|{normalise.name_key(victim)}" if article else \
        f"press|{normalise.name_key(victim)}|{event:%Y-%m-%d}"  # the index's date: ids stay as they were
    texts = (_text(record.get("title")), _text(record.get("summary")) if lead else "")
    care = classify.care_disrupted(*texts)
    row = _blank_row()
    row.update({
        "record_id": _record_id(key),
        "source": SOURCE,
        "organization": victim,
        "organization_type": classify.organization_type_from_text(victim, lead),
        "organization_type_raw": None,
        "country": country,
        "attack_type": "ransomware" if group else classify.attack_type_from_text(*texts),
        "threat_actor": group,
        "is_care_disrupted": pd.NA if care is None else care,
        "reported_date": reported,
        "reported_date_basis": basis,
        "incident_date": event,
        "status": "reported",
        "source_list": "press",
        "source_url": source_url,
    })
    return row, "kept"


# ---- fetch --------------------------------------------------------------------------------------

def fetch(session: requests.Session, *, free_url: str = FREE_URL, pro_victims_url: str = PRO_VICTIMS_URL,
          pro_press_url: str = PRO_PRESS_URL, api_key: str | None = None,
          now: Callable[[], datetime] | None = None) -> list[RawExport]:
    """The free healthcare victims list; with an API PRO key (argument or RANSOMWARE_LIVE_API_KEY), also the
    PRO recent victims and press lists. One request per endpoint: the free API allows about one a minute
    per endpoint, and collectors.http spaces requests to api.ransomware.live a minute apart."""
    now = now or (lambda: datetime.now(UTC))
    api_key = api_key if api_key is not None else os.environ.get(API_KEY_VARIABLE, "").strip()
    plan: list[tuple[str, str, dict[str, str]]] = [(free_url, "victims", {})]
    if api_key:
        plan += [(pro_victims_url, "victims", {"X-API-KEY": api_key}), (pro_press_url, "press", {"X-API-KEY": api_key})]
    exports = []
    for url, kind, headers in plan:
        content = _get(session, url, headers)
        try:
            shape, _ = detect_shape(load(content))
        except SourceFormatError as err:
            raise FetchError(SOURCE, f"{url}: {err.message}") from None
        if shape.list_kind != kind:
            raise FetchError(SOURCE, f"{url}: expected a {kind} list but got {shape.description}")
        exports.append(RawExport(SOURCE, content, url, kind, now()))
    return exports


def _get(session: requests.Session, url: str, headers: dict[str, str]) -> bytes:
    refused = f"the API PRO key was refused: check {API_KEY_VARIABLE}"
    hints = {401: refused, 403: refused} if "X-API-KEY" in headers else None
    return download(session, url, SOURCE, kinds=("json",), headers={"Accept": "application/json", **headers},
                    status_hints=hints)[1]
