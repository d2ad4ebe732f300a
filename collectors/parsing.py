"""What every source's parse() does last, written once: the provenance id of the raw export, and the finishing
of the tidy rows (UN regions from the country, incident ids from the links within the export, the schema)."""

from __future__ import annotations

import hashlib

import pandas as pd

from collectors import link, schema
from collectors.text import normalise


def snapshot_id(raw: bytes) -> str:
    """`source_snapshot`: the first 12 hex digits of the SHA-256 of the raw export the rows come from."""
    return hashlib.sha256(raw).hexdigest()[:12]


def finish(tidy: pd.DataFrame, source: str) -> pd.DataFrame:
    """The source's rows in the schema: regions set, reports of one attack within the export linked, every
    column cast and checked (a ValidationError names `source`)."""
    tidy = tidy.copy()
    tidy[["region", "subregion"]] = normalise.regions(tidy["country"])
    return schema.validate(schema.coerce(link.assign_incidents(tidy)), source)
