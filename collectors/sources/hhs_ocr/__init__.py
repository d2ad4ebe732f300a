"""US HHS Office for Civil Rights breach portal ("Wall of Shame").

Every breach of unsecured health information affecting 500 or more people that a
HIPAA covered entity or business associate reported to OCR since October 2009.
Two lists: "under investigation" (open cases) and the archive (closed, or about
24 months old). The live portal has no plain download URL: portal.py replays what a browser does;
export.py reads what it gives.
"""

from __future__ import annotations

import pandas as pd
import requests

from collectors.raw import RawExport
from collectors.sources.hhs_ocr import portal
from collectors.sources.hhs_ocr.export import LISTS, PORTAL_URL, SOURCE, decode, parse, read_table
from collectors.text.translatable import N_

__all__ = ["FETCH", "INFO", "LISTS", "MATCH_ON_CONTENT", "NETWORK", "PORTAL_URL", "REPOSITORY_FILES",
           "SNAPSHOT_FILES", "SOURCE", "decode", "fetch", "measure_coverage", "parse", "read_table",
           "removed_reports"]

INFO = {
    "name": SOURCE,
    "title": N_("US HHS OCR breach portal"),
    "publisher": N_("U.S. Department of Health and Human Services, Office for Civil Rights"),
    "url": PORTAL_URL,
    "licence": N_("US federal government work: public domain in the US (17 U.S.C. §105)"),
    "status": "confirmed",
    "lists": ("under_investigation", "archive"),
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": N_("Breaches of unsecured health information affecting 500 or more people, filed by US "
                 "healthcare providers, health plans, clearinghouses and their business associates since "
                 "October 2009: not only cyberattacks (lost laptops and misdirected mail too; attack_type "
                 "tells them apart)."),
    "biases": (
        N_("Counted on the filing date, not the date of the attack, which can be months earlier."),
        N_("Ransomware is undercounted for open cases: it is read from OCR's closing summaries, which open "
           "cases do not have."),
        N_("Breaches of fewer than 500 people are not published."),
        N_("One attack on a vendor can appear as dozens of filings by its clients (see vendor breaches)."),
        N_("The state is the filer's, not necessarily the patients'."),
    ),
}

# HHS filings have no id of their own: merge repeats by name, state, date and count (collectors/dedupe.py).
MATCH_ON_CONTENT = True
# Files of ../shared/snapshots that `python -m collectors build` merges into the committed dataset.
SNAPSHOT_FILES = ("hhs-ocr-breach-portal/*.csv",)
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
FETCH = True
NETWORK = True
REPOSITORY_FILES: tuple[str, ...] = ()
measure_coverage = None


def fetch(session: requests.Session) -> list[RawExport]:
    """Both lists from the live portal (two CSV exports), from PORTAL_URL (read when called: tests move it)."""
    return portal.export_lists(session, PORTAL_URL)


def removed_reports(rows: pd.DataFrame, exports: list[dict]) -> pd.Series:
    """Which reports the portal no longer lists, given every export merged so far.

    The archive only ever grows, so an archive report missing from a newer archive
    was removed. An open case missing from a newer under-investigation list has
    usually moved to the archive: it counts as removed only when an archive of that
    same day lacks it too.
    """
    archive_days = [pd.Timestamp(e["as_of"]) for e in exports if e["list_kind"] == "archive"]
    open_days = {pd.Timestamp(e["as_of"]) for e in exports if e["list_kind"] == "under_investigation"}
    newest_archive = max(archive_days, default=pd.NaT)
    newest_pair = max(open_days & set(archive_days), default=pd.NaT)
    in_archive = rows["source_list"] == "archive"
    return ((in_archive & (rows["collected_at"] < newest_archive))
            | (~in_archive & (rows["collected_at"] < newest_pair)))
