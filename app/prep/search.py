"""Search organisation names the way a reader types them: case, accents and punctuation ignored.

"hopital" finds "Hôpital", "st marys" finds "St. Mary’s", "saint jean" finds "Saint-Jean". Every word of
the query must appear in the name (in any order, as a word start or inside a word). Pure functions: the
dashboard folds the names once per dataset and keeps the result.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: object) -> str:
    """'Hôpital Saint-Jean d’Angély' -> 'hopital saint jean d angely' (lower case, no accents, words)."""
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # ß casefolds to 'ss'; œ and æ have no decomposition: spell them out so 'oeuvre' finds 'œuvre'.
    bare = bare.replace("œ", "oe").replace("æ", "ae").replace("ø", "o").replace("ł", "l").replace("đ", "d")
    return " ".join(_NOT_ALNUM.sub(" ", bare).split())


def fold_series(names: pd.Series) -> pd.Series:
    """fold() of every name, as one string column aligned with `names` (computed once per dataset)."""
    unique = pd.unique(names.astype("object").fillna(""))
    folded = {name: fold(name) for name in unique}
    return names.astype("object").fillna("").map(folded).astype("str")


# What French readers type for what the press writes out, and back: "CH de Dax" finds "Centre hospitalier de
# Dax", "centre hospitalier universitaire de Rouen" finds "CHU de Rouen". Folded forms, longest first.
ABBREVIATIONS = (
    ("centre hospitalier universitaire", "chu"),
    ("centre hospitalier regional", "chr"),
    ("centre hospitalier intercommunal", "chi"),
    ("centre hospitalier", "ch"),
    ("groupement hospitalier de territoire", "ght"),
    ("assistance publique hopitaux de paris", "ap hp aphp"),
    ("assistance publique hopitaux de marseille", "ap hm aphm"),
    ("hospices civils de lyon", "hcl"),
    ("etablissement d hebergement pour personnes agees dependantes", "ehpad"),
)


def with_abbreviations(folded: str) -> str:
    """A folded name with the other spelling of each abbreviation it holds appended (both ways)."""
    extra = []
    padded = f" {folded} "
    for long, short in ABBREVIATIONS:
        if f" {long} " in padded:
            extra.append(short)
        for form in short.split():
            if f" {form} " in padded:
                extra.append(long)
    return " ".join([folded, *extra]) if extra else folded


def fold_rows(frame: pd.DataFrame) -> pd.Series:
    """What search reads of each report: its organisation, town and vendor, folded, abbreviations both ways
    (so "Dax", "Villefranche" and "Dedalus" find their attacks)."""
    parts = [frame[c].astype("object").fillna("").astype(str) for c in ("organization", "locality", "vendor")
             if c in frame.columns]
    text = parts[0].str.cat(parts[1:], sep=" ") if len(parts) > 1 else parts[0]
    folded = fold_series(text)
    unique = pd.unique(folded)
    expanded = {value: with_abbreviations(value) for value in unique}
    return folded.map(expanded).astype("str")


def query_words(query: str) -> list[str]:
    return fold(query).split()


def matches(folded_names: pd.Series, query: str) -> pd.Series:
    """True where every word of `query` occurs in the folded name; all True for an empty query."""
    keep = pd.Series(True, index=folded_names.index)
    for word in query_words(query):
        keep &= folded_names.str.contains(word, regex=False).fillna(False).astype(bool)
    return keep
