"""Recode source values into our vocabularies through the tables in data/mappings/.

The tables, not scattered `if`s, hold the decisions; tests check that every
value seen in the real snapshots is mapped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pandas as pd

from collectors.errors import SourceFormatError

MAPPINGS_DIR = Path(__file__).resolve().parents[2] / "data" / "mappings"


@cache
def mapping(name: str) -> pd.DataFrame:
    """A mapping table from data/mappings/<name>.csv, every cell a string ('' when blank)."""
    return pd.read_csv(MAPPINGS_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def attack_types(source: str, raw: pd.Series) -> pd.Series:
    """Map raw attack labels to our vocabulary.

    A raw value may join several labels with commas (`Loss, Theft`): the label
    with the best (lowest) priority in the table wins, so `Hacking/IT Incident,
    Theft` counts as hacking.
    """
    table = mapping("attack_type")
    table = table[table["source"] == source]
    priority = dict(zip(table["raw_value"], table["priority"].astype(int)))
    vocab = dict(zip(table["raw_value"], table["attack_type"]))

    def recode(value: str) -> str:
        labels = [part.strip() for part in value.split(",")] if value.strip() else [""]
        unknown = [label for label in labels if label not in vocab]
        if unknown:
            raise SourceFormatError(source, f"attack type {unknown[0]!r} is not in data/mappings/attack_type.csv")
        return vocab[min(labels, key=priority.__getitem__)]

    return raw.map(recode)


def lookup(table_name: str, source: str, raw: pd.Series, column: str) -> pd.Series:
    """Map raw values through a (source, raw_value) -> column table; unmapped values are an error."""
    table = mapping(table_name)
    table = table[table["source"] == source]
    vocab = dict(zip(table["raw_value"], table[column]))
    unmapped = sorted(set(raw) - set(vocab))
    if unmapped:
        raise SourceFormatError(source, f"{column} values not in data/mappings/{table_name}.csv: {unmapped[:5]}")
    return raw.map(vocab)


def regions(countries: pd.Series) -> pd.DataFrame:
    """UN M49 region and sub-region for ISO alpha-2 country codes (NA when the code is unknown)."""
    table = mapping("country_region").set_index("country").replace("", None)  # Antarctica has no region
    return pd.DataFrame({
        "region": countries.map(table["region"]),
        "subregion": countries.map(table["subregion"]),
    })


# Names sources use that ISO 3166 spells otherwise (compared after name_key()).
_COUNTRY_ALIASES = {
    "usa": "US", "us": "US", "unitedstates": "US", "etatsunis": "US", "uk": "GB", "unitedkingdom": "GB",
    "greatbritain": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "northernireland": "GB",
    "royaumeuni": "GB", "russia": "RU", "southkorea": "KR", "korearepublicof": "KR", "northkorea": "KP",
    "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA", "moldova": "MD", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "taiwan": "TW", "czechrepublic": "CZ", "turkey": "TR",
    "ivorycoast": "CI", "cotedivoire": "CI", "palestine": "PS", "kosovo": "XK", "holland": "NL",
    "thenetherlands": "NL", "brunei": "BN", "capeverde": "CV", "macedonia": "MK", "swaziland": "SZ",
    "burma": "MM", "vatican": "VA", "micronesia": "FM", "congo": "CG", "drcongo": "CD",
    "democraticrepublicofthecongo": "CD",
    # ISO 3166 short names as CISSM writes them ("Korea (the Republic of)", "Holy See").
    "koreatherepublicof": "KR", "koreathedemocraticpeoplesrepublicof": "KP", "moldovatherepublicof": "MD",
    "holysee": "VA",
}


@cache
def _country_names() -> dict[str, str]:
    """name_key of every English and French ISO 3166-1 name (official, common, short) -> alpha-2."""
    import gettext

    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[name_key(value)] = country.alpha_2
                names[name_key(french(value))] = country.alpha_2
    names.update(_COUNTRY_ALIASES)
    return names


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name or code in English or French; None when unknown.

    `United States`, `USA`, `us`, `États-Unis` -> `US`; `Allemagne` -> `DE`. Kosovo gets the
    user-assigned `XK`, as most sources use it.
    """
    if not name or not name.strip():
        return None
    text = name.strip()
    if name_key(text) in _COUNTRY_ALIASES:  # "UK" is not an ISO code, but sources write it
        return _COUNTRY_ALIASES[name_key(text)]
    if len(text) == 2 and text.isalpha():
        import pycountry

        code = text.upper()
        return code if code == "XK" or pycountry.countries.get(alpha_2=code) else None
    return _country_names().get(name_key(text))


def known_us_states() -> set[str]:
    return set(mapping("us_states")["state"])


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A matching key for organisation names that ignores case, accents, spacing and punctuation.

    `St. Mary’s Hospital `, `ST MARYS HOSPITAL` and `St. Maryƒ??s Hospital` (a
    spreadsheet-mangled apostrophe) all give `stmaryshospital`.
    """
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("", ascii_only.lower())


# Words too common in organisation names to show that two names are the same organisation.
_GENERIC_WORDS = frozenset(
    "the of and for inc llc llp ltd pc pa pllc corp co company corporation group health healthcare "
    "medical center centers hospital hospitals services service care clinic associates dba db a "
    "plan plans system systems of in at on department county city state university "
    # French, German, Spanish and Italian equivalents, for the worldwide sources.
    "le la les de des du et centre hospitalier hospitaliere hopital hopitaux clinique groupe sante chu chr "
    "ch ght universitaire regional medical medicale laboratoire "
    "klinikum klinik krankenhaus gmbh und der die das hospital clinica centro salud ospedale azienda".split()
)


def distinctive_words(name: str) -> set[str]:
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = set(_NOT_ALNUM.split(ascii_only))
    return {w for w in words if len(w) > 2 and w not in _GENERIC_WORDS}
