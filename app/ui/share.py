"""What the journalists' views share: URL state, the citation block and the download buttons (calls st.*).

The pure parts live in app.exports.citation, app.exports.downloads and app.prep.explore; this module only draws them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from app import data, i18n
from app.exports import citation, downloads


def current_link(page: str, lang: str) -> str:
    """The link that reproduces this view: the page's address and every URL parameter, the language
    included (a link without ?lang= would open in the reader's browser language)."""
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    params["lang"] = [lang]
    try:
        base = st.context.url
    except (AttributeError, RuntimeError):  # a test harness without a browser
        base = None
    return citation.view_url(base, page, params)


def provenance(page: str, lang: str, sources: Sequence[str],
               filters: Sequence[tuple[str, str]] = ()) -> citation.Provenance:
    dataset = data.load_dataset()
    return citation.Provenance(as_of=dataset.as_of, sha256=data.dataset_sha256(),
                               view_url=current_link(page, lang), accessed=dt.date.today(),
                               sources=tuple(sorted(sources)), filters=tuple(filters))


def source_names(codes: Sequence[str]) -> dict[str, list[str]]:
    return {lang: [i18n.source_short(code, lang) for code in sorted(codes)] for lang in i18n.LANGUAGES}


def citation_block(prov: citation.Provenance, lang: str) -> None:
    """The citation in both languages, in a code box (it has a copy button), pinned to the data version."""
    with st.expander(i18n.t("How to cite this view", lang), expanded=False):
        st.caption(i18n.t("Pinned to this version of the data (the SHA-256 of data/incidents.csv) and to this "
                          "view's link, which reproduces every filter. Copy with the button at the top right.", lang))
        st.code(citation.citations(prov, source_names(prov.sources)), language=None, wrap_lines=True)


def download_buttons(rows: pd.DataFrame | Callable[[], pd.DataFrame], prov: citation.Provenance, lang: str, key: str,
                     what: str = "incidents", count: int | None = None) -> None:
    """Excel and zipped-CSV downloads of exactly `rows`, built only when the reader clicks. `rows` may be a
    function that gives them (with their `count`), so that they are only put together then."""
    stem = downloads.file_stem(prov.accessed, what)
    names = source_names(prov.sources)
    col_excel, col_csv = st.columns(2)
    count = len(rows) if isinstance(rows, pd.DataFrame) else count or 0
    too_big = count > downloads.EXCEL_MAX_ROWS
    nothing = not count  # a file of no rows would only be mistaken for data
    get = rows if callable(rows) else (lambda: rows)
    col_excel.download_button(
        i18n.t("Excel (.xlsx)", lang), data=lambda: downloads.xlsx_bytes(get(), prov, lang, names),
        file_name=f"{stem}.xlsx", on_click="ignore", key=f"{key}_xlsx", icon=":material/table:",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disabled=too_big or nothing)
    col_csv.download_button(
        i18n.t("CSV + README (.zip)", lang), data=lambda: downloads.zip_bytes(get(), prov, lang, names),
        file_name=f"{stem}.zip", mime="application/zip", on_click="ignore", key=f"{key}_zip",
        icon=":material/folder_zip:", disabled=nothing)
    st.caption(i18n.t("No row matches the selection: there is nothing to download.", lang) if nothing else
               i18n.t("Exactly the {rows} rows selected (every page), with the filters, the view's link, the "
                      "sources and their licences, the dataset's date and version and the citation: on the Excel "
                      "file's \"About\" sheet, or in the README.txt beside the CSV in the zip. Text that a "
                      "spreadsheet would run as a formula starts with an apostrophe.", lang, rows=i18n.format_int(count, lang)))
