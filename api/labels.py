"""Names of codes in English and French for the database's lookup tables and the feeds' titles.

The same names the dashboard shows: api/ cannot import app/, so it reads the dashboard's French catalog
(locales/fr/LC_MESSAGES/messages.po) itself, for the attack types and the sources' descriptions (tests/test_api.py
keeps them equal to app.i18n), and names countries by the CLDR through Babel, as the dashboard does.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages import pofile

from collectors.text.country_names import country_name  # noqa: F401 -- re-exported for api/

CATALOG = Path(__file__).resolve().parents[1] / "locales" / "fr" / "LC_MESSAGES" / "messages.po"


@cache
def _french() -> dict[str, str]:
    with CATALOG.open("rb") as handle:
        catalog = pofile.read_po(handle, locale="fr")
    return {m.id: str(m.string) for m in catalog
            if m.id and m.context is None and isinstance(m.id, str) and m.string}


def translate(message: str, lang: str) -> str:
    """`message` (English, as the collectors and the dashboard write it) in `lang`, from the dashboard's catalog."""
    return _french().get(message, message) if lang == "fr" else message

LANGUAGES = ("en", "fr")

_ATTACK_TYPES_EN = {
    "ransomware": "Ransomware", "hacking": "Hacking / IT incident",
    "unauthorized_disclosure": "Unauthorized access or disclosure", "theft": "Theft", "loss": "Loss",
    "improper_disposal": "Improper disposal", "ddos": "Denial of service (DDoS)", "other": "Other",
    "unknown": "Unknown",
}
ATTACK_TYPES: dict[str, dict[str, str]] = {code: {"en": name, "fr": translate(name, "fr")}
                                           for code, name in _ATTACK_TYPES_EN.items()}

def attack_type_label(code: str, lang: str) -> str:
    return ATTACK_TYPES.get(code, {}).get(lang, code)
