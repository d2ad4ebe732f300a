"""ransomware.live: ransomware groups' leak-site claims, and cyberattacks reported in the press.

Two lists. *Victims* are what a group claims on its leak site (status `claimed`: unverified;
groups lie, re-post old victims and claim other groups' victims). *Press* items are attacks that
ransomware.live found in news articles (status `reported`), linked to a claim when it found one.
Only healthcare rows are kept: victims by the site's sector label (data/mappings/sector.csv),
press items by collectors.text.classify on the victim's name and the summary's lead sentence.

We keep structured fields and links only. Never stored, never followed: leak-site URLs
(`post_url`, `claim_url`, anything .onion), screenshots, the groups' descriptions, infostealer
counts, and the press summary/title (used to classify, then dropped).

api.py knows the API's answers and fetches them; victims.py and press.py turn records into rows.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from collectors import coverage, parsing, schema
from collectors.errors import SourceFormatError
from collectors.sources.ransomware_live import press, victims
from collectors.sources.ransomware_live.api import (
    API_KEY_VARIABLE,
    FREE_URL,
    SOURCE,
    Shape,
    day_of,
    detect_shape,
    fetch,
    load,
)
from collectors.sources.ransomware_live.press import press_healthcare, press_reported_date
from collectors.text.translatable import N_
from collectors.text.urls import url_key

__all__ = ["API_KEY_VARIABLE", "FETCH", "FREE_URL", "INFO", "LISTS", "MATCH_ON_CONTENT", "NETWORK",
           "REPOSITORY_FILES", "SNAPSHOT_FILES", "SOURCE", "Selection", "fetch", "measure_coverage", "parse",
           "press_healthcare", "press_reported_date", "removed_reports", "summarise"]

INFO = {
    "name": SOURCE,
    "title": N_("ransomware.live (leak-site claims and press reports)"),
    "publisher": N_("ransomware.live (Julien Mousqueton)"),
    "url": FREE_URL,
    "licence": N_("free for personal/research use per a third-party document; not verified (commercial use: "
                  "API PRO)"),
    "status": "claimed (leak-site victims); reported (press)",
    "lists": ("victims", "press"),
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": N_("Ransomware groups' leak-site claims against healthcare organisations (claimed) and press "
                 "articles about attacks on them (reported), as ransomware.live collects them, worldwide."),
    "biases": (
        N_("Claims are unverified: groups lie, exaggerate and re-post old victims."),
        N_("Leak sites only show victims who did not pay (or not yet)."),
        N_("Sector labels are machine-made and 10% of claims have none; the press selection misses about 3 in "
           "10 healthcare items."),
        N_("Press coverage favours the US (63% of healthcare rows), then Germany and France."),
        N_("The committed victim lists are two one-week samples, not a time series."),
    ),
}
LISTS = ("victims", "press")
# Files of ../shared/snapshots that `python -m collectors build` merges into the committed dataset.
SNAPSHOT_FILES = ("ransomware-live/*victims*.json", "ransomware-live/pro_press_all_*.json")
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
FETCH = True
NETWORK = True
MATCH_ON_CONTENT = False
REPOSITORY_FILES: tuple[str, ...] = ()
removed_reports = None
log = logging.getLogger(__name__)


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
    """Healthcare rows of one ransomware.live export in the tidy schema's columns (unfinished).

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
    return tidy


def measure_coverage(raw: bytes) -> dict:
    """Coverage shown by every record of the export, any sector (collectors/coverage.py): a press index
    covers a country from its first article about it, a one-week pull covers the days it spans."""
    shape, records = detect_shape(load(raw))
    # Measured on the date the rows are counted by: a press item's report date, a claim's discovery.
    days = pd.Series([press_reported_date(r)[0] if shape.list_kind == "press" else day_of(r.get("discovered"))
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
    sectors = victims.sectors() if shape.list_kind == "victims" else {}
    context = press.press_context(records) if shape.list_kind == "press" else None
    as_of_day = _as_of(shape, records, as_of)
    counts: Counter = Counter()
    rows, seen = [], set()
    for record in records:
        row, why = (victims.victim_row(shape, record, sectors) if context is None
                    else press.press_row(shape, record, context))
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
    days = [day for r in records for f in fields if (day := day_of(r.get(f))) is not None]
    if not days:
        raise SourceFormatError(SOURCE, f"no record has a readable {' or '.join(fields)} date")
    return max(days)
