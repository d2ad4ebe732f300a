"""The parsing every source shares, written once: the provenance id of the raw export, and the finishing of a
source's own rows (defaults, UN regions from the country, incident ids from the links within the export, the
schema), which the runner applies to what the source's `parse()` returns (collectors.runner.parse_source)."""

from __future__ import annotations

import hashlib

import pandas as pd

from collectors import link, schema
from collectors.text import normalise

# Columns a source need not name: the value every row of it has unless the source says otherwise.
DEFAULTS = {"is_placeholder_count": False, "is_removed_by_source": False}


def snapshot_id(raw: bytes) -> str:
    """`source_snapshot`: the first 12 hex digits of the SHA-256 of the raw export the rows come from."""
    return hashlib.sha256(raw).hexdigest()[:12]


def finish(tidy: pd.DataFrame, source: str) -> pd.DataFrame:
    """The source's rows in the schema: `source` and the DEFAULTS filled where the source left them out,
    regions set, reports of one attack within the export linked, every column cast and checked (a
    ValidationError names `source`)."""
    tidy = tidy.copy()
    for column, value in {"source": source, **DEFAULTS}.items():
        if column not in tidy.columns:
            tidy[column] = value
    tidy[["region", "subregion"]] = normalise.regions(tidy["country"])
    return schema.validate(schema.coerce(link.assign_incidents(tidy)), source)
