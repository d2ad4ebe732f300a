"""Names of codes in English and French for the database's lookup tables and the feeds' titles.

The same names the dashboard shows (app/i18n/names.py and its catalog; tests/test_api.py keeps them equal): api/
cannot import app/, so the nine attack types are written here, and countries are named by the CLDR through Babel,
as the dashboard names them.
"""

from __future__ import annotations

from babel import Locale

LANGUAGES = ("en", "fr")

ATTACK_TYPES: dict[str, dict[str, str]] = {
    "ransomware": {"en": "Ransomware", "fr": "Rançongiciel"},
    "hacking": {"en": "Hacking / IT incident", "fr": "Piratage / incident informatique"},
    "unauthorized_disclosure": {"en": "Unauthorized access or disclosure", "fr": "Accès ou divulgation non autorisés"},
    "theft": {"en": "Theft", "fr": "Vol"},
    "loss": {"en": "Loss", "fr": "Perte"},
    "improper_disposal": {"en": "Improper disposal", "fr": "Destruction non conforme"},
    "ddos": {"en": "Denial of service (DDoS)", "fr": "Déni de service (DDoS)"},
    "other": {"en": "Other", "fr": "Autre"},
    "unknown": {"en": "Unknown", "fr": "Inconnu"},
}

# CLDR's standard names, except where it abbreviates or qualifies in a way newsrooms do not (as the dashboard).
_COUNTRY_OVERRIDES = {
    ("BA", "en"): "Bosnia and Herzegovina", ("TT", "en"): "Trinidad and Tobago",
    ("HK", "en"): "Hong Kong", ("HK", "fr"): "Hong Kong",
}
_LOCALES = {lang: Locale.parse(lang) for lang in LANGUAGES}


def country_name(code: str, lang: str) -> str:
    """ISO 3166-1 alpha-2 code -> the country's name in `lang`; the code when unknown."""
    code = code.upper()
    return _COUNTRY_OVERRIDES.get((code, lang)) or _LOCALES[lang].territories.get(code, code)


def attack_type_label(code: str, lang: str) -> str:
    return ATTACK_TYPES.get(code, {}).get(lang, code)
