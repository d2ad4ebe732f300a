"""Datasette's metadata (data/datasette-metadata.json), generated: titles, every column's meaning from
collectors/schema.py, the sources with their licences and URLs from each source's INFO, the data's as-of date,
and the canned queries and feeds of api/queries.py.

In English: Datasette's metadata is one language. French readers get the feeds' French versions (feed_*_fr) and
the French names of codes in the countries and attack_types tables.
"""

from __future__ import annotations

import html
from typing import Any

from api import DATABASE_NAME, queries
from collectors import registry, schema

TITLE = "Observatory of cyberattacks on healthcare: open data"
REPORTS_TABLE_EXTRA = {
    "is_counted": "1 when the report counts in figures; 0 when its source withdrew it (`is_removed_by_source`) or it "
                  "repeats another row word for word (`duplicate_of`). Every canned query counts only is_counted = 1.",
}
INCIDENT_COLUMNS = {
    "incident_id": "The attack: `inc:<12 hex>`, shared by its reports (the reports table's incident_id).",
    "organization": "The organisation, as the incident's earliest counted report names it.",
    "country": "ISO 3166-1 alpha-2 code of the country (linked reports always share it).",
    "attack_type": "Kind of attack of the incident (the reports' `incident_attack_type`).",
    "first_reported_date": "Date of the incident's earliest counted report (YYYY-MM-DD): where counts by period and "
                           "the feeds place it, as the dashboard does.",
    "date_precision": "`day`, or `month` when that earliest report gives only the month (dated on the 1st).",
    "last_reported_date": "Date of its latest counted report.",
    "status": "The most certain status among its reports: `confirmed` before `reported` before `claimed`.",
    "reports": "Number of counted reports of the incident.",
    "sources_count": "Number of distinct sources that reported it.",
    "sources": "Those sources, comma-separated.",
    "individuals_affected": "The largest number of people affected any of its reports gives; empty when none does.",
    "source_url": "Link of its earliest counted report: where it can be checked.",
    "title_en": "Title of the incident in English (the feeds' entry title): attack type, organisation, country.",
    "title_fr": "Title of the incident in French.",
    "summary_en": "One sentence about the incident in English (the feeds' entry text).",
    "summary_fr": "The same in French.",
}
LOOKUP_TABLES = {
    "sources": ("Sources", "Every source: publisher, licence, URL, what it counts (English and French), data as of, "
                "complete-through date (HHS), rows in the dataset. Attribution follows each source's licence."),
    "countries": ("Countries", "ISO 3166-1 alpha-2 codes with their names in English and French (CLDR, as the "
                  "dashboard names them) and their UN M49 region and sub-region."),
    "attack_types": ("Attack types", "Our attack types, named in English and French as on the dashboard."),
    "coverage": ("Coverage: who looked where and when", "data/coverage.csv: which source looked at which country "
                 "(`*`: its whole scope) and month, completely or partly, and why. A month with no row for a source "
                 "is `none`: the source did not look. Silence is never zero: a period no source covers is no data."),
    "dataset": ("This build", "When the database was built, the data's as-of date, and the SHA-256 of the files "
                "it was built from (data/incidents.csv, sources.json, coverage.csv)."),
}


def _sources_html() -> str:
    items = []
    for name, module in registry.SOURCES.items():
        info = module.INFO
        url = str(info.get("url", ""))
        link = (f'<a href="{html.escape(url)}">{html.escape(url)}</a>' if url.startswith("https://")
                else html.escape(url))
        items.append(f"<li><strong>{html.escape(info['title'])}</strong> (<code>{name}</code>): "
                     f"{html.escape(info['publisher'])}; licence: {html.escape(info['licence'])}; {link}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def build_metadata(data_as_of: str | None) -> dict[str, Any]:
    as_of = data_as_of or "unknown"
    description = (
        f"<p>Public reports of cyberattacks and data breaches that hit hospitals, clinics, labs and health "
        f"insurers, one row per report by one source. <strong>Data as of {html.escape(as_of)}</strong> (the "
        f"newest export of any source; each source's own date is in the sources table). The dataset of record "
        f"is data/incidents.csv; this database is built from it by <code>python3 -m api build</code>.</p>"
        f"<p>Counting: leave out rows with <code>is_counted = 0</code> (withdrawn or repeated). Silence is never "
        f"zero: a period with no report is <em>no data</em>, not 0 (see the coverage table).</p>"
        f"<p>Sources and licences (attribution follows each source's):</p>{_sources_html()}"
        f"<p>No personal data: the sources report about organisations. No leak-site link is kept.</p>"
    )
    columns = {c.name: c.meaning + (f" One of: {', '.join(c.allowed)}." if c.allowed else "")
               for c in schema.COLUMNS}
    tables: dict[str, Any] = {
        "reports": {
            "title": "Reports (data/incidents.csv)",
            "description": "One row per report of a cyberattack or data breach affecting a healthcare organisation, "
                           f"by one source. Data as of {as_of}. Full-text search covers organisation, threat actor "
                           "and vendor.",
            "columns": {**columns, **REPORTS_TABLE_EXTRA},
            # No sort_desc: Datasette 0.65.5 drops and repeats rows when it pages (_next, CSV _stream) through
            # a descending sort with ties; the default order (the primary key) pages completely.
            "facets": ["source", "status", "country", "incident_attack_type"],
            "label_column": "organization",
        },
        "incidents": {
            "title": "Incidents (one row per attack)",
            "description": "One row per incident with at least one counted report, placed on its earliest report. "
                           f"Data as of {as_of}. Derived from the reports table.",
            "columns": INCIDENT_COLUMNS,
            "facets": ["country", "attack_type", "status"],
            "label_column": "title_en",
        },
        **{name: {"title": title, "description": text} for name, (title, text) in LOOKUP_TABLES.items()},
    }
    tables["countries"]["label_column"] = "name_en"
    tables["attack_types"]["label_column"] = "label_en"
    tables["sources"]["label_column"] = "title"
    return {
        "title": TITLE,
        "data_as_of": data_as_of,  # read by api/datasette_plugins/empty_feeds.py
        "description_html": description,
        "license": "Each source's own licence (listed above and in the sources table)",
        "source": "Observatory of cyberattacks on healthcare",
        "about": "data/README.md (dictionary, sources, coverage, corrections log)",
        "databases": {
            DATABASE_NAME: {
                "title": "Cyberattacks on healthcare",
                "description_html": description,
                "tables": tables,
                "queries": queries.canned_queries(),
            },
        },
    }
