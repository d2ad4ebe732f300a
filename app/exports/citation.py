"""How to cite a view: the dataset's date and version, the view's link, the sources. Pure functions.

The version is the first 12 hex digits of the SHA-256 of data/incidents.csv: it names the exact bytes a
reader saw whatever the state of the git checkout (a commit id would not, for a working copy that differs
from it) and anyone can check it with `sha256sum data/incidents.csv`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd

from app import i18n

VERSION_DIGITS = 12


@dataclass(frozen=True)
class Provenance:
    """What a download or a citation must say about where its numbers come from."""

    as_of: pd.Timestamp | None  # newest export of any source in the data
    sha256: str  # of data/incidents.csv ('' when unknown)
    view_url: str  # the link that reproduces the view
    accessed: dt.date  # the day the reader looked
    sources: tuple[str, ...] = ()  # source codes of the rows concerned
    filters: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (what, value), in the reader's language


def version(sha256: str) -> str:
    return f"sha256:{sha256[:VERSION_DIGITS]}" if sha256 else "sha256:unknown"


def view_url(base: str | None, page: str, params: Mapping[str, Sequence[str] | str]) -> str:
    """The address of a view: `base` (st.context.url, the page's address without its query) when the browser
    told it, else a path relative to the app's root; `params` in a stable order (repeated keys kept)."""
    pairs = []
    for key, values in params.items():
        for value in ([values] if isinstance(values, str) else values):
            pairs.append((key, value))
    query = urlencode(pairs, safe=":/")
    address = base.rstrip("/") if base else f"/{page}".rstrip("/") or "/"
    if base and page and not address.endswith(f"/{page}"):
        # st.context.url of the default page has no path: say the page so the link survives a new default.
        address = f"{address}/{page}"
    return f"{address}?{query}" if query else address


def citation(provenance: Provenance, lang: str, source_names: Sequence[str]) -> str:
    """One citation in `lang`: publisher, title, data date, version, view link, access date, sources."""
    as_of = i18n.format_date(provenance.as_of, lang) if provenance.as_of is not None else "–"
    return i18n.t("Healthcare cyberattack observatory ({year}). Cyberattacks and data breaches affecting "
                  "healthcare organisations [dataset], data as of {as_of}, version {version}. View: {url} "
                  "(accessed {accessed}). Underlying sources: {sources}.", lang, as_of=as_of, version=version(provenance.sha256), url=provenance.view_url,
                  accessed=i18n.format_date(provenance.accessed, lang), year=provenance.accessed.year,
                  sources="; ".join(source_names) or "–")


def citations(provenance: Provenance, source_names_by_lang: Mapping[str, Sequence[str]]) -> str:
    """The citation in English and in French, one paragraph each (what the views and the downloads show)."""
    return "\n\n".join(f"[{lang.upper()}] {citation(provenance, lang, source_names_by_lang[lang])}"
                       for lang in ("en", "fr"))
