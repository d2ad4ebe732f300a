"""Leak-site victims: a group's claim is kept when the site's sector label says healthcare
(data/mappings/sector.csv) and the victim is not a veterinary practice."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from urllib.parse import quote

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


@dataclass(frozen=True)
class _Sector:
    is_healthcare: str  # true / false / unknown
    organization_type: str


def _sector_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def sectors() -> dict[str, _Sector]:
    table = normalise.mapping("sector")
    table = table[table["source"] == SOURCE]
    return {_sector_key(r.raw_value): _Sector(r.is_healthcare, r.organization_type) for r in table.itertuples()}


def victim_row(shape: Shape, record: dict, sectors: dict[str, _Sector]) -> tuple[dict | None, str]:
    v1 = shape.name == "v1_victims"
    victim = clean_text(record.get("post_title" if v1 else "victim"))
    group = clean_text(record.get("group_name" if v1 else "group"))
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
    if classify.is_veterinary(victim, clean_text(record.get("website")), clean_text(record.get("domain"))):
        return None, "veterinary"
    if not victim or not group:
        raise SourceFormatError(SOURCE, f"a victim record without a victim name or group: {victim!r}/{group!r}")
    country = country_of(record.get("country"))
    if country is None:
        return None, "no country" if not clean_text(record.get("country")) else "unknown country"
    reported = day_of(record.get("discovered"))
    if reported is None:
        raise SourceFormatError(SOURCE, f"victim {victim!r}: discovered date {record.get('discovered')!r} "
                                        "is not YYYY-MM-DD")
    # ransomware.live's id is base64("victim@group"); older shapes have none, so we make the same one.
    site_id = clean_text(record.get("id")) or base64.b64encode(f"{victim}@{group}".encode()).decode()
    permalink = clean_text(record.get("permalink"))
    if not permalink.startswith(SITE + "/"):
        permalink = f"{SITE}/id/{quote(site_id, safe='=')}"
    organization_type = sector.organization_type
    if organization_type == "unknown":
        organization_type = classify.organization_type_from_text(victim)
    row = blank_row()
    row.update({
        "record_id": record_id_of(f"victim|{site_id}"),
        "organization": victim,
        "organization_type": organization_type,
        "organization_type_raw": clean_text(label) or None,
        "country": country,
        "attack_type": "ransomware",  # a leak-site claim of a ransomware or extortion group
        "threat_actor": group,
        "is_care_disrupted": pd.NA,
        "reported_date": reported,
        # The group's own date for the attack (v1 has none); it can be years before the claim.
        "incident_date": None if v1 else day_of(record.get("attackdate")),
        "status": "claimed",
        "source_list": "victims",
        "source_url": permalink,
    })
    return row, "kept"
