"""Countries by name, for every reader-facing layer (the dashboard, the brief, the API): the CLDR's names through
Babel, the standard browsers and operating systems use, except where it abbreviates or qualifies in a way
newsrooms do not. One place, so a country is never named two ways."""

from __future__ import annotations

from functools import cache

from babel import Locale

_OVERRIDES = {
    ("BA", "en"): "Bosnia and Herzegovina", ("TT", "en"): "Trinidad and Tobago",
    ("HK", "en"): "Hong Kong", ("HK", "fr"): "Hong Kong",
}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def country_name(code: str, lang: str) -> str:
    """ISO 3166-1 alpha-2 code -> the country's name in `lang`; the code when unknown, '' for no code."""
    if not code:
        return ""
    code = str(code).upper()
    return _OVERRIDES.get((code, lang)) or _locale(lang).territories.get(code, code)
