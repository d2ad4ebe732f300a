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
import pyarrow as pa
import pyarrow.compute as pc

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


# Rows folded at a time: the transient arrays of one chunk stay small (a few MB).
FOLD_CHUNK_ROWS = 50_000
# Every folded name with_abbreviations() changes holds one of these words (a short form, or the first word
# of a long one); only those go through it.
_ABBREVIATION_WORDS = sorted({word for long, short in ABBREVIATIONS for word in (long.split()[0], *short.split())})
# Bytes of plain ASCII text as fold() leaves them: letters in lower case, digits, anything else a space.
_FOLDED_BYTE = np.full(256, ord(" "), dtype=np.uint8)
for _ch in "0123456789abcdefghijklmnopqrstuvwxyz":
    _FOLDED_BYTE[ord(_ch)] = _FOLDED_BYTE[ord(_ch.upper())] = ord(_ch)
_STR = pd.StringDtype("pyarrow", na_value=np.nan)


def fold_rows(frame: pd.DataFrame) -> pd.Series:
    """What search reads of each report: its organisation, town and vendor, folded, abbreviations both ways
    (so "Dax", "Villefranche" and "Dedalus" find their attacks). As `fold_series(text).map(with_abbreviations)`
    of the three joined by a space, computed with Arrow in chunks: plain-ASCII text (most names) folds as
    lower case and runs of other characters as one space, which is what fold() does to it; only the rest,
    and names that hold an abbreviation, go through Python, once per distinct value."""
    columns = [c for c in ("organization", "locality", "vendor") if c in frame.columns]
    pieces = [_fold_chunk([_text(frame[c].iloc[start:start + FOLD_CHUNK_ROWS]) for c in columns])
              for start in range(0, len(frame), FOLD_CHUNK_ROWS)]
    folded = pa.chunked_array(pieces, type=pa.large_string())
    return pd.Series(pd.arrays.ArrowStringArray(folded, dtype=_STR), index=frame.index, name=columns[0])


def _text(column: pd.Series) -> pa.Array:
    """A column as Arrow text, missing values as ''."""
    if isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow":
        values = pa.chunked_array(column.array._pa_array).combine_chunks()
    else:
        values = pa.array(column.astype("object").fillna("").astype(str).tolist(), type=pa.large_string())
    return pc.fill_null(values.cast(pa.large_string()), "")


def _fold_chunk(parts: list[pa.Array]) -> pa.Array:
    text = pc.binary_join_element_wise(*parts, pa.scalar(" ", pa.large_string())) if len(parts) > 1 else parts[0]
    folded = _in_python(_fold_ascii(text), pc.invert(pc.string_is_ascii(text)), fold, text)
    words = pc.split_pattern(folded, " ")
    hits = pc.is_in(pc.list_flatten(words), value_set=pa.array(_ABBREVIATION_WORDS, pa.large_string()))
    candidate = np.zeros(len(folded), dtype=bool)
    candidate[pc.list_parent_indices(words).to_numpy()[hits.to_numpy(zero_copy_only=False)]] = True
    return _in_python(folded, pa.array(candidate), with_abbreviations, folded)


def _fold_ascii(text: pa.Array) -> pa.Array:
    """fold() of plain-ASCII text, on its bytes (other rows get a placeholder, replaced afterwards): each byte
    folded (_FOLDED_BYTE), then only the first space after a word kept (none before the first word), and a
    last one trimmed."""
    text = text.cast(pa.large_string())
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int64)[text.offset:text.offset + len(text) + 1]
    raw = text.buffers()[2]
    data = np.frombuffer(raw, dtype=np.uint8)[offsets[0]:offsets[-1]] if raw is not None else np.zeros(0, np.uint8)
    offsets = offsets - offsets[0]
    folded = _FOLDED_BYTE[data]
    word = folded != ord(" ")
    after_word = np.r_[False, word[:-1]]
    lengths = np.diff(offsets)
    after_word[offsets[:-1][lengths > 0]] = False  # a string's first byte follows no word of its own
    keep = word | after_word
    kept = np.r_[0, keep.astype(np.int64).cumsum()][offsets]  # (a bool cumsum is several times slower)
    spaced = pa.LargeStringArray.from_buffers(len(text), pa.py_buffer(kept), pa.py_buffer(folded[keep].tobytes()))
    return pc.ascii_rtrim(spaced, " ")


def _in_python(values: pa.Array, where: pa.Array, function, source: pa.Array) -> pa.Array:
    """`values` with function(source) where `where` is true (computed once per distinct source value)."""
    if not pc.any(where).as_py():
        return values
    chosen = source.filter(where).to_pylist()
    done = {value: function(value) for value in dict.fromkeys(chosen)}
    return pc.replace_with_mask(values, where, pa.array([done[v] for v in chosen], type=values.type))


def query_words(query: str) -> list[str]:
    return fold(query).split()


def matches(folded_names: pd.Series, query: str) -> pd.Series:
    """True where every word of `query` occurs in the folded name; all True for an empty query."""
    keep = pd.Series(True, index=folded_names.index)
    for word in query_words(query):
        keep &= folded_names.str.contains(word, regex=False).fillna(False).astype(bool)
    return keep
