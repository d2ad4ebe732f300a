"""Press reports: an article of the index is kept when the victim's name or the lead sentence of its summary
names a healthcare organisation (collectors/text/classify.py); the summary is read, then dropped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from collectors.errors import SourceFormatError
from collectors.sources.ransomware_live.api import (
    SITE,
    SOURCE,
    Shape,
    blank_row,
    clean_text,
    country_of,
    day_of,
    record_id_of,
)
from collectors.text import classify, normalise
from collectors.text.urls import canonical_url, date_in_url


@dataclass(frozen=True)
class PressContext:
    summary_counts: Counter  # summary text -> how many records carry it


def press_context(records: list[dict]) -> PressContext:
    return PressContext(Counter(clean_text(r.get("summary")) for r in records))


def _summary_about(record: dict, context: PressContext) -> str:
    """The summary's lead sentence, when the summary is about this victim.

    Round-up articles get one summary copied onto several victims (a college district carries the
    summary of a hospital's breach): a shared summary counts only where its lead names the victim.
    """
    summary = clean_text(record.get("summary"))
    if not summary:
        return ""
    lead = classify.lead_sentence(summary)
    if context.summary_counts[summary] == 1:
        return lead
    victim = clean_text(record.get("victim"))
    lead_key = normalise.name_key(lead)
    named = normalise.name_key(victim) in lead_key or any(
        normalise.name_key(w) in lead_key for w in normalise.distinctive_words(victim))
    return lead if named else ""


def _is_healthcare_press(victim: str, lead: str) -> bool:
    # Headlines are left out on purpose: a round-up headline is attached to each victim it lists.
    return bool(victim) and classify.is_healthcare(victim, lead) and not classify.is_veterinary(victim, lead)


def press_healthcare(records: list[dict]) -> list[bool]:
    """For each press record of one export: is it about a healthcare organisation? (The rule parse() applies.)"""
    context = press_context(records)
    return [_is_healthcare_press(clean_text(r.get("victim")), _summary_about(r, context)) for r in records]


def press_reported_date(record: dict) -> tuple[pd.Timestamp | None, str]:
    """When the press reported it, and how we know. The index's `date` is the date of the attack (an article
    of 2024 about a 2021 attack carries 2021), so it is the report's date only when nothing better is known:
    the date in the article's address comes first, then the day the index added the article (`added`; the
    index has kept it since December 2023). A date in the address later than `added` cannot be the article's."""
    added = day_of(record.get("added"))
    in_link = date_in_url(record.get("url"))
    if in_link is not None and (added is None or pd.Timestamp(in_link) <= added + pd.Timedelta(days=2)):
        return pd.Timestamp(in_link), "article_link"
    if added is not None:
        return added, "indexed"
    return day_of(record.get("date")), "event_only"


def press_row(shape: Shape, record: dict, context: PressContext) -> tuple[dict | None, str]:
    victim = clean_text(record.get("victim"))
    lead = _summary_about(record, context)
    if not _is_healthcare_press(victim, lead):
        return None, "not healthcare"
    country = country_of(record.get("country"))
    if country is None:
        return None, "no country" if not clean_text(record.get("country")) else "unknown country"
    event = day_of(record.get("date"))
    if event is None:
        raise SourceFormatError(SOURCE, f"press item {victim!r}: date {record.get('date')!r} is not YYYY-MM-DD")
    reported, basis = press_reported_date(record)
    linked: dict = record["ransomware"] if isinstance(record.get("ransomware"), dict) else {}
    group = clean_text(linked.get("group")) or None
    article = canonical_url(record.get("url"))
    permalink = clean_text(linked.get("permalink"))
    source_url = article or (permalink if permalink.startswith(SITE + "/") else None)
    if source_url is None:
        return None, "no article link"
    # The article's URL is its identity, but one URL can report several victims (two Delhi hospitals).
    key = f"press|{article}|{normalise.name_key(victim)}" if article else \
        f"press|{normalise.name_key(victim)}|{event:%Y-%m-%d}"  # the index's date: ids stay as they were
    texts = (clean_text(record.get("title")), clean_text(record.get("summary")) if lead else "")
    care = classify.care_disrupted(*texts)
    row = blank_row()
    row.update({
        "record_id": record_id_of(key),
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
