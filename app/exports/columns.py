"""The rows as a reader downloads them: column names and coded values in the reader's language, each code kept
beside its label in a column of its own (named as in data/README.md's dictionary) for machines."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from app import i18n
from app.i18n import N_

# A title for every column of collectors/schema.py (and the vendor roll-up's), in English; French in the catalog.
TITLES = {
    "record_id": N_("Report id"), "incident_id": N_("Incident id"), "source": N_("Source"),
    "organization": N_("Organization"), "organization_type": N_("Organization type"),
    "organization_type_raw": N_("Organization type, source's words"), "country": N_("Country"),
    "subdivision": N_("State / region"), "locality": N_("Town"), "region": N_("World region"),
    "subregion": N_("World sub-region"), "attack_type": N_("Attack type"),
    "attack_type_raw": N_("Attack type, source's words"), "incident_attack_type": N_("Incident's attack type"),
    "incident_attack_type_from": N_("Incident's attack type stated by"), "threat_actor": N_("Threat actor"),
    "is_care_disrupted": N_("Care disrupted"), "reported_date": N_("Date reported"),
    "incident_date": N_("Date of the attack"), "date_precision": N_("Date precision"),
    "reported_date_basis": N_("Date reported: basis"), "individuals_affected": N_("Individuals affected"),
    "is_placeholder_count": N_("Placeholder count"), "breach_location": N_("Breach location"),
    "business_associate_involved": N_("Business associate involved"), "vendor": N_("Vendor"),
    "is_removed_by_source": N_("Removed by the source"), "duplicate_of": N_("Repeats report"),
    "status": N_("How sure"), "source_list": N_("Source list"), "source_url": N_("Source link"),
    "source_snapshot": N_("Source export"), "first_seen_at": N_("First seen"), "collected_at": N_("Collected"),
    "report_attack_type": N_("Type this report states"), "vendor_event": N_("Vendor breach"),
}


def _subdivision(code: str, lang: str) -> str:
    return i18n.subdivision_name(code, lang) if code.startswith("US-") else code


# Coded columns: how a reader names each code.
LABELS: dict[str, Callable[[str, str], str]] = {
    "source": i18n.source_short, "organization_type": i18n.organization_type_label, "country": i18n.country_name,
    "subdivision": _subdivision, "region": i18n.region_label, "subregion": i18n.region_label,
    "attack_type": i18n.attack_type_label, "incident_attack_type": i18n.attack_type_label,
    "report_attack_type": i18n.attack_type_label, "status": i18n.status_label,
}


def reader_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame`'s columns (in their order) under titles in `lang`; a coded column's labels under its title, then
    its codes under the column's own name. Other values are left as they are (dates, numbers, names)."""
    out: dict[str, pd.Series] = {}
    for column in frame.columns:
        title = i18n.t(TITLES[column], lang) if column in TITLES else column
        values = frame[column].reset_index(drop=True)
        if column in LABELS:
            name = LABELS[column]
            out[title] = values.map(lambda code, name=name: name(str(code), lang) if isinstance(code, str) and code
                                    else code)
            out[column] = values
        else:
            out[title] = values
    return pd.DataFrame(out)
