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


def query_words(query: str) -> list[str]:
    return fold(query).split()


def matches(folded_names: pd.Series, query: str) -> pd.Series:
    """True where every word of `query` occurs in the folded name; all True for an empty query."""
    keep = pd.Series(True, index=folded_names.index)
    for word in query_words(query):
        keep &= folded_names.str.contains(word, regex=False).fillna(False).astype(bool)
    return keep
