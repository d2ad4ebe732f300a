"""The dashboard's and the brief's languages: messages (gettext catalogs), names of codes, numbers and dates.

    from app import i18n
    i18n.t("Reports", lang)                                   # a message, English in the code
    i18n.nt("{n} report", "{n} reports", n, lang, n=...)      # plural forms from the catalog
    i18n.pt("column", "Where", lang)                          # one English text, two French translations
    i18n.country_name("FR", lang), i18n.format_int(1234, lang)

Translators edit locales/fr/LC_MESSAGES/messages.po (see CONTRIBUTING.md); tests/test_catalog.py fails on a
message with no translation, a fuzzy one, or placeholders that differ.
"""

from __future__ import annotations

from app.i18n.catalog import N_, NP_, nt, pt, t
from app.i18n.formatting import (
    LANGUAGES,
    PLOTLY_SEPARATORS,
    format_date,
    format_date_long,
    format_date_range,
    format_decimal,
    format_int,
    format_month,
    format_percent,
    format_period,
)
from app.i18n.names import (
    attack_type_label,
    completeness,
    coverage_label,
    date_basis_label,
    granularity_label,
    licence_label,
    organization_type_label,
    region_label,
    source_abbreviation,
    source_description,
    source_label,
    source_short,
    status_label,
    stream_label,
    subdivision_name,
    timeline_step_label,
)
from collectors.text.country_names import country_name  # the one naming of countries (dashboard, brief, API)

DEFAULT_LANGUAGE = "en"

__all__ = [
    "DEFAULT_LANGUAGE", "LANGUAGES", "NP_", "N_", "PLOTLY_SEPARATORS", "attack_type_label", "choose_language", "completeness",
    "country_name", "coverage_label", "date_basis_label", "format_date", "format_date_long", "format_date_range", "format_decimal", "format_int",
    "format_month", "format_percent", "format_period", "granularity_label", "licence_label", "nt", "organization_type_label",
    "parse_language", "pt", "region_label", "source_abbreviation", "source_description", "source_label", "source_short", "status_label",
    "stream_label", "subdivision_name", "t", "timeline_step_label",
]


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
