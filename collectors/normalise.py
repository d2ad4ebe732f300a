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

MAPPINGS_DIR = Path(__file__).resolve().parent.parent / "data" / "mappings"


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
    table = mapping("country_region").set_index("country")
    return pd.DataFrame({
        "region": countries.map(table["region"]),
        "subregion": countries.map(table["subregion"]),
    })


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
    "plan plans system systems of in at on department county city state university".split()
)


def distinctive_words(name: str) -> set[str]:
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = set(_NOT_ALNUM.split(ascii_only))
    return {w for w in words if len(w) > 2 and w not in _GENERIC_WORDS}
