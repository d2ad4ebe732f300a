"""The one place that names codes for readers, for the dashboard and the brief alike: countries, US states,
regions, sources, statuses, attack and organisation types, periods.

Countries are named by collectors/text/country_names.py (the CLDR, as for the API), in every
language it knows; everything else is English here, marked with N_() so `pybabel extract` puts it in the catalog,
and translated when shown. A code nobody names is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n.catalog import N_, NP_, pt, t

SOURCE_SHORT = {
    "hhs_ocr": N_("HHS OCR breach portal (US regulator)"),
    "ransomware_live": N_("ransomware.live"),
    "eurepoc": N_("EuRepoC"),
    "news_feeds": N_("News feeds"),
    "cissm": N_("CISSM Cyber Events Database"),
    "curated_fr": N_("Curated list of French attacks"),
}
REGIONS = {
    "Africa": N_("Africa"),
    "Americas": N_("Americas"),
    "Asia": N_("Asia"),
    "Europe": N_("Europe"),
    "Oceania": N_("Oceania"),
}
# UN M49 sub-regions, as the brief breaks places down.
SUBREGIONS = {
    "Northern Africa": N_("Northern Africa"),
    "Sub-Saharan Africa": N_("Sub-Saharan Africa"),
    "Latin America and the Caribbean": N_("Latin America and the Caribbean"),
    "Northern America": N_("Northern America"),
    "Central Asia": N_("Central Asia"),
    "Eastern Asia": N_("Eastern Asia"),
    "South-eastern Asia": N_("South-eastern Asia"),
    "Southern Asia": N_("Southern Asia"),
    "Western Asia": N_("Western Asia"),
    "Eastern Europe": N_("Eastern Europe"),
    "Northern Europe": N_("Northern Europe"),
    "Southern Europe": N_("Southern Europe"),
    "Western Europe": N_("Western Europe"),
    "Australia and New Zealand": N_("Australia and New Zealand"),
    "Melanesia": N_("Melanesia"),
    "Micronesia": N_("Micronesia"),
    "Polynesia": N_("Polynesia"),
}
STATUSES = {
    "confirmed": N_("Confirmed (regulator filing)"),
    "reported": N_("Reported (press, research)"),
    "claimed": N_("Claimed (leak site)"),
}
STREAMS = {
    "ransomware_live:press": N_("ransomware.live press index"),
    "ransomware_live:victims": N_("ransomware.live leak-site claims"),
}
SOURCE_ABBREVIATIONS = {
    "hhs_ocr": N_("HHS OCR"),
    "eurepoc": N_("EuRepoC"),
    "ransomware_live": N_("ransomware.live"),
    "news_feeds": N_("news feeds"),
}

ATTACK_TYPES = {
    "ransomware": N_("Ransomware"),
    "hacking": N_("Hacking / IT incident"),
    "unauthorized_disclosure": N_("Unauthorized access or disclosure"),
    "theft": N_("Theft"),
    "loss": N_("Loss"),
    "improper_disposal": N_("Improper disposal"),
    "ddos": N_("Denial of service (DDoS)"),
    "other": N_("Other"),
    "unknown": N_("Unknown"),
}
ORGANIZATION_TYPES = {
    "healthcare_provider": N_("Healthcare provider"),
    "health_plan": N_("Health plan (insurer)"),
    "business_associate": N_("Business associate (vendor)"),
    "healthcare_clearinghouse": N_("Healthcare clearinghouse"),
    "pharmaceutical": N_("Pharmaceutical company"),
    "public_health": N_("Public health authority"),
    "unknown": N_("Unknown"),
}
GRANULARITIES = {
    "week": N_("Week"),
    "month": N_("Month"),
    "year": N_("Year"),
}
# The full names, for the methodology and coverage texts.
SOURCE_NAMES = {
    "hhs_ocr": N_("US Department of Health and Human Services, Office for Civil Rights (HHS OCR) breach portal"),
    "ransomware_live": N_("ransomware.live (leak-site claims and press reports)"),
    "eurepoc": N_("EuRepoC, European Repository of Cyber Incidents"),
    "news_feeds": N_("News feeds (RSS)"),
}

# ISO 3166-2:US subdivisions: the 50 states, DC and the territories.
US_SUBDIVISIONS = {
    "AL": N_("Alabama"),
    "AK": N_("Alaska"),
    "AZ": N_("Arizona"),
    "AR": N_("Arkansas"),
    "CA": N_("California"),
    "CO": N_("Colorado"),
    "CT": N_("Connecticut"),
    "DE": N_("Delaware"),
    "DC": N_("District of Columbia"),
    "FL": N_("Florida"),
    "GA": N_("Georgia"),
    "HI": N_("Hawaii"),
    "ID": N_("Idaho"),
    "IL": N_("Illinois"),
    "IN": N_("Indiana"),
    "IA": N_("Iowa"),
    "KS": N_("Kansas"),
    "KY": N_("Kentucky"),
    "LA": N_("Louisiana"),
    "ME": N_("Maine"),
    "MD": N_("Maryland"),
    "MA": N_("Massachusetts"),
    "MI": N_("Michigan"),
    "MN": N_("Minnesota"),
    "MS": N_("Mississippi"),
    "MO": N_("Missouri"),
    "MT": N_("Montana"),
    "NE": N_("Nebraska"),
    "NV": N_("Nevada"),
    "NH": N_("New Hampshire"),
    "NJ": N_("New Jersey"),
    "NM": N_("New Mexico"),
    "NY": N_("New York"),
    "NC": N_("North Carolina"),
    "ND": N_("North Dakota"),
    "OH": N_("Ohio"),
    "OK": N_("Oklahoma"),
    "OR": N_("Oregon"),
    "PA": N_("Pennsylvania"),
    "RI": N_("Rhode Island"),
    "SC": N_("South Carolina"),
    "SD": N_("South Dakota"),
    "TN": N_("Tennessee"),
    "TX": N_("Texas"),
    "UT": N_("Utah"),
    "VT": N_("Vermont"),
    "VA": N_("Virginia"),
    "WA": N_("Washington"),
    "WV": N_("West Virginia"),
    "WI": N_("Wisconsin"),
    "WY": N_("Wyoming"),
    "PR": N_("Puerto Rico"),
    "GU": N_("Guam"),
    "VI": N_("U.S. Virgin Islands"),
    "AS": N_("American Samoa"),
    "MP": N_("Northern Mariana Islands"),
    "UM": N_("U.S. Minor Outlying Islands"),
}


def _named(names: dict[str, str], code: str, lang: str) -> str:
    message = names.get(code)
    return t(message, lang) if message is not None else code


def subdivision_name(subdivision: str, lang: str) -> str:
    """Reader-facing name of an ISO 3166-2 code such as 'US-CA'; the code itself when unknown."""
    code = subdivision.removeprefix("US-")
    return _named(US_SUBDIVISIONS, code, lang) if code in US_SUBDIVISIONS else subdivision


def region_label(code: str, lang: str) -> str:
    """A UN M49 region or sub-region."""
    return _named(REGIONS if code in REGIONS else SUBREGIONS, code, lang)


def status_label(code: str, lang: str) -> str:
    return _named(STATUSES, code, lang)


def attack_type_label(code: str, lang: str) -> str:
    return _named(ATTACK_TYPES, code, lang)


def organization_type_label(code: str, lang: str) -> str:
    return _named(ORGANIZATION_TYPES, code, lang)


def granularity_label(code: str, lang: str) -> str:
    return _named(GRANULARITIES, code, lang)


def source_label(code: str, lang: str) -> str:
    """A source's full name."""
    return _named(SOURCE_NAMES, code, lang) if code in SOURCE_NAMES else source_short(code, lang)


def source_short(code: str, lang: str) -> str:
    """A short name for a filter or a table cell ('HHS OCR breach portal (US regulator)')."""
    return _named(SOURCE_SHORT, code, lang)


def source_abbreviation(code: str, lang: str) -> str:
    """The shortest name, for sentences ('HHS OCR')."""
    if code in SOURCE_ABBREVIATIONS:
        return _named(SOURCE_ABBREVIATIONS, code, lang)
    return source_short(code, lang)


def stream_label(key: str, lang: str) -> str:
    """A coverage stream (`source:list`, app/prep/coverage.py) by name: the source, or the list when a source has
    several that cover differently (ransomware.live's claims and press index)."""
    if key in STREAMS:
        return _named(STREAMS, key, lang)
    return source_short(key.split(":", 1)[0], lang)


# Which date places a report in time (the sidebar's switch, the explorer's description).
DATE_BASES = {
    "reported": N_("Date reported"),
    "incident": N_("Date of the attack"),
}
# A step of one incident's timeline.
TIMELINE_STEPS = {
    "attack": NP_("step", "Attack"),
    "claimed": NP_("step", "Claimed on a leak site"),
    "reported": NP_("step", "Reported (press, research)"),
    "confirmed": NP_("step", "Filed with the regulator"),
}
# The licence of each source's data, as the figures' source lines state it.
LICENCES = {
    "hhs_ocr": N_("public domain"),
    "ransomware_live": N_("free for research per a third-party document, not verified"),
    "eurepoc": N_("licence not verified"),
    "news_feeds": N_("links only; articles © their publishers"),
}
# Completeness of a source over a period, as the coverage texts name it.
COVERAGE_STATES = {
    "complete": N_("covered"),
    "partial": N_("partly covered"),
    "none": N_("no data"),
}


def date_basis_label(code: str, lang: str) -> str:
    return _named(DATE_BASES, code, lang)


def timeline_step_label(code: str, lang: str) -> str:
    step = TIMELINE_STEPS.get(code)
    return pt("step", step, lang) if step is not None else code


_LICENCE_NOT_STATED = N_("licence not stated")


def licence_label(code: str, lang: str) -> str:
    return t(LICENCES.get(code, _LICENCE_NOT_STATED), lang)


def coverage_label(state: str, lang: str) -> str:
    return _named(COVERAGE_STATES, state, lang)



@dataclass(frozen=True)
class SourceDescription:
    """A source's INFO (collectors/sources) for readers: its texts translated, its url as it is."""

    title: str
    publisher: str
    url: str
    licence: str
    counts: str
    biases: tuple[str, ...]


def source_description(code: str, lang: str) -> SourceDescription:
    """A registered source's INFO in `lang`; a source the registry does not know is named by its code."""
    from collectors import registry

    module = registry.SOURCES.get(code)
    info = module.INFO if module is not None else {}

    def text(key: str, default: str = "") -> str:
        value = info.get(key)
        return t(value, lang) if isinstance(value, str) and value else default

    return SourceDescription(title=text("title", code), publisher=text("publisher"), url=str(info.get("url", "")),
                             licence=text("licence", "–"), counts=text("counts"),
                             biases=tuple(t(str(b), lang) for b in info.get("biases", ())))


def completeness(complete_through: object, lang: str) -> str:
    """'complete through 28 Jun 2022', or that nobody knows up to when a source is complete."""
    from app.i18n.formatting import format_date

    if complete_through is None or complete_through != complete_through:  # None or NaT
        return t("how complete: not known", lang)
    return t("complete through {date}", lang, date=format_date(complete_through, lang))
